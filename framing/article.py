"""An article: a headline and paragraphs, each with offsets into the original text.

>>> article = Article("ALERT: Trump Wins\\n\\nISIS lost the city of Raqqa. It is a massive blow.")
>>> article.headline.text
'ALERT: Trump Wins'
>>> paragraph = article.paragraphs[1]
>>> paragraph.role, paragraph.start, paragraph.end, paragraph.words
('body', 19, 69, 11)
>>> article.text[paragraph.start : paragraph.end] == paragraph.text
True
>>> from framing.measures.lexicon import Entry, Lexicon
>>> mine = Article(article.text, lexicon=Lexicon([Entry("massive", "hyperbole")]))
>>> [(m.text, m.category, m.start, m.end) for m in mine.paragraphs[1].loaded_matches]
[('massive', 'hyperbole', 37, 44)]
>>> class AllOwn:  # a voice detector of one's own: anything with .detect(paragraphs)
...     def detect(self, paragraphs):
...         from framing.voice import ParagraphVoice
...         return [ParagraphVoice("own", len(p.split()), 0, 0) for p in paragraphs]
>>> Article(article.text, voice=AllOwn()).paragraphs[1].voice.label
'own'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from framing.errors import FramingError, choices_error
from framing.io.documents import read_document
from framing.io.html import html_to_text
from framing.measures.lexicon import (
    Lexicon,
    LexiconMatcher,
    Match,
    format_match,
    load_lexicon,
)
from framing.measures.sentiment import (
    CompoundScorer,
    Sentiment,
    SentimentScorer,
    default_sentiment,
    default_vader,
    mean_or_nan,
    text_and_sentence_compounds,
)
from framing.text.archive import is_archive_metadata
from framing.text.characters import INVISIBLE, surrogate_problem
from framing.text.segment import BlankLineSegmenter, Segmenter
from framing.text.words import count_words, per_100_words, words_and_gaps
from framing.types import LexiconLike, SourcesLike
from framing.voice.detector import (
    RuleVoiceDetector,
    VoiceDetector,
    check_detector,
    default_detector,
)
from framing.voice.model import NO_VOICE, SEGMENT_VOICES, ParagraphVoice

__all__ = ["Article", "Paragraph", "HEADLINE_MAX_WORDS"]

T = TypeVar("T")


class cached_property:
    """A property computed on first use and kept in the instance's ``__dict__``: what
    :func:`functools.cached_property` does, without the lock that Python 3.11's takes at every
    first use (one lock for every instance of the class, so threads reading different Articles
    also wait on each other; Python 3.12 removed it). Under threads a value can be computed
    twice, and the two are equal: every property here depends only on the instance.

    Measuring a corpus reads about 8 of them a paragraph for the first time: 0.52 µs each with
    the lock, 0.22 without (``timeit`` of a class with one such property, best of 5).
    """

    def __init__(self, function) -> None:
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        # Not a data descriptor: once set, the instance's __dict__ answers without this call.
        value = instance.__dict__[self.name] = self.function(instance)
        return value


#: A first line longer than this is read as body text, not a headline. News headlines run to
#: about 10 words on average and rarely past 20; 25 leaves room for a kicker ("ALERT: ...").
HEADLINE_MAX_WORDS = 25

#: Punctuation that a headline does not end with: a sentence's full stop, an ellipsis, or a
#: clause that carries on ("?" and "!" can end a headline).
_BODY_ENDINGS = (".", ",", ";", ":", "\u2026")

#: Quotes and brackets that may close a line after its last punctuation ('... he said."').
_CLOSING_MARKS = "\"'\u201d\u2019)]"

#: A line ending in one of these carries on in the next line.
_JOINING_HYPHENS = ("-", "\u2010", "\u2011", "\u2013", "\u2014")

_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029]")


@dataclass(eq=False)
class Paragraph:
    """One paragraph of an :class:`Article`: its text, offsets and measures (computed once)."""

    article: Article
    index: int
    start: int
    end: int
    role: str

    @property
    def text(self) -> str:
        """Return the paragraph's text: exactly ``article.text[start:end]``."""
        return self.article.text[self.start : self.end]

    @cached_property
    def words(self) -> int:
        """Return the number of words (counted from the voice detector's split of the paragraph
        when the rule-based detector has found the article's voices first)."""
        return count_words(self.text)

    @cached_property
    def sentiment(self) -> Sentiment:
        """Return polarity and subjectivity from the article's sentiment scorer."""
        return self.article.sentiment.score(self.text)

    @property
    def polarity(self) -> float:
        """Return polarity in [-1, 1] (TextBlob's, unless the article was given another scorer)."""
        return self.sentiment.polarity

    @property
    def subjectivity(self) -> float:
        """Return subjectivity in [0, 1]."""
        return self.sentiment.subjectivity

    @cached_property
    def _vader_scores(self) -> tuple[float, list[float]]:
        """Return the compound score of the paragraph and of each of its sentences."""
        return text_and_sentence_compounds(self.article.vader, self.text)

    @property
    def vader_compound(self) -> float:
        """Return VADER's compound score in [-1, 1] (or the given compound scorer's)."""
        return self._vader_scores[0]

    @cached_property
    def loaded_matches(self) -> list[Match]:
        """Return the lexicon's matches, with offsets relative to this paragraph."""
        return self.article.lexicon.match(self.text)

    @property
    def loaded_count(self) -> int:
        """Return the number of loaded-language matches."""
        return len(self.loaded_matches)

    @property
    def loaded_per_100_words(self) -> float:
        """Return loaded-language matches per 100 words (NaN for a paragraph with no words)."""
        return per_100_words(self.loaded_count, self.words)

    @property
    def loaded_score_per_100_words(self) -> float:
        """Return the matches' intensities (1 to 3 each) summed, per 100 words (NaN for a
        paragraph with no words); a match without an intensity weighs 1."""
        score = sum(getattr(match, "intensity", 1) for match in self.loaded_matches)
        return per_100_words(score, self.words)

    @property
    def loaded_own_count(self) -> int | None:
        """Return the number of loaded-language matches that start in the outlet's own words
        (voice ``own``; see :mod:`framing.voice`, and :attr:`loaded_by_voice`)."""
        return self.loaded_by_voice["own"]

    @property
    def loaded_terms(self) -> str:
        """Return the matches as ``term:category=matched text``, separated by ``;``
        (``eradicate*:eradication-violence=eradicate``)."""
        return ";".join(format_match(match) for match in self.loaded_matches)

    @property
    def vader_sentences(self) -> list[float]:
        """Return the VADER compound score of each sentence
        (:func:`~framing.text.words.split_sentences`)."""
        return self._vader_scores[1]

    @property
    def sentences(self) -> int:
        """Return the number of sentences."""
        return len(self.vader_sentences)

    @property
    def vader_mean(self) -> float:
        """Return the mean of the sentences' VADER compound scores (NaN with no sentence)."""
        return mean_or_nan(self.vader_sentences)

    @property
    def voice(self) -> ParagraphVoice:
        """Return who speaks here: voice, quoted share, sources, and the quote and attribution
        spans (offsets relative to this paragraph); see :mod:`framing.voice`."""
        return self.article.voices[self.index]

    @cached_property
    def words_by_voice(self) -> dict[str, int | None]:
        """Return the number of words of each voice: ``own``, ``attributed``, ``quoted``.

        Counted over the voice's segments (:attr:`ParagraphVoice.segments`), as
        :func:`framing.comparisons.contrast.voice_contrast` counts them. A voice detector of
        one's own that gives no segments says only how many words are own: the attributed and
        quoted counts are then ``None`` (missing) unless every word is own. A metadata
        paragraph (voice ``none``) has no words of any voice.
        """
        voice = self.voice
        if voice.label == NO_VOICE:
            return dict.fromkeys(SEGMENT_VOICES, 0)
        if not voice.segments:
            rest = 0 if voice.own_words == voice.words else None
            return {"own": voice.own_words, "attributed": rest, "quoted": rest}
        counts = dict.fromkeys(SEGMENT_VOICES, 0)
        for segment in voice.segments:
            counts[segment.voice] += segment.words
        return counts

    @cached_property
    def loaded_by_voice(self) -> dict[str, int | None]:
        """Return the loaded-language matches that start in each voice's words.

        A match belongs to the segment that holds its first character (``own``, ``attributed``
        or ``quoted``); a match outside every segment (between words) counts for none. A voice
        detector of one's own that gives no segments says only how many words are own: then
        every match is own when all words are, none when no word is, and a count that cannot be
        known is ``None`` (missing).
        """
        voice = self.voice
        if voice.label == NO_VOICE:
            return dict.fromkeys(SEGMENT_VOICES, 0)
        if not voice.segments:
            if voice.own_words == voice.words:
                return {"own": self.loaded_count, "attributed": 0, "quoted": 0}
            own = 0 if voice.own_words == 0 else None
            return {"own": own, "attributed": None, "quoted": None}
        counts = dict.fromkeys(SEGMENT_VOICES, 0)
        segments = self.voice.segments
        for match in self.loaded_matches:
            segment = next((s for s in segments if s.start <= match.start < s.end), None)
            if segment is not None:
                counts[segment.voice] += 1
        return counts

    def __repr__(self) -> str:
        preview = self.text if len(self.text) <= 40 else self.text[:37] + "..."
        return f"Paragraph({self.index}, {self.role}, {preview!r})"


