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
# Paste an article into the first box (the headline, a blank line, then its paragraphs) and,
# if you have it, the report it cites into the second, with a name for it, then press
# **Show**. With the seed article in the first box, it is shown beside the DoD/CENTCOM release
# it quotes; an article of your own is compared with the source you give, or with nothing.
# **Download the worksheet** saves the page to print or share; **Print view** shows it as it
# prints (then use your browser's Print). The second tab puts the left, center and right
# articles of one story side by side, from the AllSides roundups in your data folder.

# %% tags=["parameters"]
# Parameters (papermill): an article's text (None: the seed article, beside the DoD/CENTCOM
# release it quotes), the text of the report it cites (None: no comparison), and the name the
# page gives that report (None: its headline); the folder that holds allsides-roundups/ (None:
# $FRAMING_DATA_DIR, else the user cache); and whether to show the worked example below the app
# (`framing classroom` serves the app alone).
article_text = None
source_text = None
source_name = None
data_dir = None
worked_example = True

# %%
from framing.report import classroom

classroom.App(
    article_text=article_text, source_text=source_text, source_name=source_name, data_dir=data_dir
)

# %%
# The worked example as a static page, which reads without a live kernel.
classroom.worked_example(
    article_text, source=source_text, source_name=source_name, show=worked_example
)
