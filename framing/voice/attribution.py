"""Attribution: the rules that find who a sentence says is speaking, and what text that covers.

A sentence attributes what it says when a reporting verb or "according to" has a source:

- "According to CBS News, ..." and "..., according to NPR’s Tom Bowman" (:func:`according_to`);
- "NBC News reported that ...", "Officials insisted ...", "he said" (:func:`reported`, with the
  subject before the verb, :func:`subject_before`);
- "“...,” said Sen. Joe Manchin" and "..., CENTCOM said, ..." (:func:`reported`, with the
  source after the verb, :func:`_inverted_subject`);
- "Flynn, a top Trump surrogate, said" and "Dov Hikind, who alleged that ..., said" (an
  appositive or a relative clause between the subject and its verb,
  :func:`appositive_subject`; the antecedent of "who", in :func:`subject_before`);
- "Rubio pushed back, saying that ..." (a participle takes the sentence's subject,
  :func:`participle_subject`), and so does a verb joined by "and" or "but" ("Clinton disputed
  it, but says ...", :func:`coordinated_subject`);
- "Trump believes that ..." (a belief, intent or feeling: verbs of kind ``belief``).

A verb whose subject no rule finds still attributes its clause, without a source
(:func:`unsourced`): "At the time, many of them said ...", and with a clause after it
(:func:`_clause_follows`) "Six in 10 say he's decisive", "..., warning that ...", "went on to
say that ...".

Each rule is a function below, with the pattern it handles in its docstring. "According to X"
at the head of a sentence also covers the sentences after it in its paragraph, up to the next
one that has a quotation or an attribution of its own; a reporting verb covers its own
sentence (:func:`cover`), up to its source and verb when its content stands before them
(:func:`content_before`); a quotation's speaker is the attribution nearest to it
(:func:`link_quotes`).

>>> from framing.voice.sources import load_sources
>>> from framing.voice.tokens import sentences
>>> from framing.voice.verbs import VerbFinder, load_reporting_verbs
>>> text = "According to NBC News, the city fell. Fighters hid."
>>> reading = ArticleReading([text], [sentences(text)], load_sources(),
...                          VerbFinder(load_reporting_verbs()))
>>> [tag] = find_tags(text, [], reading.sentences[0], reading.verbs.positions(text), reading)
>>> tag.verb, tag.sources, tag.leading
('according to', (Source(name='NBC News', kind='outlet'),), True)
>>> [(a.covers_start, a.covers_end) for a in cover([tag], [], reading.sentences[0], text)]
[(0, 51)]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from framing.voice.model import (
    FOUND_KINDS,
    SOURCE_KINDS,
    Attribution,
    Quote,
    Source,
)
from framing.voice.names import (
    CONNECTORS,
    NAME_SUFFIXES,
    NOT_NAMES,
    ROLE_PHRASE_WORDS,
    ROLES,
    collect_names,
    is_abbreviation,
    is_name_word,
    is_premodifier,
    name_sources,
    names_inside_sentences,
    role_phrase_end,
)
from framing.voice.quotes import QUOTE_CHARS
from framing.voice.sources import SourceList, load_unnamed_cues, unnamed_source
from framing.voice.surnames import resolve, titled_people_of
from framing.voice.tokens import WORD_RUN, Token, sentences, tokens
from framing.voice.verbs import ReportingVerb, VerbFinder, normal_form

__all__ = [
    "ArticleReading",
    "Tag",
    "find_tags",
    "according_to",
    "reported",
    "subject_before",
    "appositive_subject",
    "dash_appositive_subject",
    "parenthesis_comma_subject",
    "share_subject",
    "issuer_subject",
    "participle_subject",
    "coordinated_subject",
    "forward_source",
    "unnamed_phrase",
    "resolve_tag",
    "resolve_pronouns",
    "unsourced",
    "content_side",
    "content_before",
    "cover",
    "link_quotes",
]

# --- words the rules read ------------------------------------------------------------------------

#: Pronouns that can be the subject of a reporting verb: an attribution without a named source.
PRONOUNS = frozenset("he she they it we i you who".split())

#: Relative pronouns whose antecedent, a name before a comma, is the source ("Dov Hikind, who
#: alleged that ...").
RELATIVE_PRONOUNS = frozenset(["who"])

#: Head nouns of a source that is not named ("officials said", "the report states"), with
#: their kinds: ``framing/data/source_kinds.tsv``.
GENERIC_SOURCES = frozenset(load_unnamed_cues())

#: Words that open a phrase naming an unnamed source and are part of it ("many voters", "two
#: officials"), besides the determiners.
QUANTIFIERS = frozenset(
    """some many most several few both all other another one two three four five six seven
    eight nine ten dozens hundreds thousands numerous various any each every""".split()
)

#: Words that cannot stand inside such a phrase: prepositions, conjunctions and
#: complementisers ("... said that officials ...", "in Iraq officials ...").
PHRASE_BREAKS = frozenset(
    """of in on at for to with by from about into over after before since during under than
    as that which who whom whose when where while because if but or so nor not""".split()
)

#: The most words an unnamed source's phrase holds before its head noun ("Federal and state
#: officials", "a top GOP strategist", "a just-released poll"): longer ones are mostly a clause.
PHRASE_WORDS = 4

#: Words that can stand between a subject and its reporting verb ("NPR also reported";
#: "however", "Carter however said", added later: on PolNeAR train, with and without it,
#: named sources of a speech verb found 5,460 -> 5,461 of 6,018).
FILLERS = frozenset(
    """also has have had previously earlier later recently first then again once further
    separately reportedly initially originally publicly repeatedly now just already often
    frequently has would will could did does do since last this week month year night morning
    afternoon evening today yesterday however""".split()
)

#: Days, which can also stand between a subject and its verb ("Smith on Monday said").
DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())

#: Words right before a reporting verb that make it something other than an attribution
#: ("refused to say", "was told", "did not say").
BLOCKERS = frozenset("to was were is are be been being not n't never".split())

#: Sentence openers that leave an attribution at the head of its sentence.
OPENERS = frozenset("but and also so now meanwhile however still yet separately then".split())

#: Words between a generic source and a named one ("a statement from the Pentagon").
GENERIC_LINKS = frozenset("from by of at for with in".split())

DETERMINERS = frozenset("the a an".split())

#: Possessive determiners, which open a generic subject as "the" does ("Her campaign manager,
#: Robby Mook, suggested", "His spokesman said"): the subject still opens its clause. On
#: PolNeAR train, with and without them, the other rules in place
#: (``benchmarks/polnear_voice.py``): named sources of a speech verb found 5,206 -> 5,209 of
#: 6,044, speaker precision 0.873 both ways.
POSSESSIVE_DETERMINERS = frozenset("his her their its our".split())

#: A source named after "according to" that the rules cannot name is the words up to the next
#: punctuation, at most this many ("according to estimates").
UNNAMED_SOURCE_WORDS = 8


# --- one call's reading of an article ------------------------------------------------------------


@dataclass(slots=True)
class ArticleReading:
    """What the rules know of the article being read: made for one call of a detector and
    never shared, so that two threads reading two articles do not mix them up.

    ``sentences`` are each paragraph's sentence spans, or ``None`` for a paragraph that was not
    split (it has no reporting verb).
    """

    paragraphs: Sequence[str]
    sentences: Sequence[list[tuple[int, int]] | None]
    sources: SourceList
    verbs: VerbFinder
    _names: frozenset[str] | None = None

    def names_inside_sentences(self) -> frozenset[str]:
        """Return the words the article writes with a capital inside a sentence (read once,
        when a rule first asks: most articles never need them)."""
        if self._names is None:
            all_sentences = [
                sentences(text) if spans is None else spans
                for text, spans in zip(self.paragraphs, self.sentences, strict=True)
            ]
            self._names = names_inside_sentences(self.paragraphs, all_sentences)
        return self._names

    def writes_inside_sentences(self, word: str) -> bool:
        """Return whether ``word`` is among :meth:`names_inside_sentences`, reading the
        paragraphs that hold it one by one up to the first that writes it so: a word read off
        a paragraph is part of its text, so the others cannot give it (a rule asks about one
        word, and an article has dozens of paragraphs). tests/test_voice.py checks it against
        the whole set on every real article."""
        if self._names is not None:
            return word in self._names
        for text, spans in zip(self.paragraphs, self.sentences, strict=True):
            if word in text:
                spans = sentences(text) if spans is None else spans
                if word in names_inside_sentences([text], [spans]):
                    return True
        return False


class Tag(NamedTuple):
    """An attribution found in a sentence, before the span it covers is known.

    A named tuple, as :class:`~framing.voice.tokens.Token` is: the rules make one for each
    reporting verb of a corpus, and a tuple is made in a fifth of the time of a frozen
    dataclass, which sets each of its twelve fields through ``object.__setattr__``."""

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


# --- finding the attributions of a paragraph -----------------------------------------------------


def find_tags(
    text: str,
    quotes: Sequence[Quote],
    spans: Sequence[tuple[int, int]],
    positions: Sequence[int],
    reading: ArticleReading,
) -> list[Tag]:
    """Return the attributions of a paragraph: each reporting verb or "according to" outside
    its quotations whose rule finds a source. ``spans`` are its sentences, ``positions`` where a
    verb can start (:meth:`VerbFinder.positions`)."""
    tags = []
    for number, (start, end) in enumerate(spans):
        for match in reading.verbs.matches(text, start, end, positions):
            if quotes and any(q.start <= match.start() < q.end for q in quotes):
                continue  # a verb inside a quotation is the speaker's, not an attribution
            if tags and tags[-1].sentence == number and match.start() < tags[-1].end:
                continue  # "according to a new report": a word of the source, no verb
            if match.group()[0] in "Aa" and match.group().lower().startswith("according"):
                tag = according_to(text, match, start, end, number, reading)
            else:
                tag = reported(text, match, start, end, number, reading)
            if tag is not None:
                tags.append(tag)
    return tags


def according_to(
    text: str, match: re.Match[str], start: int, end: int, number: int, reading: ArticleReading
) -> Tag:
    """Return the attribution of "according to" in the sentence ``text[start:end]``.

    "According to CBS News, ..." leads its sentence (and can cover the next ones); "..., according
    to NPR’s Tom Bowman" covers its sentence only. The source is the names after it
    (:func:`forward_source`), or else the words up to the next punctuation ("according to
    estimates")."""
    after = tokens(text, match.end(), end)
    leading = _opens_sentence(tokens(text, start, match.start()))
    sources, source_end = forward_source(after, reading.sources)
    if source_end is None:
        source_end = _unnamed_source_end(after, match.end())
        sources = _names_in_phrase(after, source_end, reading.sources)
    source_start = after[0].start if after and source_end > match.end() else match.end()
    return Tag(
        match.start(),
        source_end,
        "according to",
        "according to",
        reading.verbs.according_to_kind,
        match.start(),
        match.end(),
        source_start,
        source_end,
        tuple(sources),
        leading,
        number,
    )


def _opens_sentence(head: list[Token]) -> bool:
    """Return whether only openers and commas stand before "according to" ("But, according to
    ...")."""
    return all(t.lower in OPENERS or t.text == "," for t in head)


def _unnamed_source_end(after: list[Token], default: int) -> int:
    """Return where an unnamed source after "according to" ends: its words up to the next
    punctuation, at most :data:`UNNAMED_SOURCE_WORDS` (``default`` when there is none)."""
    words = []
    for token in after[:UNNAMED_SOURCE_WORDS]:
        if not token.text[0].isalnum():
            break
        words.append(token)
    return words[-1].end if words else default


def _names_in_phrase(after: list[Token], end: int, known: SourceList) -> list[Source]:
    """Return the sources named after a link word inside the phrase that ends at ``end``
    after "according to", when no rule names its head: "according to a count by The
    Associated Press", "according to excerpts of his speech released by the White House",
    "according to an interview with The New York Times".

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train: named sources of a speech
    verb found 5,080 -> 5,092 of 6,044, speaker precision 0.873 both ways."""
    for index, token in enumerate(after):
        if token.start >= end:
            break
        if token.lower in GENERIC_LINKS and index + 1 < len(after):
            found, _ = forward_source(after[index + 1 :], known)
            if found:
                return found
    return []


def forward_source(after: list[Token], known: SourceList) -> tuple[list[Source], int | None]:
    """Return the sources named at the head of ``after`` and where their words end (``None``:
    no name there).

    Determiners are skipped ("the Pentagon"). A generic noun after the names, and after words
    that describe it (:func:`_generic_head`: "a new report", "new census data"), keeps only
    the known sources before it ("according to Pentagon officials"); a named source after the
    noun and a link word is the source ("according to a statement from the Pentagon"), and
    with neither the phrase is an unnamed source (:func:`unnamed_phrase`: "according to a new
    study", "said a Clinton campaign spokesman")."""
    index = 0
    after_the = False
    while index < len(after) and after[index].lower in DETERMINERS:
        after_the = after_the or after[index].lower == "the"
        index += 1
    rest = after[index:]
    groups = collect_names(rest, after_the)
    consumed = [t for group in groups for t in group.tokens]
    position = index + (rest.index(consumed[-1]) + 1 if consumed else 0)
    if not consumed:
        role = _role_ahead(after, index)
        if role is not None:  # "former Massachusetts congressman Barney Frank"
            groups = collect_names(after[role:])
            consumed = [t for group in groups for t in group.tokens]
            if consumed:
                return name_sources(groups, known), consumed[-1].end
        premodified = _premodified_name(after, index, known)
        # "said former South Carolina Gov. Jim Hodges", unless a generic noun ends the phrase
        if premodified is not None and _generic_head(after, index) is None:
            return premodified
    head = _generic_head(after, position)
    if head is not None:
        generic_end = after[head].end
        sources = [s for s in name_sources(groups, known) if s.kind in SOURCE_KINDS]
        link = _link_after(after, head)
        if link is not None:
            inner, inner_end = forward_source(after[link + 1 :], known)
            if inner:
                return sources + inner, inner_end
        if not sources:
            sources = unnamed_phrase(after[index : head + 1])
        return sources, generic_end
    if not consumed:
        return [], None
    return name_sources(groups, known), consumed[-1].end


#: The most words in lower case between a generic noun and the link word before a name
#: ("exit polls conducted for The Associated Press", "excerpts released by the White House").
LINKED_WORDS = 2


def _link_after(after: list[Token], head: int) -> int | None:
    """Return the index of the link word after the generic noun at ``head`` ("a statement
    from the Pentagon"), past at most :data:`LINKED_WORDS` words in lower case that describe
    the noun ("the exit poll conducted by Edison Research", "a count released by the AP"), or
    ``None``.

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train: named sources of a speech
    verb found 5,092 -> 5,109 of 6,044, speaker precision 0.873 both ways."""
    for index in range(head + 1, min(len(after), head + LINKED_WORDS + 2)):
        token = after[index]
        if token.lower in GENERIC_LINKS:
            return index
        if not token.text[0].islower() or token.lower in PHRASE_BREAKS:
            return None
    return None


def _premodified_name(
    after: list[Token], index: int, known: SourceList
) -> tuple[list[Source], int] | None:
    """Return the sources of a name that follows lowercase words describing it, and where the
    name ends: "said former South Carolina Gov. Jim Hodges", "said longtime GOP strategist
    ...", or ``None``. Up to :data:`PHRASE_WORDS` such words (no role, which
    :func:`_role_ahead` reads, and no generic noun, which makes the phrase an unnamed source),
    then a name. A quantifier ("said one frustrated Democrat") is no such word.

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train: the named sources of a
    speech verb found go from 4,961 to 4,982 of 6,044, speaker precision unchanged (0.873).
    """
    for start in range(index + 1, min(len(after), index + PHRASE_WORDS + 1)):
        word = after[start - 1]
        if (
            not word.text[0].isalpha()
            or word.cap
            or not _phrase_word(word)
            or word.lower in GENERIC_SOURCES
            or word.lower in ROLES
            or word.lower in QUANTIFIERS
        ):
            return None
        if is_name_word(after[start]) and after[start].text not in NOT_NAMES:
            groups = collect_names(after[start:])
            consumed = [t for group in groups for t in group.tokens]
            sources = name_sources(groups, known)
            return (sources, consumed[-1].end) if sources else None
    return None


def _role_ahead(after: list[Token], index: int) -> int | None:
    """Return the index of a role word that a name follows, after at most
    :data:`PHRASE_WORDS` words that describe it ("former Massachusetts congressman Barney
    Frank", "The Slate technology columnist David Auerbach"), or ``None``."""
    for role in range(index, min(len(after) - 1, index + PHRASE_WORDS + 1)):
        token = after[role]
        if token.lower in ROLES and not token.cap:
            following = after[role + 1]
            return role if is_name_word(following) and following.text not in NOT_NAMES else None
        if not _phrase_word(token):
            return None
    return None


def _generic_head(after: list[Token], position: int) -> int | None:
    """Return the index of the generic noun that ends the words from ``position``: the last one
    among up to :data:`PHRASE_WORDS` + 1 words that can describe it ("new census data", "a
    Clinton campaign spokesman"), or ``None``."""
    head = None
    for index in range(position, min(len(after), position + PHRASE_WORDS + 1)):
        token = after[index]
        if not _phrase_word(token):
            break
        if token.lower in GENERIC_SOURCES:
            head = index
    return head


def _phrase_word(token: Token) -> bool:
    """Return whether a token can be a word of an unnamed source's phrase: a word (hyphens and a
    possessive allowed), no preposition, conjunction, pronoun, filler or blocking word."""
    word = token.lower
    return (
        token.text[0].isalnum()
        and word not in PHRASE_BREAKS
        and word not in BLOCKERS
        and word not in PRONOUNS
        and (word not in FILLERS or word in GENERIC_SOURCES)
    )


def unnamed_phrase(words: Sequence[Token]) -> list[Source]:
    """Return the unnamed source that a phrase stands for, as written, without a determiner
    ("the oversight panel" is "oversight panel"), or nothing when its head noun says no kind
    (:func:`framing.voice.sources.unnamed_source`).

    A name's possessive right before the head noun becomes a modifier ("Trump's campaign" is
    the "Trump campaign", "Mrs. Clinton's advisers" are "Clinton advisers"), the way news
    writing names such sources, so that the name is a word of the source's name. Measured with
    ``benchmarks/polnear_voice.py`` on PolNeAR train: named sources of a speech verb found
    5,043 -> 5,084 of 6,044, speaker precision 0.873 both ways."""
    words = list(words)
    while words and words[0].lower in DETERMINERS:
        words = words[1:]
    source = unnamed_source(_possessive_modifiers(words))
    return [source] if source else []


def _possessive_modifiers(words: Sequence[Token]) -> list[str]:
    """Return the words of an unnamed source's phrase with each name's possessive before its
    head noun made a modifier, as news writing names such sources (right before the head noun,
    :func:`unnamed_phrase`, and before the words that describe it):
    "Donald Trump's campaign manager" is the "Donald Trump campaign manager", "Sanders's top
    advisers" are "Sanders top advisers", "Colorado's delegation chairman" is the "Colorado
    delegation chairman".

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without this
    rule, the other rules in place: named sources of a speech verb found 5,199 -> 5,209 of
    6,044 (the annotators' key is the name before the possessive), speaker precision 0.873
    both ways."""
    last = len(words) - 1
    return [
        token.base if token.cap and token.possessive and index < last else token.text
        for index, token in enumerate(words)
    ]


def reported(
    text: str, match: re.Match[str], start: int, end: int, number: int, reading: ArticleReading
) -> Tag | None:
    """Return the attribution of a reporting verb in the sentence ``text[start:end]``, or
    ``None`` when it is no attribution.

    The source is the subject before the verb (:func:`subject_before`: "NBC News reported"), or
    else, after a comma or a quotation mark, the name after it (:func:`_inverted_subject`:
    "..., said Sen. Joe Manchin"). A word before the verb can block it (:func:`_blocked`).

    A participle whose subject an appositive rule reads as a phrase that names nobody ("Before
    the convention, Cleveland Police Chief Calvin Williams lobbied ..., saying": "the
    convention") takes the subject of its sentence instead (:func:`participle_subject`); read
    off the named-source misses of PolNeAR train, measured with
    ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without it, the other rules in
    place: named sources of a speech verb found 5,460 -> 5,461 of 6,018."""
    form = normal_form(match.group())
    verb = reading.verbs.by_form[form]
    participle = _is_participle(form)
    agent = passive_agent(text, match, end, reading.sources)
    if agent is not None:
        return _tag(match, verb, agent, number)
    previous = _blocking_word(text, start, match.start())
    if previous is not None and not participle:
        if previous.group(1).lower() == "to":
            return _infinitive_with_clause(
                text, match, verb, number, previous.start(), reading, start=start
            )
        return None  # "was told", "did not say": what _blocked says, without the tokens
    before = tokens(text, start, match.start())
    if participle and before and before[-1].lower in PROGRESSIVE:
        before = before[:-1]  # "Trump is insisting that ...": the subject comes before "is"
    if _blocked(before):
        return None
    strict = _may_be_noun(form, verb.lemma)
    subject = subject_before(before, strict=strict, reading=reading)
    if subject is None:
        subject = appositive_subject(before, strict=strict, reading=reading)
    if subject is None:
        subject = named_appositive_subject(before, reading=reading)
    if subject is None:
        subject = dash_appositive_subject(before, strict=strict, reading=reading)
    if subject is None:
        subject = parenthesis_comma_subject(before, strict=strict, reading=reading)
    if subject is None and not participle:
        subject = share_subject(text, before, match.start())
    if participle and subject is not None and not subject[0]:
        subject = participle_subject(before, reading=reading) or subject
    if participle and subject is not None:
        subject = issuer_subject(before, subject, reading=reading) or subject
    if subject is None and participle:
        subject = participle_subject(before, reading=reading)
        if subject is None:
            # ", saying Clinton took questions": Clinton is no inverted subject
            return _unsourced_participle(text, match, verb, number)
        return _verb_apart(_tag(match, verb, subject, number))
    if subject is None:
        subject = coordinated_subject(before, reading=reading)
        if subject is not None:
            return _verb_apart(_tag(match, verb, subject, number))
    if subject is not None:
        sources, source_span = subject
    else:
        inverted = _inverted_subject(text, match, end, before, reading.sources)
        if inverted is None:
            return unsourced(text, match, verb, number, start, before, strict=strict)
        sources, source_span = inverted
    return _tag(match, verb, (sources, source_span), number)


def _verb_apart(tag: Tag) -> Tag:
    """Return the tag of a participle or a coordinated verb whose subject opens the sentence
    ("Lee said the city fell, adding that ...", "Clinton disputed it, but says ...") with its
    span the verb alone: the words between the subject and the verb are another clause,
    the content of an earlier verb or the outlet's own, not the source and verb of this
    one. The source keeps its own span.

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train: attributed-or-quoted words
    P/R/F1 0.883/0.746/0.809 -> 0.881/0.752/0.811 (1,765 more words inside annotated content,
    772 more outside); named sources unchanged."""
    return tag._replace(start=tag.verb_start, end=tag.verb_end)


#: Words that can stand before the subject of a clause whose subject has an appositive ("When
#: the F.B.I. director, James B. Comey, said ..."): the subject still opens its clause.
CLAUSE_OPENERS = OPENERS | frozenset(
    "when as after because while if since although though before even that where".split()
)

#: Marks after which a clause starts ("“...,” Mr. Daniloff, now 81, said"; "Sanders: ...").
CLAUSE_MARKS = frozenset([*QUOTE_CHARS, ":", ";", "\u2014", "\u2013", "(", "-"])

#: The longest appositive or relative clause between a subject and its verb, in tokens: "Rep.
#: Gregory W. Meeks (D-N.Y.), chairman of the Congressional Black Caucus PAC, said" has 10;
#: longer stretches are mostly two clauses.
APPOSITIVE_TOKENS = 30


def _tag(
    match: re.Match[str],
    verb: ReportingVerb,
    subject: tuple[list[Source], tuple[int, int]],
    number: int,
) -> Tag:
    """Return the tag of a reporting verb and its subject, which covers its own sentence."""
    sources, source_span = subject
    return Tag(
        min(source_span[0], match.start()),
        max(source_span[1], match.end()),
        match.group(),
        verb.lemma,
        verb.kind,
        match.start(),
        match.end(),
        source_span[0],
        source_span[1],
        tuple(sources),
        False,  # a reporting verb covers its own sentence: see cover()
        number,
    )


def unsourced(
    text: str,
    match: re.Match[str],
    verb: ReportingVerb,
    number: int,
    start: int,
    before: list[Token],
    *,
    strict: bool,
) -> Tag | None:
    """Return the attribution of a reporting verb whose subject no rule finds, or ``None``: it
    still attributes its clause, with no source ("At the time, many of them said the plan
    failed", "By Friday, most had reported that ..."). Not for a form that can be a noun
    (``strict``: "states", "tweets") unless a clause follows it (:func:`_clause_follows`),
    after a passive or an infinitive (:data:`_PASSIVE`: "are
    still believed to", "to say"), nor after a determiner or a plural noun
    (:func:`_noun_before`); a participle with no subject is an attribution only with a
    clause after it (:func:`_unsourced_participle`; "The storm hit the coast, saying nothing"
    is none).

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train, with :func:`content_side`
    and the rules of unnamed sources: attributed-or-quoted words P/R/F1 0.855/0.728/0.786
    without this rule, 0.848/0.748/0.795 with it. Named sources and speaker precision do not
    change (it names nobody).
    """
    if strict and not _clause_follows(text, match):
        return None
    if _passive_before(text, start, match.start()):
        return None
    if before and _noun_before(before[-1]):
        return None  # "an estimated 50,000", "The Republican-led states reported gains"
    return _tag(match, verb, ([], (match.start(), match.start())), number)


#: Words that open a clause right after a verb: a subject pronoun ("Six in 10 say he's
#: decisive") or the complementiser "that" ("Nearly a third say that ...").
CLAUSE_SUBJECTS = frozenset("he she they it we i you there that".split())

#: The word right after a reporting verb, past white space.
_NEXT_WORD = re.compile(r"\s+(\w+)")


def _clause_follows(text: str, match: re.Match[str]) -> bool:
    """Return whether a verb form that can also be a noun ("say", "shows", "hopes") is followed
    by the subject of a clause or by "that", which makes it the verb: "Six in 10 say he's at
    least somewhat decisive", "majorities in all five say they want", "what has been made
    available suggests that ...", where "the claims were false" and "pinned his hopes on" stay
    nouns. "that" is a relative pronoun after some nouns ("the plans that failed"); the
    subject pronouns never are.

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train: attributed-or-quoted
    words P/R/F1 0.848/0.748/0.795 -> 0.846/0.753/0.797 (1,667 more words inside annotated
    content, 806 more outside; 0.796 with the pronouns alone, without "that"). On train, 589
    annotated cues were such forms whose subject no rule finds, with 5,310 content words."""
    following = _NEXT_WORD.match(text, match.end())
    return following is not None and following.group(1).lower() in CLAUSE_SUBJECTS


def _infinitive_with_clause(
    text: str,
    match: re.Match[str],
    verb: ReportingVerb,
    number: int,
    to: int,
    reading: ArticleReading,
    *,
    start: int,
) -> Tag | None:
    """Return the attribution of a reporting verb after "to" when a clause follows it
    (:func:`_clause_follows`): "Trump went on to say he would ...", "the first candidate to
    argue that ...", or ``None`` ("refused to say", "wants to tell the story"); ``None`` after a
    reporting verb form ("Trump seemed to suggest that ..."), which attributes the clause
    itself (``to`` is where "to" starts, ``start`` where the sentence does).

    Its source is the name or pronoun that opens the sentence (:func:`_sentence_subject`):
    "Pence went on to say", "Lewandowski continued to say", "Hillary Clinton took to Twitter to
    say" are Pence, Lewandowski and Clinton; none when a name or an object pronoun stands
    right before "to" ("Democrats urged Obama to say that ...": Obama would speak, not the
    Democrats). The source, read off the named-source misses of PolNeAR train, measured with
    ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without it, the other rules in
    place: named sources of a speech verb found 5,450 -> 5,461 of 6,018, speaker precision
    0.876 both ways.

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train, when it was added:
    attributed-or-quoted words P/R/F1
    0.880/0.756/0.813 -> 0.880/0.758/0.814 (687 more words inside annotated content, 184
    more outside); it names nobody. Without the exception after a reporting verb, 56 more
    words inside."""
    if not _clause_follows(text, match):
        return None
    verb_before = _PREVIOUS_WORD.search(text, max(0, to - 20), to)
    if verb_before is not None and verb_before.group(1).lower() in reading.verbs.by_form:
        return None  # "Trump seemed to suggest that ...": the verb before it attributes
    head = tokens(text, start, to)
    subject = None
    if head and not _object_before(head):
        subject = _sentence_subject(head, reading=reading)
    if subject is None or not subject[0]:
        return _tag(match, verb, ([], (match.start(), match.start())), number)
    return _verb_apart(_tag(match, verb, subject, number))


#: Pronouns that stand as the object of a verb ("urged him to say"): the one who would speak.
OBJECT_PRONOUNS = frozenset("him her them us me".split())

#: Prepositions before a name that make it theirs, not a verb's object ("took to Twitter to").
OBJECT_PREPOSITIONS = GENERIC_LINKS | frozenset(["to", "on"])


def _object_before(head: list[Token]) -> bool:
    """Return whether ``head`` ends in the object of a verb, who would speak the infinitive
    after it: an object pronoun, or a name after no preposition ("paid Lee to say"; "took to
    Twitter to say" ends in a preposition's name)."""
    if head[-1].lower in OBJECT_PRONOUNS:
        return True
    if not is_name_word(head[-1]):
        return False
    first = len(head) - 1
    while first > 0 and (head[first - 1].cap or head[first - 1].text == "."):
        first -= 1
    return not (first > 0 and head[first - 1].lower in OBJECT_PREPOSITIONS)


def _unsourced_participle(
    text: str, match: re.Match[str], verb: ReportingVerb, number: int
) -> Tag | None:
    """Return the attribution, without a source, of a participle whose subject no rule finds
    when a clause follows it (:func:`_clause_follows`: "The Vermont senator's campaign emailed
    supporters, saying that the struggle continues", "..., warning they would lose"), or
    ``None`` ("The storm hit the coast, saying nothing of the damage").

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train: attributed-or-quoted words
    P/R/F1 0.881/0.752/0.811 -> 0.881/0.755/0.813 (916 more words inside annotated content,
    300 more outside); it names nobody. Every participle without a subject attributing its
    clause, tried before, broke the seed's voices (tests/test_voice.py); this one does not."""
    if not _clause_follows(text, match):
        return None
    return _tag(match, verb, ([], (match.start(), match.start())), number)


def _noun_before(token: Token) -> bool:
    """Return whether the word before a verb with no subject found makes it something else: a
    determiner (the verb form is an adjective: "an estimated 50,000", "the reported deal") or
    a plural common noun that the rules did not take for a source ("states reported gains")."""
    word = token.lower
    if word in DETERMINERS:
        return True
    return (
        token.text[0].islower()
        and len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "ys", "ly"))
        and word not in FILLERS
    )