class Article:
    """A text split into a headline (when its first line is one) and paragraphs.

    Options are keyword-only; whatever scorer, lexicon or segmenter is passed is the one every
    paragraph uses.

    - ``lexicon``: a :class:`~framing.measures.lexicon.Lexicon`, a bundled name or a file path
      (default: the bundled ``loaded`` lexicon).
    - ``sentiment``: a :class:`~framing.measures.sentiment.SentimentScorer` (default: TextBlob's).
    - ``vader``: a :class:`~framing.measures.sentiment.CompoundScorer` (default: VADER).
    - ``segmenter``: a :class:`~framing.text.segment.Segmenter` (default: blank-line paragraphs).
    - ``sources``: the known outlets, agencies and organisations for voice detection, a
      :class:`~framing.voice.SourceList` or a sources ``.tsv`` path (default: the bundled
      list).
    - ``voice``: a :class:`~framing.voice.VoiceDetector`, any object with
      ``detect(paragraphs) -> list[ParagraphVoice]`` (default: the rule-based detector, with
      ``sources``). A detector of one's own reads its own sources: give ``sources`` or
      ``voice``, not both.
    - ``headline``: ``None`` to detect it, ``True`` or ``False`` to say whether the first
      paragraph is one.

    A text holding a lone surrogate (half of a UTF-16 pair, which no UTF-8 file can hold) is
    refused with a :class:`~framing.errors.FramingError` that says how to repair it.
    """

    def __init__(
        self,
        text: str,
        *,
        lexicon: LexiconLike | None = None,
        sentiment: SentimentScorer | None = None,
        vader: CompoundScorer | None = None,
        segmenter: Segmenter | None = None,
        headline: bool | None = None,
        sources: SourcesLike | None = None,
        voice: VoiceDetector | None = None,
    ) -> None:
        if not isinstance(text, str):
            raise FramingError(
                f"Article needs the article's text as a str, not {type(text).__name__}; "
                "to read a file use Article.from_file(path)"
            )
        if headline not in (None, True, False):
            raise choices_error("headline", headline, [None, True, False])
        problem = surrogate_problem(text)
        if problem:
            raise FramingError(
                f"the text holds a {problem}, half of a UTF-16 pair that no UTF-8 file can "
                "hold; repair it first, e.g. "
                "text.encode('utf-16', 'surrogatepass').decode('utf-16', 'replace')"
            )
        self.text = text
        # isinstance against a Protocol is slow: a Lexicon, the usual case, is checked first,
        # and the default (None) is none.
        is_matcher = isinstance(lexicon, Lexicon) or (
            lexicon is not None
            and (_class_defines(type(lexicon), "match") or isinstance(lexicon, LexiconMatcher))
        )
        self.lexicon = lexicon if is_matcher else load_lexicon(lexicon)
        self.sentiment = _plugin(
            sentiment, SentimentScorer, "sentiment", "score", default_sentiment
        )
        self.vader = _plugin(vader, CompoundScorer, "vader", "compound", default_vader)
        self.segmenter = _plugin(segmenter, Segmenter, "segmenter", "split", BlankLineSegmenter)
        self._headline_option = headline
        if voice is not None and sources is not None:
            raise FramingError(
                "Article takes sources= or voice=, not both: a voice detector reads its own "
                "sources; pass voice=RuleVoiceDetector(sources=...) to give both"
            )
        self._sources_option = sources
        self._voice_option = None if voice is None else check_detector(voice)

    @classmethod
    def from_file(cls, path: str | Path, **options) -> Article:
        """Return the article in a UTF-8 text file, or in an HTML file (``.html``/``.htm``)."""

        return cls(read_document(Path(path)), **options)

    @classmethod
    def from_html(cls, html: str | bytes, **options) -> Article:
        """Return the article text of an HTML page (headline and paragraphs, no boilerplate)."""

        return cls(html_to_text(html), **options)

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Return all paragraphs, the headline first when there is one."""
        spans = self.segmenter.split(self.text)
        has_headline = self._detect_headline(spans)
        if has_headline and _LINE_BREAK.search(self.text, spans[0][0], spans[0][1]):
            # A headline block with more lines ("Title\nBy a reporter"): the first line alone
            # is the headline, and the rest of the block is a paragraph of its own.
            start, end = spans[0]
            line_break = _LINE_BREAK.search(self.text, start, end).start()
            first_end = start + len(self.text[start:line_break].rstrip(INVISIBLE))
            rest = self.text[first_end:end]
            rest_start = first_end + (len(rest) - len(rest.lstrip(INVISIBLE)))
            spans = [(start, first_end), (rest_start, end), *spans[1:]]
        return [
            Paragraph(self, index, start, end, self._role(index, start, end, has_headline))
            for index, (start, end) in enumerate(spans)
        ]

    def _role(self, index: int, start: int, end: int, has_headline: bool) -> str:
        if has_headline and index == 0:
            return "headline"
        if is_archive_metadata(self.text[start:end]):
            return "metadata"
        return "body"

    def _detect_headline(self, spans: list[tuple[int, int]]) -> bool:
        """Return whether the first line of the first span reads as a headline.

        A headline is a short first line that does not end like a sentence or a clause, with
        more text after it; a line that shows nothing (zero-width or control characters) is
        never one. When the first paragraph holds more lines, its first line is a
        headline only if the next line does not carry on the same sentence (starts in lower
        case, or the first line ends in a hyphen), as a hard-wrapped paragraph does.
        """
        if not spans:
            return False
        if self._headline_option is not None:
            return self._headline_option
        start, end = spans[0]
        lines = _LINE_BREAK.split(self.text[start:end], maxsplit=1)
        first_line = lines[0].strip(INVISIBLE)
        if not first_line or (len(spans) < 2 and len(lines) < 2):
            return False
        if len(lines) == 2:
            next_line = lines[1].lstrip(INVISIBLE)
            if not next_line or next_line[0].islower() or first_line.endswith(_JOINING_HYPHENS):
                return False
        ending = first_line.rstrip(_CLOSING_MARKS)
        return (
            count_words(first_line) <= HEADLINE_MAX_WORDS
            and not ending.endswith(_BODY_ENDINGS)
            and not first_line.endswith(_JOINING_HYPHENS)
        )

    def clear_cache(self) -> None:
        """Forget the paragraphs and every measure computed on the article and on them: each
        is computed again, with the same value, when next read.

        An article and its paragraphs refer to each other, a cycle that reference counting
        cannot free: an article that is measured and dropped waits, with every measure cached
        on it, for a pass of the garbage collector over its older objects, which walks them
        all. Cleared first, it is freed at once. The corpus engine clears each article once
        its rows are made (:func:`framing.table.records.document_rows`).
        """
        for name in _ARTICLE_CACHE:
            self.__dict__.pop(name, None)

    @cached_property
    def voice_detector(self) -> VoiceDetector:
        """Return the voice detector: the one given as ``voice``, else the rule-based one with
        the article's ``sources``."""
        if self._voice_option is not None:
            return self._voice_option
        if self._sources_option is None:
            return default_detector()
        return RuleVoiceDetector(sources=self._sources_option)

    @cached_property
    def voices(self) -> list[ParagraphVoice]:
        """Return each paragraph's voice, found over the whole article (quotes can run over
        several paragraphs, and a reporter named once is recognised later by surname)."""
        texts = [paragraph.text for paragraph in self.paragraphs]
        detector = self.voice_detector
        if type(detector).detect is RuleVoiceDetector.detect:
            # One split of each paragraph into its words serves the voice labels and the word
            # count (the two count the same words: len(words_and_gaps(t)) // 2 == count_words(t)).
            pieces = [words_and_gaps(text) for text in texts]
            for paragraph, split in zip(self.paragraphs, pieces, strict=True):
                paragraph.__dict__.setdefault("words", len(split) // 2)
            voices = list(detector.detect(texts, pieces=pieces))
        else:
            voices = list(detector.detect(texts))
        if len(voices) != len(texts):
            raise FramingError(
                f"the voice detector {type(detector).__name__} returned "
                f"{len(voices)} voices for {len(texts)} paragraphs; its detect() must return one "
                "ParagraphVoice per paragraph, in order"
            )
        # An archive's metadata line is no one's words: no voice, no segments. The detector
        # still reads it, so the other paragraphs get the voices they would get without it.
        return [
            ParagraphVoice(NO_VOICE, voice.words, 0, 0) if paragraph.role == "metadata" else voice
            for paragraph, voice in zip(self.paragraphs, voices, strict=True)
        ]

    @property
    def headline(self) -> Paragraph | None:
        """Return the headline paragraph, or ``None`` when the article has none."""
        first = self.paragraphs[0] if self.paragraphs else None
        return first if first is not None and first.role == "headline" else None

    @property
    def body(self) -> list[Paragraph]:
        """Return the paragraphs after the headline."""
        return [paragraph for paragraph in self.paragraphs if paragraph.role == "body"]

    def __len__(self) -> int:
        return len(self.paragraphs)

    def with_options(self, **options) -> Article:
        """Return this article's text as a new :class:`Article`, with some options replaced.

        Options given as ``None`` keep this article's value. A new ``voice`` replaces the
        article's ``sources`` and new ``sources`` replace its ``voice`` (each excludes the other).

        >>> Article("Title\\n\\nBody text.").with_options(headline=False).headline is None
        True
        """
        current = {
            "lexicon": self.lexicon,
            "sentiment": self.sentiment,
            "vader": self.vader,
            "segmenter": self.segmenter,
            "headline": self._headline_option,
            "sources": self._sources_option,
            "voice": self._voice_option,
        }
        unknown = sorted(set(options) - set(current))
        if unknown:
            raise choices_error("option", unknown[0], sorted(current))
        given = {name: value for name, value in options.items() if value is not None}
        if "voice" in given:
            current["sources"] = None
        if "sources" in given:
            current["voice"] = None
        current.update(given)
        return Article(self.text, **current)

    def __repr__(self) -> str:
        title = self.headline.text if self.headline else ""
        return f"Article({len(self)} paragraphs, headline={title!r})"


def _plugin(value: T | None, protocol: type, option: str, method: str, default) -> T:
    """Return ``value``, or the default when it is ``None``; refuse what lacks ``method``."""
    if value is None:
        return default()
    if not _class_defines(type(value), method) and not isinstance(value, protocol):
        raise FramingError(
            f"{option}= needs an object with a .{method}() method "
            f"({protocol.__name__}), not {type(value).__name__}"
        )
    return value


def _class_defines(cls: type, method: str) -> bool:
    """Return whether ``cls`` or a class it inherits from defines ``method`` (as not ``None``).

    Then an instance passes ``isinstance(value, protocol)`` for a runtime-checkable Protocol
    whose one member is ``method``: the Protocol's own subclass hook asks the same of the
    classes (the first one that has the name decides). That isinstance check takes several
    microseconds, twice for each Article of a corpus; the classes' look-up, under one. What
    this does not accept (a method set on the instance alone) is checked by isinstance itself;
    tests/test_article.py checks that the two agree.
    """
    for base in cls.__mro__:
        if method in vars(base):
            return vars(base)[method] is not None
    return False


#: The cached properties of an :class:`Article`, which :meth:`Article.clear_cache` forgets.
_ARTICLE_CACHE = tuple(
    name for name, value in vars(Article).items() if isinstance(value, cached_property)
)
