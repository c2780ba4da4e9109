"""Reduce an HTML page to its article text with a real HTML parser (lxml).

The headline comes from the first ``<h1>`` (else ``<title>``); paragraphs from the block
elements of the ``<article>`` (else ``<main>``, else ``<body>``), with scripts, styles,
navigation, headers, footers, asides and forms removed. Paragraphs are joined by blank lines so
that :class:`framing.Article` splits them back exactly.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from framing.errors import InputError

__all__ = ["html_to_text", "looks_like_html"]

_NEVER_TEXT = ("script", "style", "noscript", "template", "iframe", "svg", "button")
# Page furniture around the article; dropped after the headline is read, since an <h1> often
# sits in the article's <header>.
_FURNITURE = ("nav", "header", "footer", "aside", "form", "figure")
_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt")
_SPACES = re.compile(r"\s+")


def looks_like_html(text: str) -> bool:
    """Return whether ``text`` starts like an HTML document.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("ALERT: Trump Wins")
    False
    """
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "<p" in head)


def _clean(element) -> str:
    return _SPACES.sub(" ", element.text_content()).strip()


def html_to_text(html: str | bytes) -> str:
    """Return the headline and paragraphs of an HTML page, separated by blank lines.

    >>> html_to_text("<html><head><title>T</title><script>x()</script></head>"
    ...              "<body><nav>Home</nav><h1>Raqqa falls</h1><p>ISIS <b>lost</b> Raqqa.</p>"
    ...              "<p>More.</p></body></html>")
    'Raqqa falls\\n\\nISIS lost Raqqa.\\n\\nMore.'
    """
    try:
        document = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as error:
        raise InputError(
            f"could not parse the HTML ({error}); check that the file is a web page"
        ) from None
    for element in list(document.iter(*_NEVER_TEXT, etree.Comment)):
        element.drop_tree()
    heading = next(iter(document.iter("h1")), None)
    title = next(iter(document.iter("title")), None)
    headline = (
        _clean(heading) if heading is not None else (_clean(title) if title is not None else "")
    )
    for element in list(document.iter(*_FURNITURE)):
        element.drop_tree()
    root = next(iter(document.iter("article")), None)
    if root is None:
        root = next(iter(document.iter("main")), None)
    if root is None:
        root = document.find("body") if document.find("body") is not None else document
    paragraphs = []
    for element in root.iter(*_BLOCKS):
        # A block inside another block (a <p> in a <li> or <blockquote>) is read with its parent.
        if any(ancestor.tag in _BLOCKS for ancestor in element.iterancestors()):
            continue
        text = _clean(element)
        if text:
            paragraphs.append(text)
    if not paragraphs:
        fallback = _clean(root)
        if fallback and fallback != headline:
            paragraphs.append(fallback)
    parts = ([headline] if headline else []) + paragraphs
    return "\n\n".join(parts)