#: A passive or an infinitive before a verb, with adverbs between them ("are still believed to
#: be hiding", "It’s also expected to", "is widely seen"): no attribution without a source.
_PASSIVE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|to|not|never)|n[\u2019']t|[\u2019']s)"
    r"(?:\s+(?:\w+ly|still|also|now|long|already|even|just))*\s+$",
    re.IGNORECASE,
)

#: The last two characters of what :data:`_PASSIVE` can end in before its white space: a word
#: of the passive or the infinitive, "n't", "'s", an adverb in "-ly" or one of the others.
_PASSIVE_ENDINGS = frozenset(
    word[-2:]
    for word in """is are was were be been being to not never n't 's ly still also now long
    already even just""".split()
)


def _passive_before(text: str, start: int, verb_start: int) -> bool:
    """Return whether a passive or an infinitive stands right before the verb at
    ``verb_start``, in the sentence that starts at ``start`` (:data:`_PASSIVE`, within 60
    characters).

    Such a phrase ends right before the verb's white space in two letters of
    :data:`_PASSIVE_ENDINGS`: the pattern, which tries each of the 60 characters in turn, is
    searched only then (and whenever those two are not ASCII, which the pattern may fold
    differently). :func:`_reference_passive_before` is the plain search it must equal
    (tests/test_voice.py, before every reporting verb of every real paragraph)."""
    if not _ends_in(text, start, verb_start, _PASSIVE_ENDINGS):
        return False
    return _reference_passive_before(text, start, verb_start)


