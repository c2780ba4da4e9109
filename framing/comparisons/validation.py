"""Agreement of the loaded-language measure with human labels (BABE's experts).

Word level: in each sentence, the words the lexicon marks against the words the experts marked
as biased (BABE's ``biased_words``); precision and recall are pooled over all sentences, word
types counted once per sentence. Sentence level: the sentence's loaded terms per 100 words as a
score for the experts' ``Biased`` label, for a ROC curve.

>>> import pandas as pd
>>> babe = pd.DataFrame({"text": ["A massive, wet rain.", "Rain fell."],
...                      "biased_words": [["wet", "massive"], []],
...                      "label_bias": ["Biased", "Non-biased"]})
>>> agreement = word_agreement(babe)
>>> agreement[["true_positives", "false_negatives"]].sum().tolist()
[1, 1]
>>> precision_recall(agreement)[["precision", "recall"]].round(2).iloc[0].tolist()
[1.0, 0.5]
"""

from __future__ import annotations

import pandas as pd

from framing.errors import FramingError, choices_error
from framing.io.documents import check_columns
from framing.measures.lexicon import LexiconMatcher, load_lexicon
from framing.measures.sentiment import default_sentiment
from framing.text.words import count_words, iter_words, normalize_apostrophes, per_100_words
from framing.types import LexiconLike

__all__ = [
    "word_agreement",
    "precision_recall",
    "sentence_scores",
    "errors_worth_reading",
    "ties_broken_by",
    "ERROR_KINDS",
    "BIASED",
    "NOT_BIASED",
]

#: BABE's sentence labels (Spinde et al. 2021); "No agreement" sentences are left out of ROC.
BIASED, NOT_BIASED = "Biased", "Non-biased"

#: The kinds of error :func:`errors_worth_reading` lists.
ERROR_KINDS = ("missed", "false alarm")


def _words(text: str) -> set[str]:
    return {normalize_apostrophes(m.group()).lower() for m in iter_words(text)}


def word_agreement(
    table: pd.DataFrame,
    *,
    lexicon: LexiconLike | None = None,
    text_col: str = "text",
    gold_col: str = "biased_words",
) -> pd.DataFrame:
    """Return one row per sentence: the words marked by the lexicon and by the experts.

    Adds ``predicted_words`` and ``gold_words`` (sorted lists of lower-case words),
    ``true_positives``, ``false_positives`` and ``false_negatives`` (counts of word types) to
    the columns of ``table``.
    """
    check_columns(table.columns, path="the table", text_col=text_col, id_col=gold_col)
    matcher = lexicon if isinstance(lexicon, LexiconMatcher) else load_lexicon(lexicon)
    predicted, gold = [], []
    for text, marked in zip(table[text_col], table[gold_col], strict=True):
        text = text if isinstance(text, str) else ""
        spans = [(match.start, match.end) for match in matcher.match(text)]
        # A word that overlaps a match is marked: a matched phrase gives each of its words, a
        # match inside a hyphenated word gives that word.
        found = {
            normalize_apostrophes(word.group()).lower()
            for word in iter_words(text)
            if any(start < word.end() and word.start() < end for start, end in spans)
        }
        experts = set()
        for word in marked if isinstance(marked, list | tuple) else ():
            experts |= _words(str(word))
        predicted.append(found)
        gold.append(experts)
    result = table.copy()
    result["predicted_words"] = [sorted(words) for words in predicted]
    result["gold_words"] = [sorted(words) for words in gold]
    result["true_positives"] = [len(p & g) for p, g in zip(predicted, gold, strict=True)]
    result["false_positives"] = [len(p - g) for p, g in zip(predicted, gold, strict=True)]
    result["false_negatives"] = [len(g - p) for p, g in zip(predicted, gold, strict=True)]
    return result


