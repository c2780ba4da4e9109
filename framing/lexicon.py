"""Lexicons of loaded language: entries, one-pass matching, and loaders for published formats.

A :class:`Lexicon` holds :class:`Entry` objects (a term, its category and why it is there) and
finds them in a text in one pass over its words. Terms are matched

- case-insensitively, and as whole words only;
- with inflections written out, or as a glob (``terror*`` matches "terrorist", "terrorism");
- as multi-word phrases (``the might of``), across spaces, line breaks or a hyphen, so that
  ``far-left`` matches "far left" and "far‑left";
- with curly apostrophes read as straight ones, and a possessive ``'s`` read as its noun;
- longest first: where entries nest ("massive" and "massive military victory"), the longest
  match wins and the shorter one is not counted again.

Loaders read LIWC ``.dic`` files (with ``*`` wildcards and multi-word entries), CSV/TSV, YAML,
MPQA subjectivity clues (``.tff``) and plain word lists.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Protocol, runtime_checkable

from framing.errors import FramingError, InputError
from framing.text import APOSTROPHES, normalize_apostrophes

__all__ = [
    "Entry",
    "Match",
    "LexiconInfo",
    "Lexicon",
    "LexiconMatcher",
    "load_lexicon",
    "read_liwc_dic",
    "read_table",
    "read_yaml",
    "read_mpqa",
    "read_wordlist",
    "BUNDLED_LEXICONS",
    "DEFAULT_LEXICON",
]

#: Tokens the matcher walks over: words, with inner apostrophes but split at hyphens, so that a
#: phrase entry can match a hyphenated compound part by part.
_TOKEN = re.compile(rf"\w+(?:[{APOSTROPHES}]\w+)*")

#: What may stand between two words of a phrase: white space and at most one joining hyphen.
_PHRASE_GAP = re.compile(r"\s*[-\u2010\u2011]?\s*")

#: A valid term: words (with a trailing ``*`` glob allowed) separated by spaces or hyphens.
_TERM = re.compile(r"^\w+(?:'\w+)*\*?(?:[ \-]+\w+(?:'\w+)*\*?)*$")

#: Bundled lexicons, by name: file under ``framing/lexicons/``.
BUNDLED_LEXICONS = {"loaded": "loaded_language.tsv"}
DEFAULT_LEXICON = "loaded"


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a term (word, phrase or glob), its category, and why it is there."""

    term: str
    category: str
    reason: str = ""
    weight: float = 1.0


@dataclass(frozen=True)
class Match:
    """A lexicon entry found in a text, with character offsets into that text."""

    term: str
    category: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class LexiconInfo:
    """Where a lexicon comes from, carried with the loaded object."""

    name: str
    source: str = ""
    citation: str = ""
    license: str = ""
    description: str = ""


@runtime_checkable
class LexiconMatcher(Protocol):
    """Anything that finds loaded language in a text."""

    def match(self, text: str) -> list[Match]:
        """Return the matches in ``text``, in order, without overlaps."""
        ...


def _split_term(term: str) -> tuple[str, ...]:
    normalized = normalize_apostrophes(term).lower().strip()
    return tuple(part for part in re.split(r"[\s\-]+", normalized) if part)


def _token_matches(pattern: str, token: str) -> bool:
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return token == pattern


