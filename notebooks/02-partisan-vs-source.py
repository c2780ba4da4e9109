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
# # 02 · The partisan article against the report it quotes
#
# The seed quotes the U.S. Department of Defense / CENTCOM release of 2017-10-16 (public
# domain, embedded in `framing/data/sources/`). This notebook aligns each seed paragraph with the
# release paragraph it draws on, measures how it reframes it (the framing delta), checks its
# quotes, and lists what it left out. The CBS and NPR reports cannot be shipped: fetch them on
# your machine with `framing fetch-sources framing/data/sources/manifest.csv --cache DIR` and set
# `sources_cache` below to add them.

# %% tags=["parameters"]
# Parameters (papermill): the partisan article (None: the seed), a folder of fetched source
# texts (None: the embedded DoD release only), and where to save figures.
article_path = None
sources_cache = None
figures_dir = None

# %%
# %matplotlib inline
from framing.datasets import examples
from framing.report import figures

article = examples.load_article(article_path)
sources = examples.seed_sources(sources_cache)
list(sources)

# %% [markdown]
# ## Alignment and framing delta
# One row per seed paragraph (`aligned` or `unsourced`) and one per source paragraph that the
# seed never uses (`omitted`). Deltas are partisan minus source.

# %%
comparison = figures.seed_comparison(article, sources)
comparison

# %%
alignment = figures.seed_alignment_figure(article, comparison)
figures.save(alignment, "seed-alignment", figures_dir)
alignment

# %% [markdown]
# ## Quote fidelity
# Is each direct quotation found verbatim in a source, altered, or not found there?

# %%
comparison.loc[comparison["quote_fidelity"].notna(), ["paragraph", "source_doc", "quote_fidelity"]]

# %% [markdown]
# ## What the article added, and what it dropped

# %%
comparison.loc[
    comparison["status"] == "aligned",
    ["paragraph", "source_paragraph", "added_loaded_terms", "dropped_hedges"],
]

# %% [markdown]
# ## The omission map: source paragraphs the article never uses

# %%
comparison.loc[comparison["status"] == "omitted", ["source_doc", "source_paragraph"]]
