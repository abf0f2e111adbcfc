"""`tracker trend`, `tracker report` and `tracker demo` end to end: what the PDF and PNGs hold."""

from __future__ import annotations

import datetime as dt
import json
import re
import stat
import struct
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader
from support import MK_KEYS, TODAY, TOP_KEYS, text_sizes

from reports.style import installed_families
from reports.text import REPORT_RED_FLAG_NOTE
from tracker import domain
from tracker.cli import cli
from tracker.db import Database
from tracker.wording import DISCLAIMER

PAGES = 4  # issue 11: at most four A4 pages
CHARTS = ("summary.png", "course.png", "where-it-hurts.png", "findings-and-months.png")
A4_AT_150_DPI = (1240, 1753)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def invoke(db: Path, *args: str) -> Result:
    """The real command group on one diary."""
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def page_texts(pdf: Path) -> list[str]:
    """Each page's text with runs of whitespace collapsed (wrapped lines rejoined)."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]


def raw_page_texts(pdf: Path) -> list[str]:
    """Each page's text as extracted, a printed line a line (tables row by row)."""
    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


def flat(text: str) -> str:
    """A sentence with whitespace collapsed, as it reads in page_texts."""
    return " ".join(text.split())


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's signature and IHDR chunk (fails on anything else)."""
    head = path.read_bytes()[:24]
    assert head[:8] == PNG_SIGNATURE, f"{path.name} is not a PNG"
    assert head[12:16] == b"IHDR"
    return struct.unpack(">II", head[16:24])


@pytest.fixture(scope="module")
def demo_run(demo_folder: tuple[Path, str]) -> tuple[Path, str]:
    """`tracker demo`, built once for the run (conftest.py): its folder and what it printed."""
    return demo_folder


