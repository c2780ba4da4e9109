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
# # 06 · Who speaks: sourcing by publisher on PolNeAR
#
# PolNeAR (Newell, Margolin and Ruths 2018) has 840 training articles from seven US publishers
# of the 2016 campaign. For each article, the voice detector says which words are the outlet's
# own, which it attributes to a source and which it quotes, and who the sources are: named
# (a person, an organisation, an outlet) or not (an unnamed official, a document, members of
# the public). The detector's agreement with PolNeAR's annotators is in README, "Validation"
# (`benchmarks/polnear_voice.py`). Intervals are percentile bootstraps over articles
# (`framing.compare_groups`, fixed seed).

# %% tags=["parameters"]
# Parameters (papermill): the folder that holds polnear/ (None: $FRAMING_DATA_DIR, else the
# user cache), the number of articles per publisher (None: all), where to save figures.
data_dir = None
sample = None
figures_dir = None

# %%
# %matplotlib inline
from framing.report import figures
from framing.report.notebook import load_or_stop

articles = load_or_stop(figures.polnear_articles, data_dir, sample=sample)
articles["publisher"].value_counts()

# %% [markdown]
# ## One row per article
# Shares of the article's words (own, attributed, quoted), its sources (each once), the share
# of them of each kind, and loaded reporting verbs ("claimed", "slammed") per 1,000 words.

# %%
sourcing = figures.polnear_sourcing(articles)
sourcing.head()

# %% [markdown]
# ## Means by publisher, with 95% bootstrap intervals

# %%
comparison = figures.polnear_comparison(sourcing)
comparison.means.pivot(index="group", columns="measure", values="mean").round(3)

# %%
comparison.means.round(3)

# %% [markdown]
# ## The figure: own, attributed and quoted words, unnamed and document sources

# %%
sourcing_figure = figures.polnear_sourcing_figure(sourcing, comparison)
figures.save(sourcing_figure, "polnear-sourcing", figures_dir)
sourcing_figure

# %% [markdown]
# ## Which differences are there at all?
# Pairs of publishers with their difference in means, effect size and permutation p-value,
# the smallest permutation p-values first.

# %%
comparison.pairs.sort_values("p_value").head(15)
