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
# # 05 · In the classroom: how is this story told?
#
# Read an article with its **loaded language** highlighted (words chosen to make you feel
# something) and its **voices** shaded (the outlet's own words, and the words it quotes or
# credits to a source). Then put it beside the report it cites, and answer the questions.
#
# Below, the worked example is already filled in: the seed article beside the DoD/CENTCOM
# release it quotes, so this page reads well as it is. To use your own article, paste it into
# the box at the end (in JupyterLab), with the report it cites and a name for that report, or
# set `article_text`, `source_text` and `source_name`. The release goes with the seed only: an
# article of your own is compared with the source you give, or with nothing.

# %% tags=["parameters"]
# Parameters (papermill): an article's text (None: the seed article, beside the DoD/CENTCOM
# release it quotes), the text of the report it cites (None: no comparison), and the name the
# page gives that report (None: its headline).
article_text = None
source_text = None
source_name = None

# %%
from framing.report import classroom

lesson = classroom.Lesson.create(article_text, source=source_text, source_name=source_name)
lesson.headline

# %% [markdown]
# ## The article, highlighted, beside its source

# %%
lesson.html()

# %% [markdown]
# ## Discussion questions

# %%
lesson.questions_html()

# %% [markdown]
# ## Try your own article
# Paste an article (headline first, a blank line between paragraphs), and, if you have it, the
# report it cites with a name for it; then press **Show**. A printable worksheet of any article:
# `framing worksheet ARTICLE.txt --source REPORT.txt -o worksheet.html`.

# %%
classroom.controls()
