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
# # 03 · Left, center, right: one event, three framings
#
# AllSides' headline roundups put a left, a center and a right outlet's coverage of the same
# story side by side (506 stories, April to October 2021; Lee et al. 2022). This notebook
# compares the sides' sentiment and loaded language with bootstrap confidence intervals, per
# outlet, and finds the words that separate left from right coverage.

# %% tags=["parameters"]
# Parameters (papermill): the folder that holds allsides-roundups/ (None: $FRAMING_DATA_DIR,
# else the user cache), the number of stories to use (None: all), where to save figures.
data_dir = None
sample = None
figures_dir = None

# %%
# %matplotlib inline
from framing.report import figures
from framing.report.notebook import load_or_stop

articles = load_or_stop(figures.allsides_articles, data_dir, sample=sample)
articles[["story_id", "story", "side", "source", "title"]].head(9)

# %% [markdown]
# ## Measures per article
# Polarity and subjectivity are means over an article's paragraphs; loaded terms per 100 words
# pool the whole article. AllSides crawled each article's first paragraphs only.

# %%
measures = figures.allsides_measures(articles)
measures.describe()

# %% [markdown]
# ## By side, with 95% bootstrap confidence intervals

# %%
comparison = figures.allsides_comparison(measures)
comparison.means

# %%
comparison.pairs

# %%
distributions = figures.allsides_distributions_figure(measures, comparison)
figures.save(distributions, "allsides-distributions", figures_dir)
distributions

# %% [markdown]
# ## Per outlet (outlets with at least three articles)

# %%
figures.outlet_table(measures, min_articles=3)

# %% [markdown]
# ## The words that separate the sides
# Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008):
# positive z for words more typical of the left's coverage, negative for the right's.

# %%
keyness = figures.allsides_keyness(articles)
keyness.head(15)

# %%
keyness_figure = figures.allsides_keyness_figure(keyness)
figures.save(keyness_figure, "allsides-keyness", figures_dir)
keyness_figure

# %% [markdown]
# ## Moral foundations per paragraph and per voice (MFD 2.0)
# The Moral Foundations Dictionary 2.0 (Frimer et al. 2019) counted in every paragraph, one
# category at a time, and split by who speaks: the outlet's own words, and the words it
# attributes or quotes. The table is the tidy long form of `framing.analyze(...,
# dictionaries={"mfd": ...}, dictionary_form="long")`: one row per paragraph and category.
# The file is not shipped with framing; `framing download` says where to get it.

# %%
moral = load_or_stop(figures.allsides_mfd, articles, data_dir)
moral[moral["count"] > 0].head(10)

# %% [markdown]
# Rates pool each side's matches over its words in each voice (matches per 100 words), with
# 95% bootstrap intervals that resample articles.

# %%
moral_rates = figures.allsides_mfd_rates(moral)
moral_rates[moral_rates["voice"].isin(["own", "cited"])].head(12)

# %%
moral_figure = figures.allsides_mfd_figure(moral_rates)
figures.save(moral_figure, "allsides-mfd", figures_dir)
moral_figure