@pytest.fixture(scope="module")
def report_run(demo_run: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> dict:
    """`tracker report --png` on a copy of the demo diary (a report is noted in the diary it
    reads), and `trend --json` on the same diary."""
    import shutil

    folder, _ = demo_run
    out = tmp_path_factory.mktemp("report")
    db = out / "demo-diary.sqlite3"
    shutil.copy(folder / "demo-diary.sqlite3", db)
    result = invoke(
        db,
        "report",
        "--out",
        str(out / "x.pdf"),
        "--png",
        str(out / "charts"),
        "--name",
        "Alex Example",
    )
    trend = invoke(db, "trend", "--json")
    assert trend.exit_code == 0, trend.output
    sentences = invoke(db, "trend").output.splitlines()
    return {
        "db": db,
        "out": out,
        "result": result,
        "trend": json.loads(trend.output),
        "sentences": sentences,
    }


# ---------------------------------------------------------------- the full report


def test_report_says_where_it_wrote_the_pdf_and_the_charts(report_run):
    result, out = report_run["result"], report_run["out"]
    assert result.exit_code == 0, result.output
    assert f"Report written to {out / 'x.pdf'}" in result.output
    assert f"Charts written to {out / 'charts'}: {', '.join(CHARTS)}" in result.output


def test_report_has_four_pages_and_page_one_leads_with_the_headline(report_run):
    pages = page_texts(report_run["out"] / "x.pdf")
    assert len(pages) == PAGES
    first = pages[0]
    verdict = report_run["sentences"][0]  # what `tracker trend` says first
    assert verdict.startswith("Pain has been higher over the last 6 weeks")
    assert report_run["trend"]["verdict"] == "worsening"
    assert flat(verdict) in first
    assert flat(DISCLAIMER) in first
    assert "Surgery " in first and "L4-L5 decompression and fusion" in first
    assert "Pain diary after spine surgery: Alex Example" in first
    assert first.index("Leg-dominant worsening since") < first.index("No red flags logged")
    assert first.index("No red flags logged") < first.index("Is it getting worse?")
    assert "MCID" not in " ".join(pages)


def test_page_one_alone_answers_the_six_questions(report_run):
    """Course, worsening (since when, by how much), red flags, each treatment, back vs leg,
    how far down the limb pain and numbness reach now against at best (issue 11)."""
    first = page_texts(report_run["out"] / "x.pdf")[0]
    level = report_run["trend"]["level"]
    # 1 the course: the low point with its dates, and the rise a month since it
    assert re.search(
        r"The low point was \d+ \w{3}( \d{4})? - \d+ \w{3} \d{4}; from it to the last 6 weeks, "
        r"about \d+ months, pain rose about \+\d\.\d points a month\.",
        first,
    )
    assert "Months elapsed since surgery" not in first or "Pain (0-10)" in first
    # 2 worsening, since when, by how much
    assert "WORSENING" in first and "a rise of +" in first
    onset = dt.date.fromisoformat(report_run["trend"]["surgery_date"]) + dt.timedelta(
        days=int(level["onset_day_estimate"])
    )
    assert f"rising since about {onset.day} {onset:%B %Y}" in first
    # 3 red flags: plainly none, with the days asked
    days = report_run["trend"]["n_logged_days"]
    assert f"No red flags logged on any of the {days} days logged." in first
    # 4 what each treatment did (the table: test_page_one_holds_the_treatment_table...)
    assert "What each treatment did" in first
    for what in (
        "Physiotherapy: 8 sessions",
        "Pregabalin 75 mg twice daily started",
        "L5 transforaminal epidural steroid injection",
    ):
        assert what in first
    assert re.search(r"median 5 -> 3\.5/10, 14 days either side", first)
    # 5 back vs leg: the headline, and the before/after table's rows
    assert re.search(
        r"Leg-dominant worsening since \w{3} \d{4}: leg \d -> \d, back \d -> \d", first
    )
    assert re.search(r"Back pain 5/10 [\d.]+/10 \(month \d+\) \d/10 Leg pain 8/10", first)
    # 6 how far down the limb, now against at best (and before surgery)
    assert "pain now radiates to the left foot (none at best)" in first
    assert "numbness reaches the left big toe, in the L5 skin area (none at best)" in first
    assert "numbness in the left L5 skin area" not in first  # said once, with the numbness
    assert re.search(r"left leg: pain reaches calf \w+ foot left leg: numb to - - big toe", first)
    # the days logged, and what the overall score is
    assert f"Logged on {days} of " in first
    assert "Overall pain is the patient's one 0-10 rating" in first
    # the course is not a steady line here: neither said nor interval printed
    assert "steadily" not in first and "CI" not in first


def test_the_printed_rise_is_the_difference_of_the_printed_levels(report_run):
    pages = page_texts(report_run["out"] / "x.pdf")
    text = " ".join(pages)
    found = re.findall(
        r"median (\d+\.\d)/10\) than at its best after surgery \((\d+\.\d)/10[^:]*: a rise of "
        r"\+(\d+\.\d) points",
        text,
    )
    assert found, "the verdict line is not on the page"
    for now, best, rise in found:
        assert f"{float(now) - float(best):.1f}" == rise
    for now, best, rise in re.findall(
        r"Last 6 weeks: median (\d+\.\d)/10; best 6 weeks after surgery \(weeks \d+-\d+\): "
        r"(\d+\.\d)/10; difference \+(\d+\.\d) points",
        text,
    ):
        assert f"{float(now) - float(best):.1f}" == rise
    # one precision per figure: a rate a month is printed with one decimal everywhere
    assert not re.search(r"[+-]\d\.\d\d (points )?a month", text)


def test_chart_pages_carry_their_titles_and_numbers(report_run):
    pages = page_texts(report_run["out"] / "x.pdf")
    assert "The course after surgery" in pages[1]
    # elapsed time on page 2's axis, said so against the tables' month 1 (issue 11 pt 2)
    assert "Months elapsed since surgery (month 1 of the tables: 0 to 1)" in pages[1]
    level = report_run["trend"]["level"]
    assert f"Last 6 weeks: median {level['current_level']:.1f}/10" in pages[1]
    assert "Back pain and leg pain, rated separately" in pages[1]
    assert "Best 6 weeks after surgery" in pages[2] and "Last 6 weeks" in pages[2]
    assert "Where it hurts, month by month" in pages[2] and "left foot" in pages[2]
    assert "Numbness" in pages[2] and "Tingling" in pages[2]  # kept apart: numbness is a deficit
    assert "Month by month" in pages[3] and "Days Median Worst" in pages[3]
    assert "Back-filled" in pages[3]
    assert re.search(r"15\* .* Month 15 is partial: \d+ of its 30 days so far", pages[3])
    for number, page in enumerate(pages, start=1):
        assert f"page {number} of {PAGES}" in page


def test_each_chart_is_an_a4_png_at_150_dpi_and_owner_only(report_run):
    charts = report_run["out"] / "charts"
    assert sorted(p.name for p in charts.iterdir()) == sorted(CHARTS)
    for name in CHARTS:
        assert png_size(charts / name) == A4_AT_150_DPI
        assert stat.S_IMODE((charts / name).stat().st_mode) == 0o600
    assert stat.S_IMODE((report_run["out"] / "x.pdf").stat().st_mode) == 0o600


def test_page_one_holds_the_before_after_table_and_lines_that_trend_prints(report_run):
    """Issue 14: before vs best after vs now, the weekly same/partly/different shares and
    the neutral lines, on page 1 in the words `tracker trend` uses."""
    first = page_texts(report_run["out"] / "x.pdf")[0]
    printed = report_run["sentences"]
    start = next(i for i, line in enumerate(printed) if line.startswith("Before and after"))
    assert flat(printed[start].rstrip(":")) in first
    assert "before, as remembered" in first
    assert "before best month* now" in first  # the table's headings
    table = [flat(line) for line in printed[start + 2 :] if line.startswith("  ")]
    assert len(table) >= 5  # overall, back, leg; how far pain and numbness reached
    assert "Overall pain 8/10" in table[0]
    for row in table:
        assert row in first
    notes = [line for line in printed[start + 1 :] if not line.startswith("  ")]
    assert any(line.startswith("Leg pain returned: 1.5/10 at best (month 2)") for line in notes)
    assert any(line.startswith("The same pain as before the operation?") for line in notes)
    for line in notes:  # how far down each limb: the table's rows say it (above)
        if not re.match(r"(Pain|Numbness) now reaches the", line):
            assert flat(line) in first
    assert re.search(r"same \d+ \(\d+ %\), partly \d+ \(\d+ %\), different \d+", first)


def test_months_are_counted_from_1_on_every_page(report_run):
    """Issue 11 pt 2: page 1's "3/10 (month 4)" and page 4's table count alike: month 1 is the
    first 30 days after surgery (2 Oct - 31 Oct 2025), the partial 15th month is starred,
    and the table's note states the rule once."""
    from tracker.provokes_wording import BEST_MONTH_NOTE

    pages = page_texts(report_run["out"] / "x.pdf")
    first = pages[0]
    assert "Overall pain 8/10 3/10 (month 4) 7/10" in first
    assert flat(BEST_MONTH_NOTE) in first
    table = raw_page_texts(report_run["out"] / "x.pdf")[3]
    table = table[table.index("Month by month") :]
    surgery = dt.date.fromisoformat(report_run["trend"]["surgery_date"])
    end = surgery + dt.timedelta(days=29)
    # Read as printed, a line at a time: the headings' lines, then a month a row.
    assert re.search(r"Month Dates Days .*\nsince .*\nsurgery", table)
    months = [line.split(" ", 1)[0] for line in month_rows(table)]
    assert months == [*map(str, range(1, 15)), "15*"]
    first_month = re.escape(f"1 {surgery.day} {surgery:%b %y} - {end.day} {end:%b %y} ")
    assert re.search(rf"^{first_month}", table, re.MULTILINE)
    assert (
        f"Month 1 is the first 30 days after surgery on {surgery.day} {surgery:%b %Y}, as on "
        "every page (page 2's top axis counts months elapsed: month 1 is 0 to 1)" in flat(table)
    )
    assert "Month 0" not in " ".join(pages) and "month 0" not in " ".join(pages)


def month_rows(table: str) -> list[str]:
    """The month table's rows as the PDF's text gives them, one line each: those that start
    with a month number (a '*' marks the partial month)."""
    return [line for line in table.splitlines() if re.match(r"\d+\*? \d", line)]


def test_each_best_leg_figure_says_the_rule_it_uses(report_run):
    """Issue 11 pt 3: the headline's leg 1 (best 6 weeks), the before/after table's 1.5 (the
    best month with at least 7 leg-rated days) and the month table's 1.0 (a month with fewer,
    in brackets) each say which rule they follow, so that a surgeon can reconcile them."""
    pages = page_texts(report_run["out"] / "x.pdf")
    first, last = pages[0], pages[3]
    assert "leg 1/10 -> 7/10" in first or "leg 1 -> 7" in first
    assert "(medians, best 6 weeks -> last 6 weeks)" in first
    assert "Leg pain 8/10 1.5/10 (month 2) 7/10" in first
    assert "a 30-day month with at least 7 days rated" in first
    table = raw_page_texts(report_run["out"] / "x.pdf")[3]
    table = table[table.index("Month by month") :]
    legs = [line.split()[-1] for line in month_rows(table)]  # the last column: leg (median)
    assert re.search(r"Back Leg\n.* pain pain\n.*\(median\) \(median\)\n", table)
    assert " ".join(legs[:6]) == "2.0 1.5 (2.0) (1.0) (1.5) 2.0"
    assert "In brackets: a back or leg median of fewer than 7 days scored" in last


def test_page_one_holds_the_treatment_table_and_the_opioid_load_now_against_at_best(report_run):
    """Issue 11: date, what, side/level/dose, peak relief, how long, verdict for each
    treatment; the medicines now; MME a day now against at best, with the CDC caveat; and
    the daily MME beneath the course on page 2."""
    db = report_run["db"]
    pages = page_texts(report_run["out"] / "x.pdf")
    first = pages[0]
    events = json.loads(invoke(db, "event", "list", "--json").output)
    injection = next(e for e in events if e["kind"] == "injection")
    response = json.loads(invoke(db, "response", str(injection["id"]), "--json").output)
    day = dt.date.fromisoformat(injection["date"])
    peak = f"{response['peak_relief_pct']:g}"  # as tracker response prints it
    assert response["peak_relief_pct"] >= 50 and response["responder"] is True
    assert "Date What (side, level, dose) Peak Lasted Verdict" in first
    row = re.search(
        rf"{day.day} {day:%b %Y} L5 transforaminal epidural steroid injection \(left, L5-S1\)"
        rf" {peak} % "
        r"(\d+ days?|\d+ h) responder \(50 % threshold\)",
        first,
    )
    assert row, "the injection's row is not on page 1"
    assert first.index("What each treatment did") < first.index(row.group(0))
    # the medicines now, and the opioid load now against the best time, from the doses
    assert re.search(
        r"Medicines on \d+ \w{3} \d{4}: tramadol 50 mg as needed \(opioid, since", first
    )
    assert "pregabalin 75 mg twice daily (since" in first
    doses = json.loads(invoke(db, "med", "doses", "--json").output)
    recent = [TODAY - dt.timedelta(days=n) for n in range(42)]
    by_day = {d["date"]: d["mme"] for d in doses}
    now = round(sum(by_day.get(d.isoformat(), 0) for d in recent) / 42, 1)
    assert now > 0
    assert f"Opioids: {now:.1f} MME a day now (mean of the last 6 weeks) vs 0 at the best" in first
    assert "MME (CDC 2022 factors) is for comparing opioid totals" in first
    assert "Opioids: MME a day" in pages[1]  # the daily load beneath the course


def test_page_one_holds_the_nerve_self_check_and_nights_woken_by_the_red_flags(report_run):
    """Issue 11: the nerve self-check (with the date a failure first appeared) and nights
    woken next to the red flags; new weakness is in the headline and called a red flag."""
    first = page_texts(report_run["out"] / "x.pdf")[0]
    checks = json.loads(invoke(report_run["db"], "week", "list", "--json").output)
    heel = [c for c in checks if c["heel_walk"] in ("yes", "no")]
    failed = [c for c in heel if c["heel_walk"] == "no"]
    assert failed and heel[0]["heel_walk"] == "yes"  # the demo's weakness comes late
    first_failure = dt.date.fromisoformat(failed[0]["date"])
    when = f"{first_failure.day} {first_failure:%B %Y}"
    assert (
        "Nerve self-check (weekly): Heel walk: failed on" in first
        and f"failed in {len(failed)} of {len(heel)} weeks, first on {when}" in first
    )
    assert "Toe walk: passed on" in first and "Tripping: no on" in first
    assert f"heel walk failed since {when}." in first  # the headline ends with it
    assert (
        "! New weakness on the weekly nerve self-check (below) can be rapidly increasing leg"
        " weakness, a red flag." in first
    )
    assert re.search(r"Woken by pain on \d+ of \d+ nights answered", first)
    # The box leads with the new weakness, not with "No red flags logged" (a surgeon who
    # skimmed its first line read the failed heel walk as nothing).
    weakness, flags, nerve, verdict = (
        first.index("! New weakness on the weekly nerve self-check (below) can be"),
        first.index("No red flags logged"),
        first.index("Nerve self-check"),
        first.index("Is it getting worse?"),
    )
    assert weakness < flags < nerve < verdict


def test_page_four_holds_what_provokes_it_and_how_daily_life_is_going(report_run):
    """Issue 9's section: what made back and leg pain worse or eased it month by month (the
    heat map, with the share since surgery), the minutes walked, sat and stood over time,
    the pattern note with its days, the weekly answers; then the months, at most four pages
    in all, and nothing page 1 or a chart already says."""
    pages = page_texts(report_run["out"] / "x.pdf")
    assert len(pages) <= 4
    last = pages[3]
    assert "What provokes it, month by month" in last
    labels = ("Back-pain days answered worse walking worse sitting worse standing eased by "
              "sitting eased by lying down Leg-pain days answered worse walking worse standing "
              "worse getting up eased by sitting eased by lying down eased by bending forward "
              "woken by pain (of nights)")  # fmt: skip
    assert labels in last
    assert "hatched: under 7 days (nights) answered; all: since surgery" in last
    assert re.search(
        r"Leg pain worse standing or walking and eased by sitting or bending forward on \d+ % "
        r"of days \(\d+ of the \d+ days with movement answers; the first .*\): a pattern often "
        r"seen with spinal stenosis",
        last,
    )
    assert re.search(r"walking \d+ -> \d+ min sitting \d+ -> \d+ min standing \d+ -> \d+ min", last)
    assert re.search(r"Weekly answers, first -> latest \(\d+ weekly checks, .*\): pain got in "
                     r"the way of daily life \d+ -> \d+/10", last)  # fmt: skip
    assert "work: modified duties -> off work" in last
    assert "change since surgery: much better -> a little worse" in last
    assert re.search(
        r"own activities \(10 = as before the problem\): walk the dog \d+ -> \d+", last
    )
    # the month-by-month table stays whole (no months folded into years) and after it
    assert "folded into one row" not in last
    assert last.index("What provokes it") < last.index("Month by month")
    # told once: page 1 has the nerve self-check, nights woken and skin area; the heat map
    # the shares since surgery; the chart the minutes; page 1 the treatments and reach
    for said_elsewhere in (
        "Nerve self-check", "Woken by pain on", "Numbness in the left L5 skin area",
        "with movement answers): worse", "Walking before leg symptoms", "Radiation now reaches",
        "Physiotherapy: 8 sessions",
    ):  # fmt: skip
        assert said_elsewhere not in last, said_elsewhere


def test_page_four_prints_each_months_share_of_answered_days_back_against_leg(report_run):
    """The heat map's figures are the analysis's: for back-pain and for leg-pain days, each
    month's days answered (grey), each activity's share of them month by month (blank under
    7 answered days) and since surgery, and the nights woken, months numbered from 1."""
    from tracker.report_inputs import report_data

    database = Database(f"sqlite:///{report_run['db']}")
    with database.session(write=False) as session:
        data = report_data(session, today=TODAY)
    database.dispose()
    by = data.provokes.by_month
    assert [s.scope for s in by.scopes] == ["back", "leg"] and by.nights is not None
    last = page_texts(report_run["out"] / "x.pdf")[3]
    heat = last[: last.index("What provokes it, daily life")]  # drawn before the page's text
    shown = []
    for scope in by.scopes:
        shown.append(" ".join(str(days) for days in scope.answered if days))
        for row in scope.rows:
            shown.append(" ".join(f"{100 * c.share:.0f}" for c in row.cells if c.share is not None))
            assert [c.share is None for c in row.cells] == [d < 7 for d in scope.answered]
    shown.append(" ".join(f"{100 * c.share:.0f}" for c in by.nights.cells if c.share is not None))
    assert " ".join(shown) in heat
    months = " ".join(f"{i + 1}{'*' if i == by.partial else ''}" for i in by.months)
    assert months.startswith("1 2 3 ") and months.endswith("15*") and months in heat
    totals = []
    for scope in by.scopes:
        totals.append(str(sum(scope.answered)))
        totals += [f"{100 * row.share:.0f}" for row in scope.rows]
    totals.append(f"{100 * by.nights.share:.0f}")
    assert " ".join(totals) + " all" in heat
    # the since-surgery shares are those the pattern note and the analysis give
    leg = next(s for s in data.provokes.overall if s.scope == "leg")
    assert f"{100 * leg.worse_share('walking'):.0f}" in totals


def _sizes_at_least_8_pt(pdf: Path) -> None:
    """Every piece of text on every A4 page is at least 8 pt."""
    import pypdf

    reader = pypdf.PdfReader(pdf)
    for page in reader.pages:  # A4 in points
        assert [round(float(page.mediabox.width)), round(float(page.mediabox.height))] == [595, 842]
    for number, page in enumerate(reader.pages, start=1):
        sizes = text_sizes(page)
        assert len(sizes) > 20, f"page {number} has almost no text"
        assert min(sizes) >= 7.99, f"page {number} has {min(sizes):.1f} pt text"


def test_no_text_is_smaller_than_8_pt(report_run):
    """Readable when printed: every piece of text on every page is at least 8 pt on A4."""
    _sizes_at_least_8_pt(report_run["out"] / "x.pdf")


def _font_names(pdf: Path) -> set[str]:
    """The base names of every font the PDF's pages use."""
    names = set()
    for page in PdfReader(pdf).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object().get("/BaseFont", "")))
    return names


