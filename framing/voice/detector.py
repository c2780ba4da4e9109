"""Voice detectors: the one-method interface, the rule-based detector, and ``detect_voices``.

Any object with ``detect(paragraphs) -> list[ParagraphVoice]`` is a :class:`VoiceDetector`;
pass one as ``Article(text, voice=...)`` or ``framing.analyze(..., voice=...)``.

>>> voices = detect_voices([
...     "NPR also reported on the fighting. According to NPR’s Tom Bowman, “It’s some 150 miles.”",
...     "“The camps are gone,” Bowman said.",
... ])
>>> [(v.label, v.source_names) for v in voices]
[('attributed', 'NPR;Tom Bowman'), ('quoted', 'Tom Bowman')]
>>> attribution = voices[0].attributions[1]
>>> attribution.text, attribution.verb, attribution.verb_kind
('According to NPR’s Tom Bowman', 'according to', 'neutral')
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Protocol, runtime_checkable

from framing.errors import FramingError
from framing.text.words import words_and_gaps
from framing.voice.attribution import (
    ArticleReading,
    Tag,
    cover,
    find_tags,
    link_quotes,
    resolve_pronouns,
    resolve_tag,
)
from framing.voice.headlines import headline_tags, is_title_case
from framing.voice.labels import paragraph_voice
from framing.voice.model import ParagraphVoice, Quote
from framing.voice.quotes import find_quotes, find_transcript_turns
from framing.voice.sources import SourcesLike, load_sources
from framing.voice.surnames import may_resolve, surnames, titled_people_of
from framing.voice.tokens import sentences, word_runs
from framing.voice.verbs import ReportingVerb, VerbFinder, load_reporting_verbs

__all__ = [
    "VoiceDetector",
    "RuleVoiceDetector",
    "check_detector",
    "default_detector",
    "detect_voices",
]


@runtime_checkable
class VoiceDetector(Protocol):
    """Anything that says who speaks in each paragraph of an article."""

    def detect(self, paragraphs: Sequence[str]) -> list[ParagraphVoice]:
        """Return one :class:`ParagraphVoice` per paragraph, in order."""
        ...


class RuleVoiceDetector:
    """Finds quotations, attributions and sources with rules over the article's paragraphs.

    ``sources`` is a :class:`~framing.voice.SourceList`, a path to a sources TSV, or ``None``
    for the bundled list; ``verbs`` are :class:`~framing.voice.ReportingVerb` objects (default:
    the bundled list). A detector keeps nothing of the articles it reads: one detector can
    serve many threads at once.
    """

    def __init__(
        self,
        *,
        sources: SourcesLike | None = None,
        verbs: Sequence[ReportingVerb] | None = None,
    ) -> None:
        self.sources = load_sources(sources)
        self.verbs = tuple(verbs) if verbs is not None else load_reporting_verbs()
        self._finder = VerbFinder(self.verbs)

    def detect(
        self, paragraphs: Sequence[str], *, pieces: Sequence[list[str]] | None = None
    ) -> list[ParagraphVoice]:
        """Return each paragraph's voice, with the quotes, attributions and sources found.

        ``pieces``, when given, holds :func:`framing.text.words.words_and_gaps` of each
        paragraph, split already (an :class:`~framing.Article` splits them once for the word
        count and the voice labels)."""
        paragraphs = list(paragraphs)
        if pieces is not None and len(pieces) != len(paragraphs):
            raise ValueError(
                f"pieces= holds {len(pieces)} splits for {len(paragraphs)} paragraphs; pass "
                "words_and_gaps() of each paragraph, in order, or leave pieces out"
            )
        # One loop per step over the paragraphs, indexed: an article of one paragraph (a
        # sentence of BABE, a paragraph read alone) spends as much on the loops as on some steps.
        found_quotes = find_quotes(paragraphs)
        turns = find_transcript_turns(paragraphs)
        finder = self._finder
        all_quotes: list[list[Quote]] = []
        all_runs: list[list[str]] = []
        all_positions: list[list[int]] = []
        all_sentences: list[list[tuple[int, int]] | None] = []
        for index, text in enumerate(paragraphs):
            turn = turns[index]
            quotes = found_quotes[index] if turn is None else [turn]
            runs = word_runs(text)
            positions = _outside(finder.positions(text, runs), quotes)
            all_quotes.append(quotes)
            all_runs.append(runs)
            all_positions.append(positions)
            # A paragraph where no reporting verb can start outside its quotations has no
            # attribution, so it is not split into sentences: with no attribution they change
            # neither the coverage nor the quotes' speakers.
            all_sentences.append(sentences(text) if positions else None)
        reading = ArticleReading(paragraphs, all_sentences, self.sources, finder)
        all_tags: list[list[Tag]] = []
        for index, text in enumerate(paragraphs):
            spans = all_sentences[index]
            all_tags.append(
                []
                if spans is None
                else find_tags(text, all_quotes[index], spans, all_positions[index], reading)
            )
        _add_headline_tags(paragraphs, all_runs, all_sentences, all_tags, reading)
        if any(all_tags):
            all_tags = _resolve_names(paragraphs, all_tags, all_runs)
        voices = []
        previous_quote: Quote | None = None
        for index, text in enumerate(paragraphs):
            quotes, spans, tags = all_quotes[index], all_sentences[index], all_tags[index]
            attributions = cover(tags, quotes, spans, text) if tags else ()
            # A paragraph without quotations has none to link (most paragraphs have none).
            linked = link_quotes(quotes, tags, spans or [], previous_quote) if quotes else ()
            if linked:
                previous_quote = linked[-1]
            split = words_and_gaps(text) if pieces is None else pieces[index]
            voices.append(paragraph_voice(text, linked, attributions, pieces=split))
        return voices


def _add_headline_tags(
    paragraphs: Sequence[str],
    all_runs: Sequence[list[str]],
    all_sentences: list[list[tuple[int, int]] | None],
    all_tags: list[list[Tag]],
    reading: ArticleReading,
) -> None:
    """Add to ``all_tags`` the attributions of each paragraph in title case whose verbs are
    capitalised (:func:`~framing.voice.headlines.headline_tags`), splitting its sentences
    when they were not."""
    for index, text in enumerate(paragraphs):
        runs = all_runs[index]
        if all_tags[index] or not is_title_case(runs):
            continue
        spans = all_sentences[index]
        if spans is None:
            spans = sentences(text)
        found = headline_tags(text, spans, reading.verbs, reading.sources)
        if found:
            all_sentences[index] = spans
            all_tags[index] = found


def _resolve_names(
    paragraphs: Sequence[str], all_tags: list[list[Tag]], all_runs: Sequence[list[str]]
) -> list[list[Tag]]:
    """Return the tags with each surname used alone made the full name the article gives it
    (:func:`~framing.voice.surnames.surnames`) and each "he" or "she" made the person named
    before it (:func:`~framing.voice.attribution.resolve_pronouns`).

    The names after a title are found once for both. The article's full names are looked for
    only when some tag has a source that :func:`~framing.voice.surnames.resolve` can change
    (:func:`~framing.voice.surnames.may_resolve`): for the others, whatever the full names,
    :func:`~framing.voice.attribution.resolve_tag` returns the tag as it is."""
    all_titled = None
    if any(may_resolve(tag.sources) for tags in all_tags for tag in tags):
        all_titled = titled_people_of(paragraphs, all_runs)
        sources = [tag.sources for tags in all_tags for tag in tags]
        full_names = surnames(paragraphs, sources, all_titled=all_titled)
        if full_names:
            all_tags = [[resolve_tag(tag, full_names) for tag in tags] for tags in all_tags]
    return resolve_pronouns(paragraphs, all_tags, all_runs, all_titled=all_titled)


def _outside(positions: list[int], quotes: Sequence[Quote]) -> list[int]:
    """Return the positions that no quotation holds ("I think", "we want" inside quotation
    marks are the speaker's words, never an attribution)."""
    if not quotes or not positions:
        return positions
    return [p for p in positions if not any(q.start <= p < q.end for q in quotes)]


def check_detector(voice: object) -> VoiceDetector:
    """Return ``voice`` if it is a voice detector; else raise a :class:`FramingError` that says
    what to pass.

    >>> check_detector("rules")
    Traceback (most recent call last):
    ...
    framing.errors.FramingError: voice= needs a voice detector, an object with a \
.detect(paragraphs) method that returns one ParagraphVoice per paragraph, such as \
framing.voice.RuleVoiceDetector(sources=...); not str
    """
    if isinstance(voice, VoiceDetector):
        return voice
    raise FramingError(
        "voice= needs a voice detector, an object with a .detect(paragraphs) method that returns "
        "one ParagraphVoice per paragraph, such as framing.voice.RuleVoiceDetector(sources=...); "
        f"not {type(voice).__name__}"
    )


@cache
def default_detector() -> RuleVoiceDetector:
    """Return the rule-based detector with the bundled sources and verbs (made once)."""
    return RuleVoiceDetector()


def detect_voices(
    paragraphs: Sequence[str], *, sources: SourcesLike | None = None
) -> list[ParagraphVoice]:
    """Return the voice of each paragraph of one article (a list of paragraph texts).

    >>> [v.label for v in detect_voices(["ISIS lost.", "“We won,” he said.", "He said we won."])]
    ['own', 'quoted', 'attributed']
    """
    if isinstance(paragraphs, str):
        raise FramingError(
            "detect_voices needs the article's paragraphs as a list of str; for one text use "
            "framing.Article(text).voices"
        )
    detector = default_detector() if sources is None else RuleVoiceDetector(sources=sources)
    return detector.detect(paragraphs)
