"""Voice: who is speaking in each paragraph, the outlet or the sources it quotes and attributes.

A paragraph's words are of three kinds:

- **quoted**: inside a direct quotation (straight ``"``, curly ``“ ”``, guillemets, or a paired
  single quotation mark ``‘ ’``);
- **attributed**: outside quotation marks, in a sentence that attributes what it says to a
  source ("According to CBS News, ...", "NBC News reported that ...", "..., according to NPR's
  Tom Bowman", "Bowman reported"). An attribution that opens its sentence ("According to X,
  ...", "X reported that ...") also covers the sentences after it in its paragraph, up to the
  next sentence that has a quotation or an attribution of its own: news writing carries an
  attribution through a paragraph without repeating it;
- **own**: every other word: the outlet speaking for itself.

A paragraph's ``voice`` follows from those counts:

- ``own``: no word is quoted or attributed;
- ``attributed``: every word is quoted or attributed, and fewer than half are quoted;
- ``quoted``: every word is quoted or attributed, and at least half are quoted;
- ``mixed``: some words are the outlet's own and some are quoted or attributed.

Quotations are found over the whole article, so a quotation that runs over several paragraphs
(each opened again, the earlier ones left without a closing mark) is one quotation, and an
unbalanced mark closes at the end of its paragraph (or before the next opening mark). Apostrophes
("who’s", "ISIS’ control", "’90s") are never read as quotation marks.

Sources are named once each: the known outlets, agencies and organisations are data
(``framing/data/sources.tsv``, which a user can extend or replace), names the list does not know
are read from the attribution pattern, and a reporter named in full once ("NPR’s Tom Bowman") is
recognised later by surname ("Bowman reported"). Each attribution records its reporting verb and
whether the verb is neutral or loaded (``framing/data/reporting_verbs.tsv``).

Every offset is relative to its paragraph, like :class:`framing.measures.lexicon.Match`.

>>> voices = detect_voices([
...     "NPR also reported on the fighting. According to NPR’s Tom Bowman, “It’s some 150 miles.”",
...     "“The camps are gone,” Bowman said.",
... ])
>>> [(v.voice, v.source_names) for v in voices]
[('attributed', 'NPR;Tom Bowman'), ('quoted', 'Tom Bowman')]
>>> attribution = voices[0].attributions[1]
>>> attribution.text, attribution.verb, attribution.verb_kind
('According to NPR’s Tom Bowman', 'according to', 'neutral')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from itertools import accumulate, groupby
from pathlib import Path
from typing import NamedTuple, Protocol, TypeAlias, runtime_checkable

from framing.errors import FramingError, InputError
from framing.io.tables import bundled_file, read_data_table
from framing.text.words import WORD, iter_words, split_sentences

__all__ = [
    "Source",
    "SourceEntry",
    "SourceList",
    "SourcesLike",
    "ReportingVerb",
    "Quote",
    "Attribution",
    "Segment",
    "ParagraphVoice",
    "VoiceDetector",
    "RuleVoiceDetector",
    "detect_voices",
    "load_sources",
    "load_reporting_verbs",
    "VOICES",
    "SOURCE_KINDS",
    "VERB_KINDS",
]

#: The voices a paragraph can have; see the module docstring for their definitions.
VOICES = ("own", "attributed", "quoted", "mixed")

#: Kinds of source in the data file.
SOURCE_KINDS = ("outlet", "agency", "organisation")
#: Kinds given to a name found in the text only: a person, an organisation (a name with a word
#: such as "Department" or "Institute"), or unknown (a single word nobody is named by in full).
FOUND_KINDS = ("person", "organisation", "unknown")

#: Kinds of reporting verb.
VERB_KINDS = ("neutral", "loaded")

#: A paragraph is ``quoted`` rather than ``attributed`` when at least this share of its words
#: is inside quotation marks: the majority, so that each paragraph has one dominant voice.
QUOTED_MAJORITY = 0.5


# --- data: sources and reporting verbs ---------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """A named source with its canonical name and kind (outlet, agency, organisation, person,
    or unknown for a name found only from the attribution pattern)."""

    name: str
    kind: str


@dataclass(frozen=True)
class SourceEntry:
    """One known source: canonical name, kind, the aliases that name it, and a description."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    description: str = ""


class SourceList:
    """Known outlets, agencies and organisations, looked up by alias (case-sensitive, whole words).

    >>> sources = load_sources()
    >>> sources.lookup("Centcom"), sources.lookup("CBS")
    (Source(name='CENTCOM', kind='agency'), Source(name='CBS News', kind='outlet'))
    >>> extended = sources.extend([SourceEntry("Airwars", "organisation", ("Airwars",))])
    >>> extended.lookup("Airwars").name
    'Airwars'
    """

    def __init__(self, entries: Iterable[SourceEntry], *, origin: str = "custom") -> None:
        self.entries = tuple(entries)
        self.origin = origin
        self._by_alias: dict[str, SourceEntry] = {}
        for entry in self.entries:
            if entry.kind not in SOURCE_KINDS:
                raise InputError(
                    f"source {entry.name!r} in {origin} has kind {entry.kind!r}; use one of: "
                    f"{', '.join(SOURCE_KINDS)}"
                )
            for alias in (entry.name, *entry.aliases):
                known = self._by_alias.get(alias)
                if known is not None and known.name != entry.name:
                    raise InputError(
                        f"alias {alias!r} in {origin} names both {known.name!r} and "
                        f"{entry.name!r}; keep it under one of them"
                    )
                self._by_alias[alias] = entry
        self.longest_alias = max((len(alias.split()) for alias in self._by_alias), default=0)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, alias: str) -> Source | None:
        """Return the source that ``alias`` names, or ``None`` when it is not a known alias."""
        entry = self._by_alias.get(alias)
        return Source(entry.name, entry.kind) if entry else None

    def extend(self, entries: Iterable[SourceEntry]) -> SourceList:
        """Return a new list with ``entries`` added (an entry replaces a known one of its name)."""
        added = list(entries)
        names = {entry.name for entry in added}
        kept = [entry for entry in self.entries if entry.name not in names]
        return SourceList([*kept, *added], origin=self.origin)


#: Sources: a loaded list, or a sources ``.tsv`` file to load.
SourcesLike: TypeAlias = SourceList | str | Path


