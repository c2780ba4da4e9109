"""The alignment development set: paragraph pairs from AllSides stories, labelled by hand.

A pair is a paragraph of the left or right article of an AllSides story and a paragraph of the
same story's center article. Labels follow docs/alignment-guidelines.md: ``aligned`` when the
partisan paragraph restates a claim of the center paragraph, in the same or in other words,
``unaligned`` when it does not. AllSides text may not be copied into the repository, so
``benchmarks/data/alignment-dev.csv`` holds only each pair's ids (story id, side, partisan
paragraph, center paragraph), how it was drawn, and the labels; this script rebuilds the texts
from ``DATA_DIR/allsides-roundups``. Paragraphs are numbered as ``framing.Article(text,
headline=False)`` numbers the article's crawled paragraphs joined by blank lines (0 is the first).

    python benchmarks/alignment_devset.py draw                 # (re)draw the pairs, seeded
    python benchmarks/alignment_devset.py sheet --labelling 1  # the pairs to label, no scores
    python benchmarks/alignment_devset.py merge --labels FILE  # a blind labelling, as `independent`
    python benchmarks/alignment_devset.py settle               # label from the adjudication file
    python benchmarks/alignment_devset.py agreement            # Cohen's kappa of the labellings
    python benchmarks/alignment_devset.py evaluate             # precision and recall
    python benchmarks/alignment_devset.py sweep                # the same at other thresholds

``draw`` picks, with a fixed seed, stories with all three sides; in each, one side (left or
right) and one of its paragraphs; then either the center paragraph that today's alignment scores
highest for it (``best``) or a random one (``random``). ``sheet`` prints the pairs in an order
of its own for each labelling (a different seed), without scores, without how each pair was
drawn and without the other labellings, for labelling blind. The set holds three labellings:
``first`` and ``second`` by one person (``sheet --labelling 1`` and ``2``; the second made
knowing the first) and ``independent`` by another, blind to both (``sheet --labelling 3``,
written to a ``key,label`` file and merged in by ``merge``, which changes no other column).
``settle`` sets ``label``: the labellings' label where they agree, and where any two differ the
label re-read from the guidelines and recorded with its reason in
``benchmarks/data/alignment-dev-adjudication.csv``. ``agreement`` prints Cohen's kappa, raw
agreement and per-label counts of the first labelling against the independent one (agreement
between two people) and against the second (one person's consistency). ``evaluate`` scores
every pair with the first alignment (``framing.comparisons._align_reference``) and with
:func:`framing.align`'s paraphrase-aware score, and prints each one's precision and recall of
``aligned`` against the adjudicated labels; then the same with the pairs it calls "maybe said
differently" counted as aligned, and how many of those and of the "not in the source" pairs are
labelled aligned.
``sweep`` prints precision and recall at other paraphrase thresholds and the share of pairs
labelled aligned in bands of the paraphrase score.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path

import numpy as np

from framing import Article
from framing.comparisons._align_reference import (
    CONTAINMENT_THRESHOLD,
    SIMILARITY_THRESHOLD,
    reference_scores,
)
from framing.comparisons.align import CLOSE_THRESHOLD, pair_scores
from framing.datasets import load_allsides

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import no_roundups

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))
PAIRS_FILE = REPO / "benchmarks" / "data" / "alignment-dev.csv"
#: The settled label of every pair on which the labellings differ, with the reason, in words of
#: docs/alignment-guidelines.md (no AllSides text).
ADJUDICATION_FILE = REPO / "benchmarks" / "data" / "alignment-dev-adjudication.csv"
#: The labellings: ``first`` and ``second`` by one person, ``independent`` by another.
LABELLINGS = ("first", "second", "independent")
FIELDS = (
    "story_id",
    "side",
    "paragraph",
    "source_paragraph",
    "drawn",
    "first",
    "second",
    "label",
    "independent",
)
LABELS = ("aligned", "unaligned")
#: The seed of the draw, and of each labelling's order: fixed, so the set is the same every run.
#: Labellings 1 and 2 are one person's (the second made knowing the first); labelling 3 is a
#: second person's, made blind to both and merged in as the ``independent`` column.
DRAW_SEED = 20211019
SHEET_SEEDS = {1: 1, 2: 2, 3: 3}
#: The columns that ``merge`` may fill from a labeller's file (the others are never rewritten).
MERGEABLE = ("independent",)
#: Pairs drawn: enough above the 150 asked for that a few unusable ones could be dropped.
PAIRS = 170
#: Share of pairs drawn as the best-scoring center paragraph (the rest are random ones).
BEST_SHARE = 0.6


def stories(data_dir: Path) -> dict[int, dict[str, Article]]:
    """Return each complete story's left, center and right articles, keyed by story id."""
    table = load_allsides(data_dir=data_dir, complete_only=True)
    found: dict[int, dict[str, Article]] = {}
    for row in table.itertuples():
        text = "\n\n".join(p for p in row.paragraphs if p.strip())
        if text.strip():
            found.setdefault(int(row.story_id), {})[row.side] = Article(text, headline=False)
    return {key: sides for key, sides in found.items() if len(sides) == 3}


