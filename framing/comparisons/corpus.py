"""Compare every article of a corpus with the report it draws on, and sum each pair up.

:func:`compare_corpus` runs the one-article alignment (:func:`framing.comparisons.align.align`)
on each pair of an article and a report and returns two tidy tables:

- ``paragraphs``: the alignment's rows (:data:`~framing.comparisons.align.COLUMNS`) of every
  pair, after ``doc_id``, ``source_id`` and the kept columns of the article;
- ``articles``: one row per pair (:data:`ARTICLE_COLUMNS`): how much of the article is
  unsourced, how much of the report it omits, the mean framing deltas of its aligned paragraphs,
  its quotes by fidelity, and, for the paired statistics of
  :func:`framing.comparisons.paired.paired_differences`, the same measures of the article and of
  its report side by side (loaded language and subjectivity of the outlet's own words, share of
  words quoted).

A pair that cannot be compared keeps a row in both tables with the reason in ``error``; no pair
is dropped.

>>> import pandas as pd
>>> reports = pd.DataFrame({"id": ["r1"], "story": [7], "text": [
...     "Budget\\n\\nThe Senate passed the budget bill on Tuesday, officials said."]})
>>> articles = pd.DataFrame({"id": ["a1", "a2"], "story": [7, 8], "outlet": ["X", "Y"], "text": [
...     "Budget Disaster\\n\\nRadical senators passed the budget bill on Tuesday.",
...     "Other news\\n\\nNothing to see."]})
>>> result = compare_corpus(articles, reports, pairs="story", id_col="id", keep=["outlet"])
>>> result.articles[["doc_id", "source_id", "outlet", "aligned", "error"]].to_dict("records")
... # doctest: +NORMALIZE_WHITESPACE
[{'doc_id': 'a1', 'source_id': 'r1', 'outlet': 'X', 'aligned': 2, 'error': None},
 {'doc_id': 'a2', 'source_id': None, 'outlet': 'Y', 'aligned': None,
  'error': 'no report has story 8'}]
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from framing.article import Article
from framing.comparisons.align import COLUMNS, align, check_quote, direct_quotes
from framing.comparisons.contrast import voice_contrast
from framing.comparisons.matching import _ids, match_sources
from framing.comparisons.semantic import Encoder
from framing.errors import FramingError, InputError
from framing.measures.hedges import load_hedges
from framing.measures.lexicon import load_lexicon
from framing.table.schema import check_keep

__all__ = [
    "compare_corpus",
    "quotes_in_common",
    "COMMON_QUOTE_COLUMNS",
    "CorpusComparison",
    "ARTICLE_COLUMNS",
    "ARTICLE_COLUMN_DEFINITIONS",
    "PAIRED_MEASURES",
]

#: The measures taken of an article and of its report alike, as ``article_NAME`` and
#: ``source_NAME``: the inputs of paired differences (article minus its report).
PAIRED_MEASURES = {
    "own_loaded_per_100_words": "loaded terms per 100 of the outlet's own words (neither quoted "
    "nor attributed)",
    "own_subjectivity": "TextBlob subjectivity of the outlet's own words",
    "quoted_share": "share of the words inside direct quotes",
}

ARTICLE_COLUMN_DEFINITIONS = {
    "doc_id": "the article's id",
    "source_id": "the id of the report it is compared with",
    "paragraphs": "the article's paragraphs (headline included)",
    "aligned": "its paragraphs aligned with a paragraph of the report",
    "unsourced": "its paragraphs that draw on no paragraph of the report",
    "omitted": "the report's paragraphs that no paragraph of the article draws on",
    "share_unsourced": "unsourced / paragraphs",
    "share_omitted": "omitted / the report's paragraphs",
    "mean_delta_polarity": "mean over aligned paragraphs of polarity, article minus report",
    "mean_delta_subjectivity": "mean over aligned paragraphs of subjectivity, article minus report",
    "mean_delta_loaded_per_100_words": "mean over aligned paragraphs of loaded terms per 100 "
    "words, article minus report",
    "added_loaded_terms": "loaded terms in aligned paragraphs that their report paragraph lacks",
    "dropped_hedges": "hedges in the report's aligned paragraphs that the article's lack",
    "quotes_verbatim": "direct quotes of the article found verbatim in the report",
    "quotes_altered": "direct quotes found altered",
    "quotes_not_found": "direct quotes not found",
    **{f"article_{name}": f"the article's {text}" for name, text in PAIRED_MEASURES.items()},
    **{f"source_{name}": f"the report's {text}" for name, text in PAIRED_MEASURES.items()},
    "error": "why the pair could not be compared (its other columns are then empty)",
}
ARTICLE_COLUMNS = list(ARTICLE_COLUMN_DEFINITIONS)

_COUNT_COLUMNS = (
    "paragraphs",
    "aligned",
    "unsourced",
    "omitted",
    "added_loaded_terms",
    "dropped_hedges",
    "quotes_verbatim",
    "quotes_altered",
    "quotes_not_found",
)


@dataclass(frozen=True)
class CorpusComparison:
    """The result of :func:`compare_corpus`: a paragraph table and an article table."""

    paragraphs: pd.DataFrame
    articles: pd.DataFrame


# --- pairs ---------------------------------------------------------------------------------------


def _by_id(table: pd.DataFrame, id_col: str | None, what: str) -> pd.DataFrame:
    """Return ``table`` indexed by its ids (given and unique, or an error that says how)."""
    return table.set_axis(pd.Index(_ids(table, id_col, what), dtype=object), axis=0)


def _pairs_on_key(articles: pd.DataFrame, reports: pd.DataFrame, key: str) -> pd.DataFrame:
    for table, what in ((articles, "articles"), (reports, "reports")):
        if key not in table.columns:
            raise InputError(
                f"pairs={key!r} names no column of the {what} table; name a column that both "
                "tables have (e.g. a story id)"
            )
    sources: dict = {}
    for source_id, value in zip(reports.index, reports[key], strict=True):
        if not pd.isna(value):
            sources.setdefault(value, []).append(source_id)
    rows = []
    for doc_id, value in zip(articles.index, articles[key], strict=True):
        found = [] if pd.isna(value) else sources.get(value, [])
        if not found:
            rows.append((doc_id, None, f"no report has {key} {value}"))
        rows.extend((doc_id, source_id, None) for source_id in found)
    return pd.DataFrame(rows, columns=["doc_id", "source_id", "error"])


def _given_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    missing = [column for column in ("doc_id", "source_id") if column not in pairs.columns]
    if missing:
        raise InputError(
            f"pairs has no column {missing[0]!r}; give a table with doc_id and source_id "
            "(as framing.comparisons.matching.match_sources returns)"
        )
    if "rank" in pairs.columns:  # a match_sources table: the best report of each article
        pairs = pairs[pairs["rank"].isna() | (pairs["rank"] == 1)]
    error = pairs["error"] if "error" in pairs.columns else pd.Series(None, index=pairs.index)
    return pd.DataFrame(
        {
            "doc_id": pairs["doc_id"].to_numpy(dtype=object),
            "source_id": pairs["source_id"].to_numpy(dtype=object),
            "error": error.to_numpy(dtype=object),
        }
    )


# --- one pair ------------------------------------------------------------------------------------


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _voice_measures(article: Article) -> dict[str, float]:
    contrast = voice_contrast(article).set_index("voice")
    return {
        "own_loaded_per_100_words": float(contrast.loc["own", "loaded_per_100_words"]),
        "own_subjectivity": float(contrast.loc["own", "subjectivity"]),
        "quoted_share": float(contrast.loc["quoted", "share_of_words"]),
    }


def _summary(table: pd.DataFrame, source: Article) -> dict:
    status = table["status"]
    aligned = table[status == "aligned"]
    paragraphs = int((status != "omitted").sum())
    omitted = int((status == "omitted").sum())
    fidelity = [
        label.split(":")[0]
        for labels in table["quote_fidelity"].dropna()
        for label in labels.split(";")
    ]

    def count(column: str) -> int:
        return sum(len(value.split(";")) for value in aligned[column].dropna() if value)

    def mean(column: str) -> float:
        return float(aligned[column].mean()) if len(aligned) else float("nan")

    return {
        "paragraphs": paragraphs,
        "aligned": len(aligned),
        "unsourced": int((status == "unsourced").sum()),
        "omitted": omitted,
        "share_unsourced": (status == "unsourced").sum() / paragraphs,
        "share_omitted": omitted / len(source.paragraphs),
        "mean_delta_polarity": mean("delta_polarity"),
        "mean_delta_subjectivity": mean("delta_subjectivity"),
        "mean_delta_loaded_per_100_words": mean("delta_loaded_per_100_words"),
        "added_loaded_terms": count("added_loaded_terms"),
        "dropped_hedges": count("dropped_hedges"),
        "quotes_verbatim": fidelity.count("verbatim"),
        "quotes_altered": fidelity.count("altered"),
        "quotes_not_found": fidelity.count("not_found"),
    }


# --- the function --------------------------------------------------------------------------------


def compare_corpus(
    articles: pd.DataFrame,
    reports: pd.DataFrame,
    pairs: pd.DataFrame | str | None = None,
    *,
    text_col: str = "text",
    id_col: str | None = None,
    keep: Sequence[str] = (),
    date_col: str | None = None,
    window: str | pd.Timedelta | None = None,
    encoder: Encoder | str | None = None,
    progress: Callable[[int], None] | None = None,
) -> CorpusComparison:
    """Return the alignment of every article with its report: paragraph and article tables.

    ``pairs`` says which report each article is compared with:

    - ``None``: the best report by :func:`~framing.comparisons.matching.match_sources` (with
      ``date_col``, ``window`` and ``encoder`` when given);
    - a column name that both tables have (a story id): every report with the article's value;
    - a DataFrame with ``doc_id`` and ``source_id`` (a ``match_sources`` table: its rank-1 rows).

    Ids are ``id_col`` in both tables (default: the index) and must be unique in each. ``keep``
    names columns of ``articles`` copied after ``doc_id`` and ``source_id`` in both tables.
    ``progress`` is called with 1 after each pair. A pair whose ids are not in the tables, whose
    texts are empty, or that the alignment refuses keeps its rows with the reason in ``error``.
    """
    for table, what in ((articles, "articles"), (reports, "reports")):
        if not isinstance(table, pd.DataFrame):
            raise FramingError(
                f"{what} must be a pandas DataFrame with one text a row, not {type(table).__name__}"
            )
    keep = check_keep(keep)
    for column in keep:
        if column not in articles.columns:
            raise InputError(
                f"cannot keep {column!r}: the articles table has no such column; name one of: "
                + ", ".join(map(str, articles.columns))
            )
        if column in ARTICLE_COLUMN_DEFINITIONS or column in COLUMNS or column == "source_id":
            raise FramingError(
                f"cannot keep the column {column!r}: the comparison tables have a column of "
                f"that name; rename it (e.g. to 'corpus_{column}') and keep that"
            )
    for table, what in ((articles, "articles"), (reports, "reports")):
        if text_col not in table.columns:
            raise InputError(
                f"the {what} table has no column {text_col!r}; name the text column with "
                "text_col= (one of: " + ", ".join(map(str, table.columns)) + ")"
            )
    by_article = _by_id(articles, id_col, "articles")
    by_report = _by_id(reports, id_col, "reports")
    if pairs is None:
        chosen = _given_pairs(
            match_sources(
                articles,
                reports,
                text_col=text_col,
                id_col=id_col,
                date_col=date_col,
                window=window,
                top_k=1,
                encoder=encoder,
            )
        )
    elif isinstance(pairs, str):
        chosen = _pairs_on_key(by_article, by_report, pairs)
    elif isinstance(pairs, pd.DataFrame):
        chosen = _given_pairs(pairs)
    else:
        raise FramingError(
            "pairs must be None (match the reports), a column name both tables have, or a "
            f"DataFrame with doc_id and source_id, not {type(pairs).__name__}"
        )

    lexicon = load_lexicon(None)
    hedges = load_hedges()
    source_cache: dict = {}
    paragraph_tables, article_rows = [], []
    for doc_id, source_id, error in chosen.itertuples(index=False):
        kept = (
            {column: by_article.at[doc_id, column] for column in keep}
            if doc_id in by_article.index
            else dict.fromkeys(keep)
        )
        head = {"doc_id": doc_id, "source_id": source_id, **kept}
        if error is None or pd.isna(error):
            error = _pair_error(doc_id, source_id, by_article, by_report, text_col)
        table = summary = None
        if error is None:
            try:
                if source_id not in source_cache:
                    source = Article(by_report.at[source_id, text_col], lexicon=lexicon)
                    source_cache.clear()  # consecutive pairs often share their report
                    source_cache[source_id] = (source, _voice_measures(source))
                source, source_measures = source_cache[source_id]
                article = Article(by_article.at[doc_id, text_col], lexicon=lexicon)
                table = align(article, {str(source_id): source}, hedges=hedges).table
                summary = _summary(table, source)
                summary |= {f"article_{k}": v for k, v in _voice_measures(article).items()}
                summary |= {f"source_{k}": v for k, v in source_measures.items()}
            except FramingError as refused:
                error = str(refused)
        if error is None:
            paragraph_tables.append(table.assign(error=None).pipe(_with_head, head))
            article_rows.append({**head, **summary, "error": None})
        else:
            empty = pd.DataFrame([dict.fromkeys(COLUMNS)], columns=COLUMNS)
            paragraph_tables.append(empty.assign(error=error).pipe(_with_head, head))
            article_rows.append({**head, "error": error})
        if progress is not None:
            progress(1)
    return CorpusComparison(
        _paragraph_table(paragraph_tables, keep), _article_table(article_rows, keep)
    )


def _pair_error(doc_id, source_id, by_article, by_report, text_col) -> str | None:
    if doc_id not in by_article.index:
        return f"doc_id {doc_id!r} is not in the articles table"
    if source_id is None or (not isinstance(source_id, str) and pd.isna(source_id)):
        return "no report to compare with"
    if source_id not in by_report.index:
        return f"source_id {source_id!r} is not in the reports table"
    if _text(by_article.at[doc_id, text_col]) is None:
        return "the article has no text"
    if _text(by_report.at[source_id, text_col]) is None:
        return f"report {source_id!r} has no text"
    return None


def _with_head(table: pd.DataFrame, head: dict) -> pd.DataFrame:
    for position, (column, value) in enumerate(head.items()):
        table.insert(position, column, [value] * len(table))
    return table


def _paragraph_table(tables: list[pd.DataFrame], keep: tuple[str, ...]) -> pd.DataFrame:
    columns = ["doc_id", "source_id", *keep, *COLUMNS, "error"]
    if not tables:
        return pd.DataFrame(columns=columns)
    table = pd.concat(tables, ignore_index=True)[columns]
    for column in ("doc_id", "source_id", "error"):
        table[column] = table[column].astype(object).where(table[column].notna(), None)
    for column in ("paragraph", "source_paragraph"):
        table[column] = table[column].astype("Int64")
    for column in (
        "containment",
        "similarity",
        "delta_polarity",
        "delta_subjectivity",
        "delta_loaded_per_100_words",
    ):
        table[column] = table[column].astype("float64")
    return table


def _article_table(rows: list[dict], keep: tuple[str, ...]) -> pd.DataFrame:
    columns = ["doc_id", "source_id", *keep, *ARTICLE_COLUMNS[2:]]
    table = pd.DataFrame.from_records(rows, columns=columns)
    for column in _COUNT_COLUMNS:
        table[column] = table[column].astype("Int64")
    for column in ARTICLE_COLUMNS[2:-1]:
        if column not in _COUNT_COLUMNS:
            table[column] = table[column].astype("float64")
    for column in ("doc_id", "source_id", "error"):
        table[column] = table[column].astype(object).where(table[column].notna(), None)
    return table


# --- quotes that two articles take from one report ----------------------------------------------

COMMON_QUOTE_COLUMNS = [
    "source_id",
    "source_paragraph",
    "source_text",
    "doc_a",
    "quote_a",
    "fidelity_a",
    "doc_b",
    "quote_b",
    "fidelity_b",
]

#: Two quotes come from the same passage of a report when their best spans there (in one
#: paragraph) share at least this share of the shorter span's words.
SAME_PASSAGE_OVERLAP = 0.5


def _passage_words(text: str) -> set[str]:
    return {word.lower() for word in text.split()}


def quotes_in_common(
    articles: pd.DataFrame,
    reports: pd.DataFrame,
    pairs: pd.DataFrame,
    *,
    text_col: str = "text",
    id_col: str | None = None,
) -> pd.DataFrame:
    """Return the quotes that two articles drawing on one report take from the same passage.

    ``pairs`` has ``doc_id`` and ``source_id`` (as :func:`compare_corpus`'s article table, whose
    rows with an ``error`` are left out). Each article's direct quotes are looked up in its
    report (:func:`~framing.comparisons.align.check_quote`); two quotes of two articles of the
    same report whose best spans lie in one report paragraph and share at least
    :data:`SAME_PASSAGE_OVERLAP` of the shorter span's words quote the same passage. One row per
    such pair of quotes (:data:`COMMON_QUOTE_COLUMNS`): each quote with its fidelity
    (``verbatim``, ``altered:0.83``), so that where one side alters what the other quotes
    verbatim shows.
    """
    by_article = _by_id(articles, id_col, "articles")
    by_report = _by_id(reports, id_col, "reports")
    usable = pairs
    if "error" in pairs.columns:
        usable = pairs[pairs["error"].isna()]
    rows = []
    for source_id, group in usable.groupby("source_id", sort=False):
        if source_id not in by_report.index or _text(by_report.at[source_id, text_col]) is None:
            continue  # compare_corpus gives such a pair its error row
        report = {str(source_id): Article(by_report.at[source_id, text_col])}
        found = []
        for doc_id in dict.fromkeys(group["doc_id"]):
            text = by_article.at[doc_id, text_col] if doc_id in by_article.index else None
            if _text(text) is None:
                continue
            for start, end in direct_quotes(text):
                check = check_quote(text[start:end], report)
                if check.fidelity != "not_found":
                    found.append((doc_id, check))
        for (doc_a, a), (doc_b, b) in itertools.combinations(found, 2):
            if doc_a == doc_b or a.source_paragraph != b.source_paragraph:
                continue
            words_a, words_b = _passage_words(a.source_text), _passage_words(b.source_text)
            shorter = min(len(words_a), len(words_b))
            if shorter and len(words_a & words_b) / shorter >= SAME_PASSAGE_OVERLAP:
                rows.append(
                    {
                        "source_id": source_id,
                        "source_paragraph": a.source_paragraph,
                        "source_text": a.source_text,
                        "doc_a": doc_a,
                        "quote_a": a.text,
                        "fidelity_a": a.label,
                        "doc_b": doc_b,
                        "quote_b": b.text,
                        "fidelity_b": b.label,
                    }
                )
    table = pd.DataFrame(rows, columns=COMMON_QUOTE_COLUMNS)
    table["source_paragraph"] = table["source_paragraph"].astype("Int64")
    return table