def read_sources(path: str | Path) -> SourceList:
    """Return the sources in a TSV file with ``name``, ``kind``, ``aliases`` (``|``-separated)
    and optionally ``description`` columns; ``#`` starts a comment line."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"sources file {str(path)!r} does not exist; check the path")
    entries = [
        SourceEntry(
            name=row.text("name"),
            kind=row.text("kind"),
            aliases=tuple(a.strip() for a in row.text("aliases").split("|") if a.strip()),
            description=row.text("description"),
        )
        for row in read_data_table(path, required={"name", "kind", "aliases"})
    ]
    return SourceList(entries, origin=str(path))


@cache
def _bundled_sources() -> SourceList:
    with resources.as_file(bundled_file("sources.tsv")) as path:
        sources = read_sources(path)
    sources.origin = "framing/data/sources.tsv"
    return sources


def load_sources(source: SourcesLike | None = None) -> SourceList:
    """Return the known sources: the bundled list (``None``), a TSV file, or the list given.

    >>> len(load_sources()) > 50
    True
    """
    if source is None:
        return _bundled_sources()
    if isinstance(source, SourceList):
        return source
    if isinstance(source, str | Path):
        return read_sources(source)
    raise FramingError(
        f"sources must be a SourceList, a path to a sources .tsv file, or None, "
        f"not {type(source).__name__}"
    )


@dataclass(frozen=True)
class ReportingVerb:
    """A reporting verb: its lemma, kind (neutral or loaded), its forms, and why."""

    lemma: str
    kind: str
    forms: tuple[str, ...]
    reason: str = ""


def read_reporting_verbs(path: str | Path) -> tuple[ReportingVerb, ...]:
    """Return the reporting verbs in a TSV file with ``lemma``, ``kind``, ``forms`` (``|``-
    separated) and ``reason`` columns."""
    path = Path(path)
    verbs = []
    for row in read_data_table(path, required={"lemma", "kind", "forms"}):
        verb = ReportingVerb(
            lemma=row.text("lemma"),
            kind=row.text("kind"),
            forms=tuple(f.strip() for f in row.text("forms").split("|") if f.strip()),
            reason=row.text("reason"),
        )
        if verb.kind not in VERB_KINDS:
            raise InputError(
                f"reporting verb {verb.lemma!r} in {path} has kind {verb.kind!r}; use one of: "
                f"{', '.join(VERB_KINDS)}"
            )
        verbs.append(verb)
    return tuple(verbs)


@cache
def load_reporting_verbs() -> tuple[ReportingVerb, ...]:
    """Return the bundled reporting verbs (``framing/data/reporting_verbs.tsv``).

    >>> {verb.lemma: verb.kind for verb in load_reporting_verbs()}["claim"]
    'loaded'
    """
    with resources.as_file(bundled_file("reporting_verbs.tsv")) as path:
        return read_reporting_verbs(path)


# --- evidence ------------------------------------------------------------------------------------


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
    """Who speaks in one paragraph: its voice, word shares, sources and evidence."""

    voice: str
    words: int
    quoted_words: int
    attributed_words: int
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    sources: tuple[Source, ...] = ()
    segments: tuple[Segment, ...] = field(default=(), repr=False)

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


# --- words and lists the rules use ---------------------------------------------------------------

#: Words that join the parts of a name ("Save the Children", "Department of Defense").
_CONNECTORS = frozenset("of for the and on de del al la le du von van &".split())

#: Lower-case words for a role between an organisation and a person ("CBS News reporter Holly
#: Williams", "Pentagon spokesman John Kirby").
_ROLES = frozenset(
    """reporter reporters correspondent anchor host editor columnist writer journalist spokesman
    spokeswoman spokesperson analyst commentator contributor producer chief director secretary
    official officer commander president minister adviser advisor researcher economist professor
    expert""".split()
)

#: Titles before a person's name, stripped from it ("Sen. Joe Manchin" is Joe Manchin).
_TITLES = frozenset(
    """President Vice Sen Senator Rep Representative Gov Governor Secretary Speaker Leader Mayor
    Judge Justice Chief Dr Mr Mrs Ms Miss Gen General Adm Admiral Col Colonel Capt Captain Lt
    Sgt Maj Major Prime Minister Attorney Press Former Majority Minority House Senate Sheriff
    Officer Professor Prof Rev Pope King Queen Prince Ambassador Commissioner Director Chairman
    Chairwoman Chair Deputy Assistant Special Counsel First Lady Commander Spokesman Spokeswoman
    Reporter Correspondent Democratic Republican GOP Lieutenant Sergeant Army Navy Whip
    Director-General Secretary-General""".split()
)

#: Words of an office between a title and a name ("Secretary of State Antony Blinken").
_OFFICES = frozenset(
    """State Defense Health Homeland Security Foreign Affairs Treasury Transportation Energy
    Labor Commerce Interior Education Agriculture Veterans Finance Staff""".split()
)

_TITLES_AND_OFFICES = _TITLES | _OFFICES

#: Words with a capital that are not names (pronouns, sentence openers, days and months).
_NOT_NAMES = frozenset(
    """He She It They We I You This That These Those There Here The A An But And Or So Yet Now
    Also However Meanwhile Still Then Later Earlier Separately Instead Last Next In On At For
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Mon Tue Wed Thu Fri Sat Sun Jan Feb
    Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Who What When Where Why How Some Many Most Few
    Both Each Every All Several Other Another One Two Three Its His Her Their Our My Your As If
    While After Before Since Because Although Though Today Tonight Yesterday Tomorrow""".split()
)

#: Words for an organisation inside a name the list does not know.
_ORG_WORDS = frozenset(
    """Department Ministry Agency Council Committee Institute University College Association
    Organization Organisation Observatory Foundation Center Centre Office Bureau Commission Party
    News Times Post Journal Press Network Group Forces Army Navy Police Court Congress Senate
    Administration Government Campaign Coalition Union Corporation Inc Company Fund Bank Service
    Authority Board Media Radio Television TV Tribune Herald Daily Magazine Project Alliance
    Federation Society Trust Watch International Command Guard Council Club League""".split()
)

#: Pronouns that can be the subject of a reporting verb: an attribution without a named source.
_PRONOUNS = frozenset("he she they it we i you who".split())

#: Nouns for a source that is not named ("officials said", "the report states").
_GENERIC_SOURCES = frozenset(
    """official officials spokesman spokeswoman spokesperson spokespeople police authorities
    experts analysts source sources witnesses residents lawmakers critics supporters opponents
    advocates prosecutors investigators researchers scientists doctors aides lawyers attorneys
    statement report reports study survey poll data documents court judge company agency
    department ministry government administration group organization organisation people
    leaders members activists protesters observers estimates figures filing complaint lawsuit
    ruling memo letter insiders person officers military troops website outlet newspaper network
    monitor charity foundation release reporter reporters correspondent""".split()
)

#: Words that can stand between a subject and its reporting verb ("NPR also reported").
_FILLERS = frozenset(
    """also has have had previously earlier later recently first then again once further
    separately reportedly initially originally publicly repeatedly now just already often
    frequently has would will could did does do since last this week month year night morning
    afternoon evening today yesterday""".split()
)

#: Words right before a reporting verb that make it something other than an attribution
#: ("refused to say", "was told", "did not say").
_BLOCKERS = frozenset("to was were is are be been being not n't never".split())

#: Sentence openers that leave an attribution at the head of its sentence.
_OPENERS = frozenset("but and also so now meanwhile however still yet separately then".split())


# --- quotation marks -----------------------------------------------------------------------------

_DOUBLE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
_OPENING_PUNCT = "([{\u2014\u2013-/"
_CLOSING_PUNCT = ".,;:!?)]}\u2014\u2013-\u2026"


def _context(text: str, position: int) -> tuple[bool, bool]:
    """Return (looks like an opening mark, looks like a closing mark) from the neighbours."""
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    opening = (before.isspace() or before in _OPENING_PUNCT or before in _DOUBLE_MARKS) and not (
        after.isspace()
    )
    closing = not before.isspace() and (
        after.isspace() or after in _CLOSING_PUNCT or after in _DOUBLE_MARKS or after in "'\u2019"
    )
    return opening, closing


def _is_opening(mark: str, text: str, position: int, is_open: bool) -> bool:
    """Return whether a double mark opens a quotation (else it closes one)."""
    opening, closing = _context(text, position)
    if mark in "\u201c\u201e\u00ab":
        # A curly opening mark in a clearly closing position, while a quote is open, is a
        # mark turned the wrong way by a word processor.
        return not (is_open and closing and not opening)
    if mark in "\u201d\u00bb":
        return not is_open and opening and not closing
    if opening and not closing:
        return True
    if closing and not opening:
        return False
    return not is_open


_DOUBLE_MARK = re.compile(f"[{_DOUBLE_MARKS}]")
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013\"\u201c]))['\u2018](?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?\u2026])['\u2019](?=$|[\s.,;:!?)\]\u2014\u2013\"\u201d])")


def _single_quotes(text: str, taken: list[tuple[int, int]]) -> list[Quote]:
    """Return the paired single-quoted spans of ``text`` that lie outside ``taken`` spans.

    An opening single mark starts a word after a space; a closing one ends a word before a space
    or punctuation. Anything else (who’s, ’90s) is an apostrophe, and so is a closing-looking
    mark with no opening mark before it (ISIS’ control)."""

    if "'" not in text and "\u2018" not in text:
        return []  # no opening single mark

    def outside(position: int) -> bool:
        return not any(start <= position < end for start, end in taken)

    closers = [m.start() for m in _SINGLE_CLOSE.finditer(text) if outside(m.start())]
    quotes = []
    position = 0
    for opener in _SINGLE_OPEN.finditer(text):
        if opener.start() < position or not outside(opener.start()):
            continue
        next_opener = next(
            (m.start() for m in _SINGLE_OPEN.finditer(text, opener.end())), len(text)
        )
        candidates = [c for c in closers if opener.end() < c < next_opener]
        if not candidates:
            continue
        close = candidates[0]
        inner = text[opener.end() : close]
        if not any(len(word.group()) > 1 for word in iter_words(inner)) or not all(
            outside(p) for p in (close,)
        ):
            continue
        quotes.append(Quote(opener.start(), close + 1, text[opener.start() : close + 1], "single"))
        position = close + 1
    return quotes


def find_quotes(paragraphs: Sequence[str]) -> list[list[Quote]]:
    """Return the quotations of each paragraph, found over the whole article.

    >>> quotes = find_quotes(["He said: “We will stay.", "“We will win.”", 'Then "no" and ‘ok’.'])
    >>> [[(q.text, q.continued, q.continues, q.unbalanced) for q in p] for p in quotes[:2]]
    [[('“We will stay.', False, True, False)], [('“We will win.”', True, False, False)]]
    >>> [q.text for q in quotes[2]]
    ['"no"', '‘ok’']
    """
    result: list[list[Quote]] = []
    carried = False  # a quotation is open at the end of the previous paragraph
    for text in paragraphs:
        quotes: list[Quote] = []
        marks = [(m.start(), m.group()) for m in _DOUBLE_MARK.finditer(text)]
        if not marks and not carried:
            # No double quotation here nor open from before: the single-quoted spans only.
            result.append(sorted(_single_quotes(text, []), key=lambda q: q.start))
            continue
        open_at: int | None = None
        continued = False
        first_mark = next((p for p, _ in marks), None)
        starts_with_mark = first_mark is not None and not text[:first_mark].strip()
        if carried and not (
            starts_with_mark and _is_opening(text[first_mark], text, first_mark, False)
        ):
            # An open quotation that the next paragraph does not open again ended with its
            # paragraph; nothing carries over.
            if result and result[-1]:
                last = result[-1][-1]
                result[-1][-1] = replace(last, continues=False)
        for position, mark in marks:
            if open_at is None:
                if _is_opening(mark, text, position, False):
                    open_at = position
                    continued = carried and position == first_mark and starts_with_mark
                else:
                    # A closing mark with nothing open: the quotation ran from the paragraph's
                    # start, or from the end of the quotation before it (its opening mark is
                    # missing).
                    after = quotes[-1].end if quotes else 0
                    start = after + len(text[after:]) - len(text[after:].lstrip())
                    quotes.append(
                        Quote(start, position + 1, text[start : position + 1], "double", False)
                    )
            elif _is_opening(mark, text, position, True):
                end = len(text[:position].rstrip())
                quotes.append(
                    Quote(
                        open_at, end, text[open_at:end], "double", closed=False, continued=continued
                    )
                )
                open_at, continued = position, False
            else:
                quotes.append(
                    Quote(
                        open_at,
                        position + 1,
                        text[open_at : position + 1],
                        "double",
                        continued=continued,
                    )
                )
                open_at, continued = None, False
        carried = open_at is not None
        if open_at is not None:
            quotes.append(
                Quote(
                    open_at,
                    len(text),
                    text[open_at:],
                    "double",
                    closed=False,
                    continued=continued,
                    continues=True,
                )
            )
        quotes.extend(_single_quotes(text, [(q.start, q.end) for q in quotes]))
        quotes.sort(key=lambda q: q.start)
        result.append(quotes)
    if carried and result and result[-1]:
        result[-1][-1] = replace(result[-1][-1], continues=False)
    return result


# --- sentences and tokens ------------------------------------------------------------------------

#: A sentence that ends in one of these did not end: a title or an abbreviation ("Sen.", "U.S.").
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b[A-Z]|\b(?:Sen|Rep|Gov|Gen|Mr|Mrs|Ms|Dr|St|Lt|Col|Sgt|Capt|Adm|Jr|Sr|"
    r"Maj|Prof|Rev|Ft|Mt|No|vs|Inc|Co|Corp|Jan|Feb|Aug|Sept|Oct|Nov|Dec))\.[\"'\u201d\u2019]?$"
)


#: Every match of ``_ABBREVIATION_END`` that ends a text ends one that starts in its last
#: characters: the longest abbreviation ("Sept") with its point and a quotation mark is 6, and an
#: initialism's last letter and points are a match of their own.
_ABBREVIATION_REACH = 12


def _ends_in_abbreviation(text: str, start: int, end: int) -> bool:
    """Return whether ``_ABBREVIATION_END`` matches ``text[start:end]`` (its end only is read; the
    pattern still sees the characters before where the search starts)."""
    return _ABBREVIATION_END.search(text, max(start, end - _ABBREVIATION_REACH), end) is not None


def _sentences(text: str) -> list[tuple[int, int]]:
    """Return sentence spans, joining the splits that a title or abbreviation caused."""
    merged: list[tuple[int, int]] = []
    for start, end in split_sentences(text):
        if merged and _ends_in_abbreviation(text, *merged[-1]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


#: A token: an initialism ("U.S."), a word with its inner hyphens, ampersands, apostrophes and
#: points and a final apostrophe or "'s", or one mark of punctuation.
_TOKEN_PLAIN = re.compile(
    r"(?:[A-Z]\.){2,}|\w+(?:[-\u2010\u2011&\u2019'.]\w+)*(?:[\u2019'](?:s\b)?)?|[^\w\s]"
)
#: The same tokens, sooner: every alternative of ``_TOKEN_PLAIN`` starts with one character that
#: is not white space, so that character is read first (which lets the regular expression engine
#: skip white space quickly) and each alternative then checks it with a lookbehind.
_TOKEN = re.compile(
    r"[^\s](?:(?<=[A-Z])\.(?:[A-Z]\.)+"
    r"|(?<=\w)\w*(?:[-\u2010\u2011&\u2019'.]\w+)*(?:[\u2019'](?:s\b)?)?"
    r"|(?<=[^\w\s]))"
)
_QUOTE_CHARS = _DOUBLE_MARKS + "'\u2018\u2019"


class _Token(NamedTuple):
    """A word or punctuation mark of a sentence (a tuple: cheaper to build than a dataclass)."""

    text: str
    start: int
    end: int

    @property
    def possessive(self) -> bool:
        word = self.text
        return len(word) > 2 and (
            word[-2:] in ("\u2019s", "'s") or (word[-1] in "\u2019'" and word[-2] in "sS")
        )

    @property
    def base(self) -> str:
        word = self.text
        if word[-2:] in ("\u2019s", "'s"):
            return word[:-2]
        return word.rstrip("\u2019'")

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def lower(self) -> str:
        return self.text.lower()


_WORD_HYPHEN = re.compile(r"[-\u2010\u2011]")


def _is_name_word(token: _Token) -> bool:
    """Return whether a token can be part of a name: a capital, and not "Republican-led"."""
    text = token.text
    if not (text[0].isupper() and text[0].isalpha()):
        return False
    if "-" not in text and "\u2010" not in text and "\u2011" not in text:
        return True  # one part, which starts with a capital
    return not _WORD_HYPHEN.split(text)[-1][:1].islower()


def _run_positions(text: str, words: Iterable[str]) -> list[int]:
    """Return where ``words`` stand in ``text`` as whole runs of word characters, in order."""
    positions = []
    length = len(text)
    for word in words:
        size = len(word)
        position = text.find(word)
        while position >= 0:
            # A whole run: no word character (``\w``: alphanumeric or "_") on either side.
            before = text[position - 1] if position else " "
            after = text[position + size] if position + size < length else " "
            if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
                positions.append(position)
            position = text.find(word, position + size)
    positions.sort()
    return positions


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    new = tuple.__new__
    return [new(_Token, (m.group(), m.start(), m.end())) for m in _TOKEN.finditer(text, start, end)]


def _head_tokens(text: str, start: int, end: int, *, words: int) -> list[_Token]:
    """Return the first tokens of ``_tokens(text, start, end)``, up to the one that makes
    ``words`` tokens starting with a letter or digit (all of them if there are fewer)."""
    tokens = []
    new = tuple.__new__
    for match in _TOKEN.finditer(text, start, end):
        token = match.group()
        tokens.append(new(_Token, (token, match.start(), match.end())))
        if token[0].isalnum():
            words -= 1
            if not words:
                break
    return tokens


# --- naming sources ------------------------------------------------------------------------------


@dataclass
class _Group:
    """Words of one name as written, and whether the pattern says it is a person."""

    tokens: list[_Token]
    person: bool = False
    after_the: bool = False


def _collect_names(tokens: list[_Token], after_the: bool = False) -> list[_Group]:
    """Return the name groups at the head of ``tokens`` ("CBS News reporter Holly Williams" is
    CBS News, then the person Holly Williams; "NPR’s Tom Bowman" is NPR, then Tom Bowman)."""
    groups: list[_Group] = []
    current = _Group([], after_the=after_the)
    person_next = False
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if _is_name_word(token):
            if not current.tokens and token.text in _NOT_NAMES and token.text != "The":
                if groups or index:
                    break
                continue
            current.tokens.append(token)
            if token.possessive:
                groups.append(current)
                current, person_next = _Group([], person=True), True
            continue
        if token.text == "." and current.tokens and _is_abbreviation(current.tokens[-1].text):
            continue
        if (
            token.text in _CONNECTORS
            and current.tokens
            and following is not None
            and following.cap
            and following.text[0].isalpha()
        ):
            current.tokens.append(token)
            continue
        if token.lower in _ROLES and (current.tokens or groups or index == 0):
            if current.tokens:
                groups.append(current)
            current, person_next = _Group([], person=True), True
            continue
        break
    if current.tokens:
        current.person = current.person or person_next
        groups.append(current)
    return [group for group in groups if group.tokens]


def _is_abbreviation(word: str) -> bool:
    return word in _TITLES or (len(word) == 1 and word.isupper())


def _name_sources(groups: Sequence[_Group], known: SourceList) -> list[Source]:
    """Return the sources the name groups stand for: known aliases first, then found names."""
    sources: list[Source] = []
    for group in groups:
        words = [token.base if token.possessive else token.text for token in group.tokens]
        rest: list[str] = []
        index = 0
        while index < len(words):
            found = None
            for size in range(min(known.longest_alias, len(words) - index), 0, -1):
                alias = " ".join(words[index : index + size])
                source = known.lookup(alias)
                if source is None and index == 0 and group.after_the:
                    source = known.lookup("The " + alias)
                if source is not None:
                    found = (source, size)
                    break
            if found:
                sources.extend(_found_name(rest, group.person))
                rest = []
                sources.append(found[0])
                index += found[1]
                continue
            if words[index] in ("and", "&"):
                sources.extend(_found_name(rest, group.person))
                rest = []
            else:
                rest.append(words[index])
            index += 1
        sources.extend(_found_name(rest, group.person))
    return list(dict.fromkeys(sources))


def _found_name(words: list[str], person: bool) -> list[Source]:
    """Return the source for a name the list does not know (empty when it is no name)."""
    while words and (words[0] in _CONNECTORS or words[0] in _NOT_NAMES):
        words = words[1:]
    titled = False
    # A title inside the name ("Canadian Prime Minister Justin Trudeau", "Secretary of State
    # Antony Blinken"): the person is the name after the last title word.
    if "of" in words[1:]:
        # "Gov. Andrew M. Cuomo of New York" is Andrew M Cuomo; "Department of Health" stays.
        head = words[: words.index("of", 1)]
        if not any(word in _ORG_WORDS for word in head) and not all(
            word.rstrip(".") in _TITLES for word in head
        ):
            words = head
    marks = [i for i, word in enumerate(words[:-1]) if word.rstrip(".") in _TITLES_AND_OFFICES]
    if marks:
        person_words = words[marks[-1] + 1 :]
        if len(person_words) <= 3 and not any(w in _ORG_WORDS for w in person_words):
            words, titled = person_words, True
    while words and words[-1] in _CONNECTORS:
        words = words[:-1]
    if not words or all(word in _NOT_NAMES for word in words):
        return []
    name = " ".join(words)
    if any(word in _ORG_WORDS for word in words):
        return [Source(name, "organisation")]
    if person or titled:
        return [Source(name, "person")]
    if 2 <= len(words) <= 4 and all(word[0].isupper() and word.isalpha() for word in words):
        return [Source(name, "person")]
    return [Source(name, "unknown")]


# --- reporting verbs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tag:
    """An attribution found in a sentence, before the span it covers is known."""

    start: int
    end: int
    verb: str
    verb_lemma: str
    verb_kind: str
    verb_start: int
    verb_end: int
    source_start: int
    source_end: int
    sources: tuple[Source, ...]
    leading: bool
    sentence: int


_WORD_RUN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")

_GENERIC_LINKS = frozenset("from by of at for with in".split())
_DETERMINERS = frozenset("the a an".split())


class RuleVoiceDetector:
    """Finds quotations, attributions and sources with rules over the article's paragraphs.

    ``sources`` is a :class:`SourceList`, a path to a sources TSV, or ``None`` for the bundled
    list; ``verbs`` are :class:`ReportingVerb` objects (default: the bundled list).
    """

    def __init__(
        self,
        *,
        sources: SourcesLike | None = None,
        verbs: Sequence[ReportingVerb] | None = None,
    ) -> None:
        self.sources = load_sources(sources)
        self.verbs = tuple(verbs) if verbs is not None else load_reporting_verbs()
        self._by_form: dict[str, ReportingVerb] = {}
        for verb in self.verbs:
            for form in verb.forms:
                self._by_form[form] = verb
        forms = sorted(self._by_form, key=len, reverse=True)
        pattern = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms)
        self._verb_pattern = re.compile(
            rf"(?<![\w\u2019'-])(?:{pattern})(?![\w-])|\b[Aa]ccording\s+to\b"
        )
        # A match of the pattern starts a run of word characters (nothing of a word stands
        # before it), and that run is the first run of word characters of a form, or
        # "according": a text without any of those runs has no match.
        self._verb_starts = frozenset(
            [_WORD_RUN.match(form).group() for form in forms] + ["according", "According"]
        )

    def _verb_matches(
        self, text: str, start: int, end: int, positions: Sequence[int] | None = None
    ) -> Iterator[re.Match[str]]:
        """Yield what ``self._verb_pattern.finditer(text, start, end)`` yields, sooner.

        The pattern is tried only where a run of word characters begins that can start a match
        (see ``_verb_starts``), instead of at every character, and after the last match, as
        ``finditer`` does. Both read the text up to ``end`` and see the characters before
        ``start``. ``positions`` are those beginnings over the whole text
        (:meth:`_verb_positions`), for ``start`` and ``end`` that cut no run of word characters
        (a sentence's).
        """
        if positions is None:
            positions = [
                run.start()
                for run in _WORD_RUN.finditer(text, start, end)
                if run.group() in self._verb_starts
            ]
            first = 0
        else:
            first = bisect_left(positions, start)
        after = start
        for position in positions[first:]:
            if position >= end:
                break
            if position < after:
                continue
            match = self._verb_pattern.match(text, position, end)
            if match is not None:
                after = match.end()
                yield match

    def _verb_positions(self, text: str, runs: Sequence[str] | None = None) -> list[int]:
        """Return where the runs of word characters of ``text`` that can start a reporting verb
        or "according to" begin, in order (none: the text certainly has neither). ``runs`` are
        the text's runs of word characters, when known."""
        words = self._verb_starts.intersection(_WORD_RUN.findall(text) if runs is None else runs)
        return _run_positions(text, words)

    def _may_attribute(self, text: str) -> bool:
        """Return False when ``text`` certainly has no reporting verb or "according to" (a
        quicker test than searching it with the verb pattern)."""
        return not self._verb_starts.isdisjoint(_WORD_RUN.findall(text))

    # The one method of the VoiceDetector protocol.
    def detect(self, paragraphs: Sequence[str]) -> list[ParagraphVoice]:
        """Return each paragraph's voice, with the quotes, attributions and sources found."""
        paragraphs = list(paragraphs)
        all_quotes = find_quotes(paragraphs)
        # A paragraph where the verb pattern cannot match has no attribution in any of its
        # sentences (each sentence is searched with the same pattern), so its sentences are
        # not needed: with no attribution they change neither the coverage nor the quotes'
        # speakers. Nor are the surnames, when no paragraph has an attribution.
        all_runs = [_WORD_RUN.findall(text) for text in paragraphs]
        all_positions = [
            self._verb_positions(text, runs)
            for text, runs in zip(paragraphs, all_runs, strict=True)
        ]
        all_sentences: list[list[tuple[int, int]] | None] = [
            _sentences(text) if positions else None
            for text, positions in zip(paragraphs, all_positions, strict=True)
        ]
        self._names_in_text = None
        self._article = (paragraphs, all_sentences)
        all_tags = [
            self._tags(text, quotes, sentences, positions) if sentences is not None else []
            for text, quotes, sentences, positions in zip(
                paragraphs, all_quotes, all_sentences, all_positions, strict=True
            )
        ]
        surnames = _surnames(paragraphs, all_tags, all_runs) if any(all_tags) else {}
        voices = []
        previous_quote: Quote | None = None
        for text, quotes, sentences, tags in zip(
            paragraphs, all_quotes, all_sentences, all_tags, strict=True
        ):
            tags = [_resolved_tag(tag, surnames) for tag in tags]
            attributions = _cover(tags, quotes, sentences, text) if tags else ()
            quotes = _link_quotes(quotes, tags, sentences or [], previous_quote)
            if quotes:
                previous_quote = quotes[-1]
            voices.append(_paragraph_voice(text, quotes, attributions))
        return voices

    def _article_names(self) -> frozenset[str]:
        """Return the words the article being read writes with a capital inside a sentence."""
        if self._names_in_text is None:
            paragraphs, all_sentences = self._article
            all_sentences = [
                _sentences(text) if sentences is None else sentences
                for text, sentences in zip(paragraphs, all_sentences, strict=True)
            ]
            self._names_in_text = _names_inside_sentences(paragraphs, all_sentences)
        return self._names_in_text

    def _tags(
        self,
        text: str,
        quotes: list[Quote],
        sentences: list[tuple[int, int]],
        positions: Sequence[int] | None = None,
    ) -> list:
        def quoted(position: int) -> bool:
            return any(q.start <= position < q.end for q in quotes)

        tags = []
        for number, (sentence_start, sentence_end) in enumerate(sentences):
            for match in self._verb_matches(text, sentence_start, sentence_end, positions):
                if quoted(match.start()):
                    continue
                if match.group()[0] in "Aa" and match.group().lower().startswith("according"):
                    tag = self._according(text, match, sentence_start, sentence_end, number)
                else:
                    tag = self._reported(text, match, sentence_start, sentence_end, number)
                if tag is not None:
                    tags.append(tag)
        return tags

    def _according(self, text, match, sentence_start, sentence_end, number) -> _Tag:
        tokens = _tokens(text, match.end(), sentence_end)
        head = _tokens(text, sentence_start, match.start())
        leading = all(t.lower in _OPENERS or t.text == "," for t in head)
        sources, source_end = self._forward_source(tokens)
        if source_end is None:
            # No name: the source is the words up to the next punctuation ("according to
            # estimates").
            words = []
            for token in tokens[:8]:
                if not token.text[0].isalnum():
                    break
                words.append(token)
            source_end = words[-1].end if words else match.end()
        source_start = tokens[0].start if tokens and source_end > match.end() else match.end()
        return _Tag(
            match.start(),
            source_end,
            "according to",
            "according to",
            self._by_form["according to"].kind if "according to" in self._by_form else "neutral",
            match.start(),
            match.end(),
            source_start,
            source_end,
            tuple(sources),
            leading,
            number,
        )

    def _forward_source(self, tokens: list[_Token]) -> tuple[list[Source], int | None]:
        """Return the sources named at the head of ``tokens`` and where their words end."""
        index = 0
        after_the = False
        while index < len(tokens) and tokens[index].lower in _DETERMINERS:
            after_the = after_the or tokens[index].lower == "the"
            index += 1
        rest = tokens[index:]
        groups = _collect_names(rest, after_the)
        consumed = [t for group in groups for t in group.tokens]
        position = index + (rest.index(consumed[-1]) + 1 if consumed else 0)
        if position < len(tokens) and tokens[position].lower in _GENERIC_SOURCES:
            # "according to Pentagon officials", "according to a statement from the Pentagon"
            generic_end = tokens[position].end
            sources = _name_sources(groups, self.sources)
            sources = [s for s in sources if s.kind in SOURCE_KINDS]
            position += 1
            if position < len(tokens) and tokens[position].lower in _GENERIC_LINKS:
                inner, inner_end = self._forward_source(tokens[position + 1 :])
                if inner:
                    return sources + inner, inner_end
            return sources, generic_end
        if not consumed:
            return [], None
        return _name_sources(groups, self.sources), consumed[-1].end

    def _reported(self, text, match, sentence_start, sentence_end, number) -> _Tag | None:
        form = _SPACES.sub(" ", match.group())
        verb = self._by_form[form]
        before = _tokens(text, sentence_start, match.start())
        sources: list[Source] = []
        source_span: tuple[int, int] | None = None
        if before and before[-1].lower in _BLOCKERS:
            return None
        # A base or -s form can be a noun ("jobless claims", "the reports"); a past form cannot.
        strict = form == verb.lemma or form.endswith("s")
        subject = self._subject(before, strict=strict)
        inverted = subject is None
        if subject is not None:
            sources, source_span = subject
            # Only the first token and whether two words follow the verb matter below.
            after = _head_tokens(text, match.end(), sentence_end, words=2)
        else:
            previous = before[-1].text if before else ""
            if previous not in (",", *_QUOTE_CHARS):
                return None
            after = _tokens(text, match.end(), sentence_end)
            found, end = self._forward_source(after)
            if end is None:
                words = after[:1]
                if not words or words[0].lower not in _PRONOUNS:
                    return None
                end = words[0].end
            sources, source_span = found, (after[0].start, end)
        quote_before = any(t.text in _QUOTE_CHARS for t in before)
        words_after = [t for t in after if t.text[0].isalnum()]
        leading = (
            not inverted
            and not quote_before
            and len(words_after) >= 2
            and not (after and after[0].text == ",")
        )
        start = min(source_span[0], match.start())
        end = max(source_span[1], match.end())
        return _Tag(
            start,
            end,
            match.group(),
            verb.lemma,
            verb.kind,
            match.start(),
            match.end(),
            source_span[0],
            source_span[1],
            tuple(sources),
            leading,
            number,
        )

    def _subject(
        self, before: list[_Token], *, strict: bool = False
    ) -> tuple[list[Source], tuple[int, int]] | None:
        """Return the sources and span of the subject right before a reporting verb, if any.

        ``strict`` is for a verb form that is also a noun ("claims", "reports"): its subject must
        be more clearly a name."""
        index = len(before) - 1
        while index >= 0 and (
            before[index].lower in _FILLERS
            or before[index].lower == "on"
            or before[index].text in _DAYS
        ):
            index -= 1
        if index < 0:
            return None
        token = before[index]
        if token.lower in _BLOCKERS or token.possessive:
            return None
        if token.lower in _PRONOUNS:
            return [], (token.start, token.end)
        if (
            token.lower in _GENERIC_SOURCES
            or token.lower in _ROLES
            or (not token.cap and index > 0 and before[index - 1].lower in _DETERMINERS)
        ):
            first = index
            while first > 0 and (
                (before[first - 1].cap and before[first - 1].text[0].isalpha())
                or (before[first - 1].text in _CONNECTORS and first > 1 and before[first - 2].cap)
            ):
                first -= 1
            groups = _collect_names(before[first:index], after_the=_after_the(before, first))
            sources = [s for s in _name_sources(groups, self.sources) if s.kind in SOURCE_KINDS]
            start = first
            while start > 0 and before[start - 1].lower in _DETERMINERS:
                start -= 1
            return sources, (before[start].start, token.end)
        if not _is_name_word(token):
            return None
        first = index
        while first > 0:
            candidate = before[first - 1]
            if candidate.cap and candidate.text[0].isalpha():
                first -= 1
            elif candidate.text in _CONNECTORS and first > 1 and before[first - 2].cap:
                first -= 1
            elif candidate.lower in _ROLES and first > 1 and before[first - 2].cap:
                first -= 1
            elif candidate.text == "." and first > 1 and _is_abbreviation(before[first - 2].text):
                first -= 1
            else:
                break
        groups = _collect_names(before[first : index + 1], after_the=_after_the(before, first))
        sources = _name_sources(groups, self.sources)
        if not sources:
            return None
        words = [t for g in groups for t in g.tokens]
        opening = all(t.lower in _OPENERS or not t.text[0].isalnum() for t in before[:first])
        if (
            len(words) == 1
            and strict
            and opening
            and not words[0].text.isupper()
            and sources[0].kind in FOUND_KINDS
            and words[0].base not in self._article_names()
        ):
            # One capitalised word opening a sentence ("Continuing claims rose") is a name only
            # if the article also writes it with a capital inside a sentence.
            return None
        start = words[0].start
        return sources, (start, token.end)


_DAYS = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())


