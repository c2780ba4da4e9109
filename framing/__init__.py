"""framing: measure how partisan outlets frame the neutral reporting that they cite.

The front door:

- :class:`Article`: a text split into a headline and paragraphs, each with its measures.
- :func:`analyze`: one tidy row per paragraph, for one article or a corpus.
- :func:`load_lexicon`: the bundled loaded-language lexicon, or a published one from a file.
- :func:`voice_contrast`: the outlet's own words against the words it quotes and attributes.
- :func:`compare`: a partisan article aligned with the reports it cites, paragraph by paragraph.
"""

from framing.align import compare
from framing.analyze import analyze
from framing.article import Article, Paragraph
from framing.errors import FramingError
from framing.lexicon import Lexicon, load_lexicon
from framing.voice import voice_contrast

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Paragraph",
    "analyze",
    "compare",
    "load_lexicon",
    "Lexicon",
    "FramingError",
    "voice_contrast",
    "__version__",
]
