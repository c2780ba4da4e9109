"""Forms that the lexicon's entries imply and are missing: the -ly adverb of a loaded adjective,
the plural of a loaded noun, the other forms of a loaded verb phrase.

The rule (written before BABE was run on any of its results; BABE is not read here):

1. Base entries: one word, no glob, counted anywhere (no ``context`` rule), in a category whose
   words are evaluative (:data:`ADVERB_CATEGORIES`, :data:`PLURAL_CATEGORIES`).
2. Adverb: a base that ends like an English adjective (:data:`ADJECTIVE_ENDINGS`: "spiteful",
   "contemptuous", "vindictive", "condescending") gives its -ly adverb by the regular spelling
   rules (:func:`adverb`: "feeble" -> "feebly", "majestic" -> "majestically", else "+ly").
   ``partisan-label`` and ``loaded-saying`` give none: the adverb of a label ("radically")
   labels no side, and the adverb of a verb of saying ("shrilly") is no verb of saying.
3. Plural: a base that is a noun by its category (an insult label for a person, ``derogatory``
   and ``dehumanising``) or by its ending (:data:`NOUN_ENDINGS`: "deception", "resentment",
   "calamity", "treachery") gives its regular plural (:func:`plural`).
4. Verb forms: a phrase entry whose first word is a regular form (base, -s, -ed, -ing;
   :func:`verb_forms`) of a verb, where the lexicon lists at least two forms of that verb before
   the same words, all counted anywhere and in one category ("caved in", "caves in"), implies
   the verb's other regular forms before them ("cave in"). The -ed form is made only where an
   -ed form is listed (a verb whose past the lexicon writes irregularly, "tore into", gets
   none), and the doubled consonant ("ripped", "ripping") only where a listed form has it.
5. The form (each word of it) is a word of TextBlob's English spelling list (about 29,000
   words, the list the lexicon's globs were checked against), and no entry matches it already,
   whether kept, restricted or dropped by the wire-copy audit (a dropped entry never comes back
   by a form).
6. The wire-copy audit's rule decides, on the corpora of :mod:`benchmarks.wire_audit`: a form
   that the wire uses as its own in 2 articles or more at a rate of at least half the partisan
   own-word rate is not added.

Each candidate is printed with its base, its category and its counts; the forms added are rows
of ``loaded_language.tsv`` whose reason starts with "adverb of", "plural of" or "verb form
of".

    python -m benchmarks.lexicon_forms [--data-dir ../shared/data]
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from benchmarks.wire_audit import (
    DEFAULT_DATA,
    audit_lexicon,
    partisan_documents,
    per_100k,
    tally,
    wire_documents,
)
from framing.measures.lexicon import Entry, Lexicon, LexiconInfo

#: Categories whose adjectives ask for a judgement, so that their -ly adverbs do too.
ADVERB_CATEGORIES = (
    "emotive-negative",
    "glorifying",
    "hyperbole",
    "certainty",
    "discrediting",
    "scare",
    "derogatory",
    "sensational",
)
#: Categories of labels for people, whose entries are nouns by the category's definition.
PLURAL_CATEGORIES = ("derogatory", "dehumanising")
#: Categories whose nouns are loaded by what they name ("deception", "calamity").
NOUN_CATEGORIES = ("emotive-negative", "glorifying", "scare", "discrediting")
#: Endings of English adjectives (derivational suffixes and participles used as adjectives).
ADJECTIVE_ENDINGS = (
    "ous",
    "ful",
    "ive",
    "ic",
    "ent",
    "ant",
    "ish",
    "less",
    "able",
    "ible",
    "al",
    "ing",
    "ed",
    "id",
)
#: Endings of English abstract nouns.
NOUN_ENDINGS = ("tion", "sion", "ment", "ity", "ery", "ance", "ence", "ness")
#: How the reason of a form added to ``loaded_language.tsv`` starts.
FORM_REASONS = ("adverb of ", "plural of ", "verb form of ")
#: The wire-copy audit's drop rule (benchmarks/wire_audit.py).
MIN_WIRE_ARTICLES = 2
MAX_WIRE_RATIO = 0.5


@dataclass(frozen=True)
class Form:
    """A form implied by an entry: the form, its base entry and how it was made."""

    term: str
    base: Entry
    kind: str


def adverb(word: str) -> str:
    """Return the regular -ly adverb of an adjective.

    >>> [adverb(w) for w in ("feeble", "majestic", "mighty", "spiteful")]
    ['feebly', 'majestically', 'mightily', 'spitefully']
    """
    if word.endswith("le") and not word.endswith("ile"):
        return word[:-1] + "y"
    if word.endswith("ic"):
        return word + "ally"
    if word.endswith("y"):
        return word[:-1] + "ily"
    return word + "ly"


def plural(word: str) -> str:
    """Return the regular plural of a noun.

    >>> [plural(w) for w in ("calamity", "genius", "deception")]
    ['calamities', 'geniuses', 'deceptions']
    """
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    return word + "s"


def verb_forms(base: str, *, doubled: bool = False) -> dict[str, str]:
    """Return the regular forms of a verb: ``base``, ``s``, ``ed`` and ``ing``.

    >>> verb_forms("cave"), verb_forms("rip", doubled=True)["ing"], verb_forms("cry")["ed"]
    ({'base': 'cave', 's': 'caves', 'ed': 'caved', 'ing': 'caving'}, 'ripping', 'cried')
    """
    consonant_y = base.endswith("y") and base[-2:-1] not in tuple("aeiou")
    silent_e = base.endswith("e") and not base.endswith(("ee", "ye", "oe"))
    stem = base + base[-1] if doubled else base[:-1] if silent_e else base
    if base.endswith(("s", "x", "z", "ch", "sh")):
        third = base + "es"
    else:
        third = base[:-1] + "ies" if consonant_y else base + "s"
    if base.endswith("e"):
        past = base + "d"
    else:
        past = base[:-1] + "ied" if consonant_y else stem + "ed"
    return {"base": base, "s": third, "ed": past, "ing": stem + "ing"}


def _bases(word: str) -> set[str]:
    """Return the words that ``word`` may be a regular verb form of."""
    cuts = (word[:-1], word[:-2], word[:-3], word[:-4], word[:-2] + "e", word[:-3] + "e")
    return {word, *cuts, word[:-3] + "y"}


def phrase_verb_forms(entries: Iterable[Entry], words: set[str]) -> list[Form]:
    """Return the verb forms that the phrase entries imply (point 4)."""
    by_rest: dict[str, dict[str, Entry]] = {}
    for entry in entries:
        first, _, rest = entry.term.partition(" ")
        if rest and not entry.context and "*" not in entry.term and "-" not in first:
            by_rest.setdefault(rest, {})[first] = entry
    forms = []
    for rest, listed in by_rest.items():
        for base in sorted({b for first in listed for b in _bases(first)} & words):
            for doubled in (False, True):
                paradigm = verb_forms(base, doubled=doubled)
                found = {kind: listed[f] for kind, f in paradigm.items() if f in listed}
                if len(found) < 2 or len({entry.category for entry in found.values()}) != 1:
                    continue
                model = next(iter(found.values()))
                for kind, form in paradigm.items():
                    if kind in found or (kind == "ed" and "ed" not in found) or form not in words:
                        continue
                    forms.append(Form(f"{form} {rest}", model, "verb form"))
    return forms


def spelling_words() -> set[str]:
    """Return the words of TextBlob's English spelling list, lower-cased."""
    text = resources.files("textblob").joinpath("en", "en-spelling.txt").read_text("utf-8")
    return {
        line.split()[0].lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith(";")
    }