def draw(data_dir: Path) -> list[dict]:
    """Return the pairs, drawn with :data:`DRAW_SEED` (no labels yet)."""
    by_story = stories(data_dir)
    rng = np.random.default_rng(DRAW_SEED)
    order = rng.permutation(sorted(by_story))
    pairs, seen = [], set()
    for story_id in order:
        if len(pairs) == PAIRS:
            break
        sides = by_story[int(story_id)]
        side = str(rng.choice(["left", "right"]))
        partisan, center = sides[side], sides["center"]
        paragraph = int(rng.integers(len(partisan.paragraphs)))
        if rng.random() < BEST_SHARE:
            containment, similarity = reference_scores(partisan, center)
            source, drawn = int(np.argmax(containment[paragraph] + similarity[paragraph])), "best"
        else:
            source, drawn = int(rng.integers(len(center.paragraphs))), "random"
        key = (int(story_id), side, paragraph, source)
        if key in seen:
            continue
        seen.add(key)
        pairs.append(dict(zip(FIELDS[:5], (*key, drawn), strict=True)))
    return pairs


def read_pairs(path: Path = PAIRS_FILE) -> list[dict]:
    """Return the pairs and their labels, as stored."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_pairs(pairs: list[dict], path: Path = PAIRS_FILE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        for pair in pairs:
            writer.writerow({field: pair.get(field, "") for field in FIELDS})


def pair_key(pair: dict) -> str:
    return f"{pair['story_id']}:{pair['side']}:{pair['paragraph']}:{pair['source_paragraph']}"


def texts(pair: dict, by_story: dict[int, dict[str, Article]]) -> tuple[str, str]:
    """Return the pair's partisan paragraph and center paragraph."""
    sides = by_story[int(pair["story_id"])]
    partisan = sides[pair["side"]].paragraphs[int(pair["paragraph"])]
    center = sides["center"].paragraphs[int(pair["source_paragraph"])]
    return partisan.text, center.text


def sheet(data_dir: Path, labelling: int) -> str:
    """Return the pairs to label, in this labelling's own order, with nothing but their texts."""
    pairs = read_pairs()
    by_story = stories(data_dir)
    order = np.random.default_rng(SHEET_SEEDS[labelling]).permutation(len(pairs))
    lines = []
    for number, index in enumerate(order, 1):
        pair = pairs[int(index)]
        partisan, center = texts(pair, by_story)
        lines += [
            f"=== {number} {pair_key(pair)}",
            f"SOURCE (center): {center}",
            f"ARTICLE ({pair['side']}): {partisan}",
            "",
        ]
    return "\n".join(lines)


