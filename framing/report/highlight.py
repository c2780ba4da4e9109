"""Articles as HTML: loaded language marked by category, and the outlet's voice shaded.

Every piece of article text goes through :func:`html.escape` before it becomes HTML, so an
article that contains ``<script>``, ``<img onerror=...>`` or a ``javascript:`` link shows them as
text and runs nothing. Each loaded term is one ``<mark class="loaded loaded-CATEGORY">``
element, so a stylesheet, a test or a screen reader can find it; quoted and attributed words are
``<span class="voice-quoted">`` and ``<span class="voice-attributed">``.

>>> from framing import Article
>>> article = Article("Raqqa Falls\\n\\nISIS <b>lost</b> a massive battle, \\u201cfor good.\\u201d")
>>> html = paragraph_html(article.paragraphs[1], voice_spans=[VoiceSpan(39, 50, "quoted")])
>>> html.count("<mark"), "&lt;b&gt;lost&lt;/b&gt;" in html, "<b>" in html
(1, True, False)
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from framing.errors import choices_error
from framing.measures.lexicon import Match
from framing.report.palette import (
    VOICE_COLORS,
    VOICE_LINE_STYLES,
    DisplayFamily,
    display_families,
)

__all__ = [
    "VoiceSpan",
    "HTML",
    "VOICE_KINDS",
    "PARAGRAPH_VOICES",
    "category_class",
    "category_colors",
    "highlight_text",
    "paragraph_html",
    "legend_html",
    "stylesheet",
    "article_html",
    "voice_spans",
    "paragraph_voice",
]

#: Kinds of voice span inside a paragraph: words in quotation marks, and words the outlet
#: attributes to someone else ("According to CBS News, ...").
VOICE_KINDS = ("quoted", "attributed")

#: A paragraph's voice as :mod:`framing.voice` labels it.
PARAGRAPH_VOICES = ("own", "attributed", "quoted", "mixed")

_NOT_CLASS = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class VoiceSpan:
    """Characters ``start:end`` of a paragraph that are quoted or attributed (``kind``)."""

    start: int
    end: int
    kind: str

    def __post_init__(self) -> None:
        if self.kind not in VOICE_KINDS:
            raise choices_error("kind", self.kind, VOICE_KINDS)


class HTML(str):
    """An HTML fragment (a ``str``) that a notebook displays as HTML rather than as text."""

    def _repr_html_(self) -> str:
        return str(self)


def category_class(category: str) -> str:
    """Return the CSS class that names a loaded-language category.

    >>> category_class("eradication-violence"), category_class("Emotive Negative!")
    ('loaded-eradication-violence', 'loaded-emotive-negative')
    """
    return "loaded-" + (_NOT_CLASS.sub("-", category.lower()).strip("-") or "other")


def category_colors(categories: Sequence[str]) -> dict[str, DisplayFamily]:
    """Return ``{category: DisplayFamily}``: the look of each category, in the order given.

    Categories share a look by family (:func:`framing.report.palette.display_families`): at
    most six, each with its own tint, line style and letter.

    >>> looks = category_colors(["glorifying", "hyperbole"])
    >>> looks["hyperbole"].name, looks["hyperbole"].letter, looks["glorifying"].letter
    ('exaggeration', 'X', 'F')
    """
    return display_families(categories)


def _families(categories: Sequence[str]) -> dict[DisplayFamily, list[str]]:
    families: dict[DisplayFamily, list[str]] = {}
    for category, family in category_colors(categories).items():
        families.setdefault(family, []).append(category)
    return families


def _escape(text: object) -> str:
    return html.escape(str(text), quote=True)


def page_head(title: str) -> list[str]:
    """Return the lines of a self-contained page's start, to ``</head>``, titled ``title``.

    The page may hold no scripts and fetch nothing: its content security policy says so.
    """
    return [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # No scripts, and nothing fetched from anywhere: the policy makes that a promise.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">",
        f"<title>{_escape(title)}</title>",
        "</head>",
    ]


def _voice_at(spans: Sequence[VoiceSpan], start: int, end: int) -> str | None:
    # A quotation inside an attributed sentence reads as quoted: it is the source's own words.
    kinds = {span.kind for span in spans if span.start < end and start < span.end}
    if "quoted" in kinds:
        return "quoted"
    return "attributed" if kinds else None


def _pieces(text: str, spans: Sequence[VoiceSpan], start: int, end: int) -> str:
    cuts = sorted({start, end} | {s.start for s in spans if start < s.start < end})
    cuts = sorted(set(cuts) | {s.end for s in spans if start < s.end < end})
    out = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        piece = _escape(text[left:right])
        kind = _voice_at(spans, left, right)
        out.append(f'<span class="voice-{kind}">{piece}</span>' if kind else piece)
    return "".join(out)


def highlight_text(
    text: str, matches: Iterable[Match], *, voice_spans: Iterable[VoiceSpan] = ()
) -> HTML:
    """Return ``text`` as escaped HTML with each match in a ``<mark>`` and voice spans shaded.

    ``matches`` and ``voice_spans`` carry offsets into ``text``. Each match becomes exactly one
    ``<mark>`` element, even where a quotation starts or ends inside it.

    >>> from framing.measures.lexicon import Match
    >>> highlight_text("a <massive> win", [Match("massive", "hyperbole", 3, 10, "massive")])
    'a &lt;<mark class="loaded loaded-hyperbole" title="hyperbole: massive">massive</mark>&gt; win'
    """
    spans = sorted((span for span in voice_spans if span.end > span.start), key=lambda s: s.start)
    out = []
    position = 0
    for match in sorted(matches, key=lambda m: m.start):
        if match.start < position or match.end > len(text):
            continue  # overlapping or out of range: the matcher never gives these
        out.append(_pieces(text, spans, position, match.start))
        title = _escape(f"{match.category}: {match.term}")
        out.append(
            f'<mark class="loaded {category_class(match.category)}" title="{title}">'
            f"{_pieces(text, spans, match.start, match.end)}</mark>"
        )
        position = match.end
    out.append(_pieces(text, spans, position, len(text)))
    return HTML("".join(out))


def voice_spans(paragraph) -> list[VoiceSpan]:
    """Return the quoted and attributed spans of ``paragraph`` (paragraph-relative offsets).

    They are the quoted and attributed segments that :mod:`framing.voice` finds; a paragraph
    measured without voice detection has none.
    """
    voice = getattr(paragraph, "voice", None)
    if voice is None:
        return []
    return [
        VoiceSpan(int(segment.start), int(segment.end), segment.voice)
        for segment in getattr(voice, "segments", ()) or ()
        if segment.voice in VOICE_KINDS and segment.end > segment.start
    ]


_spans_of = voice_spans


def paragraph_voice(paragraph) -> str | None:
    """Return the paragraph's voice label (own, attributed, quoted, mixed), if it has one."""
    voice = getattr(paragraph, "voice", None)
    if voice is None:
        return None
    label = getattr(voice, "voice", None)
    return str(label) if label in PARAGRAPH_VOICES else None


