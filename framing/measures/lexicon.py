"""Lexicons of loaded language: entries, one-pass matching, and loaders for published formats.

A :class:`Lexicon` holds :class:`Entry` objects (a term, its category and why it is there) and
finds them in a text in one pass over its words. Terms are matched

- case-insensitively, and as whole words only;
- with inflections written out, or as a glob (``terror*`` matches "terrorist", "terrorism");
- as multi-word phrases (``the might of``), across spaces or line breaks; a space in a term also
  matches a hyphen (``far left`` matches "far left" and "far‑left"), while a hyphen in a term
  matches only a hyphen (``has-been`` does not match "has been"); any other punctuation between
  the words ("root, out") breaks the phrase;
- word by word inside a hyphenated word: ``terror*`` matches the "terror" of "anti-terror";
- with curly apostrophes read as straight ones, and a possessive ``'s`` read as its noun;
- longest first: where entries nest ("massive" and "massive military victory"), the longest
  match wins and the shorter one is not counted again;
- where an entry's ``context`` says so (:data:`CONTEXTS`), not inside a proper name, and never
  as a term of art: a ``term-of-art`` phrase ("terror attack*") is matched like any entry, so
  that it wins over the shorter entries inside it, and then not counted.
- for a lexicon with ``skip_quoted_titles`` (the bundled one), not inside a quoted title, the
  name of a film, book or show in quotation marks (:func:`quoted_titles`).

Each entry carries an ``intensity`` (1 to 3), which its matches carry on into the weighted
score ``loaded_score_per_100_words``.

Loaders read LIWC ``.dic``, WordStat ``.cat``, Yoshikoder/Lexicoder ``.ykd``/``.lcd``/``.lc3``
(:mod:`framing.measures.dictionaries`), CSV/TSV, YAML, MPQA subjectivity clues (``.tff``) and
plain word lists.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from itertools import accumulate, compress
from pathlib import Path
from typing import Protocol, runtime_checkable

from framing._cache import cached
from framing.errors import FramingError, InputError, choices_error
from framing.io.tables import bundled_file, read_data_table
from framing.measures.dictionaries import (
    DICTIONARY_FORMATS,
    DictionaryWarning,
    flatten_mapping,
    read_dictionary,
)
from framing.text.words import WORD_PART, normalize_apostrophes

__all__ = [
    "Entry",
    "Match",
    "CONTEXTS",
    "INTENSITIES",
    "format_match",
    "quoted_titles",
    "in_quoted_title",
    "LexiconInfo",
    "Lexicon",
    "LexiconMatcher",
    "load_lexicon",
    "read_liwc_dic",
    "read_table",
    "read_yaml",
    "read_mpqa",
    "read_wordlist",
    "read_dictionary_file",
    "LEXICON_FORMATS",
    "NEGATORS",
    "MPQA_TYPES",
    "BUNDLED_LEXICONS",
    "DEFAULT_LEXICON",
]

#: What may stand between two words of a phrase: white space, or one hyphen that joins them
#: ("far-left"). Any other punctuation (a comma, a dash, a full stop) ends the phrase.
_PHRASE_GAP = re.compile(r"\s+|[-\u2010\u2011]")

#: :data:`~framing.text.words.WORD_PART` as one group: ``split`` returns the gaps and the word
#: parts in turn (gap, part, gap, ..., part, gap), whose lengths add up to every part's offsets.
_PARTS_AND_GAPS = re.compile(f"({WORD_PART.pattern})", WORD_PART.flags)

#: Words that negate what follows them ("not evil", "isn't heroic", "never a triumph").
#: A negated match still counts (loaded language is loaded when denied) but is flagged.
NEGATORS = frozenset(
    "not no never without hardly barely neither nor nobody nothing none cannot".split()
)
#: How many words back a negator reaches, within one clause.
NEGATION_WINDOW = 3

#: Punctuation that ends a clause, so a negator before it does not reach past it.
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]\"\u201c\u201d\u2013\u2014]")

#: A valid term: words (with a trailing ``*`` glob allowed) separated by spaces or hyphens. This
#: checks how a lexicon's term is written (its apostrophes already made straight), not what a
#: word of a text is: each word of a term is matched against one word part of the text
#: (:data:`~framing.text.words.WORD_PART`).
_TERM = re.compile(r"^\w+(?:'\w+)*\*?(?:[ \-]+\w+(?:'\w+)*\*?)*$")

#: Bundled lexicons, by name: file under ``framing/data/lexicons/``.
BUNDLED_LEXICONS = {"loaded": "loaded_language.tsv"}
DEFAULT_LEXICON = "loaded"


#: Where an entry counts (the ``context`` column of a lexicon table), with what each means.
CONTEXTS = {
    "": "anywhere",
    "not-in-name": "not where the match is part of a proper name: its words are capitalised and "
    "make, with the words next to it, a run of two or more capitalised words, in a paragraph "
    'that is not written in title case ("Grand Slam", "The Greatest")',
    "term-of-art": 'a phrase that is a plain term where it stands ("terror attack"): it is never '
    "counted, and the shorter entries inside it do not count there either",
}

#: The intensities an entry may have: 1 (mild) to 3 (strong); see LEXICONS.md for the rule.
INTENSITIES = (1, 2, 3)


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a term (word, phrase or glob), its category, and why it is there.

    ``intensity`` (1 to 3) weighs the entry in ``loaded_score_per_100_words``; ``context`` says
    where it counts (:data:`CONTEXTS`).
    """

    term: str
    category: str
    reason: str = ""
    intensity: int = 1
    context: str = ""

    def without_context(self) -> Entry:
        """Return this entry counted anywhere (no ``context`` rule)."""
        return replace(self, context="")


