"""Which evidence re-ranks match_sources' candidates better: cross-validated on AllSides.

For every left and right AllSides article, ``match_sources`` (without dates) keeps its
``CANDIDATES`` most similar center articles; the right one is among them for 0.965 of the
articles. Each candidate gets pairwise features, and a logistic regression combines them; it is
fitted on four fifths of the stories and ranks the candidates of the fifth (5-fold
cross-validation grouped by story, so that a story's left and right articles are never on both
sides). A candidate that reuses text stays above those that do not, as in ``match_sources``.
Printed: recall@1 and @5 over all left and right articles (an article whose center article is
not among its candidates is a miss), and the weights fitted on all stories, relative to the
hubness-corrected similarity.

Features:

- ``hub score``: the hubness-corrected similarity (``match_sources``' score without the event
  evidence);
- ``lead``: cosine of the first paragraphs (``lead_similarity``, shipped);
- ``numbers``: rarity of the numbers shared (``shared_numbers``, shipped);
- ``LSA``: cosine in a 100-dimension latent semantic space (TruncatedSVD of the center
  articles' TF-IDF words), tried and not shipped: its components take 2**20 x 100 floats in the
  hashed space of ``match_sources``, and its gain is small.

    python benchmarks/matching_rerank.py [--data-dir ../shared/data]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import matching_quality
from framing.comparisons import matching

FOLDS = 5
LSA_DIMENSIONS = 100
FEATURE_SETS = {
    "hub score": ["hub_score"],
    "hub score + lead": ["hub_score", "lead_similarity"],
    "hub score + numbers": ["hub_score", "shared_numbers"],
    "hub score + lead + numbers (shipped)": ["hub_score", "lead_similarity", "shared_numbers"],
    "hub score + LSA": ["hub_score", "lsa"],
    "hub score + lead + numbers + LSA": [
        "hub_score",
        "lead_similarity",
        "shared_numbers",
        "lsa",
    ],
}


def candidates(data_dir: Path) -> pd.DataFrame:
    """Return every article's candidates with their features, ``hit`` (the right one), and
    ``story``."""
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    articles, centers = matching_quality.tables(data_dir)
    expected = matching_quality.truth(articles)
    pairs = matching.match_sources(articles, centers, id_col="id", top_k=matching.CANDIDATES)
    pairs = pairs[pairs["source_id"].notna()].reset_index(drop=True)
    pairs["hub_score"] = (
        pairs["score"]
        - matching.LEAD_WEIGHT * pairs["lead_similarity"]
        - matching.NUMBER_WEIGHT * pairs["shared_numbers"]
    )
    pairs["hit"] = (
        pairs["source_id"].to_numpy() == expected.loc[pairs["doc_id"]].to_numpy()
    ).astype(int)
    pairs["story"] = articles.set_index("id").loc[pairs["doc_id"], "story_id"].to_numpy()

    words = TfidfVectorizer(sublinear_tf=True, stop_words="english")
    words.fit(pd.concat([articles["text"], centers["text"]]))
    lsa = TruncatedSVD(LSA_DIMENSIONS, random_state=0).fit(words.transform(centers["text"]))

    def unit(texts: pd.Series) -> np.ndarray:
        vectors = lsa.transform(words.transform(texts))
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    article_text = articles.set_index("id")["text"]
    center_text = centers.set_index("id")["text"]
    pairs["lsa"] = (
        unit(article_text.loc[pairs["doc_id"]]) * unit(center_text.loc[pairs["source_id"]])
    ).sum(axis=1)
    pairs.attrs["articles"] = len(articles)
    return pairs


def recall(pairs: pd.DataFrame, score: np.ndarray) -> dict[int, float]:
    """Return recall@k over all articles when each article's candidates are ranked by
    ``score`` (within the reuse tiers)."""
    ranked = pairs.assign(model=score).sort_values(
        ["doc_id", "reuse", "model"], ascending=[True, False, False], kind="stable"
    )
    ranked["new_rank"] = ranked.groupby("doc_id").cumcount() + 1
    hits = ranked.loc[ranked["hit"] == 1, "new_rank"]
    return {k: float((hits <= k).sum() / pairs.attrs["articles"]) for k in matching_quality.RANKS}


def cross_validated(pairs: pd.DataFrame, columns: list[str]) -> tuple[dict, np.ndarray]:
    """Return the cross-validated recall of a logistic regression on ``columns``, and its
    weights fitted on all stories (relative to the first column's)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    features = pairs[columns].to_numpy(float)
    hit = pairs["hit"].to_numpy()
    score = np.zeros(len(pairs))
    for train, test in GroupKFold(FOLDS).split(features, hit, pairs["story"]):
        model = LogisticRegression(max_iter=3000).fit(features[train], hit[train])
        score[test] = model.decision_function(features[test])
    weights = LogisticRegression(max_iter=3000).fit(features, hit).coef_[0]
    return recall(pairs, score), weights / weights[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=matching_quality.DEFAULT_DATA)
    args = parser.parse_args(argv)
    pairs = candidates(args.data_dir)
    found = pairs.groupby("doc_id")["hit"].max().sum() / pairs.attrs["articles"]
    print(
        f"{pairs.attrs['articles']} articles, {matching.CANDIDATES} candidates each; the right "
        f"one among them for {found:.3f}"
    )
    print(f"{'features (5-fold CV by story)':42s} {'recall@1':>9s} {'recall@5':>9s}  weights")
    for name, columns in FEATURE_SETS.items():
        figures, weights = cross_validated(pairs, columns)
        shown = " ".join(f"{weight:.4g}" for weight in weights)
        print(f"{name:42s} {figures[1]:9.3f} {figures[5]:9.3f}  {shown}")
    shipped = recall(pairs, pairs["score"].to_numpy())
    print(
        f"{'shipped fixed weights (match_sources score)':42s} {shipped[1]:9.3f} {shipped[5]:9.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