def paragraph_html(
    paragraph,
    *,
    voice_spans: Iterable[VoiceSpan] | None = None,
    voice: str | None = None,
    shade_voice: bool = True,
    tag: str = "p",
) -> HTML:
    """Return one paragraph as an HTML element, its loaded terms marked and its voice shaded.

    ``paragraph`` is a :class:`framing.Paragraph`; its voice spans and label come from
    :mod:`framing.voice` unless given (``shade_voice=False`` leaves the voice out). The element
    carries ``data-paragraph`` (the paragraph
    number, as in :func:`framing.analyze`) and a ``voice-VOICE`` class.
    """
    if tag not in ("p", "h1", "h2", "div", "blockquote"):
        raise choices_error("tag", tag, ("p", "h1", "h2", "div", "blockquote"))
    if not shade_voice:
        spans, label = [], None
    else:
        spans = list(voice_spans) if voice_spans is not None else _spans_of(paragraph)
        label = voice if voice is not None else paragraph_voice(paragraph)
    if label is not None and label not in PARAGRAPH_VOICES:
        raise choices_error("voice", label, PARAGRAPH_VOICES)
    body = highlight_text(paragraph.text, paragraph.loaded_matches, voice_spans=spans)
    classes = f"paragraph paragraph-voice-{label}" if label else "paragraph"
    return HTML(f'<{tag} class="{classes}" data-paragraph="{int(paragraph.index)}">{body}</{tag}>')


