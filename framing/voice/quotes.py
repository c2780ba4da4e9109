"""Quotations: the spans inside quotation marks, found over a whole article.

A quotation is inside straight ``"``, curly ``“ ”``, German and Polish ``„ “``, guillemets
(``« »`` and ``» «``), a paired single quotation mark ``‘ ’``, or the two-character marks of
research corpora: two apostrophes ``''…''`` (news-archive exports such as the New York Times')
and the Penn Treebank's two backticks ````…''``. It can run over several paragraphs (each opened
again, the earlier ones left without a closing mark); an unbalanced mark closes at the end of
its paragraph (or before the next opening mark, or at the end of its line when more lines of
its paragraph follow: :func:`_unclosed_end`). Apostrophes ("who’s", "ISIS’ control", "’90s")
are never quotation marks, nor are the marks around a markup attribute's value
(:func:`markup_values`); the title of a work in quotation marks is no quotation
(:func:`title_of_work`).

>>> quotes = find_quotes(["He said: “We will stay.", "“We will win.”", 'Then "no" and ‘ok’.'])
>>> [[(q.text, q.continued, q.continues, q.unbalanced) for q in p] for p in quotes[:2]]
[[('“We will stay.', False, True, False)], [('“We will win.”', True, False, False)]]
>>> [q.text for q in quotes[2]]
['"no"', '‘ok’']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from framing.text.archive import is_archive_metadata
from framing.text.words import iter_words
from framing.voice.model import Quote, Source

__all__ = [
    "find_quotes",
    "find_transcript_turns",
    "markup_values",
    "title_of_work",
    "QUOTE_CHARS",
]

_DOUBLE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
#: Every character that can be a quotation mark, double or single.
QUOTE_CHARS = _DOUBLE_MARKS + "'\u2018\u2019"
_OPENING_PUNCT = "([{\u2014\u2013-/"
_CLOSING_PUNCT = ".,;:!?)]}\u2014\u2013-\u2026"

#: Two apostrophes (news-archive exports write ''...'' for “...”) and two backticks (PTB
#: tokenisation opens with ``): each is one double mark of two characters. Two apostrophes are
#: read like a straight mark, from their neighbours; two backticks only ever open.
_TWO_CHARACTER_MARKS = ("''", "``")
_DOUBLE_MARK = re.compile(f"''|``|[{_DOUBLE_MARKS}]")
#: The one-character marks only: what ``_DOUBLE_MARK`` finds in a text without '' or ``.
_ONE_CHARACTER_MARK = re.compile(f"[{_DOUBLE_MARKS}]")
#: Any character that a quotation needs: a double mark, an apostrophe or backtick (of '' and
#: ``), or a single mark that opens (a closing ’ alone is an apostrophe).
_ANY_MARK = re.compile(f"[{_DOUBLE_MARKS}'`\u2018]")
#: A single mark that opens: at the start, or after white space, a bracket, a dash or a double
#: mark, and before a word character. Written as the mark first, then "the two characters that
#: end here are not another character and the mark": a pattern that starts with its characters
#: lets the regular expression engine skip to them, where one that starts with a look-behind is
#: tried at every character, about three times slower on the real paragraphs that hold a single
#: mark. ``_REFERENCE_SINGLE_OPEN`` is its plain twin (tests/test_voice.py checks them equal on
#: every real paragraph).
_SINGLE_OPEN = re.compile(r"['\u2018](?<![^\s(\[\u2014\u2013\"\u201c]['\u2018])(?=\w)")
_REFERENCE_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013\"\u201c]))['\u2018](?=\w)")
#: A single mark that closes: after a word or its final punctuation, and before white space,
#: punctuation, a double mark or the end. The mark first, as in ``_SINGLE_OPEN``;
#: ``_REFERENCE_SINGLE_CLOSE`` is its plain twin.
_SINGLE_CLOSE = re.compile(
    r"['\u2019](?<=[\w.,!?\u2026]['\u2019])(?=$|[\s.,;:!?)\]\u2014\u2013\"\u201d])"
)
_REFERENCE_SINGLE_CLOSE = re.compile(
    r"(?<=[\w.,!?\u2026])['\u2019](?=$|[\s.,;:!?)\]\u2014\u2013\"\u201d])"
)


def _context(text: str, position: int, width: int = 1) -> tuple[bool, bool]:
    """Return (looks like an opening mark, looks like a closing mark) from the neighbours of
    the mark of ``width`` characters at ``position``."""
    before = text[position - 1] if position else " "
    after = text[position + width] if position + width < len(text) else " "
    opening = (before.isspace() or before in _OPENING_PUNCT or before in _DOUBLE_MARKS) and not (
        after.isspace()
    )
    closing = not before.isspace() and (
        after.isspace() or after in _CLOSING_PUNCT or after in _DOUBLE_MARKS or after in "'\u2019"
    )
    return opening, closing


def _is_opening(mark: str, text: str, position: int, is_open: bool) -> bool:
    """Return whether a double mark opens a quotation (else it closes one).

    A curly mark says which it is, unless its place clearly says the other: a curly opening mark
    in a closing position while a quotation is open was turned the wrong way by a word
    processor. A straight mark is read from its neighbours, and when they do not tell, it opens
    a quotation if none is open."""
    opening, closing = _context(text, position, len(mark))
    if mark in ("\u201c", "\u201e", "\u00ab", "``"):
        return not (is_open and closing and not opening)
    if mark in ("\u201d", "\u00bb"):
        return not is_open and opening and not closing
    if opening and not closing:
        return True
    if closing and not opening:
        return False
    return not is_open


def _single_quotes(text: str, taken: list[tuple[int, int]]) -> list[Quote]:
    """Return the paired single-quoted spans of ``text`` that lie outside ``taken`` spans.

    An opening single mark starts a word after a space; a closing one ends a word before a space
    or punctuation, before the next opening mark. Anything else (who’s, ’90s) is an apostrophe,
    and so is a closing-looking mark with no opening mark before it (ISIS’ control). A span
    needs a word of two letters or more ("rock ’n’ roll" quotes nothing)."""
    if "'" not in text and "\u2018" not in text:
        return []  # neither mark that can open
    openers = [m.start() for m in _SINGLE_OPEN.finditer(text)]
    if not openers:
        return []

    def outside(position: int) -> bool:
        return not any(start <= position < end for start, end in taken)

    closers = [m.start() for m in _SINGLE_CLOSE.finditer(text) if outside(m.start())]
    quotes = []
    position = 0
    for number, opener in enumerate(openers):
        if opener < position or not outside(opener):
            continue
        next_opener = openers[number + 1] if number + 1 < len(openers) else len(text)
        close = next((c for c in closers if opener + 1 < c < next_opener), None)
        if close is None:
            continue
        if not any(len(word.group()) > 1 for word in iter_words(text[opener + 1 : close])):
            continue
        quotes.append(Quote(opener, close + 1, text[opener : close + 1], "single"))
        position = close + 1
    return quotes


def _opens_again(text: str, marks: list[tuple[int, str]]) -> bool:
    """Return whether ``text`` starts with an opening double mark: how a paragraph says that the
    quotation left open at the end of the one before goes on."""
    if not marks:
        return False
    first = marks[0][0]
    return not text[:first].strip() and _is_opening(marks[0][1], text, first, False)


def _double_quotes(
    text: str, marks: list[tuple[int, str]], carried: bool
) -> tuple[list[Quote], bool]:
    """Return the double-quoted spans of one paragraph, and whether one is left open at its end.

    ``carried`` says that a quotation was open at the end of the previous paragraph: if this
    paragraph opens with a mark, its first quotation is ``continued``. A closing mark with
    nothing open closes a quotation that ran from the paragraph's start (or from the end of the
    quotation before it); an opening mark while one is open closes that one before it."""
    if not marks:
        return [], False
    quotes: list[Quote] = []
    open_at: int | None = None
    continued = False
    first_mark = marks[0][0]
    starts_with_mark = not text[:first_mark].strip()
    for position, mark in marks:
        if open_at is None:
            if _is_opening(mark, text, position, False):
                open_at = position
                continued = carried and position == first_mark and starts_with_mark
            else:
                after = quotes[-1].end if quotes else 0
                start = after + len(text[after:]) - len(text[after:].lstrip())
                end = position + len(mark)
                quotes.append(Quote(start, end, text[start:end], "double", opened=False))
        elif _is_opening(mark, text, position, True):
            end = _unclosed_end(text, open_at, position)
            quotes.append(
                Quote(open_at, end, text[open_at:end], "double", closed=False, continued=continued)
            )
            open_at, continued = position, False
        else:
            end = position + len(mark)
            quotes.append(Quote(open_at, end, text[open_at:end], "double", continued=continued))
            open_at, continued = None, False
    if open_at is None:
        return quotes, False
    end = _unclosed_end(text, open_at, len(text))
    # Open at the paragraph's end (not cut at a line of its own): it may go on in the next one.
    continues = end == len(text.rstrip())
    if continues:
        end = len(text)
    quotes.append(
        Quote(
            open_at,
            end,
            text[open_at:end],
            "double",
            closed=False,
            continued=continued,
            continues=continues,
        )
    )
    return quotes, continues


def _unclosed_end(text: str, start: int, end: int) -> int:
    r"""Return where a quotation opened at ``start`` and never closed ends, when the next mark
    or the paragraph's end comes at ``end``: at the end of its line if a line of the same
    paragraph begins before ``end`` (a web page's paragraph holds lines of their own: the
    headings and lists after an excerpt whose closing mark was lost are not in it), else at
    ``end``, white space left out.

    On PolNeAR train (``benchmarks/polnear_voice.py``) the rule takes 72 words that lie outside
    any attribution's content out of quotations, and 17 inside one (12 of them stay
    attributed), all of them in HuffPost's digests.

    >>> text = "From the report: “We won.\nPOLLS\n-Lee leads."
    >>> text[17 : _unclosed_end(text, 17, len(text))]
    '“We won.'
    """
    line_end = text.find("\n", start, end)
    if line_end != -1 and text[line_end:end].strip():
        end = line_end
    return len(text[:end].rstrip())


def markup_values(text: str, marks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Return ``marks`` without those that delimit the value of a markup attribute: a double
    mark right after ``=`` and the mark after it, which closes the value.

    Texts scraped from the web keep the markup of embedded posts and links (``<tweet
    pic="pic.twitter.com/f" author="GovMikeHuckabee" timestamp="1449075600">``, ``<a
    href=”https://...” target=”_blank”>``): a value is nobody's words. On PolNeAR train
    (``benchmarks/polnear_voice.py``) such values were 386 falsely quoted words (identifiers,
    dates, handles) that no annotator attributes: Breitbart 57, HuffPost 117, Western
    Journalism 212; no word the annotators attribute inside quotation marks changes.

    >>> text = '<tweet author="Ann" id="12">“We won,” she wrote.'
    >>> [mark for _, mark in markup_values(text, [(m.start(), m.group()) for m in
    ...     _ONE_CHARACTER_MARK.finditer(text)])]
    ['“', '”']
    """
    kept = []
    skip_next = False
    for position, mark in marks:
        if skip_next:
            skip_next = False
        elif position and text[position - 1] == "=":
            skip_next = True
        else:
            kept.append((position, mark))
    return kept