@pytest.mark.skipif(
    not installed_families(["Noto Sans CJK JP"]), reason="needs Debian's fonts-noto-cjk (.ci/run)"
)
def test_any_name_prints_through_font_fallback_without_warnings(report_run, tmp_path):
    out = tmp_path / "n.pdf"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = invoke(report_run["db"], "report", "--out", str(out), "--name", "José Ñúñez 李")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [result.output.splitlines()[0]]  # one line, no notes
    assert result.output.startswith(f"Report written to {out} (")
    assert not [w for w in caught if "lyph" in str(w.message)]
    fonts = _font_names(out)
    assert any("NotoSansCJK" in name for name in fonts), fonts  # 李 came from Noto CJK
    assert any("DejaVuSans" in name for name in fonts), fonts
    assert "José Ñúñez" in page_texts(out)[0]


def test_a_name_no_font_covers_gives_one_note_not_a_warning_flood(report_run, tmp_path):
    out = tmp_path / "n.pdf"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = invoke(report_run["db"], "report", "--out", str(out), "--name", "Ann \U00013000")
    assert result.exit_code == 0, result.output
    assert not [w for w in caught if "lyph" in str(w.message)]
    notes = [line for line in result.output.splitlines() if line.startswith("Note:")]
    assert notes == [
        "Note: no font on this machine has \U00013000; it prints as a box (fonts-noto-cjk and "
        "fonts-noto cover most scripts)."
    ]
    assert len(PdfReader(out).pages) == PAGES


