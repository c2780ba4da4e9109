"""Who speaks, measured against PolNeAR's human annotators (training compartment).

Reads PolNeAR (:func:`framing.datasets.load_polnear` and
:func:`framing.datasets.load_polnear_attributions`), splits each article into paragraphs with
:class:`framing.text.segment.BlankLineSegmenter`, runs the rule-based voice detector
(:func:`framing.voice.detect_voices`, one call per article) and two baselines, and prints, for
all articles and per publisher:

``aoq`` (attributed-or-quoted words), token level over the words of
:data:`framing.text.words.WORD` in each paragraph. A word is *inside* a set of character
spans when its first and its last character are. Gold: the word is inside the content span of
some attribution (every piece of a discontinuous span counts). Detected: the detector's segment
that covers the word's first character has voice ``quoted``, or has voice ``attributed`` and the
word does not start inside the source-and-verb span of one of the detector's attributions
(``Attribution.start:end``, "Sen. Joe Manchin said", "According to CBS News"): PolNeAR's content
is what is attributed, never the words that attribute it, and the detector says which words
those are. ``--detected coverage`` gives this benchmark's first definition instead, every word
of an ``attributed`` segment, source and verb included. Precision, recall and F1 over the words
of all articles (micro-averaged).

``quoted`` (words inside quotation marks), token level over the same words. Gold: the word is
inside a *reference quotation* and inside a content span (so scare quotes around a word nobody
said, and the title of a show, are not gold). Detected: the covering segment's voice is
``quoted``. The reference quotations (:func:`reference_quotations`, the default ``--reference
typographic``) follow the typographic conventions:

- double marks, read left to right over the paragraph: “ „ « and two backticks open, ” and »
  close, but for a mark turned the wrong way (“ glued to the end of a word while a quotation
  is open closes it, as the closing mark of „…“ does; ” or » that nothing is open for, not
  glued to a word and before a non-space, opens); a straight " or two apostrophes '' close the
  quotation open when glued to the end of a word (after a letter, a digit or one of
  ``.,;:!?…%)]}'’``) or before white space, and otherwise open one; with nothing open they
  open one, unless glued to a word and before white space or the end. An opening mark opens a
  quotation, inside the one open before it if there is one (“A “B” C”: B is quoted inside
  the quotation of A, B and C), a closing mark closes the innermost open one, whatever the
  shapes of the two (“…" and "…” are quotations), and a closing mark with nothing open is no
  quotation; a quotation that no mark closes quotes nothing but what it holds inside (“A “B”
  C. and no closing mark: “B” alone);
- a quotation over several paragraphs: a quotation still open at the end of its paragraph runs
  to the end of the paragraph when the next paragraph starts with an opening mark, and one open
  at the end of a line, when the next line starts with an opening mark, to the end of that
  line; any other mark left open quotes nothing;
- single marks, outside the double quotations: ‘ or ' opens at the start of the line or after
  white space, a bracket, a dash or a double opening mark, before a letter or digit; ’ or '
  closes after a letter, digit or final punctuation, before white space, punctuation or the
  end; an opening mark pairs with the first closing mark before the next opening mark, and the
  pair quotes a word of two letters or more (an apostrophe, as in “who’s”, “’90s” or “ISIS’
  control”, pairs with nothing);
- a transcript's turns: in an article where two lines or more, of two speakers or more, open
  with a name in capitals (one to three words) and a colon or a spaced dash ("TAPPER: ...",
  not a label such as "UPDATE:" nor an archive's field such as "BYLINE:"), the rest of each
  such line.

``--reference flat`` gives its second definition, the same conventions but for quotations
inside quotations: an opening mark while one is open opened a quotation in place of it (“A “B”
C”: “B” alone). ``--reference paired`` gives the first definition of this benchmark instead
(:func:`paired_quotes`): marks of one type paired within a paragraph, a curly “…”, a straight
"…" (paired left to right), a PTB ``…'' or two apostrophes ''…'', and nothing else (no
quotation over several paragraphs, no mixed marks, no single marks, no transcript).

``named`` (named source of a speech verb): the attributions whose cue holds a speech verb (a
form listed in ``benchmarks/data/polnear-speech-verbs.txt``: the package's speech verbs as they
stood when this figure was first reported, frozen; or "according to") and whose source
span holds a *name word*: a word that starts with a capital letter and is neither a pronoun nor
a title (:data:`PRONOUNS`, the indefinite ones among them: "Several senators said" names
nobody; :data:`TITLES`), possessive "'s" removed. The key of such a source is the name at the
head of its first noun phrase (:func:`head_key`): noun phrases are right-headed, so the key is
the last word of the span's first phrase, cut before a comma, a dash, a parenthesis or a
preposition, when it is a name word ("Trump campaign spokeswoman Hope Hicks" -> "Hicks", "Sen.
Lindsey Graham (R-S.C.)" -> "Graham", "CBC Chairman G.K. Butterfield of North Carolina" ->
"Butterfield"); else, when that head is a common noun and an appositive that opens with a name
follows, the appositive's head ("the White House spokesman, Josh Earnest," -> "Earnest");
else the key of the second definition. It is *found* (:func:`found_among`) when it is one of
the words of one of the source names that the method reports for the paragraph that holds the
cue's first character (final points aside: "F.B.I." finds "F.B.I"), or when one of those names
is the canonical name of the bundled sources list for an alias that the span writes around the
key ("The AP said" is found by "Associated Press"). Printed as the share found, with the
counts.

Earlier definitions, with ``--key``: ``first-name`` (the second), the last name word of the
first run of capitalised words in the span, titles inside it allowed, ended by any punctuation
but a point (:func:`source_key`: "Leonard E. Burman, director of the Tax Policy Center" ->
"Burman", but "Trump campaign spokeswoman Hope Hicks" -> "Trump", a modifier, and "the White
House spokesman, Josh Earnest," -> "House"); ``last-word`` (the first), the span's last name
word ("Burman, director of the Tax Policy Center" -> "Center"), which asks a detector to
report the last organisation of an appositive. Before 2026-11-30 a key was found only as a word
of a reported name, as written (so "The AP said", reported as "Associated Press", and "the
F.B.I. said" were misses), and the indefinite pronouns but "Some", "Many", "Most", "Others"
and "One" counted as name words.

``pronouns``: of the annotators' attributions with a speech verb whose source is "he" or
"she", the share that the detector resolves to a name (an attribution of the detector whose
verb starts where the cue does), and of those the share whose name shares a word with a name
word of a source span the annotators mark anywhere in the article.

``speaker_precision``: over every (paragraph, source name) that the method reports, the share
that the annotators also name: some word of the reported name is a word of the source span
of an attribution whose cue starts in that paragraph, or, where such a source span is "he" or
"she", a name word of any source span of the article (the annotators mark the pronoun, not
the person it stands for; without this, resolving pronouns would count as reporting sources
nobody named).

Baselines, in the same run:

- ``quotes-only``: the words inside reference quotations are quoted (so attributed-or-quoted),
  nothing else; it names no source. Its quoted recall is 1 by construction.
- ``verb-sentence``: every sentence (:func:`framing.text.words.split_sentences`) holding a
  reporting-verb form or "according to" is attributed, all its words; its reported sources are
  the sentence's name words that do not begin it.

    python benchmarks/polnear_voice.py [--data-dir ../shared/data]
        [--key head|first-name|last-word]
        [--reference typographic|flat|paired] [--detected content|coverage]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from framing.datasets import load_polnear, load_polnear_attributions
from framing.text.archive import is_archive_metadata
from framing.text.segment import BlankLineSegmenter
from framing.text.words import WORD, split_sentences
from framing.voice import detect_voices
from framing.voice.sources import load_sources

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))

#: Words that stand for a person already named or not named, never a name themselves: the
#: personal, possessive, relative and demonstrative pronouns, and the indefinite ones, which
#: have a capital only when they open a sentence ("Several senators said", "Another said").
PRONOUNS = frozenset(
    "I We You He She It They Me Us Him Her Them His Hers Its Their Theirs Our Ours My Mine "
    "Your Yours Who Whom This That These Those Some Many Most Others One All Another Any "
    "Anybody Anyone Both Each Either Every Everybody Everyone Few Neither Nobody None Other "
    "Several Somebody Someone".split()
)
#: Titles and honorifics written before a name ("Sen.", "President"): not the name itself.
TITLES = frozenset(
    "Mr Mrs Ms Miss Dr Sen Senator Rep Representative Gov Governor President Vice Secretary "
    "Gen General Adm Col Lt Capt Sgt Judge Justice Mayor Speaker Chairman Chairwoman Prof "
    "Professor Rev Sir Lord Lady Former The A An Republican Democrat Democratic Candidate".split()
)
SPEECH_PHRASES = ("according to",)
#: The speech verb forms of the ``named`` figure (see :func:`speech_forms`).
SPEECH_VERBS_FILE = Path(__file__).resolve().parent / "data" / "polnear-speech-verbs.txt"
_PAIRED = re.compile(r"“[^“”]*”|``.*?''|''.*?''|\"[^\"]*\"", re.S)
_PARENTHESES = re.compile(r"\([^()]*\)")
_METHODS = ("framing", "quotes-only", "verb-sentence")

_DOUBLE_MARK = re.compile("''|``|[\u201c\u201d\u201e\u00ab\u00bb\"]")
_OPENING_MARKS = ("\u201c", "\u201e", "\u00ab", "``")
_CLOSING_MARKS = ("\u201d", "\u00bb")
#: What ends a word, besides letters and digits: a mark after one of them is glued to the word.
_WORD_END = ".,;:!?\u2026%)]}'\u2019"
_SINGLE_OPEN = re.compile("(?:^|(?<=[\\s(\\[\u2014\u2013\"\u201c]))['\u2018](?=\\w)")
_SINGLE_CLOSE = re.compile("(?<=[\\w.,!?\u2026])['\u2019](?=$|[\\s.,;:!?)\\]\u2014\u2013\"\u201d])")
_TURN = re.compile(
    "([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2})(?::| [\u2014\u2013-]) +(?=\\S)"
)
#: Labels in capitals before a colon that name no speaker.
_NOT_SPEAKERS = frozenset(
    "UPDATE UPDATED CORRECTION CLARIFICATION EDITOR'S NOTE BREAKING WATCH READ MORE PHOTOS "
    "PHOTO VIDEO EMAIL PREVIOUSLY RELATED SOURCE ALSO SEE LISTEN".split()
)
_LINE = re.compile(r"[^\n]+")


def paired_quotes(text: str) -> list[tuple[int, int]]:
    r"""Return the spans of a paragraph's quotations by the benchmark's first reference (marks
    included): marks of one type paired within the paragraph.

    >>> text = 'He said “we won” and \'\'yes\'\' and "no".'
    >>> [text[s:e] for s, e in paired_quotes(text)]
    ['“we won”', "''yes''", '"no"']
    """
    return [match.span() for match in _PAIRED.finditer(text)]


def _opens(mark: str, text: str, position: int, is_open: bool) -> bool:
    """Return whether a double mark opens a quotation (else it closes one); see the module's
    docstring."""
    before = text[position - 1] if position else " "
    after = text[position + len(mark) : position + len(mark) + 1] or " "
    glued = before.isalnum() or before in _WORD_END  # to the end of a word
    if mark in _OPENING_MARKS:
        return not (is_open and glued and mark == "\u201c")  # “ typed for ”, or „…“
    if mark in _CLOSING_MARKS:
        return not is_open and not glued and not after.isspace()  # ” typed for “
    if is_open:
        return not glued and not after.isspace()
    return not (glued and after.isspace())


def _starts_with_opening(text: str) -> bool:
    stripped = text.lstrip()
    match = _DOUBLE_MARK.match(stripped)
    return match is not None and _opens(match.group(), stripped, 0, False)


def _single_quotes(line: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    def outside(position: int) -> bool:
        return not any(a <= position < b for a, b in taken)

    openers = [m.start() for m in _SINGLE_OPEN.finditer(line) if outside(m.start())]
    closers = [m.start() for m in _SINGLE_CLOSE.finditer(line) if outside(m.start())]
    found = []
    for number, opener in enumerate(openers):
        if found and opener < found[-1][1]:
            continue
        following = openers[number + 1] if number + 1 < len(openers) else len(line)
        close = next((c for c in closers if opener + 1 < c < following), None)
        if close is not None and any(len(w.group()) > 1 for w in WORD.finditer(line[opener:close])):
            found.append((opener, close + 1))
    return found


def _turns(lines: Sequence[str]) -> list[tuple[int, int] | None]:
    """Return the span of each line's transcript turn, or None (see the module's docstring)."""
    matches = [_TURN.match(line) for line in lines]
    speakers = [
        m.group(1)
        if m and not set(m.group(1).split()) & _NOT_SPEAKERS and not is_archive_metadata(line)
        else None
        for m, line in zip(matches, lines, strict=True)
    ]
    named = [speaker for speaker in speakers if speaker]
    if len(named) < 2 or len(set(named)) < 2:
        return [None] * len(lines)
    return [
        (m.end(), len(line.rstrip())) if m and speaker else None
        for m, speaker, line in zip(matches, speakers, lines, strict=True)
    ]


def reference_quotations(
    paragraphs: Sequence[str], *, nested: bool = True
) -> list[list[tuple[int, int]]]:
    r"""Return the spans of each paragraph's reference quotations (the module's docstring says
    what they are), in paragraph offsets, marks included; ``nested=False`` gives the reading of
    ``--reference flat``, without quotations inside quotations.

    >>> texts = ['He said: “We stay.', '“We win.” And "no” and ‘ok’.', 'A „Satz“, “a“ and x.']
    >>> [[text[a:b] for a, b in spans] for text, spans in zip(texts, reference_quotations(texts))]
    [['“We stay.'], ['“We win.”', '"no”', '‘ok’'], ['„Satz“', '“a“']]
    >>> reference_quotations(['ISIS’ control of the ’90s, "who’s', 'Yes.'])
    [[], []]
    >>> text = '“A “B” C.” and “D “E” F.'
    >>> [[text[a:b] for a, b in spans] for spans in reference_quotations([text])]
    [['“A “B” C.”', '“B”', '“E”']]
    >>> [[text[a:b] for a, b in spans] for spans in reference_quotations([text], nested=False)]
    [['“B”', '“E”']]
    """
    turns = _turns([m.group() for text in paragraphs for m in _LINE.finditer(text)])
    found: list[list[tuple[int, int]]] = []
    for number, text in enumerate(paragraphs):
        spans = []
        opened: list[int] = []  # where the open quotations start, the innermost last
        for match in _DOUBLE_MARK.finditer(text):
            position = match.start()
            if not _opens(match.group(), text, position, bool(opened)):
                if opened:
                    spans.append((opened.pop(), match.end()))
                continue
            line_start = text.rfind("\n", 0, position) + 1
            if opened and opened[0] < line_start and not text[line_start:position].strip():
                # a line that opens again: the open quotation ran to the end of the line before
                spans.append((opened[0], len(text[: line_start - 1].rstrip())))
                opened = []
            if not nested:
                opened = []
            opened.append(position)
        open_at = opened[0] if opened else None
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else ""
        if open_at is not None and _starts_with_opening(following):
            spans.append((open_at, len(text)))
        for line in _LINE.finditer(text):
            taken = [(a - line.start(), b - line.start()) for a, b in spans]
            spans += [
                (line.start() + a, line.start() + b) for a, b in _single_quotes(line.group(), taken)
            ]
            turn = turns.pop(0)
            if turn is not None:
                spans.append((line.start() + turn[0], line.start() + turn[1]))
        found.append(sorted(spans))
    return found


def inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Return whether the word at ``start:end`` has its first and last character in ``spans``.

    >>> inside(3, 6, [(0, 4), (4, 10)]), inside(3, 6, [(0, 5)])
    (True, False)
    """
    spans = list(spans)
    return any(a <= start < b for a, b in spans) and any(a <= end - 1 < b for a, b in spans)


