"""The wire-copy audit of the loaded-language lexicon: each entry's rate in neutral reporting
against its rate in partisan outlets' own words.

Reference corpus (neutral reporting, all of its words):

- the AllSides center articles whose ``source`` is the Associated Press or Reuters;
- the PolNeAR (train) articles credited to a wire service (``wire`` of ``metadata.tsv``: AP,
  AFP, UPI, Reuters);
- the DoD/CENTCOM release that the seed quotes.

Partisan corpus: the outlet's own words (voice ``own``, :mod:`framing.voice`) of the AllSides
left and right articles. A match belongs to the voice of the segment where it starts.

For every entry that matches at least once in the reference corpus, the script prints its count
and rate per 100,000 words in both corpora and the decision recorded for it in the lexicon
files: ``keep``, ``restrict`` (the entry has a ``context`` rule in ``loaded_language.tsv``, or
a ``term-of-art`` row shields it) or ``drop`` (moved to ``loaded_language_dropped.tsv``, which
this script reads too, so that a rerun shows the dropped entries' figures). Figures are those
of each entry matched alone against the whole text, with no context rule, and then, for the
entries kept or restricted, with the bundled lexicon as it is (``after``).

``--markdown`` prints the table as it stands in LEXICONS.md.

    python benchmarks/wire_audit.py [--data-dir ../shared/data] [--markdown]
"""

from __future__ import annotations

import argparse
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from framing.article import Article
from framing.datasets.loaders import load_allsides, load_polnear, source_path
from framing.measures.lexicon import Lexicon, LexiconInfo, load_lexicon, read_table

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))

#: AllSides ``source`` values of the two agencies in the center column.
ALLSIDES_WIRES = ("Associated Press", "Reuters")
#: The sides whose articles are the partisan outlets.
PARTISAN_SIDES = ("left", "right")
#: The file of entries that the audit dropped, with the figures that dropped them.
DROPPED_FILE = "loaded_language_dropped.tsv"


@dataclass
class Document:
    """One article of a corpus: its group (outlet) and text."""

    corpus: str
    group: str
    text: str


@dataclass
class Tally:
    """Words and matches by entry, over the own words or over all words of some articles."""

    words: int = 0
    own_words: int = 0
    matches: Counter = field(default_factory=Counter)
    own_matches: Counter = field(default_factory=Counter)
    own_articles: Counter = field(default_factory=Counter)


def wire_documents(data_dir: Path) -> list[Document]:
    """Return the reference corpus of neutral reporting (see the module's docstring)."""
    sides = load_allsides(data_dir)
    center = sides[(sides["side"] == "center") & sides["source"].isin(ALLSIDES_WIRES)]
    documents = [
        Document("allsides", f"AllSides {source}", text)
        for source, text in zip(center["source"], center["text"], strict=True)
    ]
    polnear = load_polnear("train", data_dir)
    wires = polnear[polnear["wire"].notna()]
    documents += [
        Document("polnear", f"PolNeAR wire ({wire.upper() if len(wire) <= 3 else wire.title()})", t)
        for wire, t in zip(wires["wire"], wires["text"], strict=True)
    ]
    documents.append(Document("dod", "DoD release", source_path().read_text(encoding="utf-8")))
    return documents


def partisan_documents(data_dir: Path) -> list[Document]:
    """Return the AllSides left and right articles, grouped by side."""
    sides = load_allsides(data_dir)
    chosen = sides[sides["side"].isin(PARTISAN_SIDES)]
    return [
        Document("allsides", f"AllSides {side}", text)
        for side, text in zip(chosen["side"], chosen["text"], strict=True)
    ]


def tally(documents: Iterable[Document], lexicon: Lexicon) -> Tally:
    """Return the words, own words and matches by entry term of ``documents``, each distinct
    paragraph once, and the number of articles whose own words hold each entry."""
    result = Tally()
    seen = set()
    for document in documents:
        article = Article(document.text, lexicon=lexicon)
        own_terms = set()
        for paragraph in article.paragraphs:
            # PolNeAR holds some wire stories twice, in versions that differ a little: a
            # paragraph seen before is counted once.
            if paragraph.text in seen:
                continue
            seen.add(paragraph.text)
            voice = paragraph.voice
            result.words += paragraph.words
            result.own_words += voice.own_words
            own = [(s.start, s.end) for s in voice.segments if s.voice == "own"]
            for match in paragraph.loaded_matches:
                result.matches[match.term] += 1
                if any(start <= match.start < end for start, end in own):
                    result.own_matches[match.term] += 1
                    own_terms.add(match.term)
        result.own_articles.update(own_terms)
    return result


def per_100k(count: int, words: int) -> float:
    """Return ``count`` per 100,000 words."""
    return 100_000 * count / words if words else float("nan")


