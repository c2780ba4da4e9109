"""The classroom lesson: the seed goes with its release, a pasted article with its own source."""

from __future__ import annotations

import pytest

from framing import FramingError
from framing.datasets.examples import DOD_NAME
from framing.datasets.loaders import load_seed_text, source_path
from framing.report.classroom import DEFAULT_SOURCE_NAME, Lesson, lesson_from_boxes

PASTED = (
    "Evictions Halted\n\n"
    "The CDC halted evictions in counties covering 80% of the nation's people, officials said."
)
PASTED_SOURCE = (
    "CDC issues new eviction moratorium\n\n"
    "The order halts evictions in areas where 80 percent of the U.S. population lives.\n\n"
    "Landlords said they would challenge the order in court."
)


def test_the_seed_goes_with_the_dod_release():
    lesson = Lesson.create()
    assert [source.name for source in lesson.sources] == [DOD_NAME]
    assert lesson.comparison is not None


def test_a_pasted_article_is_not_compared_with_the_dod_release():
    lesson = Lesson.create(PASTED)
    assert lesson.sources == [] and lesson.comparison is None
    page = str(lesson.html(questions=True))
    assert "ISIS" not in page and "does not use" not in page and "Yemen" not in page


def test_a_pasted_article_is_compared_with_the_source_pasted_beside_it():
    lesson = Lesson.create(PASTED, source=PASTED_SOURCE, source_name="AP, 3 Aug 2021")
    assert [source.title for source in lesson.sources] == ["AP, 3 Aug 2021"]
    row = lesson.comparison.iloc[1]
    # "counties covering 80% of the nation's people" restates "80 percent of the population".
    assert (row["status"], row["source_paragraph"], row["match"]) == (
        "aligned",
        1,
        "said differently",
    )
    page = str(lesson.html(questions=True))
    assert "compared with: AP, 3 Aug 2021" in page
    # Without a name, the page calls the source by its headline.
    unnamed = Lesson.create(PASTED, source=PASTED_SOURCE)
    assert unnamed.sources[0].name == DEFAULT_SOURCE_NAME
    assert "compared with: CDC issues new eviction moratorium" in str(unnamed.html())


def test_the_boxes_pair_the_release_with_the_seed_only():
    release = source_path().read_text(encoding="utf-8")
    assert lesson_from_boxes(load_seed_text(), "", "").sources[0].name == DOD_NAME
    assert lesson_from_boxes(PASTED, release, "DoD").sources == []
    assert lesson_from_boxes(PASTED, PASTED_SOURCE, "AP").sources[0].title == "AP"


@pytest.mark.parametrize(
    ("text", "options", "message"),
    [
        ("   ", {}, "paste an article"),
        (PASTED, {"source": "  "}, "the source is empty"),
        (None, {"source": PASTED_SOURCE}, "without an article"),
    ],
)
def test_bad_input_says_what_to_do(text, options, message):
    with pytest.raises(FramingError, match=message):
        Lesson.create(text, **options)