def _names_inside_sentences(
    paragraphs: Sequence[str], all_sentences: Sequence[Sequence[tuple[int, int]]]
) -> frozenset[str]:
    """Return the words an article writes with a capital other than at a sentence's start."""
    names = set()
    for text, sentences in zip(paragraphs, all_sentences, strict=True):
        for start, end in sentences:
            tokens = [t for t in _tokens(text, start, end) if t.text[0].isalnum()]
            names.update(t.base for t in tokens[1:] if _is_name_word(t))
    return frozenset(names)


def _after_the(tokens: list[_Token], index: int) -> bool:
    return index > 0 and tokens[index - 1].lower == "the"


# --- across the article ------------------------------------------------------------------------

_TITLED_NAME = re.compile(
    r"\b(?:" + "|".join(sorted(_TITLES, key=len, reverse=True)) + r")\.?\s+"
    r"((?:[A-Z][\w\u2019'-]+\s+){0,2}[A-Z][\w\u2019'-]+)"
)


def _titled_names(text: str, runs: Sequence[str]) -> Iterator[re.Match[str]]:
    """Yield what ``_TITLED_NAME.finditer(text)`` yields, trying the pattern only where a title
    begins: a title starts at a word boundary and ends before "." or white space (the hyphenated
    ones begin with a title), so it is a whole run of word characters (``runs`` are the text's)."""
    after = 0
    for position in _run_positions(text, _TITLES.intersection(runs)):
        if position < after:
            continue
        match = _TITLED_NAME.match(text, position)
        if match is not None:
            after = match.end()
            yield match


