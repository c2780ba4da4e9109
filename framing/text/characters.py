"""Characters that show nothing, and characters that are not characters (lone surrogates).

A line that holds only white space, control characters (NUL, NEL, ...) or zero-width format
characters (U+200B, U+FEFF, ...) looks empty to a reader, so the segmenters read it as blank,
and they trim a paragraph of them as they trim white space.

A lone surrogate (U+D800 to U+DFFF) is half of a UTF-16 pair: Python holds it in a ``str``
(``json.loads`` makes one from ``"\\ud83d"``), but no UTF-8 file, Arrow column or Parquet table
can. :func:`surrogate_problem` says where one is, so that the text can be refused with a reason.

>>> "\\ufeff Title\\u200b\\x00".strip(INVISIBLE)
'Title'
>>> is_blank("\\u200b\\x00 \\ufeff"), is_blank("\\u200bA")
(True, False)
>>> surrogate_problem("Title \\ud83d")
'lone surrogate U+D83D at character 6'
"""

from __future__ import annotations

import re

__all__ = ["INVISIBLE", "is_blank", "surrogate_problem", "replace_surrogates"]

#: White space: every character for which ``str.isspace()`` is true (none is above U+3000;
#: tests/test_text.py checks it), the characters ``str.strip()`` removes.
_WHITE_SPACE = "".join(char for char in map(chr, range(0x3001)) if char.isspace())
#: Control characters (Unicode category Cc): C0, DEL and C1, NUL and NEL among them.
_CONTROLS = "".join(map(chr, [*range(0x00, 0x20), *range(0x7F, 0xA0)]))
#: Format characters that take no room: soft hyphen, Arabic letter mark, Mongolian vowel
#: separator, zero-width space, non-joiner and joiner, left-to-right and right-to-left marks
#: and embeddings, word joiner and invisible operators, directional isolates, and U+FEFF (the
#: byte-order mark, or zero-width no-break space).
_ZERO_WIDTH = "".join(
    map(
        chr,
        [
            0x00AD,
            0x061C,
            0x180E,
            *range(0x200B, 0x2010),
            *range(0x202A, 0x202F),
            *range(0x2060, 0x2065),
            *range(0x2066, 0x206A),
            0xFEFF,
        ],
    )
)
#: Every character that shows nothing: ``text.strip(INVISIBLE)`` trims them.
INVISIBLE = "".join(dict.fromkeys(_WHITE_SPACE + _CONTROLS + _ZERO_WIDTH))

_SURROGATE = re.compile("[\ud800-\udfff]")


def is_blank(text: str) -> bool:
    """Return whether ``text`` shows nothing: only white space, controls and zero-width marks."""
    return not text.strip(INVISIBLE)


def surrogate_problem(text: str) -> str | None:
    """Return where ``text``'s first lone surrogate is, or ``None`` when it has none.

    >>> surrogate_problem("Body \\udc00 one."), surrogate_problem("Body one.")
    ('lone surrogate U+DC00 at character 5', None)
    """
    if text.isascii():  # answered at once (CPython keeps the flag): no surrogate in ASCII
        return None
    found = _SURROGATE.search(text)
    if found is None:
        return None
    return f"lone surrogate U+{ord(found.group()):04X} at character {found.start()}"


def replace_surrogates(text: str) -> str:
    """Return ``text`` with each lone surrogate replaced by U+FFFD (one character for one).

    >>> replace_surrogates("id-\\ud83d")
    'id-\\ufffd'
    """
    return _SURROGATE.sub("\ufffd", text)
