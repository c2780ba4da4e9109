"""The lesson sheet: one AllSides story's left, center and right articles side by side."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from framing import Article
from framing.cli import main
from framing.errors import FramingError
from framing.report.lesson import (
    lesson_answers,
    lesson_html,
    lesson_questions,
    side_measures,
    story_choices,
    story_from_table,
)
from tests.browser import OUT, chromium
from tests.conftest import need_data

#: A story with one side that tries every way to run code from its own text.
HOSTILE = (
    'Officials "slammed" the <script>window.pwned=1</script> plan.\n\n'
    '<img src=x onerror="window.pwned=1"> A <a href="javascript:window.pwned=1">massive</a> '
    "power grab, critics said."
)


def _table(**texts: str) -> pd.DataFrame:
    rows = []
    for side in ("left", "center", "right"):
        if side not in texts:
            continue
        rows.append(
            {
                "story_id": 3,
                "story": "A <b>vote</b>",
                "topic": "Congress",
                "date": pd.Timestamp("2021-10-01", tz="UTC"),
                "story_url": "https://www.allsides.com/story/x",
                "side": side,
                "leaning": f"lean {side}",
                "source": f"{side.title()} Outlet",
                "title": f"{side.title()} headline",
                "url": "",
                "text": texts[side],
            }
        )
    return pd.DataFrame(rows)


SIMPLE = {
    "left": "The senator slammed the radical plan.",
    "center": "The Senate passed the plan on Tuesday, according to Reuters.",
    "right": "A shocking, massive power grab passed. \u201cIt is a disaster,\u201d Smith said.",
}


def test_each_side_is_measured_as_its_own_article_with_its_title_as_headline():
    story = story_from_table(_table(**SIMPLE), 3)
    assert [side.side for side in story.sides] == ["left", "center", "right"]
    right = story.side("right")
    assert right.article.headline.text == "Right headline"
    assert right.article.paragraphs[1].text == SIMPLE["right"]
    assert story.date == "2021-10-01" and story.topic == "Congress"


def test_marks_on_the_sheet_equal_the_lexicon_matches_of_the_three_articles():
    story = story_from_table(_table(**SIMPLE), 3)
    page = lesson_html(story)
    expected = sum(
        Article(f"{s.title}\n\n{SIMPLE[s.side]}").paragraphs[1].loaded_count for s in story.sides
    )
    assert page.count("<mark ") == expected >= 4
    # each side's column holds its own marks
    for side in story.sides:
        column = re.search(rf'<section class="side side-{side.side}".*?</section>', page, re.S)
        assert column.group(0).count("<mark ") == sum(
            p.loaded_count for p in side.article.paragraphs
        )


def test_article_text_and_names_are_escaped():
    table = _table(left=HOSTILE, center="It passed.", right=HOSTILE)
    table.loc[0, "source"] = "<i>Left</i> Outlet"
    page = lesson_html(story_from_table(table, 3))
    for raw in ("<script", "<img", "<a ", "<i>", "<b>vote"):
        assert raw not in page
    # shown as text: the page without its own tags reads the article's characters
    shown = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "<script>window.pwned=1</script>" in shown
    assert '<a href="javascript:window.pwned=1">massive</a>' in shown
    assert "&lt;i&gt;Left&lt;/i&gt; Outlet" in page


def test_questions_are_written_from_the_measures():
    story = story_from_table(_table(**SIMPLE), 3)
    questions = lesson_questions(story)
    assert questions[0].startswith("Which article speaks in its own voice most?")
    right_terms = [m.text for p in story.side("right").article.paragraphs for m in p.loaded_matches]
    assert questions[1].startswith(
        "Which words would you change to make the right-hand article read like the center one?"
    )
    assert f"uses {len(right_terms)} loaded terms" in questions[1]
    assert all(f"\u201c{term}\u201d" in questions[1] for term in right_terms)
    assert any("Reuters" in question and "Smith" in question for question in questions)


def test_a_right_hand_article_without_marks_gets_a_question_that_says_so():
    story = story_from_table(_table(left="It rose.", center="It rose.", right="It rose."), 3)
    assert "marks no term in the right-hand article" in lesson_questions(story)[1]


def test_measures_and_answers_agree():
    story = story_from_table(_table(**SIMPLE), 3)
    measures = side_measures(story).set_index("side")
    shares = measures[["own_share", "quoted_share", "attributed_share"]].sum(axis=1)
    assert shares.round(9).eq(1.0).all()
    assert measures.loc["center", "attributed_share"] > 0  # "according to Reuters"
    assert measures.loc["right", "quoted_share"] > 0
    assert measures.loc["right", "loaded_count"] > measures.loc["center", "loaded_count"]
    own = measures["own_share"]
    answers = lesson_answers(story)
    best = own.idxmax()
    assert answers[0].startswith(f"Own voice: the {best} article says {own[best]:.0%}")


def test_tied_sides_are_all_named_in_the_answer():
    story = story_from_table(_table(left="It rose.", center="It rose.", right="It rose."), 3)
    assert lesson_answers(story)[0].startswith("Own voice: the left and center and right articles")


@pytest.mark.parametrize(
    ("table", "story_id", "message"),
    [
        (_table(**SIMPLE), 99, "story 99 is not among"),
        (_table(left="a", center="b"), 3, "story 3 has no right article"),
        (pd.DataFrame({"text": ["a"]}), 3, "load_allsides"),
    ],
)
def test_a_story_that_cannot_make_a_sheet_says_what_to_do(table, story_id, message):
    with pytest.raises(FramingError, match=message):
        story_from_table(table, story_id)


def test_story_choices_keep_complete_stories_by_topic_and_date():
    table = pd.concat([_table(**SIMPLE), _table(left="a", center="b").assign(story_id=4)])
    choices = story_choices(table)
    assert choices.to_dict("records") == [
        {"story_id": 3, "topic": "Congress", "date": "2021-10-01", "story": "A <b>vote</b>"}
    ]


# -- on the user's copy of the AllSides roundups ---------------------------------------------


def test_lesson_command_lists_the_stories_and_writes_a_sheet(tmp_path, capsys):
    data = need_data("allsides-roundups")
    listing = tmp_path / "stories.csv"
    assert main(["lesson", "--list", "--data-dir", str(data), "-o", str(listing)]) == 0
    stories = pd.read_csv(listing)
    assert list(stories.columns) == ["story_id", "topic", "date", "story"]
    assert len(stories) == 469  # PROVENANCE.md: 469 stories have all three sides
    story_id = int(stories.loc[stories["story"].str.contains("Gates"), "story_id"].iloc[0])
    output = tmp_path / "lesson.html"
    argv = ["lesson", "--story", str(story_id), "--data-dir", str(data), "-o", str(output)]
    assert main(argv) == 0
    assert capsys.readouterr().out.strip() == f"wrote the lesson sheet to {output}"
    page = output.read_text(encoding="utf-8")
    assert page.count('<section class="side ') == 3 and "<mark " in page
    assert "http://" not in page and "<script" not in page and "<link" not in page


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["lesson"], "give --story ID"),
        (["lesson", "--story", "1", "--list"], "give --story ID"),
        (["lesson", "--story", "1"], "story 1 is not among"),
        (["lesson", "--story", "5622"], "no "),  # a story that lacks a side
        (["lesson", "--story", "x"], "invalid int value"),
    ],
)
def test_lesson_command_mistakes_are_one_line(argv, message, capsys):
    data = need_data("allsides-roundups")
    assert main([*argv, "--data-dir", str(data)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("framing: error:") and message in error and error.count("\n") == 1


def test_lesson_command_without_the_data_says_how_to_get_it(tmp_path, capsys):
    assert main(["lesson", "--story", "1", "--data-dir", str(tmp_path)]) == 2
    assert "framing download allsides-roundups" in capsys.readouterr().err


# -- in Debian's chromium: printed, and with hostile text ------------------------------------


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_the_printed_sheet_puts_the_three_sides_side_by_side(browser, tmp_path):
    data = need_data("allsides-roundups")
    output = tmp_path / "lesson.html"
    assert main(["lesson", "--story", "6074", "--data-dir", str(data), "-o", str(output)]) == 0
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(output.as_uri())
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / "lesson.png"), full_page=True)
    page.emulate_media(media="print")
    boxes = [page.locator(f".side-{side}").bounding_box() for side in ("left", "center", "right")]
    assert boxes[0]["y"] == boxes[1]["y"] == boxes[2]["y"]
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper, prefer_css_page_size=False, landscape=True)
        (OUT / f"lesson-{paper}.pdf").write_bytes(pdf)
        # the sides, then the questions, then the teacher's page: three pages at least
        assert 3 <= _pages(pdf) <= 5
    assert requests == [output.as_uri()]
    page.close()


def test_hostile_article_text_runs_nothing_in_the_browser(browser, tmp_path):
    output = tmp_path / "hostile.html"
    table = _table(left=HOSTILE, center="It passed.", right=HOSTILE)
    output.write_text(lesson_html(story_from_table(table, 3)), encoding="utf-8")
    page = browser.new_page()
    page.goto(output.as_uri())
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('script, img, a').length") == 0
    assert '<img src=x onerror="window.pwned=1">' in page.locator(".side-left").inner_text()
    assert page.locator("mark.loaded").count() == page.content().count("<mark ")
    page.close()