def audit_lexicon() -> tuple[Lexicon, dict[str, str]]:
    """Return every entry ever in the lexicon (kept, restricted and dropped), each to be matched
    without its context rule, and each term's decision.

    An entry is ``restrict`` when it has a context rule, or when a ``term-of-art`` row holds it
    (the row's own text matches it).
    """
    with resources.as_file(resources.files("framing") / "data" / "lexicons") as folder:
        current = read_table(folder / "loaded_language.tsv")
        dropped = read_table(folder / DROPPED_FILE)
    kept = [entry for entry in current.entries if entry.context != "term-of-art"]
    plain = Lexicon([entry.without_context() for entry in kept])
    shielded = {
        match.term
        for entry in current.entries
        if entry.context == "term-of-art"
        for match in plain.match(entry.term)
    }
    decisions = {
        entry.term: "restrict" if entry.context or entry.term in shielded else "keep"
        for entry in kept
    }
    decisions.update((entry.term, "drop") for entry in dropped.entries)
    entries = [entry.without_context() for entry in (*kept, *dropped.entries)]
    return Lexicon(entries, info=LexiconInfo(name="audit")), decisions


def audit_rows(data_dir: Path) -> tuple[list[dict], dict[str, int]]:
    """Return one row per entry seen in the reference corpus, and the corpora's word counts."""
    lexicon, decisions = audit_lexicon()
    wire_docs, partisan_docs = wire_documents(data_dir), partisan_documents(data_dir)
    wire, partisan = tally(wire_docs, lexicon), tally(partisan_docs, lexicon)
    bundled = load_lexicon("loaded")
    wire_after, partisan_after = tally(wire_docs, bundled), tally(partisan_docs, bundled)
    sizes = {
        "wire_words": wire.words,
        "wire_own_words": wire.own_words,
        "wire_own_matches": sum(wire.own_matches.values()),
        "wire_own_matches_after": sum(wire_after.own_matches.values()),
        "partisan_own_words": partisan.own_words,
        "wire_matches": sum(wire.matches.values()),
        "partisan_own_matches": sum(partisan.own_matches.values()),
        "wire_matches_after": sum(wire_after.matches.values()),
        "partisan_own_matches_after": sum(partisan_after.own_matches.values()),
    }
    rows = []
    for term, count in wire.matches.items():
        own = partisan.own_matches[term]
        decision = decisions[term]
        wire_own = wire.own_matches[term]
        rows.append(
            {
                "term": term,
                "wire": count,
                "wire_rate": per_100k(count, wire.words),
                "wire_own": wire_own,
                "wire_own_articles": wire.own_articles[term],
                "wire_own_rate": per_100k(wire_own, wire.own_words),
                "partisan_own": own,
                "partisan_rate": per_100k(own, partisan.own_words),
                "decision": decision,
                "wire_after": wire_after.own_matches[term] if decision != "drop" else 0,
                "partisan_after": partisan_after.own_matches[term] if decision != "drop" else 0,
            }
        )
    rows.sort(key=lambda row: (-row["wire_own"], -row["wire"], row["term"]))
    return rows, sizes


def _ratio(row: dict) -> str:
    if not row["partisan_rate"]:
        return "inf" if row["wire_own_rate"] else "-"
    return f"{row['wire_own_rate'] / row['partisan_rate']:.2f}"


def _rate_line(label: str, sizes: dict[str, int], suffix: str) -> str:
    def rate(matches: str, words: str) -> str:
        count = sizes[matches + suffix]
        return f"{count} ({per_100k(count, sizes[words]):.0f} per 100k)"

    return (
        f"{label}: wire all words {rate('wire_matches', 'wire_words')}, wire own words "
        f"{rate('wire_own_matches', 'wire_own_words')}, partisan own words "
        f"{rate('partisan_own_matches', 'partisan_own_words')}"
    )


def print_table(rows: Sequence[dict], sizes: dict[str, int], *, markdown: bool) -> None:
    """Print the audit table, plain or as Markdown."""
    bullet = "- " if markdown else ""
    print(
        f"{bullet}reference (wire) words: {sizes['wire_words']:,}, of them own words: "
        f"{sizes['wire_own_words']:,}; partisan own words: {sizes['partisan_own_words']:,}"
    )
    print(bullet + _rate_line("every entry ever, no context rule", sizes, ""))
    print(bullet + _rate_line("bundled lexicon", sizes, "_after"))
    if markdown:
        print()
        print(
            "| entry | wire n | wire own n (articles) | wire own /100k | partisan own n "
            "| partisan own /100k | ratio | decision | after: wire own n | after: partisan own n |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|")
        for row in rows:
            print(
                f"| `{row['term']}` | {row['wire']} | {row['wire_own']} "
                f"({row['wire_own_articles']}) | "
                f"{row['wire_own_rate']:.1f} | {row['partisan_own']} | "
                f"{row['partisan_rate']:.1f} | {_ratio(row)} | {row['decision']} | "
                f"{row['wire_after']} | {row['partisan_after']} |"
            )
        return
    header = (
        f"{'entry':<28} {'wire n':>6} {'own n':>6} {'arts':>4} {'/100k':>7} {'part n':>6} "
        f"{'/100k':>7} {'ratio':>6} {'decision':<9} {'after':>5} {'after':>5}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['term']:<28} {row['wire']:>6} {row['wire_own']:>6} "
            f"{row['wire_own_articles']:>4} "
            f"{row['wire_own_rate']:>7.1f} {row['partisan_own']:>6} "
            f"{row['partisan_rate']:>7.1f} {_ratio(row):>6} {row['decision']:<9} "
            f"{row['wire_after']:>5} {row['partisan_after']:>5}"
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    rows, sizes = audit_rows(args.data_dir)
    print_table(rows, sizes, markdown=args.markdown)


if __name__ == "__main__":
    main()
