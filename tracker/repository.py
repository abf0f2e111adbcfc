"""The only place that queries the database: rows in, domain objects out, and back."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from tracker.domain import SYMPTOM_KINDS, Entry, Event, Site
from tracker.errors import TrackerError
from tracker.models import EntryRow, EventRow, SiteRow, TermRow

_TERM_KINDS = {"qualities": "quality", "red_flags": "red_flag"}


# ---------------------------------------------------------------- entries


def add_entry(session: Session, entry: Entry, import_key: str | None = None) -> Entry:
    """Store a new entry; returns it with its id."""
    row = EntryRow(import_key=import_key)
    _fill_row(row, entry)
    session.add(row)
    session.flush()
    return _replace_id(entry, row.id)


def add_entries(session: Session, entries: Iterable[tuple[Entry, str | None]]) -> int:
    """Store many entries at once (imports, demo); returns how many."""
    count = 0
    for entry, key in entries:
        row = EntryRow(import_key=key)
        _fill_row(row, entry)
        session.add(row)
        count += 1
        if count % 2000 == 0:
            session.flush()
    session.flush()
    return count


def get_entry(session: Session, entry_id: int) -> Entry:
    row = session.get(EntryRow, entry_id)
    if row is None:
        raise TrackerError(f"there is no entry {entry_id}; 'tracker list' shows the ids")
    return _entry_from_row(row)


def update_entry(session: Session, entry: Entry) -> None:
    """Overwrite an existing entry with the edited one."""
    row = session.get(EntryRow, entry.id)
    if row is None:
        raise TrackerError(f"there is no entry {entry.id}; 'tracker list' shows the ids")
    row.sites.clear()
    row.terms.clear()
    session.flush()
    _fill_row(row, entry)


def delete_entry(session: Session, entry_id: int) -> None:
    row = session.get(EntryRow, entry_id)
    if row is None:
        raise TrackerError(f"there is no entry {entry_id}; 'tracker list' shows the ids")
    session.delete(row)


def count_entries(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(EntryRow)) or 0


def list_entries(
    session: Session,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
    newest_first: bool = False,
) -> list[Entry]:
    """Entries in date order (then typing order), with all their sites and terms."""
    query = select(EntryRow.id, EntryRow.day, EntryRow.pain, EntryRow.logged_at, EntryRow.note)
    if since:
        query = query.where(EntryRow.day >= since)
    if until:
        query = query.where(EntryRow.day <= until)
    if newest_first:
        query = query.order_by(EntryRow.day.desc(), EntryRow.logged_at.desc(), EntryRow.id.desc())
    else:
        query = query.order_by(EntryRow.day, EntryRow.logged_at, EntryRow.id)
    if limit is not None:
        query = query.limit(limit)
    heads = session.execute(query).all()
    if not heads:
        return []
    ids = [h.id for h in heads]
    sites: dict[int, list] = defaultdict(list)
    terms: dict[int, list] = defaultdict(list)
    site_query = select(SiteRow.entry_id, SiteRow.kind, SiteRow.region, SiteRow.intensity)
    term_query = select(TermRow.entry_id, TermRow.kind, TermRow.term)
    if limit is not None or since or until:
        site_query = site_query.where(SiteRow.entry_id.in_(ids))
        term_query = term_query.where(TermRow.entry_id.in_(ids))
    for row in session.execute(site_query.order_by(SiteRow.entry_id, SiteRow.position)):
        sites[row.entry_id].append(row)
    for row in session.execute(term_query.order_by(TermRow.entry_id, TermRow.position)):
        terms[row.entry_id].append(row)
    return [_assemble(h, sites.get(h.id, ()), terms.get(h.id, ())) for h in heads]


def pain_by_day(session: Session) -> list[tuple[dt.date, int]]:
    """(date, overall pain) for every entry: all the worsening verdict needs."""
    return [tuple(r) for r in session.execute(select(EntryRow.day, EntryRow.pain).order_by(EntryRow.day))]


def existing_import_keys(session: Session, keys: Iterable[str]) -> set[str]:
    """Which of these import keys are already in the diary (entries or events)."""
    wanted = list(keys)
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(session.scalars(select(EntryRow.import_key).where(EntryRow.import_key.in_(chunk))))
        found.update(session.scalars(select(EventRow.import_key).where(EventRow.import_key.in_(chunk))))
    return found


def _fill_row(row: EntryRow, entry: Entry) -> None:
    row.day = entry.day
    row.pain = entry.pain
    row.logged_at = entry.logged_at
    row.note = entry.note
    position = 0
    for site in entry.where:
        row.sites.append(SiteRow(kind="pain", region=site.region, intensity=site.intensity, position=position))
        position += 1
    for kind in SYMPTOM_KINDS:
        for region in getattr(entry, kind):
            row.sites.append(SiteRow(kind=kind, region=region, position=position))
            position += 1
    for attr, kind in _TERM_KINDS.items():
        for term in getattr(entry, attr):
            row.terms.append(TermRow(kind=kind, term=term, position=position))
            position += 1


def _entry_from_row(row: EntryRow) -> Entry:
    return _assemble(row, row.sites, row.terms)


def _assemble(head, sites, terms) -> Entry:  # type: ignore[no-untyped-def]
    where: list[Site] = []
    symptoms: dict[str, list[str]] = {kind: [] for kind in SYMPTOM_KINDS}
    for site in sites:
        if site.kind == "pain":
            where.append(Site(site.region, site.intensity))
        else:
            symptoms[site.kind].append(site.region)
    named: dict[str, list[str]] = {"quality": [], "red_flag": []}
    for term in terms:
        named[term.kind].append(term.term)
    return Entry(
        id=head.id,
        day=head.day,
        pain=head.pain,
        logged_at=head.logged_at,
        note=head.note,
        where=tuple(where),
        radiates=tuple(symptoms["radiates"]),
        numb=tuple(symptoms["numb"]),
        tingling=tuple(symptoms["tingling"]),
        weak=tuple(symptoms["weak"]),
        qualities=tuple(named["quality"]),
        red_flags=tuple(named["red_flag"]),
    )


def _replace_id(entry: Entry, entry_id: int) -> Entry:
    from dataclasses import replace

    return replace(entry, id=entry_id)


# ---------------------------------------------------------------- events


def add_event(session: Session, ev: Event, import_key: str | None = None) -> Event:
    row = EventRow(
        day=ev.day,
        kind=ev.kind,
        title=ev.title,
        note=ev.note,
        levels=",".join(ev.levels) or None,
        created_at=dt.datetime.now().replace(microsecond=0),
        import_key=import_key,
    )
    session.add(row)
    session.flush()
    return _event_from_row(row)


def list_events(session: Session, kind: str | None = None, exclude_kind: str | None = None) -> list[Event]:
    query = select(EventRow).order_by(EventRow.day, EventRow.id)
    if kind:
        query = query.where(EventRow.kind == kind)
    if exclude_kind:
        query = query.where(EventRow.kind != exclude_kind)
    return [_event_from_row(row) for row in session.scalars(query)]


def delete_event(session: Session, event_id: int) -> Event:
    row = session.get(EventRow, event_id)
    if row is None:
        raise TrackerError(f"there is no event {event_id}; 'tracker event list' shows the ids")
    ev = _event_from_row(row)
    session.execute(delete(EventRow).where(EventRow.id == event_id))
    return ev


def _event_from_row(row: EventRow) -> Event:
    levels = tuple(row.levels.split(",")) if row.levels else ()
    return Event(day=row.day, kind=row.kind, title=row.title, note=row.note, levels=levels, id=row.id)
