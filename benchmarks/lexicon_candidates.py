"""Candidate loaded-language entries: words far more frequent in partisan outlets' own words
than in wire copy, that a published subjectivity or bias lexicon lists.

The rule (written before BABE was run on any of its results; BABE is not read here):

1. Partisan corpus: the own words (voice ``own``) of the AllSides left and right articles and
   of the PolNeAR (train) articles of the partisan publishers (Breitbart, the Western Journal,
   HuffPost) that are not credited to a wire service. Wire corpus: all the words of the wire
   copy of :mod:`benchmarks.wire_audit` (AllSides AP and Reuters, PolNeAR wire-credited
   articles, the DoD release), each distinct paragraph once.
2. Keyness: Monroe et al.'s log-odds ratio with an informative Dirichlet prior
   (:func:`framing.comparisons.groups.keyness`), partisan own words against wire copy. The two
   corpora are small (about 120,000 and 55,000 words), so that the prior shrinks all but the
   most frequent words to ``z < 1.96``; a word is kept when its log-odds ratio is positive and
   its rate in the wire's words is at most half its rate in the partisan own words (the
   audit's drop rule, :mod:`benchmarks.wire_audit`), and the candidates are listed by ``z``.
3. It is used by at least ``MIN_ARTICLES`` partisan articles (not one writer's habit).
4. It is a strong-subjective clue of MPQA (Wilson, Wiebe and Hoffmann 2005; ``type=strongsubj``,
   a stemmed clue matching the forms that start with it) or an entry of the bias lexicon of
   Recasens et al. (2013).
5. No entry of the bundled lexicon (kept, restricted or dropped) already matches it.

Each candidate is printed with its figures and up to ``CONTEXTS`` sentences of the partisan
corpus where it stands, to be read: a candidate becomes an entry only when its contexts show it
used as loaded language (LEXICONS.md records each decision).

    python benchmarks/lexicon_candidates.py [--data-dir ../shared/data] [--contexts 3]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from benchmarks.wire_audit import DEFAULT_DATA, audit_lexicon, partisan_documents, wire_documents
from framing.article import Article
from framing.comparisons.groups import keyness
from framing.datasets.loaders import load_polnear
from framing.measures.lexicon import read_mpqa, read_wordlist
from framing.text.words import WORD

#: The PolNeAR publishers whose articles (not credited to a wire) count as partisan outlets.
POLNEAR_PARTISAN = ("breitbart", "west-journal", "huff-post")
#: A candidate is used by at least this many partisan articles.
MIN_ARTICLES = 3
#: Its wire rate is at most this share of its partisan own-word rate.
MAX_WIRE_RATIO = 0.5
MPQA_FILE = "lexicons/subjclueslen1-HLTEMNLP05.tff"
RECASENS_FILE = "lexicons/recasens2013/bias-lexicon.txt"
CONTEXTS = 3


def own_text(text: str) -> tuple[str, list[str]]:
    """Return the own words of an article (its own segments joined) and its sentences' own
    segments, each distinct paragraph once per call."""
    pieces = []
    for paragraph in Article(text).paragraphs:
        for segment in paragraph.voice.segments:
            if segment.voice == "own":
                pieces.append(paragraph.text[segment.start : segment.end])
    return "\n".join(pieces), pieces


def corpora(data_dir: Path) -> pd.DataFrame:
    """Return one row per text: ``group`` (``partisan`` or ``wire``), ``doc``, ``text``."""
    rows = []
    documents = partisan_documents(data_dir)
    polnear = load_polnear("train", data_dir)
    chosen = polnear[polnear["publisher"].isin(POLNEAR_PARTISAN) & polnear["wire"].isna()]
    texts = [d.text for d in documents] + chosen["text"].tolist()
    for number, text in enumerate(texts):
        own, _ = own_text(text)
        rows.append({"group": "partisan", "doc": f"p{number}", "text": own})
    seen = set()
    for number, document in enumerate(wire_documents(data_dir)):
        kept = []
        for paragraph in Article(document.text).paragraphs:
            if paragraph.text not in seen:
                seen.add(paragraph.text)
                kept.append(paragraph.text)
        rows.append({"group": "wire", "doc": f"w{number}", "text": "\n".join(kept)})
    return pd.DataFrame(rows)


def subjective_words(data_dir: Path):
    """Return a test of whether a word is an MPQA strong-subjective clue or a Recasens entry,
    and which."""
    mpqa = read_mpqa(data_dir / MPQA_FILE)
    strong = [e.term for e in mpqa.entries if e.category.startswith("strongsubj")]
    exact = {t for t in strong if not t.endswith("*")}
    stems = tuple(t[:-1] for t in strong if t.endswith("*"))
    recasens = {e.term for e in read_wordlist(data_dir / RECASENS_FILE).entries}

    def source(word: str) -> str:
        found = []
        if word in exact or word.startswith(stems):
            found.append("mpqa")
        if word in recasens:
            found.append("recasens")
        return "+".join(found)

    return source


def candidates(data_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the candidates (rule above) and the corpora they come from."""
    table = corpora(data_dir)
    key = keyness(table, group_col="group", groups=["partisan", "wire"])
    sizes = {
        group: sum(len(WORD.findall(t)) for t in table.loc[table["group"] == group, "text"])
        for group in ("partisan", "wire")
    }
    articles = Counter()
    for text in table.loc[table["group"] == "partisan", "text"]:
        articles.update({w.lower() for w in WORD.findall(text)})
    key = key[key["log_odds"] > 0].copy()
    key["articles"] = key["term"].map(articles)
    key["partisan_per_100k"] = 100_000 * key["count_a"] / sizes["partisan"]
    key["wire_per_100k"] = 100_000 * key["count_b"] / sizes["wire"]
    key = key[key["articles"] >= MIN_ARTICLES]
    key = key[key["wire_per_100k"] <= MAX_WIRE_RATIO * key["partisan_per_100k"]]
    source = subjective_words(data_dir)
    key["listed_in"] = key["term"].map(source)
    key = key[key["listed_in"] != ""]
    lexicon, _ = audit_lexicon()
    key = key[[not lexicon.match(term) for term in key["term"]]]
    key.attrs["sizes"] = sizes
    return key.reset_index(drop=True), table


def contexts(word: str, table: pd.DataFrame, limit: int) -> list[str]:
    """Return up to ``limit`` sentences of the partisan own words that hold ``word``."""
    pattern = re.compile(rf"(?i)(?<![\w'-]){re.escape(word)}(?![\w'-])")
    found = []
    for text in table.loc[table["group"] == "partisan", "text"]:
        for line in text.split("\n"):
            hit = pattern.search(line)
            if hit:
                start = max(0, hit.start() - 90)
                found.append(line[start : hit.end() + 60].replace("\n", " "))
                break
        if len(found) >= limit:
            break
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--contexts", type=int, default=CONTEXTS)
    args = parser.parse_args(argv)
    key, table = candidates(args.data_dir)
    sizes = key.attrs["sizes"]
    print(f"partisan own words: {sizes['partisan']:,}; wire words: {sizes['wire']:,}")
    print(f"candidates: {len(key)}")
    for row in key.itertuples():
        print(
            f"{row.term}\tz {row.z:.2f}\tpartisan {row.count_a} ({row.articles} articles, "
            f"{row.partisan_per_100k:.1f}/100k)\twire {row.count_b} ({row.wire_per_100k:.1f}/100k)"
            f"\t{row.listed_in}"
        )
        for sentence in contexts(row.term, table, args.contexts):
            print(f"    | {sentence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
