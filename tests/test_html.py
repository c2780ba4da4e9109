"""HTML pages reduced to their article text: headline, paragraphs, no page furniture."""

from __future__ import annotations

import pytest

from framing import Article
from framing.errors import InputError
from framing.io.html import html_to_text, looks_like_html

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>ISIS loses Raqqa | Example News</title>
  <style>p { color: red; }</style>
  <script>window.dataLayer = [];</script>
</head>
<body class="single-post with-sidebar">
  <header class="site-header"><a href="/">Example News</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav>
  </header>
  <div class="cookie-banner">We use cookies.</div>
  <main>
    <article class="post has-comments">
      <header><h1>ISIS Loses Raqqa &amp; Its &#8220;Capital&#8221;</h1>
        <p class="byline">By Jane Doe</p></header>
      <div class="share-buttons"><a>Share on Facebook</a><a>Tweet</a></div>
      <div class="article-body">
        <p>On Tuesday, ISIS lost one of its main holdings in Raqqa&ndash;a hospital&ndash;and
           was forced into a stadium.</p>
        <p>&ldquo;The battle is won,&rdquo; said a&nbsp;commander. <em>It&rsquo;s</em> over.</p>
        <blockquote><p>Raqqa is where ISIS first imposed the strict laws.</p></blockquote>
        <div>Old CMS text line one<br>still the same paragraph<br><br>A new paragraph.</div>
        <ul><li>First point</li><li>Second <b>point</b></li></ul>
        <!-- an HTML comment that is not text -->
        <p>&nbsp;</p>
        <p hidden>Hidden text</p>
        <p style="display: none">Also hidden</p>
        <div aria-hidden="true">Screen-reader hidden</div>
        <figure><img src="x.jpg"><figcaption>A photo caption</figcaption></figure>
        <div class="ad-slot">Buy now</div>
      </div>
      <section class="related-articles"><h2>Related</h2><p>Another story</p></section>
    </article>
  </main>
  <aside class="sidebar"><p>Most read</p></aside>
  <footer><p>&copy; 2017 Example News</p></footer>
  <script>track();</script>
</body>
</html>
"""

NEWS_PAGE_PARAGRAPHS = [
    "ISIS Loses Raqqa & Its \u201cCapital\u201d",
    "On Tuesday, ISIS lost one of its main holdings in Raqqa\u2013a hospital\u2013and was "
    "forced into a stadium.",
    "\u201cThe battle is won,\u201d said a\xa0commander. It\u2019s over.",
    "Raqqa is where ISIS first imposed the strict laws.",
    "Old CMS text line one still the same paragraph",
    "A new paragraph.",
    "First point",
    "Second point",
]


def test_a_news_page_keeps_the_article_and_drops_the_furniture():
    assert html_to_text(NEWS_PAGE).split("\n\n") == NEWS_PAGE_PARAGRAPHS


def test_a_news_page_as_an_article(tmp_path):
    path = tmp_path / "raqqa.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    article = Article.from_file(path)
    assert article.headline.text == NEWS_PAGE_PARAGRAPHS[0]
    assert [p.text for p in article.paragraphs] == NEWS_PAGE_PARAGRAPHS
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text
    assert Article.from_html(NEWS_PAGE).text == article.text


@pytest.mark.parametrize(
    ("html", "paragraphs"),
    [
        # No <article>: the <main>; no <h1>: the <title>, without the site's name.
        (
            "<html><head><title>Raqqa Falls | Example</title></head><body>"
            "<div>Menu</div><main><p>One.</p><p>Two.</p></main></body></html>",
            ["Raqqa Falls", "One.", "Two."],
        ),
        # Neither: the <body>; text in <div>s with <br><br> between paragraphs.
        (
            "<html><body><div>First paragraph,<br>same one.<br> <br><br>Second.</div>"
            "<div><div>Nested <span>inline</span> text.</div></div></body></html>",
            ["First paragraph, same one.", "Second.", "Nested inline text."],
        ),
        # Nested blocks are read once, in order, with the text between them.
        (
            "<html><body><article><div>Before <div><p>inner</p></div> after</div>"
            "<ul><li><p>Item one</p></li><li>Item <a href='#'>two</a></li></ul>"
            "<table><tr><td>Cell</td></tr></table></article></body></html>",
            ["Before", "inner", "after", "Item one", "Item two", "Cell"],
        ),
        # Of several <article>s, the one with the most text.
        (
            "<html><body><article><p>Teaser.</p></article>"
            "<article><h1>Main</h1><p>The long main story text.</p></article></body></html>",
            ["Main", "The long main story text."],
        ),
        # Entities: named, decimal, hexadecimal.
        (
            "<html><body><p>Trump&#8217;s &mdash; &#x201C;win&#x201D; &amp; &lt;more&gt;</p>"
            "</body></html>",
            ["Trump\u2019s \u2014 \u201cwin\u201d & <more>"],
        ),
        # An XHTML page with its XML declaration.
        (
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>'
            '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>XHTML text.</p></body></html>',
            ["XHTML text."],
        ),
    ],
)
def test_page_layouts(html, paragraphs):
    assert html_to_text(html).split("\n\n") == paragraphs


def test_bytes_follow_the_declared_encoding():
    html = "<html><head><meta charset='iso-8859-1'></head><body><p>Caf\xe9 news.</p></body></html>"
    assert html_to_text(html.encode("latin-1")) == "Caf\xe9 news."


def test_a_page_without_text_gives_no_paragraphs():
    assert html_to_text("<html><body><script>x()</script><nav>Home</nav></body></html>") == ""


def test_an_empty_page_is_an_input_error():
    with pytest.raises(InputError, match="could not parse the HTML"):
        html_to_text("")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", True),
        ("  <html><body></body></html>", True),
        ("<div><body><p>Hi</p>", True),
        ("ALERT: Trump Wins <b>big</b>", False),
        ("", False),
    ],
)
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected
