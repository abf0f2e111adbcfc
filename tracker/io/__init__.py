"""Moving the diary in and out: tracker's own CSV and JSON, FHIR R4, and Bearable's CSV.

Pure formatting and parsing: these modules take and return domain objects and bytes; the
command stores and prints. Only the standard library is used (csv, json, hashlib, uuid).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from tracker.before_surgery import PainBefore
from tracker.domain import Entry, Event
from tracker.errors import TrackerError
from tracker.io.common import ACCEPTED, ImportBatch, Track, no_progress
from tracker.medicines import Dose, Regimen
from tracker.weekly import WeeklyCheck

EXPORT_FORMATS = ("csv", "json", "fhir")
IMPORT_FORMATS = ("csv", "json", "bearable")
FORMAT_NAMES = {"csv": "CSV", "json": "JSON", "fhir": "FHIR R4", "bearable": "Bearable CSV"}


def export_diary(
    fmt: str,
    entries: Sequence[Entry],
    events: Sequence[Event],
    schema: str,
    track: Track = no_progress,
    checks: Sequence[WeeklyCheck] = (),
    befores: Mapping[int, PainBefore] | None = None,
    medicines: Sequence[tuple[Regimen, Sequence[Dose]]] = (),
) -> bytes:
    """The diary written in one of EXPORT_FORMATS, as UTF-8 bytes (weekly checks and the
    pain before each surgery, by its event id, in JSON and FHIR; medicines: each regimen with
    its doses, in JSON and FHIR; the CSV holds entries only)."""
    if fmt == "csv":
        from tracker.io.csv_format import write_csv

        return write_csv(entries, track)
    if fmt == "json":
        from tracker.io.json_format import write_json

        return write_json(entries, events, schema, track, checks, befores or {}, medicines)
    if fmt == "fhir":
        from tracker.io.fhir_format import write_fhir

        return write_fhir(entries, events, track, checks, befores or {}, medicines)
    raise TrackerError(f"unknown export format '{fmt}'; accepted: {', '.join(EXPORT_FORMATS)}")


def read_import(
    data: bytes,
    fmt: str | None,
    today: dt.date,
    now: dt.datetime,
    track: Track = no_progress,
    date_order: str | None = None,
    default_order: str | None = None,
) -> ImportBatch:
    """Parse and validate a file to import; the format is detected when not given.

    date_order ('dmy'/'mdy') reads dates such as 12/03/2026 in a CSV; without it, the file's
    own dates settle the order, else default_order (the TRACKER_DATE_ORDER setting).
    """
    from tracker.io import bearable, csv_format, json_format

    text = _decode(data)
    fmt = fmt or detect(text)
    if fmt == "json":
        return json_format.read_json(text, today, track)
    rows = csv_format.read_rows(text)
    if not rows:
        raise TrackerError(f"the file is empty; {ACCEPTED}")
    if fmt == "bearable":
        if not bearable.is_bearable(rows[0]):
            raise TrackerError("the CSV header is not Bearable's: " + ",".join(bearable.HEADER))
        return bearable.read_bearable(rows[1:], today, now, track)
    return csv_format.read_csv(rows, today, now, track, date_order, default_order)


def detect(text: str) -> str:
    """Which of IMPORT_FORMATS a file is in: JSON by its content, CSVs by their header."""
    from tracker.io import bearable, csv_format, json_format

    if not text.strip():
        raise TrackerError(f"the file is empty; {ACCEPTED}")
    if json_format.is_json(text):
        return "json"
    header = csv_format.first_row(text)
    if header and bearable.is_bearable(header):
        return "bearable"
    if header and csv_format.is_ours(header):
        return "csv"
    unknown = csv_format.unknown_columns(header) if header else []
    if unknown:
        raise TrackerError(
            f"the CSV has {'a column' if len(unknown) == 1 else 'columns'} tracker does not know:"
            f" {', '.join(repr(name) for name in unknown[:5])}; accepted columns: "
            + ", ".join(csv_format.COLUMNS)
            + "; nothing was imported"
        )
    raise TrackerError(f"the file is not in a format tracker can import; {ACCEPTED}")


def _decode(data: bytes) -> str:
    """UTF-8 text, with or without a byte-order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TrackerError(
            f"the file is not UTF-8 text (byte {exc.start + 1} cannot be read); save it as"
            " UTF-8 CSV or JSON and try again"
        ) from None
