"""Constructions as loaded language, measured on wire copy against partisan own words before any
is added to the lexicon: scare quotes, an intensifier before an evaluative word, factive verbs.

The rules (written before they were measured; BABE is not read here):

- **scare quote**: a quotation that the voice detector finds (:mod:`framing.voice`), of 1 to
  :data:`SCARE_QUOTE_WORDS` words, that starts with a lower-case letter (a word or phrase, not
  a sentence), has no source, lies in no attribution's coverage, and whose sentence holds no
  reporting verb (``reporting_verbs.tsv``) and no verb of naming (:data:`NAMING_VERBS`:
  "called it a 'disaster'" names who speaks). The outlet holds a word at a distance without
  saying whose it is: the writer's own framing.
- **intensifier + evaluative word**: one of VADER's boosters that raise intensity (Hutto and
  Gilbert 2014, ``BOOSTER_DICT`` with a positive increment: "very", "utterly", "incredibly")
  just before a word that VADER's lexicon rates at least :data:`STRONG_VALENCE` from neutral
  (-4 to 4), in the outlet's own words.

- **factive verb**: a verb that presupposes the truth of what follows ("revealed that", "realized
  that"; Hooper 1975, the list Recasens et al. 2013 used for epistemological bias), in any of
  its forms (:data:`FACTIVE_VERBS`), in the outlet's own words.

Each is counted per 100,000 words in the corpora of :mod:`benchmarks.wire_audit` (each distinct
paragraph once): the wire's words (the scare quote is itself a quotation, so all its words) or
its own words, against the partisan outlets' own words. The audit's rule lets a construction in
only when the wire's rate is under half the partisan rate (the verdict printed); then its
matches are read, as every entry's are, for whether they are loaded language. A few matches of
each side are printed to be read.

    python -m benchmarks.lexicon_constructions [--data-dir ../shared/data] [--examples 8]
"""

from __future__ import annotations

import argparse
import os
import random
import re
from collections.abc import Iterable
from pathlib import Path

import vaderSentiment.vaderSentiment as vader

from benchmarks.lexicon_forms import verb_forms
from benchmarks.wire_audit import DEFAULT_DATA, Document, partisan_documents, wire_documents
from framing.article import Article
from framing.measures.lexicon import Entry, Lexicon
from framing.text.words import WORD, split_sentences
from framing.voice.verbs import load_reporting_verbs

#: A scare quote holds at most this many words.
SCARE_QUOTE_WORDS = 3
#: Verbs that name what something is called, so that the quoted word is someone's name for it.
NAMING_VERBS = frozenset(
    "call calls called calling dub dubs dubbed dubbing label labels labeled labelled labeling "
    "labelling term termed describe describes described describing refer refers referred "
    "referring word words phrase".split()
)
#: How far from neutral (VADER's -4 to 4) an evaluative word's mean rating is at least.
STRONG_VALENCE = 1.5
#: The verbs of Hooper's (1975) factive predicates as Recasens et al. (2013) list them
#: (``factives_hooper1975.txt``; the adjectives "odd", "strange" ... and the idioms "make sense",
#: "bother", "care", "amuse", "suffice" left out), with the irregular forms of four of them.
FACTIVE_VERBS = tuple(
    "know realize regret forget discover learn note notice observe perceive recall remember "
    "reveal see resent".split()
)
FACTIVE_IRREGULAR = ("knew", "known", "forgot", "forgotten", "saw", "seen", "find out")
FACTIVE_IRREGULAR += ("finds out", "found out", "finding out")
#: The audit's rule: the wire's rate is under this share of the partisan rate.
MAX_WIRE_RATIO = 0.5
EXAMPLES = 8


def _naming_or_reporting() -> frozenset[str]:
    forms = {form for verb in load_reporting_verbs() for form in verb.forms}
    return frozenset(forms) | NAMING_VERBS


def scare_quotes(paragraph, verbs: frozenset[str]) -> list[tuple[int, int]]:
    """Return the spans of the scare quotes of a paragraph (rule above)."""
    voice = paragraph.voice
    text = paragraph.text
    spans = []
    for quote in voice.quotes:
        inner = quote.text.strip("\"'\u201c\u201d\u2018\u2019 ")
        if not 1 <= len(WORD.findall(inner)) <= SCARE_QUOTE_WORDS or not inner[:1].islower():
            continue
        if quote.sources or any(
            a.covers_start <= quote.start < a.covers_end for a in voice.attributions
        ):
            continue
        sentence = next((text[s:e] for s, e in split_sentences(text) if s <= quote.start < e), text)
        if {word.lower() for word in WORD.findall(sentence)} & verbs:
            continue
        spans.append((quote.start, quote.end))
    return spans


