"""Reduce an HTML page to its article text with a real HTML parser (lxml).

- The headline is the first ``<h1>`` (else the ``<title>``, without a ``" | Site name"``
  suffix).
- The text comes from the page's ``<article>`` (the one holding the most text when there are
  several), else its ``<main>``, else its ``<body>``.
- Scripts, styles, navigation, headers, footers, asides, forms, figures, hidden elements and
  blocks whose class or id names page furniture (share buttons, related links, comments,
  newsletters, adverts, cookie notices) are left out.
- Every block element (``<p>``, ``<div>``, ``<li>``, ``<blockquote>``, a table cell, ...) ends a
  paragraph, and so do two ``<br>`` in a row; one ``<br>`` is a space. White space inside a
  paragraph is collapsed to single spaces; entities are decoded (``&nbsp;`` stays a
  non-breaking space).

Paragraphs are joined by blank lines, so that :class:`framing.Article` splits them back exactly.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from framing.errors import InputError

__all__ = ["html_to_text", "looks_like_html"]

_NEVER_TEXT = ("script", "style", "noscript", "template", "iframe", "svg", "button", "head")
# Page furniture around the article; dropped after the headline is read, since an <h1> often
# sits in the article's <header>.
_FURNITURE = ("nav", "header", "footer", "aside", "form", "figure", "menu", "dialog")
# Elements that start and end a paragraph (HTML's block-level and table elements).
_BLOCKS = frozenset(
    "address article blockquote caption dd details div dl dt fieldset figcaption h1 h2 h3 h4 "
    "h5 h6 hr li main ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
#: Words that mark page furniture rather than the article when a class or id starts with them
#: ("share-buttons", "related_links", "ad-slot"; not "has-comments"), case-insensitively: the
#: names the common news templates use.
FURNITURE_NAMES = (
    "advert",
    "advertisement",
    "ad",
    "ads",
    "comments",
    "comment",
    "cookie",
    "newsletter",
    "promo",
    "related",
    "share",
    "sharing",
    "social",
    "subscribe",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
)
_FURNITURE_WORDS = frozenset(FURNITURE_NAMES)
# Never dropped as furniture, whatever their class says ("post has-comments").
_CONTAINERS = frozenset(("html", "body", "main", "article"))
_SPACES = re.compile(r"[^\S\xa0]+")
_BREAK = "\x00"  # stands for a <br> while a paragraph is put together; never in parsed text


#: Elements whose closing tags mark a text as markup: those of an article's body and page.
_ELEMENTS = (
    "p|div|span|a|h[1-6]|script|style|article|section|main|header|footer|nav|aside|li|ul|ol|"
    "table|tr|td|em|strong|b|i|u|head|body|html|title|figure|figcaption|blockquote|noscript|"
    "iframe|form|button|label|time"
)
_CLOSING_TAG = re.compile(rf"</(?:{_ELEMENTS})\s*>", re.IGNORECASE)
_SCRIPT = re.compile(r"<(script|style)\b[^<>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
#: Closing tags that make a text markup (a text that mentions one tag, "<p>", is still text).
MIN_CLOSING_TAGS = 2
#: Characters looked at to tell markup from text.
_SNIFF_CHARACTERS = 65_536


def looks_like_html(text: str) -> bool:
    """Return whether ``text`` is HTML: a page, or markup pasted into a text file.

    A page starts like one (``<!DOCTYPE html>``, ``<html>``, or a ``<body>`` with ``<p>`` near
    the start). Pasted markup has at least :data:`MIN_CLOSING_TAGS` closing tags of HTML
    elements (``</p>``, ``</div>``, ...) or a whole ``<script>`` or ``<style>`` element; a
    text that only mentions a tag ("use <b> for bold") is text.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("<div><p>Officials said.</p><p>More.</p></div>")
    True
    >>> looks_like_html("ALERT: Trump Wins")
    False
    >>> looks_like_html("He wrote <p> in the margin, then <div>.")
    False
    """
    head = text.lstrip()[:1024].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "<p" in head):
        return True
    if "</" not in text:
        return False
    sample = text[:_SNIFF_CHARACTERS]
    closing = _CLOSING_TAG.findall(sample)
    return len(closing) >= MIN_CLOSING_TAGS or bool(_SCRIPT.search(sample))


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _is_furniture(element) -> bool:
    if not isinstance(element.tag, str) or element.tag in _CONTAINERS:
        return False
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if "display:none" in (element.get("style") or "").replace(" ", "").lower():
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()
    return any(re.split(r"[-_]", name, maxsplit=1)[0] in _FURNITURE_WORDS for name in names)


class _Paragraphs:
    """Collects text, ending a paragraph at each block boundary and at two ``<br>`` in a row."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self._parts: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self._parts.append(text)

    def end(self) -> None:
        joined = "".join(self._parts)
        self._parts = []
        # Two <br> with only white space between them end a paragraph; one is a space.
        for chunk in re.split(rf"{_BREAK}\s*{_BREAK}[\s{_BREAK}]*", joined):
            paragraph = _clean(chunk.replace(_BREAK, " "))
            if paragraph:
                self.paragraphs.append(paragraph)

    def walk(self, element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag in _BLOCKS
        if block:
            self.end()
        if tag == "br":
            self.add(_BREAK)
        self.add(element.text)
        for child in element:
            self.walk(child)
            self.add(child.tail)
        if block:
            self.end()


def _parse(html: str | bytes):
    raw = html.encode("utf-8") if isinstance(html, str) else html
    parser = lxml.html.HTMLParser(encoding="utf-8" if isinstance(html, str) else None)
    try:
        return lxml.html.document_fromstring(raw, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise InputError(
            f"could not parse the HTML ({error}); check that the file is a web page"
        ) from None


def _title_headline(title) -> str:
    text = _clean(title.text_content())
    return text.split(" | ")[0].strip() if " | " in text else text


def html_to_text(html: str | bytes) -> str:
    """Return the headline and paragraphs of an HTML page, separated by blank lines.

    >>> html_to_text("<html><head><title>T</title><script>x()</script></head>"
    ...              "<body><nav>Home</nav><h1>Raqqa falls</h1><p>ISIS <b>lost</b> Raqqa.</p>"
    ...              "<div>More.<br><br>And more.</div></body></html>")
    'Raqqa falls\\n\\nISIS lost Raqqa.\\n\\nMore.\\n\\nAnd more.'
    """
    document = _parse(html)
    title = next(iter(document.iter("title")), None)
    for element in list(document.iter(*_NEVER_TEXT, etree.Comment, etree.ProcessingInstruction)):
        element.drop_tree()
    heading = next(iter(document.iter("h1")), None)
    if heading is not None:
        headline = _clean(heading.text_content())
        heading.drop_tree()
    else:
        headline = _title_headline(title) if title is not None else ""
    for element in list(document.iter(*_FURNITURE)):
        element.drop_tree()
    for element in [element for element in document.iter() if _is_furniture(element)]:
        if element.getparent() is not None:
            element.drop_tree()
    articles = list(document.iter("article"))
    if articles:
        root = max(articles, key=lambda article: len(article.text_content()))
    else:
        root = next(iter(document.iter("main")), None)
    if root is None:
        root = document.find("body") if document.find("body") is not None else document
    collector = _Paragraphs()
    collector.walk(root)
    collector.end()
    parts = ([headline] if headline else []) + collector.paragraphs
    return "\n\n".join(parts)
