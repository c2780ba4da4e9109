"""The progress bar of a long run: tqdm's on standard error, or one that shows nothing.

tqdm (and asyncio with it) is imported only when a bar is shown.
"""

from __future__ import annotations

import sys

__all__ = ["progress_bar", "shows_progress"]


def shows_progress(progress: bool | None) -> bool:
    """Return whether a progress bar is shown (``None``: when standard error is a terminal)."""
    return sys.stderr.isatty() if progress is None else bool(progress)


def progress_bar(
    progress: bool | None, total: int | None, *, unit: str = "doc", desc: str = "framing"
):
    """Return a context manager that is a tqdm bar counting ``unit`` up to ``total`` on
    standard error when :func:`shows_progress`, else one that shows nothing."""
    if not shows_progress(progress):
        return _NoProgressBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, unit=unit, desc=desc, file=sys.stderr)


class _NoProgressBar:
    """What a disabled tqdm bar does, without importing tqdm."""

    def update(self, n: int = 1) -> None:
        pass

    def __enter__(self) -> _NoProgressBar:
        return self

    def __exit__(self, *exc_info) -> None:
        return None