def name_words(text: str) -> list[str]:
    """Return the name words of a source text: capitalised, not a pronoun nor a title, and not
    inside parentheses (a party and state such as "(R-S.C.)").

    >>> name_words("Sen. Lindsey Graham (R-S.C.)'s office")
    ['Lindsey', 'Graham']
    >>> name_words("he"), name_words("Police")
    ([], ['Police'])
    """
    found = []
    for match in WORD.finditer(_PARENTHESES.sub(" ", text)):
        word = re.sub(r"['’]s$", "", match.group()).rstrip(".")
        if _is_name_word(word):
            found.append(word)
    return found


def last_word_key(text: str) -> str | None:
    """Return the first definition of a source's key: the span's last name word, or None.

    >>> last_word_key("Leonard E. Burman, director of the Tax Policy Center")
    'Center'
    """
    words = name_words(text)
    return words[-1] if words else None


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() and word not in PRONOUNS and word not in TITLES


def source_key(text: str) -> str | None:
    """Return the key of a source span: the last name word of its first name, or None when it
    has no name word.

    The first name is the run of capitalised words (titles among them) from the span's first
    name word up to a word in lower case or any punctuation but a point.

    >>> source_key("Sen. Lindsey Graham"), source_key("he"), source_key("Mr. Schultz")
    ('Graham', None, 'Schultz')
    >>> source_key("Leonard E. Burman, director of the Tax Policy Center")
    'Burman'
    >>> source_key("CBC Chairman G.K. Butterfield of North Carolina")
    'Butterfield'
    >>> source_key("a New York Times/CBS News survey"), source_key("the F.B.I. director")
    ('Times', 'F.B.I')
    """
    text = _PARENTHESES.sub(" ", text)
    key = None
    previous_end = None
    for match in WORD.finditer(text):
        word = re.sub(r"['’]s$", "", match.group()).rstrip(".")
        if key is not None:
            gap = text[previous_end : match.start()]
            if not word[:1].isupper() or gap.strip(" .\u00a0\n"):
                break
        previous_end = match.end()
        if _is_name_word(word):
            key = word
        elif key is None:
            previous_end = None
    return key


