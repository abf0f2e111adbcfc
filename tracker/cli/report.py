"""`tracker trend`, `tracker report` and `tracker demo`: parse, call, print.

numpy, scipy, pandas and matplotlib are imported inside these commands only, so that
`tracker --help` and `tracker log` stay fast.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from tracker import clock
from tracker.cli import paused_collector
from tracker.cli.app import App, pass_app, refuse_overwrite
from tracker.cli.params import ANY_DATE, DATE
from tracker.domain import plural
from tracker.errors import TrackerError

DEMO_DB = "demo-diary.sqlite3"
DEMO_PDF = "demo-report.pdf"
DEMO_NOT_FOLDERS = (".pdf", ".png", ".sqlite3", ".db", ".csv", ".json")  # file names


@click.command()
@click.option("--as-of", type=ANY_DATE, help="Judge the course as of this day (default: today).")
@click.option("--since", type=DATE, help="Use only entries from this day on.")
@click.option("--json", "as_json", is_flag=True, help="Print the full verdict as JSON.")
@pass_app
def trend(app: App, as_of: dt.date | None, since: dt.date | None, as_json: bool) -> None:
    """Say, with numbers, whether pain has been getting worse since surgery.

    \b
    Examples:
      tracker trend
      tracker trend --as-of 2026-09-30 --json
    """
    import json

    with paused_collector():
        from tracker.provokes_wording import before_after_lines
        from tracker.report_inputs import before_after_for, trend_for
        from tracker.trend_json import verdict_json
        from tracker.wording import describe_verdict, trend_key_numbers

    with app.session(write=False) as session:
        result = trend_for(session, as_of or clock.today(), since)
        comparison = None if as_json else before_after_for(session, as_of or clock.today())
    if as_json:
        click.echo(json.dumps(verdict_json(result), indent=2))
        return
    for sentence in describe_verdict(result):
        click.echo(sentence)
    click.echo("")
    for line in trend_key_numbers(result):
        click.echo(line)
    if comparison is not None:  # the pain the latest surgery was for (issue 14)
        click.echo("")
        for line in before_after_lines(comparison):
            click.echo(line)


@click.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="PDF to write (default: tracker-report-DATE.pdf here).",
)
@click.option(
    "--png",
    "png_dir",
    type=click.Path(path_type=Path),
    metavar="DIR",
    help="Also write each chart as a PNG into DIR.",
)
@click.option(
    "--since", type=ANY_DATE, help="First day the report covers (default: the first entry)."
)
@click.option("--until", type=ANY_DATE, help="Last day the report covers (default: --as-of).")
@click.option("--as-of", type=ANY_DATE, help="Judge the course as of this day (default: today).")
@click.option("--name", help="Your name, as it should appear on the report.")
@click.option("--force", is_flag=True, help="Replace the PDF if it exists.")
@pass_app
def report(
    app: App,
    out: Path | None,
    png_dir: Path | None,
    since: dt.date | None,
    until: dt.date | None,
    as_of: dt.date | None,
    name: str | None,
    force: bool,
) -> None:
    """Write a PDF report for your appointment: verdict, charts, body diagram, monthly table.

    \b
    Examples:
      tracker report
      tracker report --out ~/appointment.pdf --name "Alex Smith"
      tracker report --since 2025-06-01 --png charts
    """
    with paused_collector():
        from reports.pdf import render_report  # pandas and matplotlib
        from tracker.report_inputs import check_out_path, png_folder, report_data

    if since and until and since > until:  # said before the diary is even opened
        raise TrackerError(f"--since {since} is after --until {until}; swap them")
    today = clock.today()
    out = check_out_path(out or Path(f"tracker-report-{today.isoformat()}.pdf"))
    refuse_overwrite(out, force)
    charts = png_folder(png_dir) if png_dir else None
    # The diary's entries live until the report is written: frozen out of the collector's way.
    with app.session(write=False) as session, paused_collector():
        data = report_data(session, today=today, as_of=as_of, since=since, until=until, name=name)
    notes: list[str] = []
    # Drawing makes hundreds of thousands of small objects (artists, paths, texts) that
    # would be scanned again and again; few are cycles (peak +2 MB on a 10-year diary).
    with paused_collector():
        pngs = render_report(data, out, charts, notes)
    for note in notes:  # e.g. a name no installed font can print: one line, not a warning each
        click.echo(note, err=True)
    _remember(app, data.as_of)
    click.echo(f"Report written to {out} ({plural(len(data.entries), 'entry', 'entries')}).")
    if pngs:
        click.echo(f"Charts written to {charts}: {', '.join(p.name for p in pngs)}")


@click.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("tracker-demo"),
    show_default=True,
    metavar="DIR",
    help="Folder for the demo diary and its report.",
)
@pass_app
def demo(app: App, out_dir: Path) -> None:
    """Try tracker on a made-up 14-month diary (your own diary is not touched).

    \b
    Example:
      tracker demo --out /tmp/tracker-demo
    """
    with paused_collector():
        from reports.pdf import render_report  # pandas and matplotlib
        from tracker.db import fresh_sqlite_database
        from tracker.demo import build_demo_diary
        from tracker.report_inputs import png_folder, report_data
        from tracker.wording import verdict_sentences

    if out_dir.suffix.lower() in DEMO_NOT_FOLDERS and not out_dir.is_dir():
        raise TrackerError(
            f"--out is the folder for the demo's diary, report and charts; '{out_dir}' looks"
            " like a file name: give a folder, e.g. --out tracker-demo"
        )
    folder = png_folder(out_dir)
    database = fresh_sqlite_database(folder / DEMO_DB, "choose another --out for the demo")
    today = clock.today()
    try:
        with database.session() as session:
            build_demo_diary(session, today)
        with database.session(write=False) as session:
            data = report_data(session, today=today)
    finally:
        database.dispose()
    pngs = render_report(data, folder / DEMO_PDF, png_folder(folder / "charts"))
    click.echo(f"Demo diary ({len(data.entries)} entries) written to {folder / DEMO_DB}")
    click.echo(f"Demo report written to {folder / DEMO_PDF}")
    click.echo(f"Charts written to {folder / 'charts'}: {', '.join(p.name for p in pngs)}")
    click.echo(f"Verdict: {verdict_sentences(data.verdict)[0]}")
    click.echo(f"Look at the demo diary with: tracker --db {folder / DEMO_DB} list")


def _remember(app: App, as_of: dt.date) -> None:
    """Note the report for `tracker summary`; a diary that cannot be written is only read."""
    from tracker import repository

    try:
        with app.session() as session:
            repository.note_report(session, clock.now(), as_of)
    except TrackerError:
        pass  # e.g. a read-only diary: the report is made all the same


COMMANDS = (trend, report, demo)
