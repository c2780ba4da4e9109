"""The tidy table: one row per paragraph, the same columns everywhere, no row dropped."""

from __future__ import annotations

import io

import pandas as pd
import pytest

import framing
from framing import Article, FramingError, analyze
from framing.measures.lexicon import Entry, Lexicon
from framing.measures.sentiment import Sentiment
from framing.table.schema import COLUMNS, MEASURE_DEFINITIONS
from framing.text.segment import LineSegmenter
from tests.test_io import BAD_ROWS, CORPUS_ROWS, GOOD_PARAGRAPHS

ISSUE_COLUMNS = [
    "doc_id",
    "paragraph",
    "role",
    "start",
    "end",
    "text",
    "words",
    "polarity",
    "subjectivity",
    "vader_compound",
    "vader_mean",
    "sentences",
    "loaded_count",
    "loaded_own_count",
    "loaded_attributed_count",
    "loaded_quoted_count",
    "loaded_per_100_words",
    "loaded_score_per_100_words",
    "loaded_terms",
]


#: Added by the voice measures (issue 3), after the loaded-language columns, then each voice's
#: words (issue 14).
VOICE_COLUMNS = [
    "voice",
    "sources",
    "source_kinds",
    "quoted_share",
    "own_words",
    "attributed_words",
    "quoted_words",
]
VADER_COLUMNS = ["vader_compound", "vader_mean", "sentences"]
LOADED_COLUMNS = ISSUE_COLUMNS[12:]
#: The loaded-language matches of each voice: present when loaded and voice both are.
LOADED_VOICE_COLUMNS = ["loaded_own_count", "loaded_attributed_count", "loaded_quoted_count"]


def test_columns_are_the_issues_then_voice_then_an_error_column():
    assert COLUMNS == [*ISSUE_COLUMNS, *VOICE_COLUMNS, "error"]
    assert list(MEASURE_DEFINITIONS) == COLUMNS


def test_the_seed_table(seed_text):
    table = analyze(seed_text)
    assert list(table.columns) == COLUMNS
    assert len(table) == 13
    assert table["paragraph"].tolist() == list(range(13))
    assert table["role"].tolist() == ["headline"] + ["body"] * 12
    assert (table["doc_id"] == "doc").all() and (table["error"] == "").all()
    for row in table.itertuples():
        assert seed_text[row.start : row.end] == row.text
    article = Article(seed_text)
    assert table["words"].tolist() == [p.words for p in article.paragraphs]
    assert table["loaded_terms"].tolist() == [p.loaded_terms for p in article.paragraphs]
    assert table["loaded_count"].tolist() == [p.loaded_count for p in article.paragraphs]
    assert str(table["start"].dtype) == "Int64" and str(table["polarity"].dtype) == "float64"


def test_loaded_terms_list_term_category_and_matched_text():
    lexicon = Lexicon([Entry("massive*", "hyperbole"), Entry("root out", "eradication")])
    table = analyze("Title\n\nA Massively big push to root\nout ISIS, massive.", lexicon=lexicon)
    assert table["loaded_terms"].tolist() == [
        "",
        "massive*:hyperbole=Massively;root out:eradication=root out;massive*:hyperbole=massive",
    ]
    assert table["loaded_count"].tolist() == [0, 3]
    assert table["loaded_per_100_words"].tolist() == [0.0, 100 * 3 / 9]


def test_the_weighted_score_sums_intensities_and_loaded_count_stays_a_count():
    lexicon = Lexicon(
        [Entry("vermin", "dehumanising", intensity=3), Entry("slammed", "saying", intensity=1)]
    )
    table = analyze(Article("They slammed the vermin, the vermin.", lexicon=lexicon))
    assert table["loaded_count"].tolist() == [3]
    assert table["loaded_score_per_100_words"].tolist() == [100 * (1 + 3 + 3) / 6]
    assert table["loaded_per_100_words"].tolist() == [100 * 3 / 6]


def test_a_matcher_without_intensities_weighs_each_match_one():
    table = analyze("Raqqa fell.", lexicon=OPTIONS["lexicon"])
    assert table["loaded_score_per_100_words"].equals(table["loaded_per_100_words"])


OWN_AND_QUOTED = [
    # text, loaded_count, loaded_own_count
    ("The evil plan failed.", 1, 1),  # own words
    ("“It is an evil plan,” the senator said.", 1, 0),  # quoted: counted, not own
    ("The evil plan failed. “It is a vile scheme,” the senator said.", 2, 1),  # mixed
]


@pytest.mark.parametrize(("text", "count", "own"), OWN_AND_QUOTED)
def test_loaded_own_count_counts_the_outlets_own_words(text, count, own):
    table = analyze(Article(text, headline=False))
    assert (table["loaded_count"].tolist(), table["loaded_own_count"].tolist()) == ([count], [own])
    assert "vile" in table["loaded_terms"][0] or count == 1  # quotes stay in loaded_terms


