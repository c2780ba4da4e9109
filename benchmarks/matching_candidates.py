"""Candidate generators in front of match_sources' scoring: recall on AllSides, cost at scale.

``match_sources`` finds each article's candidate reports by a hashed sparse product against
every report (in chunks), keeps the :data:`~framing.comparisons.matching.CANDIDATES` most
similar, and ranks those by text reuse and hubness-corrected similarity. This script puts two
other candidate generators in front of the same ranking and measures all three:

- ``sparse product``: match_sources' own pass (cosine of hashed TF-IDF unigrams and bigrams
  against every report);
- ``rare shingles``: an inverted index of the hashed unigrams and bigrams that at most
  ``max(RARE_MIN, n_reports * RARE_SHARE)`` reports contain; an article's candidates are the
  :data:`GENERATED` reports sharing most of its rare shingles;
- ``MinHash LSH``: datasketch's MinHash (:data:`NUM_PERM` permutations) of each text's set of
  hashed unigrams and bigrams, in a ``MinHashLSHForest``; an article's candidates are the
  forest's :data:`GENERATED` nearest reports.

The generated candidates are then scored by the same cosine, the best CANDIDATES of each article
kept, and ranked by match_sources' own ranking (text reuse first, hubness-corrected score
second). "in candidates" is the share of articles whose right report is among the CANDIDATES
handed to the ranking: what no ranking can make up for.

Two tasks, as in the other matching benchmarks:

- ``--quality``: AllSides without dates (matching_quality.py's task): each left or right article
  against all center articles; recall@1 and @5 of its own story's center article.
- ``--scale``: matching_scale.py's synthetic corpus without dates: each method in a process of its
  own, CPU seconds, peak resident memory and recall@1 of the report each article was built from.

    python benchmarks/matching_candidates.py --quality
    python benchmarks/matching_candidates.py --scale --articles 10000 --reports 100000
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import matching_quality, matching_scale
from benchmarks.corpus import run_alone
from framing.comparisons import matching

METHODS = ("sparse product", "rare shingles", "MinHash LSH")

#: Candidates a generator hands to the cosine, of which the best CANDIDATES are ranked.
GENERATED = 100

#: A shingle is rare when at most max(RARE_MIN, n_reports * RARE_SHARE) reports contain it: on
#: the synthetic corpus a paragraph is reused by about n_reports * 4 / 24,000 reports, so its
#: own words stay rare; on AllSides (475 reports) a shingle of at most 5 of them.
RARE_MIN = 5
RARE_SHARE = 0.001

#: MinHash permutations (datasketch's default) and LSH forest trees (its default).
NUM_PERM = 128
TREES = 8
SEED = 1

_ARTICLE_BLOCK = 500


def _report_counts(report_texts: list[str]) -> sp.csr_matrix:
    """Return every report's hashed unigram and bigram counts (hashed in chunks)."""
    hasher = matching._hasher()
    return sp.vstack(
        [
            matching._counts(hasher, report_texts[start:stop])
            for start, stop in matching._chunks(len(report_texts), matching.REPORT_CHUNK)
        ],
        format="csr",
    )


def _scored(
    queries: sp.csr_matrix, reports: sp.csr_matrix, generated: list[np.ndarray]
) -> matching._Best:
    """Return each article's CANDIDATES best reports among ``generated``, by cosine."""
    best = matching._Best.empty(queries.shape[0], matching.CANDIDATES)
    for first, last in matching._chunks(len(generated), _ARTICLE_BLOCK):
        lengths = np.array([len(g) for g in generated[first:last]])
        if not lengths.sum():
            continue
        rows = np.repeat(np.arange(first, last), lengths)
        columns = np.concatenate(generated[first:last]).astype(np.int64)
        similarity = np.asarray(queries[rows].multiply(reports[columns]).sum(axis=1)).ravel()
        keep = similarity > 0
        best.add(rows[keep], columns[keep], similarity[keep].astype(np.float32))
    return best


def _rare_shingles(article_counts: sp.csr_matrix, report_counts: sp.csr_matrix) -> list:
    """Return each article's GENERATED reports sharing most of its rare shingles."""
    frequency = np.bincount(report_counts.indices, minlength=report_counts.shape[1])
    limit = max(RARE_MIN, report_counts.shape[0] * RARE_SHARE)
    rare = sp.diags(((frequency > 0) & (frequency <= limit)).astype(np.float32))
    index = (report_counts @ rare).tocsr()
    index.data[:] = 1
    index.eliminate_zeros()
    index = index.T.tocsr()  # shingle -> reports: the inverted index
    generated = []
    for first, last in matching._chunks(article_counts.shape[0], _ARTICLE_BLOCK):
        block = article_counts[first:last].copy()
        block.data[:] = 1
        shared = (block @ index).tocsr()
        for row in range(shared.shape[0]):
            start, stop = shared.indptr[row], shared.indptr[row + 1]
            columns, counts = shared.indices[start:stop], shared.data[start:stop]
            if len(columns) > GENERATED:
                order = np.lexsort((columns, -counts))[:GENERATED]
                columns = columns[order]
            generated.append(np.sort(columns))
    return generated


def _minhash_lsh(article_counts: sp.csr_matrix, report_counts: sp.csr_matrix) -> list:
    """Return each article's GENERATED nearest reports in a MinHash LSH forest (datasketch)."""
    from datasketch import MinHash, MinHashLSHForest

    def signatures(counts: sp.csr_matrix):
        indptr = counts.indptr
        rows = (counts.indices[indptr[i] : indptr[i + 1]] for i in range(counts.shape[0]))
        return MinHash.generator(rows, num_perm=NUM_PERM, seed=SEED, hashfunc=int)

    forest = MinHashLSHForest(num_perm=NUM_PERM, l=TREES)
    for position, signature in enumerate(signatures(report_counts)):
        if report_counts.indptr[position + 1] > report_counts.indptr[position]:  # has words
            forest.add(position, signature)
    forest.index()
    generated = []
    for row, signature in enumerate(signatures(article_counts)):
        if article_counts.indptr[row + 1] == article_counts.indptr[row]:
            generated.append(np.zeros(0, np.int64))
            continue
        generated.append(np.sort(np.array(forest.query(signature, GENERATED), dtype=np.int64)))
    return generated