#: Nouns that name a work before its title in quotation marks ("the book “Gifted Hands”").
WORK_NOUNS = frozenset(
    """show program programme series episode book memoir novel biography podcast film movie
    documentary album song play musical sitcom drama column""".split()
)
#: Nouns that a work's title in quotation marks describes ("the “Jane the Virgin” actress").
WORK_ROLE_NOUNS = frozenset(
    """star stars actor actress actors cast creator creators host author writer director
    producer showrunner reboot sequel remake trailer premiere finale""".split()
)
#: Short words that stay in lower case inside a title ("Meet the Press", "Girls of Summer").
TITLE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or the to vs with".split()
)
#: The most words a title in quotation marks holds for :func:`title_of_work`, and the most
#: characters (marks included) of eight words of ten letters and their spaces.
TITLE_WORDS = 8
TITLE_CHARACTERS = 100


def _title_case(words: list[str]) -> bool:
    return (
        bool(words)
        and words[0][:1].isupper()
        and all(
            word[:1].isupper() or not word[:1].isalpha() or word in TITLE_SMALL_WORDS
            for word in words
        )
    )


def title_of_work(text: str, quote: Quote) -> bool:
    """Return whether a quotation is the title of a work (a show, a book, a film), not anybody's
    words: paired within its paragraph, at most :data:`TITLE_WORDS` words in title case (each
    capitalised but the short words of :data:`TITLE_SMALL_WORDS`), right after a noun of
    :data:`WORK_NOUNS` ("the book “Gifted Hands”"), a capitalised possessive ("NBC's “Meet the
    Press”") or "on" ("said on “Fox News Sunday”"), or right before a noun of its cast or its
    kind ("the “Jane the Virgin” actress"), in a paragraph that is not in title case itself (a
    headline's quotation is somebody's words).

    On PolNeAR train (``benchmarks/polnear_voice.py``) the rule takes 248 falsely quoted words
    out of quotations (names of shows and books, which no annotator marks as anybody's words)
    and 37 words that lie inside an attribution's content, where a title stands in a sentence
    attributed as a whole (Breitbart 34 and 11, HuffPost 55 and 5, the New York Times 77 and 1,
    Politico 50 and 12, the Washington Post 32 and 8). A title before a noun of
    :data:`WORK_ROLE_NOUNS` ("the “Broad City” star", :func:`_before_role_noun`) takes 13 more
    falsely quoted words out, all HuffPost's, and 3 inside content (HuffPost 1, Politico 2).

    >>> text = "Clinton said on NBC's “Meet the Press” that “We Will Win.”"
    >>> title_of_work(text, Quote(22, 38, "“Meet the Press”", "double"))
    True
    >>> [q.text for q in find_quotes([text])[0]]
    ['“We Will Win.”']
    """
    if quote.end - quote.start > TITLE_CHARACTERS:
        return False  # too long for a title: most quotations stop here
    if not (quote.opened and quote.closed) or quote.continued or quote.continues:
        return False
    before = text[max(0, quote.start - 30) : quote.start].rsplit(maxsplit=1)
    word = before[-1] if before else ""
    if not (
        word.lower() in WORK_NOUNS
        or word == "on"
        or (word[:1].isupper() and word.endswith(("'s", "\u2019s")))
        or _before_role_noun(text, quote)
    ):
        return False
    words = [w.group() for w in iter_words(quote.text)]
    if len(words) > TITLE_WORDS or not _title_case(words):
        return False
    outside = [w.group() for w in iter_words(text[: quote.start] + " " + text[quote.end :])]
    return not _title_case(outside)


