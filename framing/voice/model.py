"""What voice detection returns: sources, quotations, attributions, segments, a paragraph's voice.

Every offset is relative to its paragraph, like :class:`framing.measures.lexicon.Match`.

>>> voice = ParagraphVoice("mixed", words=10, quoted_words=4, attributed_words=0)
>>> voice.label, voice.quoted_share, voice.own_words, voice.source_names
('mixed', 0.4, 6, '')
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "VOICES",
    "SOURCE_KINDS",
    "FOUND_KINDS",
    "UNNAMED_KINDS",
    "KINDS_OF_SOURCE",
    "VERB_KINDS",
    "kind_of",
    "Source",
    "Quote",
    "Attribution",
    "Segment",
    "ParagraphVoice",
    "SEGMENT_VOICES",
    "NO_VOICE",
]

#: The voices a paragraph can have (see :mod:`framing.voice` for their definitions).
VOICES = ("own", "attributed", "quoted", "mixed")
#: The voice label of a paragraph that is no one's words: an archive's metadata line, such as
#: "FULL TEXT." (role ``metadata``; see :mod:`framing.text.archive`).
NO_VOICE = "none"
#: The voices a word (a segment) can have: every word of a paragraph is one of these.
SEGMENT_VOICES = ("own", "attributed", "quoted")

#: Kinds of source in the data file.
SOURCE_KINDS = ("outlet", "agency", "organisation")
#: Kinds given to a name found in the text only: a person, an organisation (a name with a word
#: such as "Department" or "Institute"), or unknown (a single word nobody is named by in full).
FOUND_KINDS = ("person", "organisation", "unknown")

#: Kinds of source that nobody names, from the head noun of the source ("officials said",
#: "according to a new study", "critics say"; ``framing/data/source_kinds.tsv``).
UNNAMED_KINDS = ("official", "document", "public", "organisation", "outlet")

#: What a paragraph's ``source_kinds`` column says of each of its sources (:func:`kind_of`).
KINDS_OF_SOURCE = ("person", "organisation", "outlet", "official", "document", "public")

#: Kinds of reporting verb: neutral and loaded verbs report words; belief verbs attribute a
#: belief, an intent or a feeling ("believes", "wants", "feels").
VERB_KINDS = ("neutral", "loaded", "belief")


@dataclass(frozen=True)
class Source:
    """A source with its canonical name and kind: outlet, agency or organisation (from the
    sources list), person, organisation or unknown (a name found only from the attribution
    pattern), or one of :data:`UNNAMED_KINDS` for a source nobody names ("officials", "a new
    study"; its name is its words as written)."""

    name: str
    kind: str


def kind_of(source: Source) -> str:
    """Return the kind of a source among :data:`KINDS_OF_SOURCE`: an agency is an
    organisation, and a name found only from the pattern ("Cruz said") a person, which a
    single capitalised word before a reporting verb mostly is.

    >>> [kind_of(Source(n, k)) for n, k in [("CBS News", "outlet"), ("State Department",
    ...     "agency"), ("Cruz", "unknown"), ("officials", "official")]]
    ['outlet', 'organisation', 'person', 'official']
    """
    if source.kind == "agency":
        return "organisation"
    if source.kind == "unknown":
        return "person"
    return source.kind


@dataclass(frozen=True)
class Quote:
    """A direct quotation in a paragraph: offsets (marks included) and who is quoted.

    ``opened``/``closed`` say whether its opening/closing mark is in this paragraph;
    ``continues`` that it goes on in the next paragraph and ``continued`` that it comes from the
    previous one. A quote that lacks a mark for any other reason is ``unbalanced``.
    """

    start: int
    end: int
    text: str
    mark: str
    opened: bool = True
    closed: bool = True
    continued: bool = False
    continues: bool = False
    sources: tuple[Source, ...] = ()

    def with_sources(self, sources: tuple[Source, ...]) -> Quote:
        """Return this quotation with ``sources``: ``dataclasses.replace(quote, sources=...)``,
        made without reading the fields' list each time (a speaker is linked to every
        quotation of a corpus; tests/test_voice.py checks that every field is carried)."""
        return Quote(
            self.start,
            self.end,
            self.text,
            self.mark,
            self.opened,
            self.closed,
            self.continued,
            self.continues,
            sources,
        )

    @property
    def unbalanced(self) -> bool:
        """Return whether a mark is missing that multi-paragraph quoting does not explain."""
        return (not self.opened and not self.continued) or (not self.closed and not self.continues)


@dataclass(frozen=True)
class Attribution:
    """A reporting verb and its source: offsets of the tag, the verb and the source's words,
    the sources it names, and the span of text it covers (its sentence, or more)."""

    start: int
    end: int
    text: str
    verb: str
    verb_lemma: str
    verb_kind: str
    verb_start: int
    verb_end: int
    source_text: str
    source_start: int
    source_end: int
    sources: tuple[Source, ...]
    covers_start: int
    covers_end: int


@dataclass(frozen=True)
class Segment:
    """A run of words with one voice (own, attributed or quoted), with its offsets and text."""

    voice: str
    start: int
    end: int
    text: str
    words: int


@dataclass(frozen=True)
class ParagraphVoice:
    """Who speaks in one paragraph: its voice label, word shares, sources and evidence.

    ``label`` is one of :data:`VOICES` (``paragraph.voice.label``; ``.voice`` is its old name).
    """

    label: str
    words: int
    quoted_words: int
    attributed_words: int
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    sources: tuple[Source, ...] = ()
    segments: tuple[Segment, ...] = field(default=(), repr=False)

    @property
    def voice(self) -> str:
        """Return :attr:`label` (its name before 0.2, when ``paragraph.voice.voice`` read it)."""
        return self.label

    @property
    def own_words(self) -> int:
        """Return the number of the outlet's own words."""
        return self.words - self.quoted_words - self.attributed_words

    @property
    def quoted_share(self) -> float:
        """Return the share of words inside quotation marks (0 for a paragraph with no words)."""
        return self.quoted_words / self.words if self.words else 0.0

    @property
    def attributed_share(self) -> float:
        """Return the share of words attributed to a source outside quotation marks."""
        return self.attributed_words / self.words if self.words else 0.0

    @property
    def own_share(self) -> float:
        """Return the share of the outlet's own words."""
        return self.own_words / self.words if self.words else 0.0

    @property
    def source_names(self) -> str:
        """Return the canonical names of the sources, separated by ``;``."""
        return ";".join(source.name for source in self.sources)

    @property
    def source_kinds(self) -> str:
        """Return the kind of each source (:func:`kind_of`), in the order of
        :attr:`source_names`, separated by ``;``."""
        return ";".join(kind_of(source) for source in self.sources)