def _reference_passive_before(text: str, start: int, verb_start: int) -> bool:
    """Return what :func:`_passive_before` returns, from the search alone."""
    return _PASSIVE.search(text, max(start, verb_start - 60), verb_start) is not None


def _ends_in(text: str, start: int, verb_start: int, endings: frozenset[str]) -> bool:
    """Return whether white space stands right before ``verb_start`` and the two characters
    before it may be one of ``endings`` (lower case): they are, or they are not ASCII."""
    end = verb_start
    while end > start and text[end - 1].isspace():
        end -= 1
    if end == verb_start:
        return False
    ending = text[end - 2 : end] if end >= 2 else text[:end]
    return not ending.isascii() or ending.lower() in endings


def _after_premodifier(tokens_: list[Token], index: int) -> int:
    """Return the index of the name after a premodifier that stands at ``tokens_[index]``
    (:data:`~framing.voice.names.PREMODIFIER`: "76-year-old Morton Blackwell", "Texas-based Matt
    Mackowiak"), or ``index`` when none stands there: the name still heads its clause."""
    if (
        index + 1 < len(tokens_)
        and is_premodifier(tokens_[index])
        and is_name_word(tokens_[index + 1])
    ):
        return index + 1
    return index


def _opens_clause(head: list[Token], first: int, *, reading: ArticleReading | None = None) -> bool:
    """Return whether the subject that starts at ``head[first]`` opens its clause: nothing, an
    opener or a conjunction, or a quotation mark, colon or dash before it, or a conjunction
    that opens a subordinate clause right before it (:data:`SUBORDINATORS`: "It was three
    years ago that Michael Bloomberg, who is thinking about running, said"); an age or a place
    before it is the subject's (:func:`_after_premodifier`)."""
    if first > 0 and _after_premodifier(head, first - 1) == first:
        first -= 1
    if first == 0:
        return True
    previous = head[first - 1]
    if previous.text in CLAUSE_MARKS or previous.text in SUBORDINATORS:
        return True
    if all(t.lower in CLAUSE_OPENERS or t.text == "," for t in head[:first]):
        return True
    return _after_introductory_phrase(head, first, reading=reading)


#: The conjunction that opens a subordinate clause whose subject follows it ("ago that
#: Michael Bloomberg, ..., said"); the others ("after", "when") open as often a clause that
#: ends before the subject ("after she did, David Axelrod, ..., tweeted").
#: Added to :func:`_opens_clause` after the named-source misses of PolNeAR train; measured
#: with ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without it, the other
#: rules in place: named sources of a speech verb found 5,460 -> 5,461 of 6,018, speaker
#: precision 0.876 both ways; with all of them, one more, but one took "she" for the
#: subject of "after she did, David Axelrod, ..., tweeted".
SUBORDINATORS = frozenset(["that"])

#: Words that open an introductory phrase before a subject ("On Tuesday, ...", "In a
#: statement, ...", "After the vote, ..."), beside :data:`OPENING_WORDS` and
#: :data:`CLAUSE_OPENERS`.
INTRODUCTION_OPENERS = frozenset(
    "on in at after during before for following later earlier last since".split()
)


def _after_introductory_phrase(
    head: list[Token], first: int, *, reading: ArticleReading | None = None
) -> bool:
    """Return whether the subject at ``head[first]`` follows an introductory phrase that a
    preposition or a conjunction opens and a comma ends, of at most
    :data:`INTRODUCTION_TOKENS` tokens and no other comma: "On Tuesday, Kevin Brady, chairman
    of the committee, said", "When Clinton spoke, Kevin Brady, 45, said".

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train: the named sources of a
    speech verb found go from 4,996 to 5,016 of 6,044; speaker precision 0.873 to 0.874,
    attributed-or-quoted precision 0.807 to 0.806. A capitalised opener in "-ing", "-ed" or
    "-ly" (:func:`_capitalised_opener`) opens such a phrase too ("Recalling that moment, David
    Axelrod, who was ..., said"), when ``reading`` is given: added later, with and without it,
    5,458 -> 5,461 of 6,018 (after the benchmark's definitions of 2026-11-30).
    """
    if first > INTRODUCTION_TOKENS or head[first - 1].text != ",":
        return False
    opener = head[0]
    if not (
        opener.lower in INTRODUCTION_OPENERS
        or opener.lower in CLAUSE_OPENERS
        or opener.text in OPENING_WORDS
        or (reading is not None and _capitalised_opener(head, 0, reading))
    ):
        return False
    return all(t.text != "," for t in head[1 : first - 1])


