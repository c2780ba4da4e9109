"""Names of sources: the words of a name as written, and the source each name stands for.

A run of capitalised words is a name ("Syrian Observatory for Human Rights"); a possessive or a
role word between two names splits them ("NPR’s Tom Bowman" is NPR, then Tom Bowman; "CBS News
reporter Holly Williams" is CBS News, then Holly Williams). Each name is looked up in the known
sources (longest alias first), and a name the list does not know becomes a person, an
organisation or an unknown source by its words.

>>> from framing.voice.sources import load_sources
>>> from framing.voice.tokens import tokens
>>> text = "CBS News reporter Holly Williams"
>>> groups = collect_names(tokens(text, 0, len(text)))
>>> [source.name for source in name_sources(groups, load_sources())]
['CBS News', 'Holly Williams']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from framing.voice.model import Source
from framing.voice.sources import SourceList
from framing.voice.tokens import Token, base_of, token_texts, tokens

__all__ = [
    "CONNECTORS",
    "ROLES",
    "TITLES",
    "NAME_SUFFIXES",
    "NOT_NAMES",
    "ORG_WORDS",
    "NameGroup",
    "is_name_word",
    "is_name_text",
    "is_abbreviation",
    "collect_names",
    "PREMODIFIER",
    "is_premodifier",
    "role_phrase_end",
    "name_sources",
    "found_name",
    "names_inside_sentences",
]

#: A word written before a person's name that is no part of it: an age ("81-year-old Parker
#: Eaton") or a place the person works from ("Texas-based Matt Mackowiak"). Read off the
#: named-source misses of PolNeAR train, where it hid the name; measured with
#: ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without it, the other rules in
#: place: named sources of a speech verb found 5,459 -> 5,461 of 6,018 for the age, 5,460 ->
#: 5,461 for the place, speaker precision 0.876 both ways.
PREMODIFIER = re.compile(r"\d+-year-old|[A-Z][\w.]*-based")


def is_premodifier(token: Token) -> bool:
    """Return whether ``token`` is a :data:`PREMODIFIER` (its hyphen checked before the
    pattern, which most tokens would fail)."""
    return "-" in token.text and PREMODIFIER.fullmatch(token.text) is not None


#: Words that join the parts of a name ("Save the Children", "Department of Defense").
CONNECTORS = frozenset("of for the and on de del al la le du von van &".split())

#: Lower-case words for a role between an organisation and a person ("CBS News reporter Holly
#: Williams", "Pentagon spokesman John Kirby"). "counsel", "speaker", "leader" and "executive"
#: ("FBI general counsel James Baker", "Former House speaker Newt Gingrich", "Senate minority
#: leader Harry Reid") were added with the role phrases: on PolNeAR train
#: (``benchmarks/polnear_voice.py``), with and without them, named sources of a speech verb
#: found 5,200 -> 5,209 of 6,044, speaker precision 0.873 both ways.
ROLES = frozenset(
    """reporter reporters correspondent anchor host editor columnist writer journalist spokesman
    spokeswoman spokesperson analyst commentator contributor producer chief director secretary
    official officer commander president minister adviser advisor researcher economist professor
    expert congressman congresswoman senator governor mayor candidate nominee front-runner
    frontrunner supporter strategist pollster operative aide lawyer attorney moderator
    manager chairman chairwoman founder co-founder activist delegate counsel speaker leader
    executive""".split()
)

#: Titles before a person's name, stripped from it ("Sen. Joe Manchin" is Joe Manchin).
TITLES = frozenset(
    """President Vice Sen Senator Rep Representative Gov Governor Secretary Speaker Leader Mayor
    Judge Justice Chief Dr Mr Mrs Ms Miss Gen General Adm Admiral Col Colonel Capt Captain Lt
    Sgt Maj Major Prime Minister Attorney Press Former Majority Minority House Senate Sheriff
    Officer Professor Prof Rev Pope King Queen Prince Ambassador Commissioner Director Chairman
    Chairwoman Chair Deputy Assistant Special Counsel First Lady Commander Spokesman Spokeswoman
    Reporter Correspondent Democratic Republican GOP Lieutenant Sergeant Army Navy Whip
    Director-General Secretary-General""".split()
)

#: Words of an office between a title and a name ("Secretary of State Antony Blinken").
OFFICES = frozenset(
    """State Defense Health Homeland Security Foreign Affairs Treasury Transportation Energy
    Labor Commerce Interior Education Agriculture Veterans Finance Staff""".split()
)

_TITLES_AND_OFFICES = TITLES | OFFICES

#: Generational suffixes after a surname, written with a point ("Joseph R. Biden Jr.", "James B.
#: Comey Jr.", "Donald Jr."): part of the name, like an initial.
NAME_SUFFIXES = frozenset(["Jr", "Sr"])

#: Words with a capital that are not names (pronouns, sentence openers, days and months).
NOT_NAMES = frozenset(
    """He She It They We I You This That These Those There Here The A An But And Or So Yet Now
    Also However Meanwhile Still Then Later Earlier Separately Instead Last Next In On At For
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Mon Tue Wed Thu Fri Sat Sun Jan Feb
    Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Who What When Where Why How Some Many Most Few
    Both Each Every All Several Other Another One Two Three Its His Her Their Our My Your As If
    While After Before Since Because Although Though Today Tonight Yesterday Tomorrow""".split()
)

#: Words for an organisation inside a name the list does not know.
ORG_WORDS = frozenset(
    """Department Ministry Agency Council Committee Institute University College Association
    Organization Organisation Observatory Foundation Center Centre Office Bureau Commission Party
    News Times Post Journal Press Network Group Forces Army Navy Police Court Congress Senate
    Administration Government Campaign Coalition Union Corporation Inc Company Fund Bank Service
    Authority Board Media Radio Television TV Tribune Herald Daily Magazine Project Alliance
    Federation Society Trust Watch International Command Guard Council Club League""".split()
)

_WORD_HYPHEN = re.compile(r"[-\u2010\u2011]")


def is_name_word(token: Token) -> bool:
    """Return whether a token can be part of a name: it starts with a capital letter, and its
    last hyphenated part does too ("Al-Qaeda" can, "Republican-led" cannot)."""
    return is_name_text(token.text)


def is_name_text(text: str) -> bool:
    """Return :func:`is_name_word` of a token whose text is ``text``."""
    if not (text[0].isupper() and text[0].isalpha()):
        return False
    if "-" not in text and "\u2010" not in text and "\u2011" not in text:
        return True  # one part, and it starts with a capital
    return not _WORD_HYPHEN.split(text)[-1][:1].islower()


def is_abbreviation(word: str) -> bool:
    """Return whether ``word`` before a point is a title ("Sen"), an initial ("M") or a
    generational suffix ("Jr", :data:`NAME_SUFFIXES`)."""
    return word in TITLES or word in NAME_SUFFIXES or (len(word) == 1 and word.isupper())


@dataclass
class NameGroup:
    """The words of one name as written, and whether the pattern says it is a person."""

    tokens: list[Token] = field(default_factory=list)
    person: bool = False
    after_the: bool = False
    #: Whether a role phrase follows the name ("Sanders campaign manager Jeff Weaver"): it
    #: names a source only as a known one or an organisation (:func:`name_sources`).
    before_role: bool = False


def collect_names(tokens: list[Token], after_the: bool = False) -> list[NameGroup]:
    """Return the names at the head of ``tokens``: runs of capitalised words, joined by
    connectors ("Save the Children") and by the point of an abbreviation ("Andrew M. Cuomo"),
    and split after a possessive or at a role word, after which comes a person."""
    groups: list[NameGroup] = []
    current = NameGroup(after_the=after_the)
    person_next = False
    skip_to = -1
    skipped = 0  # openers before the first name ("His campaign chairman Paul Manafort")
    for index, token in enumerate(tokens):
        if index <= skip_to:
            continue  # the words of a role phrase (role_phrase_end)
        if index == skipped and not groups and is_premodifier(token):
            skipped += 1
            continue  # "81-year-old Parker Eaton", "Texas-based Matt Mackowiak"
        if is_name_word(token):
            if not current.tokens and token.text in NOT_NAMES and token.text != "The":
                if groups or index:
                    break
                skipped += 1
                continue  # a sentence opener before the name ("But CBS News reported")
            current.tokens.append(token)
            if token.possessive:  # "NPR’s Tom Bowman"
                groups.append(current)
                current, person_next = NameGroup(person=True), True
            continue
        if token.text == "." and current.tokens and is_abbreviation(current.tokens[-1].text):
            continue
        if (
            token.text in CONNECTORS
            and current.tokens
            and index + 1 < len(tokens)
            and tokens[index + 1].cap
            and tokens[index + 1].text[0].isalpha()
        ):
            current.tokens.append(token)
            continue
        if token.lower in ROLES and (current.tokens or groups or index == 0):
            # "CBS News reporter Holly Williams", "reporter Ruth Sherlock"
            if current.tokens:
                groups.append(current)
            current, person_next = NameGroup(person=True), True
            continue
        role = (
            role_phrase_end(tokens, index)
            if (current.tokens or groups or index == skipped) and token.text[0].islower()
            else None
        )
        if role is not None:  # "Sanders campaign manager Jeff Weaver"
            if current.tokens:
                groups.append(current)
            if groups:
                groups[-1].before_role = True  # also after a possessive: "Clinton's top aide"
            current, person_next, skip_to = NameGroup(person=True), True, role
            continue
        break
    if current.tokens:
        current.person = current.person or person_next
        groups.append(current)
    return [group for group in groups if group.tokens]


#: The most words in lower case before a role word in a role phrase ("White House press
#: secretary Josh Earnest", "Clinton's top foreign policy aide Jake Sullivan").
ROLE_PHRASE_WORDS = 3


def role_phrase_end(tokens: Sequence[Token], index: int) -> int | None:
    """Return the index of the role word that ends a role phrase starting at ``tokens[index]``:
    at most :data:`ROLE_PHRASE_WORDS` words in lower case that describe the role, the role
    word, then a name ("Sanders campaign manager Jeff Weaver", "FBI general counsel James
    Baker", "Trump senior communications adviser Jason Miller"); else ``None``. The words
    before the phrase name whom the person speaks for, as a single role word does ("Pentagon
    spokesman John Kirby"), when they are a known source or an organisation: "Democratic
    presidential candidate Hillary Clinton" and "Sanders campaign manager Jeff Weaver" name
    the person only (a party's adjective, and a surname that would stand for the candidate).

    Measured with ``benchmarks/polnear_voice.py`` on PolNeAR train, with and without this
    rule, the other rules in place: named sources of a speech verb found 5,206 -> 5,209 of
    6,044, speaker precision 0.873 both ways. It finds the person ("Clinton's top foreign
    policy aide Jake Sullivan" was the phrase itself); the annotators' key of most role
    phrases is the name before them ("Sanders" of "Sanders campaign manager Jeff Weaver"),
    which it names only as a known source or an organisation (naming every name before a
    role phrase found 5,250, with "Democratic" and "Bernie Sanders" among the sources)."""
    for role in range(index, min(len(tokens) - 1, index + ROLE_PHRASE_WORDS + 1)):
        token = tokens[role]
        if token.lower in ROLES and role > index:
            following = tokens[role + 1]
            if is_name_word(following) and following.text not in NOT_NAMES:
                return role
            return None
        if not _role_describer(token):
            return None
    return None


def _role_describer(token: Token) -> bool:
    """Return whether a token can describe a role word: a word in lower case, no connector and
    no past form ("press", "campaign", "senior", "foreign policy"; not "told", "of")."""
    text = token.text
    return (
        text[0].islower()
        and text.replace("-", "").isalpha()
        and text not in CONNECTORS
        and not text.endswith("ed")
    )


def name_sources(groups: Sequence[NameGroup], known: SourceList) -> list[Source]:
    """Return the sources the names stand for, each once: the longest known alias at each word
    first ("The" before it allowed, "The New York Times"), and the words between known aliases
    as a name the list does not know (split at "and")."""
    sources: list[Source] = []
    for group in groups:
        first = len(sources)
        words = [token.base if token.possessive else token.text for token in group.tokens]
        rest: list[str] = []
        index = 0
        while index < len(words):
            found = _known_alias_at(words, index, known, group.after_the)
            if found is not None:
                sources.extend(found_name(rest, group.person))
                rest = []
                sources.append(found[0])
                index += found[1]
                continue
            if words[index] in ("and", "&"):
                sources.extend(found_name(rest, group.person))
                rest = []
            else:
                rest.append(words[index])
            index += 1
        sources.extend(found_name(rest, group.person))
        if group.before_role:
            sources[first:] = [s for s in sources[first:] if s.kind not in ("person", "unknown")]
    return list(dict.fromkeys(sources))


def _known_alias_at(
    words: list[str], index: int, known: SourceList, after_the: bool
) -> tuple[Source, int] | None:
    """Return the source of the longest known alias that starts at ``words[index]`` and its
    number of words, or ``None``."""
    for size in range(min(known.longest_alias, len(words) - index), 0, -1):
        alias = " ".join(words[index : index + size])
        source = known.lookup(alias)
        if source is None and index == 0 and after_the:
            source = known.lookup("The " + alias)
        if source is not None:
            return source, size
    return None


def found_name(words: list[str], person: bool) -> list[Source]:
    """Return the source for a name the list does not know (empty when it is no name).

    Openers and connectors at its ends are dropped. A title inside the name leaves the person
    after it ("Canadian Prime Minister Justin Trudeau" is Justin Trudeau), and "of" after a
    person's name ends it ("Gov. Andrew M. Cuomo of New York"). A name with an organisation
    word is an organisation; one the pattern marks as a person, or of two to four capitalised
    words, is a person; anything else is unknown."""
    while words and (words[0] in CONNECTORS or words[0] in NOT_NAMES):
        words = words[1:]
    titled = False
    if "of" in words[1:]:
        # "Gov. Andrew M. Cuomo of New York" is Andrew M Cuomo; "Department of Health" stays.
        head = words[: words.index("of", 1)]
        if not any(word in ORG_WORDS for word in head) and not all(
            word.rstrip(".") in TITLES for word in head
        ):
            words = head
    marks = [i for i, word in enumerate(words[:-1]) if word.rstrip(".") in _TITLES_AND_OFFICES]
    if marks:
        person_words = words[marks[-1] + 1 :]
        named = [w for w in person_words if w.rstrip(".") not in NAME_SUFFIXES]
        if len(named) <= 3 and not any(w in ORG_WORDS for w in person_words):
            words, titled = person_words, True
    while words and words[-1] in CONNECTORS:
        words = words[:-1]
    if not words or all(word in NOT_NAMES for word in words):
        return []
    name = " ".join(words)
    if any(word in ORG_WORDS for word in words):
        return [Source(name, "organisation")]
    if person or titled:
        return [Source(name, "person")]
    if 2 <= len(words) <= 4 and all(word[0].isupper() and word.isalpha() for word in words):
        return [Source(name, "person")]
    return [Source(name, "unknown")]


def names_inside_sentences(
    paragraphs: Sequence[str], all_sentences: Sequence[Sequence[tuple[int, int]]]
) -> frozenset[str]:
    """Return the words an article writes with a capital other than at a sentence's start.

    Read from the texts of the tokens (:func:`~framing.voice.tokens.token_texts`), without a
    :class:`~framing.voice.tokens.Token` for each word of the article;
    :func:`_reference_names_inside_sentences` reads the tokens, and the two must be equal
    (tests/test_voice.py, on every real article)."""
    names = set()
    for text, spans in zip(paragraphs, all_sentences, strict=True):
        for start, end in spans:
            words = [word for word in token_texts(text, start, end) if word[0].isalnum()]
            names.update(base_of(word) for word in words[1:] if is_name_text(word))
    return frozenset(names)


def _reference_names_inside_sentences(
    paragraphs: Sequence[str], all_sentences: Sequence[Sequence[tuple[int, int]]]
) -> frozenset[str]:
    """Return what :func:`names_inside_sentences` returns, from the tokens of each sentence."""
    names = set()
    for text, spans in zip(paragraphs, all_sentences, strict=True):
        for start, end in spans:
            words = [t for t in tokens(text, start, end) if t.text[0].isalnum()]
            names.update(t.base for t in words[1:] if is_name_word(t))
    return frozenset(names)
