"""The only place that queries the database: rows in, domain objects out, and back."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from tracker.domain import SYMPTOM_KINDS, Entry, Event, Site
from tracker.errors import TrackerError
from tracker.models import entries as E
from tracker.models import entry_sites as S
from tracker.models import entry_terms as T
from tracker.models import events as V

_TERM_KINDS = {"qualities": "quality", "red_flags": "red_flag"}


# ---------------------------------------------------------------- entries


def add_entry(session: Session, entry: Entry, import_key: str | None = None) -> Entry:
    """Store a new entry; returns it with its id (Core inserts: `tracker log` stays fast)."""
    inserted = session.execute(insert(E).values(_head_row(entry, import_key)))
    entry_id = inserted.inserted_primary_key[0]
    _insert_details(session, [(entry_id, entry)])
    return _replace_id(entry, entry_id)


def _head_row(entry: Entry, import_key: str | None) -> dict:
    return {
        "day": entry.day,
        "pain": entry.pain,
        "logged_at": entry.logged_at,
        "note": entry.note,
        "import_key": import_key,
    }


def _insert_details(session: Session, stored: Iterable[tuple[int, Entry]]) -> None:
    """Insert the site and term rows of entries that already have ids."""
    sites: list[dict] = []
    terms: list[dict] = []
    for entry_id, entry in stored:
        _bulk_rows(entry_id, entry, sites, terms)
    if sites:
        session.execute(insert(S), sites)
    if terms:
        session.execute(insert(T), terms)


def add_entries(session: Session, entries: Iterable[tuple[Entry, str | None]]) -> int:
    """Store many entries (imports, demo) in input order: three statements per 5,000."""
    rows = list(entries)
    for start in range(0, len(rows), 5000):
        chunk = rows[start : start + 5000]
        heads = [_head_row(entry, key) for entry, key in chunk]
        # One multi-row insert per chunk; RETURNING gives the ids in input order.
        statement = insert(E).returning(E.c.id, sort_by_parameter_order=True)
        ids = session.execute(statement, heads).scalars().all()
        _insert_details(session, zip(ids, (entry for entry, _ in chunk), strict=True))
    return len(rows)


def _bulk_rows(entry_id: int, entry: Entry, sites: list[dict], terms: list[dict]) -> None:
    """The site and term rows of one entry, in the order they were given."""
    position = 0
    for site in entry.where:
        sites.append(_site_row(entry_id, "pain", site.region, site.intensity, position))
        position += 1
    for kind in SYMPTOM_KINDS:
        for region in getattr(entry, kind):
            sites.append(_site_row(entry_id, kind, region, None, position))
            position += 1
    for attr, kind in _TERM_KINDS.items():
        for term in getattr(entry, attr):
            terms.append({"entry_id": entry_id, "kind": kind, "term": term, "position": position})
            position += 1


def _site_row(entry_id: int, kind: str, region: str, intensity: int | None, position: int) -> dict:
    return {
        "entry_id": entry_id,
        "kind": kind,
        "region": region,
        "intensity": intensity,
        "position": position,
    }


def get_entry(session: Session, entry_id: int) -> Entry:
    """One entry with everything attached to it."""
    head = session.execute(_heads().where(E.c.id == entry_id)).first()
    if head is None:
        raise TrackerError(f"there is no entry {entry_id}; 'tracker list' shows the ids")
    sites = session.execute(_sites().where(S.c.entry_id == entry_id).order_by(S.c.position))
    terms = session.execute(_terms().where(T.c.entry_id == entry_id).order_by(T.c.position))
    return _assemble(head, list(sites), list(terms))


def update_entry(session: Session, entry: Entry) -> None:
    """Overwrite an existing entry with the edited one."""
    values = _head_row(entry, None)
    del values["import_key"]  # an edited entry keeps the key of the row it came from
    done = session.execute(E.update().where(E.c.id == entry.id).values(values))
    if done.rowcount != 1:
        raise TrackerError(f"there is no entry {entry.id}; 'tracker list' shows the ids")
    session.execute(delete(S).where(S.c.entry_id == entry.id))
    session.execute(delete(T).where(T.c.entry_id == entry.id))
    _insert_details(session, [(entry.id, entry)])


def delete_entry(session: Session, entry_id: int) -> None:
    """Remove an entry; its sites and terms go with it (ON DELETE CASCADE, and explicitly)."""
    session.execute(delete(S).where(S.c.entry_id == entry_id))
    session.execute(delete(T).where(T.c.entry_id == entry_id))
    if session.execute(delete(E).where(E.c.id == entry_id)).rowcount != 1:
        raise TrackerError(f"there is no entry {entry_id}; 'tracker list' shows the ids")


def count_entries(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(E)) or 0


def list_entries(
    session: Session,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
    newest_first: bool = False,
) -> list[Entry]:
    """Entries in date order (then typing order), with all their sites and terms."""
    days = [E.c.day >= since] if since else []
    days += [E.c.day <= until] if until else []
    query = _heads().where(*days)
    if newest_first:
        query = query.order_by(E.c.day.desc(), E.c.logged_at.desc(), E.c.id.desc())
    else:
        query = query.order_by(E.c.day, E.c.logged_at, E.c.id)
    if limit is not None:
        query = query.limit(limit)
    heads = session.execute(query).all()
    if not heads:
        return []
    sites: dict[int, list] = defaultdict(list)
    terms: dict[int, list] = defaultdict(list)
    site_query, term_query = _sites(), _terms()
    if limit is not None:
        # The same selection as a subquery: no parameter list that grows with the diary.
        chosen = select(query.with_only_columns(E.c.id).subquery().c.id)
        site_query = site_query.where(S.c.entry_id.in_(chosen))
        term_query = term_query.where(T.c.entry_id.in_(chosen))
    elif days:  # a date range: join on the entries' days (indexed), cheaper than IN
        site_query = site_query.join(E, E.c.id == S.c.entry_id).where(*days)
        term_query = term_query.join(E, E.c.id == T.c.entry_id).where(*days)
    for row in session.execute(site_query.order_by(S.c.entry_id, S.c.position)):
        sites[row.entry_id].append(row)
    for row in session.execute(term_query.order_by(T.c.entry_id, T.c.position)):
        terms[row.entry_id].append(row)
    return [_assemble(h, sites.get(h.id, ()), terms.get(h.id, ())) for h in heads]


def _heads():  # type: ignore[no-untyped-def]
    return select(E.c.id, E.c.day, E.c.pain, E.c.logged_at, E.c.note)


def _sites():  # type: ignore[no-untyped-def]
    return select(S.c.entry_id, S.c.kind, S.c.region, S.c.intensity)


def _terms():  # type: ignore[no-untyped-def]
    return select(T.c.entry_id, T.c.kind, T.c.term)


def pain_by_day(session: Session) -> list[tuple[dt.date, int]]:
    """(date, overall pain) for every entry: all the worsening verdict needs."""
    return [tuple(r) for r in session.execute(select(E.c.day, E.c.pain).order_by(E.c.day))]


def existing_import_keys(session: Session, keys: Iterable[str]) -> set[str]:
    """Which of these import keys are already in the diary (entries or events)."""
    wanted = list(keys)
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(session.scalars(select(E.c.import_key).where(E.c.import_key.in_(chunk))))
        found.update(session.scalars(select(V.c.import_key).where(V.c.import_key.in_(chunk))))
    return found


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


def _replace_id(item, new_id: int):  # type: ignore[no-untyped-def]
    """The entry or event with the id the database gave it."""
    return replace(item, id=new_id)


# ---------------------------------------------------------------- events


def add_event(session: Session, ev: Event, import_key: str | None = None) -> Event:
    """Store a timeline event; returns it with its id."""
    values = {
        "day": ev.day,
        "kind": ev.kind,
        "title": ev.title,
        "note": ev.note,
        "levels": ",".join(ev.levels) or None,
        "created_at": dt.datetime.now().replace(microsecond=0),
        "import_key": import_key,
    }
    event_id = session.execute(insert(V).values(values)).inserted_primary_key[0]
    return _replace_id(ev, event_id)


def list_events(
    session: Session, kind: str | None = None, exclude_kind: str | None = None
) -> list[Event]:
    """Events in date order, optionally of one kind only or without one kind."""
    query = _events().order_by(V.c.day, V.c.id)
    if kind:
        query = query.where(V.c.kind == kind)
    if exclude_kind:
        query = query.where(V.c.kind != exclude_kind)
    return [_event_from_row(row) for row in session.execute(query)]


def delete_event(session: Session, event_id: int) -> Event:
    """Remove an event; returns what was removed."""
    row = session.execute(_events().where(V.c.id == event_id)).first()
    if row is None:
        raise TrackerError(f"there is no event {event_id}; 'tracker event list' shows the ids")
    session.execute(delete(V).where(V.c.id == event_id))
    return _event_from_row(row)


def _events():  # type: ignore[no-untyped-def]
    return select(V.c.id, V.c.day, V.c.kind, V.c.title, V.c.note, V.c.levels)


def _event_from_row(row) -> Event:  # type: ignore[no-untyped-def]
    levels = tuple(row.levels.split(",")) if row.levels else ()
    return Event(
        day=row.day, kind=row.kind, title=row.title, note=row.note, levels=levels, id=row.id
    )