# ---------------------------------------------------------------- short diaries


def test_an_empty_diary_gives_a_valid_report_that_says_what_is_missing(tmp_path):
    Database(f"sqlite:///{tmp_path / 'd.sqlite3'}").engine().dispose()  # a new, empty diary
    result = invoke(tmp_path / "d.sqlite3", "report", "--out", str(tmp_path / "r.pdf"))
    assert result.exit_code == 0, result.output
    pages = page_texts(tmp_path / "r.pdf")
    assert len(pages) == PAGES
    assert "Not enough data for a verdict" in pages[0]
    assert "No entries in this period." in pages[0]
    assert flat(DISCLAIMER) in pages[0]
    assert "nothing to chart yet" in pages[1]
    assert "no body diagram yet" in pages[2]
    assert "no monthly table yet" in pages[3]


def test_one_entry_gives_four_pages_and_page_one_says_where_it_hurt(tmp_path):
    db = tmp_path / "d.sqlite3"
    logged = invoke(
        db, "log", "6", "--where", "lower-back=6", "--radiates", "left-calf", "--numb", "left-foot"
    )
    assert logged.exit_code == 0, logged.output
    result = invoke(db, "report", "--out", str(tmp_path / "r.pdf"), "--png", str(tmp_path / "p"))
    assert result.exit_code == 0, result.output
    pages = page_texts(tmp_path / "r.pdf")
    assert len(pages) == PAGES
    assert "Too early for a verdict" in pages[0]
    assert (
        "where it hurts: lower back 6/10; radiating to the left calf; numb in the left foot"
        in (pages[0])
    )
    assert flat(invoke(db, "trend").output.splitlines()[0]) in pages[0]
    assert "1 entry." in pages[0]
    assert "the 1 day since the diary began falls within the last 6 weeks" in pages[0]
    assert all(png_size(tmp_path / "p" / name) == A4_AT_150_DPI for name in CHARTS)
    _sizes_at_least_8_pt(tmp_path / "r.pdf")