_NAME_CHARACTERS = "_\u2019'-"  # besides letters and digits, in a word of _full_name_pattern


def _after_capitalised_word(text: str, surname: str) -> bool:
    """Return False when ``_full_name_pattern(surname)`` certainly has no match in ``text``: no
    occurrence of ``surname`` follows white space after a word that can start with a capital."""
    position = text.find(surname)
    while position >= 0:
        end = position  # of the word before the white space
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if 0 < end < position:
            start = end
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in _NAME_CHARACTERS):
                start -= 1
            for index in range(start, end):
                if "A" <= text[index] <= "Z" and (
                    index == start or text[index - 1] in _NAME_CHARACTERS[1:]
                ):
                    return True
        position = text.find(surname, position + 1)
    return False


@lru_cache(maxsize=4096)
def _full_name_pattern(surname: str) -> re.Pattern[str]:
    """Return the pattern of ``surname`` after one or two capitalised words (compiled once:
    more surnames than the ``re`` module's own cache holds recur over a corpus)."""
    return re.compile(rf"\b((?:[A-Z][\w\u2019'-]*\s+){{1,2}}){re.escape(surname)}\b")


def _surnames(
    paragraphs: Sequence[str],
    all_tags: Sequence[Sequence[_Tag]],
    all_runs: Sequence[Sequence[str]] | None = None,
) -> dict[str, str]:
    """Return surname -> full name for the people the article names in full exactly once.

    ``all_runs`` are the runs of word characters (``\\w+``) of each paragraph, when known: a
    paragraph none of whose runs is a title has no titled name."""
    full_names: set[str] = set()
    for tags in all_tags:
        for tag in tags:
            for source in tag.sources:
                if source.kind == "person" and len(source.name.split()) >= 2:
                    full_names.add(source.name)
    for number, text in enumerate(paragraphs):
        runs = _WORD_RUN.findall(text) if all_runs is None else all_runs[number]
        for match in _titled_names(text, runs):
            words = [w for w in match.group(1).split() if w.rstrip(".") not in _TITLES]
            words = [re.sub(r"[\u2019']s?$", "", w) for w in words]
            if len(words) >= 2 and not any(w in _ORG_WORDS or w in _NOT_NAMES for w in words):
                full_names.add(" ".join(words))
    # A surname used alone as a source ("Bowman reported") and written in full anywhere in the
    # article ("Tom Bowman covers it").
    alone = {
        source.name
        for tags in all_tags
        for tag in tags
        for source in tag.sources
        if source.kind in ("person", "unknown") and " " not in source.name
    }
    for surname in alone - {name.split()[-1] for name in full_names}:
        # The pattern is compiled (once per surname) only for the paragraphs it can match.
        texts = [text for text in paragraphs if _after_capitalised_word(text, surname)]
        pattern = _full_name_pattern(surname) if texts else None
        for text in texts:
            for match in pattern.finditer(text):
                words = [w for w in match.group(1).split() if w not in _TITLES]
                if words and not any(w in _ORG_WORDS or w in _NOT_NAMES for w in words):
                    full_names.add(" ".join([*words, surname]))
    by_surname: dict[str, set[str]] = {}
    for name in full_names:
        by_surname.setdefault(name.split()[-1], set()).add(name)
    return {surname: next(iter(names)) for surname, names in by_surname.items() if len(names) == 1}


