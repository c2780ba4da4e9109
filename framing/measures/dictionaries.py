"""Readers for published dictionary formats, at the level of quanteda's ``dictionary(file=)``.

Each reader returns the dictionary as ``{key: [term, ...]}``, keys in file order, nested keys
flattened as quanteda flattens them (``PARENT.CHILD``); ``levels=`` keeps only the top levels,
the terms of deeper keys going to their ancestor. :func:`framing.measures.lexicon.load_lexicon`
turns the result into a :class:`~framing.measures.lexicon.Lexicon`.

Formats (``format=`` names, the suffixes that choose them):

- ``wordstat`` (``.cat``): WordStat, nesting by indentation, ``(1)`` weights (read, not kept),
  ``*`` globs, ``_`` joining the words of a multi-word entry;
- ``yoshikoder`` (``.ykd``, ``.lcd``): XML ``cnode`` (a key) and ``pnode`` (a term);
- ``lexicoder`` (``.lc3``): ``+CATEGORY`` lines, each followed by its terms;
- ``liwc`` (``.dic``): a ``%``-delimited header of ``id<TAB>name`` (nested by indentation), then
  ``term<TAB>ids``.

Where quanteda only notes a problem, a warning (:func:`warnings.warn`) says what was skipped.

>>> from pathlib import Path
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "tiny.lc3").write_text("+POSITIVE\\n good\\n+NEGATIVE\\n bad*\\n")
>>> read_dictionary(folder / "tiny.lc3")
{'POSITIVE': ['good'], 'NEGATIVE': ['bad*']}
"""

from __future__ import annotations

import re
import warnings
import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from framing.errors import InputError, choices_error

__all__ = ["DICTIONARY_FORMATS", "DictionaryWarning", "read_dictionary", "flatten_mapping"]

#: Format names, and the suffixes that choose them when ``format=`` is not given.
DICTIONARY_FORMATS = {
    "wordstat": (".cat",),
    "yoshikoder": (".ykd", ".lcd"),
    "lexicoder": (".lc3",),
    "liwc": (".dic",),
}

#: How many files' lines a warning names before it says "and N more".
_LINES_SHOWN = 10

#: A WordStat weight at the end of a line: ``MORE (1)``.
_WORDSTAT_WEIGHT = re.compile(r"\s*\(\s*-?\d+(?:\.\d+)?\s*\)\s*$")


class DictionaryWarning(UserWarning):
    """Part of a dictionary file was skipped, as quanteda skips it."""


@dataclass
class _Key:
    name: str
    terms: list[str] = field(default_factory=list)
    children: list[_Key] = field(default_factory=list)


def _lines_named(numbers: list[int]) -> str:
    shown = ", ".join(str(number) for number in numbers[:_LINES_SHOWN])
    more = len(numbers) - _LINES_SHOWN
    return shown + (f" and {more} more" if more > 0 else "")


def _flatten(keys: list[_Key], levels: int | None) -> dict[str, list[str]]:
    """Return ``{PARENT.CHILD: terms}``; below ``levels`` terms go to their level's key."""
    flat: dict[str, list[str]] = {}

    def walk(key: _Key, path: tuple[str, ...]) -> None:
        path = (*path, key.name) if levels is None or len(path) < levels else path
        name = ".".join(path)
        terms = flat.setdefault(name, [])
        terms.extend(term for term in key.terms if term not in terms)
        for child in key.children:
            walk(child, path)

    for key in keys:
        walk(key, ())
    return flat


def _from_mapping(data: Mapping, path: Path) -> list[_Key]:
    keys = []
    for name, value in data.items():
        key = _Key(str(name))
        if isinstance(value, Mapping):
            key.children = _from_mapping(value, path)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, Mapping):
                    key.children.extend(_from_mapping(item, path))
                else:
                    key.terms.append(str(item).lower())
        elif value is None:
            pass
        else:
            key.terms.append(str(value).lower())
        keys.append(key)
    return keys


