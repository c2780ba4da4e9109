"""The columns that ``dictionaries=`` adds to the table: counts per category, per voice too.

For a dictionary named ``mfd`` with a category ``care.virtue`` the table gains

- ``mfd.care.virtue``: the category's matches in the paragraph (the category matched on its
  own, see :mod:`framing.measures.categories`);
- ``mfd.care.virtue_per_100_words``: the same per 100 words
  (:func:`framing.text.words.per_100_words`: NaN for a paragraph without words);
- with the voice measure on, ``mfd.care.virtue_own``, ``_attributed`` and ``_quoted``: the
  matches that start in the outlet's own, attributed and quoted words (the voice detector's
  segments, as :func:`framing.comparisons.contrast.voice_contrast` reads them); the voice
  measure's ``own_words``, ``attributed_words`` and ``quoted_words`` let rates per voice be
  pooled over paragraphs.

A dictionary with the Lexicoder Sentiment Dictionary's categories also gets ``NAME.tone`` (its
net count, :func:`framing.measures.categories.lsd_net`) with the same suffixes:
``NAME.tone_per_100_words`` is Young and Soroka's tone
(:func:`~framing.measures.categories.tone_lsd`).

:func:`long_table` turns these columns into the tidy long form: one row per paragraph and
category.

>>> from framing.article import Article
>>> from framing.measures.categories import load_dictionaries
>>> moral = load_dictionaries({"moral": {"care": ["kind*", "protect"], "harm": ["kill*"]}})
>>> paragraph = Article("They protect the kind and kill nobody.").paragraphs[0]
>>> dictionary_values(paragraph, moral, voice=False)
{'moral.care': 2, 'moral.care_per_100_words': 28.571428571428573, 'moral.harm': 1, \
'moral.harm_per_100_words': 14.285714285714286}
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from framing.article import Paragraph
from framing.errors import choices_error
from framing.measures.categories import SCORERS, CategoryCounter
from framing.table.schema import KEPT_ATTR, VOICE_WORD_COLUMNS
from framing.text.words import per_100_words
from framing.voice.model import Segment

if TYPE_CHECKING:  # imported by long_table: a table's rows are made without pandas
    import pandas as pd

__all__ = [
    "DEFINITIONS_ATTR",
    "DICTIONARY_FORMS",
    "LONG_DEFINITIONS",
    "dictionary_columns",
    "dictionary_definitions",
    "dictionary_values",
    "long_table",
    "check_dictionary_form",
]

#: The voices that a dictionary's matches are counted in.
VOICES = ("own", "attributed", "quoted")

#: The key of ``DataFrame.attrs`` under which a table carries the definitions of the columns
#: that are not in :data:`framing.table.schema.MEASURE_DEFINITIONS` (saved with the table).
DEFINITIONS_ATTR = "framing_definitions"

#: ``dictionary_form=`` / ``--dictionary-form``: the wide table (a column per category and
#: measure) or the tidy long form (a row per paragraph and category).
DICTIONARY_FORMS = ("wide", "long")

#: The columns of the long form that are not paragraph columns.
LONG_DEFINITIONS = {
    "dictionary": "the dictionary's name (dictionaries= / --dictionary NAME=FILE)",
    "category": "the dictionary's category (nested keys as PARENT.CHILD), or the pseudo-category "
    "of a scorer: tone, the LSD's net count (positive + neg_negative - negative - neg_positive)",
    "count": "the category's matches in the paragraph (tone: the net count)",
    "count_per_100_words": "count per 100 words (NaN for a paragraph with no words); for tone, "
    "Young and Soroka's (2012) tone",
    "own": "count of the matches that start in the outlet's own words",
    "attributed": "count of the matches that start in attributed words",
    "quoted": "count of the matches that start in quoted words",
}


def check_dictionary_form(form: str) -> str:
    """Return ``form`` when it is one of :data:`DICTIONARY_FORMS`.

    >>> check_dictionary_form("long")
    'long'
    """
    if form not in DICTIONARY_FORMS:
        raise choices_error("dictionary_form", form, DICTIONARY_FORMS)
    return form


def _bases(counter: CategoryCounter) -> list[tuple[str, str]]:
    """Return ``(column, category)`` for each category and scorer of a dictionary."""
    return [(f"{counter.name}.{category}", category) for category in counter.columns]


def dictionary_definitions(counters: Sequence[CategoryCounter], *, voice: bool) -> dict[str, str]:
    """Return the dictionaries' columns, in the table's order, with what each one means."""
    definitions: dict[str, str] = {}
    for counter in counters:
        scored = {SCORERS[scorer] for scorer in counter.scorers}
        for base, category in _bases(counter):
            if category in scored:
                what = (
                    f"net tone of dictionary {counter.name!r} ({counter.source}): positive + "
                    "neg_negative - negative - neg_positive matches, the whole dictionary "
                    "matched at once so that the longest entry wins (tone_lsd)"
                )
                rate = f"{base} per 100 words: the LSD tone of Young and Soroka (2012)"
            else:
                what = (
                    f"matches of category {category!r} of dictionary {counter.name!r} "
                    f"({counter.source}), the category matched on its own"
                )
                rate = f"{base} per 100 words (NaN for a paragraph with no words)"
            definitions[base] = what
            definitions[f"{base}_per_100_words"] = rate
            if voice:
                for name in VOICES:
                    definitions[f"{base}_{name}"] = (
                        f"{base}, counting only the matches that start in {name} words "
                        "(missing where the voice detector gave no segments)"
                    )
    return definitions


def dictionary_columns(
    counters: Sequence[CategoryCounter], *, voice: bool
) -> tuple[list[str], list[str]]:
    """Return the dictionaries' count columns and rate columns (whole numbers and floats)."""
    counts, rates = [], []
    for counter in counters:
        for base, _category in _bases(counter):
            counts.append(base)
            rates.append(f"{base}_per_100_words")
            if voice:
                counts.extend(f"{base}_{name}" for name in VOICES)
    return counts, rates