def _resolve(sources: Iterable[Source], surnames: dict[str, str]) -> tuple[Source, ...]:
    resolved = []
    for source in sources:
        if (
            source.kind in ("person", "unknown")
            and " " not in source.name
            and (source.name in surnames)
        ):
            source = Source(surnames[source.name], "person")
        resolved.append(source)
    return tuple(dict.fromkeys(resolved))


def _resolved_tag(tag: _Tag, surnames: dict[str, str]) -> _Tag:
    """Return ``tag`` with its sources resolved (the same tag when nothing changes)."""
    sources = _resolve(tag.sources, surnames)
    return tag if sources == tag.sources else replace(tag, sources=sources)


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in spans)


def _cover(
    tags: list[_Tag], quotes: list[Quote], sentences: list[tuple[int, int]], text: str
) -> tuple[Attribution, ...]:
    """Return the attributions with the span each covers: its sentence, and for a leading one
    the sentences after it up to the next one with a quotation or an attribution."""
    quote_spans = [(q.start, q.end) for q in quotes]
    tagged = {tag.sentence for tag in tags}
    attributions = []
    for tag in tags:
        start, end = sentences[tag.sentence]
        if tag.leading:
            for number in range(tag.sentence + 1, len(sentences)):
                if number in tagged or _overlaps(*sentences[number], quote_spans):
                    break
                end = sentences[number][1]
        attributions.append(
            Attribution(
                start=tag.start,
                end=tag.end,
                text=text[tag.start : tag.end],
                verb=_SPACES.sub(" ", tag.verb),
                verb_lemma=tag.verb_lemma,
                verb_kind=tag.verb_kind,
                verb_start=tag.verb_start,
                verb_end=tag.verb_end,
                source_text=text[tag.source_start : tag.source_end],
                source_start=tag.source_start,
                source_end=tag.source_end,
                sources=tag.sources,
                covers_start=start,
                covers_end=end,
            )
        )
    return tuple(attributions)


