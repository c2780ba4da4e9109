"""Measures of one paragraph's text: sentiment (TextBlob, VADER), lexicons, hedges.

Each takes a paragraph's text and gives numbers or matches with offsets; each
pluggable part is a small Protocol (``SentimentScorer``, ``CompoundScorer``).
"""

from framing.measures.hedges import (
    CONTEXTS,
    HEDGES_FILE,
    Hedge,
    HedgeList,
    find_hedges,
    load_hedges,
)
from framing.measures.lexicon import (
    BUNDLED_LEXICONS,
    DEFAULT_LEXICON,
    MPQA_TYPES,
    NEGATORS,
    Entry,
    Lexicon,
    LexiconInfo,
    LexiconMatcher,
    Match,
    load_lexicon,
    read_liwc_dic,
    read_mpqa,
    read_table,
    read_wordlist,
    read_yaml,
)
from framing.measures.sentiment import (
    CompoundScorer,
    Sentiment,
    SentimentScorer,
    TextBlobSentiment,
    VaderSentiment,
    default_sentiment,
    default_vader,
)

__all__ = [
    "Sentiment",
    "SentimentScorer",
    "CompoundScorer",
    "TextBlobSentiment",
    "VaderSentiment",
    "default_sentiment",
    "default_vader",
    "Entry",
    "Match",
    "LexiconInfo",
    "Lexicon",
    "LexiconMatcher",
    "load_lexicon",
    "read_liwc_dic",
    "read_table",
    "read_yaml",
    "read_mpqa",
    "read_wordlist",
    "NEGATORS",
    "MPQA_TYPES",
    "BUNDLED_LEXICONS",
    "DEFAULT_LEXICON",
    "Hedge",
    "HedgeList",
    "load_hedges",
    "find_hedges",
    "CONTEXTS",
    "HEDGES_FILE",
]
