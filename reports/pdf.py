"""The appointment report as one A4 PDF (and, on request, each chart as a PNG)."""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from reports.body_diagram import body_diagram_page  # noqa: E402
from reports.charts import course_page  # noqa: E402
from reports.findings_page import findings_page  # noqa: E402
from reports.header_page import header_page  # noqa: E402
from reports.style import PNG_DPI, PNG_FONTS, page_footer, style_context  # noqa: E402
from tracker.report_data import ReportData  # noqa: E402
from tracker.wording import short_date, spread_sentences, verdict_sentences  # noqa: E402

# (PNG name or None for text-only pages, page builder), in page order.
# At most four pages (issue 11): 1 the six answers, 2 the course, 3 where it hurts,
# 4 the findings in full and the months.
PAGES: tuple[tuple[str | None, Callable[[ReportData], Figure]], ...] = (
    ("summary.png", header_page),
    ("course.png", course_page),
    ("where-it-hurts.png", body_diagram_page),
    ("findings-and-months.png", findings_page),
)
PAGE_COUNT = len(PAGES)


def render_report(
    data: ReportData,
    out_pdf: Path,
    png_dir: Path | None = None,
    notes: list[str] | None = None,
) -> list[Path]:
    """Write the PDF (and the page PNGs into png_dir); returns the PNG paths written. A
    one-line note goes into `notes` when no installed font can print some characters (they
    print as boxes), instead of a warning per glyph."""
    pngs: list[Path] = []
    quiet = logging.getLogger("matplotlib.font_manager")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # no "findfont" chatter on the terminal
    style, missing = style_context(_texts(data))
    if missing and notes is not None:
        notes.append(
            f"Note: no font on this machine has {' '.join(missing)}; "
            f"{'it prints' if len(missing) == 1 else 'they print'} as a box (fonts-noto-cjk "
            "and fonts-noto cover most scripts)."
        )
    try:
        with (
            style,
            warnings.catch_warnings(),
            PdfPages(out_pdf, metadata=_metadata(data)) as pdf,
        ):
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from")
            warnings.filterwarnings("ignore", message=r"Font .* does not have a glyph")
            for number, (png_name, build) in enumerate(PAGES, start=1):
                fig = build(data)
                page_footer(fig, _footer(data, number))
                pdf.savefig(fig)
                if png_dir is not None and png_name:
                    if plt.rcParams["pdf.use14corefonts"]:
                        # A PNG cannot use the PDF's Helvetica: it is drawn in DejaVu Sans,
                        # which is wider, so the page is laid out again for that font.
                        with plt.rc_context(PNG_FONTS):
                            fig = build(data)
                            page_footer(fig, _footer(data, number))
                            pngs.append(_save_png(fig, png_dir / png_name))
                    else:
                        pngs.append(_save_png(fig, png_dir / png_name))
    finally:
        quiet.setLevel(level)
    _owner_only(out_pdf)
    return pngs


def _texts(data: ReportData) -> list[str]:
    """Every text from the diary that the report prints (to choose a font that has them)."""
    texts = [data.name or "", *verdict_sentences(data.verdict), *spread_sentences(data.spread)]
    texts += [f"{e.title} {' '.join(e.levels)}" for e in data.events]
    return texts


def _save_png(fig: Figure, path: Path) -> Path:
    """One chart page as a 150 dpi PNG, owner-only."""
    fig.savefig(path, dpi=PNG_DPI, format="png")
    _owner_only(path)
    return path


def _owner_only(path: Path) -> None:
    """The report holds health data: readable by its owner only."""
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass


def _footer(data: ReportData, number: int) -> str:
    """'Pain diary report for NAME, generated 3 Mar 2026 - page 2 of 5'."""
    who = f" for {data.name}" if data.name else ""
    return (
        f"Pain diary report{who}, generated {short_date(data.generated_on)}"
        f"  -  page {number} of {PAGE_COUNT}"
    )


def _metadata(data: ReportData) -> dict:
    """PDF properties: a title, and no creation date so that a report is reproducible."""
    title = "Pain diary appointment report" + (f": {data.name}" if data.name else "")
    return {"Title": title, "Creator": "tracker", "CreationDate": None}