def _link_quotes(
    quotes: list[Quote],
    tags: list[_Tag],
    sentences: list[tuple[int, int]],
    previous: Quote | None,
) -> tuple[Quote, ...]:
    """Return the quotes with their speakers: the attribution in the quote's own sentences, else
    the speaker of the quotation it continues, else the paragraph's last speaker."""
    linked: list[Quote] = []
    for quote in quotes:
        numbers = [n for n, (s, e) in enumerate(sentences) if s < quote.end and quote.start < e]
        nearby = [tag for tag in tags if tag.sentence in numbers and tag.sources]
        if nearby:
            nearest = min(
                nearby, key=lambda tag: min(abs(tag.start - quote.end), abs(quote.start - tag.end))
            )
            sources = nearest.sources
        elif quote.continued and previous is not None:
            sources = previous.sources
        elif linked and linked[-1].sources and linked[-1].mark == quote.mark:
            sources = linked[-1].sources
        else:
            before = [tag for tag in tags if tag.start < quote.start and tag.sources]
            sources = before[-1].sources if before else ()
        linked.append(replace(quote, sources=sources))
    return tuple(linked)


#: ``framing.text.WORD`` as one group: ``split`` returns the gaps and the words in turn, so the
#: running sum of their lengths gives every word's offsets without a match object per word.
_WORD_SPLIT = re.compile(f"({WORD.pattern})")