class CountsOnly:
    """A voice detector that gives word counts and no segments."""

    def __init__(self, own_share):
        self.own_share = own_share

    def detect(self, paragraphs):
        from framing.voice import ParagraphVoice

        voices = []
        for text in paragraphs:
            words = len(text.split())
            cited = words - round(self.own_share * words)
            voices.append(ParagraphVoice("own" if not cited else "mixed", words, cited, 0))
        return voices


@pytest.mark.parametrize(("own_share", "expected"), [(1.0, [2]), (0.0, [0]), (0.5, [None])])
def test_loaded_own_count_from_a_detector_without_segments(own_share, expected):
    article = Article("An evil and vile plan.", headline=False, voice=CountsOnly(own_share))
    table = analyze(article)
    assert table["loaded_count"].tolist() == [2]
    assert (
        table["loaded_own_count"]
        .astype(object)
        .where(table["loaded_own_count"].notna(), None)
        .tolist()
        == expected
    )


def test_loaded_own_count_needs_the_voice_measure():
    table = analyze("The evil plan failed.", measures=["loaded"])
    assert "loaded_count" in table and "loaded_own_count" not in table
    assert "loaded_own_count" in analyze("The evil plan failed.", measures=["loaded", "voice"])


def test_vader_mean_is_the_mean_over_sentences_with_their_count():
    text = "A horrible movie. A fine cast. Nothing else"
    table = analyze(Article(text, headline=False), measures=["vader"])
    scores = [framing.measures.sentiment.default_vader().compound(s) for s in text.split(". ")]
    assert table["sentences"].tolist() == [3]
    assert table["vader_mean"].tolist() == [pytest.approx(sum(scores) / 3)]
    assert table["vader_compound"].tolist() == [Article(text).paragraphs[0].vader_compound]


def test_vader_mean_does_not_saturate_on_long_text(seed_text):
    own = framing.voice_contrast(Article(seed_text)).set_index("voice").loc["own"]
    assert own["vader_compound"] < -0.98  # the saturated score of the joined own words
    assert -0.6 < own["vader_mean"] < -0.1 and own["sentences"] >= 10


def test_an_article_and_its_text_give_the_same_table(seed_text):
    pd.testing.assert_frame_equal(analyze(Article(seed_text)), analyze(seed_text))


class ConstantSentiment:
    def score(self, text: str) -> Sentiment:
        return Sentiment(0.5, 0.25)


class ConstantCompound:
    def compound(self, text: str) -> float:
        return 0.125


OPTIONS = {
    "lexicon": Lexicon([Entry("raqqa", "place")]),
    "sentiment": ConstantSentiment(),
    "vader": ConstantCompound(),
    "segmenter": LineSegmenter(),
}
TEXT = "Title\nISIS lost Raqqa.\nRaqqa fell."


def _check_options_used(table: pd.DataFrame) -> None:
    body = table[table["error"] == ""]
    assert body["text"].tolist()[-3:] == ["Title", "ISIS lost Raqqa.", "Raqqa fell."]
    assert set(body["polarity"]) == {0.5} and set(body["subjectivity"]) == {0.25}
    assert set(body["vader_compound"]) == {0.125}
    assert body["loaded_terms"].tolist()[-3:] == ["", "raqqa:place=Raqqa", "raqqa:place=Raqqa"]


@pytest.mark.parametrize(
    "data",
    [TEXT, Article(TEXT), pd.DataFrame({"text": [TEXT]})],
    ids=["text", "article", "dataframe"],
)
def test_options_passed_to_analyze_are_used_for_every_paragraph(data):
    _check_options_used(analyze(data, **OPTIONS))


def test_an_articles_own_options_are_kept():
    _check_options_used(analyze(Article(TEXT, **OPTIONS)))


def test_a_dataframe_keeps_every_row():
    rows = [*CORPUS_ROWS, {"id": "number", "text": 42}, {"id": "nan", "text": float("nan")}]
    frame = pd.DataFrame(rows)
    table = analyze(frame, id_col="id")
    assert list(table.columns) == COLUMNS
    # Every article is there: the good ones with their paragraphs, each bad one with one row.
    assert table["doc_id"].drop_duplicates().tolist() == frame["id"].tolist()
    errors = table[table["error"] != ""]
    assert dict(zip(errors["doc_id"], errors["error"], strict=True)) == {
        "empty": "empty text",
        "blank": "empty text",
        "missing": "missing text",
        "number": "not text (int)",
        "nan": "missing text",
    }
    assert len(table) == GOOD_PARAGRAPHS + len(BAD_ROWS) + 2
    assert errors[["paragraph", "start", "polarity"]].isna().all().all()