def match(method: str, articles: pd.DataFrame, reports: pd.DataFrame, *, top_k: int):
    """Return match_sources' table for ``method``'s candidates, and the candidates (_Best)."""
    article_texts = articles["text"].tolist()
    report_texts = reports["text"].tolist()
    idf = matching._idf(
        [report_texts[i] for i in matching._idf_sample(len(report_texts))], article_texts
    )
    scorer = matching._scorer(article_texts, idf, top_k=top_k, article_dates=None, window=0)
    order = np.arange(len(reports))
    if method == "sparse product":
        best = matching._candidates(
            scorer,
            report_texts,
            order,
            None,
            chunk=matching.REPORT_CHUNK,
            jobs=1,
            progress=None,
        )
    else:
        counts = _report_counts(report_texts)
        article_counts = matching._counts(matching._hasher(), article_texts)
        generate = _rare_shingles if method == "rare shingles" else _minhash_lsh
        generated = generate(article_counts, counts)
        best = _scored(scorer.queries, matching._weighted(counts, idf), generated)
    table = matching._ranked(
        best,
        order,
        article_ids=articles["id"].to_numpy(),
        report_ids=reports["id"].to_numpy(),
        article_texts=article_texts,
        report_texts=report_texts,
        idf=idf,
        top_k=top_k,
        windowed=False,
    )
    return table, best


def in_candidates(best: matching._Best, reports: pd.DataFrame, expected: np.ndarray) -> float:
    """Return the share of articles whose expected report is among their candidates."""
    position = pd.Series(np.arange(len(reports)), index=reports["id"].to_numpy())
    wanted = position.loc[expected].to_numpy()
    return float((best.positions == wanted[:, None]).any(axis=1).mean())


def quality(data_dir: Path) -> int:
    articles, centers = matching_quality.tables(data_dir)
    expected = matching_quality.truth(articles)
    print(
        f"{len(articles)} left and right articles, {len(centers)} center articles "
        "(AllSides roundups; title and text; without dates)"
    )
    print(f"{'candidates':16s} {'in candidates':>14s} {'recall@1':>9s} {'recall@5':>9s}")
    for method in METHODS:
        table, best = match(method, articles, centers, top_k=max(matching_quality.RANKS))
        recall = matching_quality.recall_from_ranking(table, expected)
        found = in_candidates(best, centers, expected.loc[articles["id"]].to_numpy())
        print(f"{method:16s} {found:14.3f} {recall[1]:9.3f} {recall[5]:9.3f}", flush=True)
    return 0


def one_run(method: str, n_articles: int, n_reports: int, data_dir: Path) -> dict:
    articles, reports = matching_scale.corpus(n_articles, n_reports, data_dir)
    corpus_mb = matching_scale.peak_mb()
    began, cpu_began = time.perf_counter(), matching_scale.cpu_seconds()
    table, best = match(method, articles, reports, top_k=1)
    seconds = time.perf_counter() - began
    cpu = matching_scale.cpu_seconds() - cpu_began
    first = table.set_index("doc_id")["source_id"]
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_mb": matching_scale.peak_mb(),
        "corpus_mb": corpus_mb,
        "in_candidates": in_candidates(best, reports, articles["truth"].to_numpy()),
        "recall_at_1": float(
            (first.reindex(articles["id"]).to_numpy() == articles["truth"]).mean()
        ),
    }


def scale(n_articles: int, sizes: list[int], data_dir: Path, methods: list[str]) -> int:
    print(f"{n_articles:,} articles; matching_scale.py's corpus without dates; one process per run")
    print(
        f"{'reports':>10s} {'candidates':16s} {'seconds':>8s} {'CPU s':>8s} {'peak MB':>8s} "
        f"{'corpus MB':>10s} {'in candidates':>14s} {'recall@1':>9s}"
    )
    for n_reports in sizes:
        for method in methods:
            run = run_alone(
                __file__,
                "--articles",
                str(n_articles),
                "--data-dir",
                str(data_dir),
                "--one",
                f"{n_reports},{method}",
            )
            print(
                f"{n_reports:>10,} {method:16s} {run['seconds']:8.1f} {run['cpu_seconds']:8.1f} "
                f"{run['peak_mb']:8.0f} {run['corpus_mb']:10.0f} {run['in_candidates']:14.3f} "
                f"{run['recall_at_1']:9.3f}",
                flush=True,
            )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quality", action="store_true", help="AllSides, without dates")
    parser.add_argument("--scale", action="store_true", help="the synthetic corpus")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--reports", type=int, nargs="+", default=[100_000])
    parser.add_argument("--methods", nargs="+", default=list(METHODS), choices=METHODS)
    parser.add_argument("--data-dir", type=Path, default=matching_scale.SHARED_DATA)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a single run, as JSON (internal)
    args = parser.parse_args(argv)
    if args.one:
        reports, method = args.one.split(",", 1)
        print(json.dumps(one_run(method, args.articles, int(reports), args.data_dir)))
        return 0
    if not (args.quality or args.scale):
        parser.error("give --quality, --scale or both")
    if args.quality:
        quality(args.data_dir)
    if args.scale:
        scale(args.articles, args.reports, args.data_dir, args.methods)
    return 0


if __name__ == "__main__":
    sys.exit(main())
