"""Every figure for papers, built from the data: one code path for the notebooks and the CLI.

Each figure is a :class:`FigureRecipe`: its file name, the notebook that shows it, the data it
reads, and a function that builds it. The notebooks call the same step functions (for example
:func:`allsides_measures` then :func:`allsides_distributions_figure`), and ``framing figures``
(``make figures``) runs every recipe and writes PDF and PNG files into ``figures/``. Figures are
byte-identical from run to run: :func:`framing.report.plots.save_figure` writes no timestamps, and
bootstraps, samples and jitter use fixed seeds.

>>> [recipe.name for recipe in FIGURES][:2]
['seed-sentiment', 'seed-voice']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from framing.article import Article
from framing.comparisons.align import compare
from framing.comparisons.contrast import voice_contrast
from framing.comparisons.groups import compare_groups, keyness
from framing.comparisons.validation import sentence_scores
from framing.datasets.examples import seed_article, seed_sources
from framing.datasets.loaders import load_allsides, load_babe, load_polnear
from framing.errors import FramingError, choices_error
from framing.report.plots import (
    alignment_figure,
    group_distributions,
    keyness_plot,
    roc_plot,
    save_figure,
    sentiment_strip,
    voice_contrast_plot,
    voice_strip,
)
from framing.table.engine import analyze
from framing.text.words import per_100_words
from framing.voice.model import KINDS_OF_SOURCE, kind_of

__all__ = [
    "FigureRecipe",
    "FIGURES",
    "FIGURE_FORMATS",
    "SAMPLE_SEED",
    "SIDE_MEASURES",
    "seed_sentiment_figure",
    "seed_voice_figure",
    "seed_voice_strip",
    "seed_comparison",
    "seed_alignment_figure",
    "allsides_articles",
    "allsides_measures",
    "allsides_comparison",
    "allsides_distributions_figure",
    "allsides_keyness",
    "allsides_keyness_figure",
    "outlet_table",
    "babe_sentences",
    "babe_scores",
    "babe_roc_figure",
    "SOURCING_MEASURES",
    "polnear_articles",
    "polnear_sourcing",
    "polnear_comparison",
    "polnear_sourcing_figure",
    "save",
    "build_figures",
]

#: Formats written for every figure: PDF for papers, PNG for slides and the web.
FIGURE_FORMATS = ("pdf", "png")

#: Seed for drawing a sample of BABE sentences: fixed, so that a small run is repeatable.
SAMPLE_SEED = 2021

#: Measures compared between the sides of the AllSides stories.
SIDE_MEASURES = ("polarity", "subjectivity", "loaded_per_100_words")

#: The AllSides sides, left to right, and the pair whose vocabularies keyness compares.
SIDES = ("left", "center", "right")
KEYNESS_SIDES = ("left", "right")


def seed_sentiment_figure(article: Article) -> Figure:
    """Return the sentiment strip of an article (seed: figure ``seed-sentiment``)."""
    title = "Sentiment and loaded language by paragraph"
    return sentiment_strip(analyze(article), title=title)


def seed_voice_figure(article: Article) -> Figure:
    """Return the contrast between the outlet's own words and the words it cites."""

    return voice_contrast_plot(
        voice_contrast(article), title="The outlet's own words against the words it cites"
    )


def seed_voice_strip(article: Article) -> Figure:
    """Return each paragraph's share of quoted words, coloured by its voice."""
    return voice_strip(analyze(article), title="Whose voice, paragraph by paragraph")


def seed_comparison(article: Article, sources: Mapping[str, Article]) -> pd.DataFrame:
    """Return :func:`framing.compare`'s table for an article and its sources."""

    return compare(article, dict(sources))


def seed_alignment_figure(article: Article, comparison: pd.DataFrame) -> Figure:
    """Return the alignment figure: lines from partisan paragraphs to source paragraphs."""
    return alignment_figure(
        comparison,
        partisan_paragraphs=[paragraph.index for paragraph in article.paragraphs],
        partisan_label="seed article",
        title="Which source paragraphs each paragraph draws on",
    )


# -- AllSides: one story, three framings -----------------------------------------------------


