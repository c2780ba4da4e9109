"""Errors that a user can act on.

Every error raised for a user's mistake is a :class:`FramingError`: its message is one line that
says what went wrong and how to fix it. The command line prints that line and exits with code 2,
never a traceback.
"""

from __future__ import annotations

__all__ = [
    "FramingError",
    "InputError",
    "MissingDataError",
    "VersionError",
    "choices_error",
    "require_version",
]


class FramingError(ValueError):
    """A mistake in what the user asked for; the message says how to fix it."""


class InputError(FramingError):
    """An input file or table that cannot be read as asked."""


class MissingDataError(FramingError, FileNotFoundError):
    """A dataset or resource that is not on this machine; the message says how to get it."""


class VersionError(FramingError, ImportError):
    """A library installed at another version than the one whose internals framing copies."""


def choices_error(option: str, value: object, valid: object) -> ValueError:
    """Return a ValueError for a bad option value that lists the valid ones.

    >>> str(choices_error("format", "xml", ["csv", "json"]))
    "format='xml' is not valid; use one of: csv, json"
    """
    listed = ", ".join(str(choice) for choice in valid)
    return FramingError(f"{option}={value!r} is not valid; use one of: {listed}")


def require_version(distribution: str, version: str, *, copied_by: str) -> None:
    """Raise :class:`VersionError` unless ``distribution`` is installed at exactly ``version``.

    ``copied_by`` names the code that copies the library's internals, for the message.

    >>> require_version("no-such-library", "1.0", copied_by="an example")
    Traceback (most recent call last):
    ...
    framing.errors.VersionError: an example copies no-such-library 1.0, but no-such-library is \
not installed; install that version: pip install no-such-library==1.0
    """
    from importlib import metadata

    try:
        installed = metadata.version(distribution)
    except metadata.PackageNotFoundError:
        installed = None
    if installed != version:
        found = "is not installed" if installed is None else f"{installed} is installed"
        raise VersionError(
            f"{copied_by} copies {distribution} {version}, but {distribution} {found}; "
            f"install that version: pip install {distribution}=={version}"
        )