def test_a_dataframe_without_an_id_column_uses_its_index():
    frame = pd.DataFrame({"body": ["One.", "Two."]}, index=[10, 20])
    table = analyze(frame, text_col="body")
    assert table["doc_id"].tolist() == [10, 20]


@pytest.mark.parametrize(
    ("data", "options", "message"),
    [
        (pd.DataFrame({"body": ["x"]}), {}, "the DataFrame has no column 'text'; name its text"),
        (pd.DataFrame({"text": ["x"]}), {"id_col": "url"}, "has no column 'url'; name its id"),
        (["a list"], {}, r"analyze\(\) takes an article's text \(str\), an Article or a DataFrame"),
        ("text", {"lexicon": "no-such-lexicon"}, "cannot load lexicon 'no-such-lexicon'"),
        ("text", {"sentiment": "textblob"}, r"sentiment= needs an object with a \.score\(\)"),
    ],
)
def test_bad_input_says_what_to_do(data, options, message):
    with pytest.raises(FramingError, match=message):
        analyze(data, **options)


def test_an_empty_text_gets_an_error_row():
    table = analyze("  \n ")
    assert table["error"].tolist() == ["empty text"]
    assert list(table.columns) == COLUMNS


# --- choosing the measures -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("measures", "left_out"),
    [
        (["sentiment", "vader", "loaded"], [*VOICE_COLUMNS, *LOADED_VOICE_COLUMNS]),
        (["voice"], ["polarity", "subjectivity", *VADER_COLUMNS, *LOADED_COLUMNS]),
        (
            "loaded",
            ["polarity", "subjectivity", *VADER_COLUMNS, *VOICE_COLUMNS, *LOADED_VOICE_COLUMNS],
        ),
        (("voice", "sentiment"), [*VADER_COLUMNS, *LOADED_COLUMNS]),
    ],
)
def test_chosen_measures_give_the_same_values_without_the_others(seed_text, measures, left_out):
    full = analyze(seed_text)
    for data in (seed_text, Article(seed_text), pd.DataFrame({"text": [seed_text, None]})):
        table = analyze(data, measures=measures)
        assert list(table.columns) == [c for c in COLUMNS if c not in left_out]
        expected = analyze(data)[table.columns]
        pd.testing.assert_frame_equal(table, expected)
    pd.testing.assert_frame_equal(analyze(seed_text, measures=measures), full[table.columns])


def test_chosen_measures_are_the_same_on_every_core(seed_text):
    corpus = pd.DataFrame({"text": [seed_text] * 600 + ["", "ISIS lost."] * 10})
    serial = analyze(corpus, measures=["loaded", "sentiment"], n_jobs=1)
    left_out = [*VADER_COLUMNS, *VOICE_COLUMNS, *LOADED_VOICE_COLUMNS]
    assert serial.shape == (600 * len(analyze(seed_text)) + 20, len(COLUMNS) - len(left_out))
    pd.testing.assert_frame_equal(
        analyze(corpus, measures=["loaded", "sentiment"], n_jobs=2), serial
    )


@pytest.mark.parametrize(
    ("measures", "message"),
    [
        (["voices"], "measures='voices' is not valid; use one of: sentiment, vader, loaded, voice"),
        ([], "measures= is empty; choose one or more of: sentiment, vader, loaded, voice"),
    ],
)
def test_bad_measures_say_which_are_valid(measures, message):
    with pytest.raises(FramingError) as error:
        analyze("ISIS lost.", measures=measures)
    assert str(error.value).startswith(message)


# --- characters that show nothing, and lone surrogates --------------------------------------------

