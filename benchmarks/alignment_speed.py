"""Alignment speed: the indexed alignment against the first, all-pairs one, in one run.

Builds long texts from real reporting: the left and right articles of the AllSides stories,
joined in story order, as the "partisan" article, and the center articles with AllSides' own
summaries of the stories as its "source" (a blank line between paragraphs). The full pair has
the lengths of the case that took 367 s (a 45,821-word article against a 42,918-word source);
the first alignment (``framing.comparisons._align_reference``) is timed on a smaller pair cut
from the same texts (``--reference-words``), and the indexed one on both, so that the ratio
comes from one run on one machine. The two must check every quote alike (asserted here on the
small pair; tests/test_align.py checks that and the containment of every pair on every
AllSides story).

    python benchmarks/alignment_speed.py [--data-dir ../shared/data] [--reference-words 4000]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from framing import Article
from framing.comparisons._align_reference import reference_align
from framing.comparisons.align import align
from framing.datasets import load_allsides

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import no_roundups

from framing.text.words import count_words

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))
#: The lengths, in words, of the article and the source that took 367 s (issue 14).
ARTICLE_WORDS = 45_821
SOURCE_WORDS = 42_918


def long_text(paragraphs: list[str], words: int) -> str:
    """Return the first paragraphs that together reach ``words`` words, blank-line separated."""
    kept, total = [], 0
    for paragraph in paragraphs:
        if total >= words:
            break
        kept.append(paragraph)
        total += count_words(paragraph)
    if total < words:
        raise SystemExit(f"alignment_speed: error: only {total} words of text, {words} asked for")
    return "\n\n".join(kept)


def paragraphs_by_side(data_dir: Path) -> dict[str, list[str]]:
    """Return the left and right articles' paragraphs, and the center articles' and roundups'."""
    table = load_allsides(data_dir=data_dir, include_roundup=True)
    table = table.sort_values(["story_id", "side"])
    found: dict[str, list[str]] = {"partisan": [], "center": []}
    for row in table.itertuples():
        key = "center" if row.side in ("center", "roundup") else "partisan"
        found[key].extend(p.strip() for p in row.text.split("\n\n") if p.strip())
    return found


def same_check(fast, reference) -> bool:
    """Return whether two checks of a quote agree where they must (see ``_best_span``)."""
    if fast.fidelity != "not_found":
        return fast == reference
    return reference.fidelity == "not_found" and fast.similarity <= reference.similarity


def timed(function, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--reference-words", type=int, default=4_000)
    args = parser.parse_args(argv)
    if no_roundups(args.data_dir, "alignment_speed"):
        return 2
    sides = paragraphs_by_side(args.data_dir)
    # Imports and lazily loaded resources (scikit-learn, the stemmer, the lexicon) are loaded
    # before timing, so that neither method pays them.
    for function in (align, reference_align):
        function("Talks failed on Monday, officials said.", ["On Monday the talks failed."])
    small = args.reference_words
    cases = [
        ("small", long_text(sides["partisan"], small), long_text(sides["center"], small)),
        (
            "full",
            long_text(sides["partisan"], ARTICLE_WORDS),
            long_text(sides["center"], SOURCE_WORDS),
        ),
    ]
    print(f"{'pair':<6} {'article words':>13} {'source words':>12} {'method':<10} {'seconds':>8}")
    seconds = {}
    for name, partisan_text, source_text in cases:
        partisan = Article(partisan_text, headline=False)
        source = Article(source_text, headline=False)
        sizes = f"{count_words(partisan_text):>13,} {count_words(source_text):>12,}"
        methods = [("indexed", align)] + (
            [("reference", reference_align)] if name == "small" else []
        )
        for method, function in methods:
            elapsed, result = timed(function, partisan, {"source": source})
            seconds[name, method] = elapsed
            print(f"{name:<6} {sizes} {method:<10} {elapsed:>8.2f}")
            if method == "reference":
                # The two must check every quote alike (tests/test_align.py checks that, and the
                # containment of every pair, on every AllSides story).
                fast = align(partisan, {"source": source}).rows
                quotes = [q for r in fast for q in r.quotes]
                assert all(map(same_check, quotes, [q for r in result.rows for q in r.quotes])), (
                    "quotes differ"
                )
    ratio = seconds["small", "reference"] / seconds["small", "indexed"]
    print(f"reference / indexed on the small pair: {ratio:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
