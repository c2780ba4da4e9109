"""framing: measure how partisan outlets frame the neutral reporting that they cite.

The front door:

- :class:`Article`: a text split into a headline and paragraphs, each with its measures.
- :func:`analyze`: one tidy row per paragraph, for one article or a corpus.
- :func:`load_lexicon`: the bundled loaded-language lexicon, or a published one from a file.
- :func:`compare_groups`: group means with confidence intervals, effect sizes and tests.
- :func:`save_table`: save a result table with its measures' definitions and framing's version.
- :func:`voice_contrast`: the outlet's own words against the words it quotes and attributes.
- :func:`compare`: a partisan article aligned with the reports it cites, paragraph by paragraph.

The data path runs through the subpackages in this order (README, "Architecture"):
``text -> io -> measures -> voice -> article -> table -> comparisons -> datasets -> report
-> cli``.
"""

from framing import _moved
from framing._version import __version__
from framing.article import Article, Paragraph
from framing.comparisons.align import compare
from framing.comparisons.contrast import voice_contrast
from framing.comparisons.groups import compare_groups
from framing.errors import FramingError
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
    "__version__",
]
