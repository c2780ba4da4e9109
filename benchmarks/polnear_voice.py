"""Who speaks, measured against PolNeAR's human annotators (training compartment).

Reads PolNeAR (:func:`framing.datasets.load_polnear` and
:func:`framing.datasets.load_polnear_attributions`), splits each article into paragraphs with
:class:`framing.text.segment.BlankLineSegmenter`, runs the rule-based voice detector
(:func:`framing.voice.detect_voices`, one call per article) and two baselines, and prints, for
all articles and per publisher:

``aoq`` (attributed-or-quoted words), token level over the words of
:data:`framing.text.words.WORD` in each paragraph. A word is *inside* a set of character
spans when its first and its last character are. Gold: the word is inside the content span of
some attribution (every piece of a discontinuous span counts). Detected: the detector's segment
that covers the word's first character has voice ``quoted``, or has voice ``attributed`` and the
word does not start inside the source-and-verb span of one of the detector's attributions
(``Attribution.start:end``, "Sen. Joe Manchin said", "According to CBS News"): PolNeAR's content
is what is attributed, never the words that attribute it, and the detector says which words
those are. ``--detected coverage`` gives this benchmark's first definition instead, every word
of an ``attributed`` segment, source and verb included. Precision, recall and F1 over the words
of all articles (micro-averaged).

``quoted`` (words inside quotation marks), token level over the same words. A *reference
quotation* is a stretch between paired marks found by :func:`reference_quotes`: a curly
“…”, a straight "…" (marks paired left to right within the paragraph), a PTB ``…'' or two
apostrophes ''…''. Gold: the word is inside a reference quotation and inside a content span (so
scare quotes around a word nobody said are not gold). Detected: the covering segment's voice is
``quoted``.

``named`` (named source of a speech verb): the attributions whose cue holds a speech verb (a
form of :func:`framing.voice.verbs.load_reporting_verbs`, or "according to") and whose source
span holds a *name word*: a word that starts with a capital letter and is neither a pronoun nor
a title (:data:`PRONOUNS`, :data:`TITLES`), possessive "'s" removed. The key of such a source
is the last name word of its first name (:func:`source_key`): the first run of capitalised words
in the span, titles inside it allowed, ended by any punctuation but a point ("Sen. Lindsey
Graham (R-S.C.)" -> "Graham"; "Leonard E. Burman, director of the Tax Policy Center" ->
"Burman"; "CBC Chairman G.K. Butterfield of North Carolina" -> "Butterfield"). ``--key
last-word`` gives the first definition of this benchmark instead, the span's last name word
("Burman, director of the Tax Policy Center" -> "Center"), which asks a detector to report the
last organisation of an appositive. It is *found* when the key is one of the words of one of
the source names that the method reports for the paragraph that holds the cue's first
character. Printed as the share found, with the counts.

``pronouns``: of the annotators' attributions with a speech verb whose source is "he" or
"she", the share that the detector resolves to a name (an attribution of the detector whose
verb starts where the cue does), and of those the share whose name shares a word with a name
word of a source span the annotators mark anywhere in the article.

``speaker_precision``: over every (paragraph, source name) that the method reports, the share
that the annotators also name: some word of the reported name is a word of the source span
of an attribution whose cue starts in that paragraph, or, where such a source span is "he" or
"she", a name word of any source span of the article (the annotators mark the pronoun, not
the person it stands for; without this, resolving pronouns would count as reporting sources
nobody named).

Baselines, in the same run:

- ``quotes-only``: the words inside reference quotations are quoted (so attributed-or-quoted),
  nothing else; it names no source.
- ``verb-sentence``: every sentence (:func:`framing.text.words.split_sentences`) holding a
  reporting-verb form or "according to" is attributed, all its words; its reported sources are
  the sentence's name words that do not begin it.

    python benchmarks/polnear_voice.py [--data-dir ../shared/data] [--key first-name|last-word]
        [--detected content|coverage]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from framing.datasets import load_polnear, load_polnear_attributions
from framing.text.segment import BlankLineSegmenter
from framing.text.words import WORD, split_sentences
from framing.voice import detect_voices
from framing.voice.verbs import load_reporting_verbs

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))

#: Words that stand for a person already named, never a name themselves.
PRONOUNS = frozenset(
    "I We You He She It They Me Us Him Her Them His Hers Its Their Theirs Our Ours My Mine "
    "Your Yours Who Whom This That These Those Some Many Most Others One".split()
)
#: Titles and honorifics written before a name ("Sen.", "President"): not the name itself.
TITLES = frozenset(
    "Mr Mrs Ms Miss Dr Sen Senator Rep Representative Gov Governor President Vice Secretary "
    "Gen General Adm Col Lt Capt Sgt Judge Justice Mayor Speaker Chairman Chairwoman Prof "
    "Professor Rev Sir Lord Lady Former The A An Republican Democrat Democratic Candidate".split()
)
SPEECH_PHRASES = ("according to",)
_QUOTE = re.compile(r"“[^“”]*”|``.*?''|''.*?''|\"[^\"]*\"", re.S)
_PARENTHESES = re.compile(r"\([^()]*\)")
_METHODS = ("framing", "quotes-only", "verb-sentence")


def reference_quotes(text: str) -> list[tuple[int, int]]:
    r"""Return the spans of the reference quotations of a paragraph (marks included).

    >>> text = 'He said “we won” and \'\'yes\'\' and "no".'
    >>> [text[s:e] for s, e in reference_quotes(text)]
    ['“we won”', "''yes''", '"no"']
    """
    return [match.span() for match in _QUOTE.finditer(text)]


def inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Return whether the word at ``start:end`` has its first and last character in ``spans``.

    >>> inside(3, 6, [(0, 4), (4, 10)]), inside(3, 6, [(0, 5)])
    (True, False)
    """
    spans = list(spans)
    return any(a <= start < b for a, b in spans) and any(a <= end - 1 < b for a, b in spans)