def implied_forms(entries: Iterable[Entry]) -> list[Form]:
    """Return the adverbs and plurals that ``entries`` imply by the rule (points 1-3)."""
    forms = []
    for entry in entries:
        term = entry.term
        if entry.context or " " in term or "*" in term or "-" in term:
            continue
        if entry.category in ADVERB_CATEGORIES and term.endswith(ADJECTIVE_ENDINGS):
            forms.append(Form(adverb(term), entry, "adverb"))
        if entry.category in PLURAL_CATEGORIES or (
            entry.category in NOUN_CATEGORIES and term.endswith(NOUN_ENDINGS)
        ):
            forms.append(Form(plural(term), entry, "plural"))
    return forms


def _covered(lexicon: Lexicon, term: str) -> bool:
    """Return whether one entry of ``lexicon`` matches the whole of ``term``."""
    return any(m.start == 0 and m.end == len(term) for m in lexicon.match(term))


def candidates(data_dir: Path) -> list[dict]:
    """Return the implied forms that are English words and new (point 4), with their figures
    on the wire and partisan corpora and whether the audit's rule lets them in (point 5)."""
    audit, _ = audit_lexicon()
    # The forms already added are left out of what "no entry matches it" reads, so that a
    # rerun prints the same list.
    written = [entry for entry in audit.entries if not entry.reason.startswith(FORM_REASONS)]
    existing = Lexicon(written, info=LexiconInfo(name="written"))
    words = spelling_words()
    implied = implied_forms(written) + phrase_verb_forms(written, words)
    forms = [
        form
        for form in implied
        if all(word in words for word in form.term.split()) and not _covered(existing, form.term)
    ]
    forms = list({form.term: form for form in forms}.values())
    lexicon = Lexicon(
        [Entry(form.term, form.base.category) for form in forms], info=LexiconInfo(name="forms")
    )
    wire = tally(wire_documents(data_dir), lexicon)
    partisan = tally(partisan_documents(data_dir), lexicon)
    rows = []
    for form in forms:
        wire_rate = per_100k(wire.own_matches[form.term], wire.own_words)
        partisan_rate = per_100k(partisan.own_matches[form.term], partisan.own_words)
        dropped = (
            wire.own_articles[form.term] >= MIN_WIRE_ARTICLES
            and wire_rate >= MAX_WIRE_RATIO * partisan_rate
        )
        rows.append(
            {
                "term": form.term,
                "kind": form.kind,
                "base": form.base.term,
                "category": form.base.category,
                "wire": wire.matches[form.term],
                "wire_own": wire.own_matches[form.term],
                "wire_own_articles": wire.own_articles[form.term],
                "partisan_own": partisan.own_matches[form.term],
                "decision": "drop" if dropped else "add",
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    rows = candidates(args.data_dir)
    added = sum(row["decision"] == "add" for row in rows)
    print(f"implied forms: {len(rows)}; added: {added}")
    print("form\tkind\tbase\tcategory\twire n\twire own n (articles)\tpartisan own n\tdecision")
    for row in rows:
        print(
            f"{row['term']}\t{row['kind']}\t{row['base']}\t{row['category']}\t{row['wire']}\t"
            f"{row['wire_own']} ({row['wire_own_articles']})\t{row['partisan_own']}\t"
            f"{row['decision']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