def test_three_weeks_give_a_report_that_says_what_is_missing_in_its_unit(tmp_path):
    db = tmp_path / "d.sqlite3"
    today = TODAY
    assert (
        invoke(
            db,
            "surgery",
            "add",
            str(today - dt.timedelta(days=20)),
            "--procedure",
            "L5-S1 microdiscectomy",
        ).exit_code
        == 0
    )
    for back in range(20, 0, -1):
        day = str(today - dt.timedelta(days=back))
        logged = invoke(
            db,
            "log",
            str(5 + back % 3),
            "--date",
            day,
            "--where",
            "lower-back=4",
            "--where",
            "left-calf=6",
            "--radiates",
            "left-calf",
        )
        assert logged.exit_code == 0, logged.output
    result = invoke(db, "report", "--out", str(tmp_path / "r.pdf"))
    assert result.exit_code == 0, result.output
    pages = page_texts(tmp_path / "r.pdf")
    assert len(pages) == PAGES
    sentence = flat(invoke(db, "trend").output.splitlines()[0])
    assert sentence.startswith("Not enough data for a verdict yet: needs at least 8 weeks")
    assert sentence in pages[0]  # the same sentence on every page that says it
    assert sentence in pages[1]
    assert "NOT ENOUGH DATA YET" in pages[0]
    assert "L5-S1 microdiscectomy" in pages[0]
    assert "MME" not in " ".join(pages) and "Medicines on" not in pages[0]  # no medicines
    assert "lower back" in pages[2] and "left calf" in pages[2]
    assert "First 6 weeks after surgery" in pages[2]
    _sizes_at_least_8_pt(tmp_path / "r.pdf")


