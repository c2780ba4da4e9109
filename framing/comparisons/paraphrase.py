"""The paraphrase score: how much two paragraphs say with the same content words.

A paragraph becomes a bag of *terms*: its content words (not the stop words of scikit-learn's
English list; an initialism in capitals such as "U.S." or "WHO" is kept) reduced to their stem by
NLTK's Snowball stemmer ("evicted", "evictions" and "eviction" are one term), and its numbers
without thousands separators ("270,000" and "270000" are one term, and "80%" and "80 percent"
share the term "80"). The score of a pair is the cosine of their TF-IDF vectors (sublinear tf,
smoothed idf), fitted on the paragraphs of the documents compared, so that the words of the whole
story ("ISIS", "Yemen") weigh less than the words of one claim.

It was chosen on the alignment development set (170 AllSides paragraph pairs labelled by hand,
``benchmarks/alignment_devset.py``) over the first alignment's TF-IDF of words and character
n-grams, and over the same cosine weighted by general-English word counts: see
``SIMILARITY_THRESHOLD`` in :mod:`framing.comparisons.align` for the figures. The stemmer is code
and the stop words ship with scikit-learn: nothing is downloaded.

>>> round(paraphrase_score("Evictions were halted in counties covering 80% of the nation.",
...                        "The order halts evicting tenants in 80 percent of U.S. counties."), 2)
0.41
>>> paraphrase_score("The court ruled on Monday.", "Fans cheered the team.")
0.0
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from framing.text.words import iter_words, normalize_apostrophes

__all__ = ["paraphrase_terms", "paraphrase_score", "paraphrase_matrix"]

_NUMBER = re.compile(r"\d[\d,.]*")
#: A word of one letter carries no claim ("a", "I", the "s" of a split possessive).
_MIN_LETTERS = 2


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


@lru_cache(maxsize=200_000)
def _term(word: str) -> str | None:
    word = normalize_apostrophes(word)
    if _NUMBER.fullmatch(word):
        return word.replace(",", "").rstrip(".")
    folded = word.lower().replace(".", "")
    folded = folded.split("'")[0]  # "Biden's" is Biden
    # An initialism in capitals is a name, even where its letters spell a stop word: U.S., WHO.
    initialism = word.replace(".", "").isupper() and len(folded) >= _MIN_LETTERS
    if len(folded) < _MIN_LETTERS or (folded in _stop_words() and not initialism):
        return None
    return _stem(folded)


def paraphrase_terms(text: str) -> list[str]:
    """Return the paragraph's terms in order: stems of its content words, and its numbers.

    >>> paraphrase_terms("The U.S. evicted 270,000 renters' families")
    ['us', 'evict', '270000', 'renter', 'famili']
    """
    return [term for match in iter_words(text) if (term := _term(match.group())) is not None]


def paraphrase_matrix(partisan: list[list[str]], sources: list[list[str]]):
    """Return the paraphrase score of every partisan paragraph with every source paragraph.

    ``partisan`` and ``sources`` are each paragraph's :func:`paraphrase_terms`. The result is
    sparse: a pair that shares no term is not stored (its score is 0), so the work grows with the
    pairs that share a term, as with an inverted index, not with all pairs.
    """
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not any(partisan) or not any(sources):
        return sparse.csr_matrix((len(partisan), len(sources)))
    vectorizer = TfidfVectorizer(analyzer=_as_is, sublinear_tf=True)
    matrix = vectorizer.fit_transform([*partisan, *sources])
    product = (matrix[: len(partisan)] @ matrix[len(partisan) :].T).tocsr()
    product.data = np.minimum(product.data, 1.0)  # rounding can give 1.0000000000000002
    return product


def _as_is(terms: list[str]) -> list[str]:
    return terms


def paraphrase_score(first: str, second: str) -> float:
    """Return the paraphrase score of two paragraphs (cosine of their TF-IDF terms, 0 to 1)."""
    return float(
        paraphrase_matrix([paraphrase_terms(first)], [paraphrase_terms(second)]).toarray()[0, 0]
    )
