"""HTML rendering: every loaded term is one <mark> named by its category; all text is escaped."""

from __future__ import annotations

import html
import re

import pytest

from framing import Article
from framing.errors import FramingError
from framing.measures.lexicon import Match
from framing.report.highlight import (
    VoiceSpan,
    article_html,
    category_class,
    highlight_text,
    legend_html,
    paragraph_html,
    stylesheet,
)

HOSTILE = [
    "<script>window.pwned=1</script>",
    '<img src=x onerror="window.pwned=1">',
    '<a href="javascript:window.pwned=1">click</a>',
    "\"quoted\" & 'single' </p></div><style>body{display:none}</style>",
    "<!-- comment --> <![CDATA[x]]> &amp; &lt;",
]


def _text_of(fragment: str) -> str:
    """The text a browser would show: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.mark.parametrize("payload", HOSTILE)
def test_article_text_is_escaped_and_shown_verbatim(payload):
    text = f"A Massive Headline\n\nThey said {payload} in a massive rally."
    fragment = article_html(Article(text))
    assert "<script" not in fragment
    assert "<img" not in fragment
    assert "<a " not in fragment
    assert payload in _text_of(fragment.split("</style>", 1)[1])


@pytest.mark.parametrize("payload", HOSTILE)
def test_a_hostile_category_name_cannot_break_out_of_the_class_attribute(payload):
    match = Match("massive", payload, 0, 7, "massive")
    fragment = highlight_text("massive win", [match])
    assert fragment.count("<mark") == 1
    assert "<script" not in fragment and "<img" not in fragment
    assert re.fullmatch(r"loaded-[a-z0-9-]+", category_class(payload))


@pytest.mark.parametrize(
    ("category", "css_class"),
    [
        ("glorifying", "loaded-glorifying"),
        ("eradication-violence", "loaded-eradication-violence"),
        ("Emotive Negative", "loaded-emotive-negative"),
        ("???", "loaded-other"),
    ],
)
def test_category_class_names_the_category(category, css_class):
    assert category_class(category) == css_class


def test_each_match_is_one_mark_with_its_category_class(seed_text):
    article = Article(seed_text)
    fragment = article_html(article)
    marks = re.findall(r'<mark class="loaded (loaded-[a-z0-9-]+)"', fragment)
    expected = [category_class(m.category) for p in article.paragraphs for m in p.loaded_matches]
    assert marks == expected
    assert len(marks) >= 5  # the headline alone has two


def test_a_mark_that_crosses_a_quotation_stays_one_mark_and_shades_both_parts():
    text = "a massive victory"
    match = Match("massive victory", "glorifying", 2, 17, "massive victory")
    fragment = highlight_text(text, [match], voice_spans=[VoiceSpan(10, 17, "quoted")])
    assert fragment == (
        'a <mark class="loaded loaded-glorifying" title="glorifying: massive victory">'
        'massive <span class="voice-quoted">victory</span></mark>'
    )


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], "Bowman said it."),
        ([VoiceSpan(0, 13, "attributed")], '<span class="voice-attributed">Bowman said i</span>t.'),
        (
            [VoiceSpan(0, 15, "attributed"), VoiceSpan(7, 11, "quoted")],
            '<span class="voice-attributed">Bowman </span><span class="voice-quoted">said'
            '</span><span class="voice-attributed"> it.</span>',
        ),
    ],
)
def test_voice_spans_shade_quoted_and_attributed_words(spans, expected):
    assert highlight_text("Bowman said it.", [], voice_spans=spans) == expected


def test_a_bad_voice_kind_lists_the_valid_ones():
    with pytest.raises(FramingError, match="quoted, attributed"):
        VoiceSpan(0, 1, "shouted")


def test_paragraph_html_carries_its_number_and_voice():
    article = Article("Headline Here\n\nA massive win.")
    fragment = paragraph_html(article.paragraphs[1], voice_spans=[], voice="own")
    assert fragment.startswith('<p class="paragraph paragraph-voice-own" data-paragraph="1">')
    with pytest.raises(FramingError, match="own, attributed, quoted, mixed"):
        paragraph_html(article.paragraphs[1], voice="loud")


def test_legend_samples_are_not_marks_and_stylesheet_styles_every_category():
    categories = ["glorifying", "hyperbole", "dehumanising"]
    legend = legend_html(categories)
    assert "<mark" not in legend
    assert [c for c in categories if f"loaded-{c}" in legend] == categories
    css = stylesheet(categories)
    assert all(f".loaded-{c} {{ background:" in css for c in categories)
    assert "print-color-adjust: exact" in css


def test_article_html_displays_as_html_in_a_notebook(seed_text):
    fragment = article_html(Article(seed_text))
    assert fragment._repr_html_() == str(fragment)
    assert 'data-paragraph="12"' in fragment