def _vader_valences() -> dict[str, float]:
    path = os.path.join(os.path.dirname(vader.__file__), "vader_lexicon.txt")
    with open(path, encoding="utf-8") as lines:
        return {line.split("\t")[0]: float(line.split("\t")[1]) for line in lines}


def boosted_words(paragraph, boosters: re.Pattern, valences: dict[str, float]) -> list:
    """Return the spans of booster + strong evaluative word in a paragraph's own words."""
    own = [(s.start, s.end) for s in paragraph.voice.segments if s.voice == "own"]
    return [
        (m.start(), m.end())
        for m in boosters.finditer(paragraph.text)
        if abs(valences.get(m.group(2).lower(), 0.0)) >= STRONG_VALENCE
        and any(start <= m.start() < end for start, end in own)
    ]


def factives() -> Lexicon:
    """Return the factive verbs in all their forms, as a lexicon."""
    terms = {form for verb in FACTIVE_VERBS for form in verb_forms(verb).values()}
    terms |= set(FACTIVE_IRREGULAR)
    terms -= {"seed", "notes"}  # "seed" is no form of "see"; "notes" is mostly the noun
    return Lexicon([Entry(term, "factive") for term in sorted(terms)])


def own_matches(paragraph, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Return the spans of the lexicon's matches that start in a paragraph's own words."""
    own = [(s.start, s.end) for s in paragraph.voice.segments if s.voice == "own"]
    return [
        (m.start, m.end)
        for m in lexicon.match(paragraph.text)
        if any(start <= m.start < end for start, end in own)
    ]


#: The constructions, and the words of the wire they are counted in.
CONSTRUCTIONS = {
    "scare quote": "words",
    "intensifier + evaluative": "own_words",
    "factive verb": "own_words",
}


def measure(documents: Iterable[Document]) -> dict:
    """Return words, own words and the matches of each construction (with their text)."""
    verbs = _naming_or_reporting()
    valences = _vader_valences()
    names = sorted((k for k, v in vader.BOOSTER_DICT.items() if v > 0), key=len, reverse=True)
    boosters = re.compile(rf"(?i)\b({'|'.join(map(re.escape, names))})\s+([a-z]+)\b")
    factive = factives()
    result = {"words": 0, "own_words": 0, **{key: [] for key in CONSTRUCTIONS}}
    seen = set()
    for document in documents:
        for paragraph in Article(document.text).paragraphs:
            if paragraph.text in seen:
                continue
            seen.add(paragraph.text)
            result["words"] += paragraph.words
            result["own_words"] += paragraph.voice.own_words
            for key, spans in (
                ("scare quote", scare_quotes(paragraph, verbs)),
                ("intensifier + evaluative", boosted_words(paragraph, boosters, valences)),
                ("factive verb", own_matches(paragraph, factive)),
            ):
                result[key] += [
                    paragraph.text[max(0, s - 60) : e + 20].replace("\n", " ") for s, e in spans
                ]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--examples", type=int, default=EXAMPLES)
    args = parser.parse_args(argv)
    wire = measure(wire_documents(args.data_dir))
    partisan = measure(partisan_documents(args.data_dir))
    for key, wire_words in CONSTRUCTIONS.items():
        wire_rate = 100_000 * len(wire[key]) / wire[wire_words]
        partisan_rate = 100_000 * len(partisan[key]) / partisan["own_words"]
        ratio = wire_rate / partisan_rate if partisan_rate else float("inf")
        verdict = "under half" if ratio < MAX_WIRE_RATIO else "not under half"
        print(
            f"{key}: wire {len(wire[key])} in {wire[wire_words]:,} {wire_words.replace('_', ' ')}"
            f" ({wire_rate:.1f} per 100k); partisan {len(partisan[key])} in "
            f"{partisan['own_words']:,} own words ({partisan_rate:.1f} per 100k); ratio "
            f"{ratio:.2f}: {verdict}"
        )
        for side, found in (("wire", wire[key]), ("partisan", partisan[key])):
            for example in random.Random(0).sample(found, min(args.examples, len(found))):
                print(f"    {side} | {example}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
