"""Lines that news archives add to an exported article: section markers and record fields.

ProQuest exports put ``ABSTRACT.`` and ``FULL TEXT.`` on lines of their own before the
abstract and the article (99 of PolNeAR's 840 training texts have both); LexisNexis (Nexis Uni)
exports add fields such as ``LENGTH: 845 words``, ``LOAD-DATE: May 4, 2016`` and ``BYLINE:
...``. They are no one's words: :class:`framing.article.Article` keeps such a paragraph with
role ``metadata``, and it is not counted as the outlet's own voice.

Only whole paragraphs match, and only these exact upper-case names, so a transcript's speaker
("TAPPER: Do you think ...") or an editor's "CORRECTION: ..." stays text.

>>> [is_archive_metadata(line) for line in ("FULL TEXT.", "LENGTH: 845 words", "Full text.")]
[True, True, False]
"""

from __future__ import annotations

import re

__all__ = ["ARCHIVE_SECTIONS", "ARCHIVE_FIELDS", "is_archive_metadata"]

#: Section markers on a line of their own (ProQuest: ``ABSTRACT.``, ``FULL TEXT.``; LexisNexis:
#: ``BODY``, ``HIGHLIGHT:``), with an optional full stop or colon.
ARCHIVE_SECTIONS = ("ABSTRACT", "FULL TEXT", "BODY", "HIGHLIGHT", "GRAPHIC")
#: Record fields of LexisNexis and ProQuest exports, written ``NAME: value`` on one line.
ARCHIVE_FIELDS = (
    "LOAD-DATE",
    "BYLINE",
    "SECTION",
    "DATELINE",
    "PUBLICATION-TYPE",
    "DOCUMENT-TYPE",
    "LANGUAGE",
    "JOURNAL-CODE",
    "CORRECTION-DATE",
    "ACC-NO",
    "COPYRIGHT",
    "DISTRIBUTION",
    "EDITION",
    "PUBLICATION",
    "URL",
)

_SECTION = re.compile(r"(?:" + "|".join(re.escape(name) for name in ARCHIVE_SECTIONS) + r")[.:]?")
_FIELD = re.compile(
    r"(?:" + "|".join(re.escape(name) for name in ARCHIVE_FIELDS) + r"):[ \t]+[^\n]+"
)
#: ``LENGTH:`` is also a word of ordinary headings, so only its archive form counts.
_LENGTH = re.compile(r"LENGTH:[ \t]+[\d,]+[ \t]+words?")


def is_archive_metadata(paragraph: str) -> bool:
    """Return whether a paragraph is an archive's section marker or record field, whole.

    >>> is_archive_metadata("LOAD-DATE: May 4, 2016")
    True
    >>> is_archive_metadata("TAPPER: Do you think Donald Trump has a chance?")
    False
    """
    text = paragraph.strip()
    return bool(_SECTION.fullmatch(text) or _FIELD.fullmatch(text) or _LENGTH.fullmatch(text))
