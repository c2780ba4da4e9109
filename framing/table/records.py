"""One record per paragraph: an article's measures as a dict of the table's columns.

It takes ``(doc_id, text)`` pairs and gives each document's rows, an error row for a text or
id that cannot be measured; :func:`framing.table.rows.to_table` makes them a DataFrame, and
:func:`framing.table.csv.csv_records` CSV. Neither this module nor what it imports needs
pandas, so that ``framing analyze`` of an article starts without importing it.

>>> from framing.measures.lexicon import Entry, Lexicon
>>> lexicon = Lexicon([Entry("massive", "hyperbole")])
>>> text = "Raqqa Falls\\n\\nISIS lost the city. It was a massive, terrible defeat."
>>> rows = rows_for_documents([("doc", text)], lexicon=lexicon)
>>> [(row["paragraph"], row["role"], row["words"], row["loaded_terms"]) for row in rows]
[(0, 'headline', 2, ''), (1, 'body', 10, 'massive:hyperbole=massive')]
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

from framing.article import Article
from framing.errors import choices_error
from framing.io.documents import RowProblem
from framing.measures.categories import load_dictionaries
from framing.measures.lexicon import LexiconMatcher, load_lexicon
from framing.table.dictionary_columns import dictionary_values
from framing.table.schema import ALL_MEASURES, COLUMNS, check_measures
from framing.text.characters import is_blank, replace_surrogates, surrogate_problem
from framing.voice.detector import check_detector

__all__ = [
    "TASK_ROWS",
    "measure_options",
    "check_headline",
    "is_missing",
    "article_rows",
    "document_rows",
    "error_row",
    "rows_for_documents",
    "text_problem",
]


#: Documents measured per task. Large enough that sending a task to a worker (pickling its
#: texts and the result) is a small share of its cost, small enough that a 5,000-row chunk
#: keeps two workers busy.
TASK_ROWS = 500


def check_headline(headline: object) -> bool | None:
    """Return ``headline`` if it is ``None`` (detect), ``True`` or ``False``; else raise.

    >>> check_headline(True)
    True
    """
    if headline is not None and not isinstance(headline, bool):
        raise choices_error("headline", headline, [None, True, False])
    return headline


def measure_options(
    *,
    lexicon=None,
    sentiment=None,
    vader=None,
    segmenter=None,
    measures=None,
    voice=None,
    headline=None,
    dictionaries=None,
) -> dict:
    """Return the options that :func:`document_rows` measures with, each checked and loaded
    once: the lexicon matcher, the measures chosen, the dictionaries read, and the scorers,
    segmenter, voice detector and headline rule given (left out when not)."""
    matcher = lexicon if isinstance(lexicon, LexiconMatcher) else load_lexicon(lexicon)
    options = {"lexicon": matcher, "sentiment": sentiment, "vader": vader}
    if segmenter is not None:
        options["segmenter"] = segmenter
    if check_headline(headline) is not None:
        options["headline"] = headline
    if voice is not None:
        # checked here, in the process that was given it, not in each worker
        options["voice"] = check_detector(voice)
    options["measures"] = check_measures(measures)
    # read once here; the workers receive the loaded dictionaries, as they receive the lexicon
    options["dictionaries"] = load_dictionaries(dictionaries)
    return options


def is_missing(value: object) -> bool:
    """Return whether ``value`` is None, NaN or pandas' NA (which exists only once pandas is
    imported, by whoever made the value)."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    pandas = sys.modules.get("pandas")
    return pandas is not None and value is pandas.NA


def article_rows(
    article: Article,
    doc_id: object,
    measures: Sequence[str] = ALL_MEASURES,
    dictionaries: Sequence = (),
) -> list[dict]:
    """Return one row (a dict of :data:`COLUMNS`, or of the chosen ``measures``'s columns) per
    paragraph of ``article``, with the columns of ``dictionaries`` (loaded
    :class:`~framing.measures.categories.CategoryCounter` objects) when there are some."""
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
            row["vader_mean"] = paragraph.vader_mean
            row["sentences"] = paragraph.sentences
        if loaded_on:
            row["loaded_count"] = paragraph.loaded_count
            row["loaded_per_100_words"] = paragraph.loaded_per_100_words
            row["loaded_score_per_100_words"] = paragraph.loaded_score_per_100_words
            row["loaded_terms"] = paragraph.loaded_terms
            if voice_on:
                for name, count in paragraph.loaded_by_voice.items():
                    row[f"loaded_{name}_count"] = count
        if voice_on:
            voice = paragraph.voice
            row["voice"] = voice.label
            row["sources"] = voice.source_names
            row["source_kinds"] = voice.source_kinds
            row["quoted_share"] = voice.quoted_share
            for name, count in paragraph.words_by_voice.items():
                row[f"{name}_words"] = count
        if dictionaries:
            row.update(dictionary_values(paragraph, dictionaries, voice=voice_on))
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
    if is_missing(value):
        return "missing text"
    if isinstance(value, RowProblem):
        return value.message
    if not isinstance(value, str):
        return f"not text ({type(value).__name__})"
    if is_blank(value):  # white space, controls and zero-width characters only
        return "empty text"
    problem = surrogate_problem(value)
    if problem:
        return f"text holds a {problem}, {_SURROGATE_FIX}"
    return None