def flatten_mapping(data: Mapping, *, path: str | Path = "", levels: int | None = None) -> dict:
    """Return a nested mapping (YAML's ``{key: [terms] or {child: ...}}``) flattened.

    >>> flatten_mapping({"moral": {"care": ["kind*"], "harm": ["kill"]}, "other": ["x"]})
    {'moral': [], 'moral.care': ['kind*'], 'moral.harm': ['kill'], 'other': ['x']}
    >>> flatten_mapping({"moral": {"care": ["kind*"], "harm": ["kill"]}}, levels=1)
    {'moral': ['kind*', 'kill']}
    """
    _check_levels(levels)
    return _flatten(_from_mapping(data, Path(path)), levels)


def _check_levels(levels: int | None) -> None:
    if levels is not None and (isinstance(levels, bool) or not isinstance(levels, int)):
        raise choices_error("levels", levels, ["None", "a whole number from 1"])
    if levels is not None and levels < 1:
        raise choices_error("levels", levels, ["None", "a whole number from 1"])


def _indent(line: str) -> int:
    """Return a line's indentation, a tab counting as four spaces (as quanteda counts it)."""
    stripped = line.lstrip(" \t")
    return len(line[: len(line) - len(stripped)].replace("\t", "    "))


def _nest(items: list[tuple[int, int, str]], path: Path, fix: str) -> list[_Key]:
    """Return keys from (line number, indent, text) lines: a line is a key when the next line
    is indented deeper, else a term of the key above it."""
    roots: list[_Key] = []
    stack: list[tuple[int, _Key]] = []
    for index, (number, indent, text) in enumerate(items):
        deeper = index + 1 < len(items) and items[index + 1][1] > indent
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if deeper:
            key = _Key(text)
            (stack[-1][1].children if stack else roots).append(key)
            stack.append((indent, key))
        elif stack:
            stack[-1][1].terms.append(text)
        else:
            raise InputError(f"{path}:{number}: term {text!r} comes before any category; {fix}")
    return roots


def read_wordstat(path: Path, *, encoding: str) -> list[_Key]:
    """Return the keys of a WordStat ``.cat`` file."""
    items = []
    for number, line in enumerate(path.read_text(encoding=encoding).splitlines(), 1):
        if not line.strip():
            continue
        text = _WORDSTAT_WEIGHT.sub("", line).strip()
        items.append((number, _indent(line), text))
    keys = _nest(items, path, "indent terms under a category line")
    for key in _walk(keys):
        key.terms = [term.replace("_", " ").lower() for term in key.terms]
    return keys


def _walk(keys: list[_Key]):
    for key in keys:
        yield key
        yield from _walk(key.children)


def read_yoshikoder(path: Path, *, encoding: str) -> list[_Key]:
    """Return the keys of a Yoshikoder ``.ykd`` or Lexicoder ``.lcd`` file (XML)."""
    del encoding  # the XML declaration names it
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        line = error.position[0]
        raise InputError(
            f"{path}:{line} is not well-formed XML ({error}); fix the file's tags"
        ) from None

    def keys_of(element) -> list[_Key]:
        keys = []
        for node in element.findall("cnode"):
            key = _Key(node.get("name", ""))
            key.terms = [p.get("name", "").strip().lower() for p in node.findall("pnode")]
            key.children = keys_of(node)
            keys.append(key)
        return keys

    keys = keys_of(root)
    if not keys:
        raise InputError(
            f"{path} holds no <cnode> categories; a Yoshikoder or Lexicoder XML dictionary "
            "has <cnode name=...> elements with <pnode name=...> terms"
        )
    return keys


def read_lexicoder(path: Path, *, encoding: str) -> list[_Key]:
    """Return the keys of a Lexicoder ``.lc3`` file: ``+CATEGORY`` lines, then their terms."""
    keys: list[_Key] = []
    for number, line in enumerate(path.read_text(encoding=encoding).splitlines(), 1):
        text = line.strip()
        if not text:
            continue
        if text.startswith("+"):
            keys.append(_Key(text[1:].strip()))
        elif not keys:
            raise InputError(
                f"{path}:{number}: term {text!r} comes before any '+CATEGORY' line; start "
                "the file with a line such as '+POSITIVE'"
            )
        else:
            keys[-1].terms.append(text.lower())
    return keys


