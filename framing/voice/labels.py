"""Labels: each word of a paragraph is the outlet's own, attributed or quoted; and its voice.

The words are those of :data:`framing.text.words.WORD`, the words every measure counts, so a
paragraph's ``words`` here is its ``words`` column, and a loaded-language match falls in the
segment of the word it starts in. A word's label is that of its first character: quoted inside
a quotation (a quotation wins over an attribution's coverage), attributed inside what an
attribution covers, else own.

>>> from framing.voice.model import Quote
>>> text = "Critics called it “a disaster” on Monday."
>>> voice = paragraph_voice(text, (Quote(18, 30, "“a disaster”", "double"),), ())
>>> voice.label, voice.words, voice.quoted_words
('mixed', 7, 2)
>>> [(segment.voice, segment.text) for segment in voice.segments]
[('own', 'Critics called it'), ('quoted', 'a disaster'), ('own', 'on Monday')]
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate, groupby

from framing.text.words import WORD, words_and_gaps
from framing.voice.model import Attribution, ParagraphVoice, Quote, Segment

__all__ = [
    "QUOTED_MAJORITY",
    "words_and_gaps",
    "word_spans",
    "label_words",
    "voice_of",
    "paragraph_voice",
]

#: A paragraph is ``quoted`` rather than ``attributed`` when at least this share of its words
#: is inside quotation marks: the majority, so that each paragraph has one dominant voice.
QUOTED_MAJORITY = 0.5


def word_spans(pieces: list[str]) -> tuple[list[int], list[int]]:
    """Return the starts and the ends of the words, from :func:`words_and_gaps` of a text.

    The running sum of the pieces' lengths gives every offset, without a match object per
    word; :func:`_reference_word_spans` reads them from ``WORD.finditer`` and the two must be
    equal (tests/test_voice.py, on every real paragraph).

    >>> word_spans(words_and_gaps("ISIS lost, the U.S. said."))
    ([0, 5, 11, 15, 20], [4, 9, 14, 19, 24])
    """
    offsets = list(accumulate(map(len, pieces)))
    # offsets: end of gap 0, end of word 1, end of gap 1, ..., end of the last gap.
    return offsets[0:-1:2], offsets[1::2]


def _reference_word_spans(text: str) -> tuple[list[int], list[int]]:
    """Return what :func:`word_spans` returns, from a match for every word."""
    matches = list(WORD.finditer(text))
    return [m.start() for m in matches], [m.end() for m in matches]


def label_words(
    starts: Sequence[int],
    text_length: int,
    quotes: Sequence[Quote],
    attributions: Sequence[Attribution],
) -> list[str]:
    """Return the label of each word (given by its start): ``quoted``, ``attributed`` or
    ``own``. The quotations are laid over the attributions' coverage, each span labelling the
    words that start in it."""
    labels = ["own"] * len(starts)
    for label, spans in (
        ("attributed", [(a.covers_start, a.covers_end) for a in attributions]),
        ("quoted", [(q.start, q.end) for q in quotes]),
    ):
        for start, end in spans:
            start, end = max(start, 0), min(end, text_length)
            if start < end:
                first, last = bisect_left(starts, start), bisect_left(starts, end)
                labels[first:last] = [label] * (last - first)
    return labels


def _segments(
    text: str, starts: Sequence[int], ends: Sequence[int], labels: Sequence[str]
) -> list[Segment]:
    """Return the runs of words with one label, from the first word of each to its last."""
    segments: list[Segment] = []
    first = 0
    for label, run in groupby(labels):
        index = first + len(list(run))
        start, end = starts[first], ends[index - 1]
        segments.append(Segment(label, start, end, text[start:end], index - first))
        first = index
    return segments


def _own_voice(text: str, pieces: list[str]) -> ParagraphVoice:
    """Return the voice of a paragraph with nothing quoted or attributed, from its
    :func:`words_and_gaps`: every word is the outlet's own, one segment from the first word to
    the last (what the labels of every word give; tests/test_voice.py checks it on every real
    paragraph)."""
    words = len(pieces) // 2
    segments = ()
    if words:
        start, end = len(pieces[0]), len(text) - len(pieces[-1])
        segments = (Segment("own", start, end, text[start:end], words),)
    return ParagraphVoice("own", words, 0, 0, segments=segments)


def voice_of(words: int, quoted: int, attributed: int) -> str:
    """Return a paragraph's voice from its word counts.

    >>> voice_of(10, 0, 0), voice_of(10, 2, 3), voice_of(10, 5, 5), voice_of(10, 4, 6)
    ('own', 'mixed', 'quoted', 'attributed')
    """
    if quoted + attributed == 0:
        return "own"
    if words - quoted - attributed:
        return "mixed"
    if quoted >= QUOTED_MAJORITY * words:
        return "quoted"
    return "attributed"


def paragraph_voice(
    text: str,
    quotes: tuple[Quote, ...],
    attributions: tuple[Attribution, ...],
    *,
    pieces: list[str] | None = None,
) -> ParagraphVoice:
    """Return who speaks in a paragraph, from its quotations and attributions (with sources).

    ``pieces`` is :func:`words_and_gaps` of ``text``, when it has been split already."""
    if pieces is None:
        pieces = words_and_gaps(text)
    if not quotes and not attributions:
        return _own_voice(text, pieces)
    starts, ends = word_spans(pieces)
    labels = label_words(starts, len(text), quotes, attributions)
    quoted, attributed = labels.count("quoted"), labels.count("attributed")
    sources = [s for a in attributions for s in a.sources] + [s for q in quotes for s in q.sources]
    return ParagraphVoice(
        label=voice_of(len(labels), quoted, attributed),
        words=len(labels),
        quoted_words=quoted,
        attributed_words=attributed,
        quotes=quotes,
        attributions=attributions,
        sources=tuple(dict.fromkeys(sources)),
        segments=tuple(_segments(text, starts, ends, labels)),
    )
