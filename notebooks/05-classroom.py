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
# Below, the worked example is already filled in, so this page reads well as it is. To use
# your own article, paste it into the box at the end (in JupyterLab), or set `article_text`.

# %% tags=["parameters"]
# Parameters (papermill): an article's text (None: the seed article), and whether to compare it
# with the DoD/CENTCOM release it quotes.
article_text = None
compare_with_source = True

# %%
from framing.report import classroom

lesson = classroom.Lesson.create(article_text, compare_with_source=compare_with_source)
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
# Paste an article (headline first, a blank line between paragraphs), choose what to show, and
# press **Show**. A printable worksheet of any article: `framing worksheet ARTICLE.txt -o
# worksheet.html`.

# %%
classroom.controls()
