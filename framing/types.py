"""Type aliases for the unions that framing's signatures repeat (as textacy keeps its own).

>>> from pathlib import Path
>>> isinstance(Path("x.dic"), PathLike.__args__)
True
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeAlias

from framing.measures.lexicon import Lexicon, LexiconMatcher
from framing.voice.sources import SourcesLike

__all__ = ["LexiconLike", "PathLike", "SourcesLike"]

#: A file given by name or by path.
PathLike: TypeAlias = str | Path

#: A lexicon: loaded, compiled for matching, a bundled name, or a file to load.
LexiconLike: TypeAlias = Lexicon | LexiconMatcher | str | Path