def precision_recall(agreement: pd.DataFrame) -> pd.DataFrame:
    """Return pooled word-level precision, recall and F1 (one row), with the counts they use."""
    tp = int(agreement["true_positives"].sum())
    fp = int(agreement["false_positives"].sum())
    fn = int(agreement["false_negatives"].sum())
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else float("nan")
    return pd.DataFrame(
        [
            {
                "sentences": len(agreement),
                "true_positives": tp,
                "false_positives": fp,
                "false_negatives": fn,
                "precision": precision,
                "recall": recall,
                "f1": f1,
            }
        ]
    )


def sentence_scores(
    table: pd.DataFrame,
    *,
    lexicon: LexiconLike | None = None,
    text_col: str = "text",
    label_col: str = "label_bias",
) -> pd.DataFrame:
    """Return the sentences labelled Biased or Non-biased with ``label`` (1 = Biased) and scores.

    Scores: ``loaded_per_100_words`` (the lexicon's matches per 100 words of the sentence, as a
    paragraph's), ``loaded_score_per_100_words`` (their intensities summed, per 100 words), and
    TextBlob ``subjectivity`` as the baseline a researcher would try first.
    """
    check_columns(table.columns, path="the table", text_col=text_col, id_col=label_col)
    labelled = table[table[label_col].isin([BIASED, NOT_BIASED])].reset_index(drop=True)
    if labelled.empty:
        raise FramingError(
            f"no sentence is labelled {BIASED!r} or {NOT_BIASED!r} in {label_col!r}; "
            "give BABE's table (framing.datasets.loaders.load_babe())"
        )
    matcher = lexicon if isinstance(lexicon, LexiconMatcher) else load_lexicon(lexicon)
    scorer = default_sentiment()
    texts = labelled[text_col].astype(str)
    result = labelled.copy()
    result["label"] = (labelled[label_col] == BIASED).astype(int)
    matches = [matcher.match(text) for text in texts]
    words = [count_words(text) for text in texts]
    result["loaded_per_100_words"] = [
        per_100_words(len(found), count) for found, count in zip(matches, words, strict=True)
    ]
    result["loaded_score_per_100_words"] = [
        per_100_words(sum(getattr(match, "intensity", 1) for match in found), count)
        for found, count in zip(matches, words, strict=True)
    ]
    result["subjectivity"] = [scorer.score(text).subjectivity for text in texts]
    return result


def ties_broken_by(primary: pd.Series, secondary: pd.Series) -> pd.Series:
    """Return a score that orders rows by ``primary``, and rows with equal ``primary`` by
    ``secondary``: the order of ``table.sort_values([primary, secondary])``, as one number a
    ranking metric (ROC AUC) can read. Rows equal in both get equal scores.

    Most sentences match no lexicon entry, so that a ranking by the loaded-language score alone
    is mostly ties; the secondary measure (``subjectivity``, say) orders them.

    >>> ties_broken_by(pd.Series([0.0, 0.0, 2.5, 0.0]), pd.Series([0.1, 0.9, 0.0, 0.1])).tolist()
    [1.0, 2.0, 3.0, 1.0]
    """
    order = pd.DataFrame({"primary": primary.to_numpy(), "secondary": secondary.to_numpy()})
    ranks = order.apply(tuple, axis=1).rank(method="dense")
    return pd.Series(ranks.to_numpy(), index=primary.index, dtype="float64")


def errors_worth_reading(agreement: pd.DataFrame, *, kind: str = "missed", n: int = 10):
    """Return the ``n`` sentences where the lexicon and the experts disagree most.

    ``kind="missed"``: words the experts marked and the lexicon did not (most missed first);
    ``kind="false alarm"``: words the lexicon marked and the experts did not.
    """
    if kind not in ERROR_KINDS:
        raise choices_error("kind", kind, ERROR_KINDS)
    column = "false_negatives" if kind == "missed" else "false_positives"
    chosen = agreement[agreement[column] > 0]
    chosen = chosen.sort_values([column, "text"], ascending=[False, True], kind="stable")
    columns = [c for c in ("text", "outlet", "label_bias") if c in chosen.columns]
    return chosen[[*columns, "gold_words", "predicted_words", column]].head(n)