def name_words(text: str) -> list[str]:
    """Return the name words of a source text: capitalised, not a pronoun nor a title, and not
    inside parentheses (a party and state such as "(R-S.C.)").

    >>> name_words("Sen. Lindsey Graham (R-S.C.)'s office")
    ['Lindsey', 'Graham']
    >>> name_words("he"), name_words("Police")
    ([], ['Police'])
    """
    found = []
    for match in WORD.finditer(_PARENTHESES.sub(" ", text)):
        word = re.sub(r"['’]s$", "", match.group()).rstrip(".")
        if _is_name_word(word):
            found.append(word)
    return found


def last_word_key(text: str) -> str | None:
    """Return the first definition of a source's key: the span's last name word, or None.

    >>> last_word_key("Leonard E. Burman, director of the Tax Policy Center")
    'Center'
    """
    words = name_words(text)
    return words[-1] if words else None


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() and word not in PRONOUNS and word not in TITLES


def source_key(text: str) -> str | None:
    """Return the key of a source span: the last name word of its first name, or None when it
    has no name word.

    The first name is the run of capitalised words (titles among them) from the span's first
    name word up to a word in lower case or any punctuation but a point.

    >>> source_key("Sen. Lindsey Graham"), source_key("he"), source_key("Mr. Schultz")
    ('Graham', None, 'Schultz')
    >>> source_key("Leonard E. Burman, director of the Tax Policy Center")
    'Burman'
    >>> source_key("CBC Chairman G.K. Butterfield of North Carolina")
    'Butterfield'
    >>> source_key("a New York Times/CBS News survey"), source_key("the F.B.I. director")
    ('Times', 'F.B.I')
    """
    text = _PARENTHESES.sub(" ", text)
    key = None
    previous_end = None
    for match in WORD.finditer(text):
        word = re.sub(r"['’]s$", "", match.group()).rstrip(".")
        if key is not None:
            gap = text[previous_end : match.start()]
            if not word[:1].isupper() or gap.strip(" .\u00a0\n"):
                break
        previous_end = match.end()
        if _is_name_word(word):
            key = word
        elif key is None:
            previous_end = None
    return key