def _before_parenthesis(before: list[Token], index: int) -> int:
    """Return the index of the token before a parenthesis that ends at ``index`` ("Senate
    Majority Whip John Cornyn (R-Tex.) responded": a party and state after the name), or
    ``index`` when none ends there."""
    if index < 0 or before[index].text != ")":
        return index
    for opening in range(index - 1, max(-1, index - 8), -1):
        if before[opening].text == "(":
            return opening - 1
    return index


#: Verbs by which a source puts out a document that says something ("Trump issued a statement
#: saying ...", "The campaign sent out a press release saying ..."), with "out" after two.
ISSUING_VERBS = frozenset("issued released sent posted published circulated put".split())


def issuer_subject(
    before: list[Token],
    subject: tuple[list[Source], tuple[int, int]],
    *,
    reading: ArticleReading,
) -> tuple[list[Source], tuple[int, int]] | None:
    """Return the subject of the verb that issued the document before a participle, as the
    participle's source: in "Trump issued a statement saying ...", "the Trump campaign sent a
    fundraising email Wednesday saying ...", the statement and the email are the issuer's
    words, so the issuer speaks. ``subject`` is the document's phrase; ``None`` when it is no
    document, or no issuing verb with a subject stands before it.

    Read off the named-source misses of PolNeAR train, where such participles named only the
    document. Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without
    this rule, the other rules in place: named sources of a speech verb found 5,452 -> 5,461
    of 6,018, speaker precision 0.875 -> 0.876."""
    sources, (span_start, _) = subject
    if not sources or any(source.kind != "document" for source in sources):
        return None
    position = _index_at(before, span_start)
    if position is None:
        return None
    verb = position - 1
    if verb >= 1 and before[verb].lower == "out":
        verb -= 1  # "sent out", "put out"
    if verb < 1 or before[verb].lower not in ISSUING_VERBS:
        return None
    issuer = subject_before(before[:verb], strict=False, reading=reading)
    if issuer is None or not issuer[0]:
        return None
    return issuer


def parenthesis_comma_subject(
    before: list[Token], *, strict: bool, reading: ArticleReading
) -> tuple[list[Source], tuple[int, int]] | None:
    """Return the subject before a party and state in parentheses that a stray comma follows
    ("Sen. Jack Reed (D-R.I.), said", "Gov. John Kasich (R-OH), said"), when no appositive
    rule read the comma as the end of an appositive ("Jeff Bechdel, chairman of America Rising
    (a Republican PAC), tweeted" is Bechdel); else ``None``.

    Read off the named-source misses of PolNeAR train. Measured with
    ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without this rule, the other
    rules in place: named sources of a speech verb found 5,459 -> 5,461 of 6,018, speaker
    precision 0.876 both ways."""
    if len(before) < 3 or before[-1].text != "," or before[-2].text != ")":
        return None
    return subject_before(before[:-1], strict=strict, reading=reading)


#: A number as a poll reports it: in figures or in words ("56", "Twenty-four", "six").
_UNITS = tuple("one two three four five six seven eight nine".split())
_TENS = tuple("twenty thirty forty fifty sixty seventy eighty ninety".split())
NUMBER_WORDS = (
    *_UNITS,
    *"ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(),
    *_TENS,
)
_NUMBER_WORD = "(?:" + "|".join(NUMBER_WORDS) + "|a hundred)"
_NUMBER = rf"(?:\d+(?:\.\d+)?|{_NUMBER_WORD}(?:-{_NUMBER_WORD})?)"

#: Conjunctions that can open the clause of a share ("But nearly half said").
SHARE_CONJUNCTIONS = ("but", "and", "yet", "still", "so", "now")
#: Words that round a share ("about", "more than", "just over").
SHARE_ROUNDINGS = (
    *"about nearly almost some just only roughly around over under".split(),
    *("more than", "less than", "fewer than", "at least", "shy of"),
)
#: Words that size a majority ("large majorities", "a slim majority").
MAJORITY_SIZES = ("large", "slim", "narrow", "clear")
_SIZE = "(?:(?:" + "|".join(MAJORITY_SIZES) + r")\s+)?"

#: A share of the people a poll asked, as the subject of its answer ("Six in 10 say",
#: "Twenty-four percent said", "Nearly half of respondents said", "Majorities of Democrats in
#: five states say"): after white space and a conjunction, a share (the group ``share``), after
#: words that round it, then what it is a share of.
_SHARE = re.compile(
    r"\s*(?:(?:" + "|".join(SHARE_CONJUNCTIONS) + r")\s+)*(?P<share>"
    r"(?:(?:" + "|".join(SHARE_ROUNDINGS) + r")\s+)*"
    rf"(?:{_NUMBER}\s*(?:percent|per cent|%)|{_NUMBER}\s+(?:in|out of)\s+{_NUMBER}"
    r"|half|a third|one-third|a quarter|one-quarter|two-thirds|three-quarters"
    rf"|(?:a|the)\s+{_SIZE}(?:majority|plurality)"
    rf"|{_SIZE}majorities)"
    rf"(?:,\s*{_NUMBER}\s*(?:percent|%),)?"
    r"(?:\s+(?:(?:of|among)\s+)?[^,;:.!?\"\u201c\u201d]{1,80}?)?)\s*",
    re.IGNORECASE,
)

#: Words one of which a share holds within its first :data:`SHARE_WINDOW` tokens, unless it
#: holds a figure: its core ("half", "majorities", "percent") or a number in words ("Two in
#: three", "Twenty-four percent"). Checked on the tokens before the pattern, which most clauses
#: fail and which costs far more.
SHARE_GATE = frozenset(
    "half third thirds quarter quarters majority majorities plurality percent %".split()
) | frozenset(
    [*NUMBER_WORDS, "one-third", "one-quarter", "two-thirds", "three-quarters"]
    + [f"{tens}-{unit}" for tens in _TENS for unit in _UNITS]
)
SHARE_WINDOW = 6
_START = attrgetter("start")
#: The words a share can open with, besides those of :data:`SHARE_GATE` and a figure: the
#: first word of one that rounds it, of a majority's size, and an article ("a third", "the
#: majority"), as :data:`_SHARE` reads them.
SHARE_OPENINGS = frozenset(
    [*(rounding.split()[0] for rounding in SHARE_ROUNDINGS), *MAJORITY_SIZES, "a", "the"]
)
_SHARE_CONJUNCTIONS = frozenset(SHARE_CONJUNCTIONS)
#: Words a share never ends with, right before its verb: articles, conjunctions, prepositions,
#: pronouns, auxiliaries and marks other than a comma (checked first, for most verbs).
SHARE_NEVER_ENDS = frozenset(
    """the a an and or but that which who whom whose by to of in on for with from as at his her
    their its our my your he she it they we i you have has had also even while will would
    " “ ” ' ’ — – - ( ) : ;""".split()
)
#: The most clauses, each after a comma, a share runs over ("Just over a quarter, 26 percent,
#: say" runs over three).
SHARE_CLAUSES = 3


def share_subject(
    text: str, before: list[Token], verb_start: int
) -> tuple[list[Source], tuple[int, int]] | None:
    """Return a share of the people a poll asked that opens the sentence, or its clause after a
    comma, as the subject of the verb right after it ("Six in 10 say he is decisive", "Twenty-four
    percent said she ...", "In each state, about half of voters say"): an unnamed source of kind
    ``public``, named by its words as written; else ``None``.

    Read off the named-source misses of PolNeAR train, where a poll's shares said things
    without a source. Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train, with and
    without this rule, the other rules in place: named sources of a speech verb found 5,434 ->
    5,461 of 6,018, speaker precision 0.876 both ways.

    ``before`` is the tokens of the sentence up to the verb, which starts at ``verb_start``:
    the share opens the clause of the verb, after the last comma, or one of the two before it."""
    if not before or before[-1].lower in SHARE_NEVER_ENDS:
        return None
    sentence_start, end, until = before[0].start, len(before), verb_start
    for _ in range(SHARE_CLAUSES):
        comma = text.rfind(",", sentence_start, until)  # the clause's comma, found in C
        first = bisect_right(before, comma, key=_START) if comma >= 0 else 0
        if _may_open_share(before, first, end) and _share_gate_at(
            before, first, min(end, first + SHARE_WINDOW)
        ):
            match = _SHARE.fullmatch(text, before[first].start, verb_start)
            if match is not None:
                phrase = match.group("share").rstrip(" ,")
                begin = match.start("share")
                return [Source(phrase, "public")], (begin, begin + len(phrase))
        if comma < 0:
            return None
        end, until = first - 1, comma
    return None


def _may_open_share(before: list[Token], first: int, end: int) -> bool:
    """Return whether the clause ``before[first:end]`` opens with a word a share can open with
    (:data:`SHARE_OPENINGS`), after a conjunction or not, or with a figure."""
    if first < end and before[first].lower in _SHARE_CONJUNCTIONS:
        first += 1
    if first >= end:
        return False
    word = before[first].lower
    return word in SHARE_OPENINGS or word in SHARE_GATE or word[0].isdigit()


def _share_gate_at(before: list[Token], first: int, last: int) -> bool:
    """Return whether a token of ``before[first:last]`` is a word of :data:`SHARE_GATE` or a
    figure (a plain loop over at most :data:`SHARE_WINDOW` tokens, without a slice)."""
    index = first
    while index < last:
        token = before[index]
        if token.lower in SHARE_GATE or token.text[0].isdigit():
            return True
        index += 1
    return False


def _after_comma_and(head: list[Token], first: int) -> bool:
    """Return whether the subject at ``head[first]`` opens a clause that a comma and "and" or
    "but" join to the one before ("The plan was drafted by X, and Brian Deese, the White House
    climate change adviser, said he ..."), where the appositive's subject follows a whole
    clause and :func:`_opens_clause` does not see it open one.

    Read off the ``key-missing`` misses of PolNeAR train, where "said he" then took "he"
    after the comma for an inverted subject. Measured with ``benchmarks/polnear_voice.py`` on
    PolNeAR train, with and without it, the other rules in place: named sources of a speech
    verb found 5,259 -> 5,260 of 6,044, speaker precision 0.874 both ways (the pattern is rare
    on train; every other figure unchanged).
    """
    return first >= 2 and head[first - 1].lower in COORDINATORS and head[first - 2].text == ","


def appositive_subject(
    before: list[Token], *, strict: bool, reading: ArticleReading
) -> tuple[list[Source], tuple[int, int]] | None:
    """Return the subject of a verb that an appositive or a relative clause between commas
    parts from it: "Flynn, a top Trump surrogate, said", "Dov Hikind, who alleged that ...,
    said", "Rep. Gregory W. Meeks (D-N.Y.), chairman of the caucus, said", "Mr. Daniloff, now 81
    and retired in Cambridge, Mass., said".

    The subject ends at the first comma of the stretch and opens its clause
    (:func:`_opens_clause`); a generic subject with a name between the commas ("the F.B.I.
    director, James B. Comey, said") takes that name."""
    if len(before) < 3 or before[-1].text != ",":
        return None
    lowest = max(0, len(before) - APPOSITIVE_TOKENS, _after_dateline(before))
    for comma in (i for i in range(lowest, len(before) - 1) if before[i].text == ","):
        head = before[: _before_parenthesis(before, comma - 1) + 1]  # "(D-N.Y.)" after it
        subject = subject_before(head, strict=strict, reading=reading) if head else None
        first = _index_at(head, subject[1][0]) if subject is not None else None
        if subject is None or first is None:
            continue
        if not (
            _opens_clause(head, first, reading=reading)
            or _after_capitalised_opener(head, first, reading)
            or _after_comma_and(head, first)
        ):
            continue
        if _capitalised_opener(before, first, reading):
            continue  # "Moreover, Jeffrey D. Sachs, director of ..., noted"
        sources, span = subject
        if not sources or head[-1].lower in GENERIC_SOURCES or head[-1].lower in ROLES:
            inner = collect_names(before[comma + 1 : -1])
            inner_words = [t for group in inner for t in group.tokens]
            if inner_words and inner_words[-1] is before[-2]:
                sources = name_sources(inner, reading.sources) or sources
        return sources, span
    return None


