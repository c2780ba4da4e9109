"""Text: words, sentences and paragraphs, with character offsets into the original.

The first step of the data path. It takes a string and gives spans: the word pattern
that every measure counts with (:data:`WORD`, and :data:`WORD_PART`, its parts, which the
lexicon matcher walks), sentence boundaries, the segmenters that split an article into
paragraphs, and the characters that show nothing (a line of them is blank) or cannot be saved
(lone surrogates). It imports nothing else of framing's but errors.
"""

from framing.text.characters import INVISIBLE, is_blank, replace_surrogates, surrogate_problem
from framing.text.segment import (
    BlankLineSegmenter,
    LineSegmenter,
    Segmenter,
)
from framing.text.words import (
    WORD,
    WORD_PART,
    count_words,
    iter_words,
    normalize_apostrophes,
    split_sentences,
)

__all__ = [
    "WORD",
    "WORD_PART",
    "iter_words",
    "count_words",
    "split_sentences",
    "normalize_apostrophes",
    "Segmenter",
    "BlankLineSegmenter",
    "LineSegmenter",
    "INVISIBLE",
    "is_blank",
    "surrogate_problem",
    "replace_surrogates",
]
