"""Validate loaded-language lexicons against BABE's expert annotations.

BABE (Spinde et al., Findings of EMNLP 2021) has 3,674 news sentences that expert annotators
labelled Biased or Non-biased, with the words they marked as biased. This script measures how
well a lexicon's matches agree with those judgements, for the bundled ``loaded`` lexicon and for
baselines, in the same run:

- MPQA strong-subjective clues (Wilson, Wiebe and Hoffmann 2005), read with ``read_mpqa``;
- the bias lexicon of Recasens, Danescu-Niculescu-Mizil and Jurafsky (2013);
- TextBlob subjectivity (sentence ranking only: it marks no words).

The metric code is :mod:`framing.validation` (the same that notebook 04 uses); this script
runs it over every lexicon and prints the figures.

Word level (precision, recall, F1). Each sentence is split into words with
:func:`framing.text.words.iter_words` (letters or digits joined by inner hyphens or apostrophes),
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
``roc_auc_score``). Sentences labelled neither ("No agreement") are left out of the AUC.
``AUC w`` ranks the sentences by ``loaded_score_per_100_words`` instead: each match weighs its
entry's intensity (1 to 3; LEXICONS.md gives the rule), and an entry of a lexicon without
intensities weighs 1, so that for the baselines it equals ``AUC``. ``AUC w+s`` ranks them by
the weighted score and breaks its ties by TextBlob subjectivity (the table's ``subjectivity``
column; :func:`framing.comparisons.validation.ties_broken_by`), the order of
``table.sort_values(["loaded_score_per_100_words", "subjectivity"])``: most sentences match no
entry, so the weighted score alone leaves most of them tied. Subjectivity was chosen as the
secondary measure because it is the package's own measure of subjective wording, a column every
table has, before this ranking was first measured; no other secondary measure was tried.

BABE was used only to measure, never to choose the lexicon's entries.

Run from the repository root::

    python benchmarks/babe_lexicon.py [--data-dir ../shared/data]
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from sklearn.metrics import roc_auc_score

from framing.comparisons.validation import (
    precision_recall,
    sentence_scores,
    ties_broken_by,
    word_agreement,
)
from framing.datasets.loaders import load_babe
from framing.measures.lexicon import Lexicon, load_lexicon, read_mpqa, read_wordlist

#: Where BABE and the published lexicons are, relative to the repository root.
DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
MPQA_FILE = "lexicons/subjclueslen1-HLTEMNLP05.tff"
RECASENS_FILE = "lexicons/recasens2013/bias-lexicon.txt"


def lexicons(data_dir: Path) -> dict[str, Lexicon]:
    """Return the bundled lexicon and the lexicon baselines, by the name printed."""
    return {
        "framing loaded (bundled)": load_lexicon("loaded"),
        "MPQA strong-subjective clues": read_mpqa(data_dir / MPQA_FILE, types=("strongsubj",)),
        "Recasens et al. 2013 bias lexicon": read_wordlist(data_dir / RECASENS_FILE),
    }


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
    biased = int((table["label_bias"] == "Biased").sum())
    labelled = int(table["label_bias"].isin(["Biased", "Non-biased"]).sum())
    print(
        f"BABE SG2: {len(table)} sentences, {labelled} labelled ({biased} Biased), "
        f"{sum(map(len, table['biased_words']))} annotated words or phrases"
    )
    header = (
        f"{'measure':<36} {'entries':>7} {'word P':>7} {'word R':>7} {'word F1':>7} {'AUC':>6} "
        f"{'AUC w':>6} {'AUC w+s':>7}"
    )
    print(header)
    print("-" * len(header))
    scores = None
    for name, lexicon in lexicons(args.data_dir).items():
        words = precision_recall(word_agreement(table, lexicon=lexicon)).iloc[0]
        scores = sentence_scores(table, lexicon=lexicon)
        auc = roc_auc_score(scores["label"], scores["loaded_per_100_words"])
        weighted = roc_auc_score(scores["label"], scores["loaded_score_per_100_words"])
        ordered = ties_broken_by(scores["loaded_score_per_100_words"], scores["subjectivity"])
        broken = roc_auc_score(scores["label"], ordered)
        print(
            f"{name:<36} {len(lexicon):>7} {words['precision']:>7.3f} {words['recall']:>7.3f} "
            f"{words['f1']:>7.3f} {auc:>6.3f} {weighted:>6.3f} {broken:>7.3f}"
        )
    auc = roc_auc_score(scores["label"], scores["subjectivity"])
    print(f"{'TextBlob subjectivity':<36} {'':>7} {'':>7} {'':>7} {'':>7} {auc:>6.3f}")


if __name__ == "__main__":
    main()