def _before_role_noun(text: str, quote: Quote) -> bool:
    """Return whether a quotation names what the noun after it belongs to, a noun of
    :data:`WORK_ROLE_NOUNS` ("the “Jane the Virgin” actress"); a quotation that ends with a
    comma or a full stop inside its marks ends a sentence's words instead ("“Stop,” author Ann
    Lee said")."""
    if quote.text.rstrip(QUOTE_CHARS + "`")[-1:] in (",", ".", "!", "?"):
        return False
    after = text[quote.end : quote.end + 30].split(maxsplit=1)
    return bool(after) and after[0].lower() in WORK_ROLE_NOUNS


def find_quotes(paragraphs: Sequence[str]) -> list[list[Quote]]:
    """Return the quotations of each paragraph, found over the whole article (in order of their
    start in each paragraph)."""
    result: list[list[Quote]] = []
    carried = False  # a quotation is open at the end of the previous paragraph
    for text in paragraphs:
        if _ANY_MARK.search(text) is None:
            # No mark that opens or closes a double quotation or opens a single one: the
            # paragraph quotes nothing, and a quotation open before it ended with its paragraph.
            if carried:
                _end_with_paragraph(result)
                carried = False
            result.append([])
            continue
        pattern = _DOUBLE_MARK if "''" in text or "``" in text else _ONE_CHARACTER_MARK
        marks = [(m.start(), m.group()) for m in pattern.finditer(text)]
        if "=" in text:
            marks = markup_values(text, marks)
        if carried and not _opens_again(text, marks):
            # The open quotation ended with its paragraph: nothing carries over.
            _end_with_paragraph(result)
        quotes, carried = _double_quotes(text, marks, carried)
        quotes.extend(_single_quotes(text, [(q.start, q.end) for q in quotes]))
        if quotes:
            quotes = [quote for quote in quotes if not title_of_work(text, quote)]
        quotes.sort(key=lambda q: q.start)
        result.append(quotes)
    if carried:
        _end_with_paragraph(result)  # the last paragraph has no next one to go on in
    return result


