"""Which measure should order the sentences that the loaded-language score leaves tied, chosen on
sentences that are not BABE's.

Most sentences match no lexicon entry, so a ranking by ``loaded_score_per_100_words`` alone is
mostly ties; ``benchmarks/babe_lexicon.py`` (``AUC w+s``) orders them by TextBlob subjectivity.
That choice was made before the ranking was first measured. BABE stays held out, so the
alternatives are compared here on development sentences with weak labels instead: sentences in
an outlet's own words against sentences in a news agency's own words.

- Partisan (label 1): the AllSides left and right articles; the PolNeAR articles of Breitbart,
  Western Journalism and the Huffington Post that no wire service is credited for.
- Wire (label 0): the AllSides center articles of the Associated Press and Reuters; the PolNeAR
  articles credited to a wire service (AP, AFP, UPI, Reuters).

A sentence is taken from a body paragraph whose words are all the outlet's own (no quoted or
attributed words, by the voice measure, and no embedded tweet), split by
:func:`framing.text.words.split_sentences`, and kept when it has at least ``MIN_WORDS`` words.
Each candidate secondary measure is a column that every paragraph table has (or its absolute
value or sign flip): TextBlob subjectivity, the absolute TextBlob polarity, the absolute VADER
compound, and the negative VADER compound.
Printed: ROC AUC of partisan above wire per corpus, by the weighted score alone and with its
ties broken by each candidate, and the mean of the two corpora's AUCs. Only the candidate with
the highest mean is measured on BABE (``benchmarks/babe_lexicon.py``); the others never were.

    python benchmarks/tie_breakers.py [--data-dir ../shared/data]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd
from sklearn.metrics import roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import wire_rates
from framing.article import Article
from framing.comparisons.validation import ties_broken_by
from framing.datasets.loaders import load_allsides, load_polnear
from framing.measures.lexicon import load_lexicon
from framing.measures.sentiment import default_sentiment, default_vader
from framing.text.words import count_words, per_100_words, split_sentences

#: Shorter sentences (datelines, bylines cut into sentences) are left out.
MIN_WORDS = 3
PARTISAN, WIRE = 1, 0
EMBEDDED_TWEET = "<tweet"
#: The candidate secondary measures, by the name printed, from a sentence's scores.
CANDIDATES = {
    "subjectivity": lambda row: row["subjectivity"],
    "|polarity|": lambda row: abs(row["polarity"]),
    "|VADER compound|": lambda row: abs(row["vader_compound"]),
    "-VADER compound": lambda row: -row["vader_compound"],
}


def own_sentences(text: str) -> Iterator[str]:
    """Yield the sentences of an article's body paragraphs that are all in the outlet's own
    words. PolNeAR keeps the tweets an article embeds as ``<tweet>`` elements; their words are
    the tweet's author's, so a paragraph with one is skipped too."""
    for paragraph in Article(text).paragraphs:
        voice = paragraph.voice
        if paragraph.role != "body" or voice.quoted_words or voice.attributed_words:
            continue
        if EMBEDDED_TWEET in paragraph.text:
            continue
        for start, end in split_sentences(paragraph.text):
            sentence = paragraph.text[start:end]
            if count_words(sentence) >= MIN_WORDS:
                yield sentence


def labelled(corpus: str, table: pd.DataFrame, *, partisan: pd.Series, wire: pd.Series):
    """Return the rows of ``table`` that are partisan or wire, with ``corpus`` and ``label``."""
    chosen = partisan | wire
    return pd.DataFrame(
        {"corpus": corpus, "label": partisan[chosen].astype(int), "text": table.loc[chosen, "text"]}
    )


def labelled_articles(data_dir: Path) -> pd.DataFrame:
    """Return the partisan and wire articles of AllSides and PolNeAR (train) with ``corpus``,
    ``label`` and ``text``."""
    sides = load_allsides(data_dir)
    wire = (sides["side"] == "center") & sides["source"].isin(wire_rates.ALLSIDES_WIRES)
    allsides = labelled(
        "AllSides", sides, partisan=sides["side"].isin(["left", "right"]), wire=wire
    )
    table = load_polnear("train", data_dir)
    credited = table["wire"].notna()
    partisan = ~credited & table["publisher"].isin(wire_rates.POLNEAR_PARTISAN)
    polnear = labelled("PolNeAR", table, partisan=partisan, wire=credited)
    return pd.concat([allsides, polnear], ignore_index=True)


def sentence_table(data_dir: Path) -> pd.DataFrame:
    """Return one row per own-words sentence of :func:`labelled_articles` with its weighted
    loaded score and the measures the candidates read."""
    lexicon = load_lexicon("loaded")
    textblob, vader = default_sentiment(), default_vader()
    rows = []
    for corpus, label, text in labelled_articles(data_dir).itertuples(index=False):
        for sentence in own_sentences(text):
            sentiment = textblob.score(sentence)
            intensity = sum(match.intensity for match in lexicon.match(sentence))
            rows.append(
                {
                    "corpus": corpus,
                    "label": label,
                    "text": sentence,
                    "loaded_score_per_100_words": per_100_words(intensity, count_words(sentence)),
                    "subjectivity": sentiment.subjectivity,
                    "polarity": sentiment.polarity,
                    "vader_compound": vader.compound(sentence),
                }
            )
    return pd.DataFrame(rows)


def tie_breaker_aucs(sentences: pd.DataFrame) -> pd.DataFrame:
    """Return the AUC of partisan above wire per corpus (columns) by the weighted score alone
    and with its ties broken by each candidate (rows), and their ``mean`` over the corpora."""
    aucs = {}
    for corpus, group in sentences.groupby("corpus", sort=True):
        score = group["loaded_score_per_100_words"]
        column = {"score alone": roc_auc_score(group["label"], score)}
        for name, measure in CANDIDATES.items():
            ordered = ties_broken_by(score, group.apply(measure, axis=1))
            column[f"ties by {name}"] = roc_auc_score(group["label"], ordered)
        aucs[corpus] = column
    table = pd.DataFrame(aucs)
    return table.assign(mean=table.mean(axis=1))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=wire_rates.DEFAULT_DATA)
    args = parser.parse_args(argv)
    sentences = sentence_table(args.data_dir)
    sizes = sentences.groupby(["corpus", "label"]).size()
    for corpus in sorted(sentences["corpus"].unique()):
        print(
            f"{corpus}: {sizes[corpus, PARTISAN]} partisan and {sizes[corpus, WIRE]} wire "
            "sentences in own words"
        )
    print(tie_breaker_aucs(sentences).round(3).to_string())


if __name__ == "__main__":
    main()