_APPOSITION = re.compile(r"\s*[,;:]\s*|\s+-{1,2}\s+|\s*[\u2013\u2014]\s*")
#: Words that end a source's first noun phrase ("spokesman *for* the Department", "Graham
#: *of* South Carolina", "Democrats *who* ...", "Sen. X *and* Rep. Y"), and a participle in
#: lower case after its first word ("a CBS poll *released* Monday").
_PHRASE_END = re.compile(
    r"\s(?:of|for|from|at|in|on|with|to|by|as|about|among|after|before|during|under|over|near"
    r"|like|including|who|whose|which|that|and|or|but)\b|(?<=\S)\s[a-z]+(?:ed|ing)\b"
)


def _phrase_head(phrase: str) -> str | None:
    """Return the last word of a noun phrase's words before its first post-modifier when it is
    a name word (not a possessive: "Trump's" is the head of nothing), else None."""
    phrase = _PHRASE_END.split(" " + phrase, maxsplit=1)[0].strip()
    words = list(WORD.finditer(phrase))
    if not words or re.search(r"['\u2019]s?$", phrase):
        return None
    word = words[-1].group().rstrip(".")
    return word if _is_name_word(word) else None


def head_key(text: str) -> str | None:
    """Return the key of a source span: the name at the head of its first noun phrase, else the
    name of an appositive that follows a common-noun head, else :func:`source_key`.

    English noun phrases are right-headed: in "Trump campaign spokeswoman Hope Hicks" the one
    who speaks is Hicks, "Trump" modifies "spokeswoman". A head that is a common noun ("the
    White House spokesman, Josh Earnest,") names its speaker in the appositive after it.

    >>> head_key("Trump campaign spokeswoman Hope Hicks"), head_key("Sen. Lindsey Graham (R-S.C.)")
    ('Hicks', 'Graham')
    >>> head_key("the White House spokesman, Josh Earnest,"), head_key("Flynn, a top Trump aide")
    ('Earnest', 'Flynn')
    >>> head_key("CBC Chairman G.K. Butterfield of North Carolina")
    'Butterfield'
    >>> head_key("A spokesman for the Jupiter Police Department"), head_key("he")
    ('Department', None)
    >>> head_key("a CBS poll released Monday"), head_key("Rubio's")
    ('CBS', 'Rubio')
    """
    text = _PARENTHESES.sub(" ", text)
    phrases = [phrase for phrase in _APPOSITION.split(text.strip()) if WORD.search(phrase)]
    if not phrases:
        return None
    head = _phrase_head(phrases[0])
    if head is None and len(phrases) > 1:
        first = WORD.search(phrases[1])
        if first is not None and _is_name_word(first.group().rstrip(".")):
            head = _phrase_head(phrases[1])
    return head if head is not None else source_key(text)


