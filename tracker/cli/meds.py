"""Medicines: the regimens (med add, change, stop, list), each dose taken (dose), and the
doses by day with their opioid total in MME (med doses). Loads no heavy library."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

import click

from tracker import clock, domain, journal, medicines, times
from tracker import repository as repo
from tracker.cli.app import App, pass_app
from tracker.cli.params import DATE, TIME
from tracker.errors import TrackerError, shown
from tracker.medicines import MME_CAVEAT, DayDoses, Dose, Regimen, amount_text

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_AMOUNT = re.compile(r"\d+(?:[.,]\d+)?\s*[a-z/]*", re.IGNORECASE)  # 75mg, 75 mg, 75


class AmountCommand(click.Command):
    """A command whose amount may be typed with a space before its unit: `--strength 75 mg`
    (or a dose's `10 mg`) is read as "75 mg" when the word after the number is a known unit
    (mg, mcg, mcg/h and their spelled-out forms); any other word left over there is answered
    with how to write it, instead of Click's 'unexpected extra argument'."""

    def __init__(self, *args: Any, amount_word: str = "strength", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.amount_word = amount_word  # what the message calls the amount

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        joined: list[str] = []
        for word in args:
            if joined and medicines.is_unit(word) and _NUMBER.fullmatch(joined[-1]):
                joined[-1] = f"{joined[-1]} {word}"
            else:
                joined.append(word)
        try:
            return super().parse_args(ctx, list(joined))  # Click consumes the list it is given
        except click.MissingParameter as exc:
            loose = [word for word in joined if _AMOUNT.fullmatch(word)]
            if exc.param is None or exc.param.name != "strength" or not loose:
                raise
            amount = shown(loose[0])
            raise click.UsageError(
                f"'{amount}': the strength goes after --strength: e.g. "
                f"'{ctx.command_path} {shown(joined[0])} --strength {amount.replace(' ', '')}'",
                ctx,
            ) from None
        except click.UsageError as exc:
            if not str(exc.message).startswith("Got unexpected extra argument"):
                raise
            found = [
                (number, after)
                for number, after in zip(joined, joined[1:], strict=False)
                if _NUMBER.fullmatch(number) and not after.startswith("-")
            ]
            if not found:
                raise
            number, after = found[0]
            raise click.UsageError(
                f"'{shown(number)} {shown(after)}': write the {self.amount_word} with its unit"
                f' as one word, {number}mg, or in quotes, "{number} mg" (units: '
                f"{', '.join(medicines.UNITS)})",
                ctx,
            ) from None


if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@click.group()
def med() -> None:
    """Your medicines: what you take, at what strength, since when.

    \b
    Examples:
      tracker med add pregabalin --strength 75mg --schedule "twice daily"
      tracker med add oxycodone --strength 5mg --as-needed
      tracker med change pregabalin --strength 150mg
      tracker med stop oxycodone
      tracker dose oxycodone          (one dose taken, now)
      tracker med doses --since 2026-11-01
    """


@med.command("add", cls=AmountCommand)
@click.argument("name")
@click.option("--strength", required=True, help="Strength with unit: 75mg, 500mcg, 25mcg/h.")
@click.option("--as-needed", is_flag=True, help="Taken as needed (PRN), not on a schedule.")
@click.option("--schedule", metavar="TEXT", help="How it is taken, e.g. 'twice daily'.")
@click.option("--date", "day", type=DATE, help="The day you started it (default today).")
@pass_app
def med_add(
    app: App, name: str, strength: str, as_needed: bool, schedule: str | None, day: dt.date | None
) -> None:
    """Add a medicine you take (and mark its start on the timeline).

    \b
    Examples:
      tracker med add pregabalin --strength 75mg --schedule "twice daily"
      tracker med add OxyNorm --strength 5mg --as-needed
      tracker med add fentanyl --strength 25mcg/h --date 2026-10-01     (a patch)
    """
    regimen = medicines.new_regimen(name, strength, day or clock.today(), as_needed, schedule)
    with app.session() as session:
        medicines.check_new(regimen, repo.list_regimens(session))
        said = f"started {regimen.describe()} on {regimen.started.isoformat()}"
        saved = repo.add_regimen(session, regimen, said)
        repo.add_event(
            session, domain.new_event(regimen.started, "medication-start", regimen.describe())
        )
        _journal_says(session, said)
    click.echo(f"Added {saved.describe()}, from {saved.started.isoformat()}.")
    _say_kind(saved)


@med.command("change", cls=AmountCommand)
@click.argument("name")
@click.option("--strength", required=True, help="The new strength with unit: 150mg.")
@click.option("--date", "day", type=DATE, help="The first day at the new strength (default today).")
@pass_app
def med_change(app: App, name: str, strength: str, day: dt.date | None) -> None:
    """Change a medicine's strength from a day on (the old one is kept in its history).

    \b
    Example:
      tracker med change pregabalin --strength 150mg --date 2026-11-01
    """
    day = day or clock.today()
    with app.session(create=False) as session:
        regimen = medicines.current_regimen(name, repo.list_regimens(session), day)
        ended, following = medicines.changed(regimen, strength, day)
        was = amount_text(regimen.strength, regimen.unit)
        now = amount_text(following.strength, following.unit)
        said = f"changed {regimen.name} from {was} to {now} on {day.isoformat()}"
        if ended is None:
            repo.update_regimen(session, following, said)
        else:
            repo.update_regimen(session, ended, said)
            repo.add_regimen(session, following, said)
        title = f"{regimen.name} {was} -> {now}"
        repo.add_event(session, domain.new_event(day, "medication-change", title))
        _journal_says(session, said)
    click.echo(f"Changed {regimen.name}: {was} -> {now}, from {day.isoformat()}.")


@med.command("stop")
@click.argument("name")
@click.option("--date", "day", type=DATE, help="The first day without it (default today).")
@pass_app
def med_stop(app: App, name: str, day: dt.date | None) -> None:
    """Stop a medicine (it stays in the history; doses after the stop are refused).

    \b
    Example:
      tracker med stop oxycodone --date yesterday
    """
    day = day or clock.today()
    with app.session(create=False) as session:
        regimen = medicines.current_regimen(name, repo.list_regimens(session), day)
        said = f"stopped {regimen.describe()} on {day.isoformat()}"
        repo.update_regimen(session, medicines.stopped(regimen, day), said)
        title = f"{regimen.name} stopped (was {amount_text(regimen.strength, regimen.unit)})"
        repo.add_event(session, domain.new_event(day, "medication-stop", title))
        _journal_says(session, said)
    click.echo(f"Stopped {regimen.describe()}: not taken from {day.isoformat()} on.")


@med.command("list")
@click.option("--all", "show_all", is_flag=True, help="Stopped medicines and old strengths too.")
@click.option("--json", "as_json", is_flag=True, help="Print every regimen as JSON.")
@pass_app
def med_list(app: App, show_all: bool, as_json: bool) -> None:
    """List the medicines you take now (--all: their whole history).

    \b
    Examples:
      tracker med list
      tracker med list --json
    """
    with app.session(write=False) as session:
        regimens = repo.list_regimens(session)
    if as_json:
        import json

        click.echo(json.dumps([r.as_dict() for r in regimens], ensure_ascii=False, indent=2))
        return
    today = clock.today()
    shown = (
        regimens if show_all else [r for r in regimens if r.stopped is None or r.taken_on(today)]
    )
    if not shown:
        click.echo("No medicines in your list. Add one with: tracker med add NAME --strength 75mg")
        return
    for r in shown:
        until = f" until {r.stopped.isoformat()}" if r.stopped else ""
        factor = medicines.mme_factor(r.ingredient, r.unit)
        mme = f"  [opioid: {factor:g} MME per {'mcg/h' if r.patch else 'mg'}]" if factor else ""
        click.echo(f"{r.id:>4}  {r.describe()}  from {r.started.isoformat()}{until}{mme}")
    if any(medicines.mme_factor(r.ingredient, r.unit) for r in shown):
        click.echo(MME_CAVEAT)


@med.command("doses")
@click.option("--since", type=DATE, help="First day (YYYY-MM-DD, today, yesterday).")
@click.option("--until", type=DATE, help="Last day (default today).")
@click.option("--json", "as_json", is_flag=True, help="One object a day: date, mme, doses.")
@pass_app
def med_doses(app: App, since: dt.date | None, until: dt.date | None, as_json: bool) -> None:
    """The doses taken each day, and each day's opioid total in morphine milligram
    equivalents (MME, CDC 2022 factors).

    \b
    Examples:
      tracker med doses --since 2026-11-01
      tracker med doses --json
    """
    if since and until and since > until:
        raise TrackerError(f"--since {since} is after --until {until}; give them in order")
    with app.session(write=False) as session:
        regimens = repo.list_regimens(session)
        taken = repo.list_doses(session, since, until)
    days = medicines.days_of_doses(regimens, taken, since, until or clock.today())
    if as_json:
        import json

        click.echo(json.dumps([d.as_dict() for d in days], ensure_ascii=False, indent=2))
        return
    if not days:
        click.echo("No doses recorded. Log one with: tracker dose NAME")
        return
    for day in days:
        click.echo(_day_line(day))
    click.echo(MME_CAVEAT)


def _day_line(day: DayDoses) -> str:
    """'2026-11-20  MME 22.5  oxycodone 5 mg 08:10, 10 mg 20:00; pregabalin 75 mg 08:00'."""
    parts: dict[str, list[str]] = {}
    for d in day.doses:
        when = f" {times.text(d.time)}" if d.time else ""
        parts.setdefault(d.regimen.name, []).append(
            f"{amount_text(d.amount, d.regimen.unit)}{when}"
        )
    doses = "; ".join(f"{name} {', '.join(items)}" for name, items in parts.items())
    return f"{day.day.isoformat()}  MME {day.mme:>5g}  {doses}"


# A dose this many times the regimen's strength or more is said back (a slip of a 0: 750 mg of
# a 150 mg regimen was saved without a word); doses over 10 times are refused (medicines.py).
DOSE_NOTE_TIMES = 3


@click.command(
    cls=AmountCommand, amount_word="amount", context_settings={"ignore_unknown_options": True}
)  # a dose of -5: refused below
@click.argument("name")
@click.argument("amount", required=False)
@click.option("--date", "day", type=DATE, help="The day it was taken (default today).")
@click.option("--at", "at", type=TIME, metavar="HH:MM", help="When (default now, for today).")
@pass_app
def dose(app: App, name: str, amount: str | None, day: dt.date | None, at: dt.time | None) -> None:
    """Log one dose taken of a medicine in your list (the amount: its strength, unless given).

    \b
    Examples:
      tracker dose oxycodone
      tracker dose oxycodone 10mg --at 22:30
      tracker dose pregabalin --date yesterday --at 08:00
    """
    now = clock.now()
    day = day or now.date()
    time = times.time_of(day, at, now)
    with app.session(create=False) as session:
        regimens = repo.list_regimens(session)
        regimen = medicines.find_regimen(name, regimens, day)
        if regimen.patch:
            raise TrackerError(
                f"{regimen.describe()} is a patch: it counts every day from its start until"
                f" 'tracker med stop {regimen.name}'; there is no dose to log"
            )
        assert regimen.id is not None
        taken = Dose(regimen.id, day, medicines.dose_amount(amount, regimen), now, time)
        when = f" at {times.text(time)}" if time else ""
        said = f"{regimen.name} {amount_text(taken.amount, regimen.unit)} on {day}{when}"
        saved = repo.add_dose(session, taken, f"dose of {said}")
        that_day = medicines.days_of_doses(regimens, repo.list_doses(session, day, day), day, day)
    click.echo(f"Logged dose {saved.id}: {said}.")
    strength = regimen.strength
    if strength and taken.amount >= DOSE_NOTE_TIMES * strength:  # 750 mg of a 150 mg regimen
        click.echo(
            f"Note: {amount_text(taken.amount, regimen.unit)} is {taken.amount / strength:g}"
            f" times the {amount_text(strength, regimen.unit)} strength in your list; saved as"
            " given ('tracker undo' takes it back)."
        )
    if regimen.opioid and that_day:
        click.echo(
            f"Opioid total that day: {that_day[0].mme:g} MME (morphine milligram equivalents,"
            f" the opioids added up as morphine). {MME_CAVEAT}"
        )


def _journal_says(session: Session, said: str) -> None:
    """What `tracker undo` will print for the whole command (regimen and event together)."""
    journal.describe(session, said)


def _say_kind(regimen: Regimen) -> None:
    factor = medicines.mme_factor(regimen.ingredient, regimen.unit)
    if factor is not None:
        per = "mcg/h" if regimen.patch else "mg"
        click.echo(f"{regimen.ingredient} is an opioid: {factor:g} MME per {per}. {MME_CAVEAT}")
    elif regimen.ingredient in medicines.OTHER_INGREDIENTS:
        click.echo(
            f"{regimen.ingredient}: {medicines.OTHER_INGREDIENTS[regimen.ingredient]}, no MME."
        )
    else:
        known = [*medicines.MME_FACTORS, *medicines.OTHER_INGREDIENTS, *medicines.ALIASES]
        close = medicines.closest_names(regimen.name, known)
        meant = (
            f"; if you meant {close[0]}, 'tracker undo' takes this back"
            if close
            else " (if it is an opioid, check its spelling)"
        )
        click.echo(
            f"'{regimen.name}' is not in tracker's table of medicines: recorded as given,"
            f" with no MME{meant}."
        )


COMMANDS = (med, dose)