def allsides_articles(data_dir: str | Path | None = None, *, sample: int | None = None):
    """Return the AllSides articles of stories with all three sides (the first ``sample``).

    Stories are taken in the file's order, so a sample is the same on every run.
    """

    articles = load_allsides(data_dir, complete_only=True)
    if sample is not None:
        if sample < 1:
            raise FramingError(f"sample={sample!r} is not valid; use a number of stories >= 1")
        stories = list(dict.fromkeys(articles["story_id"]))[:sample]
        articles = articles[articles["story_id"].isin(stories)].reset_index(drop=True)
    return articles


def allsides_measures(articles: pd.DataFrame) -> pd.DataFrame:
    """Return one row per article: its side, outlet and measures averaged over paragraphs.

    ``loaded_per_100_words`` is pooled (all loaded terms over all words); polarity and
    subjectivity are means over the article's paragraphs.
    """
    info = ["story_id", "side", "source", "title"]
    keyed = articles.assign(
        article_id=[
            f"{s}:{side}" for s, side in zip(articles["story_id"], articles["side"], strict=True)
        ]
    )
    table = analyze(keyed, text_col="text", id_col="article_id", keep=info)
    table = table[table["error"] == ""]
    grouped = table.groupby("doc_id", sort=False)
    result = grouped.agg(
        **{column: (column, "first") for column in info},
        paragraphs=("paragraph", "size"),
        words=("words", "sum"),
        loaded_count=("loaded_count", "sum"),
        polarity=("polarity", "mean"),
        subjectivity=("subjectivity", "mean"),
    )
    result["loaded_per_100_words"] = per_100_words(result["loaded_count"], result["words"])
    result = result.reset_index(names="article_id")
    for column in ("words", "loaded_count", "paragraphs"):
        result[column] = result[column].astype("int64")
    return result


def allsides_comparison(measures: pd.DataFrame):
    """Return :func:`framing.compare_groups` by side: means, bootstrap CIs, effect sizes."""

    return compare_groups(
        measures,
        group_col="side",
        measures=list(SIDE_MEASURES),
        groups=[side for side in SIDES if side in set(measures["side"])],
    )


def allsides_distributions_figure(measures: pd.DataFrame, comparison) -> Figure:
    """Return the distributions of the measures by side, with means and bootstrap CIs."""
    return group_distributions(
        measures,
        group_col="side",
        measures=list(SIDE_MEASURES),
        summary=comparison.means,
        order=[side for side in SIDES if side in set(measures["side"])],
        title="AllSides stories: one event, three framings (one point per article)",
    )


def outlet_table(measures: pd.DataFrame, *, min_articles: int = 3) -> pd.DataFrame:
    """Return one row per outlet with at least ``min_articles``: its side and mean measures."""
    table = measures.groupby(["side", "source"], sort=True).agg(
        articles=("article_id", "size"),
        **{measure: (measure, "mean") for measure in SIDE_MEASURES},
    )
    table = table[table["articles"] >= min_articles].reset_index()
    return table.sort_values(
        ["side", "articles", "source"], ascending=[True, False, True], ignore_index=True
    )


def allsides_keyness(articles: pd.DataFrame) -> pd.DataFrame:
    """Return the terms that separate left from right coverage (log-odds, Dirichlet prior)."""

    return keyness(articles, group_col="side", groups=list(KEYNESS_SIDES), min_count=5)


def allsides_keyness_figure(keyness_table: pd.DataFrame, *, top: int = 12) -> Figure:
    """Return the keyness figure: the terms most typical of each side."""
    return keyness_plot(
        keyness_table,
        top=top,
        groups=KEYNESS_SIDES,
        title="Words that separate left from right coverage",
    )


# -- BABE: the measure against experts -------------------------------------------------------


def babe_sentences(data_dir: str | Path | None = None, *, sample: int | None = None):
    """Return BABE's SG2 sentences; ``sample`` draws that many with :data:`SAMPLE_SEED`."""

    sentences = load_babe(data_dir)
    if sample is not None:
        if sample < 1:
            raise FramingError(f"sample={sample!r} is not valid; use a number of sentences >= 1")
        sentences = sentences.sample(n=min(sample, len(sentences)), random_state=SAMPLE_SEED)
        sentences = sentences.sort_index().reset_index(drop=True)
    return sentences


def babe_scores(sentences: pd.DataFrame) -> pd.DataFrame:
    """Return the labelled sentences with their scores (see :func:`framing.validation`)."""

    return sentence_scores(sentences)