@dataclass
class Lexicon:
    """Terms with categories, matched in one pass over a text's words.

    >>> lexicon = Lexicon([Entry("massive", "hyperbole"),
    ...                    Entry("massive military victory", "glorifying"),
    ...                    Entry("terror*", "emotive-negative")])
    >>> [(m.text, m.category) for m in lexicon.match("A Massive Military Victory over terrorists")]
    [('Massive Military Victory', 'glorifying'), ('terrorists', 'emotive-negative')]
    """

    entries: Sequence[Entry]
    info: LexiconInfo = field(default_factory=lambda: LexiconInfo(name="custom"))

    def __post_init__(self) -> None:
        self.entries = tuple(self.entries)
        bad = [entry.term for entry in self.entries if not _TERM.match(_normal_term(entry.term))]
        if bad:
            raise FramingError(
                f"lexicon {self.info.name!r} has invalid terms {bad[:5]}; a term is words "
                "separated by spaces or hyphens, each optionally ending in '*'"
            )
        # Index entries by their first word: exact words in a dict, globs by prefix length.
        self._exact: dict[str, list[tuple[tuple[str, ...], int, Entry]]] = {}
        self._globs: dict[int, dict[str, list[tuple[tuple[str, ...], int, Entry]]]] = {}
        for order, entry in enumerate(self.entries):
            parts = _split_term(entry.term)
            first = parts[0]
            if first.endswith("*"):
                prefix = first[:-1]
                bucket = self._globs.setdefault(len(prefix), {})
                bucket.setdefault(prefix, []).append((parts, order, entry))
            else:
                self._exact.setdefault(first, []).append((parts, order, entry))
        self._glob_lengths = sorted(self._globs)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def categories(self) -> list[str]:
        """Return the categories, in the order they first appear."""
        return list(dict.fromkeys(entry.category for entry in self.entries))

    def _candidates(self, token: str) -> Iterable[tuple[tuple[str, ...], int, Entry]]:
        yield from self._exact.get(token, ())
        if token.endswith("'s"):
            yield from self._exact.get(token[:-2], ())
        for length in self._glob_lengths:
            if length > len(token):
                break
            yield from self._globs[length].get(token[:length], ())

    def match(self, text: str) -> list[Match]:
        """Return the entries found in ``text``, longest first where they nest, in text order."""
        tokens = list(_TOKEN.finditer(text))
        words = [normalize_apostrophes(token.group()).lower() for token in tokens]
        matches = []
        position = 0
        while position < len(tokens):
            best = None
            for parts, order, entry in self._candidates(words[position]):
                end = self._phrase_end(parts, tokens, words, position, text)
                if end is None:
                    continue
                key = (len(parts), -order)
                if best is None or key > best[0]:
                    best = (key, entry, end)
            if best is None:
                position += 1
                continue
            _, entry, (last, end_offset) = best
            start_offset = tokens[position].start()
            matches.append(
                Match(
                    entry.term,
                    entry.category,
                    start_offset,
                    end_offset,
                    text[start_offset:end_offset],
                )
            )
            position = last + 1
        return matches

    @staticmethod
    def _phrase_end(parts, tokens, words, position, text) -> tuple[int, int] | None:
        """Return (last token index, end offset) where ``parts`` match from ``position``."""
        last = position + len(parts) - 1
        if last >= len(tokens):
            return None
        for index, part in enumerate(parts):
            token_index = position + index
            word = words[token_index]
            if index and not _PHRASE_GAP.fullmatch(
                text, tokens[token_index - 1].end(), tokens[token_index].start()
            ):
                return None
            if _token_matches(part, word):
                continue
            if word.endswith("'s") and _token_matches(part, word[:-2]):
                if token_index == last:
                    return last, tokens[last].end() - 2
                continue
            return None
        return last, tokens[last].end()

    def count(self, text: str) -> int:
        """Return the number of matches in ``text``."""
        return len(self.match(text))


def _normal_term(term: str) -> str:
    return normalize_apostrophes(term).strip().lower()


# --- loaders ------------------------------------------------------------------------------------


def read_table(path: str | Path, *, name: str | None = None) -> Lexicon:
    """Return a lexicon read from a CSV or TSV file with ``term`` and ``category`` columns.

    Optional columns: ``reason`` and ``weight``. The delimiter follows the file's suffix
    (``.tsv`` is tab-separated); lines starting with ``#`` are comments.
    """
    path = Path(path)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(
            (line for line in handle if not line.startswith("#")), delimiter=delimiter
        )
        missing = {"term", "category"} - set(rows.fieldnames or ())
        if missing:
            raise InputError(
                f"{path} lacks the column(s) {sorted(missing)}; a lexicon table needs a header "
                "row with 'term' and 'category' (and optionally 'reason', 'weight')"
            )
        entries = [
            Entry(
                term=row["term"].strip(),
                category=row["category"].strip(),
                reason=(row.get("reason") or "").strip(),
                weight=float(row.get("weight") or 1.0),
            )
            for row in rows
            if (row.get("term") or "").strip()
        ]
    return Lexicon(entries, info=LexiconInfo(name=name or path.stem, source=str(path)))


