"""benchmarks/tie_breakers.py: the secondary measure of the BABE ranking, checked on
development sentences that are not BABE's (partisan against wire own words)."""

from __future__ import annotations

import pytest

from benchmarks import tie_breakers
from framing.text.words import count_words
from tests.conftest import need_data


@pytest.fixture(scope="module")
def sentences():
    return tie_breakers.sentence_table(need_data("allsides-roundups", "polnear"))


def test_sentences_are_own_words_of_partisan_and_wire_articles(sentences):
    sizes = sentences.groupby(["corpus", "label"]).size().to_dict()
    assert sizes == {
        ("AllSides", 0): 164,
        ("AllSides", 1): 1612,
        ("PolNeAR", 0): 1203,
        ("PolNeAR", 1): 1619,
    }
    assert (sentences["text"].map(count_words) >= tie_breakers.MIN_WORDS).all()
    assert not sentences["text"].str.contains(tie_breakers.EMBEDDED_TWEET).any()


def test_subjectivity_orders_ties_better_than_the_score_alone_and_ranks_first(sentences):
    aucs = tie_breakers.tie_breaker_aucs(sentences)
    by_subjectivity = aucs.loc["ties by subjectivity"]
    assert (
        by_subjectivity[["AllSides", "PolNeAR"]] > aucs.loc["score alone"][["AllSides", "PolNeAR"]]
    ).all()
    assert aucs["mean"].idxmax() == "ties by subjectivity"
    assert aucs.loc["ties by subjectivity", "mean"] == pytest.approx(0.559, abs=5e-4)


def test_own_sentences_skip_quoted_and_attributed_paragraphs():
    text = (
        "Headline of the piece\n\n"
        "The bill passed the Senate on a narrow vote today.\n\n"
        '"It is a disgrace," said Senator Smith.\n\n'
        "The agency said the plan would cost billions of dollars. Ok."
    )
    assert list(tie_breakers.own_sentences(text)) == [
        "The bill passed the Senate on a narrow vote today."
    ]
