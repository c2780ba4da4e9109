"""The classroom worksheet, checked in a real headless browser (Debian's chromium)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from framing import Article
from framing.cli import main
from framing.datasets.loaders import seed_path, source_path
from framing.report.highlight import category_class
from framing.report.worksheet import (
    discussion_questions,
    plural,
    sentiment_svg,
    worksheet_html,
)
from tests.conftest import need

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: An article that tries every way to run code from its own text.
HOSTILE_ARTICLE = """ALERT: Massive <script>window.pwned=1</script> Victory

According to CBS News, ISIS lost the city of Raqqa. <img src=x onerror="window.pwned=1">

Read the <a href="javascript:window.pwned=1">full story</a> of this terrible defeat.

Centcom describes it thusly: "ISIS used the camps to train militants to conduct terror attacks."

</p></div><style>body { display: none }</style><svg onload="window.pwned=1"></svg> The end.
"""


@pytest.fixture(scope="module")
def browser():
    need(CHROMIUM.is_file(), f"needs Debian's chromium at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    return page, requests


@pytest.fixture(scope="module")
def hostile_worksheet(tmp_path_factory):
    # Built from the text itself: a file with this much markup is read as HTML (see
    # test_a_text_file_of_markup_is_read_as_html_by_the_command), and this test is about text.
    from framing.comparisons.align import compare
    from framing.report.worksheet import SourceDocument

    folder = tmp_path_factory.mktemp("worksheet")
    article = Article(HOSTILE_ARTICLE)
    source = SourceDocument(source_path().name, Article.from_file(source_path()))
    comparison = compare(article, {source.name: source.article})
    output = folder / "worksheet.html"
    output.write_text(worksheet_html(article, [source], comparison=comparison), encoding="utf-8")
    return article, output


def test_a_text_file_of_markup_is_read_as_html_by_the_command(tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    output = tmp_path / "worksheet.html"
    assert main(["worksheet", str(article), "--source", str(source_path()), "-o", str(output)]) == 0
    page = output.read_text(encoding="utf-8")
    assert "pwned" not in page and "display: none" not in page  # scripts and styles dropped
    assert "full story" in page and "ISIS lost the city of Raqqa" in page


def test_marks_in_the_browser_equal_the_lexicon_matches(browser, tmp_path):
    output = tmp_path / "seed.html"
    assert (
        main(["worksheet", str(seed_path()), "--source", str(source_path()), "-o", str(output)])
        == 0
    )
    article = Article.from_file(seed_path())
    expected = [m.category for p in article.paragraphs for m in p.loaded_matches]
    page, requests = _open(browser, output)
    assert page.locator(".partisan mark.loaded").count() == len(expected)
    for category in set(expected):
        css = category_class(category)
        assert page.locator(f".partisan mark.{css}").count() == expected.count(category)
    # The source column highlights the source's own terms, each one a match too.
    source = Article.from_file(source_path())
    source_terms = sum(p.loaded_count for p in source.paragraphs)
    assert page.locator(".source mark.loaded, .omitted mark.loaded").count() <= source_terms
    assert page.locator("h1").inner_text() == article.headline.text
    assert page.locator("svg rect").count() == 2 * len(article.paragraphs)
    assert page.locator(".questions li").count() >= 4
    assert requests == [output.as_uri()]  # nothing fetched: self-contained
    page.close()


def test_an_injected_script_does_not_run_and_shows_as_text(browser, hostile_worksheet, tmp_path):
    article, output = hostile_worksheet
    page, requests = _open(browser, output)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('script, img, iframe, object').length") == 0
    assert page.evaluate("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    assert page.evaluate("document.querySelectorAll('svg[onload]').length") == 0
    assert page.locator("body").is_visible()
    text = page.locator(".partisan").all_inner_texts()
    shown = "\n".join(text)
    assert "<script>window.pwned=1</script>" in page.locator("h1").inner_text()
    assert '<img src=x onerror="window.pwned=1">' in shown
    assert '<a href="javascript:window.pwned=1">full story</a>' in shown
    expected = sum(p.loaded_count for p in article.paragraphs)
    assert page.locator(".partisan mark.loaded").count() == expected > 0
    assert requests == [output.as_uri()]
    screenshot = tmp_path / "hostile.png"
    page.screenshot(path=str(screenshot), full_page=True)
    width, height = _png_size(screenshot)
    assert width == 1100 and height > 900
    assert screenshot.stat().st_size > 30_000
    page.close()


def test_the_worksheet_screenshot_and_print_have_real_content(browser, tmp_path):
    output = tmp_path / "seed.html"
    assert main(["worksheet", str(seed_path()), "-o", str(output)]) == 0
    page, _ = _open(browser, output)
    screenshot = tmp_path / "seed.png"
    page.screenshot(path=str(screenshot), full_page=True)
    width, height = _png_size(screenshot)
    assert width == 1100 and height > 1500  # thirteen paragraphs, legend, strip and questions
    assert screenshot.stat().st_size > 100_000
    pdf = page.pdf(format="A4")
    # The questions start a page of their own when printed.
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type/Page") >= 2
    page.close()


def test_the_page_is_self_contained_and_escapes_the_title():
    article = Article("Win <b>big</b>\n\nA massive win.")
    page = worksheet_html(article)
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Worksheet: Win &lt;b&gt;big&lt;/b&gt;</title>" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page and "<script" not in page and "<link" not in page
    assert "@media print" in page


def test_sentiment_svg_has_a_bar_pair_per_paragraph_with_titles(seed_text):
    article = Article(seed_text)
    svg = sentiment_svg(article)
    assert svg.count("<rect") == 2 * len(article.paragraphs)
    assert "paragraph 3: polarity -0.40" in svg
    last = article.paragraphs[12]
    assert f"paragraph 12: {last.loaded_per_100_words:.1f} loaded terms per 100 words" in svg
    assert last.loaded_per_100_words > 5


def test_discussion_questions_come_from_the_article(seed_text):
    article = Article(seed_text)
    questions = discussion_questions(article)
    assert questions[0].startswith("The headline uses \u201cALERT\u201d")
    # The paragraph with the most loaded terms is the closing one, the outlet's own verdict.
    heaviest = max(article.body, key=lambda p: p.loaded_count)
    assert heaviest.index == 12
    terms = ", ".join(m.text for m in heaviest.loaded_matches)
    assert f"Paragraph 12 has {heaviest.loaded_count} loaded terms ({terms})" in questions[1]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["worksheet", "no-such-file.txt"], "no such file"),
        (["worksheet", "{seed}", "--source", "no-such-source.txt"], "no such file"),
    ],
)
def test_worksheet_command_reports_a_bad_path_in_one_line(argv, message, capsys):
    argv = [arg.format(seed=seed_path()) for arg in argv]
    assert main(argv) == 2
    error = capsys.readouterr().err
    assert error.startswith("framing: error:") and message in error and error.count("\n") == 1


# --- saying only what the measures support ------------------------------------------------------

#: An article with no term of the lexicon, one paragraph speaking through a source.
PLAIN_ARTICLE = (
    "Budget talks resume\n\n"
    "The committee met on Tuesday to discuss the budget, according to a spokesperson.\n\n"
    "Members will meet again next week."
)


def test_no_highlight_question_and_a_warning_when_the_lexicon_finds_nothing():
    article = Article(PLAIN_ARTICLE)
    assert sum(p.loaded_count for p in article.paragraphs) == 0
    questions = discussion_questions(article)
    assert not any("highlighted term" in question for question in questions)
    page = worksheet_html(article)
    assert "found no loaded terms in this article. That does not make it neutral" in page
    # With a loaded term, the question comes back and the warning goes.
    loaded = Article(PLAIN_ARTICLE.replace("discuss", "discuss the disastrous"))
    assert any("highlighted term" in question for question in discussion_questions(loaded))
    assert "found no loaded terms" not in worksheet_html(loaded)


def test_a_headline_only_article_gets_a_warning():
    page = worksheet_html(Article("A Massive Win for the Troops", headline=True))
    assert "This article is only a headline" in page
    assert "only a headline" not in worksheet_html(Article(PLAIN_ARTICLE))


def test_a_very_long_article_gets_a_warning():
    paragraph = "The committee met on Tuesday to discuss the budget for the coming year. " * 10
    long_text = "Budget talks\n\n" + "\n\n".join([paragraph] * 40)  # 40 x 130 words, headline 2
    page = worksheet_html(Article(long_text))
    assert "This article is long (5,202 words, 41 paragraphs)" in page
    assert "This article is long" not in worksheet_html(Article(PLAIN_ARTICLE))


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [(1, "paragraph", "1 paragraph"), (11, "paragraph", "11 paragraphs"), (0, "word", "0 words")],
)
def test_plural(count, noun, expected):
    assert plural(count, noun) == expected


def test_one_cited_paragraph_speaks_and_one_paragraph_is_one():
    article = Article(PLAIN_ARTICLE)
    questions = discussion_questions(article)
    assert "Paragraph 1 speaks through sources." in " ".join(questions)
    page = worksheet_html(Article("A Win\n\nWe won the vote, officials said."))
    assert "1 paragraph \u00b7" not in page  # headline and one paragraph: two paragraphs
    assert "2 paragraphs \u00b7 0 loaded terms" in page
    assert "paragraph(s)" not in page and "Paragraphs 1 speak" not in page


def test_no_question_asks_what_the_page_prints_beside_it(seed_text):
    # The page labels each paragraph's voice; the most negative paragraph's question asks about
    # its words, not whose voice it is.
    questions = discussion_questions(Article(seed_text))
    negative = [q for q in questions if "most negative" in q]
    assert negative and "outlet's words or a source's" not in negative[0]


@pytest.fixture(scope="module")
def seed_worksheet(tmp_path_factory) -> str:
    output = tmp_path_factory.mktemp("seed") / "worksheet.html"
    assert (
        main(["worksheet", str(seed_path()), "--source", str(source_path()), "-o", str(output)])
        == 0
    )
    return output.read_text(encoding="utf-8")


def test_the_source_is_named_by_its_title_not_its_file_name(seed_worksheet):
    title = Article.from_file(source_path()).headline.text
    assert f"compared with: {title}" in seed_worksheet
    assert source_path().name not in seed_worksheet


def test_reuse_and_paraphrase_are_said_in_plain_words(seed_worksheet):
    # Paragraph 11 copies the release; paragraph 10 restates it in other words.
    assert "73% of its three-word phrases appear in the source" in seed_worksheet
    assert "says the same in other words (paraphrase score 0.40)" in seed_worksheet
    assert "word sequences reused" not in seed_worksheet


def test_not_in_the_source_and_said_differently_are_told_apart(seed_worksheet):
    # Paragraph 2 (ISIS lost Raqqa) comes close to the release's headline without reaching the
    # threshold: the page shows the nearest paragraph, its score, and asks; paragraph 4 does not.
    assert (
        "Not matched, but close: US Forces Conduct Strike against ISIS Training Camps in Yemen "
        "\u00b60 (paraphrase score 0.15)" in seed_worksheet
    )
    assert "Not in the sources given: no paragraph of them comes close." in seed_worksheet
    assert "left out, or said in other words?" in seed_worksheet
    assert "Maybe said in other words: the article\u2019s \u00b611 comes close" in (
        seed_worksheet.replace("&#x27;", "\u2019")
    )
    questions = discussion_questions(Article(seed_text_of()), comparison=None)
    assert not any("left out" in q for q in questions)  # no comparison, no such question


def seed_text_of() -> str:
    return seed_path().read_text(encoding="utf-8")
