"""`tracker response`: what a nerve block, an injection or a stimulator trial did, and
when its readings are due (printed after such an event is added)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from tracker import clock, medicines
from tracker import repository as repo
from tracker.cli.app import App, pass_app
from tracker.cli.lines import event_line
from tracker.cli.params import EVENT_ID, Parsed, positive_int
from tracker.domain import Event, plural

if TYPE_CHECKING:
    from tracker.analysis.response import Response

THRESHOLD = Parsed("threshold", positive_int)


@click.command()
@click.argument("event_id", type=EVENT_ID, metavar="EVENT_ID")
@click.option(
    "--threshold",
    type=THRESHOLD,
    metavar="PCT",
    help="A block's responder threshold, relief % (default 50; many clinics use 80).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the response as JSON.")
@pass_app
def response(app: App, event_id: int, threshold: int | None, as_json: bool) -> None:
    """How much relief a nerve block, injection or stimulator trial gave, and for how long.

    The baseline is the median daily pain over the 7 logged days before the procedure's
    day; each reading after it is relief % = 100 x (baseline - pain) / baseline.

    \b
    Examples:
      tracker response 4
      tracker response 4 --threshold 80
      tracker response 4 --json
    """
    from tracker.analysis import response as judged

    with app.session(write=False) as session:
        event = repo.get_event(session, event_id)
        judged.check_judged(event)
        judged.threshold_for(event, threshold)
        since, until = judged.days_read(event)
        entries = repo.list_entries(session, since, until)
        regimens = repo.list_regimens(session)
        doses = repo.list_doses(session, since, until)
    mme = medicines.mme_by_day(medicines.days_of_doses(regimens, doses, since, until))
    result = judged.judge(event, entries, mme, threshold)
    if as_json:
        import json

        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    for line in response_lines(result):
        click.echo(line)


def response_lines(result: Response) -> list[str]:
    """The response in plain sentences."""
    from tracker.analysis.response import after_text

    ev = result.event
    lines = [f"Response to event {ev.id}: {event_line(ev)}", f"Target: {result.target_reason}."]
    if result.baseline is None:
        lines.append(f"Not judged: {result.missing}.")
        return lines
    first, last = result.baseline_days[0], result.baseline_days[-1]
    lines.append(
        f"Baseline: {result.baseline:g}/10, the median daily {result.target} pain over the"
        f" {len(result.baseline_days)} logged days from {first.isoformat()} to {last.isoformat()}."
    )
    if result.readings:
        lines.append("Readings:")
        for r in result.readings:
            when = f"{r.day.isoformat()} {r.time:%H:%M}" if r.time else f"{r.day.isoformat()}      "
            after = after_text(r.hours_after, result.lasted_in_days)
            lines.append(
                f"  {when}  {after + ' after':<14} pain {r.pain:g}  relief {r.relief_pct:g} %"
            )
    if result.skipped:
        lines.append(
            f"({plural(result.skipped, 'entry', 'entries')} in that time could not be used: no"
            " time of day, or"
            f" no {result.target} rating.)"
        )
    if result.missing:
        lines.append(f"Not judged: {result.missing}.")
        return lines
    assert result.peak_relief_pct is not None and result.relief_lasted_hours is not None
    best = " (the best day's mean pain)" if result.lasted_in_days else ""
    lines.append(f"Peak relief: {result.peak_relief_pct:g} %{best}.")
    if result.reached:
        lines.append(f"Relief of at least {result.threshold_pct} % lasted {result.lasted_text}.")
    else:
        lines.append(f"Relief never reached {result.threshold_pct} %.")
    if ev.kind == "stimulator-trial":
        assert result.mme_before is not None and result.mme_during is not None
        lines.append(
            f"Median daily relief over the trial: {result.median_relief_pct:g} %. Opioids:"
            f" {result.mme_before:g} MME a day in the 7 days before, {result.mme_during:g}"
            " during the trial"
            + (" (stable or reduced)." if result.mme_during <= result.mme_before else " (more).")
        )
        lines.append(medicines.MME_CAVEAT)
        lines.append(
            "A trial counts as a success only with at least 50 % relief and stable or reduced"
            " pain medicines."
        )
    verdict = "a responder" if result.responder else "not a responder"
    lines.append(f"Verdict: {verdict} at the {result.threshold_pct} % threshold.")
    if ev.kind == "stimulator-trial" and not result.responder:
        if result.median_relief_pct is not None and result.median_relief_pct >= 50:
            lines.append("(The relief reached 50 %, but the opioid medicines rose during it.)")
    lines.append("These are the diary's numbers, for your clinician to weigh; not a diagnosis.")
    return lines


def readings_due_lines(ev: Event) -> list[str]:
    """After a block, an injection or a trial: when readings are due, and how to log each."""
    from tracker.analysis import response as judged

    if ev.kind not in judged.JUDGED_KINDS:
        return []
    due = judged.readings_due(ev)
    if not due:
        return [
            "Readings after a block are counted in hours from it: give its time with"
            f" 'tracker event edit {ev.id} --at HH:MM' to see when they are due."
        ]
    today = clock.today()
    if ev.kind == "nerve-block":
        lines = ["Readings due (rate the pain the block is for, e.g. --where lower-back=N):"]
        for d in due:
            assert d.time is not None
            date = "" if d.day == today else f" --date {d.day.isoformat()}"
            lines.append(f"  {d.label:>6}  {d.day.isoformat()} {d.time:%H:%M}  tracker log PAIN"
                         f"{date} --at {d.time:%H:%M}")  # fmt: skip
    else:
        what = "6 weeks" if ev.kind == "injection" else f"{len(due)} days (the trial)"
        lines = [
            f"Readings due once a day for {what}, {due[0].day.isoformat()} to"
            f" {due[-1].day.isoformat()}; each day: tracker log PAIN --where PLACE=N, rating the"
            " place it was for (e.g. lower-back=5, left-calf=6; for an earlier day: --date"
            " YYYY-MM-DD)",
        ]
    lines.append(f"Then: tracker response {ev.id}")
    return lines


COMMANDS = (response,)
