"""framing: measure how partisan outlets frame the neutral reporting that they cite.

The front door:

- :class:`Article`: a text split into a headline and paragraphs, each with its measures.
- :func:`analyze`: one tidy row per paragraph, for one article or a corpus.
- :func:`load_lexicon`: the bundled loaded-language lexicon, or a published one from a file.
- :func:`compare_groups`: group means with confidence intervals, effect sizes and tests.
- :func:`save_table`: save a result table with its measures' definitions and framing's version.
- :func:`voice_contrast`: the outlet's own words against the words it quotes and attributes.
- :func:`compare`: a partisan article aligned with the reports it cites, paragraph by paragraph.
- :func:`match_sources`: the reports each article of a corpus most likely draws on.
- :func:`compare_corpus`: every article of a corpus aligned with its report, and summed up.

The data path runs through the subpackages in this order (README, "Architecture"):
``text -> io -> measures -> voice -> article -> table -> comparisons -> datasets -> report
-> cli``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing import _moved
from framing._lazy import lazy_names
from framing._version import __version__
from framing.errors import FramingError

if TYPE_CHECKING:  # the names below are imported on first use (see __getattr__)
    from framing.article import Article, Paragraph
    from framing.comparisons.align import compare
    from framing.comparisons.contrast import voice_contrast
    from framing.comparisons.corpus import compare_corpus
    from framing.comparisons.groups import compare_groups
    from framing.comparisons.matching import match_sources
    from framing.measures.lexicon import Lexicon, load_lexicon
    from framing.table.engine import analyze
    from framing.table.results import save_table

_moved.install()

__all__ = [
    "Article",
    "Paragraph",
    "analyze",
    "compare",
    "load_lexicon",
    "Lexicon",
    "FramingError",
    "compare_groups",
    "save_table",
    "voice_contrast",
    "match_sources",
    "compare_corpus",
    "__version__",
]

#: The module that defines each name of the front door. A name is imported when it is first
#: used, so that ``import framing`` (and the ``framing`` command) starts without importing
#: pandas, NumPy and every step of the data path.
_LAZY = {
    "Article": "framing.article",
    "Paragraph": "framing.article",
    "analyze": "framing.table.engine",
    "compare": "framing.comparisons.align",
    "load_lexicon": "framing.measures.lexicon",
    "Lexicon": "framing.measures.lexicon",
    "compare_groups": "framing.comparisons.groups",
    "save_table": "framing.table.results",
    "voice_contrast": "framing.comparisons.contrast",
    "match_sources": "framing.comparisons.matching",
    "compare_corpus": "framing.comparisons.corpus",
}


__getattr__, __dir__ = lazy_names(__name__, globals(), _LAZY)
