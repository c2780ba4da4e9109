"""Libraries that only some uses of framing need, each installed with an extra.

``pip install framing-wire`` installs the core; the notebooks, the classroom server, dask and the
fetching of web pages come with extras (``pip install 'framing-wire[dask]'``). Code that needs
one of these libraries imports it with :func:`require`, which says which extra to install when
the library is missing.

>>> require("json", extra="dask").__name__
'json'
"""

from __future__ import annotations

import importlib
from types import ModuleType

from framing.errors import FramingError

__all__ = ["DISTRIBUTION", "EXTRAS", "MissingExtraError", "require"]

#: The name framing is published under on the package index (the import name stays ``framing``).
DISTRIBUTION = "framing-wire"

#: Each extra of pyproject.toml and what it is for.
EXTRAS = {
    "notebooks": "JupyterLab, papermill, jupytext and ipywidgets for the notebooks",
    "classroom": "Voila, to serve the classroom notebook as a page",
    "dask": "dask.dataframe and distributed for analyze_dask",
    "fetch": "trafilatura, to fetch the sources an article cites",
    "semantic": "sentence-transformers and the files of all-MiniLM-L6-v2, for match_sources' "
    "encoder=",
}


class MissingExtraError(FramingError, ImportError):
    """An optional library that is not installed; the message names the extra that installs it."""


def require(module: str, *, extra: str) -> ModuleType:
    """Return the imported ``module``, or raise :class:`MissingExtraError` naming ``extra``.

    >>> require("no_such_module_here", extra="fetch")
    Traceback (most recent call last):
    ...
    framing._optional.MissingExtraError: no_such_module_here is not installed; \
install it with: pip install 'framing-wire[fetch]'
    """
    if extra not in EXTRAS:
        raise FramingError(f"extra={extra!r} is not valid; use one of: {', '.join(EXTRAS)}")
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        top = module.partition(".")[0]
        if error.name != top:
            raise  # the library is there but something it imports is not: show that
        raise MissingExtraError(
            f"{top} is not installed; install it with: pip install '{DISTRIBUTION}[{extra}]'"
        ) from error
