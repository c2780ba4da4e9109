"""Reading documents and corpora: every row kept, and errors that say what to do."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from framing.errors import InputError
from framing.io.corpora import iter_corpus
from framing.io.documents import RowProblem, read_document
from tests.conftest import need_data

#: One corpus, written as CSV, JSONL and Parquet by the fixtures below: two good articles
#: (three paragraphs and one) and rows that cannot be measured.
GOOD_ROWS = [
    {"id": "good-1", "text": "Raqqa Falls\n\nISIS lost the city.\n\nIt was a terrible defeat."},
    {"id": "good-2", "text": "One paragraph only, and no headline."},
]
GOOD_PARAGRAPHS = 3 + 1
BAD_ROWS = [
    {"id": "empty", "text": ""},
    {"id": "blank", "text": " \n\xa0 \r\n"},
    {"id": "missing", "text": None},
]
CORPUS_ROWS = [GOOD_ROWS[0], *BAD_ROWS, GOOD_ROWS[1]]


def write_corpus(path, rows=CORPUS_ROWS) -> None:
    """Write ``rows`` to ``path`` in the format its suffix names."""
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    elif path.suffix == ".parquet":
        pd.DataFrame(rows).to_parquet(path, index=False)
    else:
        pd.DataFrame(rows).to_csv(path, index=False)


@pytest.fixture(params=[".csv", ".jsonl", ".parquet"])
def corpus_path(request, tmp_path):
    path = tmp_path / f"corpus{request.param}"
    write_corpus(path)
    return path


def _read_all(path, **options) -> pd.DataFrame:
    return pd.concat(list(iter_corpus(path, **options)))


def test_every_row_is_read_in_order(corpus_path):
    table = _read_all(corpus_path, text_col="text", id_col="id")
    assert table["id"].tolist() == [row["id"] for row in CORPUS_ROWS]
    assert table.index.tolist() == list(range(len(CORPUS_ROWS)))
    assert table["text"].iloc[0] == GOOD_ROWS[0]["text"]
    assert pd.isna(table["text"].iloc[3])


def test_chunks_are_numbered_through_the_whole_file(corpus_path):
    chunks = list(iter_corpus(corpus_path, chunk_rows=2))
    assert [len(chunk) for chunk in chunks] == [2, 2, 1]
    assert [chunk.index.tolist() for chunk in chunks] == [[0, 1], [2, 3], [4]]
    assert list(chunks[0].columns) == ["text"]


def test_a_csv_keeps_na_as_text_and_reads_a_byte_order_mark_and_semicolons(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_bytes('\ufeffid;text\n1;NA\n2;"Raqqa; Syria"\n'.encode())
    table = _read_all(path, id_col="id")
    assert table["text"].tolist() == ["NA", "Raqqa; Syria"]
    assert table["id"].tolist() == ["1", "2"]


def test_a_csv_row_that_does_not_line_up_with_the_header_keeps_its_row(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text('id,text\n1,"Good, quoted."\n2,Unquoted, comma\n\n3,\n', encoding="utf-8")
    table = _read_all(path, id_col="id")
    assert table["id"].tolist() == ["1", None, "3"]
    texts = table["text"].tolist()
    assert texts[0] == "Good, quoted."
    assert texts[1].message == "line 3 has 3 fields where the header has 2; quote the text"
    assert texts[2] is None


def _records_frame(path, columns, text_col):
    """The chunk that framing.io.corpora._frame makes of a CSV's records, row by row: the
    plain twin of the column-by-column reader."""
    import csv

    from framing.io.corpora import _frame

    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        records = []
        for row in reader:
            if not row:
                continue
            if len(row) != len(header):
                records.append(
                    RowProblem(
                        f"line {reader.line_num} has {len(row)} fields where "
                        f"the header has {len(header)}; quote the text"
                    )
                )
            else:
                records.append({c: row[header.index(c)] or None for c in columns})
    return _frame(records, columns, text_col)  # fmt: skip


@pytest.mark.parametrize("chunk_rows", [1, 2, 1000])
def test_the_csv_reader_by_column_equals_the_records_reader(tmp_path, chunk_rows):
    path = tmp_path / "corpus.csv"
    path.write_text(
        'id,text,outlet\n1,"Good, quoted.",A\n2,Unquoted, comma, too\n\n3,,B\n,NA,\n'
        '4,"Two\n\nparagraphs",C\n5,x,y,z\n',
        encoding="utf-8",
    )
    chunks = list(iter_corpus(path, id_col="id", keep=["outlet"], chunk_rows=chunk_rows))
    table = pd.concat(chunks, ignore_index=True)
    expected = _records_frame(path, ["id", "text", "outlet"], "text")
    assert table.columns.tolist() == expected.columns.tolist()
    assert all(dtype == "object" for dtype in table.dtypes)
    for column in table.columns:
        got, want = table[column].tolist(), expected[column].tolist()
        assert [type(v) for v in got] == [type(v) for v in want], column
        assert [getattr(v, "message", v) for v in got] == [getattr(v, "message", v) for v in want]
    assert isinstance(table["text"][1], RowProblem) and table["id"][1] is None
    assert table["outlet"].tolist() == ["A", None, "B", None, "C", None]


def test_the_csv_reader_by_column_on_a_real_corpus(tmp_path):
    shared_data = need_data("babe")
    from framing.datasets.loaders import load_babe

    texts = load_babe(data_dir=shared_data, subgroup=["SG1", "SG2"])["text"]
    path = tmp_path / "babe.csv"
    pd.DataFrame({"id": range(len(texts)), "text": texts}).to_csv(path, index=False)
    table = pd.concat(iter_corpus(path, id_col="id", chunk_rows=1000), ignore_index=True)
    expected = _records_frame(path, ["id", "text"], "text")
    assert table["text"].tolist() == expected["text"].tolist() == texts.tolist()
    assert table["id"].tolist() == expected["id"].tolist()


def test_a_jsonl_line_that_is_not_an_object_keeps_its_row(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        '{"id": 1, "text": "Good."}\n\n{"id": 2, "text": 42}\nnot json\n[1, 2]\n{"id": 3}\n',
        encoding="utf-8",
    )
    table = _read_all(path, id_col="id")
    assert table["id"].tolist() == [1, 2, None, None, 3]  # ids keep their JSON type
    texts = table["text"].tolist()
    assert texts[:2] == ["Good.", 42]
    assert isinstance(texts[2], RowProblem) and texts[2].message.startswith("line 4 is not valid")
    assert texts[3].message == "line 5 is a JSON list, not an object"
    assert texts[4] is None


def test_the_real_babe_corpus_reads_every_sentence():
    shared_data = need_data("babe")
    path = shared_data / "babe" / "final_labels_SG2.csv"
    table = _read_all(path, text_col="text", id_col="news_link", chunk_rows=1000)
    expected = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    assert len(table) == len(expected) == 3674
    assert table["text"].tolist() == expected["text"].tolist()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.csv", None, "no such file; check the path"),
        ("empty.csv", b"", "is empty"),
        ("header.csv", b"id,text\n", "has no rows"),
        ("header.jsonl", b"\n\n", "has no rows"),
        (
            "other.csv",
            b"id,body\n1,Text\n",
            "has no column 'text'; name its text column, one of: id, body",
        ),
        ("other.jsonl", b'{"id": 1, "body": "Text"}\n', "has no column 'text'"),
        ("latin1.csv", "text\ncaf\xe9\n".encode("latin-1"), "is not UTF-8"),
        ("latin1.jsonl", '{"text": "caf\xe9"}\n'.encode("latin-1"), "is not UTF-8"),
        ("fake.parquet", b"not a parquet file", "is not a Parquet file"),
    ],
)
def test_unreadable_corpora_raise_one_line_errors(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message) as raised:
        _read_all(path)
    assert "\n" not in str(raised.value)


def test_a_corpus_without_the_id_column(corpus_path):
    with pytest.raises(InputError, match="has no column 'url'; name its id column"):
        _read_all(corpus_path, id_col="url")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b" \r\n\xc2\xa0\n", "holds no text"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a binary file, not text"),
        ("latin1.txt", "caf\xe9".encode("latin-1"), "is not UTF-8 \\(byte 3\\); convert it"),
        ("empty.html", b"<html><body><nav>Home</nav></body></html>", "holds no text"),
    ],
)
def test_unreadable_documents_raise_one_line_errors(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message) as raised:
        read_document(path)
    assert "\n" not in str(raised.value)


def test_a_directory_is_not_a_document(tmp_path):
    with pytest.raises(InputError, match="is a directory; give the files inside it"):
        read_document(tmp_path)


def test_a_text_file_that_looks_like_html_is_read_as_html(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<!DOCTYPE html><html><body><h1>Title</h1><p>Body.</p></body></html>")
    assert read_document(path) == "Title\n\nBody."


@pytest.mark.parametrize("name", ["iter_corpus", "corpus_rows", "DEFAULT_CHUNK_ROWS"])
def test_a_name_that_moved_to_corpora_is_still_found_where_it_was_with_a_warning(name):
    from framing.io import corpora, documents

    with pytest.warns(DeprecationWarning, match=f"moved to framing.io.corpora.{name}"):
        assert getattr(documents, name) is getattr(corpora, name)
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        documents.nothing  # noqa: B018