#: The most tokens of a name between commas after a role phrase ("Jonathan Greenblatt",
#: "Ileana Ros-Lehtinen and Carlos Curbelo").
APPOSITIVE_NAME_TOKENS = 8

#: The most tokens of the role phrase before such a name ("the director of the Federal Bureau
#: of Investigation").
ROLE_PHRASE_TOKENS = 12

#: Words that can open the role phrase: a determiner, a quantifier or a possessive.
ROLE_PHRASE_OPENERS = DETERMINERS | QUANTIFIERS | POSSESSIVE_DETERMINERS


def named_appositive_subject(
    before: list[Token], *, reading: ArticleReading
) -> tuple[list[Source], tuple[int, int]] | None:
    """Return the name between commas after a role phrase that opens its clause, as the subject
    of the verb after the second comma: "The leader of the Anti-Defamation League, Jonathan
    Greenblatt, warned", "the director of the Federal Bureau of Investigation, James B. Comey,
    said", "a spokeswoman, Anna Richardson White, said"; else ``None``.

    The role phrase starts with a determiner, a quantifier or a possessive right after the
    sentence's start, a comma, a clause mark or an opener, and holds no comma; the stretch
    between the commas is names only (:func:`~framing.voice.names.collect_names`).
    :func:`appositive_subject` takes the subject before the first comma instead, which needs
    it to open its clause; here the role phrase does, and its name comes after it.

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without this rule,
    the other rules in place: named sources of a speech verb found 5,229 -> 5,237 of 6,044,
    speaker precision 0.873 -> 0.874, attributed-or-quoted F1 0.815 both ways.
    """
    last = len(before) - 1
    while last >= 0 and (before[last].lower in FILLERS or _manner_adverb(before, last)):
        last -= 1  # "..., Ileana Ros-Lehtinen and Carlos Curbelo, have said"
    before = before[: last + 1]
    if len(before) < 5 or before[-1].text != ",":
        return None
    comma = len(before) - 2
    while comma >= 0 and before[comma].text != ",":
        comma -= 1
    inner = before[comma + 1 : -1]
    if comma < 1 or not inner or len(inner) > APPOSITIVE_NAME_TOKENS:
        return None
    groups = collect_names(inner)
    named = {t.start for group in groups for t in group.tokens}
    if any(t.start not in named and t.lower != "and" and t.text != "." for t in inner):
        return None
    first = comma - 1
    while (
        first > 0 and before[first - 1].text not in CLAUSE_MARKS and before[first - 1].text != ","
    ):
        first -= 1
    while first < comma and before[first].lower in CLAUSE_OPENERS:
        first += 1
    if comma - first > ROLE_PHRASE_TOKENS or first >= comma:
        return None
    if before[first].lower not in ROLE_PHRASE_OPENERS and not _possessive_name_opens(
        before, first, comma
    ):
        return None
    sources = name_sources(groups, reading.sources)
    if not sources:
        return None
    return sources, (before[first].start, inner[-1].end)


#: Dashes that set off an appositive or a relative clause ("Joyce — who is listed as an attorney
#: — told", "John McCain -- who lost the 2008 election -- said").
DASHES = frozenset(["\u2014", "\u2013", "-"])


def _dash_start(before: list[Token], end: int) -> int:
    """Return the index of the first token of the dash that ends at ``before[end]`` ("—", "–",
    "-" or "--"), or -1 when no dash ends there."""
    if end < 0 or before[end].text not in DASHES:
        return -1
    if before[end].text == "-" and end >= 1 and before[end - 1].text == "-":
        return end - 1
    return end


def _possessive_name_opens(before: list[Token], first: int, comma: int) -> bool:
    """Return whether a name's possessive opens the role phrase ``before[first:comma]`` ("Ms.
    Merkel's spokesman, Steffen Seibert, wrote", "Henry Clay's biographers, David and Jeanne
    Heidler, wrote"), as a possessive determiner does ("His spokesman, ..."): capitalised words
    (with the points of titles) up to the first possessive, then the role in lower case.

    Read off the named-source misses of PolNeAR train. Measured with
    ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without it, the other rules in
    place: named sources of a speech verb found 5,456 -> 5,461 of 6,018, speaker precision
    0.876 both ways."""
    for index in range(first, comma):
        token = before[index]
        if token.possessive:
            return index + 1 < comma and before[index + 1].text[0].islower()
        if not (token.cap or token.text == "."):
            return False
    return False


def dash_appositive_subject(
    before: list[Token], *, strict: bool, reading: ArticleReading
) -> tuple[list[Source], tuple[int, int]] | None:
    """Return the subject of a verb that an appositive or a relative clause between two dashes
    parts from it: "Joyce — who is listed as an attorney in Illinois — told", "GOP front-runner
    Donald Trump - who previously said ... - said", "A former Republican presidential candidate
    -- John McCain, who lost the 2008 election to Obama -- said", as
    :func:`appositive_subject` reads one between commas; a generic subject with a name right
    after the first dash takes that name.

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without this
    rule, the other rules in place: named sources of a speech verb found 5,201 -> 5,209 of
    6,044, speaker precision 0.873 both ways, attributed-or-quoted F1 0.795 both ways."""
    closing = _dash_start(before, len(before) - 1)
    if closing < 2:
        return None
    for index in range(closing - 1, max(0, closing - APPOSITIVE_TOKENS) - 1, -1):
        opening = _dash_start(before, index)
        if opening < 1:
            continue
        head = before[:opening]
        subject = subject_before(head, strict=strict, reading=reading)
        first = _index_at(head, subject[1][0]) if subject is not None else None
        if subject is None or first is None:
            return None
        if not _opens_clause(head, first):
            return None
        sources, span = subject
        if not sources or head[-1].lower in GENERIC_SOURCES or head[-1].lower in ROLES:
            inner = collect_names(before[index + 1 : closing])
            if inner:
                sources = name_sources(inner, reading.sources) or sources
        return sources, span
    return None


#: Capitalised words that open an introduction before a sentence's subject, besides
#: :data:`OPENING_WORDS` and words in "-ly", "-ing" and "-ed" ("Moreover, ...", "Hours later,
#: ...", "Once he was president, ...").
INTRODUCTION_WORDS = frozenset(
    """Moreover Furthermore Nevertheless Nonetheless Besides Otherwise Hence Once Oh Yes
    Absolutely Hours Days Weeks Months Years Minutes Moments""".split()
)


def _capitalised_opener(before: list[Token], index: int, reading: ArticleReading) -> bool:
    """Return whether the capitalised word at ``before[index]``, the first of its sentence but
    for openers, opens an introduction and is no name: a word of :data:`OPENING_WORDS` or
    :data:`INTRODUCTION_WORDS`, or one in "-ly", "-ing" or "-ed" that the article never writes
    with a capital inside a sentence, followed by a comma or a word in lower case, and no
    source list knows it ("Moreover, Jeffrey D. Sachs, director of ..., noted", "Similarly,
    William J. Bennett, ..., said", "Hours later, Trump ..., telling", "Having announced
    ..., Judge Berman").

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without this
    rule, the other rules in place: named sources of a speech verb found 5,199 -> 5,209 of
    6,044, speaker precision 0.873 both ways."""
    token = before[index]
    text = token.text
    listed = text in OPENING_WORDS or text in INTRODUCTION_WORDS
    if not (listed or text.endswith(("ly", "ing", "ed"))):
        return False
    following = before[index + 1] if index + 1 < len(before) else None
    return (
        following is not None
        and (following.text == "," or following.text[0].islower())
        and not text.isupper()
        and not token.possessive
        and all(t.lower in OPENERS or not t.text[0].isalnum() for t in before[:index])
        and reading.sources.lookup(text) is None
        # the article's capitalised words are read only for a word that may be a name
        # ("Kelly", "Manning"): a listed opener is none
        and (listed or not reading.writes_inside_sentences(text))
    )


def _after_capitalised_opener(head: list[Token], first: int, reading: ArticleReading) -> bool:
    """Return whether the subject at ``head[first]`` follows a capitalised opener and its comma
    only (:func:`_capitalised_opener`: "Moreover, Jeffrey D. Sachs, ..., noted")."""
    return first == 2 and head[1].text == "," and _capitalised_opener(head, 0, reading)


def _is_participle(form: str) -> bool:
    """Return whether a verb form is a participle ("saying"): its subject is the sentence's
    ("Lee decried that math, saying Clinton ..."), never the name after it."""
    return form.endswith("ing") and " " not in form


#: Words that join a participle to its sentence as "by" does ("Rubio responded before adding
#: that ...", "Mr. McConnell deflected questions before saying ...").
PARTICIPLE_JOINTS = frozenset(["before", "after", "upon", "while", "\u2014", "\u2013"])


def _before_participle(before: list[Token]) -> list[Token]:
    """Return the tokens before a participle as :func:`participle_subject` reads them: without
    adverbs of manner right before it (", falsely suggesting"), a comma inside a closing
    quotation mark moved out of it (a defense of “New York values,” saying"), and a joint of
    :data:`PARTICIPLE_JOINTS` ("before saying", "– saying") read as the comma.

    Read off the named-source misses of PolNeAR train, where these participles had no
    attribution at all (a participle without a subject attributes nothing). Measured with
    ``benchmarks/polnear_voice.py`` on PolNeAR train, the other rules in place: named sources
    of a speech verb found 5,237 -> 5,257 of 6,044 with all three (the adverbs 4, the comma
    inside a quotation mark 8, the joints 10), speaker precision 0.874 -> 0.874,
    attributed-or-quoted words P/R/F1 0.881/0.758/0.815 -> 0.880/0.759/0.815.
    """
    last = len(before) - 1
    while last >= 0 and _manner_adverb(before, last):
        last -= 1
    if last >= 1 and before[last].text in QUOTE_CHARS and before[last - 1].text == ",":
        return before[:last]
    if last >= 1 and before[last].lower in PARTICIPLE_JOINTS:
        return [*before[:last], Token(",", before[last].start, before[last].end)]
    return before[: last + 1]


def participle_subject(
    before: list[Token], *, reading: ArticleReading
) -> tuple[list[Source], tuple[int, int]] | None:
    """Return the subject of a participle after a comma or "by": the name or pronoun that opens
    the sentence, after an introductory phrase (:func:`_after_introduction`): "Rubio pushed back
    Thursday, saying that ..." and "Bolton distanced himself by saying ..." are Rubio and
    Bolton, "At the same time, Obama remarked ..., noting" is Obama; "He left, adding ..." has
    no named source. Else ``None``."""
    before = _before_participle(before)
    if not before or before[-1].lower not in (",", "by"):
        return None
    subject = _sentence_subject(before, reading=reading)
    if subject is None:
        subject = _subject_of_verb_before(before, reading=reading)
    return subject


def _subject_of_verb_before(
    before: list[Token], *, reading: ArticleReading
) -> tuple[list[Source], tuple[int, int]] | None:
    """Return the subject of the reporting verb right before the comma that ends ``before``,
    for a participle after it: "“...,” Jacobs said, adding that ..." and "“...,” he added,
    noting that ..." are Jacobs and "he", where a quotation opens the sentence and
    :func:`_sentence_subject` finds no subject. ``None`` when no reporting verb form stands
    before the comma.

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train (after
    :func:`content_before`, which leaves what follows "Jacobs said" out of its coverage):
    176 more words inside annotated content, none more outside (F1 0.8082 -> 0.8086)."""
    if len(before) < 3 or before[-1].text != "," or before[-2].lower not in reading.verbs.by_form:
        return None
    return subject_before(before[:-2], strict=False, reading=reading)


