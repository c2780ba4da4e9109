"""Validate loaded-language lexicons against BABE's expert annotations.

BABE (Spinde et al., Findings of EMNLP 2021) has 3,674 news sentences that expert annotators
labelled Biased or Non-biased, with the words they marked as biased. This script measures how
well a lexicon's matches agree with those judgements, for the bundled ``loaded`` lexicon and for
baselines, in the same run:

- MPQA strong-subjective clues (Wilson, Wiebe and Hoffmann 2005), read with ``read_mpqa``;
- the bias lexicon of Recasens, Danescu-Niculescu-Mizil and Jurafsky (2013);
- TextBlob subjectivity (sentence ranking only: it marks no words).

Word level (precision, recall, F1). Each sentence is split into words with
:func:`framing.text.iter_words` (letters or digits joined by inner hyphens or apostrophes),
lower-cased, with curly apostrophes made straight. The *gold* words of a sentence are the words
of its ``biased_words`` entries, split the same way (an annotated phrase gives each of its words).
The *predicted* words are the sentence's words that overlap a lexicon match (a matched phrase
gives each of its words; a match inside a hyphenated word gives that word). Both are sets per
sentence, so a word repeated in one sentence counts once. Over all sentences (Biased and
Non-biased alike): TP = predicted and gold, FP = predicted not gold, FN = gold not predicted
(including gold words that do not occur in the sentence as written), summed, then
precision = TP / (TP + FP), recall = TP / (TP + FN), F1 their harmonic mean (micro average).

Sentence level (ROC AUC). Each sentence's ``loaded_per_100_words`` is 100 * matches / words,
exactly as :class:`framing.Paragraph` computes it; the AUC is the probability that a random
Biased sentence scores higher than a random Non-biased one (ties count half; scikit-learn's
``roc_auc_score``). Sentences labelled neither (e.g. "No agreement") are left out of the AUC.

BABE was used only to measure, never to choose the lexicon's entries.

Run from the repository root::

    python benchmarks/babe_lexicon.py [--data-dir ../shared/data]
"""

from __future__ import annotations

import argparse
import ast
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sklearn.metrics import roc_auc_score

from framing.errors import MissingDataError
from framing.lexicon import Lexicon, load_lexicon, read_mpqa, read_wordlist
from framing.text import count_words, iter_words, normalize_apostrophes

#: Where BABE and the published lexicons are, relative to the repository root.
DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
BABE_FILE = "babe/final_labels_SG2.csv"
MPQA_FILE = "lexicons/subjclueslen1-HLTEMNLP05.tff"
RECASENS_FILE = "lexicons/recasens2013/bias-lexicon.txt"
POSITIVE_LABEL, NEGATIVE_LABEL = "Biased", "Non-biased"


@dataclass(frozen=True)
class WordScores:
    """Word-level agreement with the annotators, micro-averaged over sentences."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        """Return TP / (TP + FP), 0 when nothing was predicted."""
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        """Return TP / (TP + FN), 0 when there is no gold word."""
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_babe(data_dir: Path) -> pd.DataFrame:
    """Return BABE's SG2 sentences with ``biased_words`` parsed into lists of strings."""
    path = Path(data_dir) / BABE_FILE
    if not path.is_file():
        raise MissingDataError(
            f"BABE is not at {path}; put the shared data folder beside the repository or pass "
            "--data-dir"
        )
    table = pd.read_csv(path, sep=";", encoding="utf-8-sig", keep_default_na=False)
    table["biased_words"] = [
        [str(word) for word in ast.literal_eval(value)] if value.strip() else []
        for value in table["biased_words"]
    ]
    return table


def words_of(text: str) -> set[str]:
    """Return the set of normalised words of ``text``."""
    return {normalize_apostrophes(m.group()).lower() for m in iter_words(text)}


def matched_words(lexicon: Lexicon, text: str) -> set[str]:
    """Return the normalised words of ``text`` that overlap a match of ``lexicon``."""
    spans = [(m.start, m.end) for m in lexicon.match(text)]
    return {
        normalize_apostrophes(word.group()).lower()
        for word in iter_words(text)
        if any(start < word.end() and word.start() < end for start, end in spans)
    }


def word_scores(lexicon: Lexicon, texts: Sequence[str], gold: Sequence[list[str]]) -> WordScores:
    """Return the lexicon's word-level agreement with the annotated words (see module doc)."""
    tp = fp = fn = 0
    for text, annotated in zip(texts, gold, strict=True):
        predicted = matched_words(lexicon, text)
        expected = set().union(*(words_of(phrase) for phrase in annotated))
        tp += len(predicted & expected)
        fp += len(predicted - expected)
        fn += len(expected - predicted)
    return WordScores(tp, fp, fn)


def loaded_per_100_words(lexicon: Lexicon, text: str) -> float:
    """Return matches per 100 words, as a paragraph's ``loaded_per_100_words``."""
    words = count_words(text)
    return 100.0 * len(lexicon.match(text)) / words if words else 0.0


def sentence_auc(table: pd.DataFrame, score: Callable[[str], float]) -> float:
    """Return the ROC AUC of ``score`` for Biased against Non-biased sentences."""
    labelled = table[table["label_bias"].isin([POSITIVE_LABEL, NEGATIVE_LABEL])]
    truth = (labelled["label_bias"] == POSITIVE_LABEL).astype(int)
    return float(roc_auc_score(truth, [score(text) for text in labelled["text"]]))


def lexicons(data_dir: Path) -> dict[str, Lexicon]:
    """Return the bundled lexicon and the lexicon baselines, by the name printed."""
    return {
        "framing loaded (bundled)": load_lexicon("loaded"),
        "MPQA strong-subjective clues": read_mpqa(data_dir / MPQA_FILE, types=("strongsubj",)),
        "Recasens et al. 2013 bias lexicon": read_wordlist(data_dir / RECASENS_FILE),
    }


def textblob_subjectivity(text: str) -> float:
    """Return TextBlob's subjectivity of ``text`` (needs no NLTK data)."""
    from textblob import TextBlob

    return TextBlob(text).sentiment.subjectivity


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="the shared data folder holding babe/ and lexicons/ (default: ../shared/data)",
    )
    args = parser.parse_args(argv)
    table = load_babe(args.data_dir)
    labelled = table["label_bias"].isin([POSITIVE_LABEL, NEGATIVE_LABEL])
    print(
        f"BABE SG2: {len(table)} sentences, {int(labelled.sum())} labelled "
        f"({int((table['label_bias'] == POSITIVE_LABEL).sum())} Biased), "
        f"{sum(map(len, table['biased_words']))} annotated words or phrases"
    )
    texts, gold = list(table["text"]), list(table["biased_words"])
    header = f"{'measure':<36} {'entries':>7} {'word P':>7} {'word R':>7} {'word F1':>7} {'AUC':>6}"
    print(header)
    print("-" * len(header))
    for name, lexicon in lexicons(args.data_dir).items():
        scores = word_scores(lexicon, texts, gold)
        auc = sentence_auc(table, lambda text, lexicon=lexicon: loaded_per_100_words(lexicon, text))
        print(
            f"{name:<36} {len(lexicon):>7} {scores.precision:>7.3f} {scores.recall:>7.3f} "
            f"{scores.f1:>7.3f} {auc:>6.3f}"
        )
    auc = sentence_auc(table, textblob_subjectivity)
    print(f"{'TextBlob subjectivity':<36} {'':>7} {'':>7} {'':>7} {'':>7} {auc:>6.3f}")


if __name__ == "__main__":
    main()