def found_among(key: str, source: str, names: Iterable[str]) -> bool:
    """Return whether a source's ``key`` is found among the source ``names`` a method reports:
    a word of one of them, or inside a name of the bundled sources list, as written in the
    annotated span, that one of them is the canonical name of ("The AP said" is found by
    "Associated Press", "The Islamic State" by "ISIS"; a span's modifier is not: "Pentagon
    spokesman Jeff Davis" is not found by "Department of Defense").

    >>> found_among("AP", "The AP", ["Associated Press"]), found_among("AP", "AP", ["CNN"])
    (True, False)
    >>> found_among("Davis", "Pentagon spokesman Jeff Davis", ["Department of Defense"])
    False

    A key has no final point (:func:`source_key`), nor has a reported word here: "the F.B.I."
    is found by "F.B.I.".

    >>> found_among("F.B.I", "the F.B.I.", ["F.B.I."])
    True
    """
    names = list(names)
    if any(word.group().rstrip(".") == key for name in names for word in WORD.finditer(name)):
        return True
    aliases = _aliases()
    for name in names:
        for alias in aliases.get(name, ()):
            for match in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", source):
                if any(w.group().rstrip(".") == key for w in WORD.finditer(match.group())):
                    return True
    return False


@cache
def _aliases() -> dict[str, tuple[str, ...]]:
    """Return each canonical name of the bundled sources list with its aliases."""
    return {entry.name: (entry.name, *entry.aliases) for entry in load_sources().entries}


