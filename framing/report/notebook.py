"""Helpers for the notebooks: stop a notebook cleanly when its data is not on this machine.

A notebook loads its data through :func:`load_or_stop`. When the data is missing, the cell
shows one message that says how to get it and raises :class:`NotebookStopped`, which renders
as that single line (no traceback) and ends a "Run All" or a papermill run at that cell.

>>> load_or_stop(lambda: 42)
42
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TypeVar

from framing.errors import MissingDataError

__all__ = ["NotebookStopped", "load_or_stop", "missing_data_html"]

T = TypeVar("T")


class NotebookStopped(Exception):
    """Raised to end a notebook run on purpose; it renders as its message, without traceback."""

    def _render_traceback_(self) -> list[str]:
        # IPython shows these lines instead of a traceback.
        return [f"Notebook stopped: {self}"]


def missing_data_html(error: MissingDataError) -> str:
    """Return the HTML box that tells a notebook's reader which data is missing and how to get it.

    >>> "framing download" in missing_data_html(MissingDataError("run `framing download babe`"))
    True
    """
    return (
        '<div style="border-left:4px solid #D55E00;padding:.4em .8em;background:#fdf1e8">'
        "<strong>This notebook's data is not on this machine.</strong> "
        f"{html.escape(str(error))}</div>"
    )


def load_or_stop(loader: Callable[..., T], *args, **kwargs) -> T:
    """Return ``loader(*args, **kwargs)``; if the data is missing, say how to get it and stop.

    Inside a notebook the message is displayed as HTML; the :class:`NotebookStopped` that
    follows ends the run at this cell, and nothing after it runs.
    """
    try:
        return loader(*args, **kwargs)
    except MissingDataError as error:
        try:
            from IPython.display import HTML, display

            display(HTML(missing_data_html(error)))
        except ImportError:  # outside Jupyter the exception's message says it all
            pass
        raise NotebookStopped(str(error)) from None
