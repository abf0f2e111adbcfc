"""The command line: parse what was typed, call the domain and the repository, print.
Click only: no SQL, no maths.

One module per group of commands: `diary` (log, list, show, edit, delete, undo),
`timeline` (surgery, event), `report` (trend, report, demo), `data` (export, import),
`database` (db ...), `vocabulary` (regions), `remind`. Shared by them: `root` (the
`tracker` group and its options), `group` (the one place errors become a line and an exit
code), `params` (the parameter types), `app` (the diary a command works on), `lines` (how
entries read), `asking` (questions on the terminal).

Heavy libraries (pandas, matplotlib, numpy, scipy, alembic) are imported only inside the
commands that need them, so that `tracker log` and `tracker --help` start fast.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tracker.cli.root import cli

__all__ = ["cli", "main", "paused_collector"]


def main() -> None:
    """The entry point (`tracker`, `python -m tracker`)."""
    with paused_collector():
        from tracker.cli.root import cli
    cli.main(prog_name="tracker")


@contextmanager
def paused_collector() -> Iterator[None]:
    """Import big libraries without the cyclic garbage collector walking their hundreds of
    thousands of new objects again and again, then freeze them out of its way for good.

    Importing SQLAlchemy alone creates a few hundred thousand objects; letting the collector
    rescan them cost `tracker log` a third of its start-up. main() pauses it around the
    command line's imports; the report commands around pandas and matplotlib, and `tracker
    report` around reading the diary (a 10-year diary is some 100 000 objects that live until
    the report is written: ~0.06 s of collections, then scanned again by every later one) and
    around drawing its pages.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # start-up objects live as long as the process: never scan them again
        if was_enabled:
            gc.enable()


def __getattr__(name: str) -> Any:
    """`from tracker.cli import cli`: the command group, imported on first use, so that
    importing this package (as the `tracker` script does, for main) costs nothing."""
    if name == "cli":
        from tracker.cli.root import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
