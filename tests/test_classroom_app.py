"""The classroom app as a teacher uses it: Voila serving notebook 05, driven in chromium.

The app is served on 127.0.0.1 by the tests themselves (started once for the module, stopped
at its end), every request that is not to 127.0.0.1 is cut and counted, and screenshots and
printed PDFs are left in out/browser/ for a reviewer.
"""

from __future__ import annotations

import importlib.util
import re
import sys

import pytest

from framing import Article
from framing.cli import main
from framing.datasets.loaders import load_seed_text, seed_path, source_path
from framing.report.app_server import (
    app_notebook,
    classroom_notebook,
    voila_command,
    voila_environment,
)
from framing.report.highlight import category_class
from tests.browser import OUT, chromium, cut_the_network, free_port, server
from tests.conftest import SHARED_DATA, need, need_data
from tests.test_worksheet import HOSTILE_ARTICLE

#: Seconds a step of the app may take on a loaded two-core machine (a kernel runs the notebook
#: first; Show measures and aligns the article).
STEP_MS = 120_000
#: Printable width of a page with the sheet's 12 mm margins, in CSS pixels (96 per inch):
#: A4 is 210 mm wide, US Letter 8.5 in.
PRINT_WIDTHS = {"A4": round((210 - 24) / 25.4 * 96), "Letter": round((8.5 - 24 / 25.4) * 96)}


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    need(sys.platform.startswith("linux"), "the app tests drive Debian's chromium on Linux")
    need(importlib.util.find_spec("voila") is not None, "needs voila: make install (the dev extra)")
    folder = tmp_path_factory.mktemp("classroom")
    data_dir = SHARED_DATA if (SHARED_DATA / "allsides-roundups").is_dir() else None
    notebook = app_notebook(classroom_notebook(), data_dir=data_dir, folder=folder)
    port = free_port()
    with server(voila_command(notebook, port=port), port, env=voila_environment()):
        yield f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture
