"""Any dictionary, counted per category, and the scorer that the Lexicoder dictionary defines.

A :class:`CategoryCounter` holds one named dictionary (LIWC, WordStat, Lexicoder, YAML, ... :
anything :func:`~framing.measures.lexicon.load_lexicon` reads) and finds its terms in a text
category by category. Each category is matched on its own, as quanteda's ``tokens_lookup``
counts by default (``nested_scope = "key"``): a word listed in two categories counts in both,
and inside one category the longest entry wins where entries nest ("not good" and "good").

:func:`tone_lsd` is the Lexicoder Sentiment Dictionary's own score (Young and Soroka 2012):
positive minus negative words, where a negated positive ("not good", key ``NEG_POSITIVE``)
counts as negative and a negated negative ("not bad", ``NEG_NEGATIVE``) as positive. For it the
whole dictionary is matched at once and the longest entry wins (quanteda's ``nested_scope =
"dictionary"``), so that "not good" is one negated positive and not also a positive.

>>> from framing.measures.lexicon import Entry, Lexicon
>>> lsd = CategoryCounter("lsd", Lexicon([Entry("good", "POSITIVE"), Entry("bad", "NEGATIVE"),
...                                       Entry("not good", "NEG_POSITIVE")]))
>>> lsd.scorers
('tone_lsd',)
>>> {category: len(found) for category, found in lsd.matches("Good, not good.").items()}
{'POSITIVE': 2, 'NEGATIVE': 0, 'NEG_POSITIVE': 1}
>>> lsd.tone_net(lsd.scorer_matches("Good, not good."))
0
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from framing.errors import FramingError
from framing.measures.dictionaries import flatten_mapping
from framing.measures.lexicon import (
    Entry,
    Lexicon,
    LexiconInfo,
    Match,
    _lowered_in_place,
    load_lexicon,
)
from framing.text.words import WORD_PART, normalize_apostrophes, per_100_words

__all__ = [
    "CategoryCounter",
    "DICTIONARY_NAME",
    "LSD_CATEGORIES",
    "SCORERS",
    "load_dictionaries",
    "lsd_net",
    "tone_lsd",
]

#: A dictionary's name, the first part of its columns (``mfd.care.virtue``): a letter, then
#: letters, digits, ``_`` or ``-``. No dot, so that the name ends where the category starts.
DICTIONARY_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")

#: The Lexicoder Sentiment Dictionary's keys (LSD2015; quanteda's ``data_dictionary_LSD2015``
#: writes them in lower case, Lexicoder's ``.lc3`` files in upper case): the sign each adds to
#: the net tone.
LSD_CATEGORIES = {"positive": 1, "negative": -1, "neg_positive": -1, "neg_negative": 1}

#: The scorers a dictionary can have, by name: each adds one pseudo-category to its columns.
SCORERS = {"tone_lsd": "tone"}


def _is_lsd(categories: Sequence[str]) -> bool:
    """Return whether the categories are the LSD's: positive and negative, and at most its
    two negation keys besides (the LSD2015 files come as one file or as two)."""
    lowered = {category.lower() for category in categories}
    return {"positive", "negative"} <= lowered and lowered <= set(LSD_CATEGORIES)


def lsd_net(categories: Iterable[str]) -> int:
    """Return the LSD's net count of matches given by their categories: +1 for each positive and
    negated negative, -1 for each negative and negated positive.

    >>> lsd_net(["POSITIVE", "NEG_NEGATIVE", "NEGATIVE", "POSITIVE"])
    2
    """
    return sum(LSD_CATEGORIES.get(category.lower(), 0) for category in categories)


def tone_lsd(categories: Iterable[str], words: int) -> float:
    """Return the LSD's tone of a text: its net count (:func:`lsd_net`) per 100 words.

    ``categories`` are those of the matches found with the whole dictionary at once (the
    longest entry wins, so "not good" is a negated positive only). Young and Soroka (2012)
    give tone as the percentage of positive words minus the percentage of negative words,
    which is this. A text with no words has no tone (NaN).

    >>> tone_lsd(["POSITIVE", "POSITIVE", "NEG_POSITIVE"], 20)
    5.0
    """
    return per_100_words(lsd_net(categories), words)


class CategoryCounter:
    """A named dictionary, ready to count its categories in a text.

    ``lexicon`` is a :class:`~framing.measures.lexicon.Lexicon`, whose categories are the
    dictionary's keys. ``scorers`` names the scorers its categories call for
    (``("tone_lsd",)`` for the Lexicoder Sentiment Dictionary, else none). Nothing of one call is
    kept on the object, so threads and worker processes may share it.
    """

    def __init__(self, name: str, lexicon: Lexicon) -> None:
        if not isinstance(name, str) or not DICTIONARY_NAME.fullmatch(name):
            raise FramingError(
                f"dictionary name {name!r} is not valid; use a letter followed by letters, "
                "digits, '_' or '-' (no dots or spaces), such as 'mfd' or 'lsd'"
            )
        self.name = name
        self.lexicon = lexicon
        self.categories: tuple[str, ...] = tuple(lexicon.categories)
        if not self.categories:
            raise FramingError(
                f"dictionary {name!r} ({lexicon.info.source or lexicon.info.name}) has no "
                "terms; check that the file holds categories with terms"
            )
        self.scorers: tuple[str, ...] = ("tone_lsd",) if _is_lsd(self.categories) else ()
        clash = [SCORERS[s] for s in self.scorers if SCORERS[s] in self.categories]
        if clash:
            raise FramingError(
                f"dictionary {name!r} has a category {clash[0]!r}, the name of its scorer's "
                "column; rename that category in the file"
            )
        # A term of art ("terror attack*", context "term-of-art") never counts and hides the
        # shorter entries inside it, whatever their category: every category's matcher has it.
        terms_of_art = [entry for entry in lexicon.entries if entry.context == "term-of-art"]
        by_category: dict[str, list[Entry]] = {category: [] for category in self.categories}
        for entry in lexicon.entries:
            if entry.context != "term-of-art":
                by_category[entry.category].append(entry)
        for entries in by_category.values():
            entries.extend(terms_of_art)
        self._lexicons = {
            category: Lexicon(entries, info=LexiconInfo(name=f"{name}.{category}"))
            for category, entries in by_category.items()
        }
        # Which categories a word can start a match of: its first word, exact or a glob's
        # prefix. Only those categories are matched in a text (see matches()).
        self._first_words: dict[str, set[str]] = {}
        self._first_globs: dict[int, dict[str, set[str]]] = {}
        for entry in lexicon.entries:
            if entry.context == "term-of-art":
                continue  # it counts in no category, so it makes none a candidate
            first = _first_word(entry.term)
            if first.endswith("*"):
                prefixes = self._first_globs.setdefault(len(first) - 1, {})
                prefixes.setdefault(first[:-1], set()).add(entry.category)
            else:
                self._first_words.setdefault(first, set()).add(entry.category)
        self._first_word_set = frozenset(self._first_words)

    @property
    def source(self) -> str:
        """Return where the dictionary was read from (its file), or its name."""
        return self.lexicon.info.source or self.lexicon.info.name

    @property
    def columns(self) -> tuple[str, ...]:
        """Return the categories, then the pseudo-category of each scorer (``tone``)."""
        return self.categories + tuple(SCORERS[scorer] for scorer in self.scorers)

    def matches(self, text: str) -> dict[str, list[Match]]:
        """Return each category's matches in ``text`` (the category matched on its own).

        Only the categories that one of the text's words can start a match of are matched (a
        word is one of their terms' first words, or starts with a first word's glob prefix);
        the others have no match. :meth:`_reference_matches` matches every category, and
        gives the same (tests/test_categories.py, on real paragraphs).
        """
        candidates = self._candidates(text)
        return {
            category: lexicon.match(text) if category in candidates else []
            for category, lexicon in self._lexicons.items()
        }

    def _reference_matches(self, text: str) -> dict[str, list[Match]]:
        """Return :meth:`matches` the plain way: every category's lexicon matched on ``text``."""
        return {category: lexicon.match(text) for category, lexicon in self._lexicons.items()}

    def _candidates(self, text: str) -> set[str]:
        """Return the categories that some word of ``text`` can start a match of."""
        lowered = _lowered_in_place(text)  # the text's words as the matcher reads them
        if lowered is not None:
            words = set(WORD_PART.findall(lowered))
        else:
            words = {normalize_apostrophes(word).lower() for word in WORD_PART.findall(text)}
        words |= {word[:-2] for word in words if word.endswith("'s")}
        found: set[str] = set()
        first_words = self._first_words
        for word in words & self._first_word_set:  # two sets: iterates over the smaller
            found |= first_words[word]
        for length, prefixes in self._first_globs.items():
            for word in words:
                categories = prefixes.get(word[:length]) if len(word) >= length else None
                if categories:
                    found |= categories
        return found

    def scorer_matches(self, text: str) -> list[Match]:
        """Return the whole dictionary's matches in ``text``, the longest entry winning where
        entries of any categories nest: what the scorers count."""
        return self.lexicon.match(text)

    def tone_net(self, matches: Iterable[Match]) -> int:
        """Return the LSD's net count of ``matches`` (from :meth:`scorer_matches`)."""
        return lsd_net(match.category for match in matches)

    def __repr__(self) -> str:
        return f"CategoryCounter({self.name!r}, {len(self.categories)} categories)"


