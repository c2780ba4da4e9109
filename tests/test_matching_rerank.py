"""benchmarks/matching_rerank.py: its evidence and its fit, on tables built by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd

from benchmarks import matching_rerank


def test_names_are_capitalised_runs_that_open_no_sentence_or_quotation():
    text = (
        "Former President Donald Trump spoke in Phoenix. The Senate met.\n"
        'Trump said "We are" in New York.'
    )
    assert matching_rerank.names(text) == "President_Donald_Trump Phoenix Senate New_York"


def test_conditional_logit_weighs_the_evidence_that_picks_the_right_candidate():
    rng = np.random.default_rng(0)
    articles, per_article = 300, 5
    article = np.repeat(np.arange(articles), per_article)
    informative = rng.normal(size=articles * per_article)
    noise = rng.normal(size=articles * per_article)
    hit = np.zeros(articles * per_article, dtype=int)
    # The right candidate of each article is the one with the most informative evidence.
    best = pd.Series(informative).groupby(article).idxmax().to_numpy()
    hit[best] = 1
    weights = matching_rerank.conditional_logit(np.column_stack([informative, noise]), hit, article)
    assert weights[0] > 1.0
    assert abs(weights[1]) < 0.1 * weights[0]


def test_recall_ranks_reuse_first_then_the_score():
    pairs = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b"],
            "source_id": ["r1", "r2", "r1", "r2"],
            "reuse": [True, False, False, False],
            "hit": [0, 1, 0, 1],
        }
    )
    pairs.attrs["articles"] = 3  # one article has no candidate: a miss at every rank
    figures = matching_rerank.recall(pairs, np.array([0.0, 9.0, 0.2, 0.1]))
    assert figures[1] == 0.0
    assert figures[5] == 2 / 3
