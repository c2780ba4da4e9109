"""Real corpora's shapes: titles ending in a full stop, archive metadata lines, HTML pasted
into a text file, and a progress bar that knows how much is left."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

import framing
from framing import Article, analyze, voice_contrast
from framing.cli import main
from framing.errors import FramingError
from framing.io.corpora import corpus_rows
from framing.io.documents import read_document

TITLED = "Trump Wins the Nomination, Again.\n\nThe party’s delegates voted on Tuesday.\n\nMore."


@pytest.mark.parametrize(
    ("headline", "roles"),
    [
        (None, ["body", "body", "body"]),  # a title that ends with a full stop reads as a sentence
        (True, ["headline", "body", "body"]),
        (False, ["body", "body", "body"]),
    ],
)
def test_analyze_takes_headline(headline, roles):
    assert analyze(TITLED, headline=headline)["role"].tolist() == roles
    corpus = pd.DataFrame({"text": [TITLED, TITLED]})
    table = analyze(corpus, headline=headline)
    assert table["role"].tolist() == roles * 2
    assert Article(TITLED, headline=headline).paragraphs[0].role == roles[0]


def test_headline_false_on_a_text_that_starts_with_one():
    text = "ALERT: Trump Wins\n\nThe city fell."
    assert analyze(text)["role"].tolist() == ["headline", "body"]
    assert analyze(text, headline=False)["role"].tolist() == ["body", "body"]


def test_a_bad_headline_value_lists_the_valid_ones():
    with pytest.raises(FramingError, match="headline='yes' is not valid"):
        analyze(TITLED, headline="yes")


@pytest.mark.parametrize(
    ("value", "first_role"), [("yes", "headline"), ("no", "body"), ("auto", "body")]
)
def test_cli_headline_option(capsys, tmp_path, value, first_role):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": TITLED}) + "\n", encoding="utf-8")
    document = tmp_path / "article.txt"
    document.write_text(TITLED, encoding="utf-8")
    for path in (corpus, document):
        code = main(["analyze", str(path), "--headline", value, "--format", "csv"])
        out = capsys.readouterr().out
        assert code == 0
        assert pd.read_csv(io.StringIO(out))["role"].iloc[0] == first_role


def test_cli_headline_rejects_other_values(capsys):
    assert main(["analyze", "x.txt", "--headline", "maybe"]) == 2
    assert "--headline" in capsys.readouterr().err


# --- archive exports ------------------------------------------------------------------------

ARCHIVE = (
    "Trump Wins the Nomination.\n\n"
    "ABSTRACT.\n\n"
    "Delegates backed him on Tuesday.\n\n"
    "FULL TEXT.\n\n"
    "Delegates backed him on Tuesday, in a massive show of support.\n\n"
    "LENGTH: 845 words\n\n"
    "LOAD-DATE: May 4, 2016\n\n"
    "BYLINE: Amber Phillips."
)
PLAIN = (
    "Trump Wins the Nomination.\n\n"
    "Delegates backed him on Tuesday.\n\n"
    "Delegates backed him on Tuesday, in a massive show of support."
)


def test_archive_section_lines_are_metadata_and_not_own_words():
    table = analyze(ARCHIVE)
    roles = dict(zip(table["text"], table["role"], strict=True))
    for line in ("ABSTRACT.", "FULL TEXT.", "LENGTH: 845 words", "LOAD-DATE: May 4, 2016"):
        assert roles[line] == "metadata"
    assert roles["BYLINE: Amber Phillips."] == "metadata"
    metadata = table[table["role"] == "metadata"]
    assert (metadata["own_words"] == 0).all() and (metadata["voice"] == "none").all()
    assert (metadata["words"] > 0).all()  # kept, with their words, and marked
    # The outlet's own words are those of the other paragraphs, as without the metadata lines.
    with_metadata = voice_contrast(table).set_index("voice")
    without = voice_contrast(analyze(PLAIN)).set_index("voice")
    assert with_metadata.loc["own", "words"] == without.loc["own", "words"]
    assert with_metadata.loc["own", "loaded_count"] == without.loc["own", "loaded_count"]
    assert (
        voice_contrast(Article(ARCHIVE)).set_index("voice").loc["own", "words"]
        == (without.loc["own", "words"])
    )


def test_measured_values_of_ordinary_text_are_unchanged():
    plain = analyze(PLAIN)
    archive = analyze(ARCHIVE)
    body = archive[archive["role"] != "metadata"].reset_index(drop=True)
    columns = ["text", "words", "polarity", "subjectivity", "vader_compound", "loaded_count"]
    pd.testing.assert_frame_equal(body[columns], plain[columns])


@pytest.mark.parametrize(
    "line",
    [
        "TAPPER: Do you think Donald Trump has a chance?",  # a transcript's speaker
        "CORRECTION: An earlier version misstated the date.",
        "EXCLUSIVE: In memo to Congress, Saudis insist.",
        "LENGTH: the bill runs long",
        "Full text.",
    ],
)
def test_lines_that_only_look_like_archive_fields_stay_body(line):
    table = analyze(f"A Headline\n\n{line}\n\nMore text here.")
    assert table["role"].tolist() == ["headline", "body", "body"]


# --- HTML pasted into a .txt file -----------------------------------------------------------

PASTED = (
    '<div class="story">\n<h1>Officials Confirm Strike</h1>\n'
    "<script>alert('subscribe now'); var radical = 1;</script>\n"
    "<p>Officials confirmed the strike on Monday.</p>\n"
    "<p>The city was calm, residents said.</p>\n</div>\n"
)


def test_html_pasted_into_a_text_file_is_read_as_html(tmp_path):
    path = tmp_path / "pasted.txt"
    path.write_text(PASTED, encoding="utf-8")
    text = read_document(path)
    assert "<" not in text and "alert" not in text and "radical" not in text
    assert text.startswith("Officials Confirm Strike")
    table = framing.analyze(Article.from_file(path))
    assert "alert" not in " ".join(table["text"]) and table["role"].iloc[0] == "headline"


@pytest.mark.parametrize(
    "text",
    [
        "Use <b> for bold, a reader wrote.",
        "The score was 3 < 4 and 5 > 2.",
        "He wrote <p> in the margin.\n\nThen <div> again.",
    ],
)
def test_text_that_mentions_a_tag_is_still_text(tmp_path, text):
    path = tmp_path / "plain.txt"
    path.write_text(text, encoding="utf-8")
    assert read_document(path) == text


# --- progress totals ------------------------------------------------------------------------


def test_corpus_rows_counts_jsonl_and_csv_without_parsing_them(tmp_path):
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text('{"text": "a"}\n\n{"text": "b\\nc"}\n{"text": "d"}', encoding="utf-8")
    assert corpus_rows(jsonl) == 3
    csv_path = tmp_path / "c.csv"
    frame = pd.DataFrame({"text": ['one "quoted"\nline', "two", "three,\n\nfour"], "id": [1, 2, 3]})
    frame.to_csv(csv_path, index=False)
    assert corpus_rows(csv_path) == 3
    crlf = tmp_path / "crlf.csv"
    crlf.write_bytes(b'text,id\r\nfirst,1\r\n"se\r\ncond",2\r\n')
    assert corpus_rows(crlf) == 2
    frame.to_parquet(tmp_path / "c.parquet")
    assert corpus_rows(tmp_path / "c.parquet") == 3


def test_the_cli_progress_bar_shows_a_total(capsys, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"text": f"Text {i}."}) + "\n" for i in range(7)))
    assert main(["analyze", str(corpus), "--progress", "--format", "csv", "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "7/7" in err


def test_corpus_rows_equals_the_readers_rows_on_every_fixture_and_across_blocks(
    monkeypatch, tmp_path
):
    import csv

    from framing.io import corpora
    from tests.conftest import REPO

    tricky = {
        "crlf.csv": b'text,id\r\n"a\r\nb ""q"" c",1\r\n\r\nplain,2\r\n"end\n",3',
        "blank.csv": b"text\n\n\n  \nx\n\n",
        "header.csv": b"text\n",
    }
    for name, content in tricky.items():
        (tmp_path / name).write_bytes(content)
    paths = sorted((REPO / "tests" / "fixtures").glob("*.csv")) + sorted(tmp_path.iterdir())
    for block in (corpora._COUNT_BLOCK_BYTES, 7, 1):  # quotes and line breaks cut anywhere
        monkeypatch.setattr(corpora, "_COUNT_BLOCK_BYTES", block)
        for path in paths:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                expected = sum(1 for row in csv.reader(handle) if row) - 1
            assert corpus_rows(path) == expected, (path.name, block)
