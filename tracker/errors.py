"""The one exception type the tool raises for anything a user can cause."""

from __future__ import annotations


class TrackerError(Exception):
    """An expected failure: printed as one line, 'Error: ...', exit code 1."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