def legend_html(categories: Sequence[str], *, voice: bool = True) -> HTML:
    """Return a legend: one sample per family of categories, then the voice shadings.

    Each family shows its tint, line and letter, its name and its categories, so that a copy
    printed in black and white still reads by letter and line. The samples are ``<span>``
    elements styled like marks, so that counting ``<mark>`` elements on a page counts only the
    article's loaded terms.
    """
    items = []
    for family, members in _families(categories).items():
        classes = " ".join(category_class(c) for c in members[:1])
        named = ", ".join(family.categories or members)
        items.append(
            f'<li><span class="legend-mark {classes}">{_escape(family.name)}</span>'
            + (f' <span class="legend-members">({_escape(named)})</span>' * (named != family.name))
            + "</li>"
        )
    parts = [
        '<div class="legend" role="note"><p class="legend-title">Loaded language: each family '
        "has its own colour, underline and letter</p>",
        f'<ul class="legend-items">{"".join(items)}</ul>',
    ]
    if voice:
        parts.append(
            '<p class="legend-title">Voice</p><ul class="legend-items">'
            "<li><span>the outlet's own words (no shading)</span></li>"
            '<li><span class="voice-quoted">quoted words (slanted, grey)</span></li>'
            '<li><span class="voice-attributed">words attributed to a source (dotted '
            "underline)</span></li>"
            "</ul>"
        )
    parts.append("</div>")
    return HTML("".join(parts))


def stylesheet(categories: Sequence[str]) -> str:
    """Return the CSS for marks, voice shading, legend and print, for these categories."""
    rules = [
        "mark.loaded, .legend-mark { color: #111; padding: 0 .1em; border-radius: 2px;"
        " -webkit-print-color-adjust: exact; print-color-adjust: exact; }",
        "mark.loaded::after, .legend-mark::after { font: bold .62em/1 'DejaVu Sans', Arial,"
        " sans-serif; vertical-align: super; margin-left: .12em; color: #111; }",
    ]
    for category, family in category_colors(categories).items():
        width = 4 if family.line_style in ("double", "groove") else 3
        css = category_class(category)
        rules.append(
            f".{css} {{ background: {family.tint};"
            f" border-bottom: {width}px {family.line_style} {family.line}; }}"
        )
        rules.append(f'.{css}::after {{ content: "{family.letter}"; }}')
    rules += [
        ".voice-quoted { font-style: italic; background-image: linear-gradient(#ececec, #ececec);"
        " -webkit-print-color-adjust: exact; print-color-adjust: exact; }",
        f".voice-attributed {{ text-decoration: underline dotted {VOICE_COLORS['attributed']};"
        " text-underline-offset: .2em; }",
        ".paragraph[class*=paragraph-voice-] { border-left: 4px solid #999; padding-left: .6em; }",
    ]
    for label in PARAGRAPH_VOICES:
        rules.append(
            f".paragraph-voice-{label} {{ border-left-color: {VOICE_COLORS[label]} !important;"
            f" border-left-style: {VOICE_LINE_STYLES[label]} !important; }}"
        )
    rules += [
        ".legend { font-size: .9em; margin: .5em 0 1em; }",
        ".legend-title { font-weight: bold; margin: .3em 0; }",
        ".legend-items { list-style: none; padding: 0; margin: 0;"
        " display: flex; flex-wrap: wrap; gap: .4em 1em; }",
        ".legend-members { color: #333; }",
    ]
    return "\n".join(rules)


def article_html(article, *, voice: bool = True, title: str | None = None) -> HTML:
    """Return an article as an HTML fragment (style, legend, headline, paragraphs).

    Displays itself in a notebook; ``voice=False`` leaves out the voice shading.

    >>> from framing import Article
    >>> fragment = article_html(Article("A Massive Win\\n\\n<script>go(1)</script> won."))
    >>> "<script>" in fragment, fragment.count("<mark")
    (False, 1)
    """
    categories = list(article.lexicon.categories) if hasattr(article.lexicon, "categories") else []
    categories += [m.category for p in article.paragraphs for m in p.loaded_matches]
    parts = [f"<style>{stylesheet(categories)}</style>", '<div class="framing-article">']
    if title:
        parts.append(f"<p><strong>{_escape(title)}</strong></p>")
    parts.append(legend_html(categories, voice=voice))
    for paragraph in article.paragraphs:
        parts.append(paragraph_html(paragraph, shade_voice=voice, tag=_tag(paragraph)))
    parts.append("</div>")
    return HTML("".join(parts))


def _tag(paragraph) -> str:
    return "h2" if paragraph.role == "headline" else "p"