def _labelled_segments(
    text: str, pieces: list[str], quotes: tuple[Quote, ...], attributions: tuple[Attribution, ...]
) -> tuple[list[str], list[Segment]]:
    """Return the label of each word and the runs of words with one label, from ``pieces`` (the
    gaps and words of ``text`` in turn)."""
    offsets = list(accumulate(map(len, pieces)))
    # offsets: end of gap 0, end of word 1, end of gap 1, end of word 2, ..., end of last gap.
    starts, ends = offsets[0:-1:2], offsets[1::2]
    labels = ["own"] * len(starts)
    # The label of a word is the label of its first character: a quotation wins over an
    # attribution's coverage, so the quotations are laid over the coverage.
    for label, label_spans in (
        ("attributed", [(a.covers_start, a.covers_end) for a in attributions]),
        ("quoted", [(q.start, q.end) for q in quotes]),
    ):
        for start, end in label_spans:
            start, end = max(start, 0), min(end, len(text))
            if start < end:
                first, last = bisect_left(starts, start), bisect_left(starts, end)
                labels[first:last] = [label] * (last - first)
    segments: list[Segment] = []
    first = 0  # the first word of the current run of one label
    for label, run in groupby(labels):
        index = first + len(list(run))
        start, end = starts[first], ends[index - 1]
        segments.append(Segment(label, start, end, text[start:end], index - first))
        first = index
    return labels, segments