def _sentence_subject(
    before: list[Token], *, reading: ArticleReading
) -> tuple[list[Source], tuple[int, int]] | None:
    """Return the name or pronoun that opens the sentence of ``before`` (which ends in the word
    that joins a verb to it), after an introductory phrase, or ``None``."""
    opening = 0
    while opening < len(before) and (
        before[opening].lower in OPENERS or not before[opening].text[0].isalnum()
    ):
        opening += 1
    if opening < len(before) and (
        before[opening].lower in DETERMINERS or before[opening].lower in QUANTIFIERS
    ):
        generic = _generic_sentence_subject(before, opening, reading)
        if generic is not None:
            return generic  # "The senator sought to calm them, saying ..."
    index = _after_introduction(before, reading=reading)
    if index >= len(before) - 1:
        return None
    if before[index].lower in PRONOUNS:
        return [], (before[index].start, before[index].end)
    groups = collect_names(before[index:], after_the=_after_the(before, index))
    words = [t for group in groups for t in group.tokens]
    if not words or words[0] is not before[index]:
        return _generic_sentence_subject(before, index, reading)
    following = before.index(words[-1]) + 1
    if following < len(before) and before[following].text[0].isupper():
        return None
    sources = name_sources(groups, reading.sources)
    if not sources or _opening_word(words, sources):
        return None
    return sources, (words[0].start, words[-1].end)


def _generic_sentence_subject(
    before: list[Token], index: int, reading: ArticleReading
) -> tuple[list[Source], tuple[int, int]] | None:
    """Return the unnamed source that opens a sentence, for a participle or a coordinated verb
    whose subject it is: determiners and quantifiers, then at most :data:`PHRASE_WORDS` words
    that describe the first generic noun ("The senator sought to calm his
    supporters, saying ...", "The two aides signed the letter, saying ..."), followed by a
    word in lower case (the sentence's verb). ``None`` for a noun with no kind ("The storm
    hit the coast, saying nothing"), which names no source.

    Tried at the sentence's opening first (:func:`_sentence_subject`), then after an
    introductory phrase. Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train: named
    sources of a speech verb found 5,073 -> 5,080 of 6,044 after an introductory phrase, and
    5,109 -> 5,113 at the opening too; speaker precision 0.873 throughout, attributed-or-quoted
    F1 0.794 -> 0.795."""
    position = index
    while position < len(before) and (
        before[position].lower in DETERMINERS or before[position].lower in QUANTIFIERS
    ):
        position += 1
    head = next(
        (
            i
            for i in range(position, min(len(before) - 1, position + PHRASE_WORDS + 1))
            if before[i].lower in GENERIC_SOURCES
        ),
        None,
    )
    if head is None or not all(_phrase_word(t) for t in before[position : head + 1]):
        return None
    if not before[head + 1].text[0].islower():
        return None
    sources, span = _generic_subject(before, head, reading.sources)
    if not sources:
        return None
    return sources, (before[index].start, span[1])


#: Words with a capital that open a sentence and are no subject: prepositions and adverbs
#: ("Even before the remarks, ...", "By the time ...").
OPENING_WORDS = frozenset(
    """Even By With Without From To Under Over Into Through Despite Therefore Thus Indeed
    Perhaps Only Just Not Like Unlike Among Amid Against Across Around Until""".split()
)


def _opening_word(words: list[Token], sources: list[Source]) -> bool:
    """Return whether a one-word subject at the head of a sentence is only a capitalised
    opener: a preposition or adverb of :data:`OPENING_WORDS`, or a participle or adverb in
    "-ing" or "-ly" that no source list knows ("Speaking on CNBC, ..."). On PolNeAR train, speaker
    precision 0.876 -> 0.878 with the participle rule alone."""
    if len(words) != 1:
        return False
    word = words[0].text
    if word in OPENING_WORDS:
        return True
    return word.endswith(("ing", "ly")) and sources[0].kind in FOUND_KINDS


#: Conjunctions that join a second verb to a sentence's subject ("Rubio thanked Miami and said
#: ...", "Clinton has disputed both critiques, but says ...").
COORDINATORS = frozenset(["and", "but"])


def coordinated_subject(
    before: list[Token], *, reading: ArticleReading
) -> tuple[list[Source], tuple[int, int]] | None:
    """Return the subject of a reporting verb joined by "and" or "but" to an earlier verb: the
    name or pronoun that opens the sentence, as for a participle (:func:`participle_subject`).

    "Clinton has disputed both critiques, but says ...", "He endorsed Clinton, but told The
    Huffington Post ...", "Trump spotted a sign and asked ...". A subject joined by "and" ("Lee
    and Kim said") is read before this rule (:func:`subject_before`). Measured on PolNeAR train
    (benchmarks/polnear_voice.py, with and without this rule): named sources of a speech verb
    found 5,374 of 6,747 against 5,304; of the 133 (paragraph, source) pairs it adds, 85 are
    named by the annotators (64%: speaker precision 0.878 -> 0.874); the attributed-or-quoted
    words barely move (F1 0.768 both ways), since most of these sentences are covered by
    another attribution already."""
    if not before or before[-1].lower not in COORDINATORS:
        return None
    return _sentence_subject(before, reading=reading)


#: The longest introductory phrase before a sentence's subject, in tokens ("At the same time,
#: Obama ..."; "In an interview on Sunday with CNN, Rubio ..."; "In a conference call with
#: reporters on Dec. 2, Col. Steven H. Warren, ..., said", 13). It was 10; on PolNeAR train
#: (``benchmarks/polnear_voice.py``, the other rules in place) named sources of a speech verb
#: found 5,451, 5,454, 5,458, 5,459, 5,461 and 5,461 of 6,018 at 10, 12, 14, 16, 20 and 24
#: tokens, speaker precision 0.876 throughout: 20, where the count stops growing, chosen there.
INTRODUCTION_TOKENS = 20


def _after_introduction(before: list[Token], *, reading: ArticleReading | None = None) -> int:
    """Return the index of the first token of a sentence's subject: after openers and marks,
    and after an introductory phrase that ends in a comma when the sentence does not open with
    a name or a pronoun (nor with a word capitalised only as the opener of an introduction,
    :func:`_capitalised_opener`, when ``reading`` is given)."""
    index = _after_dateline(before)
    while index < len(before) and (
        before[index].lower in OPENERS or not before[index].text[0].isalnum()
    ):
        index += 1
    index = _after_premodifier(before, index)
    if index < len(before) and (
        before[index].lower in PRONOUNS
        or (
            is_name_word(before[index])
            and before[index].text not in NOT_NAMES
            and not (reading is not None and _capitalised_opener(before, index, reading))
        )
    ):
        return index
    for comma in range(index, min(len(before) - 1, index + INTRODUCTION_TOKENS)):
        if before[comma].text == ",":
            return comma + 1
    return index


#: The most tokens of a dateline before its dash ("WASHINGTON, Dec. 8 (UPI) —").
DATELINE_TOKENS = 12


def _after_dateline(before: list[Token]) -> int:
    """Return the index of the first token after a dateline that opens the sentence, or 0: a
    place, a date and an agency in parentheses, then a dash ("WASHINGTON, Dec. 8 (UPI) —",
    "Washington (AFP) –", "PARIS (Reuters) -"), or a place in capitals and a dash ("ST. LOUIS
    —"). The sentence's subject comes after it: "WASHINGTON (AP) — Sen. Chuck Grassley ... and
    said" is Chuck Grassley, not Washington. Read for the subject of a participle or a
    coordinated verb and before an appositive's commas.

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without this
    rule, the other rules in place: named sources of a speech verb found 5,206 -> 5,209 of
    6,044, speaker precision 0.873 both ways."""
    for dash in range(1, min(len(before) - 1, DATELINE_TOKENS)):
        if before[dash].text not in DASHES:
            continue
        words = [t.text for t in before[:dash] if t.text[0].isalnum()]
        if before[dash - 1].text == ")" or (words and all(w.isupper() for w in words)):
            after = dash + 1
            if before[dash].text == "-" and before[after].text == "-":
                after += 1
            return after if after < len(before) else 0
        return 0
    return 0


_BY = re.compile(r"\s+by\s")

#: The word right before a reporting verb, with only white space between them.
_PREVIOUS_WORD = re.compile(r"(?<![\w'\u2019.&-])(\w+)\s+$")

#: The last two letters of the words of :data:`BLOCKERS` that :data:`_PREVIOUS_WORD` can find.
_BLOCKER_ENDINGS = frozenset(word[-2:] for word in BLOCKERS if word.isalpha())


def _blocking_word(text: str, start: int, verb_start: int) -> re.Match[str] | None:
    """Return the match of :data:`_PREVIOUS_WORD` before the verb at ``verb_start`` (within
    16 characters, in the sentence that starts at ``start``) when its word is one of
    :data:`BLOCKERS` ("was told", "to say"), else ``None``.

    Such a word ends right before the verb's white space in two letters of
    :data:`_BLOCKER_ENDINGS`: the pattern, which tries each of the 16 characters in turn, is
    searched only then. :func:`_reference_blocking_word` is the plain search it must equal
    (tests/test_voice.py, before every reporting verb of every real paragraph)."""
    if not _ends_in(text, start, verb_start, _BLOCKER_ENDINGS):
        return None
    return _reference_blocking_word(text, start, verb_start)


def _reference_blocking_word(text: str, start: int, verb_start: int) -> re.Match[str] | None:
    """Return what :func:`_blocking_word` returns, from the search alone."""
    previous = _PREVIOUS_WORD.search(text, max(start, verb_start - 16), verb_start)
    return previous if previous is not None and previous.group(1).lower() in BLOCKERS else None


def passive_agent(
    text: str, match: re.Match[str], end: int, known: SourceList
) -> tuple[list[Source], tuple[int, int]] | None:
    """Return the source named after "by" right after a reporting verb ("The campaign was first
    reported by The Washington Post", "a tweet posted by Trump"), or ``None``."""
    if _BY.match(text, match.end(), end) is None:
        return None  # most verbs: no "by" after them, and nothing to read
    after = tokens(text, match.end(), end)
    found, source_end = forward_source(after[1:], known)
    if not found or source_end is None:
        return None
    return found, (after[1].start, source_end)


#: Forms of "be" before a participle ("is insisting"), which does not block it.
PROGRESSIVE = frozenset("is are was were been be".split())


def _blocked(before: list[Token]) -> bool:
    """Return whether the word before the verb makes it no attribution ("refused to say", "was
    told", "did not say")."""
    return bool(before) and before[-1].lower in BLOCKERS


def _may_be_noun(form: str, lemma: str) -> bool:
    """Return whether a verb form can also be a noun, its base or -s form ("jobless claims",
    "the reports"); a past form cannot."""
    return form == lemma or form.endswith("s")


#: A quotation that ends in a question or an exclamation mark, right before a verb: the
#: sentence splitter ends a sentence there, so the verb opens one ("“Why?” said Ann Lee").
_ASKED_OR_EXCLAIMED = re.compile("[?!\u2026][\"\u201d\u2019']{1,2}\\s+$")


def _after_asked_or_exclaimed(text: str, match: re.Match[str]) -> bool:
    """Return whether a lowercase verb follows a quotation that ends in "?" or "!" ("“Is he
    here?” said Ann Lee"), where it opens a sentence of its own and its subject comes after it.

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train: the named sources of a
    speech verb found go from 4,982 to 4,996 of 6,044, speaker precision unchanged (0.873).
    """
    return _ASKED_OR_EXCLAIMED.search(text, max(0, match.start() - 6), match.start()) is not None


def _inverted_subject(
    text: str, match: re.Match[str], end: int, before: list[Token], known: SourceList
) -> tuple[list[Source], tuple[int, int]] | None:
    """Return the sources and span of a subject after its verb, if any: after a comma or a
    quotation mark, a name ("“We will win,” said Sen. Joe Manchin") or a pronoun ("..., said
    he")."""
    previous = before[-1].text if before else ""
    if previous not in (",", *QUOTE_CHARS) and not (
        not before and match.group()[0].islower() and _after_asked_or_exclaimed(text, match)
    ):
        return None
    after = tokens(text, match.end(), end)
    found, source_end = forward_source(after, known)
    if source_end is None:
        words = after[:1]
        if not words or words[0].lower not in PRONOUNS:
            return None
        source_end = words[0].end
    return found, (after[0].start, source_end)