# ---------------------------------------------------------------- trend


def test_trend_json_has_the_fields_of_the_spec(report_run):
    result = report_run["trend"]
    assert TOP_KEYS <= set(result)
    assert result["verdict"] in ("worsening", "stable", "improving", "insufficient_data")
    assert set(result["bins"]) == {"centre_day", "mean", "n_days"}
    assert set(result["fluctuation"]) == {"weekly_noise_sd_robust", "mdc", "lag1_autocorr_bins"}
    assert MK_KEYS <= set(result["trend"]["mk"])
    assert {"theil_sen_slope_per_30d", "theil_sen_ci95_per_30d", "T_worse"} <= set(result["trend"])
    assert {"current_level", "reference_level", "reference_window_centres", "L_worse"} <= set(
        result["level"]
    )
    assert set(result["monthly"]) == {"month_index", "median", "n_days"}
    assert result["as_of"] == TODAY.isoformat()


def test_trend_json_keeps_full_precision(report_run):
    printed = invoke(report_run["db"], "trend", "--json").output
    assert json.loads(printed)["trend"]["theil_sen_slope_per_30d"] == pytest.approx(
        report_run["trend"]["trend"]["theil_sen_slope_per_30d"], abs=0
    )
    assert re.search(r'"theil_sen_slope_per_30d": -?\d+\.\d{7,}', printed)


def test_trend_prints_the_verdict_sentences_and_key_numbers(report_run):
    result = invoke(report_run["db"], "trend")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    level = report_run["trend"]["level"]
    assert lines[0].startswith(
        f"Pain has been higher over the last 6 weeks (median {level['current_level']:.1f}/10)"
    )
    assert DISCLAIMER in lines
    assert any(line.startswith("Usable weeks: ") for line in lines)
    assert any(line.startswith("Last 6 weeks: median ") for line in lines)
    # L fired: the rate is the one since the best, not the whole-record line (method.md)
    assert any(line.startswith("Since the best: about +") for line in lines)
    assert not any(line.startswith("Steady trend: ") for line in lines)


def test_trend_as_of_and_since_narrow_the_diary(report_run):
    early = (TODAY - dt.timedelta(days=60)).isoformat()
    result = json.loads(invoke(report_run["db"], "trend", "--json", "--as-of", early).output)
    assert result["as_of"] == early
    since = json.loads(invoke(report_run["db"], "trend", "--json", "--since", early).output)
    assert since["n_logged_days"] < report_run["trend"]["n_logged_days"]


# ---------------------------------------------------------------- demo


