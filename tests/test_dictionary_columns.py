"""analyze(dictionaries=...) and --dictionary NAME=FILE: columns per category, per voice, long."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import framing
from framing.cli import main
from framing.datasets.loaders import load_allsides
from framing.measures.categories import load_dictionaries
from framing.table import engine
from framing.table.results import read_metadata, save_table
from framing.voice.model import ParagraphVoice, Segment
from tests.conftest import need_data
from tests.test_categories import LSD_FIXTURE

MORAL = {"moral": {"care": ["kind*", "protect"], "harm": ["kill*", "hurt"]}}


def _mfd_path():
    return need_data("mfd") / "lexicons" / "mfd2.0.dic"


class FixedVoices:
    """A voice detector of one's own: each paragraph's segments as given (offsets in it)."""

    def __init__(self, segments: list[tuple[Segment, ...]]) -> None:
        self.segments = segments

    def detect(self, paragraphs):
        voices = []
        for _text, segments in zip(paragraphs, self.segments, strict=True):
            voices.append(
                ParagraphVoice(
                    "mixed",
                    words=sum(s.words for s in segments),
                    quoted_words=sum(s.words for s in segments if s.voice == "quoted"),
                    attributed_words=sum(s.words for s in segments if s.voice == "attributed"),
                    segments=segments,
                )
            )
        return voices


def test_columns_per_category_with_counts_and_rates():
    text = "They protect the kind and kill nobody.\n\n* * *\n\nNobody was hurt."
    table = framing.analyze(text, dictionaries=MORAL, measures=["loaded"])
    added = [c for c in table.columns if c.startswith("moral.")]
    assert added == [
        "moral.care",
        "moral.care_per_100_words",
        "moral.harm",
        "moral.harm_per_100_words",
    ]
    assert list(table.columns)[-1] == "error"
    assert table["moral.care"].tolist() == [2, 0, 0]
    assert table["moral.harm"].tolist() == [1, 0, 1]
    assert table["moral.care_per_100_words"][0] == pytest.approx(200 / 7)
    # "* * *" has no words: no rate (NaN), as loaded_per_100_words
    assert math.isnan(table["moral.care_per_100_words"][1])
    assert table["moral.harm_per_100_words"][2] == pytest.approx(100 / 3)
    assert str(table["moral.care"].dtype) == "Int64"
    assert "own_words" not in table  # no voice measure, no counts per voice


def test_an_article_a_text_and_a_corpus_give_the_same_columns():
    text = "Kindness\n\nThey protect the kind and kill nobody."
    from_text = framing.analyze(text, dictionaries=MORAL)
    from_article = framing.analyze(framing.Article(text), dictionaries=MORAL)
    from_corpus = framing.analyze(pd.DataFrame({"text": [text]}), dictionaries=MORAL)
    assert_frame_equal(from_article, from_text)
    assert_frame_equal(from_corpus.drop(columns="doc_id"), from_text.drop(columns="doc_id"))
    assert from_text["moral.care_own"].tolist() == [1, 2]  # Kindness; protect, kind


def test_the_lsd_fixture_adds_its_tone():
    text = "A great plan. It is not good, and not bad at all. The results were terrible and bad."
    table = framing.analyze(text, dictionaries={"lsd": LSD_FIXTURE}, measures=["sentiment"])
    row = table.iloc[0]
    # worked by hand in tests/test_categories.py: net -1 over 18 words
    assert row["lsd.tone"] == -1
    assert row["lsd.tone_per_100_words"] == pytest.approx(-100 / 18)
    # each category on its own: the "good" of "not good" is a positive too
    assert [row[f"lsd.{k}"] for k in ("POSITIVE", "NEGATIVE", "NEG_POSITIVE", "NEG_NEGATIVE")] == [
        2,
        3,
        1,
        1,
    ]


def test_counts_per_voice_follow_the_segments():
    text = "A kind man said: “Kill them, hurt them.” Protect the kind, said Reuters."
    #       own: 0-16 ("A kind man said:"), quoted: 17-40, attributed: 41-end
    segments = (
        Segment("own", 0, 16, text[0:16], 4),
        Segment("quoted", 17, 40, text[17:40], 4),
        Segment("attributed", 41, len(text), text[41:], 5),
    )
    table = framing.analyze(
        text, dictionaries=MORAL, voice=FixedVoices([segments]), measures=["voice"]
    )
    row = table.iloc[0]
    assert (row["own_words"], row["quoted_words"], row["attributed_words"]) == (4, 4, 5)
    # kind (own); Protect, kind (attributed)
    assert (row["moral.care_own"], row["moral.care_quoted"], row["moral.care_attributed"]) == (
        1,
        0,
        2,
    )
    # Kill, hurt (quoted)
    assert (row["moral.harm_own"], row["moral.harm_quoted"], row["moral.harm_attributed"]) == (
        0,
        2,
        0,
    )
    assert row["moral.care"] == 3 and row["moral.harm"] == 2


def test_a_detector_without_segments_leaves_the_voice_counts_missing():
    text = "They protect the kind."
    no_segments = FixedVoices([()])
    table = framing.analyze(text, dictionaries=MORAL, voice=no_segments, measures=["voice"])
    assert table["moral.care"].tolist() == [2]
    assert table["moral.care_own"].isna().all() and table["moral.care_quoted"].isna().all()


def test_voice_counts_add_up_on_the_seed_with_mfd(seed_text):
    table = framing.analyze(seed_text, dictionaries={"mfd": _mfd_path()})
    counter = load_dictionaries({"mfd": _mfd_path()})[0]
    assert table[[f"mfd.{c}" for c in counter.categories]].to_numpy().sum() > 20
    for category in counter.categories:
        base = f"mfd.{category}"
        voices = table[[f"{base}_own", f"{base}_attributed", f"{base}_quoted"]].sum(axis=1)
        assert voices.tolist() == table[base].tolist(), category
    words = table[["own_words", "attributed_words", "quoted_words"]].sum(axis=1)
    assert words.tolist() == table["words"].tolist()


def test_long_form_has_a_row_per_paragraph_and_category(seed_text):
    dictionaries = {"mfd": _mfd_path(), "lsd": LSD_FIXTURE}
    wide = framing.analyze(seed_text, dictionaries=dictionaries)
    long = framing.analyze(seed_text, dictionaries=dictionaries, dictionary_form="long")
    categories = 10 + 5  # MFD 2.0's, and the fixture's four with tone
    assert len(long) == len(wide) * categories
    assert list(long.columns) == [
        "doc_id",
        "paragraph",
        "role",
        "words",
        "own_words",
        "attributed_words",
        "quoted_words",
        "dictionary",
        "category",
        "count",
        "count_per_100_words",
        "own",
        "attributed",
        "quoted",
        "error",
    ]
    for row in long.sample(40, random_state=1).itertuples(index=False):
        source = wide[wide["paragraph"] == row.paragraph].iloc[0]
        base = f"{row.dictionary}.{row.category}"
        assert row.count == source[base]
        assert row.own == source[f"{base}_own"] and row.quoted == source[f"{base}_quoted"]
        assert row.count_per_100_words == pytest.approx(source[f"{base}_per_100_words"])
    assert long["category"].tolist()[:3] == ["care.virtue", "care.vice", "fairness.virtue"]


def test_long_form_without_dictionaries_is_refused():
    with pytest.raises(framing.FramingError, match="pass dictionaries="):
        framing.analyze("Text.", dictionary_form="long")
    with pytest.raises(framing.FramingError, match="dictionary_form='tall' is not valid"):
        framing.analyze("Text.", dictionaries=MORAL, dictionary_form="tall")


def test_error_rows_keep_missing_counts_in_both_forms():
    corpus = pd.DataFrame({"text": ["They protect the kind.", "   "]})
    wide = framing.analyze(corpus, dictionaries=MORAL, n_jobs=1)
    assert wide["error"].tolist() == ["", "empty text"]
    assert wide["moral.care"].isna().tolist() == [False, True]
    long = framing.analyze(corpus, dictionaries=MORAL, n_jobs=1, dictionary_form="long")
    assert long["error"].tolist() == ["", "", "empty text", "empty text"]
    assert long["count"].isna().tolist() == [False, False, True, True]


@pytest.fixture(scope="module")
def roundups() -> pd.DataFrame:
    sides = load_allsides(data_dir=need_data("allsides-roundups")).head(60)
    return pd.DataFrame(
        {"doc_id": sides["story_id"].astype(str) + "-" + sides["side"], "text": sides["text"]}
    ).astype(object)


def test_worker_processes_give_the_serial_table(roundups, monkeypatch):
    dictionaries = {"mfd": _mfd_path(), "lsd": LSD_FIXTURE}
    serial = framing.analyze(roundups, id_col="doc_id", dictionaries=dictionaries, n_jobs=1)
    monkeypatch.setattr(engine, "TASK_ROWS", 7)  # several pieces, each sent to a worker
    chunks = engine.analyze_chunks(
        [roundups], id_col="doc_id", dictionaries=dictionaries, n_jobs=2, progress=False
    )
    parallel = pd.concat(list(chunks), ignore_index=True)
    assert_frame_equal(parallel, serial)
    assert serial["mfd.care.vice"].sum() > 0


def test_dask_partitions_give_the_serial_table(roundups):
    import dask
    import dask.dataframe as dd

    dictionaries = {"mfd": _mfd_path()}
    serial = framing.analyze(roundups, id_col="doc_id", dictionaries=dictionaries, n_jobs=1)
    with dask.config.set({"dataframe.convert-string": False, "scheduler": "synchronous"}):
        ddf = dd.from_pandas(roundups, npartitions=3)
        lazy = engine.analyze_dask(ddf, id_col="doc_id", dictionaries=dictionaries)
        assert list(lazy.columns) == list(serial.columns)
        table = lazy.compute().reset_index(drop=True)
    assert_frame_equal(table, serial, check_dtype=False)


def test_long_form_from_a_file_and_dask_equals_analyze(roundups, tmp_path):
    import dask
    import dask.dataframe as dd

    dictionaries = {"mfd": _mfd_path(), "lsd": LSD_FIXTURE}
    corpus = roundups.head(12).assign(side=["left", "right", "center"] * 4)
    expected = framing.analyze(
        corpus, id_col="doc_id", keep=["side"], dictionaries=dictionaries, dictionary_form="long"
    )
    assert {"dictionary", "category", "count", "own"} <= set(expected.columns)
    path = tmp_path / "corpus.parquet"
    corpus.to_parquet(path, index=False)
    from_file = engine.analyze_file(
        path,
        id_col="doc_id",
        keep=["side"],
        dictionaries=dictionaries,
        dictionary_form="long",
        chunk_rows=5,
        n_jobs=1,
        progress=False,
    )
    tables = list(from_file)
    assert len(tables) == 3  # each chunk in the long form as it comes
    assert_frame_equal(pd.concat(tables, ignore_index=True), expected, check_dtype=False)
    with dask.config.set({"dataframe.convert-string": False, "scheduler": "synchronous"}):
        lazy = engine.analyze_dask(
            dd.from_pandas(corpus, npartitions=2),
            id_col="doc_id",
            keep=["side"],
            dictionaries=dictionaries,
            dictionary_form="long",
        )
        assert list(lazy.columns) == list(expected.columns)
        table = lazy.compute().reset_index(drop=True)
    assert_frame_equal(table, expected, check_dtype=False)


def test_long_form_of_a_file_or_dask_needs_a_dictionary(tmp_path):
    import dask.dataframe as dd

    path = tmp_path / "corpus.csv"
    pd.DataFrame({"text": ["They protect the kind."]}).to_csv(path, index=False)
    with pytest.raises(framing.FramingError, match="dictionary_form='long' reshapes"):
        next(engine.analyze_file(path, dictionary_form="long", n_jobs=1))
    ddf = dd.from_pandas(pd.DataFrame({"text": ["They protect the kind."]}), npartitions=1)
    with pytest.raises(framing.FramingError, match="dictionary_form='tall' is not valid"):
        engine.analyze_dask(ddf, dictionaries=MORAL, dictionary_form="tall")


@pytest.mark.parametrize("form", ["wide", "long"])
def test_saved_metadata_defines_the_dictionary_columns(tmp_path, form):
    table = framing.analyze(
        "They protect the kind.", dictionaries={"lsd": LSD_FIXTURE, **MORAL}, dictionary_form=form
    )
    path = save_table(table, tmp_path / "t.csv")
    columns = read_metadata(path)["columns"]
    assert set(columns) == set(table.columns)
    if form == "wide":
        assert "category 'care' of dictionary 'moral'" in columns["moral.care"]
        assert "Young and Soroka (2012)" in columns["lsd.tone_per_100_words"]
        assert "lsd-mini.lc3" in columns["lsd.POSITIVE"]
    else:
        assert "lsd-mini.lc3" in columns["dictionary"]
        assert "tone" in columns["category"]


def _cli(capsys, *argv) -> tuple[int, str, str]:
    code = main(["analyze", *map(str, argv)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_dictionary_columns_equal_the_apis(tmp_path, capsys, roundups):
    corpus = tmp_path / "corpus.csv"
    roundups.head(20).to_csv(corpus, index=False)
    mfd = _mfd_path()
    for form in ("wide", "long"):
        out = tmp_path / f"{form}.parquet"
        code, _, err = _cli(
            capsys,
            corpus,
            "--id-col",
            "doc_id",
            "--dictionary",
            f"mfd={mfd}",
            "--dictionary",
            f"lsd={LSD_FIXTURE}",
            "--dictionary-form",
            form,
            "--jobs",
            "2",
            "-o",
            out,
        )
        assert (code, err) == (0, "")
        expected = framing.analyze(
            roundups.head(20),
            id_col="doc_id",
            dictionaries={"mfd": mfd, "lsd": LSD_FIXTURE},
            dictionary_form=form,
        )
        written = pd.read_parquet(out)
        assert_frame_equal(written, expected, check_dtype=False)
        assert "mfd" in json.dumps(read_metadata(out)["columns"])


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("mfd", "--dictionary 'mfd' is not NAME=FILE"),
        ("=x.dic", "--dictionary '=x.dic' is not NAME=FILE"),
        ("mfd=", "--dictionary 'mfd=' is not NAME=FILE"),
        ("m.f=FIXTURE", "the name 'm.f' is not valid"),
        ("mfd=no-such.dic", "there is no file 'no-such.dic'"),
    ],
)
def test_cli_bad_dictionary_is_one_line_and_exit_2(capsys, seed_text, tmp_path, value, message):
    article = tmp_path / "a.txt"
    article.write_text(seed_text, encoding="utf-8")
    code, out, err = _cli(
        capsys, article, "--dictionary", value.replace("FIXTURE", str(LSD_FIXTURE))
    )
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("framing: error: ") and message in err
    assert "Traceback" not in err and out == ""


def test_cli_names_a_dictionary_once_and_long_needs_one(capsys, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("They protect the kind.", encoding="utf-8")
    code, _, err = _cli(
        capsys, article, "--dictionary", f"a={LSD_FIXTURE}", "--dictionary", f"a={LSD_FIXTURE}"
    )
    assert code == 2 and "names 'a' twice" in err
    code, _, err = _cli(capsys, article, "--dictionary-form", "long")
    assert code == 2 and "add --dictionary NAME=FILE" in err


#: A WordStat file in Windows-1252 with nested keys (the é of "café" is one byte, 0xE9).
NESTED_CP1252_CAT = "MORAL\n\tCARE\n\t\tKIND* (1)\n\t\tCAFÉ (1)\n\tHARM\n\t\tKILL* (1)\n"


@pytest.fixture
def cp1252_cat(tmp_path):
    path = tmp_path / "moral.cat"
    path.write_bytes(NESTED_CP1252_CAT.encode("cp1252"))
    return path


def _csv_rows(out: str) -> pd.DataFrame:
    import io

    return pd.read_csv(io.StringIO(out))


@pytest.mark.parametrize(
    ("options", "columns", "care", "moral"),
    [
        # kind, café: two matches of MORAL.CARE; kill: one of MORAL.HARM
        (",encoding=cp1252", ["m.MORAL.CARE", "m.MORAL.HARM"], 2, None),
        # levels=1: the deeper terms go to their top-level key
        (",encoding=cp1252,levels=1", ["m.MORAL"], None, 3),
        (", levels=1 , encoding=cp1252", ["m.MORAL"], None, 3),
    ],
)
def test_cli_dictionary_options_read_the_file(
    capsys, tmp_path, cp1252_cat, options, columns, care, moral
):
    article = tmp_path / "a.txt"
    article.write_text("The kind café owner did not kill anyone.", encoding="utf-8")
    code, out, err = _cli(
        capsys,
        article,
        "--dictionary",
        f"m={cp1252_cat}{options}",
        "--format",
        "csv",
        "--measures",
        "loaded",
    )
    assert (code, err) == (0, "")
    table = _csv_rows(out)
    assert [c for c in table.columns if c.startswith("m.") and "_" not in c] == columns
    if care is not None:
        assert table["m.MORAL.CARE"].tolist() == [care]
        assert table["m.MORAL.HARM"].tolist() == [1]
    else:
        assert table["m.MORAL"].tolist() == [moral]


def test_cli_format_option_reads_a_file_whatever_its_suffix(capsys, tmp_path, cp1252_cat):
    renamed = tmp_path / "moral.txt"  # .txt would be read as a word list
    renamed.write_bytes(cp1252_cat.read_bytes())
    article = tmp_path / "a.txt"
    article.write_text("The kind café owner did not kill anyone.", encoding="utf-8")
    code, out, err = _cli(
        capsys,
        article,
        "--dictionary",
        f"m={renamed},format=wordstat,encoding=cp1252",
        "--format",
        "csv",
        "--measures",
        "loaded",
    )
    assert (code, err) == (0, "")
    assert _csv_rows(out)["m.MORAL.CARE"].tolist() == [2]


def test_cli_dictionary_without_its_encoding_says_to_name_it(capsys, tmp_path, cp1252_cat):
    article = tmp_path / "a.txt"
    article.write_text("The kind owner.", encoding="utf-8")
    code, out, err = _cli(capsys, article, "--dictionary", f"m={cp1252_cat}")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "is not UTF-8 text" in err and "encoding" in err


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (",colour=red", "'colour=red' is not OPTION=VALUE"),
        (",levels", "'levels' is not OPTION=VALUE with OPTION one of format, levels, encoding"),
        (",levels=0", "levels=0 is not a whole number of at least 1"),
        (",levels=two", "levels=two is not a whole number"),
        (",format=docx", "format=docx is not valid; valid formats: lexicoder, liwc, "),
        (",encoding=klingon", "encoding=klingon is not an encoding Python knows"),
        (",levels=1,levels=2", "sets levels twice"),
        (",format=lexicoder", "comes before any '+CATEGORY' line"),
    ],
)
def test_cli_bad_dictionary_option_is_one_line_and_exit_2(
    capsys, tmp_path, cp1252_cat, options, message
):
    article = tmp_path / "a.txt"
    article.write_text("The kind owner.", encoding="utf-8")
    value = (
        f"m={cp1252_cat}{options},encoding=cp1252"
        if "encoding" not in options
        else f"m={cp1252_cat}{options}"
    )
    code, out, err = _cli(capsys, article, "--dictionary", value)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("framing: error: --dictionary ")
    assert message in err and "Traceback" not in err


def test_cli_a_file_name_with_a_comma_is_read_whole(capsys, tmp_path):
    path = tmp_path / "care, harm.yml"
    path.write_text("care: [kind*]\nharm: [kill*]\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The kind owner did not kill anyone.", encoding="utf-8")
    code, out, err = _cli(capsys, article, "--dictionary", f"m={path}", "--format", "csv")
    assert (code, err) == (0, "")
    assert _csv_rows(out)[["m.care", "m.harm"]].values.tolist() == [[1, 1]]
