"""A package's names imported from their modules on first use (PEP 562's module ``__getattr__``).

A package that re-exports its modules' names imports all of them, and whatever they import,
as soon as any one module of it is imported. With these names lazy, reading one article
(``framing.io.documents``, ``framing.table.records``) does not import pandas and NumPy, which
take most of a command's start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping

__all__ = ["lazy_names"]


def lazy_names(
    package: str, namespace: dict, modules: Mapping[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """Return the ``__getattr__`` and ``__dir__`` of ``package``, whose names ``modules`` maps
    to the module that defines each; ``namespace`` is the package's ``globals()``.

    >>> names = {"dedent": "textwrap"}
    >>> getattr_, dir_ = lazy_names("example", {}, names)
    >>> getattr_("dedent")("  a")
    'a'
    >>> getattr_("indent")
    Traceback (most recent call last):
    ...
    AttributeError: module 'example' has no attribute 'indent'
    """

    def __getattr__(name: str) -> object:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value  # the next look-up does not come here
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *modules})

    return __getattr__, __dir__