def test_demo_builds_its_own_diary_and_says_where_everything_is(demo_run, tmp_path):
    folder, printed = demo_run
    assert printed.splitlines()[1] == f"Demo report written to {folder / 'demo-report.pdf'}"
    assert f"tracker --db {folder / 'demo-diary.sqlite3'} list" in printed
    assert "Verdict: Pain has been higher over the last 6 weeks" in printed
    assert len(PdfReader(folder / "demo-report.pdf").pages) == PAGES
    assert sorted(p.name for p in (folder / "charts").iterdir()) == sorted(CHARTS)
    assert not (folder.parent / "unused.sqlite3").exists()  # the user's diary is untouched


# ---------------------------------------------------------------- bad input


def test_out_in_a_missing_folder_is_one_line_exit_1(tmp_path):
    result = invoke(tmp_path / "d.sqlite3", "report", "--out", str(tmp_path / "no" / "r.pdf"))
    assert result.exit_code == 1
    assert (
        result.output
        == f"Error: the folder {tmp_path / 'no'} does not exist; create it or choose another\n"
    )


@pytest.mark.parametrize("command", ["report", "trend"])
def test_malformed_as_of_is_a_bad_value(tmp_path, command):
    result = invoke(tmp_path / "d.sqlite3", command, "--as-of", "2026-13-45")
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 1
    assert "'2026-13-45' is not a date" in result.output


def test_since_after_until_is_refused(tmp_path):
    result = invoke(
        tmp_path / "d.sqlite3",
        "report",
        "--out",
        str(tmp_path / "r.pdf"),
        "--since",
        "2026-03-01",
        "--until",
        "2026-02-01",
    )
    assert result.exit_code == 1
    assert result.output == "Error: --since 2026-03-01 is after --until 2026-02-01; swap them\n"
    assert not (tmp_path / "r.pdf").exists()


def test_red_flags_come_first_on_page_one_with_their_dates(tmp_path):
    db = tmp_path / "d.sqlite3"
    day = (TODAY - dt.timedelta(days=3)).isoformat()
    assert invoke(db, "log", "5", "--where", "lower-back").exit_code == 0
    assert invoke(db, "log", "7", "--date", day, "--red-flag", "bladder").exit_code == 0
    assert invoke(db, "report", "--out", str(tmp_path / "r.pdf")).exit_code == 0
    first = page_texts(tmp_path / "r.pdf")[0]
    flag = domain.RED_FLAGS["bladder"].capitalize()
    assert first.index("RED-FLAG SYMPTOMS LOGGED") < first.index(flag)
    assert first.index(flag) < first.index("Is it getting worse?")
    when = dt.date.fromisoformat(day)
    assert f"{flag}: 1 day ({when.day} {when:%b %Y})" in first
    # what the patient was told, for the clinician (not "Contact your surgeon now")
    assert flat(REPORT_RED_FLAG_NOTE) in first and "Contact your surgeon" not in first


