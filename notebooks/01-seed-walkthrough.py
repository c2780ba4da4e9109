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
# # 01 · The seed article, paragraph by paragraph
#
# "ALERT: Trump Wins Massive Military Victory, Obama Never Did This" (October 2017) attributes
# its facts to CBS, NBC, NPR and CENTCOM. This notebook measures it paragraph by paragraph:
# sentiment, loaded language, and whose voice each paragraph speaks in. Every cell calls the
# `framing` package; the figures are the ones `make figures` writes.

# %% tags=["parameters"]
# Parameters (papermill): the article to read (None: the embedded seed) and where to save
# figures (None: only show them).
article_path = None
figures_dir = None

# %%
# %matplotlib inline
import framing
from framing.comparisons.contrast import voice_contrast
from framing.datasets import examples
from framing.report import figures
from framing.report.highlight import article_html

article = examples.load_article(article_path)
table = framing.analyze(article)
table[["paragraph", "role", "words", "polarity", "subjectivity", "loaded_terms"]]

# %% [markdown]
# ## The sentiment strip
# Polarity (TextBlob, -1 to 1), subjectivity (0 to 1) and loaded terms per 100 words, for each
# paragraph; paragraph 0 is the headline.

# %%
strip = figures.seed_sentiment_figure(article)
figures.save(strip, "seed-sentiment", figures_dir)
strip

# %% [markdown]
# ## Loaded language and voice, in the text
# Each loaded term is marked in the colour of its category; quoted words are in italics on
# grey, attributed words are underlined, and the rule on the left gives the paragraph's voice.

# %%
article_html(article)

# %% [markdown]
# ## Whose voice?
# The outlet's own words against what it attributes to its sources or quotes from them.

# %%
table[["paragraph", "voice", "sources", "quoted_share"]]

# %%
voices = figures.seed_voice_strip(article)
voices

# %% [markdown]
# ## The contrast: the outlet's own words against the words it cites
# This is the first finding: the loaded language is the outlet's, not its sources'.

# %%
voice_contrast(article)

# %%
contrast = figures.seed_voice_figure(article)
figures.save(contrast, "seed-voice", figures_dir)
contrast