@dataclass(frozen=True)
class Match:
    """A lexicon entry found in a text, with character offsets into that text."""

    term: str
    category: str
    start: int
    end: int
    text: str
    negated: bool = False
    intensity: int = 1


def format_match(match: Match) -> str:
    """Return a match as ``term:category=matched text`` (white space in the text as one space).

    >>> format_match(Match("eradicate*", "eradication-violence", 4, 13, "eradicate"))
    'eradicate*:eradication-violence=eradicate'
    """
    return f"{match.term}:{match.category}={' '.join(match.text.split())}"


@dataclass(frozen=True)
class LexiconInfo:
    """Where a lexicon comes from, carried with the loaded object."""

    name: str
    source: str = ""
    citation: str = ""
    license: str = ""
    description: str = ""


@runtime_checkable
class LexiconMatcher(Protocol):
    """Anything that finds loaded language in a text."""

    def match(self, text: str) -> list[Match]:
        """Return the matches in ``text``, in order, without overlaps."""
        ...


def _split_term(term: str) -> tuple[str, ...]:
    """Return a term's words; a word joined to the one before by a hyphen starts with ``-``."""
    normalized = normalize_apostrophes(term).lower().strip()
    pieces = re.split(r"(\s*-\s*|\s+)", normalized)
    parts = [pieces[0]]
    for joiner, word in zip(pieces[1::2], pieces[2::2], strict=True):
        parts.append(("-" if "-" in joiner else "") + word)
    return tuple(parts)


def _token_matches(pattern: str, token: str) -> bool:
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return token == pattern


def _specificity(parts: tuple[str, ...]) -> tuple[int, int, int]:
    """Return how specific a term is: more words, then more exact words, then longer prefixes."""
    exact = sum(1 for part in parts if not part.endswith("*"))
    return len(parts), exact, sum(len(part.strip("-*")) for part in parts)


_Indexed = tuple[tuple[str, ...], tuple[int, int, int, int], Entry]
#: The entries that can start at a word: phrases (parts and entry, the most specific first),
#: then the one-word entry and the characters its match leaves off the token's end.
_Plan = tuple[tuple[tuple[tuple[str, ...], Entry], ...], tuple[Entry, int] | None]

#: Distinct words (and word pairs) whose plans are kept, a few hundred bytes each, before the
#: caches start afresh: bounded memory whatever the size of the corpus.
_PLAN_CACHE_WORDS = 100_000


def _lowered_in_place(text: str) -> str | None:
    """Return ``text`` normalised and lower-cased with every word where it was, or ``None``.

    Its words are then the matcher's words, each normalised and lower-cased on its own. That
    holds when lower-casing maps each character to one character, which it does but for a few
    letters that grow ("İ") or depend on their neighbours (a capital sigma), and when
    normalising does not change what is a word character: the modifier letter apostrophe is one,
    the ``'`` it becomes is not.
    """
    if text.isascii():
        return text.lower()
    if "\u02bc" in text or "\u03a3" in text:
        return None
    lowered = normalize_apostrophes(text).lower()
    return lowered if len(lowered) == len(text) else None


def _offsets(text: str, pieces: list[str] | None) -> tuple[list[int], list[int]]:
    """Return the start and end offsets of the matcher's words in ``text``.

    Where ``pieces`` (the gaps and the words of the text lowered in place, from
    :data:`_PARTS_AND_GAPS`) are given, the running sum of their lengths gives every offset,
    without a match object or a search per word; else each word part of ``text`` is matched.
    """
    if pieces is None:
        tokens = list(WORD_PART.finditer(text))
        return [token.start() for token in tokens], [token.end() for token in tokens]
    offsets = list(accumulate(map(len, pieces)))
    # offsets: end of gap 0 (start of word 1), end of word 1, end of gap 1, ..., end of text.
    return offsets[0:-1:2], offsets[1::2]


class _PlanCache(dict):
    """Word -> plan, each plan made by ``plan(word)`` the first time its word is looked up."""

    def __init__(self, plan) -> None:
        super().__init__()
        self._make = plan

    def __missing__(self, word: str) -> _Plan:
        plan = self[word] = self._make(word)
        return plan


#: The plan of a word that starts no entry: the only plan that is false, so that the words
#: that start an entry are those whose plan is true.
_NO_PLAN: _Plan | tuple[()] = ()


def _by_rank(indexed: _Indexed) -> tuple[int, int, int, int]:
    return indexed[1]


def _first_part_trim(part: str, word: str) -> int | None:
    """Return how a term's ``part`` matches ``word`` (as :func:`_phrase_end` does): 0 for the
    whole word, 2 for a possessive's noun, ``None`` when it does not match."""
    if _token_matches(part, word):
        return 0
    if word.endswith("'s") and _token_matches(part, word[:-2]):
        return 2
    return None


