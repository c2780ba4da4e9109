"""Which evidence re-ranks match_sources' candidates better: cross-validated on AllSides.

For every left and right AllSides article, ``match_sources`` (without dates) keeps its
``CANDIDATES`` most similar center articles; the right one is among them for 0.965 of the
articles. Each candidate gets pairwise features, and a conditional logit combines them: the
probability of a candidate is the softmax of its weighted features over the article's
candidates, and the weights maximise the probability of the right one (McFadden 1974; a ranking
objective, where a logistic regression of each candidate on its own would fit the weights to
tell right from wrong candidates of different articles). It is fitted on four fifths of the
stories and ranks the candidates of the fifth (5-fold cross-validation grouped by story, so that
a story's left and right articles are never on both sides). A candidate that reuses text stays
above those that do not, as in ``match_sources``. Printed: recall@1 and @5 over all left and
right articles (an article whose center article is not among its candidates is a miss), and the
weights fitted on all stories, relative to the hubness-corrected similarity's.

Features:

- ``hub score``: the hubness-corrected similarity (``match_sources``' score without the event
  evidence);
- ``lead``: cosine of the first paragraphs (``lead_similarity``, shipped);
- ``numbers``: rarity of the numbers shared (``shared_numbers``, shipped);
- ``weekday``: whether the two name the same day of the week (``weekday_agreement``, shipped);
- ``LSA``: cosine in a 100-dimension latent semantic space (TruncatedSVD of the center
  articles' TF-IDF words), tried and not shipped: its components take 2**20 x 100 floats in the
  hashed space of ``match_sources``, and its gain is small;
- ``characters``: cosine of character 3- to 5-gram TF-IDF vectors (within word boundaries),
  tried and not shipped;
- ``names``: cosine of TF-IDF vectors of capitalised word sequences that open no sentence or
  quotation (names of people, places, bodies), tried and not shipped;
- ``semantic``: the cosine of all-MiniLM-L6-v2 sentence embeddings, corrected for hubness among
  the candidates (``match_sources(encoder="all-MiniLM-L6-v2")``; needs the ``semantic`` extra,
  left out with a note when it is not installed). Its shipped weight is fitted with the other
  weights fixed: the row ``shipped score + semantic``.

    python benchmarks/matching_rerank.py [--data-dir ../shared/data]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import matching_quality
from framing._optional import MissingExtraError
from framing.comparisons import matching
from framing.comparisons.semantic import load_encoder

FOLDS = 5
#: Ridge penalty of the conditional logit, on standardised features.
RIDGE = 1e-3
LSA_DIMENSIONS = 100
#: A capitalised word, or a run of them, that does not open a sentence or a quotation.
NAME = re.compile(r"(?<![.!?\"“]\s)(?<![\"“])(?<!^)\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*", re.MULTILINE)
SHIPPED = ["hub_score", "lead_similarity", "shared_numbers", "weekday_agreement"]
FEATURE_SETS = {
    "hub score": ["hub_score"],
    "hub score + lead": ["hub_score", "lead_similarity"],
    "hub score + numbers": ["hub_score", "shared_numbers"],
    "hub score + weekday": ["hub_score", "weekday_agreement"],
    "hub score + lead + numbers": ["hub_score", "lead_similarity", "shared_numbers"],
    "hub score + lead + numbers + weekday (shipped)": SHIPPED,
    "shipped + LSA": [*SHIPPED, "lsa"],
    "shipped + characters": [*SHIPPED, "characters"],
    "shipped + names": [*SHIPPED, "names"],
    "shipped + semantic": [*SHIPPED, "semantic"],
    "shipped + semantic + LSA": [*SHIPPED, "semantic", "lsa"],
    "shipped score + semantic": ["shipped_score", "semantic"],
    "shipped score + semantic + characters + names": [
        "shipped_score",
        "semantic",
        "characters",
        "names",
    ],
}


def semantic_scores(articles: pd.DataFrame, centers: pd.DataFrame, pairs: pd.DataFrame):
    """Return each candidate's hubness-corrected embedding cosine (what ``encoder=`` adds to its
    score, over ``SEMANTIC_WEIGHT``), or NaN when the ``semantic`` extra is not installed."""
    try:
        encoder = load_encoder()
    except MissingExtraError:
        return np.nan
    encoded = matching.match_sources(
        articles, centers, id_col="id", top_k=matching.CANDIDATES, encoder=encoder
    ).set_index(["doc_id", "source_id"])["score"]
    added = encoded.loc[list(zip(pairs["doc_id"], pairs["source_id"], strict=True))].to_numpy()
    return (added - pairs["score"].to_numpy()) / matching.SEMANTIC_WEIGHT


def names(text: str) -> str:
    """Return the names in ``text`` (:data:`NAME`), each joined by underscores into one token."""
    return " ".join(name.replace(" ", "_") for name in NAME.findall(text))


def pair_cosines(vectorizer, pairs: pd.DataFrame, article_text, center_text) -> np.ndarray:
    """Return the cosine of each pair's article and center texts in a fitted TF-IDF space."""
    articles = vectorizer.transform(article_text.loc[pairs["doc_id"]])
    centers = vectorizer.transform(center_text.loc[pairs["source_id"]])
    return np.asarray(articles.multiply(centers).sum(axis=1)).ravel()