def merge_labels(pairs: list[dict], labels_file: Path, column: str) -> list[dict]:
    """Return the pairs with ``column`` filled from a labeller's ``key,label`` CSV file.

    Every pair must be labelled exactly once, with a label in :data:`LABELS`, and every key
    must name a pair of the set; otherwise nothing is merged and ``ValueError`` says which.
    """
    if column not in MERGEABLE:
        raise ValueError(f"cannot merge into {column!r}; mergeable columns: {', '.join(MERGEABLE)}")
    with labels_file.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows or len(rows[0]) != 2 or rows[0][0].strip() != "key":
        raise ValueError(f"{labels_file}: the first line must be the header `key,{column}`")
    keys = {pair_key(pair) for pair in pairs}
    found: dict[str, str] = {}
    for line, row in enumerate(rows[1:], 2):
        if len(row) != 2:
            raise ValueError(f"{labels_file}:{line}: expected `key,label`, got {row!r}")
        key, label = row[0].strip(), row[1].strip()
        if key not in keys:
            raise ValueError(f"{labels_file}:{line}: {key!r} is not a pair of the set")
        if label not in LABELS:
            raise ValueError(
                f"{labels_file}:{line}: label {label!r} is not one of {', '.join(LABELS)}"
            )
        if key in found:
            raise ValueError(f"{labels_file}:{line}: {key!r} is labelled twice")
        found[key] = label
    missing = sorted(keys - set(found))
    if missing:
        raise ValueError(
            f"{labels_file}: {len(missing)} pair(s) not labelled, e.g. {missing[0]}; "
            "label every pair of the sheet"
        )
    return [{**pair, column: found[pair_key(pair)]} for pair in pairs]


def disputed(pair: dict) -> bool:
    """Return whether the pair's labellings differ (so its label was settled by re-reading)."""
    return len({pair[column] for column in LABELLINGS}) > 1


def settle(pairs: list[dict], decisions_file: Path = ADJUDICATION_FILE) -> list[dict]:
    """Return the pairs with ``label`` set: the labellings' label, or the settled one.

    ``decisions_file`` is a ``key,label,reason`` CSV that must settle every disputed pair and
    nothing else; otherwise ``ValueError`` says which pair is wrong.
    """
    with decisions_file.open(encoding="utf-8", newline="") as handle:
        decisions = {row["key"]: row for row in csv.DictReader(handle)}
    by_key = {pair_key(pair): pair for pair in pairs}
    for key, row in decisions.items():
        if key not in by_key or not disputed(by_key[key]):
            raise ValueError(f"{decisions_file}: {key!r} is not a pair whose labellings differ")
        if row["label"] not in LABELS or not row["reason"].strip():
            raise ValueError(f"{decisions_file}: {key!r} needs a label in {LABELS} and a reason")
    unsettled = [key for key, pair in by_key.items() if disputed(pair) and key not in decisions]
    if unsettled:
        raise ValueError(
            f"{decisions_file}: {len(unsettled)} disputed pair(s) not settled, e.g. "
            f"{unsettled[0]}; add a line `key,label,reason` for each"
        )
    return [
        {**pair, "label": decisions[key]["label"] if key in decisions else pair["first"]}
        for key, pair in ((pair_key(pair), pair) for pair in pairs)
    ]


def cohen_kappa(first: list[str], second: list[str]) -> float:
    """Return Cohen's kappa of two labellings of the same items."""
    observed = np.mean([a == b for a, b in zip(first, second, strict=True)])
    expected = sum(
        (first.count(label) / len(first)) * (second.count(label) / len(second))
        for label in set(first) | set(second)
    )
    return float((observed - expected) / (1 - expected)) if expected < 1 else 1.0


#: The comparisons ``agreement`` reports: (name, labelling, labelling, what the figure measures).
COMPARISONS = (
    ("first vs independent", "first", "independent", "two labellers, blind to each other"),
    ("first vs second", "first", "second", "one labeller twice, the second knowing the first"),
)


