"""An article: a headline and paragraphs, each with offsets into the original text.

>>> article = Article("ALERT: Trump Wins\\n\\nISIS lost the city of Raqqa. It is a massive blow.")
>>> article.headline.text
'ALERT: Trump Wins'
>>> paragraph = article.paragraphs[1]
>>> paragraph.role, paragraph.start, paragraph.end, paragraph.words
('body', 19, 69, 11)
>>> [m.text for m in paragraph.loaded_matches]
['massive']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from framing.errors import FramingError
from framing.lexicon import Lexicon, LexiconMatcher, Match, load_lexicon
from framing.segment import BlankLineSegmenter, Segmenter
from framing.sentiment import (
    CompoundScorer,
    Sentiment,
    SentimentScorer,
    default_sentiment,
    default_vader,
)
from framing.text import count_words

if TYPE_CHECKING:
    from framing.voice import ParagraphVoice, SourceList

__all__ = ["Article", "Paragraph", "HEADLINE_MAX_WORDS"]

#: A first line longer than this is read as body text, not a headline. News headlines run to
#: about 10 words on average and rarely past 20; 25 leaves room for a kicker ("ALERT: ...").
HEADLINE_MAX_WORDS = 25

#: Sentence-final punctuation that a headline does not end with ("?" and "!" can end one).
_BODY_ENDINGS = (".", ",", ";", ":")

_LINE_BREAK = re.compile(r"[\r\n\u2028]")


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
        """Return the number of words."""
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
    def vader_compound(self) -> float:
        """Return VADER's compound score in [-1, 1] (or the given compound scorer's)."""
        return self.article.vader.compound(self.text)

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
        """Return loaded-language matches per 100 words (0 for a paragraph with no words)."""
        return 100.0 * self.loaded_count / self.words if self.words else 0.0

    @property
    def loaded_terms(self) -> str:
        """Return the matches as ``term:category`` separated by ``;``."""
        return ";".join(f"{m.term}:{m.category}" for m in self.loaded_matches)

    @property
    def voice(self) -> ParagraphVoice:
        """Return who speaks here: voice, quoted share, sources, and the quote and attribution
        spans (offsets relative to this paragraph); see :mod:`framing.voice`."""
        return self.article.voices[self.index]

    def __repr__(self) -> str:
        preview = self.text if len(self.text) <= 40 else self.text[:37] + "..."
        return f"Paragraph({self.index}, {self.role}, {preview!r})"


class Article:
    """A text split into a headline (when its first line is one) and paragraphs.

    Options are keyword-only; whatever scorer, lexicon or segmenter is passed is the one every
    paragraph uses.

    - ``lexicon``: a :class:`~framing.lexicon.Lexicon`, a bundled name or a file path
      (default: the bundled ``loaded`` lexicon).
    - ``sentiment``: a :class:`~framing.sentiment.SentimentScorer` (default: TextBlob's).
    - ``vader``: a :class:`~framing.sentiment.CompoundScorer` (default: VADER).
    - ``segmenter``: a :class:`~framing.segment.Segmenter` (default: blank-line paragraphs).
    - ``sources``: the known outlets, agencies and organisations for voice detection, a
      :class:`~framing.voice.SourceList` or a sources ``.tsv`` path (default: the bundled list).
    - ``headline``: ``None`` to detect it, ``True`` or ``False`` to say whether the first
      paragraph is one.
    """

    def __init__(
        self,
        text: str,
        *,
        lexicon: Lexicon | LexiconMatcher | str | Path | None = None,
        sentiment: SentimentScorer | None = None,
        vader: CompoundScorer | None = None,
        segmenter: Segmenter | None = None,
        headline: bool | None = None,
        sources: SourceList | str | Path | None = None,
    ) -> None:
        if not isinstance(text, str):
            raise FramingError(
                f"Article needs the article's text as a str, not {type(text).__name__}; "
                "to read a file use Article.from_file(path)"
            )
        self.text = text
        self.lexicon = lexicon if isinstance(lexicon, LexiconMatcher) else load_lexicon(lexicon)
        self.sentiment = sentiment or default_sentiment()
        self.vader = vader or default_vader()
        self.segmenter = segmenter or BlankLineSegmenter()
        self._headline_option = headline
        self._sources_option = sources

    @classmethod
    def from_file(cls, path: str | Path, **options) -> Article:
        """Return the article in a UTF-8 text file, or in an HTML file (``.html``/``.htm``)."""
        from framing.io import read_document

        return cls(read_document(Path(path)), **options)

    @classmethod
    def from_html(cls, html: str | bytes, **options) -> Article:
        """Return the article text of an HTML page (headline and paragraphs, no boilerplate)."""
        from framing.html import html_to_text

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
            first_end = start + len(self.text[start:line_break].rstrip())
            rest = self.text[first_end:end]
            rest_start = first_end + (len(rest) - len(rest.lstrip()))
            spans = [(start, first_end), (rest_start, end), *spans[1:]]
        return [
            Paragraph(
                self, index, start, end, "headline" if has_headline and index == 0 else "body"
            )
            for index, (start, end) in enumerate(spans)
        ]

    def _detect_headline(self, spans: list[tuple[int, int]]) -> bool:
        if not spans:
            return False
        if self._headline_option is not None:
            return self._headline_option
        if len(spans) < 2:
            return False
        first_line = _LINE_BREAK.split(self.text[spans[0][0] : spans[0][1]], maxsplit=1)[0].strip()
        return (
            count_words(first_line) <= HEADLINE_MAX_WORDS
            and not first_line.endswith(_BODY_ENDINGS)
            and not first_line.endswith("...")
        )

    @cached_property
    def voices(self) -> list[ParagraphVoice]:
        """Return each paragraph's voice, found over the whole article (quotes can run over
        several paragraphs, and a reporter named once is recognised later by surname)."""
        from framing.voice import detect_voices

        return detect_voices(
            [paragraph.text for paragraph in self.paragraphs], sources=self._sources_option
        )

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

    def __repr__(self) -> str:
        title = self.headline.text if self.headline else ""
        return f"Article({len(self)} paragraphs, headline={title!r})"
