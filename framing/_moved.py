"""Where the modules of framing 0.1's flat layout went: importing an old name says where to look.

>>> import importlib
>>> importlib.import_module("framing.lexicon")
Traceback (most recent call last):
...
ModuleNotFoundError: framing.lexicon moved to framing.measures.lexicon (the front door, \
framing.load_lexicon and framing.Lexicon, is unchanged)
"""

from __future__ import annotations

import importlib.abc
import sys

__all__ = ["MOVED", "MovedModuleFinder", "install"]

#: Each module of framing 0.1 that is gone, and where its contents live now.
MOVED = {
    "framing.segment": "framing.text.segment",
    "framing.html": "framing.io.html",
    "framing.sentiment": "framing.measures.sentiment",
    "framing.lexicon": "framing.measures.lexicon",
    "framing.hedges": "framing.measures.hedges",
    "framing.analyze": "framing.table (schema, rows, engine)",
    "framing.corpus": "framing.table.engine",
    "framing.results": "framing.table.results",
    "framing.align": "framing.comparisons.align",
    "framing.groups": "framing.comparisons.groups",
    "framing.validation": "framing.comparisons.validation",
    "framing.download": "framing.datasets.download",
    "framing.fetch": "framing.datasets.fetch",
    "framing.plots": "framing.report.plots",
    "framing.figures": "framing.report.figures (the seed loaders: framing.datasets.examples)",
    "framing.highlight": "framing.report.highlight",
    "framing.worksheet": "framing.report.worksheet",
    "framing.classroom": "framing.report.classroom",
    "framing.notebook": "framing.report.notebook",
    "framing.voice.detect": "framing.voice",
    # names, not modules: ``from framing.voice import voice_contrast`` asks the finders for a
    # module of that name once the package lacks the attribute.
    "framing.voice.voice_contrast": "framing.comparisons.contrast (or use framing.voice_contrast)",
    "framing.voice.CONTRAST_VOICES": "framing.comparisons.contrast",
}

#: The front-door names that a moved module used to hold, said in its error.
_FRONT_DOOR = {
    "framing.lexicon": "framing.load_lexicon and framing.Lexicon",
    "framing.analyze": "framing.analyze()",
    "framing.results": "framing.save_table",
    "framing.align": "framing.compare()",
    "framing.groups": "framing.compare_groups()",
}


class MovedModuleFinder(importlib.abc.MetaPathFinder):
    """Raise a ModuleNotFoundError that names the new place of a moved module or name."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in MOVED:
            return None
        front = _FRONT_DOOR.get(fullname)
        hint = f" (the front door, {front}, is unchanged)" if front else ""
        # name=None: the import system passes this error on instead of reading it as "no such
        # submodule" and raising a bare "cannot import name" in its place.
        raise ModuleNotFoundError(f"{fullname} moved to {MOVED[fullname]}{hint}", name=None)


def install() -> None:
    """Put the finder on ``sys.meta_path`` once."""
    if not any(isinstance(finder, MovedModuleFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, MovedModuleFinder())