def speech_forms() -> frozenset[str]:
    """Return the lower-case forms of the package's reporting verbs of speech (not those of
    kind ``belief``, which attribute no words)."""
    return frozenset(
        form for verb in load_reporting_verbs() if verb.kind != "belief" for form in verb.forms
    )


def is_speech_cue(cue: str, forms: frozenset[str]) -> bool:
    """Return whether a cue holds a speech verb form or "according to".

    >>> forms = frozenset({"said", "told"})
    >>> is_speech_cue("told reporters", forms), is_speech_cue("believes", forms)
    (True, False)
    >>> is_speech_cue("According to", forms)
    True
    """
    lowered = cue.lower()
    if any(phrase in lowered for phrase in SPEECH_PHRASES):
        return True
    return any(match.group() in forms for match in WORD.finditer(lowered))


@dataclass
class Counts:
    """Running counts of one method on one group of articles."""

    aoq_tp: int = 0
    aoq_fp: int = 0
    aoq_fn: int = 0
    quoted_tp: int = 0
    quoted_fp: int = 0
    quoted_fn: int = 0
    named_found: int = 0
    named_total: int = 0
    reported: int = 0
    confirmed: int = 0
    pronoun_total: int = 0
    pronoun_resolved: int = 0
    pronoun_confirmed: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Return precision, recall and F1 (0 where undefined).

    >>> prf(3, 1, 1)
    (0.75, 0.75, 0.75)
    >>> prf(0, 0, 0)
    (0.0, 0.0, 0.0)
    """
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(frozen=True)
class Gold:
    """The annotators' attributions of one article, in article offsets."""

    content: tuple[tuple[int, int], ...]
    #: (cue start, source text, cue text) per attribution
    attributions: tuple[tuple[int, str, str], ...] = field(default=())


@dataclass(frozen=True)
class Prediction:
    """One method's answer for one paragraph: each word's voice, the source names, and the
    attributions whose source is "he" or "she": (verb start in the paragraph, resolved name or
    "" when unresolved)."""

    voices: tuple[str, ...]
    sources: tuple[str, ...]
    pronouns: tuple[tuple[int, str], ...] = ()


def score_article(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    predictions: Sequence[Prediction],
    gold: Gold,
    forms: frozenset[str],
    key: Callable[[str], str | None] = source_key,
) -> Counts:
    """Return the counts of one method on one article (see the module's definitions); ``key``
    gives a source span's key (:func:`source_key`, or :func:`last_word_key`)."""
    counts = Counts()
    bounds = list(paragraphs)
    article_names = {word for _, source, _ in gold.attributions for word in name_words(source)}
    for (start, end), prediction in zip(bounds, predictions, strict=True):
        paragraph = text[start:end]
        quotes = [(start + a, start + b) for a, b in reference_quotes(paragraph)]
        words = [(start + m.start(), start + m.end()) for m in WORD.finditer(paragraph)]
        if len(words) != len(prediction.voices):
            raise ValueError("a prediction needs one voice per word of its paragraph")
        for (a, b), voice in zip(words, prediction.voices, strict=True):
            gold_aoq = inside(a, b, gold.content)
            gold_quoted = gold_aoq and inside(a, b, quotes)
            detected_aoq = voice in ("attributed", "quoted")
            detected_quoted = voice == "quoted"
            counts.aoq_tp += gold_aoq and detected_aoq
            counts.aoq_fp += detected_aoq and not gold_aoq
            counts.aoq_fn += gold_aoq and not detected_aoq
            counts.quoted_tp += gold_quoted and detected_quoted
            counts.quoted_fp += detected_quoted and not gold_quoted
            counts.quoted_fn += gold_quoted and not detected_quoted
        reported_words = {
            word.group() for name in prediction.sources for word in WORD.finditer(name)
        }
        here = [item for item in gold.attributions if start <= item[0] < end]
        for _, source, cue in here:
            found = key(source)
            if found is None or not is_speech_cue(cue, forms):
                continue
            counts.named_total += 1
            counts.named_found += found in reported_words
        for cue_start, source, cue in here:
            if source.strip().lower() not in ("he", "she") or not is_speech_cue(cue, forms):
                continue
            counts.pronoun_total += 1
            name = next((n for at, n in prediction.pronouns if at == cue_start - start), "")
            counts.pronoun_resolved += bool(name)
            counts.pronoun_confirmed += bool(name) and any(
                word.group() in article_names for word in WORD.finditer(name)
            )
        gold_words = {word.group() for _, source, _ in here for word in WORD.finditer(source)}
        if any(source.strip().lower() in ("he", "she") for _, source, _ in here):
            gold_words |= article_names  # "he said": its antecedent can be any of them
        for name in prediction.sources:
            counts.reported += 1
            counts.confirmed += any(w.group() in gold_words for w in WORD.finditer(name))
    return counts