def speech_forms() -> frozenset[str]:
    """Return the lower-case speech verb forms of the ``named`` figure, read from
    :data:`SPEECH_VERBS_FILE`: fixed, so that the annotated attributions it counts do not change
    when verbs are added to the package's list."""
    lines = SPEECH_VERBS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def is_speech_cue(cue: str, forms: frozenset[str]) -> bool:
    """Return whether a cue holds a speech verb form or "according to".

    >>> forms = frozenset({"said", "told"})
    >>> is_speech_cue("told reporters", forms), is_speech_cue("believes", forms)
    (True, False)
    >>> is_speech_cue("According to", forms)
    True
    """
    lowered = cue.lower()
    if any(phrase in lowered for phrase in SPEECH_PHRASES):
        return True
    return any(match.group() in forms for match in WORD.finditer(lowered))


@dataclass
class Counts:
    """Running counts of one method on one group of articles."""

    aoq_tp: int = 0
    aoq_fp: int = 0
    aoq_fn: int = 0
    quoted_tp: int = 0
    quoted_fp: int = 0
    quoted_fn: int = 0
    named_found: int = 0
    named_total: int = 0
    reported: int = 0
    confirmed: int = 0
    pronoun_total: int = 0
    pronoun_resolved: int = 0
    pronoun_confirmed: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Return precision, recall and F1 (0 where undefined).

    >>> prf(3, 1, 1)
    (0.75, 0.75, 0.75)
    >>> prf(0, 0, 0)
    (0.0, 0.0, 0.0)
    """
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(frozen=True)
class Gold:
    """The annotators' attributions of one article, in article offsets."""

    content: tuple[tuple[int, int], ...]
    #: (cue start, source text, cue text) per attribution
    attributions: tuple[tuple[int, str, str], ...] = field(default=())