def agreement_report(pairs: list[dict]) -> str:
    """Return the labellings' agreement: kappa, raw agreement and each label's counts."""
    lines = [f"pairs {len(pairs)}"]
    for name, left, right, measures in COMPARISONS:
        first = [p[left] for p in pairs]
        second = [p[right] for p in pairs]
        agree = sum(a == b for a, b in zip(first, second, strict=True))
        lines.append(
            f"{name:<21} agree {agree:>3} ({agree / len(pairs):.3f})  "
            f"kappa {cohen_kappa(first, second):.3f}  ({measures})"
        )
        for label, other in (LABELS, LABELS[::-1]):
            count = sum(a == label and b == other for a, b in zip(first, second, strict=True))
            lines.append(f"  {left} {label}, {right} {other}: {count}")
    columns = ("first", "second", "independent", "label")
    lines.append(
        f"{'':<10} " + " ".join(f"{c.replace('label', 'adjudicated'):>11}" for c in columns)
    )
    for label in LABELS:
        counts = " ".join(f"{sum(p[c] == label for p in pairs):>11}" for c in columns)
        lines.append(f"{label:<10} {counts}")
    return "\n".join(lines)


def precision_recall(predicted: list[bool], gold: list[bool]) -> tuple[float, float, float]:
    hits = sum(p and g for p, g in zip(predicted, gold, strict=True))
    precision = hits / sum(predicted) if any(predicted) else 0.0
    recall = hits / sum(gold) if any(gold) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def scores(data_dir: Path, pairs: list[dict]) -> list[dict]:
    """Return, per pair, the first alignment's and today's scores and decisions."""
    by_story = stories(data_dir)
    cache: dict[tuple[int, str], tuple] = {}
    found = []
    for pair in pairs:
        story, side = int(pair["story_id"]), pair["side"]
        if (story, side) not in cache:
            partisan, center = by_story[story][side], by_story[story]["center"]
            cache[story, side] = (
                reference_scores(partisan, center),
                pair_scores(partisan, center),
            )
        (containment, similarity), new = cache[story, side]
        i, j = int(pair["paragraph"]), int(pair["source_paragraph"])
        found.append(
            {
                "old": bool(
                    containment[i, j] >= CONTAINMENT_THRESHOLD
                    or similarity[i, j] >= SIMILARITY_THRESHOLD
                ),
                "old_containment": float(containment[i, j]),
                "old_similarity": float(similarity[i, j]),
                "new_containment": float(new.containment[i, j]),
                "new_paraphrase": float(new.paraphrase[i, j]),
                "new": bool(new.aligned[i, j]),
                "maybe": bool(not new.aligned[i, j] and new.paraphrase[i, j] >= CLOSE_THRESHOLD),
            }
        )
    return found


#: Thresholds and score bands ``sweep`` prints: the figures behind the comments on
#: ``SIMILARITY_THRESHOLD`` and ``CLOSE_THRESHOLD`` in :mod:`framing.comparisons.align`.
SWEEP_THRESHOLDS = (0.12, 0.15, 0.16)
SWEEP_BANDS = ((0.15, 0.16), (0.09, 0.15), (0.06, 0.09), (0.03, 0.06), (0.0, 0.03))