def app(browser, app_url):
    """A fresh app page, with every request outside 127.0.0.1 cut (the network is gone)."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    outside = cut_the_network(page)
    page.goto(app_url, timeout=STEP_MS)
    page.wait_for_selector(".framing-app textarea", timeout=STEP_MS)
    yield page
    context.close()
    assert outside == []  # nothing was asked of the network


def _show(page, article: str, source: str = ""):
    boxes = page.locator(".framing-app textarea")
    boxes.nth(0).fill(article)
    boxes.nth(1).fill(source)  # the report it cites (the name box above it stays empty)
    page.get_by_role("button", name="Show").first.click()
    page.wait_for_selector(".framing-app-download a", timeout=STEP_MS)


def test_the_app_shows_no_code_and_marks_every_lexicon_match_of_the_seed(app):
    assert app.locator(".jp-CodeMirrorEditor, .jp-InputArea-editor").count() == 0
    assert "import classroom" not in app.locator("body").inner_text()
    _show(app, load_seed_text())
    article = Article(load_seed_text())
    expected = [m.category for p in article.paragraphs for m in p.loaded_matches]
    sheet = app.locator(".framing-app-sheet").first
    assert sheet.locator(".partisan mark.loaded").count() == len(expected) > 10
    for category in set(expected):
        found = sheet.locator(f".partisan mark.{category_class(category)}").count()
        assert found == expected.count(category)
    # beside its source, with the sentiment strip and the questions
    assert sheet.locator(".row .source:not(.none)").count() >= 1
    assert sheet.locator(".strip svg rect").count() == 2 * len(article.paragraphs)
    assert sheet.locator(".questions li").count() >= 4
    OUT.mkdir(parents=True, exist_ok=True)
    app.screenshot(path=str(OUT / "classroom-app.png"))
    # the rows where the article draws on its source, as a teacher scrolls to them
    aligned = sheet.locator(".row:has(.source:not(.none))").first
    aligned.evaluate("row => row.previousElementSibling.scrollIntoView()")
    app.screenshot(path=str(OUT / "classroom-app-beside-source.png"))


def test_an_article_that_tries_to_run_code_runs_nothing(app):
    _show(app, HOSTILE_ARTICLE)
    assert app.evaluate("typeof window.pwned") == "undefined"
    sheet = ".framing-app-sheet"
    assert app.locator(f"{sheet} script, {sheet} img, {sheet} svg[onload]").count() == 0
    assert app.locator(f'{sheet} a[href^="javascript"]').count() == 0
    assert app.locator(".framing-app").is_visible()
    shown = app.locator(f"{sheet} .partisan").all_inner_texts()
    assert '<img src=x onerror="window.pwned=1">' in "\n".join(shown)
    expected = sum(p.loaded_count for p in Article(HOSTILE_ARTICLE).paragraphs)
    assert app.locator(f"{sheet} .partisan mark.loaded").count() == expected > 0


def test_download_gives_the_same_file_as_framing_worksheet(app, tmp_path):
    _show(app, load_seed_text())
    with app.expect_download(timeout=STEP_MS) as download:
        app.get_by_role("link", name="Download the worksheet").click()
    saved = tmp_path / "downloaded.html"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "worksheet.html"
    # the seed goes with the release it quotes, as on the command line
    expected = tmp_path / "worksheet.html"
    argv = ["worksheet", str(seed_path()), "--source", str(source_path()), "-o", str(expected)]
    assert main(argv) == 0
    assert saved.read_bytes() == expected.read_bytes()


def test_a_pasted_article_and_named_source_download_as_framing_worksheet_writes_them(app, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(
        "Evictions Halted\n\nThe CDC halted evictions in counties covering 80% of the "
        "nation's people, officials said.\n",
        encoding="utf-8",
    )
    source = tmp_path / "npr.txt"
    source.write_text(
        "CDC issues new eviction moratorium\n\nThe order halts evictions in areas where 80 "
        "percent of the U.S. population lives.\n",
        encoding="utf-8",
    )
    _show(app, article.read_text(encoding="utf-8"), source.read_text(encoding="utf-8"))
    with app.expect_download(timeout=STEP_MS) as download:
        app.get_by_role("link", name="Download the worksheet").click()
    saved = tmp_path / "downloaded.html"
    download.value.save_as(saved)
    expected = tmp_path / "worksheet.html"
    argv = ["worksheet", str(article), "--source", str(source), "-o", str(expected)]
    assert main(argv) == 0
    assert saved.read_bytes() == expected.read_bytes()
    assert "compared with: CDC issues new eviction moratorium" in saved.read_text("utf-8")


@pytest.mark.parametrize("paper", sorted(PRINT_WIDTHS))
def test_the_print_view_keeps_each_paragraph_beside_its_source(app, paper):
    _show(app, load_seed_text())
    app.get_by_role("button", name="Print view").click()
    app.locator(".framing-app-inputs").first.wait_for(state="hidden", timeout=STEP_MS)
    OUT.mkdir(parents=True, exist_ok=True)
    app.screenshot(path=str(OUT / "classroom-print-view.png"))
    pdf = app.pdf(format=paper)
    (OUT / f"classroom-print-{paper}.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2
    # laid out at the paper's printable width, as printed: each source cell beside its paragraph
    app.set_viewport_size({"width": PRINT_WIDTHS[paper], "height": 1000})
    app.emulate_media(media="print")
    rows = app.locator(".framing-app-sheet .row")
    assert rows.count() == len(Article(load_seed_text()).paragraphs)
    for index in range(rows.count()):
        cells = rows.nth(index).locator(":scope > div")
        paragraph, source = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
        assert abs(paragraph["y"] - source["y"]) < 1 and paragraph["x"] < source["x"]
        assert source["x"] + source["width"] <= PRINT_WIDTHS[paper] + 1
    # nothing but the sheet prints: the controls and the notebook's text are hidden
    shown = "element => element.checkVisibility()"
    assert app.locator(".framing-app textarea").first.evaluate(shown) is False
    assert app.locator(".framing-app button").first.evaluate(shown) is False
    assert app.locator(".jp-MarkdownOutput").first.evaluate(shown) is False
    assert app.locator(".framing-app-sheet .framing-worksheet h1").first.evaluate(shown) is True


def test_the_story_picker_makes_the_same_sheet_as_framing_lesson(app, tmp_path):
    data = need_data("allsides-roundups")
    app.get_by_text("Same story, three framings").click()
    tab = app.locator(".framing-app-stories")
    picker = tab.locator("select")
    picker.nth(0).select_option(label="Culture")
    story = picker.nth(1).locator("option", has_text="Gates")
    picker.nth(1).select_option(value=story.first.get_attribute("value"))
    label = story.first.inner_text()
    tab.get_by_role("button", name="Show").click()
    app.wait_for_selector(".framing-lesson .side-right", timeout=STEP_MS)
    assert app.locator(".framing-lesson .side").count() == 3
    app.screenshot(path=str(OUT / "classroom-story-picker.png"), full_page=True)
    with app.expect_download(timeout=STEP_MS) as download:
        app.get_by_role("link", name="Download the lesson sheet").click()
    story_id = re.search(r"lesson-(\d+)\.html", download.value.suggested_filename).group(1)
    saved = tmp_path / "downloaded.html"
    download.value.save_as(saved)
    expected = tmp_path / "lesson.html"
    argv = ["lesson", "--story", story_id, "--data-dir", str(data), "-o", str(expected)]
    assert main(argv) == 0
    assert saved.read_bytes() == expected.read_bytes()
    assert label.startswith("2021-05-04")
