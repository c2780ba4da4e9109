"""Errors that a user can act on.

Every error raised for a user's mistake is a :class:`FramingError`: its message is one line that
says what went wrong and how to fix it. The command line prints that line and exits with code 2,
never a traceback.
"""

from __future__ import annotations

__all__ = ["FramingError", "InputError", "MissingDataError", "choices_error"]


class FramingError(ValueError):
    """A mistake in what the user asked for; the message says how to fix it."""


class InputError(FramingError):
    """An input file or table that cannot be read as asked."""


class MissingDataError(FramingError, FileNotFoundError):
    """A dataset or resource that is not on this machine; the message says how to get it."""


def choices_error(option: str, value: object, valid: object) -> ValueError:
    """Return a ValueError for a bad option value that lists the valid ones.

    >>> str(choices_error("format", "xml", ["csv", "json"]))
    "format='xml' is not valid; use one of: csv, json"
    """
    listed = ", ".join(str(choice) for choice in valid)
    return FramingError(f"{option}={value!r} is not valid; use one of: {listed}")