def test_one_day_zero_for_every_page_even_when_no_entry_is_on_or_before_as_of(tmp_path):
    """Entries only after --as-of (but before --until), no surgery: no day 0, on every page."""
    db = tmp_path / "d.sqlite3"
    for day in ("2026-01-01", "2026-01-02", "2026-01-03"):
        assert invoke(db, "log", "5", "--date", day, "--where", "lower-back=5").exit_code == 0
    out = tmp_path / "r.pdf"
    result = invoke(
        db, "report", "--as-of", "2025-12-01", "--until", "2026-01-31", "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    pages = page_texts(out)
    assert "Not enough data for a verdict: no pain scores logged since the diary began." in pages[0]
    assert "nothing to chart yet" in pages[1]
    assert "No entries since day 0 in this period, so there is no body diagram yet." in pages[2]
    assert "no monthly table yet" in pages[3]


def test_a_name_in_the_fallback_font_keeps_every_page_whole(report_run, tmp_path):
    """DejaVu Sans (a name outside Helvetica's letters) is wider: page 1 still holds every
    answer and page 4 every month, nothing cut short ('...'), nothing under 8 pt."""
    out = tmp_path / "n.pdf"
    result = invoke(report_run["db"], "report", "--out", str(out), "--name", "Łucja Żak")
    assert result.exit_code == 0, result.output
    assert any("DejaVuSans" in name for name in _font_names(out))
    pages = page_texts(out)
    first, last = pages[0], pages[3]
    for part in (
        "Pain diary after spine surgery: Łucja Żak",
        "No red flags logged",
        "Nerve self-check (weekly): Heel walk: failed on",
        "Woken by pain on",
        "Is it getting worse?",
        "Before and after surgery",
        "The same pain as before the operation?",
        "What each treatment did",
        "L5 transforaminal epidural steroid injection",
        "Opioids: ",
        "Overall pain is the patient's one 0-10 rating",
        flat(DISCLAIMER),
    ):
        assert part in first, part
    assert "Month by month" in last and "folded into one row" not in last
    assert "'-': no entries." in last
    for page in pages[:2] + pages[3:]:
        assert " ..." not in page
    _sizes_at_least_8_pt(out)


def test_red_flags_and_many_treatments_leave_page_one_whole_and_the_rest_on_page_four(
    report_run, tmp_path
):
    """A crowded page 1 (three red flags, ten treatments) is laid out tighter, never cut:
    the course moves to page 2, the latest treatments stay, the earlier ones go to page 4,
    and the medicines, the days logged and the disclaimer stay on page 1."""
    import shutil

    db = tmp_path / "d.sqlite3"
    shutil.copy(report_run["db"], db)
    for day in ("2026-11-20", "2026-11-22"):
        flagged = invoke(db, "log", "8", "--date", day, "--red-flag", "leg-weakness",
                         "--red-flag", "bladder", "--red-flag", "fever")  # fmt: skip
        assert flagged.exit_code == 0, flagged.output
    blocks = ("2026-08-01", "2026-08-20", "2026-09-05", "2026-10-01", "2026-10-20", "2026-11-05")
    for day in blocks:
        added = invoke(db, "event", "add", day, "nerve-block", "L5 medial branch block",
                       "--side", "left", "--levels", "L4-L5")  # fmt: skip
        assert added.exit_code == 0, added.output
    out = tmp_path / "r.pdf"
    assert invoke(db, "report", "--out", str(out)).exit_code == 0
    pages = page_texts(out)
    first, last = pages[0], pages[3]
    assert "RED-FLAG SYMPTOMS LOGGED" in first and "Nerve self-check (weekly)" in first
    assert "What each treatment did" in first and "5 Nov 2026 L5 medial branch block" in first
    earlier = re.search(r"(\d+) earlier treatments?: page 4\.", first)
    assert earlier, "page 1 does not say where the earlier treatments are"
    # page 4 lists as many as page 1 says, in the table's terms (peak relief, how long, the
    # verdict): the 10-year report said 7 and listed 6, judged 14 days either side
    assert f"Earlier treatments ({earlier.group(1)}; page 1's table lists the latest)" in last
    assert re.search(r"\d+ \w+ 2025, Physiotherapy: 8 sessions: median 5 -> 3.5/10, 14 days "
                     r"either side \(descriptive, not causal\)\.", last)  # fmt: skip
    # the earliest block is on page 4 unless page 1 had room for it: on one page, not both
    on_first = "1 Aug 2026 L5 medial branch block" in first
    on_last = "1 Aug 2026, L5 medial branch block (left, L4-L5): " in last
    assert on_first != on_last
    assert "Opioids: " in first and "Logged on 3" in first and flat(DISCLAIMER) in first
    for page in pages:
        assert " ..." not in page
    _sizes_at_least_8_pt(out)


def test_page_one_says_how_far_down_it_reaches_when_that_has_not_changed(tmp_path):
    """Page 1 answers how far down the limb pain and numbness reach now against at best
    also when they reach as far as they did (the 10-year diary's page 1 said nothing)."""
    from tracker import repository
    from tracker.domain import Site, new_entry, new_event

    db = tmp_path / "d.sqlite3"
    surgery = TODAY - dt.timedelta(days=120)
    rows = []
    for offset in range(1, 121):
        day = surgery + dt.timedelta(days=offset)
        pain = 3 if offset < 60 else 5
        entry = new_entry(
            day,
            pain,
            dt.datetime.combine(day, dt.time(20)),
            where=(Site("lower-back", pain), Site("left-calf", pain)),
            radiates=("left-thigh", "left-calf"),
            numb=("left-foot",),
        )
        rows.append((entry, None))
    with Database(f"sqlite:///{db}").session() as session:
        repository.add_entries(session, rows)
        repository.add_event(session, new_event(surgery, "surgery", "L5-S1 decompression"))
    out = tmp_path / "r.pdf"
    result = invoke(db, "report", "--out", str(out))
    assert result.exit_code == 0, result.output
    first = page_texts(out)[0]
    assert "Radiation reaches the left calf and numbness the left foot: as far down as at" in first


def test_an_as_of_day_long_before_today_is_said_beneath_the_title(report_run, tmp_path):
    # The 10-year report's "now" ended 160 days before it was made, said only in grey.
    as_of = TODAY - dt.timedelta(days=40)
    out = tmp_path / "r.pdf"
    result = invoke(report_run["db"], "report", "--out", str(out), "--as-of", as_of.isoformat())
    assert result.exit_code == 0, result.output
    first = page_texts(out)[0]
    said = f"verdict as of {as_of.day} {as_of:%b %Y} (40 days old)"
    assert said in first and first.index(said) < first.index("Leg-dominant")
    assert "days old)" not in page_texts(report_run["out"] / "x.pdf")[0]


def test_page_ones_mme_strip_says_its_scale(report_run):
    # a surgeon saw the strip's bars without a number: it gives the highest day's MME
    first = raw_page_texts(report_run["out"] / "x.pdf")[0]
    doses = json.loads(invoke(report_run["db"], "med", "doses", "--json").output)
    highest = max(d["mme"] for d in doses)
    assert "The course, charted" not in first  # the course is on page 1, its strip beneath
    assert f"MME a day {highest:g}\n" in first