def read_liwc_dic(path: str | Path, *, name: str | None = None) -> Lexicon:
    """Return a lexicon read from a LIWC ``.dic`` file: a ``%``-delimited category header, then
    ``term<TAB>category ids``. Wildcards (``safe*``) and multi-word entries are kept; an entry in
    several categories becomes one entry per category.
    """
    path = Path(path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    markers = [index for index, line in enumerate(lines) if line.strip() == "%"]
    if len(markers) < 2:
        raise InputError(
            f"{path} is not a LIWC .dic file: it needs a category header between two '%' lines"
        )
    categories = {}
    for line in lines[markers[0] + 1 : markers[1]]:
        fields = line.split()
        if len(fields) >= 2:
            categories[fields[0].lstrip("0") or "0"] = fields[1]
    entries = []
    for line in lines[markers[1] + 1 :]:
        if not line.strip():
            continue
        term, _, ids = line.partition("\t")
        term = term.strip()
        if not ids.strip():
            # Some files separate the term from its ids by spaces only; the ids are the
            # trailing numeric fields.
            fields = line.split()
            numeric = [f for f in fields if f.isdigit()]
            term = " ".join(f for f in fields if not f.isdigit())
            ids = " ".join(numeric)
        for category_id in ids.split():
            category = categories.get(category_id.lstrip("0") or "0")
            if category is None:
                raise InputError(
                    f"{path}: entry {term!r} names category {category_id}, which the header "
                    "does not define; fix the entry or add the category to the header"
                )
            entries.append(Entry(term=term, category=category))
    return Lexicon(entries, info=LexiconInfo(name=name or path.stem, source=str(path)))


def read_yaml(path: str | Path, *, name: str | None = None) -> Lexicon:
    """Return a lexicon read from YAML: either ``{category: [term, ...]}`` or a list of
    ``{term:, category:, reason:, weight:}`` mappings (optionally under an ``entries`` key, with
    ``name``, ``source``, ``citation``, ``license`` beside it).
    """
    import yaml

    path = Path(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    meta: Mapping = {}
    if isinstance(data, Mapping) and "entries" in data:
        meta, data = data, data["entries"]
    if isinstance(data, Mapping):
        entries = [
            Entry(term=str(term), category=str(category))
            for category, terms in data.items()
            for term in terms or ()
        ]
    elif isinstance(data, list) and all(isinstance(item, Mapping) for item in data):
        entries = [
            Entry(
                term=str(item["term"]),
                category=str(item["category"]),
                reason=str(item.get("reason", "")),
                weight=float(item.get("weight", 1.0)),
            )
            for item in data
        ]
    else:
        raise InputError(
            f"{path} is not a lexicon: use a mapping of category to terms, or a list of "
            "{term, category} mappings"
        )
    info = LexiconInfo(
        name=str(meta.get("name") or name or path.stem),
        source=str(meta.get("source") or path),
        citation=str(meta.get("citation", "")),
        license=str(meta.get("license", "")),
    )
    return Lexicon(entries, info=info)


def read_mpqa(
    path: str | Path, *, name: str | None = None, types: Iterable[str] = ("strongsubj", "weaksubj")
) -> Lexicon:
    """Return the MPQA subjectivity clues (Wilson, Wiebe and Hoffmann 2005) of the given types.

    Each clue's category is its type and prior polarity (``strongsubj-negative``); a stemmed clue
    (``stemmed1=y``) becomes a glob. One word can be a clue for several parts of speech: it is
    kept once per category.
    """
    path = Path(path)
    wanted = set(types)
    entries = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        fields = dict(item.split("=", 1) for item in line.split() if "=" in item)
        if "word1" not in fields or "type" not in fields:
            raise InputError(f"{path}:{number} is not an MPQA clue line (type=... word1=...)")
        if fields["type"] not in wanted:
            continue
        term = fields["word1"] + ("*" if fields.get("stemmed1") == "y" else "")
        category = f"{fields['type']}-{fields.get('priorpolarity', 'neutral')}"
        entries.setdefault((term, category), Entry(term=term, category=category))
    return Lexicon(
        list(entries.values()), info=LexiconInfo(name=name or path.stem, source=str(path))
    )


def read_wordlist(
    path: str | Path, *, category: str | None = None, name: str | None = None
) -> Lexicon:
    """Return a lexicon of one term per line (``#`` starts a comment), all in one category."""
    path = Path(path)
    category = category or path.stem
    terms = []
    for line in path.read_text(encoding="utf-8", errors="strict").splitlines():
        term = line.split("#", 1)[0].strip()
        if term:
            terms.append(term)
    entries = [Entry(term=term, category=category) for term in dict.fromkeys(terms)]
    return Lexicon(entries, info=LexiconInfo(name=name or path.stem, source=str(path)))


_READERS = {
    ".dic": read_liwc_dic,
    ".csv": read_table,
    ".tsv": read_table,
    ".yaml": read_yaml,
    ".yml": read_yaml,
    ".tff": read_mpqa,
    ".txt": read_wordlist,
}


@cache
def _bundled(name: str) -> Lexicon:
    filename = BUNDLED_LEXICONS[name]
    resource = resources.files("framing").joinpath("lexicons", filename)
    with resources.as_file(resource) as path:
        lexicon = read_table(path, name=name)
    lexicon.info = LexiconInfo(
        name=name,
        source=f"framing/lexicons/{filename}",
        citation="The framing developers (2026), loaded-language lexicon; see LEXICONS.md",
        license="MIT",
        description="Loaded language after SemEval-2020 Task 11: words and phrases with strong "
        "emotional implications, used to influence an audience.",
    )
    return lexicon


def load_lexicon(source: str | Path | Lexicon | None = None) -> Lexicon:
    """Return a lexicon: a bundled one by name, a file by path, or the one given.

    A ``str`` is a bundled name when it is one (``"loaded"``), else a path. Files are read by
    their suffix: ``.dic`` (LIWC), ``.csv``/``.tsv``, ``.yaml``/``.yml``, ``.tff`` (MPQA),
    ``.txt`` (one term per line).

    >>> lexicon = load_lexicon("loaded")
    >>> lexicon.info.name, "glorifying" in lexicon.categories
    ('loaded', True)
    """
    if source is None:
        source = DEFAULT_LEXICON
    if isinstance(source, Lexicon):
        return source
    if isinstance(source, str) and source in BUNDLED_LEXICONS:
        return _bundled(source)
    path = Path(source)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise FramingError(
            f"cannot load lexicon {str(source)!r}: name one of {sorted(BUNDLED_LEXICONS)} or "
            f"give a file ending in {', '.join(sorted(_READERS))}"
        )
    if not path.is_file():
        raise InputError(f"lexicon file {str(path)!r} does not exist; check the path")
    try:
        return reader(path)
    except UnicodeDecodeError as error:
        raise InputError(
            f"lexicon file {str(path)!r} is not UTF-8 text ({error.reason}); re-save it as UTF-8"
        ) from None