def babe_roc_figure(scores: pd.DataFrame) -> Figure:
    """Return ROC curves for the experts' "Biased" label: the lexicon's count and weighted
    score, and TextBlob."""
    return roc_plot(
        {
            "loaded terms per 100 words": (scores["label"], scores["loaded_per_100_words"]),
            "loaded intensity per 100 words": (
                scores["label"],
                scores["loaded_score_per_100_words"],
            ),
            "TextBlob subjectivity": (scores["label"], scores["subjectivity"]),
        },
        title="Does the measure find what BABE's experts call biased?",
    )


# -- PolNeAR: who speaks, by publisher -------------------------------------------------------

#: Kinds of source that nobody names (:data:`framing.voice.model.KINDS_OF_SOURCE`).
UNNAMED_SOURCE_KINDS = ("official", "document", "public")

#: The measures of sourcing compared between publishers, one row per article (see
#: :func:`polnear_sourcing`); the figure draws the first five.
SOURCING_MEASURES = (
    "own_share",
    "attributed_share",
    "quoted_share",
    "unnamed_source_share",
    "document_source_share",
    "official_source_share",
    "public_source_share",
    "loaded_verbs_per_1000_words",
)


def polnear_articles(data_dir: str | Path | None = None, *, sample: int | None = None):
    """Return PolNeAR's training articles (the first ``sample`` of each publisher, in the
    file's order, so that a sample is the same on every run)."""
    articles = load_polnear("train", data_dir=data_dir)
    if sample is not None:
        if sample < 1:
            raise FramingError(f"sample={sample!r} is not valid; use a number of articles >= 1")
        articles = articles.groupby("publisher", sort=False).head(sample).reset_index(drop=True)
    return articles


def polnear_sourcing(articles: pd.DataFrame, *, text_col: str = "text") -> pd.DataFrame:
    """Return one row per article: its ``doc_id``, ``publisher`` and ``words``; the shares of
    its words that are the outlet's own, attributed and quoted; its sources (each once) and
    the share of them of each kind (:data:`framing.voice.model.KINDS_OF_SOURCE`, as
    ``KIND_source_share``; NaN for an article that names no source), ``unnamed_source_share``
    (official, document or public); and loaded reporting verbs per 1,000 words.
    """
    rows = []
    for doc_id, publisher, text in zip(
        articles["doc_id"], articles["publisher"], articles[text_col], strict=True
    ):
        voices = [paragraph.voice for paragraph in Article(text).paragraphs]
        words = sum(voice.words for voice in voices)
        sources = list(dict.fromkeys(source for voice in voices for source in voice.sources))
        kinds = [kind_of(source) for source in sources]
        loaded = sum(a.verb_kind == "loaded" for voice in voices for a in voice.attributions)
        row = {
            "doc_id": doc_id,
            "publisher": publisher,
            "words": words,
            "own_share": _share(sum(voice.own_words for voice in voices), words),
            "attributed_share": _share(sum(voice.attributed_words for voice in voices), words),
            "quoted_share": _share(sum(voice.quoted_words for voice in voices), words),
            "sources": len(sources),
            "unnamed_source_share": _share(
                sum(kind in UNNAMED_SOURCE_KINDS for kind in kinds), len(sources)
            ),
            "loaded_verbs_per_1000_words": _share(1000 * loaded, words),
        }
        for kind in KINDS_OF_SOURCE:
            row[f"{kind}_source_share"] = _share(kinds.count(kind), len(sources))
        rows.append(row)
    return pd.DataFrame(rows)


def _share(part: float, whole: float) -> float:
    return part / whole if whole else float("nan")


def polnear_comparison(sourcing: pd.DataFrame):
    """Return :func:`framing.compare_groups` by publisher on :data:`SOURCING_MEASURES`: means
    with bootstrap CIs, effect sizes and permutation tests."""
    return compare_groups(
        sourcing,
        group_col="publisher",
        measures=list(SOURCING_MEASURES),
        groups=sorted(set(sourcing["publisher"])),
    )


def polnear_sourcing_figure(sourcing: pd.DataFrame, comparison) -> Figure:
    """Return who speaks by publisher: own, attributed and quoted shares of words, and the
    shares of unnamed and of document sources, with means and bootstrap CIs."""
    return group_distributions(
        sourcing,
        group_col="publisher",
        measures=list(SOURCING_MEASURES[:5]),
        summary=comparison.means,
        order=sorted(set(sourcing["publisher"])),
        title="PolNeAR: who speaks, by publisher (one point per article)",
    )