#: What to do about a lone surrogate (``json.loads`` reads one from ``"\ud83d"`` alone).
_SURROGATE_FIX = (
    "half of a UTF-16 pair that no UTF-8 file can hold; write the pair whole or drop it"
)


def _id_problem(doc_id: object) -> str | None:
    """Return why ``doc_id`` cannot be saved as it is, or ``None`` if it can."""
    problem = surrogate_problem(doc_id) if isinstance(doc_id, str) else None
    return f"id holds a {problem} (shown as U+FFFD), {_SURROGATE_FIX}" if problem else None


def rows_for_documents(
    documents: Iterable[tuple[object, object]],
    *,
    measures: Sequence[str] = ALL_MEASURES,
    dictionaries: Sequence = (),
    **options,
) -> list[dict]:
    """Return the rows for ``(doc_id, text)`` pairs; a bad text or id gets an error row."""
    per_document = document_rows(documents, measures=measures, dictionaries=dictionaries, **options)
    return [row for rows in per_document for row in rows]


def document_rows(
    documents: Iterable[tuple[object, object]],
    *,
    measures: Sequence[str] = ALL_MEASURES,
    dictionaries: Sequence = (),
    **options,
) -> list[list[dict]]:
    """Return the rows of each ``(doc_id, text)`` pair, one list per document (never empty).

    A bad text or id gets one error row; the articles are measured together (see
    :func:`rows_for_documents`, which joins the lists).
    """
    measured: list[tuple[object, Article | str]] = []
    for doc_id, text in documents:
        problem = _id_problem(doc_id)
        if problem:
            measured.append((replace_surrogates(doc_id), problem))
            continue
        problem = text_problem(text)
        if not problem:
            article = Article(text, **options)
            if article.paragraphs:
                measured.append((doc_id, article))
                continue
            problem = "no paragraphs"
        measured.append((doc_id, problem))
    articles = [article for _, article in measured if isinstance(article, Article)]
    _measure_each(articles, measures)
    rows = [
        article_rows(article, doc_id, measures, dictionaries)
        if isinstance(article, Article)
        else [error_row(doc_id, article)]
        for doc_id, article in measured
    ]
    # Each article and its paragraphs refer to each other: cleared, they are freed by reference
    # counting when this returns, instead of by the garbage collector's passes over its older
    # objects (a tenth of a worker's time before, a hundredth after; docs/speed.md).
    for article in articles:
        article.clear_cache()
    return rows


def _measure_each(articles: list[Article], measures: Sequence[str]) -> None:
    """Measure the articles' paragraphs one measure at a time (each is cached on its paragraph).

    The values are those of measuring paragraph by paragraph; with one scorer at a time, its
    lexicons and patterns stay in the processor's caches, which is faster on many short
    articles (benchmarks/throughput.py).
    """
    paragraphs = [paragraph for article in articles for paragraph in article.paragraphs]
    if "voice" in measures:
        # First: the rule-based detector's split of each paragraph gives its word count too.
        for article in articles:
            article.voices  # noqa: B018 (fills the cached property)
    for paragraph in paragraphs:
        paragraph.words  # noqa: B018
    if "sentiment" in measures:
        for paragraph in paragraphs:
            paragraph.sentiment  # noqa: B018
    if "vader" in measures:
        for paragraph in paragraphs:
            paragraph.vader_compound  # noqa: B018
            paragraph.vader_sentences  # noqa: B018
    if "loaded" in measures:
        for paragraph in paragraphs:
            paragraph.loaded_matches  # noqa: B018
