"""Print the named-source misses of the PolNeAR benchmark's ``named`` figure, grouped by cause.

A *miss* is an annotated attribution that ``benchmarks/polnear_voice.py`` counts for ``named``
(a speech-verb cue and a source span with a name word) whose key (:func:`polnear_voice.head_key`)
is not found among the sources the detector names for the cue's paragraph
(:func:`polnear_voice.found_among`). Each miss gets the first
cause that fits, in this order:

- ``quote-relative``: "said the woman, who ...": the source span sits after the cue and a
  relative pronoun follows it;
- ``elsewhere``: the annotators' source lies in another paragraph than the cue;
- ``poll``: the cue or source speaks of a poll, survey or share ("percent", "poll");
- ``pronoun-wrong``: the annotators' source holds "he" or "she" ... (never, since a pronoun span
  has no key; kept for the detector's side: the detector's attribution at the cue has a pronoun
  resolved to a name that lacks the key);
- ``no-attribution``: the detector has no attribution whose verb starts at the cue's first
  character (cues that are a phrase, "according to", start where the phrase starts);
- ``no-source``: it has one, with no source at all;
- ``dash-appositive``: the annotators' source holds a dash;
- ``key-missing``: it has one with sources, none of which holds the key word (a title, an
  appositive or a parenthesis cut wrongly, or another name taken);

With ``--show N`` it prints N examples of each cause (source, cue, detected sources).

    python benchmarks/polnear_named_misses.py [--data-dir ../shared/data] [--show 5]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear_voice import (
    DEFAULT_DATA,
    found_among,
    gold_of,
    head_key,
    is_speech_cue,
    speech_forms,
)

from framing.datasets import load_polnear, load_polnear_attributions
from framing.text.segment import BlankLineSegmenter
from framing.voice import detect_voices

CAUSES = (
    "quote-relative",
    "elsewhere",
    "poll",
    "no-attribution",
    "no-source",
    "pronoun-wrong",
    "dash-appositive",
    "key-missing",
)
_POLL = re.compile(r"\b(polls?|survey|percent|%)", re.I)


def misses(data_dir: Path) -> list[tuple[str, str, str, str, str]]:
    """Return each miss as (cause, source, cue, the paragraph, the detector's sources)."""
    articles = load_polnear("train", data_dir=data_dir)
    table = load_polnear_attributions("train", data_dir=data_dir)
    source_at = {
        (doc, str(cue)): str(src)
        for doc, cue, src in zip(
            table["doc_id"], table["cue_start"], table["source_start"], strict=True
        )
    }
    gold = gold_of(table)
    forms = speech_forms()
    segmenter = BlankLineSegmenter()
    found: list[tuple[str, str, str, str, str]] = []
    for doc_id, text in zip(articles["doc_id"], articles["text"], strict=True):
        paragraphs = segmenter.split(text)
        texts = [text[a:b] for a, b in paragraphs]
        voices = detect_voices(texts)
        for cue_start, source, cue in gold[doc_id].attributions if doc_id in gold else ():
            key = head_key(source)
            if key is None or not is_speech_cue(cue, forms):
                continue
            index = next(i for i, (a, b) in enumerate(paragraphs) if a <= cue_start < b)
            start, end = paragraphs[index]
            voice = voices[index]
            if found_among(key, source, [s.name for s in voice.sources]):
                continue
            paragraph = texts[index]
            at = cue_start - start
            source_start = source_at.get((doc_id, str(cue_start)), "<NA>")
            here = [
                a for a in voice.attributions if a.verb_start <= at < a.verb_end or a.start == at
            ]
            position = (
                int(source_at.get((doc_id, str(cue_start)), "-1").replace("<NA>", "-1")) - start
            )
            if position > at and re.match(r"\s*,?\s*who\b", paragraph[position + len(source) :]):
                cause = "quote-relative"
            elif source_start != "<NA>" and not start <= int(source_start) < end:
                cause = "elsewhere"
            elif _POLL.search(source) or _POLL.search(cue):
                cause = "poll"
            elif not here:
                cause = "no-attribution"
            elif not any(a.sources for a in here):
                cause = "no-source"
            elif any(a.source_text.lower() in ("he", "she") for a in here):
                cause = "pronoun-wrong"
            elif "\u2014" in source or "\u2013" in source or " -- " in source:
                cause = "dash-appositive"
            else:
                cause = "key-missing"
            detected = "; ".join(f"{a.source_text!r}->{[s.name for s in a.sources]}" for a in here)
            found.append((cause, source, cue, paragraph, detected))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args(argv)
    found = misses(args.data_dir)
    counts = Counter(cause for cause, *_ in found)
    print(f"named-source misses on PolNeAR train: {len(found)}")
    for cause in CAUSES:
        print(f"{cause:<16} {counts[cause]:>5}")
    if args.show:
        by_cause = defaultdict(list)
        for item in found:
            by_cause[item[0]].append(item)
        chooser = random.Random(0)
        for cause in CAUSES:
            items = by_cause[cause]
            print(f"\n== {cause}")
            shown = chooser.sample(items, min(args.show, len(items)))
            for _, source, cue, paragraph, detected in shown:
                print(f"- source {source!r} cue {cue!r} | detected {detected}")
                print(f"    {paragraph[:300]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