def predict_framing(
    paragraph_texts: Sequence[str], *, detected: str = "content"
) -> list[Prediction]:
    """Return the rule-based detector's prediction for each paragraph of one article; with
    ``detected="content"`` the words of its attributions' source-and-verb spans are not
    attributed (see the module's ``aoq``)."""
    predictions = []
    for paragraph, voice in zip(paragraph_texts, detect_voices(paragraph_texts), strict=True):
        segments = voice.segments
        tags = [(a.start, a.end) for a in voice.attributions] if detected == "content" else []
        labels = []
        for match in WORD.finditer(paragraph):
            covering = next((s.voice for s in segments if s.start <= match.start() < s.end), "own")
            if covering == "attributed" and any(a <= match.start() < b for a, b in tags):
                covering = "own"
            labels.append(covering)
        pronouns = tuple(
            (a.verb_start, a.sources[0].name if a.sources else "")
            for a in voice.attributions
            if a.source_text.lower() in ("he", "she")
        )
        predictions.append(
            Prediction(tuple(labels), tuple(s.name for s in voice.sources), pronouns)
        )
    return predictions


def predict_quotes_only(paragraph_texts: Sequence[str]) -> list[Prediction]:
    """Return the quotation-marks-only baseline: words inside reference quotations are quoted.

    >>> predict_quotes_only(['He said “we won” today.'])[0].voices
    ('own', 'own', 'quoted', 'quoted', 'own')
    """
    predictions = []
    for paragraph in paragraph_texts:
        quotes = reference_quotes(paragraph)
        labels = tuple(
            "quoted" if inside(m.start(), m.end(), quotes) else "own"
            for m in WORD.finditer(paragraph)
        )
        predictions.append(Prediction(labels, ()))
    return predictions


def predict_verb_sentence(
    paragraph_texts: Sequence[str], forms: frozenset[str]
) -> list[Prediction]:
    """Return the baseline that attributes every sentence holding a reporting verb.

    >>> p = predict_verb_sentence(["ISIS lost. Officials in Iraq said so."], frozenset({"said"}))
    >>> p[0].voices, p[0].sources
    (('own', 'own', 'attributed', 'attributed', 'attributed', 'attributed', 'attributed'), \
('Iraq',))
    """
    predictions = []
    for paragraph in paragraph_texts:
        attributed = [
            (a, b) for a, b in split_sentences(paragraph) if is_speech_cue(paragraph[a:b], forms)
        ]
        labels = tuple(
            "attributed" if inside(m.start(), m.end(), attributed) else "own"
            for m in WORD.finditer(paragraph)
        )
        names: list[str] = []
        for a, b in attributed:
            for word in name_words(paragraph[a:b])[0 if paragraph[a].islower() else 1 :]:
                if word not in names and not paragraph[a:b].startswith(word):
                    names.append(word)
        predictions.append(Prediction(labels, tuple(names)))
    return predictions


def gold_of(attributions) -> dict[str, Gold]:
    """Return each article's gold attributions from ``load_polnear_attributions``'s table."""
    gold: dict[str, Gold] = {}
    for doc_id, rows in attributions.groupby("doc_id", sort=True):
        content = tuple(piece for spans in rows["content_spans"] for piece in spans)
        items = tuple(
            (int(start), source, cue)
            for start, source, cue in zip(
                rows["cue_start"], rows["source_text"], rows["cue_text"], strict=True
            )
            if start is not None and str(start) != "<NA>"
        )
        gold[doc_id] = Gold(content, items)
    return gold


