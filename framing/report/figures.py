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

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from framing.article import Article
from framing.comparisons.align import FIDELITIES, compare
from framing.comparisons.contrast import voice_contrast
from framing.comparisons.corpus import CorpusComparison, compare_corpus, quotes_in_common
from framing.comparisons.dictionaries import dictionary_rates
from framing.comparisons.groups import DEFAULT_SEED, bootstrap_mean_ci, compare_groups, keyness
from framing.comparisons.paired import ALL_GROUPS, paired_differences
from framing.comparisons.validation import sentence_scores
from framing.datasets.examples import seed_article, seed_sources
from framing.datasets.loaders import dataset_dir, load_allsides, load_babe, load_polnear
from framing.errors import FramingError, choices_error
from framing.report.plots import (
    alignment_figure,
    category_rates_plot,
    group_distributions,
    interval_plot,
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
    "allsides_stories",
    "allsides_measures",
    "allsides_comparison",
    "allsides_distributions_figure",
    "allsides_keyness",
    "allsides_keyness_figure",
    "outlet_table",
    "allsides_mfd",
    "allsides_mfd_rates",
    "allsides_mfd_figure",
    "PAIRED_SIDE_MEASURES",
    "PAIR_COUNTS",
    "WIRE_OUTLETS",
    "allsides_pairs",
    "allsides_corpus_comparison",
    "allsides_paired",
    "allsides_paired_figure",
    "allsides_pair_counts",
    "allsides_pair_counts_figure",
    "allsides_outlets_paired",
    "allsides_outlets_figure",
    "allsides_quote_fidelity",
    "allsides_quotes_in_common",
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

    return allsides_stories(data_dir, sample=sample, complete_only=True)


def allsides_stories(
    data_dir: str | Path | None = None, *, sample: int | None = None, complete_only: bool = False
):
    """Return the AllSides articles of every story (the first ``sample`` stories), in file order.

    Unlike :func:`allsides_articles`, stories without all three sides are kept unless
    ``complete_only``: a story with a left or right article and a center article makes a pair.
    """
    articles = load_allsides(data_dir, complete_only=complete_only)
    if sample is not None:
        if sample < 1:
            raise FramingError(f"sample={sample!r} is not valid; use a number of stories >= 1")
        stories = list(dict.fromkeys(articles["story_id"]))[:sample]
        articles = articles[articles["story_id"].isin(stories)].reset_index(drop=True)
    return articles


def _keyed(articles: pd.DataFrame) -> pd.DataFrame:
    """Return the articles with an ``article_id``: ``STORY:SIDE``."""
    return articles.assign(
        article_id=[
            f"{s}:{side}" for s, side in zip(articles["story_id"], articles["side"], strict=True)
        ]
    )


def allsides_measures(articles: pd.DataFrame) -> pd.DataFrame:
    """Return one row per article: its side, outlet and measures averaged over paragraphs.

    ``loaded_per_100_words`` is pooled (all loaded terms over all words); polarity and
    subjectivity are means over the article's paragraphs.
    """
    info = ["story_id", "side", "source", "title"]
    keyed = _keyed(articles)
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


#: The moral foundations dictionary's file in its data folder (``framing download`` says how
#: to get it).
MFD_FILE = "mfd2.0.dic"


def allsides_mfd(articles: pd.DataFrame, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return MFD 2.0 per paragraph of the AllSides articles, in each voice: the long form of
    :func:`framing.analyze` (one row per paragraph and category), with story, side and outlet."""
    mfd = dataset_dir("mfd", data_dir) / MFD_FILE
    return analyze(
        _keyed(articles),
        text_col="text",
        id_col="article_id",
        keep=["story_id", "side", "source"],
        measures=["voice"],
        dictionaries={"mfd": mfd},
        dictionary_form="long",
    )


def allsides_mfd_rates(moral: pd.DataFrame) -> pd.DataFrame:
    """Return each MFD 2.0 category per 100 words by side and voice, with bootstrap intervals
    (:func:`framing.comparisons.dictionaries.dictionary_rates`)."""
    return dictionary_rates(moral, by="side")


def allsides_mfd_figure(rates: pd.DataFrame) -> Figure:
    """Return the MFD 2.0 categories by side, in the outlets' own words and in cited words."""
    return category_rates_plot(
        rates,
        group_col="side",
        order=[side for side in SIDES if side in set(rates["side"])],
        title="Moral foundations (MFD 2.0) by side: own words against cited words",
    )


# -- AllSides: left and right against their center article --------------------------------------

#: Measures taken of an article and of its center article alike, compared pair by pair.
PAIRED_SIDE_MEASURES = ("own_loaded_per_100_words", "own_subjectivity", "quoted_share")
#: Counts per pair (article against its center article), shown as means per side.
PAIR_COUNTS = ("added_loaded_terms", "dropped_hedges", "quotes_altered", "quotes_not_found")
#: The wire agencies among AllSides' center outlets (122 of the 506 stories' center articles).
WIRE_OUTLETS = ("Associated Press", "Reuters")
#: The two sets of reports the sides are compared with.
ALL_CENTERS = "every center article"
WIRE_CENTERS = "AP and Reuters only"

_PAIRED_LABELS = {
    "own_loaded_per_100_words": "loaded terms per 100 own words,\narticle minus center",
    "own_subjectivity": "subjectivity of own words,\narticle minus center",
    "quoted_share": "share of words quoted,\narticle minus center",
}


def allsides_pairs(articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the left and right articles and the center articles, for :func:`compare_corpus`.

    Each text is the title (as headline) and the crawled paragraphs; ``article_id`` is
    ``STORY:SIDE``; the side articles carry ``center_source``, the outlet of their story's
    center article. Only stories with a center article are kept.
    """
    table = articles.assign(
        article_id=articles["story_id"].astype(str) + ":" + articles["side"],
        text=articles["title"] + "\n\n" + articles["text"],
    )
    centers = table[table["side"] == "center"].reset_index(drop=True)
    center_source = dict(zip(centers["story_id"], centers["source"], strict=True))
    sides = table[table["side"].isin(["left", "right"]) & table["story_id"].isin(center_source)]
    sides = sides.assign(center_source=sides["story_id"].map(center_source))
    return sides.reset_index(drop=True), centers


def allsides_corpus_comparison(articles: pd.DataFrame) -> CorpusComparison:
    """Return each left and right article aligned with its story's center article."""
    sides, centers = allsides_pairs(articles)
    return compare_corpus(
        sides,
        centers,
        pairs="story_id",
        id_col="article_id",
        keep=["story_id", "side", "source", "center_source"],
    )


def _report_sets(pairs: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    wire = pairs[pairs["center_source"].isin(WIRE_OUTLETS)]
    return [(ALL_CENTERS, pairs)] + ([(WIRE_CENTERS, wire)] if len(wire) else [])


def allsides_paired(pairs: pd.DataFrame) -> pd.DataFrame:
    """Return paired differences (article minus center article) by side, for every center
    article and for the AP/Reuters subset (column ``reports``)."""
    return pd.concat(
        [
            paired_differences(part, measures=list(PAIRED_SIDE_MEASURES), by="side").assign(
                reports=label
            )
            for label, part in _report_sets(pairs)
        ],
        ignore_index=True,
    )


def allsides_paired_figure(paired: pd.DataFrame) -> Figure:
    """Return the paired differences by side, with 95% bootstrap intervals."""
    return interval_plot(
        paired,
        measures=list(PAIRED_SIDE_MEASURES),
        series_col="reports",
        labels=_PAIRED_LABELS,
        title="Left and right articles against their story's center article (mean, 95% CI)",
    )


def allsides_pair_counts(pairs: pd.DataFrame) -> pd.DataFrame:
    """Return the mean of each count of :data:`PAIR_COUNTS` per article, by side and set of
    reports, with a percentile bootstrap interval (columns ``measure``, ``group``, ``reports``,
    ``n``, ``mean``, ``ci_low``, ``ci_high``)."""
    rng = np.random.default_rng(DEFAULT_SEED)
    rows = []
    for label, part in _report_sets(pairs):
        done = part[part["error"].isna()]
        for measure in PAIR_COUNTS:
            for side in ("left", "right"):
                values = done.loc[done["side"] == side, measure].to_numpy(dtype=float)
                low, high = bootstrap_mean_ci(values, rng=rng)
                rows.append(
                    {
                        "measure": measure,
                        "group": side,
                        "reports": label,
                        "n": len(values),
                        "mean": float(values.mean()) if len(values) else float("nan"),
                        "ci_low": low,
                        "ci_high": high,
                    }
                )
    return pd.DataFrame(rows)


def allsides_pair_counts_figure(counts: pd.DataFrame) -> Figure:
    """Return added loaded terms, dropped hedges and quotes altered or not found, per article."""
    return interval_plot(
        counts,
        measures=list(PAIR_COUNTS),
        series_col="reports",
        estimate_col="mean",
        zero_line=False,
        labels={
            "added_loaded_terms": "loaded terms added\nper article",
            "dropped_hedges": "hedges dropped\nper article",
            "quotes_altered": "quotes altered\nper article",
            "quotes_not_found": "quotes not in the center\narticle, per article",
        },
        title="What each side changes in the paragraphs it shares with the center article",
    )


def allsides_outlets_paired(pairs: pd.DataFrame, *, min_pairs: int = 8) -> pd.DataFrame:
    """Return paired differences by outlet (outlets with at least ``min_pairs`` articles),
    each outlet labelled with its side, largest loaded-language difference first."""
    counts = pairs["source"].value_counts()
    chosen = pairs[pairs["source"].isin(counts[counts >= min_pairs].index)]
    paired = paired_differences(chosen, measures=list(PAIRED_SIDE_MEASURES), by="source")
    paired = paired[paired["group"] != ALL_GROUPS]
    side = chosen.groupby("source")["side"].first()
    paired = paired.assign(side=paired["group"].map(side))
    loaded = paired[paired["measure"] == PAIRED_SIDE_MEASURES[0]].set_index("group")
    order = loaded.sort_values(["mean_difference"], ascending=False, kind="stable").index
    rank = {name: position for position, name in enumerate(order)}
    paired = paired.assign(rank=paired["group"].map(rank))
    return paired.sort_values(["rank", "measure"], kind="stable").drop(columns="rank")


def allsides_outlets_figure(outlets: pd.DataFrame) -> Figure:
    """Return the paired differences of each outlet against its center articles."""
    labelled = outlets.assign(group=outlets["group"] + " (" + outlets["side"] + ")")
    return interval_plot(
        labelled,
        measures=list(PAIRED_SIDE_MEASURES),
        labels=_PAIRED_LABELS,
        title="Each outlet against the center articles of its stories (mean, 95% CI)",
    )


def allsides_quote_fidelity(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Return the direct quotes of each side by fidelity against the center article.

    One row per side: ``quotes``, then the count and share of ``verbatim``, ``altered`` and
    ``not_found`` quotes (a quote's label is as :func:`framing.compare` writes it).
    """
    labels = paragraphs[["side", "quote_fidelity"]].dropna()
    quotes = labels.assign(fidelity=labels["quote_fidelity"].str.split(";")).explode("fidelity")
    quotes["fidelity"] = quotes["fidelity"].str.split(":").str[0]
    table = pd.crosstab(quotes["side"], quotes["fidelity"]).reindex(
        columns=list(FIDELITIES), fill_value=0
    )
    table.insert(0, "quotes", table.sum(axis=1))
    for fidelity in FIDELITIES:
        table[f"share_{fidelity}"] = table[fidelity] / table["quotes"]
    return table.reset_index()


def allsides_quotes_in_common(articles: pd.DataFrame) -> pd.DataFrame:
    """Return the passages of a center article that both its left and its right article quote,
    with each side's quote and fidelity (:func:`framing.comparisons.corpus.quotes_in_common`;
    ``doc_a`` is the left article, ``doc_b`` the right one)."""
    sides, centers = allsides_pairs(articles)
    sides = sides.sort_values(["story_id", "side"], kind="stable")
    pairs = pd.DataFrame(
        {"doc_id": sides["article_id"], "source_id": sides["story_id"].astype(str) + ":center"}
    )
    return quotes_in_common(sides, centers, pairs, id_col="article_id")


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

    def allsides_mfd(self) -> pd.DataFrame:
        return self.get("mfd", lambda: allsides_mfd(self.allsides(), self.data_dir))

    def allsides_pairs(self) -> pd.DataFrame:
        return self.get("pairs", lambda: allsides_corpus_comparison(self.allsides_all()).articles)

    def allsides_all(self) -> pd.DataFrame:
        # Every story with a center article (not only the complete ones), or the sample.
        return self.get("allsides-all", lambda: allsides_stories(self.data_dir, sample=self.sample))

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
        "allsides-mfd",
        "03-left-center-right",
        "../shared/data/allsides-roundups/, ../shared/data/lexicons/mfd2.0.dic",
        lambda inputs: allsides_mfd_figure(allsides_mfd_rates(inputs.allsides_mfd())),
    ),
    FigureRecipe(
        "allsides-paired",
        "06-partisan-vs-wire",
        "../shared/data/allsides-roundups/",
        lambda inputs: allsides_paired_figure(allsides_paired(inputs.allsides_pairs())),
    ),
    FigureRecipe(
        "allsides-pair-counts",
        "06-partisan-vs-wire",
        "../shared/data/allsides-roundups/",
        lambda inputs: allsides_pair_counts_figure(allsides_pair_counts(inputs.allsides_pairs())),
    ),
    FigureRecipe(
        "allsides-outlets",
        "06-partisan-vs-wire",
        "../shared/data/allsides-roundups/",
        lambda inputs: allsides_outlets_figure(allsides_outlets_paired(inputs.allsides_pairs())),
    ),
    FigureRecipe(
        "polnear-sourcing",
        "07-who-speaks",
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
