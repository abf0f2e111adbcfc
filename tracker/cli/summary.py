"""`tracker summary`: the last weeks at a glance, the verdict, and what changed since the
last appointment report. Click only; the numbers come from tracker.analysis.summary."""

from __future__ import annotations

import datetime as dt

import click

from tracker import clock, domain, medicines
from tracker import repository as repo
from tracker.cli import paused_collector
from tracker.cli.app import App, pass_app
from tracker.cli.params import Parsed, positive_int
from tracker.errors import TrackerError, shown

MAX_WEEKS = 520  # 10 years: more than any diary is asked to show at a glance


def _weeks(text: str) -> int:
    """How many weeks to show: 1 to MAX_WEEKS."""
    count = positive_int(text)
    if count > MAX_WEEKS:
        raise TrackerError(
            f"'{shown(text)}' is more than {MAX_WEEKS} weeks (10 years); give 1 to {MAX_WEEKS}"
        )
    return count


WEEKS = Parsed("weeks", _weeks)


@click.command()
@click.option(
    "--weeks",
    "count",
    type=WEEKS,
    default=8,
    show_default=True,
    metavar="N",
    help="How many weeks, ending with this one (1 to 520).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@pass_app
def summary(app: App, count: int, as_json: bool) -> None:
    """The last weeks, one line each, the verdict, and what changed since your last report.

    \b
    Examples:
      tracker summary
      tracker summary --weeks 12 --json
    """
    from tracker.analysis import summary as glance

    with paused_collector():
        from tracker.report_inputs import trend_for
        from tracker.wording import describe_verdict

    today = clock.today()
    with app.session(write=False) as session:
        entries = repo.list_entries(session)
        events = repo.list_events(session)
        last_report = repo.last_report_day(session)
        verdict = trend_for(session, today)
        regimens = repo.list_regimens(session)
        first = today - dt.timedelta(days=today.weekday(), weeks=count - 1)
        if last_report:  # the 28 days before the last report, for its MME beside today's
            first = min(first, last_report - dt.timedelta(days=27))
        doses = repo.list_doses(session, first, today)
    taken = medicines.days_of_doses(regimens, doses, first, today)
    weeks = glance.weeks(entries, today, count, taken)
    changed = glance.since(entries, events, last_report, today, taken) if last_report else None
    sentence = describe_verdict(verdict)[0]
    if as_json:
        import json

        click.echo(json.dumps(_as_json(weeks, verdict.verdict, sentence, changed), indent=2))
        return
    # The dose columns only for a diary with medicines in it (tracker med add).
    dosed = f"{'Doses':>5} {'MME/day':>7}  " if regimens else ""
    click.echo(
        f"{'Week of':<12} {'Days':>4} {'Median':>6}  {'Back M-S':<8}  {'Leg M-S':<8}  {dosed}Flags"
    )
    for week in weeks:
        median = "-" if week.median_pain is None else f"{week.median_pain:.1f}"
        flags = ", ".join(week.red_flags)
        if regimens:
            mme = "-" if week.mean_mme is None else f"{week.mean_mme:.1f}"
            dosed = f"{week.doses:>5} {mme:>7}  "
        click.echo(
            f"{week.start:%a %d %b}  {week.days_logged:>4} {median:>6}  "
            f"{glance.sparkline(week.back):<8}  {glance.sparkline(week.leg):<8}  {dosed}"
            f"{flags}".rstrip()
        )
    click.echo(
        "Back, Leg M-S: a mark a day, Monday to Sunday, taller for worse pain (0-10) at those"
        f" places; {glance.NO_DAY} no rating."
    )
    caveat = any(week.mean_mme is not None for week in weeks)
    if caveat:
        click.echo(f"Doses: as logged that week; MME/day: the mean a day. {medicines.MME_CAVEAT}")
    click.echo(f"Verdict: {sentence}")
    click.echo(_since_line(changed))
    said_mme = getattr(changed, "mean_mme", None) or getattr(changed, "mean_mme_before", None)
    if said_mme is not None and not caveat:
        click.echo(medicines.MME_CAVEAT)


def _since_line(changed: object) -> str:
    from tracker.analysis.summary import Since

    if not isinstance(changed, Since):
        return (
            "No appointment report made yet: after 'tracker report', the summary says what"
            " changed since."
        )
    parts = [
        f"{domain.plural(changed.entries, 'entry', 'entries')} on"
        f" {domain.plural(changed.days_logged, 'day')}"
    ]
    if changed.median_pain is not None:
        before = (
            f" ({changed.median_before:.1f} in the 28 days before)"
            if changed.median_before is not None
            else ""
        )
        parts.append(f"median pain {changed.median_pain:.1f}{before}")
    if changed.new_regions:
        parts.append(
            "new: " + ", ".join(f"{kind} {region}" for kind, region in changed.new_regions)
        )
    if changed.events:
        parts.append(
            "events: "
            + ", ".join(f"{e.day.isoformat()} {e.kind} - {e.title}" for e in changed.events)
        )
    if changed.doses:
        needed = f" ({changed.as_needed} as needed)" if changed.as_needed else ""
        parts.append(f"{domain.plural(changed.doses, 'dose')}{needed}")
    if changed.mean_mme is not None or changed.mean_mme_before is not None:
        now = "none" if changed.mean_mme is None else f"{changed.mean_mme:.1f} MME a day"
        before = "none" if changed.mean_mme_before is None else f"{changed.mean_mme_before:.1f}"
        parts.append(f"opioids {now} ({before} in the 28 days before)")
    if changed.red_flags:
        parts.append("red flags: " + ", ".join(changed.red_flags))
    return f"Since your last report ({changed.day.isoformat()}): " + "; ".join(parts) + "."


def _as_json(weeks: list, verdict: str, sentence: str, changed: object) -> dict:
    from tracker.analysis.summary import Since

    def day(value: dt.date) -> str:
        return value.isoformat()

    since = None
    if isinstance(changed, Since):
        since = {
            "report_date": day(changed.day),
            "entries": changed.entries,
            "days_logged": changed.days_logged,
            "median_pain": changed.median_pain,
            "median_pain_before": changed.median_before,
            "new": [{"kind": kind, "region": region} for kind, region in changed.new_regions],
            "events": [e.as_dict() for e in changed.events],
            "red_flags": list(changed.red_flags),
            "doses": changed.doses,
            "as_needed_doses": changed.as_needed,
            "mean_mme": changed.mean_mme,
            "mean_mme_before": changed.mean_mme_before,
        }
    return {
        "weeks": [
            {
                "start": day(w.start),
                "end": day(w.end),
                "entries": w.entries,
                "days_logged": w.days_logged,
                "median_pain": w.median_pain,
                "back": list(w.back),
                "leg": list(w.leg),
                "red_flags": list(w.red_flags),
                "backfilled": w.backfilled,
                "doses": w.doses,
                "as_needed_doses": w.as_needed,
                "mean_mme": w.mean_mme,
            }
            for w in weeks
        ],
        "verdict": verdict,
        "verdict_sentence": sentence,
        "since_last_report": since,
    }


COMMANDS = (summary,)