#: Rows with characters that show nothing or are not characters: (id, text, headline, body
#: paragraphs, error). A line of only zero-width or control characters is blank; a paragraph is
#: trimmed of them; a lone surrogate, which no UTF-8 file can hold, gets an error row.
BAD_UNICODE_ROWS = [
    # NUL ends the headline and makes a line of its own (blank); inside a line it stays.
    ("nul", "Title\x00\n\x00\nBody\x00 one.", "Title", ["Body\x00 one."], ""),
    # NEL is white space: trimmed, and a line of it is blank; inside a line it stays.
    ("nel", "Title\x85\n\x85\nBody one.\x85Two.", "Title", ["Body one.\x85Two."], ""),
    # Zero-width spaces: a line of them is blank, never a headline or a paragraph.
    (
        "zero-width",
        "\u200b\u200b\nTitle\u200b\n\u200b\nBody\u200b one.",
        "Title",
        ["Body\u200b one."],
        "",
    ),
    # U+FEFF as a byte-order mark at the start of lines, and inside one.
    ("bom", "\ufeffTitle\n\n\ufeffBody \ufeffone.", "Title", ["Body \ufeffone."], ""),
    # A first line of nothing visible, then a sentence: no headline.
    ("no-headline", "\u200b\ufeff\x00\n\nISIS lost Raqqa.", None, ["ISIS lost Raqqa."], ""),
    # Nothing visible at all: an empty text.
    ("invisible", "\u200b\x00\n\ufeff\x85", None, [], "empty text"),
    (
        "surrogate",
        "Title\ud83d\n\nBody \udc00 one.",
        None,
        [],
        "text holds a lone surrogate U+D83D at character 5, half of a UTF-16 pair that no UTF-8 "
        "file can hold; write the pair whole or drop it",
    ),
    ("after", "Last\n\nISIS lost Raqqa.", "Last", ["ISIS lost Raqqa."], ""),
]
BAD_UNICODE_IDS = [row[0] for row in BAD_UNICODE_ROWS]


def bad_unicode_frame() -> pd.DataFrame:
    """Return the rows as a corpus (object columns: pandas' strings cannot hold a surrogate)."""
    return pd.DataFrame(
        {
            "id": pd.Series(BAD_UNICODE_IDS, dtype=object),
            "text": pd.Series([row[1] for row in BAD_UNICODE_ROWS], dtype=object),
        }
    )


def check_bad_unicode_table(table: pd.DataFrame, rows: list[tuple] = BAD_UNICODE_ROWS) -> None:
    """Assert every row is there, each with its paragraphs or its error, offsets exact."""
    assert list(table.columns) == COLUMNS
    assert table["doc_id"].drop_duplicates().tolist() == [row[0] for row in rows]
    for doc_id, text, headline, body, error in rows:
        rows = table[table["doc_id"] == doc_id]
        if error:
            assert rows["error"].tolist() == [error]
            assert rows[["paragraph", "start", "end", "text", "polarity"]].isna().all().all()
            continue
        assert (rows["error"] == "").all()
        assert rows["text"].tolist() == ([headline] if headline else []) + body
        assert rows["role"].tolist() == ["headline"] * bool(headline) + ["body"] * len(body)
        for start, end, paragraph in zip(rows["start"], rows["end"], rows["text"], strict=True):
            assert text[int(start) : int(end)] == paragraph


def test_rows_with_control_zero_width_or_surrogate_characters_keep_their_rows():
    check_bad_unicode_table(analyze(bad_unicode_frame(), id_col="id"))


@pytest.mark.parametrize(
    ("doc_id", "text", "headline", "body", "error"), BAD_UNICODE_ROWS, ids=BAD_UNICODE_IDS
)
def test_a_text_alone_gives_the_same_rows_as_in_a_corpus(doc_id, text, headline, body, error):
    alone = analyze(text)
    in_corpus = analyze(bad_unicode_frame(), id_col="id")
    in_corpus = in_corpus[in_corpus["doc_id"] == doc_id].reset_index(drop=True)
    # An error row's missing values are None alone and NaN among other rows: compare as values.
    assert _records(alone.drop(columns="doc_id")) == _records(in_corpus.drop(columns="doc_id"))
    assert alone["error"].tolist()[0] == error


def _records(table: pd.DataFrame) -> list[dict]:
    return table.astype(object).where(table.notna(), None).to_dict("records")


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_a_table_with_such_rows_saves_and_reads_back_the_same(tmp_path, suffix):
    table = analyze(bad_unicode_frame(), id_col="id")
    path = framing.save_table(table, tmp_path / f"table{suffix}")
    if suffix == ".parquet":
        back = pd.read_parquet(path)
    elif suffix == ".csv":
        back = pd.read_csv(path, keep_default_na=False, na_values=[""])
    else:
        back = pd.read_json(path, lines=True, dtype=False)
    check_bad_unicode_table(back.fillna({"error": ""}))
    assert back["text"].dropna().tolist() == table["text"].dropna().tolist()


def test_an_id_with_a_lone_surrogate_gets_an_error_row_with_the_id_shown():
    frame = pd.DataFrame(
        {"id": pd.Series(["a\ud83d", "b"], dtype=object), "text": ["One.", "Two."]}
    )
    table = analyze(frame, id_col="id")
    assert table["doc_id"].tolist() == ["a\ufffd", "b"]
    assert table["error"].tolist() == [
        "id holds a lone surrogate U+D83D at character 1 (shown as U+FFFD), half of a UTF-16 "
        "pair that no UTF-8 file can hold; write the pair whole or drop it",
        "",
    ]
    table.to_parquet(io.BytesIO())  # nothing left that Arrow cannot hold