def _voice_at(segments: Sequence[Segment], starts: list[int], offset: int) -> str | None:
    """Return the voice of the segment that holds character ``offset``, or ``None``."""
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < segments[index].end:
        return segments[index].voice
    return None


def dictionary_values(
    paragraph: Paragraph, counters: Sequence[CategoryCounter], *, voice: bool
) -> dict:
    """Return the dictionaries' columns for one paragraph (see the module's docstring)."""
    text, words = paragraph.text, paragraph.words
    row: dict = {}
    segments: Sequence[Segment] | None = None
    starts: list[int] = []
    if voice and counters:
        found = paragraph.voice
        segments = sorted(found.segments, key=lambda segment: segment.start)
        starts = [segment.start for segment in segments]
        if not segments and words:
            segments = None  # a detector of one's own that gives no segments: voice unknown

    def put(base: str, items: list[tuple[int, int]]) -> None:
        count = sum(weight for _start, weight in items)
        row[base] = count
        row[f"{base}_per_100_words"] = per_100_words(count, words)
        if not voice:
            return
        totals = dict.fromkeys(VOICES, 0 if segments is not None else None)
        if segments is not None:
            for start, weight in items:
                name = _voice_at(segments, starts, start)
                if name is not None:
                    totals[name] += weight
        for name in VOICES:
            row[f"{base}_{name}"] = totals[name]

    for counter in counters:
        for category, matches in counter.matches(text).items():
            put(f"{counter.name}.{category}", [(match.start, 1) for match in matches])
        if "tone_lsd" in counter.scorers:
            matches = counter.scorer_matches(text)
            signed = [(match.start, counter.tone_net([match])) for match in matches]
            put(f"{counter.name}.{SCORERS['tone_lsd']}", signed)
    return row


def long_table(table: pd.DataFrame, counters: Sequence[CategoryCounter]) -> pd.DataFrame:
    """Return the tidy long form of a table with dictionary columns: one row per paragraph
    and category (scorers' pseudo-categories included), in the table's row order.

    Columns: ``doc_id``, the kept corpus columns, ``paragraph``, ``role``, ``words`` (and
    ``own_words``, ``attributed_words``, ``quoted_words`` with the voice measure), then
    ``dictionary``, ``category``, ``count``, ``count_per_100_words`` (and the counts ``own``,
    ``attributed``, ``quoted``) and ``error``. The paragraphs' other measures stay in the wide
    table: join them on ``doc_id`` and ``paragraph``.
    """
    import numpy as np
    import pandas as pd

    voice = "own_words" in table.columns
    kept = list(table.attrs.get(KEPT_ATTR, []))
    keys = ["doc_id", *kept, "paragraph", "role", "words"]
    if voice:
        keys += list(VOICE_WORD_COLUMNS)  # the voice measure's words per voice
    pairs = [
        (counter.name, category, base) for counter in counters for base, category in _bases(counter)
    ]
    rows, width = len(table), len(pairs)
    long = table[keys].take(np.repeat(np.arange(rows), width)).reset_index(drop=True)
    long["dictionary"] = pd.Series(np.tile([p[0] for p in pairs], rows), dtype="object")
    long["category"] = pd.Series(np.tile([p[1] for p in pairs], rows), dtype="object")
    measures = {"count": "", "count_per_100_words": "_per_100_words"}
    if voice:
        measures.update({name: f"_{name}" for name in VOICES})
    for column, suffix in measures.items():
        values = table[[base + suffix for _name, _category, base in pairs]].to_numpy(
            dtype="float64", na_value=np.nan
        )
        series = pd.Series(values.ravel() if rows else np.empty(0), dtype="float64")
        long[column] = series if column == "count_per_100_words" else series.astype("Int64")
    long["error"] = table["error"].take(np.repeat(np.arange(rows), width)).to_numpy()
    long["error"] = long["error"].astype("object")
    long.attrs[KEPT_ATTR] = kept
    sources = "; ".join(f"{counter.name}: {counter.source}" for counter in counters)
    long.attrs[DEFINITIONS_ATTR] = {
        **{key: value for key, value in LONG_DEFINITIONS.items() if key in long.columns},
        "dictionary": f"{LONG_DEFINITIONS['dictionary']}; {sources}",
    }
    return long
