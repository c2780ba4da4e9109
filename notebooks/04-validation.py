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
# # 04 · Does the loaded-language measure agree with experts?
#
# BABE (Spinde et al. 2021) has 3,674 news sentences labelled by expert annotators as biased or
# not, with the words that make them biased. Word level: the words the lexicon marks against
# the words the experts marked. Sentence level: loaded terms per 100 words as a score for the
# experts' "Biased" label (ROC curve), with TextBlob subjectivity as the baseline.

# %% tags=["parameters"]
# Parameters (papermill): the folder that holds babe/ (None: $FRAMING_DATA_DIR, else the user
# cache), the number of sentences to draw (None: all), where to save figures.
data_dir = None
sample = None
figures_dir = None

# %%
# %matplotlib inline
from framing.comparisons import validation
from framing.report import figures
from framing.report.notebook import load_or_stop

sentences = load_or_stop(figures.babe_sentences, data_dir, sample=sample)
sentences["label_bias"].value_counts()

# %% [markdown]
# ## Word level: precision and recall
# Pooled over all sentences; each word type counts once per sentence.

# %%
agreement = validation.word_agreement(sentences)
validation.precision_recall(agreement)

# %% [markdown]
# ## Sentence level: ROC curves
# The lexicon's count and its intensity-weighted score per 100 words, against TextBlob.

# %%
scores = figures.babe_scores(sentences)
roc = figures.babe_roc_figure(scores)
figures.save(roc, "babe-roc", figures_dir)
roc

# %% [markdown]
# ## The errors worth reading
# Sentences where the experts marked words that the lexicon missed: often words that are
# loaded only in their context, which a lexicon cannot see. BABE stays held out: the lexicon's
# entries are never taken from it, so these are for understanding the measure, not tuning it.

# %%
validation.errors_worth_reading(agreement, kind="missed", n=10)

# %% [markdown]
# ... and sentences where the lexicon marked words that the experts did not: words that are
# loaded in partisan use but neutral in the sentence at hand.

# %%
validation.errors_worth_reading(agreement, kind="false alarm", n=10)