def subject_before(
    before: list[Token], *, strict: bool, reading: ArticleReading
) -> tuple[list[Source], tuple[int, int]] | None:
    """Return the sources and span of the subject right before a reporting verb, if any.

    Fillers and days between them are skipped ("NPR also reported", "Smith on Monday said"). The
    subject is a pronoun ("he said", no source named), a generic noun (:func:`_generic_subject`:
    "officials said", "the Pentagon spokesman said") or a name (:func:`_named_subject`). A word
    that blocks the verb or a possessive ("Trump's claims") is no subject. ``strict`` is for a
    verb form that is also a noun ("claims", "reports"): its subject must be more clearly a
    name."""
    index = len(before) - 1
    while index >= 0:
        word = before[index].lower  # each token lower-cased once, not by every test
        if not (
            word in FILLERS
            or word == "on"
            or before[index].text in DAYS
            or _manner_adverb(before, index)
        ):
            break
        index -= 1
    index = _before_suffix_point(before, _before_parenthesis(before, index))
    if index < 0:
        return None
    token = before[index]
    word = token.lower
    if word in BLOCKERS or token.possessive:
        return None
    if token.text == "," and index < len(before) - 1:
        # "Snyder, for his part, has denied": the appositive rule, past the fillers
        return appositive_subject(before[: index + 1], strict=strict, reading=reading)
    if word in RELATIVE_PRONOUNS and index >= 2 and before[index - 1].text == ",":
        antecedent = subject_before(before[: index - 1], strict=False, reading=reading)
        if antecedent is not None and antecedent[0]:
            return antecedent  # "Dov Hikind, who alleged that ...": the relative clause rule
    if word in PRONOUNS:
        return [], (token.start, token.end)
    if (
        word in GENERIC_SOURCES
        or word in ROLES
        or (
            # "The governor admitted"; not "The evil plan failed", where a verb form that is
            # also a noun ("plan", "claims") is the noun
            not strict and not token.cap and index > 0 and before[index - 1].lower in DETERMINERS
        )
    ):
        return _with_names_before(before, _generic_subject(before, index, reading.sources), reading)
    if not is_name_word(token):
        return None
    return _with_names_before(before, _named_subject(before, index, strict, reading), reading)


#: The most names of a list joined to a subject by "and" (:func:`_with_names_before`).
LISTED_NAMES = 5


def _with_names_before(
    before: list[Token],
    subject: tuple[list[Source], tuple[int, int]] | None,
    reading: ArticleReading,
) -> tuple[list[Source], tuple[int, int]] | None:
    """Return the subject with the names that "and" joins to it before it, when the first of
    them opens its clause: "Mr. Xi and other leaders have said", "Clinton and the State
    Department have said", "Ms. Toretti, Mrs. Rao and other prominent bundlers said" name Xi,
    Clinton, Toretti and Rao besides the leaders, the department and the bundlers. A pronoun
    ("she and other Democrats") adds no name; a name that does not open its clause ("He met
    Clinton and the leaders said") adds nothing.

    Read off the named-source misses of PolNeAR train. Measured with
    ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without this rule, the other
    rules in place: named sources of a speech verb found 5,457 -> 5,461 of 6,018, speaker
    precision 0.876 both ways."""
    if subject is None:
        return None
    sources, (span_start, span_end) = subject
    position = _index_at(before, span_start)
    if position is None or position < 2 or before[position - 1].lower != "and":
        return subject
    joint = position - 1
    added: list[Source] = []
    for _ in range(LISTED_NAMES):
        end = joint - 1 if before[joint - 1].text == "," else joint  # an Oxford comma
        conjunct = _named_conjunct(before[:end], reading)
        if conjunct is None:
            return subject
        names, first = conjunct
        added = names + added
        if _opens_clause(before[:first], first):
            return [*added, *sources], (before[first].start, span_end)
        if first < 2 or before[first - 1].text != ",":
            return subject
        joint = first - 1
    return subject


def _index_at(tokens_: list[Token], start: int) -> int | None:
    """Return the index of the token that starts at ``start``, read from the end (a subject
    ends its tokens), or ``None``."""
    for index in range(len(tokens_) - 1, -1, -1):
        if tokens_[index].start == start:
            return index
        if tokens_[index].start < start:
            return None
    return None


def _named_conjunct(head: list[Token], reading: ArticleReading) -> tuple[list[Source], int] | None:
    """Return the sources of the name that ends ``head`` and the index of its first token, or
    ``None`` when no name ends it."""
    if not head or not is_name_word(head[-1]):
        return None
    named = _named_subject(head, len(head) - 1, False, reading)
    if named is None or not named[0]:
        return None
    first = _index_at(head, named[1][0])
    return (named[0], first) if first is not None else None


#: Words other than those in -ly that say how or how many spoke, between a subject and its
#: verb ("Sanders and Trump have both argued", "Clinton's advisers have long insisted"), and
#: the pronouns that stress the subject ("Sanders himself acknowledged").
MANNER_WORDS = frozenset(["both", "long", "himself", "herself", "itself", "themselves"])
# "itself" ("Ford itself said") was added later: on PolNeAR train, 5,460 -> 5,461 of 6,018.

#: Nouns in -ly that can end a subject ("the Lee family said", "a Trump ally said", "the
#: weekly reported"): no adverb of manner.
NOUNS_IN_LY = frozenset(
    """family families ally assembly rally supply monopoly anomaly reply tally bully daily
    weekly monthly quarterly""".split()
)


def _manner_adverb(before: list[Token], index: int) -> bool:
    """Return whether ``before[index]`` is an adverb of manner between a subject and its verb:
    a lower-case word in -ly ("Trump jokingly said", "Gorka similarly warned", "Mr. Rubio
    defiantly told", "Colorado Republican leaders strongly denied") or one of
    :data:`MANNER_WORDS`, not after a determiner and not one of :data:`NOUNS_IN_LY` ("the
    Lee family said" keeps its noun).

    Read off the named-source misses of PolNeAR train (``benchmarks/polnear_named_misses.py``),
    where such an adverb left the verb without a subject. Measured with
    ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without this rule, the other
    rules in place: named sources of a speech verb found 5,217 -> 5,237 of 6,044, speaker
    precision 0.874 both ways, attributed-or-quoted words P/R/F1 0.881/0.758/0.815 both ways;
    the pronouns that stress the subject ("himself"), added later: 5,258 -> 5,260.
    """
    token = before[index]
    word = token.lower
    if word in MANNER_WORDS:
        return True
    return (
        len(word) > 4
        and word.endswith("ly")
        and word not in NOUNS_IN_LY
        and not token.cap
        and token.text.isalpha()
        and not (index > 0 and before[index - 1].lower in DETERMINERS)
    )


def _before_suffix_point(before: list[Token], index: int) -> int:
    """Return the index of a generational suffix whose point ends at ``index`` ("Vice President
    Joseph R. Biden Jr. said", "His son Donald Jr. announced": the name ends in "Jr"), or
    ``index`` when no suffix's point ends there.

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without this
    rule, the other rules in place: named sources of a speech verb found 5,203 -> 5,209 of
    6,044, speaker precision 0.873 both ways."""
    if index >= 1 and before[index].text == "." and before[index - 1].text in NAME_SUFFIXES:
        return index - 1
    return index


def _generic_subject(
    before: list[Token], index: int, known: SourceList
) -> tuple[list[Source], tuple[int, int]]:
    """Return the subject that ends in the generic noun, role or noun after a determiner at
    ``index``: its source is a known one named before the noun ("Pentagon officials said" is the
    Pentagon), else the phrase itself as an unnamed source when its head noun has a kind
    (:func:`unnamed_phrase`: "Police say", "Federal and state officials said", "a top GOP
    strategist said"), else none ("The governor admitted"). The span starts at the determiners
    and quantifiers before it."""
    first = index
    while first > 0 and (
        (before[first - 1].cap and before[first - 1].text[0].isalpha())
        or _connector_in_name(before, first)
    ):
        first -= 1
    groups = collect_names(before[first:index], after_the=_after_the(before, first))
    sources = [s for s in name_sources(groups, known) if s.kind in SOURCE_KINDS]
    start = first
    if not sources:
        start = _phrase_start(before, index)
        sources = unnamed_phrase(before[start : index + 1])
    while start > 0 and (
        before[start - 1].lower in DETERMINERS
        or before[start - 1].lower in QUANTIFIERS
        or before[start - 1].lower in POSSESSIVE_DETERMINERS
    ):
        start -= 1
    return sources, (before[start].start, before[index].end)


def _phrase_start(before: list[Token], index: int) -> int:
    """Return where the phrase that ends in the noun at ``index`` starts: back over at most
    :data:`PHRASE_WORDS` words that can describe it ("Federal and state officials", "Donald
    Trump's campaign manager"), up to a determiner, a quantifier or a word that cannot."""
    first = index
    while (
        first > 0
        and index - first < PHRASE_WORDS
        and _phrase_word(before[first - 1])
        and before[first - 1].lower not in DETERMINERS
        and before[first - 1].lower not in QUANTIFIERS
        and before[first - 1].text not in NOT_NAMES
    ):
        first -= 1
    while first < index and before[first].lower == "and":
        first += 1
    return first


def _named_subject(
    before: list[Token], index: int, strict: bool, reading: ArticleReading
) -> tuple[list[Source], tuple[int, int]] | None:
    """Return the subject that is the name ending at ``index``, read back over capitalised
    words, connectors, roles and the points of abbreviations ("Pentagon spokesman John Kirby
    told", "Sen. Joe Manchin said"), or ``None`` when the words name no source."""
    first = index
    while first > 0:
        candidate = before[first - 1]
        if candidate.cap and candidate.text[0].isalpha():
            first -= 1
        elif _connector_in_name(before, first):
            first -= 1
        elif candidate.lower in ROLES and first > 1 and before[first - 2].cap:
            first -= 1
        elif (phrase := _role_phrase_start(before, first)) is not None:
            first = phrase
        elif candidate.text == "." and first > 1 and is_abbreviation(before[first - 2].text):
            first -= 1
        else:
            break
    groups = collect_names(before[first : index + 1], after_the=_after_the(before, first))
    sources = name_sources(groups, reading.sources)
    if not sources:
        return None
    words = [t for g in groups for t in g.tokens]
    if strict and _capitalised_only_as_opener(before, first, words, sources, reading):
        return None
    return sources, (words[0].start, before[index].end)


def _role_phrase_start(before: list[Token], first: int) -> int | None:
    """Return where the role phrase before the name at ``before[first]`` starts, when a
    capitalised word stands before it ("Sanders campaign manager Jeff Weaver said": the
    index of "campaign"; :func:`~framing.voice.names.role_phrase_end`), or ``None``.

    A role phrase ends in its role word, so none ends before the name unless the word before
    it is one: most names are read without trying the phrase's starts."""
    if first < 3 or before[first - 1].lower not in ROLES:
        return None
    for start in range(first - 2, max(0, first - 2 - ROLE_PHRASE_WORDS) - 1, -1):
        if start < 1:
            return None
        if role_phrase_end(before, start) == first - 1 and before[start - 1].cap:
            return start
    return None


def _connector_in_name(before: list[Token], first: int) -> bool:
    """Return whether the connector before ``before[first]`` joins two words of one name ("Save
    the Children", "Department of Defense"): a capitalised word stands before it that is not a
    sentence opener (:data:`~framing.voice.names.NOT_NAMES`). "As the Washington Post noted",
    "Yesterday the Pentagon said": the name starts after "the".

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without this
    rule, the other rules in place: named sources of a speech verb found 5,207 -> 5,209 of
    6,044, speaker precision 0.874 -> 0.873."""
    return (
        first > 1
        and before[first - 1].text in CONNECTORS
        and before[first - 2].cap
        and before[first - 2].text not in NOT_NAMES
    )


def _capitalised_only_as_opener(
    before: list[Token],
    first: int,
    words: list[Token],
    sources: list[Source],
    reading: ArticleReading,
) -> bool:
    """Return whether a one-word subject has its capital only from opening the sentence:
    "Continuing claims rose" is no attribution unless the article also writes "Continuing"
    with a capital inside a sentence. A known source or an all-capital word ("CENTCOM
    describes") keeps its attribution."""
    opening = all(t.lower in OPENERS or not t.text[0].isalnum() for t in before[:first])
    return (
        len(words) == 1
        and opening
        and not words[0].text.isupper()
        and sources[0].kind in FOUND_KINDS
        and not reading.writes_inside_sentences(words[0].base)
    )


