"""The one exception type the tool raises for anything a user can cause."""

from __future__ import annotations


class TrackerError(Exception):
    """An expected failure: printed as one line, 'Error: ...', exit code 1 (cli/group.py)."""

    def __init__(self, message: str, details: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details = details  # lines printed under the message (every bad row of an import)


def shown(text: object, limit: int = 40) -> str:
    """What a user typed, safe to echo in a one-line message: printable, and not too long."""
    printable = "".join(ch if ch.isprintable() else "?" for ch in str(text))
    return printable if len(printable) <= limit else printable[: limit - 3] + "..."