@dataclass
class Lexicon:
    """Terms with categories, matched in one pass over a text's words.

    Where several entries match at the same word, the most specific wins: the one with more
    words, then the one with fewer globs (``terrorist`` before ``terror*``), then the entry that
    comes first in the file.

    >>> lexicon = Lexicon([Entry("massive", "hyperbole"),
    ...                    Entry("massive military victory", "glorifying"),
    ...                    Entry("terror*", "emotive-negative")])
    >>> [(m.text, m.category) for m in lexicon.match("A Massive Military Victory over terrorists")]
    [('Massive Military Victory', 'glorifying'), ('terrorists', 'emotive-negative')]
    >>> lexicon.match("ISIS is not massive.")[0].negated
    True
    """

    entries: Sequence[Entry]
    info: LexiconInfo = field(default_factory=lambda: LexiconInfo(name="custom"))
    #: Whether a match inside a quoted title ("the film 'Killing Fields'") is left out, for
    #: every entry (:func:`in_quoted_title`); on for the bundled lexicon, off for a published
    #: dictionary, which counts as quanteda counts.
    skip_quoted_titles: bool = False

    def __post_init__(self) -> None:
        self.entries = tuple(self.entries)
        bad = [entry.term for entry in self.entries if not _TERM.match(_normal_term(entry.term))]
        if bad:
            raise FramingError(
                f"lexicon {self.info.name!r} has invalid terms {bad[:5]}; a term is words "
                "separated by spaces or hyphens, each optionally ending in '*'"
            )
        bad_context = [entry.context for entry in self.entries if entry.context not in CONTEXTS]
        if bad_context:
            raise choices_error("context", bad_context[0], [c for c in CONTEXTS if c])
        bad_intensity = [e.term for e in self.entries if e.intensity not in INTENSITIES]
        if bad_intensity:
            raise FramingError(
                f"lexicon {self.info.name!r} has terms with an intensity outside 1-3 "
                f"{bad_intensity[:5]}; give each an intensity of 1, 2 or 3"
            )
        uncategorised = [entry.term for entry in self.entries if not entry.category.strip()]
        if uncategorised:
            raise FramingError(
                f"lexicon {self.info.name!r} has terms without a category {uncategorised[:5]}; "
                "give every term a category"
            )
        # Index entries by their first word: exact words in a dict, globs by prefix length, so
        # that each word of a text costs a few dictionary look-ups whatever the lexicon's size.
        self._exact: dict[str, list[_Indexed]] = {}
        self._globs: dict[int, dict[str, list[_Indexed]]] = {}
        for order, entry in enumerate(self.entries):
            parts = _split_term(entry.term)
            rank = (*_specificity(parts), -order)
            first = parts[0]
            if first.endswith("*"):
                prefix = first[:-1]
                bucket = self._globs.setdefault(len(prefix), {})
                bucket.setdefault(prefix, []).append((parts, rank, entry))
            else:
                self._exact.setdefault(first, []).append((parts, rank, entry))
        self._glob_lengths = sorted(self._globs)
        # Caches that every call shares, never the state of one call: a plan depends on its
        # word (or pair of words) alone, so threads that fill or clear them at the same time
        # still each read a right plan (tests/test_measures.py).
        self._plans: dict[str, _Plan] = _PlanCache(self._plan)
        self._pairs: dict[tuple[str, str], tuple] = {}

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def categories(self) -> list[str]:
        """Return the categories, in the order they first appear."""
        return list(dict.fromkeys(entry.category for entry in self.entries))

    def _candidates(self, token: str) -> Iterable[_Indexed]:
        yield from self._exact.get(token, ())
        if token.endswith("'s"):
            yield from self._exact.get(token[:-2], ())
        for length in self._glob_lengths:
            if length > len(token):
                break
            yield from self._globs[length].get(token[:length], ())

    def _plan(self, word: str) -> _Plan:
        """Return the entries that can start at ``word``: the phrases, the most specific first,
        and the one-word entry that applies when none of them matches (or ``None``).

        Whether an entry's first word matches depends on ``word`` alone, and so does the whole
        match of a one-word entry (up to ``trim``, the characters its match leaves off the
        token's end: 2 where it matches a possessive's noun). The most specific one-word entry
        always matches, so the less specific entries after it would never be chosen. The plan
        is kept for the next time the word is seen.
        """
        phrases = []
        single = None
        for parts, _rank, entry in sorted(self._candidates(word), key=_by_rank, reverse=True):
            trim = _first_part_trim(parts[0], word)
            if trim is None:
                continue
            if len(parts) == 1:
                single = entry, trim
                break
            phrases.append((parts, entry))
        return (tuple(phrases), single) if phrases or single else _NO_PLAN

    def _phrases(self, phrases: tuple, word: str, next_word: str) -> tuple:
        """Return the ``phrases`` whose second word can be ``next_word`` (in the same order)."""
        key = (word, next_word)
        kept = tuple(
            (parts, entry)
            for parts, entry in phrases
            if _first_part_trim(parts[1].lstrip("-"), next_word) is not None
        )
        self._pairs[key] = kept
        return kept

    def match(self, text: str) -> list[Match]:
        """Return the entries found in ``text``, in text order, the most specific where they nest.

        One pass over the words of ``text``: at each word the entries that start with it are
        tried, the most specific that matches is kept, and the walk goes on after it.
        """
        lowered = _lowered_in_place(text)
        pieces = None
        if lowered is not None:
            pieces = _PARTS_AND_GAPS.split(lowered)
            words = pieces[1::2]
        else:
            words = [normalize_apostrophes(token).lower() for token in WORD_PART.findall(text)]
        if len(self._plans) > _PLAN_CACHE_WORDS or len(self._pairs) > _PLAN_CACHE_WORDS:
            self._plans.clear()  # bounds memory over a corpus with an open vocabulary
            self._pairs.clear()
        plans, pairs = self._plans, self._pairs
        # The indexes of the words that start an entry, found in C (map, compress: a plan is
        # true unless it is _NO_PLAN) rather than with a comparison per word in Python: equal
        # to [index for index, word in enumerate(words) if plans[word] is not _NO_PLAN].
        positions = list(compress(range(len(words)), map(plans.__getitem__, words)))
        if not positions:
            return []
        offsets = None  # the words' offsets, found once some entry may match
        titles = None  # the quoted titles' spans, found once a match needs them
        matches = []
        count = len(words)
        after = 0  # the walk goes on after the last match
        for position in positions:
            if position < after:
                continue
            word = words[position]
            phrases, single = plans[word]
            found = None
            if phrases and position + 1 < count:
                next_word = words[position + 1]
                kept = pairs.get((word, next_word))
                if kept is None:
                    kept = self._phrases(phrases, word, next_word)
                if kept and offsets is None:
                    offsets = starts, ends = _offsets(text, pieces)
                for parts, entry in kept:
                    end = _phrase_end(parts, starts, ends, words, position, text, first=1)
                    if end is not None:
                        found = entry, end
                        break
            if found is None:
                if single is None:
                    continue
                if offsets is None:
                    offsets = starts, ends = _offsets(text, pieces)
                entry, trim = single
                found = entry, (position, ends[position] - trim)
            entry, (last, end_offset) = found
            after = last + 1
            if entry.context and not _counts_here(entry, position, last, starts, ends, text):
                continue
            if self.skip_quoted_titles:
                if titles is None:
                    titles = quoted_titles(text, starts, ends)
                if in_quoted_title(starts[position], end_offset, titles):
                    continue
            matches.append(_match_at(entry, position, end_offset, starts, ends, words, text))
        return matches

    def _reference_match(self, text: str) -> list[Match]:
        """Return what :meth:`match` returns, found the plain way: every entry that starts at a
        word is tried in full. Slower; kept as the definition the fast path is tested against."""
        tokens = list(WORD_PART.finditer(text))
        starts = [token.start() for token in tokens]
        ends = [token.end() for token in tokens]
        words = [normalize_apostrophes(token.group()).lower() for token in tokens]
        matches = []
        position = 0
        while position < len(tokens):
            best = None
            for parts, rank, entry in self._candidates(words[position]):
                if best is not None and rank <= best[0]:
                    continue
                end = _phrase_end(parts, starts, ends, words, position, text)
                if end is not None:
                    best = (rank, entry, end)
            if best is None:
                position += 1
                continue
            _, entry, (last, end_offset) = best
            counts = not entry.context or _counts_here(entry, position, last, starts, ends, text)
            titles = quoted_titles(text, starts, ends) if self.skip_quoted_titles else []
            if counts and not in_quoted_title(starts[position], end_offset, titles):
                matches.append(_match_at(entry, position, end_offset, starts, ends, words, text))
            position = last + 1
        return matches

    def __getstate__(self) -> dict:
        # The caches are not worth sending to worker processes; each process fills its own.
        return {k: v for k, v in self.__dict__.items() if k not in ("_plans", "_pairs")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._plans = _PlanCache(self._plan)
        self._pairs = {}

    def count(self, text: str) -> int:
        """Return the number of matches in ``text``."""
        return len(self.match(text))


def _phrase_end(parts, starts, ends, words, position, text, first=0) -> tuple[int, int] | None:
    """Return (last word index, end offset) where ``parts`` match from ``position``, or None.

    ``starts`` and ``ends`` are the words' offsets in ``text``.
    ``first`` skips the parts already known to match (see :meth:`Lexicon._plan`).
    """
    last = position + len(parts) - 1
    if last >= len(words):
        return None
    for index in range(first, len(parts)):
        part = parts[index]
        token_index = position + index
        word = words[token_index]
        if index:
            gap = _PHRASE_GAP.fullmatch(text, ends[token_index - 1], starts[token_index])
            # A space in a term matches a space or a hyphen ("far left", "far-left"); a hyphen
            # matches a hyphen only, so "has-been" does not match "has been".
            if gap is None or (part.startswith("-") and gap.group().isspace()):
                return None
            part = part.lstrip("-")
        if _token_matches(part, word):
            continue
        # A possessive 's belongs to the word before it ("ISIS's evil"); a match on the noun
        # ends before the apostrophe, so that the highlight covers the term only.
        if word.endswith("'s") and _token_matches(part, word[:-2]):
            if token_index == last:
                return last, ends[last] - 2
            continue
        return None
    return last, ends[last]


def _match_at(entry: Entry, position: int, end_offset: int, starts, ends, words, text) -> Match:
    """Return the match of ``entry`` from word ``position`` to ``end_offset`` in ``text``."""
    start_offset = starts[position]
    return Match(
        entry.term,
        entry.category,
        start_offset,
        end_offset,
        text[start_offset:end_offset],
        _negated(starts, ends, words, position, text),
        entry.intensity,
    )


#: A paragraph whose longer words are capitalised at least this often is in title case (a
#: headline such as "Trump Wins Massive Military Victory"), where capitals do not mark names.
_TITLE_CASE_SHARE = 0.6
#: Words shorter than this are left out of the title-case share ("of", "the", "in").
_TITLE_CASE_MIN_LENGTH = 4
#: A text needs this many such words to be read as title case at all.
_TITLE_CASE_MIN_WORDS = 4


def _counts_here(entry: Entry, first: int, last: int, starts, ends, text) -> bool:
    """Return whether the match of ``entry`` over words ``first`` to ``last`` counts, by the
    entry's ``context`` rule (:data:`CONTEXTS`)."""
    if entry.context == "term-of-art":
        return False
    # not-in-name: the match's words are capitalised and, with a capitalised word just before
    # or just after it (only white space between), make a run of two or more capitalised
    # words ("Grand Slam", "The Greatest"), outside a paragraph in title case.
    if not all(text[starts[index]].isupper() for index in range(first, last + 1)):
        return True
    run = last - first + 1
    if first > 0 and text[ends[first - 1] : starts[first]].isspace():
        run += text[starts[first - 1]].isupper()
    if last + 1 < len(starts) and text[ends[last] : starts[last + 1]].isspace():
        run += text[starts[last + 1]].isupper()
    return run < 2 or _title_case(text, starts, ends)


#: A quotation: in double quotes (straight or curly), in curly single quotes, or in straight
#: single quotes that no letter touches from outside (so that "don't" and "players' union" do
#: not open one). Its text is one of the groups ``a`` to ``d``.
#:
#: Each choice starts with its opening mark and looks behind it after that (``'(?<![\w']')``:
#: no letter or apostrophe before the mark), so that the regular expression engine knows the
#: four characters a quotation can start with and skips to the next of them in C; a choice
#: that starts by looking behind is tried at every character of the text. About 86% fewer
#: instructions on the real paragraphs. :data:`_REFERENCE_QUOTATION` is the plain way to
#: write it, and tests/test_lexicon.py checks the two find the same quotations in every real
#: paragraph and article.
_QUOTATION = re.compile(
    r'"(?P<a>[^"\n]{1,160})"'
    r"|\u201c(?P<b>[^\u201c\u201d\n]{1,160})\u201d"
    r"|\u2018(?<!\w\u2018)(?P<c>[^\u2018\u2019\n]{1,160}?)\u2019(?!\w)"
    r"|'(?<![\w']')(?P<d>[^'\n]{1,160}?)'(?![\w'])"
)
_REFERENCE_QUOTATION = re.compile(
    r'"(?P<a>[^"\n]{1,160})"'
    r"|\u201c(?P<b>[^\u201c\u201d\n]{1,160})\u201d"
    r"|(?<!\w)\u2018(?P<c>[^\u2018\u2019\n]{1,160}?)\u2019(?!\w)"
    r"|(?<![\w'])'(?P<d>[^'\n]{1,160}?)'(?![\w'])"
)
#: A quoted title has this many words at least (a one-word quotation is as often a word held
#: at a distance, "Disgusting.", as a title) and at most.
_TITLE_WORDS = (2, 12)


def quoted_titles(text: str, starts, ends) -> list[tuple[int, int]]:
    """Return the character spans of the quoted titles in ``text``: a quotation of 2 to 12
    words, in title case (its first word and every word of four letters or more capitalised,
    not all in capitals, as a shout or a crosshead is),
    that does not end in a comma, "!" or "?" (as speech before its speaker does: "Totally
    Disgusting," he said), in a paragraph whose other words are not in title case (a headline).

    ``starts`` and ``ends`` are the offsets of the text's words.

    >>> text = "He called the film 'Killing Fields' evil."
    >>> quoted_titles(text, *zip(*[(m.start(), m.end()) for m in WORD_PART.finditer(text)]))
    [(20, 34)]
    """
    if not any(mark in text for mark in "\"\u201c\u2018'"):
        return []
    spans = []
    for quotation in _QUOTATION.finditer(text):
        inner = next(group for group in quotation.groups() if group is not None)
        words = WORD_PART.findall(inner)
        if not _TITLE_WORDS[0] <= len(words) <= _TITLE_WORDS[1]:
            continue
        if inner.rstrip()[-1:] in (",", "!", "?"):
            continue
        if not words[0][0].isupper() or inner.isupper():  # capitals throughout: a shout
            continue
        if all(word[0].isupper() for word in words if len(word) >= _TITLE_CASE_MIN_LENGTH):
            spans.append((quotation.start() + 1, quotation.end() - 1))
    if spans:
        # a headline in title case is judged by its words outside the titles
        outside = [
            (start, end)
            for start, end in zip(starts, ends, strict=True)
            if not in_quoted_title(start, end, spans)
        ]
        if _title_case(text, [start for start, _ in outside], [end for _, end in outside]):
            return []
    return spans


def in_quoted_title(start: int, end: int, titles: Sequence[tuple[int, int]]) -> bool:
    """Return whether the match from ``start`` to ``end`` lies inside one of the quoted
    ``titles`` (:func:`quoted_titles`): the name of a film, book or show, not the outlet's
    loaded language.

    >>> in_quoted_title(20, 27, [(20, 34)]), in_quoted_title(36, 40, [(20, 34)])
    (True, False)
    """
    return any(first <= start and end <= last for first, last in titles)


def _title_case(text: str, starts, ends) -> bool:
    """Return whether the text's longer words are mostly capitalised, as in a headline."""
    long_words = [s for s, e in zip(starts, ends, strict=True) if e - s >= _TITLE_CASE_MIN_LENGTH]
    if len(long_words) < _TITLE_CASE_MIN_WORDS:
        return False
    capitalised = sum(1 for start in long_words if text[start].isupper())
    return capitalised >= _TITLE_CASE_SHARE * len(long_words)


def _negated(starts, ends, words, position, text) -> bool:
    """Return whether a negator stands within :data:`NEGATION_WINDOW` words before ``position``,
    in the same clause."""
    for back in range(position - 1, max(position - NEGATION_WINDOW, 0) - 1, -1):
        if _CLAUSE_BREAK.search(text, ends[back], starts[back + 1]):
            return False
        word = words[back]
        if word in NEGATORS or word.endswith("n't"):
            return True
    return False


def _normal_term(term: str) -> str:
    return normalize_apostrophes(term).strip().lower()


def _prefix_term(term: str) -> str:
    """Return a published prefix entry in this package's syntax.

    The original MFD writes ``fair-*`` and MPQA writes ``anti-`` for "the first part of a
    hyphenated word". The matcher reads the parts of a hyphenated word one by one, so the part
    itself (``fair``, ``anti``) matches exactly those words.
    """
    stripped = term.strip()
    for suffix in ("-*", "-"):
        if stripped.endswith(suffix) and len(stripped) > len(suffix):
            return stripped[: -len(suffix)]
    return stripped


# --- loaders ------------------------------------------------------------------------------------


def read_table(path: str | Path, *, name: str | None = None) -> Lexicon:
    """Return a lexicon read from a CSV or TSV file with ``term`` and ``category`` columns.

    Optional columns: ``reason``, ``intensity`` (1, 2 or 3; empty or absent is 1) and
    ``context`` (:data:`CONTEXTS`; empty or absent counts the entry anywhere); other columns (a
    published lexicon's ``weight``, say) are not read. The delimiter follows the file's suffix
    (``.tsv`` is tab-separated); lines starting with ``#`` are comments. A row with a term but no
    category, or a bad intensity or context, is an error that names its line.
    """
    path = Path(path)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    rows = read_data_table(path, required={"term", "category"}, delimiter=delimiter)
    entries = []
    for row in rows:
        term, category = row.text("term"), row.text("category")
        if not term and not category:
            continue
        if not term or not category:
            raise InputError(
                f"{path}:{row.line} needs both a term and a category; fill in the empty one "
                "or delete the line"
            )
        intensity = row.text("intensity") or "1"
        if intensity not in {str(level) for level in INTENSITIES}:
            raise InputError(
                f"{path}:{row.line} has intensity {intensity!r}; write 1, 2 or 3 (or leave it "
                "empty for 1)"
            )
        context = row.text("context")
        if context not in CONTEXTS:
            raise InputError(
                f"{path}:{row.line} has context {context!r}; write one of "
                f"{', '.join(c for c in CONTEXTS if c)} (or leave it empty for anywhere)"
            )
        entries.append(
            Entry(
                term=term,
                category=category,
                reason=row.text("reason"),
                intensity=int(intensity),
                context=context,
            )
        )
    return Lexicon(entries, info=LexiconInfo(name=name or path.stem, source=str(path)))


def read_liwc_dic(
    path: str | Path, *, name: str | None = None, levels: int | None = None, encoding=None
) -> Lexicon:
    """Return a lexicon read from a LIWC ``.dic`` file: a ``%``-delimited category header, then
    ``term<TAB>category ids``.

    Wildcards (``safe*``) and multi-word entries (``civil rights``) are kept; a prefix entry
    (``fair-*``) becomes its first part; an entry in several categories becomes one entry per
    category. Tabs or runs of spaces may separate the fields. What quanteda skips with a note
    (``<of>`` tags, parenthetical codes, undefined categories, empty keys) is skipped with a
    warning (:mod:`framing.measures.dictionaries`).
    """
    return read_dictionary_file(path, format="liwc", name=name, levels=levels, encoding=encoding)


def read_dictionary_file(
    path: str | Path,
    *,
    format: str | None = None,
    name: str | None = None,
    levels: int | None = None,
    encoding: str | None = None,
) -> Lexicon:
    """Return a lexicon read from a WordStat, Yoshikoder, Lexicoder or LIWC dictionary file;
    each (flattened) key is a category.

    A term that is not words and ``*`` globs (an emoticon such as ``:)``, a ``?`` wildcard) can
    never match a word of a text: it is skipped with a warning that names it.
    """
    path = Path(path)
    keys = read_dictionary(path, format=format, levels=levels, encoding=encoding)
    entries, unmatchable = [], []
    for key, terms in keys.items():
        for term in terms:
            entry = Entry(term=_prefix_term(term), category=key)
            if _TERM.match(_normal_term(entry.term)):
                entries.append(entry)
            else:
                unmatchable.append(term)
    if unmatchable:
        warnings.warn(
            f"{path}: {len(unmatchable)} terms are not words or '*' globs and cannot match a "
            f"word of a text; skipped: {unmatchable[:10]}",
            DictionaryWarning,
            stacklevel=2,
        )
    return Lexicon(entries, info=LexiconInfo(name=name or path.stem, source=str(path)))


def read_yaml(
    path: str | Path, *, name: str | None = None, levels: int | None = None, encoding=None
) -> Lexicon:
    """Return a lexicon read from YAML: either ``{category: [term, ...]}`` (nested mappings
    flattened to ``PARENT.CHILD`` categories, ``levels=`` keeping the top ones) or a list of
    ``{term:, category:, reason:}`` mappings (optionally under an ``entries`` key, with
    ``name``, ``source``, ``citation``, ``license`` beside it); other keys are not read.
    """
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding=encoding or "utf-8-sig"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise InputError(
            f"{path}{where} is not valid YAML ({getattr(error, 'problem', None) or error}); "
            "fix the file's syntax"
        ) from None
    meta: Mapping = {}
    if isinstance(data, Mapping) and "entries" in data:
        meta, data = data, data["entries"]
    shape_error = InputError(
        f"{path} is not a lexicon: use a mapping of category to a list of terms, or a list of "
        "{term, category} mappings"
    )
    if isinstance(data, Mapping):
        if any(isinstance(terms, str) for terms in data.values()):
            raise shape_error
        entries = [
            Entry(term=str(term), category=category)
            for category, terms in flatten_mapping(data, path=path, levels=levels).items()
            for term in terms
        ]
    elif isinstance(data, list) and all(isinstance(item, Mapping) for item in data):
        entries = []
        for number, item in enumerate(data, 1):
            if not item.get("term") or not item.get("category"):
                raise InputError(
                    f"{path}: entry {number} ({dict(item)}) needs both 'term' and 'category'"
                )
            entries.append(
                Entry(
                    term=str(item["term"]),
                    category=str(item["category"]),
                    reason=str(item.get("reason", "")),
                )
            )
    else:
        raise shape_error
    info = LexiconInfo(
        name=str(meta.get("name") or name or path.stem),
        source=str(meta.get("source") or path),
        citation=str(meta.get("citation", "")),
        license=str(meta.get("license", "")),
    )
    return Lexicon(entries, info=info)


#: The MPQA clue types, from the lexicon's README (Wilson, Wiebe and Hoffmann 2005).
MPQA_TYPES = ("strongsubj", "weaksubj")


def read_mpqa(
    path: str | Path, *, name: str | None = None, types: Iterable[str] = MPQA_TYPES
) -> Lexicon:
    """Return the MPQA subjectivity clues (Wilson, Wiebe and Hoffmann 2005) of the given types.

    Each clue's category is its type and prior polarity (``strongsubj-negative``); a stemmed clue
    (``stemmed1=y``) becomes a glob. One word can be a clue for several parts of speech: it is
    kept once per category.
    """
    path = Path(path)
    wanted = set(types)
    unknown = wanted - set(MPQA_TYPES)
    if unknown:
        raise choices_error("types", sorted(unknown), MPQA_TYPES)
    entries = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        fields = dict(item.split("=", 1) for item in line.split() if "=" in item)
        if "word1" not in fields or "type" not in fields:
            raise InputError(f"{path}:{number} is not an MPQA clue line (type=... word1=...)")
        if fields["type"] not in wanted:
            continue
        term = _prefix_term(fields["word1"]) + ("*" if fields.get("stemmed1") == "y" else "")
        category = f"{fields['type']}-{fields.get('priorpolarity', 'neutral')}"
        entries.setdefault((term, category), Entry(term=term, category=category))
    return Lexicon(
        list(entries.values()), info=LexiconInfo(name=name or path.stem, source=str(path))
    )


def read_wordlist(
    path: str | Path, *, category: str | None = None, name: str | None = None
) -> Lexicon:
    """Return a lexicon of one term per line (``#`` starts a comment), all in one category."""
    path = Path(path)
    category = category or path.stem
    terms = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        term = line.split("#", 1)[0].strip()
        if term:
            terms.append(term)
    entries = [Entry(term=term, category=category) for term in dict.fromkeys(terms)]
    return Lexicon(entries, info=LexiconInfo(name=name or path.stem, source=str(path)))


@cache
def _bundled(name: str) -> Lexicon:
    filename = BUNDLED_LEXICONS[name]
    with resources.as_file(bundled_file("lexicons", filename)) as path:
        # Reading, checking and indexing its entries costs a few times reading them back.
        lexicon = cached(
            f"lexicon-{name}",
            sources=[path],
            code=[__name__, read_data_table.__module__, normalize_apostrophes.__module__],
            build=lambda: read_table(path, name=name),
        )
    terms_of_art = sum(1 for entry in lexicon.entries if entry.context == "term-of-art")
    lexicon.skip_quoted_titles = True
    lexicon.info = LexiconInfo(
        name=name,
        source=f"framing/data/lexicons/{filename}",
        citation="The framing developers (2026), framing loaded-language lexicon, version 0.1.0",
        license="MIT",
        description=(
            "Loaded language after SemEval-2020 Task 11: words and phrases with strong "
            "emotional implications, used to influence an audience. "
            f"{len(lexicon) - terms_of_art} entries in {len(lexicon.categories)} categories "
            f"and {terms_of_art} terms of art; see framing/data/lexicons/LEXICONS.md."
        ),
    )
    return lexicon


#: Format names for ``load_lexicon(format=)``, beside :data:`DICTIONARY_FORMATS`.
_OTHER_FORMATS = {
    "table": (".csv", ".tsv"),
    "yaml": (".yaml", ".yml"),
    "mpqa": (".tff",),
    "wordlist": (".txt",),
}
#: Every format name and the suffixes that choose it.
LEXICON_FORMATS = {**DICTIONARY_FORMATS, **_OTHER_FORMATS}
#: The formats that read nested keys (``levels=``) and a declared ``encoding=``.
_NESTED_FORMATS = (*DICTIONARY_FORMATS, "yaml")


def _read(path: Path, chosen: str, levels: int | None, encoding: str | None) -> Lexicon:
    if chosen in DICTIONARY_FORMATS:
        return read_dictionary_file(path, format=chosen, levels=levels, encoding=encoding)
    if chosen == "yaml":
        return read_yaml(path, levels=levels, encoding=encoding)
    if levels is not None or encoding is not None:
        raise FramingError(
            f"levels= and encoding= apply to the formats {', '.join(_NESTED_FORMATS)}, not "
            f"{chosen!r}; leave them out or re-save {str(path)!r} in one of those formats"
        )
    return {"table": read_table, "mpqa": read_mpqa, "wordlist": read_wordlist}[chosen](path)


def load_lexicon(
    source: str | Path | Lexicon | None = None,
    *,
    format: str | None = None,
    levels: int | None = None,
    encoding: str | None = None,
) -> Lexicon:
    """Return a lexicon: a bundled one by name, a file by path, or the one given.

    A ``str`` is a bundled name when it is one (``"loaded"``), else a path. Files are read by
    their suffix, or by ``format=`` (see :data:`LEXICON_FORMATS`): ``.dic`` (LIWC), ``.cat``
    (WordStat), ``.ykd``/``.lcd`` (Yoshikoder, Lexicoder XML), ``.lc3`` (Lexicoder),
    ``.yaml``/``.yml``, ``.csv``/``.tsv``, ``.tff`` (MPQA), ``.txt`` (one term per line). Nested
    keys become ``PARENT.CHILD`` categories; ``levels=2`` keeps the top two levels. ``encoding=``
    names a dictionary file's encoding (``"cp1252"`` for many WordStat files).

    >>> lexicon = load_lexicon("loaded")
    >>> lexicon.info.name, "glorifying" in lexicon.categories
    ('loaded', True)
    """
    if source is None:
        source = DEFAULT_LEXICON
    if isinstance(source, Lexicon):
        return source
    if isinstance(source, str) and source in BUNDLED_LEXICONS and format is None:
        return _bundled(source)
    path = Path(source)
    if format is not None and format not in LEXICON_FORMATS:
        raise choices_error("format", format, sorted(LEXICON_FORMATS))
    chosen = format or next(
        (name for name, suffixes in LEXICON_FORMATS.items() if path.suffix.lower() in suffixes),
        None,
    )
    if chosen is None:
        suffixes = sorted(suffix for group in LEXICON_FORMATS.values() for suffix in group)
        raise FramingError(
            f"cannot load lexicon {str(source)!r}: name one of {sorted(BUNDLED_LEXICONS)} or "
            f"give a file ending in {', '.join(suffixes)} (or pass format=)"
        )
    if not path.is_file():
        raise InputError(f"lexicon file {str(path)!r} does not exist; check the path")
    try:
        return _read(path, chosen, levels, encoding)
    except UnicodeDecodeError as error:
        declared = encoding or "UTF-8"
        raise InputError(
            f"lexicon file {str(path)!r} is not {declared} text ({error.reason}); re-save it as "
            "UTF-8 or name its encoding, e.g. encoding='cp1252'"
        ) from None
    except LookupError as error:
        raise InputError(
            f"encoding={encoding!r} is not an encoding Python knows ({error}); use a name "
            "such as 'utf-8', 'latin-1' or 'cp1252'"
        ) from None