def read_liwc(path: Path, *, encoding: str) -> list[_Key]:
    """Return the keys of a LIWC ``.dic`` file, sorted terms in each (as quanteda gives them)."""
    lines = path.read_text(encoding=encoding).splitlines()
    markers = [index for index, line in enumerate(lines) if line.strip() == "%"]
    if len(markers) < 2:
        raise InputError(
            f"{path} is not a LIWC .dic file: it needs a category header between two '%' lines"
        )
    # The header: "id<TAB>name", a deeper indent making a key the child of the one above.
    by_id: dict[str, _Key] = {}
    roots: list[_Key] = []
    stack: list[tuple[int, _Key]] = []
    for number, line in enumerate(lines[markers[0] + 1 : markers[1]], markers[0] + 2):
        if not line.strip():
            continue
        fields = line.strip().split(None, 1)
        if len(fields) < 2 or not fields[0].isdigit():
            raise InputError(
                f"{path}:{number} should be a category id and name (such as '1\\tcare'), "
                f"not {line.strip()!r}"
            )
        indent = _indent(line)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        key = _Key(fields[1].strip())
        (stack[-1][1].children if stack else roots).append(key)
        stack.append((indent, key))
        by_id[fields[0].lstrip("0") or "0"] = key
    skipped, undefined = [], {}
    for number, line in enumerate(lines[markers[1] + 1 :], markers[1] + 2):
        fields = line.split()
        if not fields:
            continue
        if "<of>" in line or re.search(r"\(.*\)", line):
            skipped.append(number)
            continue
        # The ids are the trailing numeric fields; everything before them is the term, which
        # may be several words ("levels the playing field").
        split = len(fields)
        while split > 0 and fields[split - 1].isdigit():
            split -= 1
        term, ids = " ".join(fields[:split]), fields[split:]
        if not term or not ids:
            raise InputError(
                f"{path}:{number} should be a term followed by category ids, not {line.strip()!r}"
            )
        for category_id in ids:
            key = by_id.get(category_id.lstrip("0") or "0")
            if key is None:
                undefined.setdefault(category_id, []).append(number)
            elif term.lower() not in key.terms:
                key.terms.append(term.lower())
    if skipped:
        warnings.warn(
            f"{path}: lines {_lines_named(skipped)} hold <of> tags or parenthetical codes, "
            "which are not supported; those terms were skipped",
            DictionaryWarning,
            stacklevel=3,
        )
    for category_id, numbers in undefined.items():
        warnings.warn(
            f"{path}: category {category_id} is not defined in the header; dropped from lines "
            f"{_lines_named(numbers)}",
            DictionaryWarning,
            stacklevel=3,
        )
    for key in _walk(roots):
        key.terms.sort()
    empty = [key.name for key in _walk(roots) if not key.terms and not key.children]
    if empty:
        warnings.warn(
            f"{path}: categories {empty} have no terms; dropped",
            DictionaryWarning,
            stacklevel=3,
        )
        roots = _without(roots, set(map(id, (k for k in _walk(roots) if k.name in empty))))
    return roots


def _without(keys: list[_Key], dropped: set[int]) -> list[_Key]:
    kept = []
    for key in keys:
        if id(key) in dropped:
            continue
        key.children = _without(key.children, dropped)
        kept.append(key)
    return kept


_TREE_READERS = {
    "wordstat": read_wordstat,
    "yoshikoder": read_yoshikoder,
    "lexicoder": read_lexicoder,
    "liwc": read_liwc,
}


def format_of(path: Path) -> str | None:
    """Return the dictionary format that ``path``'s suffix names, or None."""
    suffix = path.suffix.lower()
    for name, suffixes in DICTIONARY_FORMATS.items():
        if suffix in suffixes:
            return name
    return None


def read_dictionary(
    path: str | Path,
    *,
    format: str | None = None,
    levels: int | None = None,
    encoding: str | None = None,
) -> dict[str, list[str]]:
    """Return ``{key: [term, ...]}`` read from a dictionary file, nested keys flattened.

    ``format`` overrides the suffix (see :data:`DICTIONARY_FORMATS`); ``encoding`` is the
    file's (``"latin-1"``, ``"cp1252"``; default UTF-8, with or without a byte-order mark).
    """
    path = Path(path)
    _check_levels(levels)
    chosen = format or format_of(path)
    if chosen not in _TREE_READERS:
        raise choices_error("format", format if format else path.suffix, sorted(_TREE_READERS))
    keys = _TREE_READERS[chosen](path, encoding=encoding or "utf-8-sig")
    return _flatten(keys, levels)