def _first_word(term: str) -> str:
    """Return the first word of a term as the matcher reads it: apostrophes made straight,
    lower case, up to the first space or hyphen (a glob keeps its ``*``)."""
    return re.split(r"[\s\-]+", normalize_apostrophes(term).lower().strip(), maxsplit=1)[0]


def _counter(name: str, value: object) -> CategoryCounter:
    if isinstance(value, CategoryCounter):
        if value.name != name:
            return CategoryCounter(name, value.lexicon)
        return value
    if isinstance(value, Lexicon):
        return CategoryCounter(name, value)
    if isinstance(value, Mapping):
        entries = [
            Entry(term=str(term), category=category)
            for category, terms in flatten_mapping(value).items()
            for term in terms
        ]
        return CategoryCounter(name, Lexicon(entries, info=LexiconInfo(name=name)))
    if isinstance(value, str | Path):
        return CategoryCounter(name, load_lexicon(value))
    raise FramingError(
        f"dictionaries[{name!r}] is a {type(value).__name__}; give a dictionary file's path, a "
        "Lexicon (framing.load_lexicon(path)) or a mapping of category to terms"
    )


def load_dictionaries(
    dictionaries: Mapping[str, object] | Sequence[CategoryCounter] | None,
) -> tuple[CategoryCounter, ...]:
    """Return the dictionaries to count, in the order given, each read once.

    ``dictionaries`` maps a name (the first part of the columns) to a dictionary file's path, a
    loaded :class:`~framing.measures.lexicon.Lexicon`, or a mapping of category to terms (nested
    mappings as YAML nests them). Counters already built pass through.

    >>> [c.name for c in load_dictionaries({"moral": {"care": ["kind*"], "harm": ["kill"]}})]
    ['moral']
    """
    if dictionaries is None:
        return ()
    if isinstance(dictionaries, Mapping):
        counters = tuple(_counter(name, value) for name, value in dictionaries.items())
    elif isinstance(dictionaries, Sequence) and all(
        isinstance(value, CategoryCounter) for value in dictionaries
    ):
        counters = tuple(dictionaries)
    else:
        raise FramingError(
            "dictionaries= takes a mapping of name to dictionary, such as "
            "{'mfd': 'mfd2.0.dic'}, not a " + type(dictionaries).__name__
        )
    names = [counter.name for counter in counters]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise FramingError(f"dictionary name {repeated[0]!r} is given twice; name each once")
    return counters