# -- the registry and the command ------------------------------------------------------------


@dataclass
class _Inputs:
    """Data loaded once and shared by the figures that read it."""

    data_dir: str | Path | None
    sample: int | None
    cache: dict = field(default_factory=dict)

    def get(self, key: str, make: Callable[[], object]):
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]

    def seed(self) -> Article:
        return self.get("seed", seed_article)

    def comparison(self) -> pd.DataFrame:
        return self.get(
            "comparison", lambda: seed_comparison(self.seed(), seed_sources(fetched=False))
        )

    def allsides(self) -> pd.DataFrame:
        return self.get("allsides", lambda: allsides_articles(self.data_dir, sample=self.sample))

    def allsides_measures(self) -> pd.DataFrame:
        return self.get("measures", lambda: allsides_measures(self.allsides()))

    def polnear_sourcing(self) -> pd.DataFrame:
        return self.get(
            "polnear",
            lambda: polnear_sourcing(polnear_articles(self.data_dir, sample=self.sample)),
        )

    def babe_scores(self) -> pd.DataFrame:
        return self.get(
            "babe", lambda: babe_scores(babe_sentences(self.data_dir, sample=self.sample))
        )


@dataclass(frozen=True)
class FigureRecipe:
    """A figure: its file name, the notebook that shows it, the data it reads, how to build it."""

    name: str
    notebook: str
    data: str
    build: Callable[[_Inputs], Figure]


FIGURES = (
    FigureRecipe(
        "seed-sentiment",
        "01-seed-walkthrough",
        "framing/data/seed/",
        lambda inputs: seed_sentiment_figure(inputs.seed()),
    ),
    FigureRecipe(
        "seed-voice",
        "01-seed-walkthrough",
        "framing/data/seed/",
        lambda inputs: seed_voice_figure(inputs.seed()),
    ),
    FigureRecipe(
        "seed-alignment",
        "02-partisan-vs-source",
        "framing/data/seed/, framing/data/sources/",
        lambda inputs: seed_alignment_figure(inputs.seed(), inputs.comparison()),
    ),
    FigureRecipe(
        "allsides-distributions",
        "03-left-center-right",
        "../shared/data/allsides-roundups/",
        lambda inputs: allsides_distributions_figure(
            inputs.allsides_measures(), allsides_comparison(inputs.allsides_measures())
        ),
    ),
    FigureRecipe(
        "allsides-keyness",
        "03-left-center-right",
        "../shared/data/allsides-roundups/",
        lambda inputs: allsides_keyness_figure(allsides_keyness(inputs.allsides())),
    ),
    FigureRecipe(
        "polnear-sourcing",
        "06-who-speaks",
        "../shared/data/polnear/",
        lambda inputs: polnear_sourcing_figure(
            inputs.polnear_sourcing(), polnear_comparison(inputs.polnear_sourcing())
        ),
    ),
    FigureRecipe(
        "babe-roc",
        "04-validation",
        "../shared/data/babe/",
        lambda inputs: babe_roc_figure(inputs.babe_scores()),
    ),
)


def save(
    figure: Figure,
    name: str,
    out_dir: str | Path | None,
    *,
    formats: Iterable[str] = FIGURE_FORMATS,
) -> list[Path]:
    """Return the files written for ``figure`` as ``out_dir/name.FORMAT`` (none without a dir).

    Notebooks call this with their ``figures_dir`` parameter, which is ``None`` by default.
    """
    if out_dir is None:
        return []
    return [save_figure(figure, Path(out_dir) / f"{name}.{fmt}") for fmt in formats]


def build_figures(
    out_dir: str | Path,
    *,
    data_dir: str | Path | None = None,
    sample: int | None = None,
    names: Iterable[str] | None = None,
) -> list[Path]:
    """Return the files written: every figure (or those ``names``) into ``out_dir``.

    ``data_dir`` holds the shared datasets (see :func:`framing.datasets.loaders.data_home`);
    ``sample`` limits the AllSides stories and BABE sentences, for a quick run.
    """
    known = [recipe.name for recipe in FIGURES]
    chosen = list(names) if names is not None else known
    for name in chosen:
        if name not in known:
            raise choices_error("figure", name, known)
    inputs = _Inputs(data_dir, sample)
    written = []
    for recipe in FIGURES:
        if recipe.name in chosen:
            written += save(recipe.build(inputs), recipe.name, out_dir)
    return written