def _end_with_paragraph(result: list[list[Quote]]) -> None:
    """Mark the last quotation found so far as not going on in the next paragraph."""
    if result and result[-1]:
        result[-1][-1] = replace(result[-1][-1], continues=False)


#: A speaker's name in capitals, then a colon or a dash, opening a paragraph of a transcript
#: ("WALLACE: ...", "JAKE TAPPER: ...", "TRUMP — ...").
_SPEAKER_TURN = re.compile(
    r"^((?:[A-Z][A-Z.'\u2019-]+)(?: [A-Z][A-Z.'\u2019-]+){0,2})(?::| [\u2014\u2013-]) +(?=\S)"
)

#: Labels in capitals before a colon that are no speaker ("UPDATE: ...", "CORRECTION: ...").
NOT_SPEAKERS = frozenset(
    """UPDATE UPDATED CORRECTION CLARIFICATION EDITOR'S NOTE BREAKING WATCH READ MORE PHOTOS
    PHOTO VIDEO EMAIL PREVIOUSLY RELATED SOURCE NOTE ALSO SEE LISTEN""".split()
)

#: A transcript has at least this many paragraphs that open with a speaker's name, and two
#: speakers at least: one such paragraph is mostly a label ("HUFFPOLLSTER: ...").
TRANSCRIPT_TURNS = 2