@dataclass(frozen=True)
class Prediction:
    """One method's answer for one paragraph: each word's voice, the source names, and the
    attributions whose source is "he" or "she": (verb start in the paragraph, resolved name or
    "" when unresolved)."""

    voices: tuple[str, ...]
    sources: tuple[str, ...]
    pronouns: tuple[tuple[int, str], ...] = ()


def score_article(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    predictions: Sequence[Prediction],
    gold: Gold,
    forms: frozenset[str],
    key: Callable[[str], str | None] = head_key,
    reference: Sequence[Sequence[tuple[int, int]]] | None = None,
) -> Counts:
    """Return the counts of one method on one article (see the module's definitions); ``key``
    gives a source span's key (:func:`source_key`, or :func:`last_word_key`), ``reference``
    each paragraph's reference quotations (default: :func:`reference_quotations`)."""
    counts = Counts()
    bounds = list(paragraphs)
    if reference is None:
        reference = reference_quotations([text[start:end] for start, end in bounds])
    article_names = {word for _, source, _ in gold.attributions for word in name_words(source)}
    for (start, end), prediction, spans in zip(bounds, predictions, reference, strict=True):
        paragraph = text[start:end]
        quotes = [(start + a, start + b) for a, b in spans]
        words = [(start + m.start(), start + m.end()) for m in WORD.finditer(paragraph)]
        if len(words) != len(prediction.voices):
            raise ValueError("a prediction needs one voice per word of its paragraph")
        for (a, b), voice in zip(words, prediction.voices, strict=True):
            gold_aoq = inside(a, b, gold.content)
            gold_quoted = gold_aoq and inside(a, b, quotes)
            detected_aoq = voice in ("attributed", "quoted")
            detected_quoted = voice == "quoted"
            counts.aoq_tp += gold_aoq and detected_aoq
            counts.aoq_fp += detected_aoq and not gold_aoq
            counts.aoq_fn += gold_aoq and not detected_aoq
            counts.quoted_tp += gold_quoted and detected_quoted
            counts.quoted_fp += detected_quoted and not gold_quoted
            counts.quoted_fn += gold_quoted and not detected_quoted
        here = [item for item in gold.attributions if start <= item[0] < end]
        for _, source, cue in here:
            found = key(source)
            if found is None or not is_speech_cue(cue, forms):
                continue
            counts.named_total += 1
            counts.named_found += found_among(found, source, prediction.sources)
        for cue_start, source, cue in here:
            if source.strip().lower() not in ("he", "she") or not is_speech_cue(cue, forms):
                continue
            counts.pronoun_total += 1
            name = next((n for at, n in prediction.pronouns if at == cue_start - start), "")
            counts.pronoun_resolved += bool(name)
            counts.pronoun_confirmed += bool(name) and any(
                word.group() in article_names for word in WORD.finditer(name)
            )
        gold_words = {word.group() for _, source, _ in here for word in WORD.finditer(source)}
        if any(source.strip().lower() in ("he", "she") for _, source, _ in here):
            gold_words |= article_names  # "he said": its antecedent can be any of them
        for name in prediction.sources:
            counts.reported += 1
            counts.confirmed += any(w.group() in gold_words for w in WORD.finditer(name))
    return counts