KEYS = {"first-name": source_key, "last-word": last_word_key}


DETECTED = ("content", "coverage")


def run(
    data_dir: Path, *, key: str = "first-name", detected: str = "content"
) -> dict[str, dict[str, Counts]]:
    """Return the counts of every method, for ``all`` and for each publisher (``key``: one of
    :data:`KEYS`; ``detected``: one of :data:`DETECTED`, what the detector's attributed words
    are)."""
    articles = load_polnear("train", data_dir=data_dir)
    gold = gold_of(load_polnear_attributions("train", data_dir=data_dir))
    forms = speech_forms()
    segmenter = BlankLineSegmenter()
    results: dict[str, dict[str, Counts]] = {method: {} for method in _METHODS}
    for doc_id, text, publisher in zip(
        articles["doc_id"], articles["text"], articles["publisher"], strict=True
    ):
        paragraphs = segmenter.split(text)
        paragraph_texts = [text[a:b] for a, b in paragraphs]
        article_gold = gold.get(doc_id, Gold(()))
        answers = {
            "framing": predict_framing(paragraph_texts, detected=detected),
            "quotes-only": predict_quotes_only(paragraph_texts),
            "verb-sentence": predict_verb_sentence(paragraph_texts, forms),
        }
        for method, predictions in answers.items():
            counts = score_article(
                text, paragraphs, predictions, article_gold, forms, key=KEYS[key]
            )
            for group in ("all", str(publisher)):
                results[method].setdefault(group, Counts()).add(counts)
    return results


def table(results: dict[str, dict[str, Counts]]) -> str:
    """Return the printed table of the figures."""
    header = (
        f"{'method':<14}{'publisher':<18}{'aoq P':>7}{'R':>7}{'F1':>7}"
        f"{'quoted P':>10}{'R':>7}{'F1':>7}{'named':>8}{'found/total':>14}{'spk P':>7}"
    )
    lines = [header]
    for method in _METHODS:
        groups = results[method]
        for group in ["all", *sorted(name for name in groups if name != "all")]:
            c = groups[group]
            aoq = prf(c.aoq_tp, c.aoq_fp, c.aoq_fn)
            quoted = prf(c.quoted_tp, c.quoted_fp, c.quoted_fn)
            named = c.named_found / c.named_total if c.named_total else 0.0
            speaker = f"{c.confirmed / c.reported:7.3f}" if c.reported else f"{'-':>7}"
            lines.append(
                f"{method:<14}{group:<18}{aoq[0]:7.3f}{aoq[1]:7.3f}{aoq[2]:7.3f}"
                f"{quoted[0]:10.3f}{quoted[1]:7.3f}{quoted[2]:7.3f}{named:8.3f}"
                f"{f'{c.named_found}/{c.named_total}':>14}{speaker}"
            )
    return "\n".join(lines)


def pronoun_line(counts: Counts) -> str:
    """Return the printed line on pronoun sources ("he said"): how many of the annotators'
    attributions with a speech verb and the source "he" or "she" the detector resolves to a
    name (its attribution's verb starts where the annotators' cue does), and how many of those
    names share a word with a named source the annotators mark somewhere in the article."""
    resolved, total = counts.pronoun_resolved, counts.pronoun_total
    confirmed = counts.pronoun_confirmed
    return (
        f"pronouns: {resolved}/{total} he/she sources resolved to a name "
        f"({resolved / total if total else 0:.3f}); {confirmed}/{resolved} of those a source "
        f"the annotators name in the article ({confirmed / resolved if resolved else 0:.3f})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--key", choices=sorted(KEYS), default="first-name", help="a named source's key"
    )
    parser.add_argument(
        "--detected",
        choices=DETECTED,
        default="content",
        help="the detector's attributed words: without its source-and-verb spans (content), "
        "or every word of its attributed segments (coverage)",
    )
    args = parser.parse_args(argv)
    results = run(args.data_dir, key=args.key, detected=args.detected)
    print("PolNeAR train: words attributed-or-quoted (aoq), quoted words, named sources")
    print(table(results))
    print(pronoun_line(results["framing"]["all"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
