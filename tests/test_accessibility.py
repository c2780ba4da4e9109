"""The worksheet and the lesson sheet pass axe-core in Debian's chromium (no serious issue)."""

from __future__ import annotations

import pytest

from framing.cli import main
from framing.datasets.loaders import seed_path, source_path
from tests.browser import axe_violations, chromium
from tests.conftest import need_data


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


def _check(browser, path) -> list[dict]:
    context = browser.new_context(bypass_csp=True, viewport={"width": 1100, "height": 900})
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        return axe_violations(page)
    finally:
        context.close()


@pytest.mark.parametrize("with_source", [True, False], ids=["with-source", "article-only"])
def test_the_worksheet_has_no_serious_accessibility_violation(browser, tmp_path, with_source):
    output = tmp_path / "worksheet.html"
    argv = ["worksheet", str(seed_path()), "-o", str(output)]
    if with_source:
        argv += ["--source", str(source_path())]
    assert main(argv) == 0
    assert _check(browser, output) == []


def test_the_check_finds_what_it_looks_for(browser, tmp_path):
    # Grey text on white (1.6:1) and an image without a text alternative: both serious.
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>bad</title></head><body><main>'
        '<p style="color:#ccc">faint</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        "</main></body></html>",
        encoding="utf-8",
    )
    assert {found["id"] for found in _check(browser, page)} >= {"color-contrast", "image-alt"}


def test_the_lesson_sheet_has_no_serious_accessibility_violation(browser, tmp_path):
    data = need_data("allsides-roundups")
    output = tmp_path / "lesson.html"
    assert main(["lesson", "--story", "6074", "--data-dir", str(data), "-o", str(output)]) == 0
    assert _check(browser, output) == []