def predict_framing(
    paragraph_texts: Sequence[str], *, detected: str = "content"
) -> list[Prediction]:
    """Return the rule-based detector's prediction for each paragraph of one article; with
    ``detected="content"`` the words of its attributions' source-and-verb spans are not
    attributed (see the module's ``aoq``)."""
    predictions = []
    for paragraph, voice in zip(paragraph_texts, detect_voices(paragraph_texts), strict=True):
        segments = voice.segments
        tags = [(a.start, a.end) for a in voice.attributions] if detected == "content" else []
        labels = []
        for match in WORD.finditer(paragraph):
            covering = next((s.voice for s in segments if s.start <= match.start() < s.end), "own")
            if covering == "attributed" and any(a <= match.start() < b for a, b in tags):
                covering = "own"
            labels.append(covering)
        pronouns = tuple(
            (a.verb_start, a.sources[0].name if a.sources else "")
            for a in voice.attributions
            if a.source_text.lower() in ("he", "she")
        )
        predictions.append(
            Prediction(tuple(labels), tuple(s.name for s in voice.sources), pronouns)
        )
    return predictions


def predict_quotes_only(
    paragraph_texts: Sequence[str], reference: Sequence[Sequence[tuple[int, int]]] | None = None
) -> list[Prediction]:
    """Return the quotation-marks-only baseline: words inside reference quotations are quoted
    (``reference``: each paragraph's, default :func:`reference_quotations`).

    >>> predict_quotes_only(['He said “we won” today.'])[0].voices
    ('own', 'own', 'quoted', 'quoted', 'own')
    """
    if reference is None:
        reference = reference_quotations(paragraph_texts)
    predictions = []
    for paragraph, quotes in zip(paragraph_texts, reference, strict=True):
        labels = tuple(
            "quoted" if inside(m.start(), m.end(), quotes) else "own"
            for m in WORD.finditer(paragraph)
        )
        predictions.append(Prediction(labels, ()))
    return predictions


def predict_verb_sentence(
    paragraph_texts: Sequence[str], forms: frozenset[str]
) -> list[Prediction]:
    """Return the baseline that attributes every sentence holding a reporting verb.

    >>> p = predict_verb_sentence(["ISIS lost. Officials in Iraq said so."], frozenset({"said"}))
    >>> p[0].voices, p[0].sources
    (('own', 'own', 'attributed', 'attributed', 'attributed', 'attributed', 'attributed'), \
('Iraq',))
    """
    predictions = []
    for paragraph in paragraph_texts:
        attributed = [
            (a, b) for a, b in split_sentences(paragraph) if is_speech_cue(paragraph[a:b], forms)
        ]
        labels = tuple(
            "attributed" if inside(m.start(), m.end(), attributed) else "own"
            for m in WORD.finditer(paragraph)
        )
        names: list[str] = []
        for a, b in attributed:
            for word in name_words(paragraph[a:b])[0 if paragraph[a].islower() else 1 :]:
                if word not in names and not paragraph[a:b].startswith(word):
                    names.append(word)
        predictions.append(Prediction(labels, tuple(names)))
    return predictions


def gold_of(attributions) -> dict[str, Gold]:
    """Return each article's gold attributions from ``load_polnear_attributions``'s table."""
    gold: dict[str, Gold] = {}
    for doc_id, rows in attributions.groupby("doc_id", sort=True):
        content = tuple(piece for spans in rows["content_spans"] for piece in spans)
        items = tuple(
            (int(start), source, cue)
            for start, source, cue in zip(
                rows["cue_start"], rows["source_text"], rows["cue_text"], strict=True
            )
            if start is not None and str(start) != "<NA>"
        )
        gold[doc_id] = Gold(content, items)
    return gold


KEYS = {"head": head_key, "first-name": source_key, "last-word": last_word_key}
#: The reference quotations of an article's paragraphs, by name (``--reference``).
REFERENCES: dict[str, Callable[[Sequence[str]], list[list[tuple[int, int]]]]] = {
    "typographic": reference_quotations,
    "flat": lambda paragraphs: reference_quotations(paragraphs, nested=False),
    "paired": lambda paragraphs: [paired_quotes(text) for text in paragraphs],
}


