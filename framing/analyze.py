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

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from framing.article import Article
from framing.errors import FramingError
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

_INTEGER_COLUMNS = ("paragraph", "start", "end", "words", "loaded_count")
_FLOAT_COLUMNS = (
    "polarity",
    "subjectivity",
    "vader_compound",
    "loaded_per_100_words",
    "quoted_share",
)


def article_rows(article: Article, doc_id: object) -> list[dict]:
    """Return one row (a dict of :data:`COLUMNS`) per paragraph of ``article``."""
    rows = []
    for paragraph in article.paragraphs:
        sentiment = paragraph.sentiment
        rows.append(
            {
                "doc_id": doc_id,
                "paragraph": paragraph.index,
                "role": paragraph.role,
                "start": paragraph.start,
                "end": paragraph.end,
                "text": paragraph.text,
                "words": paragraph.words,
                "polarity": sentiment.polarity,
                "subjectivity": sentiment.subjectivity,
                "vader_compound": paragraph.vader_compound,
                "loaded_count": paragraph.loaded_count,
                "loaded_per_100_words": paragraph.loaded_per_100_words,
                "loaded_terms": paragraph.loaded_terms,
                "voice": paragraph.voice.voice,
                "sources": paragraph.voice.source_names,
                "quoted_share": paragraph.voice.quoted_share,
                "error": "",
            }
        )
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


def rows_for_documents(documents: Iterable[tuple[object, object]], **options) -> list[dict]:
    """Return the rows for ``(doc_id, text)`` pairs; a bad text gets an error row."""
    rows: list[dict] = []
    for doc_id, text in documents:
        problem = text_problem(text)
        if problem:
            rows.append(error_row(doc_id, problem))
            continue
        article = Article(text, **options)
        if not article.paragraphs:
            rows.append(error_row(doc_id, "no paragraphs"))
            continue
        rows.extend(article_rows(article, doc_id))
    return rows


def to_table(rows: list[dict]) -> pd.DataFrame:
    """Return the rows as a DataFrame with the table's columns and dtypes."""
    table = pd.DataFrame.from_records(rows, columns=COLUMNS)
    for column in _INTEGER_COLUMNS:
        table[column] = table[column].astype("Int64")
    for column in _FLOAT_COLUMNS:
        table[column] = table[column].astype("float64")
    for column in ("role", "text", "loaded_terms", "voice", "sources", "error"):
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
) -> pd.DataFrame:
    """Return one row per paragraph with its sentiment and loaded-language measures.

    ``data`` is one article's text, an :class:`Article`, or a DataFrame with one article a row
    (its text in ``text_col``; its id in ``id_col``, else its index). A row whose text is
    missing, empty or not a string gets one row with the reason in ``error``; nothing is dropped.
    A ``lexicon``, ``sentiment``, ``vader`` or ``segmenter`` given here is used for every
    paragraph, an :class:`Article`'s included.
    """
    options = {"sentiment": sentiment, "vader": vader, "segmenter": segmenter}
    if isinstance(data, Article):
        if lexicon is not None or any(value is not None for value in options.values()):
            data = data.with_options(lexicon=lexicon, **options)
        return to_table(article_rows(data, DEFAULT_DOC_ID))
    matcher = lexicon if isinstance(lexicon, LexiconMatcher) else load_lexicon(lexicon)
    options["lexicon"] = matcher
    if isinstance(data, str):
        return to_table(rows_for_documents([(DEFAULT_DOC_ID, data)], **options))
    if isinstance(data, pd.DataFrame):
        check_columns(data.columns, path="the DataFrame", text_col=text_col, id_col=id_col)
        ids = data[id_col] if id_col is not None else data.index.to_series()
        return to_table(rows_for_documents(zip(ids, data[text_col], strict=True), **options))
    raise FramingError(
        f"analyze() takes an article's text (str), an Article or a DataFrame, not "
        f"{type(data).__name__}; for a file use framing.Article.from_file(path)"
    )