def find_transcript_turns(paragraphs: Sequence[str]) -> list[Quote | None]:
    """Return, for each paragraph, the quotation of a transcript's turn: what follows the
    speaker's name in capitals and a colon or a dash ("TAPPER: Do you think ...?"), quoted
    from the speaker (its source, the name in title case); ``None`` for a paragraph that is no
    turn. An article is a transcript when :data:`TRANSCRIPT_TURNS` paragraphs or more open with
    a name in capitals, of two speakers or more.

    >>> turns = find_transcript_turns(["TAPPER: Are you with him?", "FALLIN: I am.", "Then."])
    >>> [(t.text, t.sources[0].name) if t else None for t in turns]
    [('Are you with him?', 'Tapper'), ('I am.', 'Fallin'), None]
    >>> find_transcript_turns(["UPDATE: The vote moved.", "CORRECTION: It did not."])
    [None, None]
    """
    # A turn opens with two capitals (or a capital and a point): most paragraphs do not, and
    # are not matched.
    matches = [
        _SPEAKER_TURN.match(text) if text[1:2].isupper() or text[1:2] == "." else None
        for text in paragraphs
    ]
    if not any(matches):
        return [None] * len(paragraphs)  # no paragraph opens with a name in capitals
    speakers = [
        match.group(1)
        if match
        and not set(match.group(1).split()) & NOT_SPEAKERS
        and not is_archive_metadata(text)  # "BYLINE: ...", "LOAD-DATE: ..." of an export
        else None
        for match, text in zip(matches, paragraphs, strict=True)
    ]
    named = [speaker for speaker in speakers if speaker]
    if len(named) < TRANSCRIPT_TURNS or len(set(named)) < 2:
        return [None] * len(paragraphs)
    turns: list[Quote | None] = []
    for text, match, speaker in zip(paragraphs, matches, speakers, strict=True):
        if speaker is None or match is None:
            turns.append(None)
            continue
        end = len(text.rstrip())
        source = Source(speaker.title(), "person")
        turns.append(
            Quote(match.end(), end, text[match.end() : end], "transcript", sources=(source,))
        )
    return turns
