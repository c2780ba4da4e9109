"""voice_contrast over a paragraph table: a corpus-level own-versus-cited contrast by group."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing import Article, voice_contrast
from framing.errors import FramingError, InputError
from framing.table.schema import VOICE_COUNT_COLUMNS

COUNTS = ["voice", "words", "share_of_words", "loaded_count", "loaded_per_100_words"]

OTHER = (
    "Raqqa Falls\n\n"
    "A massive, shameful win, officials said. “The city is calm and the radical enemy fled,” "
    "a spokesman said.\n\n"
    "The army’s ruthless push was celebrated."
)


def test_the_table_path_equals_the_article_path_on_the_seed(seed_text):
    from_article = voice_contrast(Article(seed_text))[COUNTS]
    from_table = voice_contrast(framing.analyze(seed_text))
    assert list(from_table.columns) == ["voice", "paragraphs", *COUNTS[1:]]
    pd.testing.assert_frame_equal(from_table[COUNTS], from_article)


MIXED = (
    "Title here\n\nThe brutal war goes on. Officials said the radical group fled.\n\n"
    "The massive army moved, and the mayor said “the shameful raid was a disgrace.”"
)


@pytest.mark.parametrize("name", ["seed", "mixed"])
def test_each_paragraphs_voice_counts_add_up(seed_text, name):
    table = framing.analyze(seed_text if name == "seed" else MIXED)
    assert (table["own_words"] + table["attributed_words"] + table["quoted_words"]).tolist() == (
        table["words"].tolist()
    )
    loaded = table["loaded_own_count"] + table["loaded_attributed_count"]
    assert (loaded + table["loaded_quoted_count"]).tolist() == table["loaded_count"].tolist()
    if name == "mixed":  # a mixed paragraph is split word by word, and its loaded terms
        # "The brutal war goes on." (own) "Officials said the radical group fled." (attributed)
        row = table.iloc[1]
        assert row["voice"] == "mixed"
        assert (row["own_words"], row["attributed_words"], row["quoted_words"]) == (5, 6, 0)
        assert (row["loaded_own_count"], row["loaded_attributed_count"]) == (1, 1)


def test_a_grouped_contrast_adds_up_each_groups_articles(seed_text):
    corpus = pd.DataFrame(
        {"text": [seed_text, OTHER, OTHER], "outlet": ["x", "y", "y"], "doc_id": ["s", "o1", "o2"]}
    )
    table = framing.analyze(corpus, id_col="doc_id", keep=["outlet"])
    grouped = voice_contrast(table, by="outlet")
    assert list(grouped.columns[:2]) == ["outlet", "voice"]
    x = grouped[grouped["outlet"] == "x"].reset_index(drop=True)
    pd.testing.assert_frame_equal(x[COUNTS], voice_contrast(Article(seed_text))[COUNTS])
    y = grouped[grouped["outlet"] == "y"].set_index("voice")
    one = voice_contrast(Article(OTHER)).set_index("voice")
    assert y["words"].tolist() == (2 * one["words"]).tolist()
    assert y["loaded_count"].tolist() == (2 * one["loaded_count"]).tolist()
    assert y["share_of_words"].tolist() == pytest.approx(one["share_of_words"].tolist())
    assert y.loc["own", "loaded_count"] > 0 and y.loc["quoted", "loaded_count"] == 2
    by_two = voice_contrast(table, by=["outlet", "doc_id"])
    assert len(by_two) == 3 * 4 and set(by_two["doc_id"]) == {"s", "o1", "o2"}


def test_a_table_without_voice_counts_or_group_column_is_refused(seed_text):
    without_voice = framing.analyze(seed_text, measures=["sentiment", "loaded"])
    assert not set(VOICE_COUNT_COLUMNS) & set(without_voice.columns)
    with pytest.raises(InputError, match="own_words.*voice measure"):
        voice_contrast(without_voice)
    with pytest.raises(InputError, match="no column 'outlet' to group by"):
        voice_contrast(framing.analyze(seed_text), by="outlet")
    with pytest.raises(FramingError, match="by= groups the rows of a paragraph table"):
        voice_contrast(Article(seed_text), by="outlet")
