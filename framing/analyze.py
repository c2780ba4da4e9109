"""Measure articles paragraph by paragraph into one tidy table.

>>> from framing.lexicon import Entry, Lexicon
>>> lexicon = Lexicon([Entry("massive", "hyperbole")])
>>> text = "Raqqa Falls\\n\\nISIS lost the city. It was a massive, terrible defeat."
>>> table = analyze(text, lexicon=lexicon)
>>> table[["paragraph", "role", "start", "end", "words", "loaded_terms"]].to_dict("records")
[{'paragraph': 0, 'role': 'headline', 'start': 0, 'end': 11, 'words': 2, 'loaded_terms': ''}, \
{'paragraph': 1, 'role': 'body', 'start': 13, 'end': 67, 'words': 10, \
'loaded_terms': 'massive:hyperbole'}]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from framing.article import Article
from framing.errors import FramingError, choices_error
from framing.io import RowProblem, check_columns
from framing.lexicon import Lexicon, LexiconMatcher, load_lexicon
from framing.segment import Segmenter
from framing.sentiment import CompoundScorer, SentimentScorer

__all__ = [
    "analyze",
    "article_rows",
    "error_row",
    "COLUMNS",
    "MEASURE_DEFINITIONS",
    "MEASURE_GROUPS",
    "DEFAULT_DOC_ID",
]

#: The id of a single text given without one.
DEFAULT_DOC_ID = "doc"

#: What each column of the table means; saved into the metadata of result files.
MEASURE_DEFINITIONS = {
    "doc_id": "the article's id (the id column, the file name, or the row number)",
    "paragraph": "paragraph number within the article, from 0 (the headline, when there is one)",
    "role": "headline or body",
    "start": "character offset where the paragraph starts in the article's text",
    "end": "character offset where it ends: text[start:end] is the paragraph",
    "text": "the paragraph's text",
    "words": "number of words (letters or digits joined by inner hyphens or apostrophes; "
    "a number such as 270,000 or an initialism such as U.S. is one word)",
    "polarity": "TextBlob (pattern) polarity, -1 negative to 1 positive",
    "subjectivity": "TextBlob (pattern) subjectivity, 0 objective to 1 subjective",
    "vader_compound": "VADER compound score, -1 negative to 1 positive",
    "loaded_count": "number of loaded-language lexicon matches (longest match where they nest)",
    "loaded_per_100_words": "loaded_count per 100 words",
    "loaded_terms": "the matches as term:category, separated by ';'",
    "voice": "who speaks: own (no word quoted or attributed), attributed (every word quoted or "
    "attributed, under half quoted), quoted (every word quoted or attributed, at least half "
    "quoted) or mixed (own words beside quoted or attributed ones); see framing.voice",
    "sources": "canonical names of the sources quoted or attributed, separated by ';'",
    "quoted_share": "share of the paragraph's words inside quotation marks, 0 to 1",
    "error": "why a corpus row could not be measured (empty where it was)",
}
COLUMNS = list(MEASURE_DEFINITIONS)

#: The measures that ``measures=`` chooses from, with their columns. A table has the other
#: columns whatever is chosen; leaving out a measure saves its time (voice detection is the
#: slowest; see README, "Speed").
MEASURE_GROUPS = {
    "sentiment": ("polarity", "subjectivity"),
    "vader": ("vader_compound",),
    "loaded": ("loaded_count", "loaded_per_100_words", "loaded_terms"),
    "voice": ("voice", "sources", "quoted_share"),
}
ALL_MEASURES = tuple(MEASURE_GROUPS)

_INTEGER_COLUMNS = ("paragraph", "start", "end", "words", "loaded_count")
_FLOAT_COLUMNS = (
    "polarity",
    "subjectivity",
    "vader_compound",
    "loaded_per_100_words",
    "quoted_share",
)


def check_measures(measures: Iterable[str] | None) -> tuple[str, ...]:
    """Return the chosen measures in the table's order (``None``: all of them).

    >>> check_measures(["loaded", "sentiment"])
    ('sentiment', 'loaded')
    """
    if measures is None:
        return ALL_MEASURES
    chosen = [measures] if isinstance(measures, str) else list(measures)
    for name in chosen:
        if name not in MEASURE_GROUPS:
            raise choices_error("measures", name, ALL_MEASURES)
    if not chosen:
        raise FramingError(
            f"measures= is empty; choose one or more of: {', '.join(ALL_MEASURES)} "
            "(or None for all)"
        )
    return tuple(name for name in ALL_MEASURES if name in chosen)


def table_columns(measures: Sequence[str] = ALL_MEASURES) -> list[str]:
    """Return the columns of a table with the given measures, in :data:`COLUMNS` order."""
    left_out = {
        column for name in ALL_MEASURES if name not in measures for column in MEASURE_GROUPS[name]
    }
    return [column for column in COLUMNS if column not in left_out]


def article_rows(
    article: Article, doc_id: object, measures: Sequence[str] = ALL_MEASURES
) -> list[dict]:
    """Return one row (a dict of :data:`COLUMNS`, or of the chosen ``measures``'s columns) per
    paragraph of ``article``."""
    sentiment_on, vader_on = "sentiment" in measures, "vader" in measures
    loaded_on, voice_on = "loaded" in measures, "voice" in measures
    rows = []
    for paragraph in article.paragraphs:
        row = {
            "doc_id": doc_id,
            "paragraph": paragraph.index,
            "role": paragraph.role,
            "start": paragraph.start,
            "end": paragraph.end,
            "text": paragraph.text,
            "words": paragraph.words,
        }
        if sentiment_on:
            sentiment = paragraph.sentiment
            row["polarity"] = sentiment.polarity
            row["subjectivity"] = sentiment.subjectivity
        if vader_on:
            row["vader_compound"] = paragraph.vader_compound
        if loaded_on:
            row["loaded_count"] = paragraph.loaded_count
            row["loaded_per_100_words"] = paragraph.loaded_per_100_words
            row["loaded_terms"] = paragraph.loaded_terms
        if voice_on:
            voice = paragraph.voice
            row["voice"] = voice.voice
            row["sources"] = voice.source_names
            row["quoted_share"] = voice.quoted_share
        row["error"] = ""
        rows.append(row)
    return rows


def error_row(doc_id: object, message: str) -> dict:
    """Return the row that stands for a document that could not be measured."""
    row = dict.fromkeys(COLUMNS)
    row.update(doc_id=doc_id, error=message)
    return row


def text_problem(value: object) -> str | None:
    """Return why ``value`` cannot be measured as an article's text, or ``None`` if it can."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return "missing text"
    if isinstance(value, RowProblem):
        return value.message
    if not isinstance(value, str):
        return f"not text ({type(value).__name__})"
    if not value.strip():
        return "empty text"
    return None


def rows_for_documents(
    documents: Iterable[tuple[object, object]],
    *,
    measures: Sequence[str] = ALL_MEASURES,
    **options,
) -> list[dict]:
    """Return the rows for ``(doc_id, text)`` pairs; a bad text gets an error row."""
    measured: list[tuple[object, Article | str]] = []
    for doc_id, text in documents:
        problem = text_problem(text)
        if not problem:
            article = Article(text, **options)
            if article.paragraphs:
                measured.append((doc_id, article))
                continue
            problem = "no paragraphs"
        measured.append((doc_id, problem))
    _measure_each([article for _, article in measured if isinstance(article, Article)], measures)
    rows: list[dict] = []
    for doc_id, article in measured:
        if isinstance(article, Article):
            rows.extend(article_rows(article, doc_id, measures))
        else:
            rows.append(error_row(doc_id, article))
    return rows


def _measure_each(articles: list[Article], measures: Sequence[str]) -> None:
    """Measure the articles' paragraphs one measure at a time (each is cached on its paragraph).

    The values are those of measuring paragraph by paragraph; with one scorer at a time, its
    lexicons and patterns stay in the processor's caches, which is faster on many short
    articles (benchmarks/throughput.py).
    """
    paragraphs = [paragraph for article in articles for paragraph in article.paragraphs]
    for paragraph in paragraphs:
        paragraph.words  # noqa: B018 (fills the cached property)
    if "sentiment" in measures:
        for paragraph in paragraphs:
            paragraph.sentiment  # noqa: B018
    if "vader" in measures:
        for paragraph in paragraphs:
            paragraph.vader_compound  # noqa: B018
    if "loaded" in measures:
        for paragraph in paragraphs:
            paragraph.loaded_matches  # noqa: B018
    if "voice" in measures:
        for article in articles:
            article.voices  # noqa: B018


def to_table(rows: list[dict], measures: Sequence[str] = ALL_MEASURES) -> pd.DataFrame:
    """Return the rows as a DataFrame with the table's columns (those of ``measures``) and
    dtypes."""
    columns = table_columns(measures)
    table = pd.DataFrame.from_records(rows, columns=columns)
    for column in _INTEGER_COLUMNS:
        if column in table:
            table[column] = table[column].astype("Int64")
    for column in _FLOAT_COLUMNS:
        if column in table:
            table[column] = table[column].astype("float64")
    for column in ("role", "text", "loaded_terms", "voice", "sources", "error"):
        if column in table:
            table[column] = table[column].astype("object")
    return table


def analyze(
    data: str | Article | pd.DataFrame,
    *,
    lexicon: Lexicon | LexiconMatcher | str | Path | None = None,
    text_col: str = "text",
    id_col: str | None = None,
    sentiment: SentimentScorer | None = None,
    vader: CompoundScorer | None = None,
    segmenter: Segmenter | None = None,
    n_jobs: int | None = None,
    progress: bool | None = None,
    measures: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Return one row per paragraph with its sentiment and loaded-language measures.

    ``data`` is one article's text, an :class:`Article`, or a DataFrame with one article a row
    (its text in ``text_col``; its id in ``id_col``, else its index). A row whose text is
    missing, empty or not a string gets one row with the reason in ``error``; nothing is dropped.
    A ``lexicon``, ``sentiment``, ``vader`` or ``segmenter`` given here is used for every
    paragraph, an :class:`Article`'s included.

    A DataFrame is measured in pieces by ``n_jobs`` worker processes (``None``: every core; a
    DataFrame that fits in one piece, :data:`framing.corpus.TASK_ROWS` rows, is measured
    here), with a progress bar when ``progress`` is true (``None``: only in a terminal). The
    table is the same whatever ``n_jobs`` is. For files, see :func:`framing.corpus.analyze_file`.

    ``measures`` chooses the measures to compute, from :data:`MEASURE_GROUPS` (``None``: all);
    the columns of the others are left out of the table.

    >>> list(analyze("ISIS lost the city.", measures=["sentiment"]).columns)[7:]
    ['polarity', 'subjectivity', 'error']
    """
    chosen = check_measures(measures)
    options = {"sentiment": sentiment, "vader": vader, "segmenter": segmenter}
    if isinstance(data, Article):
        if lexicon is not None or any(value is not None for value in options.values()):
            data = data.with_options(lexicon=lexicon, **options)
        return to_table(article_rows(data, DEFAULT_DOC_ID, chosen), chosen)
    matcher = lexicon if isinstance(lexicon, LexiconMatcher) else load_lexicon(lexicon)
    options["lexicon"] = matcher
    if isinstance(data, str):
        return to_table(
            rows_for_documents([(DEFAULT_DOC_ID, data)], measures=chosen, **options), chosen
        )
    if isinstance(data, pd.DataFrame):
        from framing.corpus import TASK_ROWS, analyze_chunks, resolve_jobs

        resolve_jobs(n_jobs)  # a bad value is reported even when one process will do
        check_columns(data.columns, path="the DataFrame", text_col=text_col, id_col=id_col)
        tables = list(
            analyze_chunks(
                [data],
                text_col=text_col,
                id_col=id_col,
                n_jobs=1 if len(data) <= TASK_ROWS else n_jobs,
                progress=progress,
                total=len(data),
                measures=chosen,
                **options,
            )
        )
        if not tables:
            return to_table([], chosen)
        return tables[0]
    raise FramingError(
        f"analyze() takes an article's text (str), an Article or a DataFrame, not "
        f"{type(data).__name__}; for a file use framing.Article.from_file(path)"
    )
