# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 06 · Partisan against wire: every left and right article against its center article
#
# In AllSides' headline roundups each story has a left, a center and a right article; 122 of
# the center articles are the Associated Press or Reuters. Here each left and right article is
# aligned, paragraph by paragraph, with its story's center article (`framing.compare_corpus`,
# paired on the story), and the differences are taken **within each pair** (article minus its
# center article), so that a story's own tone does not pass for an outlet's framing
# (`framing.comparisons.paired.paired_differences`: bootstrap intervals, Cohen's d_z, sign-flip
# tests). Then the same against the AP/Reuters subset alone, per outlet, and the fidelity of
# each side's quotes.
#
# AllSides crawled only each article's first paragraphs, so "omitted" and "unsourced" here mean
# within those first paragraphs.

# %% tags=["parameters"]
# Parameters (papermill): the folder that holds allsides-roundups/ (None: $FRAMING_DATA_DIR,
# else the user cache), the number of stories to use (None: all), where to save figures, and
# the fewest articles an outlet needs to be shown on its own.
data_dir = None
sample = None
figures_dir = None
min_outlet_pairs = 8

# %%
# %matplotlib inline
from framing.report import figures
from framing.report.notebook import load_or_stop

articles = load_or_stop(figures.allsides_stories, data_dir, sample=sample)
articles[["story_id", "side", "source", "title"]].head(6)

# %% [markdown]
# ## Every pair aligned
# One row per paragraph of each left or right article (aligned with a center paragraph, or
# unsourced), then the center paragraphs it omits; and one row per pair.

# %%
comparison = figures.allsides_corpus_comparison(articles)
comparison.paragraphs[
    [
        "doc_id",
        "source_id",
        "side",
        "status",
        "paragraph",
        "source_paragraph",
        "delta_loaded_per_100_words",
        "added_loaded_terms",
        "quote_fidelity",
    ]
].head(10)

# %%
pairs = comparison.articles
pairs.groupby("side")[
    [
        "share_unsourced",
        "share_omitted",
        "mean_delta_subjectivity",
        "mean_delta_loaded_per_100_words",
    ]
].mean()

# %% [markdown]
# ## Paired differences by side
# Article minus its center article: loaded language and subjectivity of the outlet's own words
# (neither quoted nor attributed), and the share of words in direct quotes. Against every
# center article, and against the AP and Reuters articles alone.

# %%
paired = figures.allsides_paired(pairs)
paired[
    [
        "reports",
        "measure",
        "group",
        "n",
        "mean_article",
        "mean_source",
        "mean_difference",
        "ci_low",
        "ci_high",
        "cohens_dz",
        "p_value",
    ]
]

# %%
paired_figure = figures.allsides_paired_figure(paired)
figures.save(paired_figure, "allsides-paired", figures_dir)
paired_figure

# %% [markdown]
# ## What each side changes in the paragraphs it shares
# Loaded terms added and hedges dropped in aligned paragraphs, and quotes altered or not found
# in the center article, per article (mean and 95% bootstrap interval).

# %%
counts = figures.allsides_pair_counts(pairs)
counts

# %%
counts_figure = figures.allsides_pair_counts_figure(counts)
figures.save(counts_figure, "allsides-pair-counts", figures_dir)
counts_figure

# %% [markdown]
# ## Per outlet
# Outlets with at least `min_outlet_pairs` articles, largest loaded-language difference first.

# %%
outlets = figures.allsides_outlets_paired(pairs, min_pairs=min_outlet_pairs)
outlets[["group", "side", "measure", "n", "mean_difference", "ci_low", "ci_high", "cohens_dz"]]

# %%
outlets_figure = figures.allsides_outlets_figure(outlets)
figures.save(outlets_figure, "allsides-outlets", figures_dir)
outlets_figure

# %% [markdown]
# ## Quote fidelity across sides
# Each direct quote (four words or more) of a left or right article, looked up in its center
# article: verbatim, altered (at least 60% of its words in order), or not found.

# %%
figures.allsides_quote_fidelity(comparison.paragraphs)

# %% [markdown]
# Where the left and the right article both quote the same passage of their center article:
# each quote with its fidelity, so that one side altering what the other quotes verbatim shows.

# %%
figures.allsides_quotes_in_common(articles)

# %% [markdown]
# ## The words that separate the three sides
# Each side against the other two (Monroe, Colaresi and Quinn 2008's log-odds ratio with an
# informative Dirichlet prior), the top terms of each.

# %%
from framing.comparisons.groups import keyness

keyness(articles, group_col="side", groups=["left", "center", "right"], min_count=5).groupby(
    "group", sort=False
).head(8)