DETECTED = ("content", "coverage")


def run(
    data_dir: Path,
    *,
    key: str = "head",
    reference: str = "typographic",
    detected: str = "content",
) -> dict[str, dict[str, Counts]]:
    """Return the counts of every method, for ``all`` and for each publisher (``key``: one of
    :data:`KEYS`; ``reference``: one of :data:`REFERENCES`; ``detected``: one of
    :data:`DETECTED`, what the detector's attributed words are)."""
    articles = load_polnear("train", data_dir=data_dir)
    gold = gold_of(load_polnear_attributions("train", data_dir=data_dir))
    forms = speech_forms()
    segmenter = BlankLineSegmenter()
    results: dict[str, dict[str, Counts]] = {method: {} for method in _METHODS}
    for doc_id, text, publisher in zip(
        articles["doc_id"], articles["text"], articles["publisher"], strict=True
    ):
        paragraphs = segmenter.split(text)
        paragraph_texts = [text[a:b] for a, b in paragraphs]
        article_gold = gold.get(doc_id, Gold(()))
        quotations = REFERENCES[reference](paragraph_texts)
        answers = {
            "framing": predict_framing(paragraph_texts, detected=detected),
            "quotes-only": predict_quotes_only(paragraph_texts, quotations),
            "verb-sentence": predict_verb_sentence(paragraph_texts, forms),
        }
        for method, predictions in answers.items():
            counts = score_article(
                text,
                paragraphs,
                predictions,
                article_gold,
                forms,
                key=KEYS[key],
                reference=quotations,
            )
            for group in ("all", str(publisher)):
                results[method].setdefault(group, Counts()).add(counts)
    return results


def table(results: dict[str, dict[str, Counts]]) -> str:
    """Return the printed table of the figures."""
    header = (
        f"{'method':<14}{'publisher':<18}{'aoq P':>7}{'R':>7}{'F1':>7}"
        f"{'quoted P':>10}{'R':>7}{'F1':>7}{'named':>8}{'found/total':>14}{'spk P':>7}"
    )
    lines = [header]
    for method in _METHODS:
        groups = results[method]
        for group in ["all", *sorted(name for name in groups if name != "all")]:
            c = groups[group]
            aoq = prf(c.aoq_tp, c.aoq_fp, c.aoq_fn)
            quoted = prf(c.quoted_tp, c.quoted_fp, c.quoted_fn)
            named = c.named_found / c.named_total if c.named_total else 0.0
            speaker = f"{c.confirmed / c.reported:7.3f}" if c.reported else f"{'-':>7}"
            lines.append(
                f"{method:<14}{group:<18}{aoq[0]:7.3f}{aoq[1]:7.3f}{aoq[2]:7.3f}"
                f"{quoted[0]:10.3f}{quoted[1]:7.3f}{quoted[2]:7.3f}{named:8.3f}"
                f"{f'{c.named_found}/{c.named_total}':>14}{speaker}"
            )
    return "\n".join(lines)


def pronoun_line(counts: Counts) -> str:
    """Return the printed line on pronoun sources ("he said"): how many of the annotators'
    attributions with a speech verb and the source "he" or "she" the detector resolves to a
    name (its attribution's verb starts where the annotators' cue does), and how many of those
    names share a word with a named source the annotators mark somewhere in the article."""
    resolved, total = counts.pronoun_resolved, counts.pronoun_total
    confirmed = counts.pronoun_confirmed
    return (
        f"pronouns: {resolved}/{total} he/she sources resolved to a name "
        f"({resolved / total if total else 0:.3f}); {confirmed}/{resolved} of those a source "
        f"the annotators name in the article ({confirmed / resolved if resolved else 0:.3f})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--key", choices=sorted(KEYS), default="head", help="a named source's key")
    parser.add_argument(
        "--reference",
        choices=sorted(REFERENCES),
        default="typographic",
        help="the reference quotations of the quoted figure",
    )
    parser.add_argument(
        "--detected",
        choices=DETECTED,
        default="content",
        help="the detector's attributed words: without its source-and-verb spans (content), "
        "or every word of its attributed segments (coverage)",
    )
    args = parser.parse_args(argv)
    results = run(args.data_dir, key=args.key, reference=args.reference, detected=args.detected)
    print("PolNeAR train: words attributed-or-quoted (aoq), quoted words, named sources")
    print(table(results))
    print(pronoun_line(results["framing"]["all"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