def candidates(data_dir: Path) -> pd.DataFrame:
    """Return every article's candidates with their features, ``hit`` (the right one), and
    ``story``."""
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    articles, centers = matching_quality.tables(data_dir)
    expected = matching_quality.truth(articles)
    pairs = matching.match_sources(articles, centers, id_col="id", top_k=matching.CANDIDATES)
    pairs = pairs[pairs["source_id"].notna()].reset_index(drop=True)
    pairs["weekday_agreement"] = pairs["weekday_agreement"].astype(float)
    pairs["hub_score"] = (
        pairs["score"]
        - matching.LEAD_WEIGHT * pairs["lead_similarity"]
        - matching.NUMBER_WEIGHT * pairs["shared_numbers"]
        - matching.WEEKDAY_WEIGHT * pairs["weekday_agreement"]
    )
    pairs["shipped_score"] = pairs["score"]
    pairs["semantic"] = semantic_scores(articles, centers, pairs)
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
    texts = pd.concat([article_text, center_text])
    characters = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    pairs["characters"] = pair_cosines(characters.fit(texts), pairs, article_text, center_text)
    named = TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True)
    pairs["names"] = pair_cosines(
        named.fit(texts.map(names)), pairs, article_text.map(names), center_text.map(names)
    )
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


def conditional_logit(features: np.ndarray, hit: np.ndarray, article: np.ndarray) -> np.ndarray:
    """Return the weights that maximise the summed log-probability of each article's right
    candidate, a candidate's probability being the softmax of ``features @ weights`` over its
    article's candidates (rows of one article share a code in ``article``; articles without
    the right candidate are left out). Features are standardised for the fit and the weights
    given back on their own scale; a small ridge penalty keeps them finite."""
    from scipy.optimize import minimize

    keep = pd.Series(hit).groupby(article).transform("max").to_numpy() == 1
    features, hit, article = features[keep], hit[keep], pd.factorize(article[keep])[0]
    spread = features.std(axis=0)
    spread[spread == 0] = 1.0
    scaled = features / spread

    def loss(weights: np.ndarray) -> tuple[float, np.ndarray]:
        utility = scaled @ weights
        utility -= pd.Series(utility).groupby(article).transform("max").to_numpy()
        exp = np.exp(utility)
        probability = exp / pd.Series(exp).groupby(article).transform("sum").to_numpy()
        value = (
            -utility[hit == 1].sum()
            + np.log(pd.Series(exp).groupby(article).sum().to_numpy()).sum()
        )
        gradient = (probability[:, None] * scaled).sum(axis=0) - scaled[hit == 1].sum(axis=0)
        return value + RIDGE * weights @ weights, gradient + 2 * RIDGE * weights

    start = np.zeros(features.shape[1])
    fitted = minimize(loss, start, jac=True, method="L-BFGS-B").x
    return fitted / spread


def cross_validated(pairs: pd.DataFrame, columns: list[str]) -> tuple[dict, np.ndarray]:
    """Return the cross-validated recall of a conditional logit on ``columns``, and its weights
    fitted on all stories (relative to the first column's)."""
    from sklearn.model_selection import GroupKFold

    features = pairs[columns].to_numpy(float)
    hit = pairs["hit"].to_numpy()
    article = pd.factorize(pairs["doc_id"])[0]
    score = np.zeros(len(pairs))
    for train, test in GroupKFold(FOLDS).split(features, hit, pairs["story"]):
        score[test] = features[test] @ conditional_logit(
            features[train], hit[train], article[train]
        )
    weights = conditional_logit(features, hit, article)
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
    print(f"{'features (5-fold CV by story)':46s} {'recall@1':>9s} {'recall@5':>9s}  weights")
    for name, columns in FEATURE_SETS.items():
        if pairs[columns].isna().any(axis=None):
            print(f"{name:46s} (needs the semantic extra: pip install 'framing-wire[semantic]')")
            continue
        figures, weights = cross_validated(pairs, columns)
        shown = " ".join(f"{weight:.4g}" for weight in weights)
        print(f"{name:46s} {figures[1]:9.3f} {figures[5]:9.3f}  {shown}")
    fixed = {"shipped fixed weights (match_sources score)": pairs["score"]}
    if pairs["semantic"].notna().all():
        fixed["shipped fixed weights, encoder="] = (
            pairs["score"] + matching.SEMANTIC_WEIGHT * pairs["semantic"]
        )
    for name, score in fixed.items():
        figures = recall(pairs, score.to_numpy())
        print(f"{name:46s} {figures[1]:9.3f} {figures[5]:9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
