"""The outlet's own words against the words it cites: sentiment and loaded language by voice."""

from __future__ import annotations

import pandas as pd

from framing.article import Article
from framing.measures.sentiment import mean_or_nan, sentence_compounds
from framing.text.words import per_100_words

__all__ = ["CONTRAST_VOICES", "voice_contrast"]


#: Rows of :func:`voice_contrast`: ``cited`` is attributed and quoted words together.
CONTRAST_VOICES = ("own", "attributed", "quoted", "cited")


def voice_contrast(article: Article) -> pd.DataFrame:
    """Return sentiment and loaded language of the outlet's own words against the words it cites.

    One row per voice (``own``, ``attributed``, ``quoted``, and ``cited`` for attributed and
    quoted together): ``words``, ``share_of_words``, and ``polarity``, ``subjectivity``,
    ``vader_compound`` of the voice's spans joined into one text (with the article's scorers;
    VADER's compound saturates on such long texts), ``vader_mean``, the mean VADER compound of
    the sentences of the voice's spans (a span cut from a sentence counts as one), and
    ``sentences``, their number, ``loaded_count`` (the paragraphs' loaded-language matches that
    start in the voice's words) and ``loaded_per_100_words``. A voice with no words has empty
    scores.

    >>> from framing.article import Article
    >>> article = Article("Raqqa Falls\\n\\nA massive win. “The city is calm,” an official said.")
    >>> voice_contrast(article)[["voice", "words", "loaded_count"]].to_dict("records")[:3]
    [{'voice': 'own', 'words': 5, 'loaded_count': 1}, \
{'voice': 'attributed', 'words': 3, 'loaded_count': 0}, \
{'voice': 'quoted', 'words': 4, 'loaded_count': 0}]
    """
    texts: dict[str, list[str]] = {voice: [] for voice in CONTRAST_VOICES}
    compounds: dict[str, list[float]] = {voice: [] for voice in CONTRAST_VOICES}
    words = dict.fromkeys(CONTRAST_VOICES, 0)
    loaded = dict.fromkeys(CONTRAST_VOICES, 0)
    for paragraph in article.paragraphs:
        segments = paragraph.voice.segments
        for segment in segments:
            names = [segment.voice] + (["cited"] if segment.voice != "own" else [])
            sentences = sentence_compounds(article.vader, segment.text)
            for name in names:
                texts[name].append(segment.text)
                words[name] += segment.words
                compounds[name].extend(sentences)
        for match in paragraph.loaded_matches:
            segment = next((s for s in segments if s.start <= match.start < s.end), None)
            if segment is not None:
                loaded[segment.voice] += 1
                if segment.voice != "own":
                    loaded["cited"] += 1
    total = sum(words[voice] for voice in ("own", "attributed", "quoted"))
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