def _paragraph_voice(
    text: str, quotes: tuple[Quote, ...], attributions: tuple[Attribution, ...]
) -> ParagraphVoice:
    # The gaps and the words in turn: gap, word, gap, ..., word, gap.
    pieces = _WORD_SPLIT.split(text)
    if not quotes and not attributions:
        # Every word is the outlet's own: one segment from the first word to the last.
        labels = ["own"] * (len(pieces) // 2)
        segments = []
        if labels:
            start, end = len(pieces[0]), len(text) - len(pieces[-1])
            segments.append(Segment("own", start, end, text[start:end], len(labels)))
    else:
        labels, segments = _labelled_segments(text, pieces, quotes, attributions)
    words = len(labels)
    quoted = labels.count("quoted")
    attributed = labels.count("attributed")
    own = words - quoted - attributed
    if quoted + attributed == 0:
        voice = "own"
    elif own:
        voice = "mixed"
    elif quoted >= QUOTED_MAJORITY * words:
        voice = "quoted"
    else:
        voice = "attributed"
    sources = [s for a in attributions for s in a.sources] + [s for q in quotes for s in q.sources]
    return ParagraphVoice(
        voice=voice,
        words=words,
        quoted_words=quoted,
        attributed_words=attributed,
        quotes=quotes,
        attributions=attributions,
        sources=tuple(dict.fromkeys(sources)),
        segments=tuple(segments),
    )


@runtime_checkable
class VoiceDetector(Protocol):
    """Anything that says who speaks in each paragraph of an article."""

    def detect(self, paragraphs: Sequence[str]) -> list[ParagraphVoice]:
        """Return one :class:`ParagraphVoice` per paragraph, in order."""
        ...


@cache
def _default_detector() -> RuleVoiceDetector:
    return RuleVoiceDetector()


def detect_voices(
    paragraphs: Sequence[str], *, sources: SourcesLike | None = None
) -> list[ParagraphVoice]:
    """Return the voice of each paragraph of one article (a list of paragraph texts).

    >>> [v.voice for v in detect_voices(["ISIS lost.", "“We won,” he said.", "He said we won."])]
    ['own', 'quoted', 'attributed']
    """
    if isinstance(paragraphs, str):
        raise FramingError(
            "detect_voices needs the article's paragraphs as a list of str; for one text use "
            "framing.Article(text).voices"
        )
    detector = _default_detector() if sources is None else RuleVoiceDetector(sources=sources)
    return detector.detect(paragraphs)
