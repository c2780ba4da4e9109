"""The outlet's own words against the words it cites: sentiment and loaded language by voice.

:func:`voice_contrast` takes one :class:`~framing.article.Article`, or a paragraph table of
any size (``framing.analyze``'s, with the voice measure) for a contrast over a whole corpus,
by group.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from framing.article import Article
from framing.errors import FramingError, InputError
from framing.measures.sentiment import mean_or_nan, sentence_compounds
from framing.table.schema import VOICE_COUNT_COLUMNS
from framing.text.words import per_100_words
from framing.voice.model import SEGMENT_VOICES

__all__ = ["CONTRAST_VOICES", "voice_contrast"]


#: Rows of :func:`voice_contrast`: ``cited`` is attributed and quoted words together.
CONTRAST_VOICES = ("own", "attributed", "quoted", "cited")
#: The columns of a contrast over a table (after the ``by`` columns).
TABLE_CONTRAST_COLUMNS = [
    "voice",
    "paragraphs",
    "words",
    "share_of_words",
    "loaded_count",
    "loaded_per_100_words",
]


def voice_contrast(
    data: Article | pd.DataFrame, *, by: str | Sequence[str] | None = None
) -> pd.DataFrame:
    """Return sentiment and loaded language of the outlet's own words against the words it cites.

    Given an :class:`Article`: one row per voice (``own``, ``attributed``, ``quoted``, and
    ``cited`` for attributed and quoted together): ``words``, ``share_of_words``, and
    ``polarity``, ``subjectivity``, ``vader_compound`` of the voice's spans joined into one text
    (with the article's scorers; VADER's compound saturates on such long texts),
    ``vader_mean``, the mean VADER compound of the sentences of the voice's spans (a span cut
    from a sentence counts as one), and ``sentences``, their number, ``loaded_count`` (the
    paragraphs' loaded-language matches that start in the voice's words) and
    ``loaded_per_100_words``. A voice with no words has empty scores.

    Given a paragraph table (``framing.analyze``'s, with its per-voice columns ``own_words``,
    ..., ``loaded_quoted_count``): the same counts added up over the table, or over each group
    of ``by`` (a column or a list of columns, e.g. ``by="publisher"``), one row per group and
    voice: the ``by`` columns, ``voice``, ``paragraphs`` (those with words in that voice),
    ``words``, ``share_of_words``, ``loaded_count`` and ``loaded_per_100_words``. Mixed
    paragraphs are split word by word, as in the Article path, whose counts these equal.
    Sentiment needs the voices' texts, so it comes only from the Article path.

    >>> from framing.article import Article
    >>> article = Article("Raqqa Falls\\n\\nA massive win. “The city is calm,” an official said.")
    >>> voice_contrast(article)[["voice", "words", "loaded_count"]].to_dict("records")[:3]
    [{'voice': 'own', 'words': 5, 'loaded_count': 1}, \
{'voice': 'attributed', 'words': 3, 'loaded_count': 0}, \
{'voice': 'quoted', 'words': 4, 'loaded_count': 0}]
    """
    if isinstance(data, pd.DataFrame):
        return _table_contrast(data, by)
    if by is not None:
        raise FramingError(
            "by= groups the rows of a paragraph table; for one Article leave it out, or pass "
            "framing.analyze(...)'s table with a column to group by"
        )
    return _article_contrast(data)


def _article_contrast(article: Article) -> pd.DataFrame:
    texts: dict[str, list[str]] = {voice: [] for voice in CONTRAST_VOICES}
    compounds: dict[str, list[float]] = {voice: [] for voice in CONTRAST_VOICES}
    words = dict.fromkeys(CONTRAST_VOICES, 0)
    loaded = dict.fromkeys(CONTRAST_VOICES, 0)
    for paragraph in article.paragraphs:
        for segment in paragraph.voice.segments:
            names = [segment.voice] + (["cited"] if segment.voice != "own" else [])
            sentences = sentence_compounds(article.vader, segment.text)
            for name in names:
                texts[name].append(segment.text)
                words[name] += segment.words
                compounds[name].extend(sentences)
        for voice in SEGMENT_VOICES:
            loaded[voice] += paragraph.loaded_by_voice[voice] or 0
    loaded["cited"] = loaded["attributed"] + loaded["quoted"]
    total = sum(words[voice] for voice in SEGMENT_VOICES)
    rows = []
    nan = float("nan")
    for voice in CONTRAST_VOICES:
        text = "\n".join(texts[voice])
        has_words = words[voice] > 0
        sentiment = article.sentiment.score(text) if has_words else None
        rows.append(
            {
                "voice": voice,
                "words": words[voice],
                "share_of_words": words[voice] / total if total else nan,
                "polarity": sentiment.polarity if sentiment else nan,
                "subjectivity": sentiment.subjectivity if sentiment else nan,
                "vader_compound": article.vader.compound(text) if has_words else nan,
                "vader_mean": mean_or_nan(compounds[voice]) if has_words else nan,
                "sentences": len(compounds[voice]),
                "loaded_count": loaded[voice],
                "loaded_per_100_words": per_100_words(loaded[voice], words[voice]),
            }
        )
    return pd.DataFrame(rows)


def _table_contrast(table: pd.DataFrame, by: str | Sequence[str] | None) -> pd.DataFrame:
    keys = [] if by is None else [by] if isinstance(by, str) else list(by)
    missing = [column for column in VOICE_COUNT_COLUMNS if column not in table.columns]
    if missing:
        raise InputError(
            f"the table has no column {missing[0]!r}: a contrast over a table needs the words "
            "and loaded terms of each voice; make the table with framing.analyze(...) and the "
            "voice measure (and loaded, for the loaded counts)"
        )
    absent = [key for key in keys if key not in table.columns]
    if absent:
        raise InputError(
            f"the table has no column {absent[0]!r} to group by; use one of: "
            + ", ".join(map(str, table.columns))
        )
    counts = pd.DataFrame(index=table.index)
    for voice in SEGMENT_VOICES:
        counts[f"{voice}_words"] = table[f"{voice}_words"].fillna(0).astype("int64")
        counts[f"{voice}_loaded"] = table[f"loaded_{voice}_count"].fillna(0).astype("int64")
    counts["cited_words"] = counts["attributed_words"] + counts["quoted_words"]
    counts["cited_loaded"] = counts["attributed_loaded"] + counts["quoted_loaded"]
    for voice in CONTRAST_VOICES:
        counts[f"{voice}_paragraphs"] = (counts[f"{voice}_words"] > 0).astype("int64")
    if keys:
        for key in keys:
            counts[key] = table[key]
        groups = counts.groupby(keys, sort=True, dropna=False)
        summed = groups.sum()
    else:
        summed = counts.sum().to_frame().T
    rows = []
    nan = float("nan")
    for group_key, sums in summed.iterrows():
        total = sum(sums[f"{voice}_words"] for voice in SEGMENT_VOICES)
        values = group_key if isinstance(group_key, tuple) else (group_key,)
        labels = dict(zip(keys, values[: len(keys)], strict=True))
        for voice in CONTRAST_VOICES:
            words, loaded = int(sums[f"{voice}_words"]), int(sums[f"{voice}_loaded"])
            rows.append(
                {
                    **labels,
                    "voice": voice,
                    "paragraphs": int(sums[f"{voice}_paragraphs"]),
                    "words": words,
                    "share_of_words": words / total if total else nan,
                    "loaded_count": loaded,
                    "loaded_per_100_words": per_100_words(loaded, words),
                }
            )
    return pd.DataFrame(rows, columns=[*keys, *TABLE_CONTRAST_COLUMNS])
