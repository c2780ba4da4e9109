"""Copies of TextBlob 0.20.1's English sentiment internals, made faster, their values unchanged.

The pieces copied, all from ``textblob/_text.py`` of TextBlob 0.20.1, exactly that version
(pyproject.toml pins it, and importing this module checks that it is the one installed):

- :func:`find_tokens` copies ``textblob._text.find_tokens`` with its default options;
- :func:`assessments` copies ``textblob._text.Sentiment.assessments``;
- :func:`polarity_subjectivity` copies ``textblob._text.Sentiment.__call__`` for a string, with
  ``assessments`` inside it, keeping of each assessment only what the two numbers read;
- :func:`loaded_sentiment` gives ``textblob.en.sentiment`` (a ``textblob.en.Sentiment``) with
  the look-ups of ``textblob._text.lazydict`` replaced by plain ``dict`` ones, so that
  ``textblob._text.Sentiment.__call__`` runs unchanged over the same lexicon with the two
  functions above;
- :func:`english_sentiment` copies ``textblob.en.sentiment`` and its ``load`` (the "-ly"
  adverbs), so that TextBlob's package, which imports NLTK and SciPy, is not imported: its
  ``_text.py`` is loaded by itself, and the loaded lexicon is kept in the user cache.

Beside them, their plain twins call TextBlob's public API: :func:`reference_sentiment` is
``TextBlob(text).sentiment`` and :func:`reference_find_tokens` is
``textblob.en.parser.find_tokens``. tests/test_sentiment.py checks that each fast piece equals
its twin on every BABE sentence and AllSides paragraph. Nothing here keeps the state of one call
on a shared object: the loaded lexicon is only read, so one scorer serves any number of threads.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

from framing._cache import cached
from framing.errors import require_version

#: The TextBlob release copied here; pyproject.toml pins the same.
TEXTBLOB_VERSION = "0.20.1"

require_version("textblob", TEXTBLOB_VERSION, copied_by="framing's fast TextBlob sentiment")


def _textblob_text() -> ModuleType:
    """Return TextBlob's ``textblob._text`` module, without importing the ``textblob`` package.

    ``import textblob`` imports NLTK, and NLTK imports SciPy's statistics: about a second, most
    of a one-article ``framing analyze``. ``_text.py`` itself needs only the standard library.
    When TextBlob is already imported its module is used; else ``_text.py`` is run by itself,
    as a private module: the same code and constants, from the same file.
    """
    imported = sys.modules.get("textblob._text")
    if imported is not None:
        return imported
    package = importlib.util.find_spec("textblob")  # finds it; does not run its __init__
    path = Path(package.submodule_search_locations[0]) / "_text.py"
    spec = importlib.util.spec_from_file_location("framing.measures._textblob_text", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pattern_text = _textblob_text()

__all__ = [
    "TEXTBLOB_VERSION",
    "loaded_sentiment",
    "find_tokens",
    "assessments",
    "polarity_subjectivity",
    "reference_sentiment",
    "reference_find_tokens",
]

# find_tokens's default options and the constants it reads, looked up once, not once a call.
_ABBREVIATIONS = pattern_text.ABBREVIATIONS
_REPLACEMENTS = tuple(pattern_text.replacements.items())
_REPLACED = pattern_text.replacements
_EOS = pattern_text.EOS
_ABBREVIATION_PATTERNS = (pattern_text.RE_ABBR1, pattern_text.RE_ABBR2, pattern_text.RE_ABBR3)
_PUNCTUATION = tuple(pattern_text.PUNCTUATION.replace(".", ""))
_TRAILING = (*_PUNCTUATION, ".")
# Every punctuation mark is one character: a token starts (ends) with one of them when its first
# (last) character is one.
_LEADING_MARKS, _TRAILING_MARKS = frozenset(_PUNCTUATION), frozenset(_TRAILING)
_CLOSERS = ("'", '"', "\u201d", "\u2019", "...", ".", "!", "?", ")", _EOS)
_ENDERS = ("...", ".", "!", "?", _EOS)
_SARCASM = pattern_text.RE_SARCASM
_EMOTICONS = pattern_text.RE_EMOTICONS


def _emoticon_trie(emoticons: list[str]) -> str:
    r"""Return a pattern that matches what ``"|".join`` of TextBlob's emoticon patterns matches
    (each emoticon's characters with an optional space between them), written as a tree of
    their characters: ``:(?: ?\-(?: ?D| ?P)| ?D)`` for ":-D", ":-P" and ":D"."""
    tree: dict = {}
    for emoticon in emoticons:
        node = tree
        for character in emoticon:
            node = node.setdefault(character, {})
        node[""] = {}  # an emoticon ends here

    def branches(node: dict) -> str:
        parts = []
        for character, child in sorted(node.items()):
            if not character:
                continue
            rest = branches(child)
            if not rest:
                parts.append(re.escape(character))
            elif "" in child:
                parts.append(f"{re.escape(character)}(?: ?{rest})?")
            else:
                parts.append(f"{re.escape(character)} ?{rest}")
        return f"(?:{'|'.join(parts)})" if parts else ""

    return branches(tree)


#: Whether a text holds one of TextBlob's emoticons where ``_EMOTICONS`` finds one: the same
#: emoticons, with the same spaces allowed and the same end, as one tree of characters instead
#: of about a hundred choices, all tried at every character that starts an emoticon (every "o"
#: and "x" of the text among them). Only for a yes or no: the tree finds some emoticon wherever
#: ``_EMOTICONS`` finds one, though not always the same one. tests/test_sentiment.py checks the
#: two agree on every real paragraph and on each emoticon. ``_EMOTICONS`` still joins them.
_ANY_EMOTICON = re.compile(
    _emoticon_trie([e for group in pattern_text.EMOTICONS.values() for e in group]) + r"($|\s)"
)
# find_tokens's default ``linebreak``: TextBlob's tokens, not framing's words
# (framing.text.words.WORD), make TextBlob's values.
_LINEBREAK = re.compile(r"\n{2,}")


def loaded_sentiment():
    """Return TextBlob's English sentiment analyzer, loaded, without its lazy-dict look-ups.

    ``textblob.en.sentiment`` is a ``lazydict``: every ``word in lexicon`` and ``lexicon[word]``
    goes through a Python-level check that the XML is loaded, which costs about a sixth of its
    run time. This copy runs TextBlob's own ``__call__`` over the same loaded dictionary with
    plain ``dict`` look-ups, :func:`find_tokens` and :func:`assessments`. Calling it gives
    TextBlob's ``(polarity, subjectivity, assessments)``.
    """
    pattern_sentiment = english_sentiment()

    class LoadedSentiment(type(pattern_sentiment)):
        __contains__ = dict.__contains__
        __getitem__ = dict.__getitem__
        get = dict.get

        def assessments(self, words=None, negation=True):
            return assessments(self, words, negation)

    len(pattern_sentiment)  # loads the lexicon
    loaded = LoadedSentiment.__new__(LoadedSentiment)
    dict.update(loaded, dict.items(pattern_sentiment))
    loaded.__dict__.update(pattern_sentiment.__dict__)
    for name in ("__contains__", "__getitem__", "__len__", "__iter__", "get"):
        loaded.__dict__.pop(name, None)  # methods lazydict bound on the instance
    loaded.tokenizer = find_tokens
    return loaded


#: The English sentiment lexicon's options, as ``textblob.en`` (TextBlob 0.20.1) sets them.
_EN_SENTIMENT_OPTIONS = {
    "synset": "wordnet_id",
    "negations": ("no", "not", "n't", "never"),
    "modifiers": ("RB",),
    "language": "en",
}


def english_sentiment():
    """Return ``textblob.en.sentiment`` with its lexicon loaded, without importing TextBlob.

    When TextBlob is already imported, its own object. Otherwise a ``Sentiment`` of the same
    file with the same options, whose lexicon (words, labels and synsets) is read from the user
    cache when a copy made from this very XML file is there (:func:`framing._cache.cached`),
    else from the XML, as ``textblob.en.Sentiment.load`` reads it.
    """
    imported = sys.modules.get("textblob.en")
    if imported is not None:
        len(imported.sentiment)  # loads its lexicon
        return imported.sentiment
    xml = Path(pattern_text.__file__).parent / "en" / "en-sentiment.xml"
    sentiment = pattern_text.Sentiment(
        path=str(xml), modifier=lambda w: w.endswith("ly"), **_EN_SENTIMENT_OPTIONS
    )
    words, labels, synsets, language = cached(
        "textblob-en-sentiment",
        sources=[xml, Path(pattern_text.__file__)],
        code=[__name__],
        build=lambda: _read_english_sentiment(xml),
    )
    dict.update(sentiment, words)
    sentiment.labeler.update(labels)
    sentiment._synsets.update(synsets)
    sentiment._language = language
    return sentiment


def _read_english_sentiment(xml: Path) -> tuple[dict, dict, dict, str]:
    """Return the words, labels, synsets and language of TextBlob's English sentiment XML.

    ``textblob.en.Sentiment.load`` (TextBlob 0.20.1): the XML as ``_text.Sentiment`` reads it,
    then an adverb in "-ly" for each adjective ("terrible" gives "terribly").
    """
    sentiment = pattern_text.Sentiment(path=str(xml), **_EN_SENTIMENT_OPTIONS)
    pattern_text.Sentiment.load(sentiment)
    for w, pos in list(dict.items(sentiment)):
        if "JJ" in pos:
            if w.endswith("y"):
                w = w[:-1] + "i"
            if w.endswith("le"):
                w = w[:-2]
            p, s, i = pos["JJ"]
            sentiment.annotate(w + "ly", "RB", p, s, i)
    return dict(dict.items(sentiment)), sentiment.labeler, sentiment._synsets, sentiment._language


def find_tokens(string: str) -> list[str]:
    """Return what TextBlob 0.20.1's ``find_tokens(string)`` returns, sooner.

    The contractions are replaced with ``str.replace`` (they are literal text, which ``re.sub``
    replaces the same way), the tokens are split at white space with ``str.split`` instead of
    two regular expressions, a token with no punctuation at either end, most of them, is kept
    without the loops that split punctuation off (and the pieces of one with punctuation are
    kept for the next time it comes), the contractions are looked for only in a text with an
    apostrophe and the curly quotes only in a non-ASCII text, and the loop over the tokens jumps
    from one sentence end to the next.
    """
    return _sentences(_tokens(string))


def _tokens(string: str) -> list[str]:
    """Return the tokens that TextBlob 0.20.1's ``find_tokens`` splits ``string`` into, before it
    groups them into sentences."""
    if "'" in string:  # every contraction replaced holds one
        for a, b in _REPLACEMENTS:
            if a in string:
                string = string.replace(a, b)
    if not string.isascii():  # the curly quotes are not ASCII (isascii answers at once)
        string = (
            string.replace("\u201c", " \u201c ")
            .replace("\u201d", " \u201d ")
            .replace("\u2018", " \u2018 ")
            .replace("\u2019", " \u2019 ")
        )
    string = string.replace("'", " ' ").replace('"', ' " ')
    string = string.replace("\r\n", "\n")
    if "\n\n" in string:
        string = _LINEBREAK.sub(f" {_EOS} ", string)
    # TextBlob collapses white space (``\s+``) to one space and finds ``(\S+)\s`` in the text
    # and a space: the runs of non-white-space, which is what str.split() gives (``\s`` and
    # str.split() agree on white space: both are Python's str.isspace()).
    tokens = []
    split_off = _SPLIT_TOKENS
    if len(split_off) > _SPLIT_TOKENS_SIZE:
        split_off.clear()  # bounds memory over a corpus with an open vocabulary
    for t in string.split():
        if t[0] not in _LEADING_MARKS and t[-1] not in _TRAILING_MARKS:
            tokens.append(t)
            continue
        # A token with punctuation at an end: its pieces depend on it alone, and the same few
        # ("said.", "it,", "(AP)") come back again and again.
        pieces = split_off.get(t)
        if pieces is None:
            pieces = split_off[t] = _split_punctuation(t)
        tokens.extend(pieces)
    return tokens


#: Tokens with punctuation at an end, each with the pieces :func:`_split_punctuation` makes of
#: it: a cache shared by every call (a token's pieces depend on the token alone, so threads that
#: fill or clear it at the same time each read right pieces), cleared past this many tokens.
_SPLIT_TOKENS: dict[str, tuple[str, ...]] = {}
_SPLIT_TOKENS_SIZE = 100_000


def _split_punctuation(t: str) -> tuple[str, ...]:
    """Return the tokens that TextBlob 0.20.1's ``find_tokens`` makes of one run of
    non-white-space ``t``: the punctuation marks split off its ends (abbreviations, "...",
    and the contractions it replaced kept whole)."""
    tokens = []
    tail = []
    while t.startswith(_PUNCTUATION) and t not in _REPLACED:
        if t.startswith(_PUNCTUATION):
            tokens.append(t[0])
            t = t[1:]
    while t.endswith(_TRAILING) and t not in _REPLACED:
        if t.endswith(_PUNCTUATION):
            tail.append(t[-1])
            t = t[:-1]
        if t.endswith("..."):
            tail.append("...")
            t = t[:-3].rstrip(".")
        if t.endswith("."):
            if t in _ABBREVIATIONS or any(
                pattern.match(t) is not None for pattern in _ABBREVIATION_PATTERNS
            ):
                break
            else:
                tail.append(t[-1])
                t = t[:-1]
    if t != "":
        tokens.append(t)
    tokens.extend(reversed(tail))
    return tuple(tokens)


def _sentences(tokens: list[str]) -> list[str]:
    """Return the sentences that TextBlob 0.20.1's ``find_tokens`` makes of its ``tokens``."""
    # TextBlob's loop over every token, jumping from one sentence end to the next.
    ends = [index for index, token in enumerate(tokens) if token in _ENDERS]
    next_end = 0
    sentences, i, j = [[]], 0, 0
    while j < len(tokens):
        while next_end < len(ends) and ends[next_end] < j:
            next_end += 1
        if next_end == len(ends):
            j = len(tokens)
            break
        j = ends[next_end]
        if tokens[j] in _ENDERS:
            while j < len(tokens) and tokens[j] in _CLOSERS:
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break  # Balanced quotes.
                j += 1
            sentences[-1].extend(t for t in tokens[i:j] if t != _EOS)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(tokens[i:j])
    sentences = (" ".join(s) for s in sentences if len(s) > 0)
    sentences = (_SARCASM.sub("(!)", s) for s in sentences)
    return [_EMOTICONS.sub(_joined_emoticon, s) for s in sentences]


def _joined_emoticon(match: re.Match[str]) -> str:
    """find_tokens's replacement for an emoticon that its tokenizer split apart."""
    return match.group(1).replace(" ", "") + match.group(2)


def _lowered_emoticons() -> dict[str, float]:
    """Return TextBlob's emoticons, lower-cased, each with the polarity of its first mood."""
    polarities: dict[str, float] = {}
    for (_mood, polarity), emoticons in pattern_text.EMOTICONS.items():
        for emoticon in emoticons:
            polarities.setdefault(emoticon.lower(), polarity)
    return polarities


_EMOTICON_POLARITY = _lowered_emoticons()
_IRONY, _MOOD = pattern_text.IRONY, pattern_text.MOOD
_PUNCTUATION_MARKS = pattern_text.PUNCTUATION


def assessments(sentiment, words=None, negation=True):
    """TextBlob 0.20.1's ``Sentiment.assessments``, with its emoticons looked up in a dict.

    TextBlob lower-cases every emoticon of every mood for each short word that is not a letter
    (a number, "U.S."); the dict holds each lower-cased emoticon with the first mood that has it,
    in TextBlob's order, which is the mood TextBlob's loop finds.
    """
    if words is None:
        words = []
    a = []
    m = None  # Preceding modifier (i.e., adverb or adjective).
    n = None  # Preceding negation (e.g., "not beautiful").
    for w, pos in words:
        if w is None:
            continue
        if w in sentiment and pos in sentiment[w]:
            p, s, i = sentiment[w][pos]
            if m is None:
                a.append(dict(w=[w], p=p, s=s, i=i, n=1, x=sentiment.labeler.get(w)))
            if m is not None:
                a[-1]["w"].append(w)
                a[-1]["p"] = max(-1.0, min(p * a[-1]["i"], +1.0))
                a[-1]["s"] = max(-1.0, min(s * a[-1]["i"], +1.0))
                a[-1]["i"] = i
                a[-1]["x"] = sentiment.labeler.get(w)
            if n is not None:
                a[-1]["w"].insert(0, n)
                a[-1]["i"] = 1.0 / a[-1]["i"]
                a[-1]["n"] = -1
            m = None
            n = None
            if (
                pos
                and pos in sentiment.modifiers
                or any(map(sentiment[w].__contains__, sentiment.modifiers))
            ):
                m = (w, pos)
            if negation and w in sentiment.negations:
                n = w
        else:
            if negation and w in sentiment.negations:
                n = w
            elif n and len(w.strip("'")) > 1:
                n = None
            if (
                n is not None
                and m is not None
                and (pos in sentiment.modifiers or sentiment.modifier(m[0]))
            ):
                a[-1]["w"].append(n)
                a[-1]["n"] = -1
                n = None
            elif m and len(w) > 2:
                m = None
            if w == "!" and len(a) > 0:
                a[-1]["w"].append("!")
                a[-1]["p"] = max(-1.0, min(a[-1]["p"] * 1.25, +1.0))
            if w == "(!)":
                a.append(dict(w=[w], p=0.0, s=1.0, i=1.0, n=1, x=_IRONY))
            if w.isalpha() is False and len(w) <= 5 and w not in _PUNCTUATION_MARKS:
                p = _EMOTICON_POLARITY.get(w)
                if p is not None:
                    a.append(dict(w=[w], p=p, s=1.0, i=1.0, n=1, x=_MOOD))
    for i in range(len(a)):
        w = a[i]["w"]
        p = a[i]["p"]
        s = a[i]["s"]
        n = a[i]["n"]
        x = a[i]["x"]
        # "not good" = slightly bad, "not bad" = slightly good.
        a[i] = (w, p * -0.5 if n < 0 else p, s, x)
    return a


def _lower_words(text: str) -> list[str]:
    """Return the words that ``Sentiment.__call__`` scores: ``" ".join(find_tokens(text))``
    split at white space, each lower-cased.

    Without a paragraph break (TextBlob's end-of-sentence marker) and without a sarcasm mark or
    an emoticon to join again, those words are find_tokens's tokens themselves (grouping them
    into sentences, joining and splitting again gives them back): the grouping is skipped. A
    match of either pattern in a sentence is a match in the tokens joined with spaces (neither
    pattern looks before a match, and the emoticons' ``$`` is a space there), so where the
    joined tokens have none, no sentence has one. :func:`_reference_lower_words` is the plain
    way; tests/test_sentiment.py checks the two equal on every real paragraph.
    """
    tokens = _tokens(text)
    joined = " ".join(tokens)
    # A token that is the marker is in the joined text: one search of it in C rules the marker
    # out, where comparing every token costs about six times as much.
    has_marker = _EOS in joined and _EOS in tokens
    if has_marker or _SARCASM.search(joined) or _ANY_EMOTICON.search(joined):
        joined = " ".join(_sentences(tokens))
    # No character lower-cases to white space, nor white space to anything else: lower-casing
    # the text at once gives the words lower-cased one by one.
    return joined.lower().split()


def _reference_lower_words(text: str) -> list[str]:
    """Return what :func:`_lower_words` returns, as ``Sentiment.__call__`` finds them."""
    return [w.lower() for w in " ".join(find_tokens(text)).split()]


def polarity_subjectivity(sentiment, text: str) -> tuple[float, float]:
    """Return the polarity and subjectivity that TextBlob 0.20.1's ``Sentiment.__call__`` gives
    for the string ``text``, with ``sentiment`` from :func:`loaded_sentiment`.

    ``__call__`` scores the lower-cased words of the tokens (``(w.lower(), None)`` for each),
    averaging the polarity and subjectivity of the assessments. This copy does the same steps
    without what the two numbers do not read: each assessment is a list ``[p, s, i, n]``
    instead of a dict that also keeps its words and label, and the words come from
    :func:`_lower_words`.

    >>> polarity_subjectivity(loaded_sentiment(), "Not a very good movie!")
    (-0.33653846153846145, 0.46153846153846156)
    """
    words = _lower_words(text)
    get, negations, modifiers = sentiment.get, sentiment.negations, sentiment.modifiers
    a: list[list[float]] = []  # [p, s, i, n] of each assessment, in TextBlob's order
    m = None  # Preceding modifier (i.e., adverb or adjective).
    n = None  # Preceding negation (e.g., "not beautiful").
    for w in words:
        entry = get(w)
        if entry is not None and None in entry:
            p, s, i = entry[None]
            if m is None:
                a.append([p, s, i, 1])
            else:
                last = a[-1]
                last[0] = max(-1.0, min(p * last[2], +1.0))
                last[1] = max(-1.0, min(s * last[2], +1.0))
                last[2] = i
            if n is not None:
                a[-1][2] = 1.0 / a[-1][2]
                a[-1][3] = -1
            m = None
            n = None
            if any(map(entry.__contains__, modifiers)):
                m = w
            if w in negations:
                n = w
        elif m is None and n is None and w.isalpha() and w not in negations:
            # Most words: an unknown word of letters after no modifier and no negation changes
            # nothing below (it is no negation, no "!" or "(!)", and no emoticon).
            continue
        else:
            if w in negations:
                n = w
            elif n and len(w.strip("'")) > 1:
                n = None
            if n is not None and m is not None and (None in modifiers or sentiment.modifier(m)):
                a[-1][3] = -1
                n = None
            elif m and len(w) > 2:
                m = None
            if w == "!" and len(a) > 0:
                a[-1][0] = max(-1.0, min(a[-1][0] * 1.25, +1.0))
            if w == "(!)":
                a.append([0.0, 1.0, 1.0, 1])
            if len(w) <= 5 and not w.isalpha() and w not in _PUNCTUATION_MARKS:
                p = _EMOTICON_POLARITY.get(w)
                if p is not None:
                    a.append([p, 1.0, 1.0, 1])
    # TextBlob's avg(): a running sum from 0, in order, divided by the number of assessments
    # (a loop, not sum(), which adds floats with compensation from Python 3.12 on).
    polarity = subjectivity = 0
    for p, s, _i, n in a:
        polarity += p * -0.5 if n < 0 else p
        subjectivity += s
    return polarity / float(len(a) or 1), subjectivity / float(len(a) or 1)


# --- the plain twins: TextBlob's public API -----------------------------------------------------


def reference_sentiment(text: str) -> tuple[float, float]:
    """Return ``TextBlob(text).sentiment``'s polarity and subjectivity: what the copy must give."""
    from textblob import TextBlob

    sentiment = TextBlob(text).sentiment
    return sentiment.polarity, sentiment.subjectivity


def reference_find_tokens(text: str) -> list[str]:
    """Return TextBlob's own ``find_tokens(text)``: what :func:`find_tokens` must give."""
    from textblob.en import parser

    return parser.find_tokens(text)
