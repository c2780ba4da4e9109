"""The command line: the API's table in every format, and one-line errors with exit code 2."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from framing import analyze, cli
from framing.cli import main
from framing.datasets.loaders import seed_path, source_path
from framing.table import csv_fields
from framing.table.metadata import sidecar_path
from framing.table.schema import COLUMNS
from tests.conftest import REPO
from tests.test_analyze import BAD_UNICODE_ROWS, bad_unicode_frame, check_bad_unicode_table
from tests.test_io import BAD_ROWS, CORPUS_ROWS, GOOD_PARAGRAPHS, write_corpus


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(["analyze", *map(str, argv)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _read(fmt: str, content: str) -> pd.DataFrame:
    if fmt == "csv":
        return pd.read_csv(io.StringIO(content), keep_default_na=False, na_values=[""])
    if fmt == "json":
        return pd.DataFrame(json.loads(content))
    # Lines end at "\n" only: a paragraph may hold NEL or U+2028, which splitlines() breaks at.
    return pd.DataFrame([json.loads(line) for line in content.split("\n") if line])


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_the_seed_gives_the_apis_table(capsys, seed_text, fmt):
    code, out, err = _run(capsys, seed_path(), "--format", fmt)
    assert (code, err) == (0, "")
    table = _read(fmt, out)
    expected = analyze(seed_text)
    assert list(table.columns) == list(expected.columns) == COLUMNS
    assert table["doc_id"].unique().tolist() == [str(seed_path())]
    assert table["text"].tolist() == expected["text"].tolist()
    assert table["start"].tolist() == expected["start"].tolist()
    for column in ("polarity", "subjectivity", "vader_compound", "loaded_per_100_words"):
        # JSON keeps every float exactly; CSV to within its parsing.
        tolerance = 0 if fmt != "csv" else 1e-12
        assert table[column].tolist() == pytest.approx(expected[column].tolist(), abs=tolerance)


def test_table_format_is_the_default(capsys):
    code, out, _ = _run(capsys, seed_path())
    assert code == 0
    assert out.split()[: len(COLUMNS)] == COLUMNS
    assert "ALERT: Trump Wins" in out


@pytest.mark.parametrize(
    ("suffix", "fmt"), [(".csv", "csv"), (".jsonl", "jsonl"), (".parquet", "parquet")]
)
def test_output_file_format_follows_its_suffix(capsys, tmp_path, suffix, fmt):
    output = tmp_path / "out" / f"seed{suffix}"
    code, out, _ = _run(capsys, seed_path(), "-o", output)
    assert code == 0
    assert out == f"wrote 13 rows to {output}\n"
    table = pd.read_parquet(output) if fmt == "parquet" else _read(fmt, output.read_text())
    assert list(table.columns) == COLUMNS and len(table) == 13


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_a_corpus_keeps_every_row(capsys, tmp_path, suffix):
    path = tmp_path / f"corpus{suffix}"
    write_corpus(path)
    code, out, err = _run(capsys, path, "--id-col", "id", "--format", "json")
    assert (code, err) == (0, "")
    table = _read("json", out)
    assert list(table.columns) == COLUMNS
    assert table["doc_id"].drop_duplicates().tolist() == [row["id"] for row in CORPUS_ROWS]
    assert len(table) == GOOD_PARAGRAPHS + len(BAD_ROWS)
    errors = table[table["error"] != ""]
    assert errors["doc_id"].tolist() == [row["id"] for row in BAD_ROWS]
    assert errors["paragraph"].isna().all()


def test_a_jsonl_corpus_with_rows_that_are_not_text(capsys, tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        '{"body": "Title\\n\\nText."}\n{"body": 42}\n{"body": null}\n{"other": 1}\n'
        '{broken\n{"body": ["a", "list"]}\n{"body": "Last."}\n',
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, path, "--text-col", "body", "--format", "jsonl")
    assert code == 0
    table = _read("jsonl", out)
    assert table["doc_id"].drop_duplicates().tolist() == list(range(7))  # row numbers
    assert table.groupby("doc_id")["error"].first().tolist() == [
        "",
        "not text (int)",
        "missing text",
        "missing text",
        "line 5 is not valid JSON (Expecting property name enclosed in double quotes)",
        "not text (list)",
        "",
    ]


def test_several_paths_keep_their_ids_apart(capsys, tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.jsonl"
    write_corpus(first, CORPUS_ROWS[:2])
    write_corpus(second, CORPUS_ROWS[:1])
    code, out, _ = _run(capsys, first, second, seed_path(), "--format", "json")
    assert code == 0
    ids = _read("json", out)["doc_id"].drop_duplicates().tolist()
    assert ids == [f"{first}:0", f"{first}:1", f"{second}:0", str(seed_path())]


def test_a_lexicon_file_is_used(capsys, tmp_path):
    lexicon = tmp_path / "mine.csv"
    lexicon.write_text("term,category\nraqqa,place\n", encoding="utf-8")
    code, out, _ = _run(capsys, seed_path(), "--lexicon", lexicon, "--format", "csv")
    assert code == 0
    table = _read("csv", out)
    assert table["loaded_terms"].fillna("").tolist()[2] == "raqqa:place=Raqqa"
    assert set(";".join(table["loaded_terms"].fillna("")).replace(";", " ").split()) == {
        "raqqa:place=Raqqa"
    }


def _bad_inputs(tmp_path) -> dict[str, tuple[list[str], str]]:
    """Return, by case, the arguments after ``analyze`` and a phrase the error must hold."""
    files = {
        "empty.txt": b"",
        "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "latin1.txt": "caf\xe9".encode("latin-1"),
        "blank.txt": b" \n \n",
        "header.csv": b"id,text\n",
        "corpus.csv": b"id,body\n1,Text\n",
        "fake.parquet": b"not parquet",
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    seed = str(seed_path())
    return {
        "missing file": ([str(tmp_path / "nope.txt")], "no such file"),
        "directory": ([str(tmp_path)], "is a directory"),
        "empty file": ([str(tmp_path / "empty.txt")], "is empty"),
        "binary file": ([str(tmp_path / "image.png")], "is a binary file"),
        "non-UTF-8 file": ([str(tmp_path / "latin1.txt")], "is not UTF-8"),
        "blank file": ([str(tmp_path / "blank.txt")], "holds no text"),
        "corpus without rows": ([str(tmp_path / "header.csv")], "has no rows"),
        "corpus without the column": (
            [str(tmp_path / "corpus.csv")],
            "has no column 'text'; name its text column, one of: id, body",
        ),
        "not a parquet file": ([str(tmp_path / "fake.parquet")], "is not a Parquet file"),
        "unknown lexicon": ([seed, "--lexicon", "nope"], "cannot load lexicon 'nope'"),
        "missing lexicon file": ([seed, "--lexicon", "nope.csv"], "does not exist"),
        "bad format": ([seed, "--format", "xml"], "invalid choice: 'xml'"),
        "parquet to the terminal": ([seed, "--format", "parquet"], "parquet output needs a file"),
        "no path": ([], "the following arguments are required: PATH"),
    }


BAD_CASES = [
    "missing file",
    "directory",
    "empty file",
    "binary file",
    "non-UTF-8 file",
    "blank file",
    "corpus without rows",
    "corpus without the column",
    "not a parquet file",
    "unknown lexicon",
    "missing lexicon file",
    "bad format",
    "parquet to the terminal",
    "no path",
]


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_input_is_one_line_and_exit_code_2(capsys, tmp_path, case):
    argv, phrase = _bad_inputs(tmp_path)[case]
    code, out, err = _run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("framing: error: ")
    assert phrase in err
    assert "Traceback" not in err


#: The cases of a bad document or lexicon, which `analyze ... -o FILE.csv` meets without pandas.
BAD_DOCUMENT_CASES = BAD_CASES[:6] + ["unknown lexicon", "missing lexicon file"]


@pytest.mark.parametrize("case", BAD_DOCUMENT_CASES)
def test_bad_input_into_a_csv_file_is_one_line_and_writes_nothing(capsys, tmp_path, case):
    argv, phrase = _bad_inputs(tmp_path)[case]
    output = tmp_path / "out" / "table.csv"
    code, out, err = _run(capsys, *argv, "-o", output)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and phrase in err
    assert not output.parent.exists()


def _documents(tmp_path) -> list:
    html = tmp_path / "page.html"
    html.write_text(
        '<html><body><h1>Camps, "destroyed"</h1><p>He said "no, never" today.</p>'
        "<p>A massive, evil attack, officials said.</p></body></html>",
        encoding="utf-8",
    )
    line = tmp_path / "line.txt"
    line.write_text("One line, without an end", encoding="utf-8")
    return [seed_path(), source_path(), html, line]


DOCUMENT_OPTIONS = [
    [],
    ["--measures", "sentiment,voice"],
    ["--headline", "no"],
    ["--lexicon", "loaded"],
]


@pytest.mark.parametrize("options", DOCUMENT_OPTIONS)
def test_documents_are_written_without_pandas_as_the_engine_writes_them(
    capsys, tmp_path, monkeypatch, options
):
    documents = _documents(tmp_path)
    fast, engine = tmp_path / "fast" / "t.csv", tmp_path / "engine" / "t.csv"
    fast_said = _run(capsys, *documents, *options, "-o", fast)[:2]
    fast_out = _run(capsys, *documents, *options, "--format", "csv")[1]
    monkeypatch.setattr(cli, "_only_documents", lambda args, fmt: False)
    engine_said = _run(capsys, *documents, *options, "-o", engine)[:2]
    assert fast_out == _run(capsys, *documents, *options, "--format", "csv")[1]
    rows = len(pd.read_csv(fast))
    assert fast_said == (0, f"wrote {rows} rows to {fast}\n") and rows > len(documents)
    assert engine_said == (0, f"wrote {rows} rows to {engine}\n")
    assert fast.read_bytes() == engine.read_bytes()
    sidecar = sidecar_path(fast).read_bytes()
    assert sidecar == sidecar_path(engine).read_bytes() and b"framing_version" in sidecar


def test_documents_with_a_value_only_pandas_writes_are_written_by_pandas(
    capsys, tmp_path, monkeypatch
):
    documents = _documents(tmp_path)
    fast, engine = tmp_path / "fast.csv", tmp_path / "engine.csv"
    _run(capsys, *documents, "-o", fast)
    monkeypatch.setattr(csv_fields, "csv_records", lambda rows, columns: None)
    _run(capsys, *documents, "-o", engine)
    assert fast.read_bytes() == engine.read_bytes()


def test_an_unwritable_output_is_one_line(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = _run(capsys, seed_path(), "-o", blocker / "out.csv")
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("framing: error: ")


def _subprocess(*argv, cwd) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "framing", *map(str, argv)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_a_real_process_reports_bad_input_without_a_traceback(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    result = _subprocess("analyze", "latin1.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("framing: error: latin1.txt is not UTF-8")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_real_process_writes_the_table(tmp_path, seed_text):
    result = _subprocess("analyze", seed_path(), "-o", "seed.csv", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    table = pd.read_csv(tmp_path / "seed.csv")
    assert list(table.columns) == COLUMNS
    assert table["text"].tolist() == analyze(seed_text)["text"].tolist()


def test_demo_writes_the_table_and_the_figure(capsys, tmp_path):
    code = main(["demo", "--out", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0
    table = pd.read_csv(tmp_path / "seed-paragraphs.csv")
    assert list(table.columns) == COLUMNS and len(table) == 13
    assert (tmp_path / "seed-sentiment.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"wrote the paragraph table to {tmp_path / 'seed-paragraphs.csv'}" in out
    assert f"wrote the sentiment figure to {tmp_path / 'seed-sentiment.png'}" in out


def test_version_and_help_exit_zero(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("framing ")
    assert main(["analyze", "--help"]) == 0
    assert "--text-col" in capsys.readouterr().out


def test_measures_choose_the_columns(capsys):
    code, out, _ = _run(capsys, seed_path(), "--format", "csv", "--measures", "sentiment, loaded")
    assert code == 0
    table = _read("csv", out)
    assert "polarity" in table and "loaded_terms" in table
    assert not {"vader_compound", "voice", "sources", "source_kinds", "quoted_share"} & set(
        table.columns
    )


def test_unknown_measure_is_a_one_line_error(capsys):
    code, out, err = _run(capsys, seed_path(), "--measures", "sentiment,tone")
    assert code == 2 and out == ""
    assert err.strip() == (
        "framing: error: measures='tone' is not valid; use one of: sentiment, vader, loaded, voice"
    )


def test_compare_and_fetch_sources_options_keep_their_defaults(capsys):
    """Their options are added when the command is used; defaults and help are unchanged."""
    from framing.cli import build_parser
    from framing.comparisons.align import CONTAINMENT_THRESHOLD, SIMILARITY_THRESHOLD
    from framing.datasets.fetch import DEFAULT_TIMEOUT

    compare = build_parser().parse_args(["compare", "partisan.txt"])
    assert (compare.containment_threshold, compare.similarity_threshold) == (
        CONTAINMENT_THRESHOLD,
        SIMILARITY_THRESHOLD,
    )
    assert build_parser().parse_args(["fetch-sources", "m.tsv"]).timeout == DEFAULT_TIMEOUT
    with pytest.raises(SystemExit):
        build_parser().parse_args(["compare", "--help"])
    assert f"(default: {CONTAINMENT_THRESHOLD})" in " ".join(capsys.readouterr().out.split())
    assert main(["fetch-sources"]) == 2
    assert "the following arguments are required: MANIFEST" in capsys.readouterr().err


# --- characters that show nothing, and lone surrogates --------------------------------------------


def _write_bad_unicode_jsonl(path) -> None:
    # json.dumps writes a lone surrogate as the escape "\ud83d": valid JSON, as found in corpora.
    path.write_text(
        "".join(json.dumps({"id": row[0], "text": row[1]}) + "\n" for row in BAD_UNICODE_ROWS),
        encoding="utf-8",
    )


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_a_corpus_with_bad_unicode_keeps_every_row_on_standard_output(capsys, tmp_path, fmt):
    path = tmp_path / "corpus.jsonl"
    _write_bad_unicode_jsonl(path)
    code, out, err = _run(capsys, path, "--id-col", "id", "--format", fmt)
    assert (code, err) == (0, "")
    check_bad_unicode_table(_read(fmt, out).fillna({"error": ""}))


@pytest.mark.parametrize("suffix", [".csv", ".json", ".jsonl", ".parquet"])
def test_a_corpus_with_bad_unicode_keeps_every_row_in_a_file(capsys, tmp_path, suffix):
    path, output = tmp_path / "corpus.jsonl", tmp_path / f"out{suffix}"
    _write_bad_unicode_jsonl(path)
    code, out, err = _run(capsys, path, "--id-col", "id", "-o", output)
    assert (code, err) == (0, "")
    assert out == f"wrote 13 rows to {output}\n"
    if suffix == ".parquet":
        table = pd.read_parquet(output)
    else:
        table = _read(suffix[1:], output.read_text(encoding="utf-8"))
    check_bad_unicode_table(table.fillna({"error": ""}))
    expected = analyze(bad_unicode_frame(), id_col="id")
    assert table["text"].dropna().tolist() == expected["text"].dropna().tolist()


def test_a_corpus_with_bad_unicode_prints_as_a_table(capsys, tmp_path):
    path = tmp_path / "corpus.jsonl"
    _write_bad_unicode_jsonl(path)
    code, out, err = _run(capsys, path, "--id-col", "id")
    assert (code, err) == (0, "")
    lines = out.split("\n")  # not splitlines(): NEL in a paragraph is no line break here
    assert len(lines) == 1 + 13 + 1  # the header, a line per row, and the final newline
    assert "text holds a lone surrogate U+D83D" in out


def test_a_csv_corpus_with_control_and_zero_width_characters(capsys, tmp_path):
    # A UTF-8 file cannot hold a lone surrogate: every other row, from a CSV corpus.
    rows = [row for row in BAD_UNICODE_ROWS if row[0] != "surrogate"]
    path = tmp_path / "corpus.csv"
    pd.DataFrame([{"id": row[0], "text": row[1]} for row in rows]).to_csv(path, index=False)
    code, out, err = _run(capsys, path, "--id-col", "id", "--format", "jsonl")
    assert (code, err) == (0, "")
    check_bad_unicode_table(_read("jsonl", out), rows)


def test_a_text_file_with_marks_and_blank_lines_of_zero_width_characters(capsys, tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes("\ufeffTitle\u200b\r\n\u200b\ufeff\r\n\ufeffBody\x85 one.\r\n".encode())
    code, out, err = _run(capsys, path, "--format", "json")
    assert (code, err) == (0, "")
    table = _read("json", out)
    assert table[["role", "text"]].values.tolist() == [
        ["headline", "Title"],
        ["body", "Body\x85 one."],
    ]


def test_a_real_process_measures_a_row_with_a_lone_surrogate(tmp_path):
    (tmp_path / "s.jsonl").write_text(
        '{"text": "Title \\ud83d\\n\\nBody one."}\n{"text": "Two."}\n'
    )
    result = _subprocess("analyze", "s.jsonl", "--format", "jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(row["doc_id"], row["text"]) for row in rows] == [(0, None), (1, "Two.")]
    assert rows[0]["error"].startswith("text holds a lone surrogate U+D83D at character 6")