def sweep_report(found: list[dict], gold: list[bool]) -> str:
    """Return recall and precision at other paraphrase thresholds, and each band's share aligned."""
    lines = [f"{'threshold':<10} {'P':>6} {'R':>6}  (containment or paraphrase at the threshold)"]
    for threshold in SWEEP_THRESHOLDS:
        predicted = [
            row["new_containment"] >= CONTAINMENT_THRESHOLD or row["new_paraphrase"] >= threshold
            for row in found
        ]
        precision, recall, _ = precision_recall(predicted, gold)
        lines.append(f"{threshold:<10.2f} {precision:>6.3f} {recall:>6.3f}")
    lines.append("paraphrase score band: pairs, labelled aligned")
    for low, high in SWEEP_BANDS:
        band = [
            g for row, g in zip(found, gold, strict=True) if low <= row["new_paraphrase"] < high
        ]
        share = f"{sum(band) / len(band):.0%}" if band else "-"
        lines.append(f"  [{low:.2f}, {high:.2f}) {len(band):>4} {sum(band):>4} ({share})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "command", choices=["draw", "sheet", "merge", "settle", "agreement", "evaluate", "sweep"]
    )
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--labelling", type=int, choices=sorted(SHEET_SEEDS), default=1)
    parser.add_argument("--labels", type=Path, help="merge: a `key,label` CSV of one labelling")
    parser.add_argument("--column", choices=MERGEABLE, default=MERGEABLE[0])
    args = parser.parse_args(argv)
    if args.command == "merge":
        if args.labels is None or not args.labels.is_file():
            print(
                "alignment_devset: error: merge needs --labels FILE, a `key,label` CSV "
                "(one line per pair of the sheet)",
                file=sys.stderr,
            )
            return 2
        try:
            pairs = merge_labels(read_pairs(), args.labels, args.column)
        except ValueError as error:
            print(f"alignment_devset: error: {error}", file=sys.stderr)
            return 2
        write_pairs(pairs)
        print(f"{len(pairs)} pairs: column {args.column} merged from {args.labels}")
        return 0
    if no_roundups(args.data_dir, "alignment_devset"):
        return 2
    if args.command == "draw":
        pairs = draw(args.data_dir)
        write_pairs(pairs)
        drawn = [p["drawn"] for p in pairs]
        print(f"{len(pairs)} pairs: {drawn.count('best')} best, {drawn.count('random')} random")
        return 0
    if args.command == "sheet":
        print(sheet(args.data_dir, args.labelling))
        return 0
    pairs = read_pairs()
    if args.command == "settle":
        try:
            settled = settle(pairs)
        except ValueError as error:
            print(f"alignment_devset: error: {error}", file=sys.stderr)
            return 2
        write_pairs(settled)
        changes = [(old["label"], new["label"]) for old, new in zip(pairs, settled, strict=True)]
        print(
            f"{sum(disputed(p) for p in pairs)} disputed pairs settled; label changed on "
            f"{sum(a != b for a, b in changes)}: "
            + ", ".join(f"{a} -> {b} {changes.count((a, b))}" for a, b in (LABELS, LABELS[::-1]))
        )
        return 0
    if args.command == "agreement":
        print(agreement_report(pairs))
        return 0
    gold = [p["label"] == "aligned" for p in pairs]
    found = scores(args.data_dir, pairs)
    if args.command == "sweep":
        print(sweep_report(found, gold))
        return 0
    print(f"{len(pairs)} pairs, {sum(gold)} labelled aligned")
    print(f"{'method':<34} {'P':>6} {'R':>6} {'F1':>6} {'found':>6}")
    for name, key in (("first alignment (reference)", "old"), ("paraphrase-aware (align)", "new")):
        predicted = [row[key] for row in found]
        precision, recall, f1 = precision_recall(predicted, gold)
        print(f"{name:<34} {precision:>6.3f} {recall:>6.3f} {f1:>6.3f} {sum(predicted):>6}")
    missed = [g for row, g in zip(found, gold, strict=True) if not row["old"]]
    print(f"first alignment, unaligned: {len(missed)} pairs, {sum(missed)} labelled aligned")
    predicted = [row["new"] or row["maybe"] for row in found]
    precision, recall, f1 = precision_recall(predicted, gold)
    name = "paraphrase-aware, with maybe"
    print(f"{name:<34} {precision:>6.3f} {recall:>6.3f} {f1:>6.3f} {sum(predicted):>6}")
    maybe = [g for row, g in zip(found, gold, strict=True) if row["maybe"]]
    below = [g for row, g in zip(found, gold, strict=True) if not row["new"] and not row["maybe"]]
    print(
        f"maybe said differently: {len(maybe)} pairs, {sum(maybe)} labelled aligned; "
        f"not in the source: {len(below)} pairs, {sum(below)} labelled aligned"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
