"""Agreement with BABE's experts: word-level precision and recall, scores for a ROC curve."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.comparisons.validation import (
    errors_worth_reading,
    precision_recall,
    sentence_scores,
    word_agreement,
)
from framing.errors import FramingError
from framing.measures.lexicon import Entry, Lexicon
from tests.conftest import need_data

LEXICON = Lexicon([Entry("massive", "hyperbole"), Entry("root out", "eradication-violence")])


@pytest.mark.parametrize(
    ("text", "gold", "counts"),
    [
        ("A massive win.", ["massive"], (1, 0, 0)),
        ("A massive win.", [], (0, 1, 0)),
        ("A win.", ["win"], (0, 0, 1)),
        ("They root out ISIS.", ["root", "out"], (2, 0, 0)),  # a phrase counts its words
        ("A Massive, MASSIVE win.", ["massive"], (1, 0, 0)),  # word types, once per sentence
        ("Who\u2019s massive?", ["who's", "massive"], (1, 0, 1)),  # curly apostrophe
    ],
)
def test_word_agreement_counts_word_types(text, gold, counts):
    row = word_agreement(pd.DataFrame({"text": [text], "biased_words": [gold]}), lexicon=LEXICON)
    assert tuple(row[["true_positives", "false_positives", "false_negatives"]].iloc[0]) == counts


def test_precision_and_recall_are_pooled_over_sentences():
    table = pd.DataFrame(
        {
            "text": ["A massive win.", "A massive loss.", "A win."],
            "biased_words": [["massive"], [], ["win"]],
        }
    )
    summary = precision_recall(word_agreement(table, lexicon=LEXICON)).iloc[0]
    assert (summary["precision"], summary["recall"]) == (0.5, 0.5)
    assert summary["f1"] == pytest.approx(0.5)


def test_on_babe_the_scores_cover_every_labelled_sentence():
    shared_data = need_data("babe")
    from framing.datasets.loaders import load_babe

    babe = load_babe(shared_data).head(400)
    scores = sentence_scores(babe)
    labelled = babe["label_bias"].isin(["Biased", "Non-biased"])
    assert len(scores) == int(labelled.sum())
    assert set(scores["label"]) == {0, 1}
    assert scores["loaded_per_100_words"].between(0, 100).all()
    agreement = word_agreement(babe)
    assert int(agreement["false_negatives"].sum()) > 0  # the experts mark words we miss
    missed = errors_worth_reading(agreement, kind="missed", n=5)
    assert len(missed) == 5 and missed["false_negatives"].is_monotonic_decreasing


def test_errors_worth_reading_names_the_valid_kinds():
    with pytest.raises(FramingError, match="missed, false alarm"):
        errors_worth_reading(pd.DataFrame(), kind="wrong")


def test_sentence_scores_need_labelled_sentences():
    with pytest.raises(FramingError, match="Biased"):
        sentence_scores(pd.DataFrame({"text": ["x"], "label_bias": ["No agreement"]}))
