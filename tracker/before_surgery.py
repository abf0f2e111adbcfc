"""The pain a surgery was meant to relieve: how bad and where, in the weeks before it.

A surgeon's first question about pain after surgery is whether it is the same pain as
before (docs/clinical.md#same-pain). Pure: validation only; no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker import domain
from tracker.domain import Site
from tracker.errors import TrackerError, shown

SOURCES = {
    "memory": "the patient's memory of the weeks before surgery",
    "clinic": "scores the clinic took before surgery",
}


@dataclass(frozen=True)
class PainBefore:
    """Overall pain 0-10, where it hurt (with intensities), where it radiated, where numb."""

    pain: int | None = None
    where: tuple[Site, ...] = ()
    radiates: tuple[str, ...] = ()
    numb: tuple[str, ...] = ()
    source: str | None = None

    @property
    def recorded(self) -> bool:
        """Anything about the pain before is known (the weekly check then asks 'the same?')."""
        return self.pain is not None or bool(self.where or self.radiates or self.numb)

    def as_dict(self) -> dict:
        """The before_* fields of `tracker surgery list --json`."""
        return {
            "before_pain": self.pain,
            "before_where": [{"region": s.region, "intensity": s.intensity} for s in self.where],
            "before_radiates": list(self.radiates),
            "before_numb": list(self.numb),
            "before_source": self.source,
        }


def parse_source(text: str) -> str:
    key = text.strip().lower()
    if key not in SOURCES:
        raise TrackerError(
            f"before-source '{shown(text.strip())}' is not accepted; give memory (what you "
            "remember) or clinic (scores taken before the operation)"
        )
    return key


def parse_before_pain(text: str | int) -> int:
    """The overall pain before surgery, 0-10."""
    try:
        return domain.parse_pain(text)
    except TrackerError:
        raise TrackerError(
            f"before-pain '{shown(str(text).strip())}' is not accepted; give a whole number from"
            " 0 (no pain) to 10 (worst imaginable) for the weeks before the operation"
        ) from None


def new_pain_before(
    pain: int | None = None,
    where: tuple[Site, ...] = (),
    radiates: tuple[str, ...] = (),
    numb: tuple[str, ...] = (),
    source: str | None = None,
) -> PainBefore:
    """A validated PainBefore (values already parsed to canonical names)."""
    if pain is not None:
        parse_before_pain(pain)
    for site in where:
        if site.intensity is not None:
            parse_before_pain(site.intensity)
    if source is not None:
        parse_source(source)
    before = PainBefore(pain, where, radiates, numb, source)
    if source is not None and not before.recorded:
        raise TrackerError(
            "--before-source says where the pain before surgery comes from; give the pain too,"
            " e.g. --before-pain 7 --before-where left-calf=8"
        )
    return before
