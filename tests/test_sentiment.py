"""Sentiment scorers give TextBlob's and VADER's values exactly, on real text."""

from __future__ import annotations

import pytest
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.corpus import score_sentiment
from framing.datasets import load_allsides, load_babe
from framing.sentiment import TextBlobSentiment, VaderSentiment

EDGE_CASES = [
    "I love it \U0001f600!!",
    "not so good :) at all",
    "Never so happy, without doubt",
    "It is NOT bad. Kind of great!!!",
    "no good or bad",
    "",
]


@pytest.fixture(scope="module")
def real_texts(shared_data) -> list[str]:
    babe = load_babe(data_dir=shared_data, subgroup=["SG1", "SG2"])["text"].tolist()
    sides = load_allsides(data_dir=shared_data, include_roundup=True)
    paragraphs = [part for parts in sides["paragraphs"] for part in parts]
    return babe + paragraphs + EDGE_CASES


def test_textblob_values_are_textblobs_exactly(real_texts):
    scorer = TextBlobSentiment()
    for text in real_texts:
        expected = TextBlob(text).sentiment
        assert tuple(scorer.score(text)) == (expected.polarity, expected.subjectivity), text


def test_vader_values_are_vaders_exactly(real_texts):
    ours, theirs = VaderSentiment(), SentimentIntensityAnalyzer()
    for text in real_texts:
        assert ours.compound(text) == theirs.polarity_scores(text)["compound"], text


def test_parallel_sentiment_equals_textblob(real_texts):
    texts = real_texts[:1200]
    table = score_sentiment(texts, n_jobs=2)
    expected = [tuple(TextBlob(text).sentiment) for text in texts]
    assert list(zip(table["polarity"], table["subjectivity"], strict=True)) == expected
