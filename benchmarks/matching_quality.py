"""How often match_sources finds the report an article draws on: the AllSides roundups.

Each AllSides story has a left, a center and a right article. For every left and right article
whose story has a center article, the task is to find that center article among all center
articles: recall@1 (it ranks first) and recall@5 (among the first five). Each text is the
article's title and its paragraphs. Printed in one run:

- the baseline: TF-IDF cosine (scikit-learn's defaults, fitted on all the texts), the figure
  the issue starts from;
- ``framing.comparisons.matching.match_sources`` without dates;
- ``match_sources`` with the packaged sentence encoder (``encoder="all-MiniLM-L6-v2"``), when
  the ``semantic`` extra is installed (else a line says how to install it);
- all of them with the story's date on each article (AllSides gives one date per story),
  candidates only within one day (``date_col="date", window="1D"``).

    python benchmarks/matching_quality.py [--data-dir ../shared/data]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from framing.comparisons.matching import match_sources
from framing.comparisons.semantic import PACKAGED_MODEL, load_encoder
from framing.datasets import load_allsides

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))
RANKS = (1, 5)
WINDOW = "1D"


def tables(data_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the left and right articles and the center articles, each with id, text, date."""
    sides = load_allsides(data_dir=data_dir)
    sides = sides.assign(
        id=sides["side"] + "-" + sides["story_id"].astype(str),
        text=sides["title"] + "\n\n" + sides["text"],
    )
    centers = sides[sides["side"] == "center"].reset_index(drop=True)
    articles = sides[(sides["side"] != "center") & sides["story_id"].isin(centers["story_id"])]
    columns = ["id", "story_id", "side", "source", "date", "text"]
    return articles[columns].reset_index(drop=True), centers[columns]


def truth(articles: pd.DataFrame) -> pd.Series:
    """Return the id of each article's own center article, indexed by the article's id."""
    return pd.Series(
        ("center-" + articles["story_id"].astype(str)).to_numpy(), index=articles["id"]
    )


def recall_from_ranking(ranking: pd.DataFrame, expected: pd.Series) -> dict[int, float]:
    """Return recall@k for each k of RANKS, from a (doc_id, source_id, rank) table."""
    hits = ranking[ranking["source_id"].to_numpy() == expected.loc[ranking["doc_id"]].to_numpy()]
    best = hits.groupby("doc_id")["rank"].min().astype("float64").reindex(expected.index)
    # An article whose report is not among its ranked candidates counts as a miss.
    return {k: float((best.fillna(np.inf) <= k).mean()) for k in RANKS}


def tfidf_baseline(
    articles: pd.DataFrame, centers: pd.DataFrame, *, window: str | None
) -> pd.DataFrame:
    """Return the top-5 centers of each article by plain TF-IDF cosine (the issue's baseline)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer().fit(pd.concat([articles["text"], centers["text"]]))
    scores = vectorizer.transform(articles["text"]) @ vectorizer.transform(centers["text"]).T
    scores = scores.toarray()
    if window is not None:
        gap = np.abs(articles["date"].to_numpy()[:, None] - centers["date"].to_numpy()[None, :])
        scores[gap > pd.Timedelta(window).to_timedelta64()] = -np.inf
    order = np.argsort(-scores, axis=1, kind="stable")[:, : max(RANKS)]
    return pd.DataFrame(
        {
            "doc_id": np.repeat(articles["id"].to_numpy(), order.shape[1]),
            "source_id": centers["id"].to_numpy()[order.ravel()],
            "rank": np.tile(np.arange(1, order.shape[1] + 1), len(articles)),
        }
    )


def run(data_dir: Path, *, semantic: bool = False) -> list[tuple[str, dict[int, float]]]:
    """Return (method, {k: recall@k}) for every method, in the order printed; with
    ``semantic``, ``match_sources`` with the packaged encoder too."""
    articles, centers = tables(data_dir)
    expected = truth(articles)
    encoder = load_encoder() if semantic else None
    results = []
    for dated, window in ((False, None), (True, WINDOW)):
        label = f"with the story date (+-{WINDOW})" if dated else "without dates"
        baseline = tfidf_baseline(articles, centers, window=window)
        results.append(
            (f"TF-IDF cosine baseline, {label}", recall_from_ranking(baseline, expected))
        )
        options = {"date_col": "date", "window": window} if dated else {}
        pairs = match_sources(articles, centers, id_col="id", top_k=max(RANKS), **options)
        results.append((f"match_sources, {label}", recall_from_ranking(pairs, expected)))
        if encoder is not None:
            pairs = match_sources(
                articles, centers, id_col="id", top_k=max(RANKS), encoder=encoder, **options
            )
            results.append(
                (f"match_sources, {PACKAGED_MODEL}, {label}", recall_from_ranking(pairs, expected))
            )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA, metavar="DIR")
    args = parser.parse_args(argv)
    articles, centers = tables(args.data_dir)
    print(
        f"{len(articles)} left and right articles, {len(centers)} center articles "
        "(AllSides roundups; title and text)"
    )
    semantic = importlib.util.find_spec("sentence_transformers") is not None
    print(f"{'method':60s} {'recall@1':>9s} {'recall@5':>9s}")
    for method, recall in run(args.data_dir, semantic=semantic):
        print(f"{method:60s} {recall[1]:9.3f} {recall[5]:9.3f}")
    if not semantic:
        print(f"({PACKAGED_MODEL} left out: pip install 'framing-wire[semantic]')")
    return 0


if __name__ == "__main__":
    sys.exit(main())
