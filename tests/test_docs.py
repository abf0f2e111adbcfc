"""docs/ stays true: every citation of it resolves, and its figures are the code's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tracker import activities, domain, weekly

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# Where the project cites its docs: the code, the tests, the README and CI.
CITING = [
    *sorted((ROOT / "tracker").rglob("*.py")),
    *sorted((ROOT / "reports").rglob("*.py")),
    *sorted((ROOT / "tests").rglob("*.py")),
    *sorted((ROOT / "alembic").rglob("*.py")),
    ROOT / "README.md",
    ROOT / ".ci" / "run",
    *sorted(DOCS.glob("*.md")),
]
CITATION = re.compile(r"docs/([A-Za-z_]+\.md)(?:#([a-z0-9-]+))?")
LINK = re.compile(r"\]\(([a-z]+\.md)?(?:#([a-z0-9-]+))?\)")


def _anchors(page: Path) -> set[str]:
    return set(re.findall(r'<a id="([a-z0-9-]+)"></a>', page.read_text(encoding="utf-8")))


def _citations() -> list[tuple[str, str, str | None]]:
    found = []
    for path in CITING:
        text = path.read_text(encoding="utf-8")
        where = str(path.relative_to(ROOT))
        found += [(where, m.group(1), m.group(2)) for m in CITATION.finditer(text)]
        if path.parent == DOCS:  # relative links between the pages
            for m in LINK.finditer(text):
                found.append((where, m.group(1) or path.name, m.group(2)))
    return found


def test_every_citation_of_docs_names_a_page_and_anchor_that_exist() -> None:
    citations = _citations()
    assert len(citations) > 20  # the code does cite its docs
    broken = [
        f"{where}: docs/{page}" + (f"#{anchor}" if anchor else "")
        for where, page, anchor in citations
        if not (DOCS / page).is_file() or (anchor and anchor not in _anchors(DOCS / page))
    ]
    assert broken == []


def test_nothing_cites_the_working_notes_that_are_not_in_the_repository() -> None:
    notes = re.compile(r"TREND_SPEC|\bDESIGN\.md|\bCLINICAL\.md|\bSTYLE\.md")
    stale = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in CITING
        if path != Path(__file__).resolve()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if notes.search(line)
    ]
    assert stale == []


def _method_constants() -> dict[str, str]:
    text = (DOCS / "method.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\| `([A-Z][A-Z0-9_]+)` \| ([^|]+?) \|", text, re.M))


@pytest.mark.parametrize("name", sorted(_method_constants()))
def test_each_constant_in_method_md_has_the_value_the_code_uses(name: str) -> None:
    from tracker.analysis import trend

    assert float(_method_constants()[name]) == float(getattr(trend, name))


def test_the_red_flag_advice_in_clinical_md_is_the_one_printed() -> None:
    text = (DOCS / "clinical.md").read_text(encoding="utf-8")
    quoted = text.split('<a id="red-flag-advice"></a>', 1)[1].split("\n\n", 2)[1]
    assert " ".join(line.lstrip("> ") for line in quoted.splitlines()) == domain.RED_FLAG_ADVICE


@pytest.mark.parametrize(
    ("page", "vocabulary"),
    [
        ("clinical.md", domain.RED_FLAGS),
        ("data.md", domain.QUALITIES),
        ("data.md", domain.EVENT_KINDS),
        ("data.md", domain.RED_FLAGS),
        ("data.md", activities.EASED_BY),
        ("clinical.md", activities.EASED_BY),
        ("data.md", weekly.CLINIC_SCORES),
        ("clinical.md", weekly.CLINIC_SCORES),
        ("data.md", dict.fromkeys(weekly.CHANGE + weekly.WORK + weekly.SAME_AS_BEFORE)),
        ("data.md", dict.fromkeys(weekly.WALK_TEST)),
    ],
)
def test_the_docs_list_every_word_of_each_present_vocabulary(
    page: str, vocabulary: dict[str, str]
) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    assert [word for word in vocabulary if f"`{word}`" not in text] == []