def _after_the(tokens: list[Token], index: int) -> bool:
    """Return whether "the" stands right before ``tokens[index]``."""
    return index > 0 and tokens[index - 1].lower == "the"


# --- across the paragraph ------------------------------------------------------------------------


#: Pronouns that stand for a person already named ("he said"): :func:`resolve_pronouns`.
PERSON_PRONOUNS = frozenset(["he", "she"])


def resolve_pronouns(
    paragraphs: Sequence[str],
    all_tags: Sequence[list[Tag]],
    all_runs: Sequence[Sequence[str]] | None = None,
    *,
    all_titled: Sequence[Sequence[tuple[int, str]]] | None = None,
) -> list[list[Tag]]:
    """Return the tags with a pronoun source ("he said", "she told") given the person named
    most recently before the pronoun in the article; a tag with nobody named before it keeps no
    source. ``all_titled`` are :func:`~framing.voice.surnames.titled_people` of each
    paragraph, when known.

    A person is named by an attribution (a source of kind person, or a single name nobody named
    in full, kind unknown) or by a title before a name ("Sen. Joe Manchin spoke"), in reading
    order. Only "he" and "she" are resolved; the pronoun's gender is not checked against the
    name, and "they" and "it" are left alone (a group, an organisation or a thing). Measured on
    PolNeAR train by benchmarks/polnear_voice.py (``pronouns``).

    A person named after the last pronoun resolves nothing, so the paragraphs after the last
    one with a pronoun to resolve keep their tags as they are, and their names after a title
    are not looked for."""
    if len(paragraphs) != len(all_tags):
        raise ValueError(
            f"resolve_pronouns got {len(all_tags)} lists of tags for {len(paragraphs)} "
            "paragraphs; pass one list per paragraph, in order"
        )
    last = _last_with_pronoun(paragraphs, all_tags)
    if last is None:
        return [list(tags) for tags in all_tags]
    if all_titled is None:
        runs = None if all_runs is None else all_runs[: last + 1]
        all_titled = titled_people_of(paragraphs[: last + 1], runs)
    last_person: Source | None = None
    resolved: list[list[Tag]] = []
    for text, tags, people in zip(
        paragraphs[: last + 1], all_tags[: last + 1], all_titled[: last + 1], strict=True
    ):
        if not tags and not people:
            resolved.append([])  # nobody named, no pronoun: nothing to read
            continue
        kept, last_person = _resolve_in_paragraph(text, tags, people, last_person)
        resolved.append(kept)
    resolved.extend(list(tags) for tags in all_tags[last + 1 :])
    return resolved


def _resolve_in_paragraph(
    text: str,
    tags: Sequence[Tag],
    people: Sequence[tuple[int, str]],
    last_person: Source | None,
) -> tuple[list[Tag], Source | None]:
    """Return one paragraph's tags with their pronouns resolved, and the person named last
    once it is read: its tags and its names after a title (``people``) in reading order, from
    ``last_person``, the person named last before it."""
    titled = [(start, Source(name, "person")) for start, name in people]
    events = sorted(
        [(tag.source_start, index) for index, tag in enumerate(tags)]
        + [(start, -1 - index) for index, (start, _) in enumerate(titled)]
    )
    kept = list(tags)
    for _, index in events:
        if index < 0:
            last_person = titled[-1 - index][1]
            continue
        tag = kept[index]
        if _unresolved_pronoun(text, tag) and last_person is not None:
            tag = kept[index] = tag._replace(sources=(last_person,))
        named = [source for source in tag.sources if source.kind in ("person", "unknown")]
        if named:
            last_person = named[-1]
    return kept, last_person


def _reference_resolve_pronouns(
    paragraphs: Sequence[str], all_tags: Sequence[list[Tag]]
) -> list[list[Tag]]:
    """Return what :func:`resolve_pronouns` returns, reading every paragraph of the article
    (tests/test_voice.py, on every real article)."""
    last_person: Source | None = None
    resolved: list[list[Tag]] = []
    for text, tags, people in zip(paragraphs, all_tags, titled_people_of(paragraphs), strict=True):
        kept, last_person = _resolve_in_paragraph(text, tags, people, last_person)
        resolved.append(kept)
    return resolved


def _last_with_pronoun(paragraphs: Sequence[str], all_tags: Sequence[list[Tag]]) -> int | None:
    """Return the index of the last paragraph with a pronoun source to resolve, or ``None``."""
    for number in range(len(paragraphs) - 1, -1, -1):
        text = paragraphs[number]
        if any(_unresolved_pronoun(text, tag) for tag in all_tags[number]):
            return number
    return None


def _unresolved_pronoun(text: str, tag: Tag) -> bool:
    return not tag.sources and text[tag.source_start : tag.source_end].lower() in PERSON_PRONOUNS


def resolve_tag(tag: Tag, surnames: dict[str, str]) -> Tag:
    """Return ``tag`` with its surnames used alone made full names (the same tag when nothing
    changes)."""
    sources = resolve(tag.sources, surnames)
    return tag if sources == tag.sources else tag._replace(sources=sources)


def cover(
    tags: Sequence[Tag],
    quotes: Sequence[Quote],
    spans: Sequence[tuple[int, int]],
    text: str,
) -> tuple[Attribution, ...]:
    """Return the attributions with the span each covers: its content side of its sentence
    (:func:`content_side`), and for a leading one
    ("According to CBS News, ...") the sentences after it up to the next one with a quotation
    or an attribution with a source (news writing carries such an attribution through a
    paragraph without repeating it; a verb without a source, :func:`unsourced`, does not end
    it).

    A reporting verb ("NBC News reported that ...") covers its own sentence only: measured on
    PolNeAR train, 30% of the words that its following sentences would add are inside an
    annotated attribution (5,828 of 19,199), against 54% of
    the words of its own sentence, its source and verb included (84,495 of 157,060)."""
    quote_spans = [(q.start, q.end) for q in quotes]
    tagged = {tag.sentence for tag in tags if tag.source_start < tag.source_end}
    attributions = []
    for tag in tags:
        start, end = spans[tag.sentence]
        if not tag.leading:
            start, end = content_side(text, tag, start, end)
        if tag.leading:
            for number in range(tag.sentence + 1, len(spans)):
                if number in tagged or _overlaps(*spans[number], quote_spans):
                    break
                end = spans[number][1]
        attributions.append(
            Attribution(
                start=tag.start,
                end=tag.end,
                text=text[tag.start : tag.end],
                verb=normal_form(tag.verb),
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


#: The fewest words after a reporting verb's source and verb that make them its content
#: (:func:`content_side`): "Trump said Tuesday." has one, "Trump said that he won." four.
CONTENT_WORDS = 3

#: Quotation marks that can close a quotation right before an attribution ("“We won,” Lee
#: said that night"): what stands before such an attribution is its content.
_CLOSING_QUOTES = ("\u201d", '"', "''", "\u2019")


def content_side(text: str, tag: Tag, start: int, end: int) -> tuple[int, int]:
    """Return the part of the sentence ``text[start:end]`` that a reporting verb's attribution
    covers: from its source to the end of the sentence when what follows it is its content
    ("In a speech on Tuesday, Trump said that he would win": the introduction is the outlet's
    own words), else the whole sentence.

    The words after the verb are its content when there are at least :data:`CONTENT_WORDS` of
    them, unless the content stands before the attribution: after a verb that precedes its
    source ("..., said Sen. Joe Manchin, a Democrat"), after a closing quotation mark ("“We
    won,” Lee said at a rally"), or between commas ("It was impossible, Gabuyev said, so ...").
    It cannot tell a content before a source from an introduction when circumstances follow
    the verb: "The city fell, Lee said at a rally in Ohio" leaves "The city fell" out.

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train: attributed-or-quoted words
    P/R/F1 0.806/0.740/0.772 without this rule, 0.856/0.725/0.785 with it. With
    :func:`unsourced` too, the words it leaves out of the sentences of attributions are 33%
    inside an annotated content span (16,353 of 50,026); cutting every sentence at its source
    would leave out 55% (29,623 of 53,841), more than it keeps out of precision."""
    if tag.start <= start:
        return start, end
    if tag.source_start > tag.verb_start:
        return start, content_before(text, tag, end)
    head = text[start : tag.start].rstrip()
    if head.rstrip(",").endswith(_CLOSING_QUOTES):
        return start, content_before(text, tag, end)
    tail = text[tag.end : end]
    if head.endswith(",") and tail.lstrip().startswith(","):
        return start, end
    if _CONTENT.search(tail) is None:
        return start, end
    words = [word.lower() for word in WORD_RUN.findall(head)]
    if not _introduction(words) or _ends_in_document(words):
        return start, end
    return tag.start, end


def content_before(text: str, tag: Tag, end: int) -> int:
    """Return where the coverage of an attribution whose content stands before it ends: at
    the end of its source and verb, so that what follows them in the sentence is the
    outlet's own words about the source or the occasion ("“We won,” said Carl Wendorff, a
    warehouse manager", "“...,” Trump said in an interview with Fox News Sunday"): the
    appositive of an inverted source and the occasion of the words are not what the source
    said. At the end of the sentence ``end`` when the content follows them too: a colon
    ("..., he said: ..."), a participle ("Lee said, adding that ..."), a passive's agent
    ("Rubio was asked by moderator Gerard Baker whether ..."), a pronoun after the verb
    ("Just over a quarter, 26 percent, say they will vote ...").

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train (after
    :func:`_clause_follows`): attributed-or-quoted words P/R/F1 0.846/0.753/0.797 ->
    0.883/0.745/0.808 (11,297 fewer words outside annotated content, 2,459 fewer inside);
    with the colon alone, without the participle, the agent and the pronoun,
    0.884/0.743/0.807. Also ending the coverage only where no
    comma and a clause's subject follow ("..., according to Roffman, Trump made demands"):
    37 more words inside, 244 more outside, left out."""
    tail = text[tag.end : end]
    if tail.lstrip().startswith(":") or _is_participle(tag.verb):
        return end
    if _BY.match(text, tag.verb_end, tag.source_start + 1):
        return end  # "Rubio was asked by moderator Gerard Baker whether ...": content after
    if not tag.sources and tag.source_start > tag.verb_start and _CONTENT.search(tail):
        return end  # "Just over a quarter say they will vote ...": a pronoun opens the content
    return tag.end


#: :data:`CONTENT_WORDS` runs of word characters.
_CONTENT = re.compile(rf"\w+(?:\W+\w+){{{CONTENT_WORDS - 1}}}")


def _introduction(words: list[str]) -> bool:
    """Return whether the words before a source (lower case) hold more than openers,
    determiners and quantifiers, which are part of the source ("Many African-Americans feel",
    "But the senator said")."""
    return any(
        word not in OPENERS and word not in DETERMINERS and word not in QUANTIFIERS
        for word in words
    )


def _ends_in_document(words: list[str]) -> bool:
    """Return whether the words before a source (lower case) end in a generic noun and a link
    word that the source completes: "Estimates by the Syrian Observatory claim", "A report
    from the Pentagon found". They belong to the source's phrase, not to an introduction."""
    if words and words[-1] == "the":
        words = words[:-1]
    return len(words) >= 2 and words[-1] in GENERIC_LINKS and words[-2] in GENERIC_SOURCES


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in spans)


def link_quotes(
    quotes: Sequence[Quote],
    tags: Sequence[Tag],
    spans: Sequence[tuple[int, int]],
    previous: Quote | None,
) -> tuple[Quote, ...]:
    """Return the quotes with their speakers: the nearest attribution with a source in the
    quote's own sentences, else the speaker of the quotation it continues (``previous``, the
    last quotation of the paragraph before), else the speaker of the quotation before it in the
    paragraph (same mark), else the last attribution before it."""
    linked: list[Quote] = []
    for quote in quotes:
        if quote.mark == "transcript":
            linked.append(quote)  # a transcript's turn names its speaker itself
            continue
        numbers = [n for n, (s, e) in enumerate(spans) if s < quote.end and quote.start < e]
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
            earlier = [tag for tag in tags if tag.start < quote.start and tag.sources]
            sources = earlier[-1].sources if earlier else ()
        linked.append(quote.with_sources(sources))
    return tuple(linked)
