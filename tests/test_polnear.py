"""PolNeAR loaders (framing.datasets.loaders) on the real files and on a tiny fixture."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from framing.datasets import load_polnear, load_polnear_attributions
from framing.errors import FramingError, InputError, MissingDataError
from tests.conftest import need_data

TEXT = "Rep. Jane Roe (D-N.Y.) said the plan ''will fail,'' and he agreed, reports show."
#: Source "Rep. Jane Roe", cue "said", content in two pieces (discontinuous).
ANN = (
    "T1\tSource 0 13\tRep. Jane Roe\n"
    "T2\tCue 23 27\tsaid\n"
    "T3\tContent 28 36;39 43\tthe plan will\n"
    "T4\tAttribution 23 27\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
)
METADATA = (
    "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\t"
    "trump_count\tclinton_count\tcredit\twire\n"
    "dev\tusa-today_2016-01-02_plan\t1\tb2\tusa-today\t2016-01-02\tAP\tThe plan\t0\t0\tNone\tAP\n"
)


def _fixture(folder, split="dev", ann=ANN):
    root = folder / "polnear"
    (root / split / "text").mkdir(parents=True)
    (root / split / "attributions").mkdir()
    (root / "metadata.tsv").write_text(METADATA, encoding="utf-8")
    (root / split / "text" / "usa-today_2016-01-02_plan.txt").write_text(TEXT, encoding="utf-8")
    for annotator in ("a1", "b2"):
        (root / split / "attributions" / f"usa-today_2016-01-02_plan_{annotator}.ann").write_text(
            ann if annotator == "b2" else "", encoding="utf-8"
        )
    return folder


def test_dev_split_is_read_like_train(tmp_path):
    folder = _fixture(tmp_path)
    articles = load_polnear("dev", data_dir=folder)
    row = articles.iloc[0]
    assert (row["doc_id"], row["publisher"], row["title"], row["wire"]) == (
        "usa-today_2016-01-02_plan",
        "usa-today",
        "The plan",
        "AP",
    )
    assert row["date"] == pd.Timestamp("2016-01-02") and pd.isna(row["credit"])
    assert pd.isna(row["dateline_wire"])
    assert articles.attrs["dataset"]["split"] == "dev"


def test_attributions_keep_every_piece_of_a_discontinuous_span(tmp_path):
    table = load_polnear_attributions("dev", data_dir=_fixture(tmp_path))
    assert len(table) == 1
    row = table.iloc[0]
    # the annotator listed in metadata.tsv (b2) is the one read, not the empty a1 file
    assert row["annotator"] == "b2" and row["attribution_id"] == "E1"
    assert row["source_text"] == "Rep. Jane Roe" and row["cue_text"] == "said"
    assert row["content_spans"] == [(28, 36), (39, 43)]
    assert (row["content_start"], row["content_end"]) == (28, 43)
    assert row["content_text"] == "the plan will"


def test_a_span_past_the_text_is_refused(tmp_path):
    folder = _fixture(tmp_path, ann="T1\tSource 0 500\tx\nE1\tAttribution:T1 Source:T1\n")
    with pytest.raises(InputError, match="do not belong together"):
        load_polnear_attributions("dev", data_dir=folder)


@pytest.mark.parametrize("split", ["validation", "TRAIN"])
def test_an_unknown_split_lists_the_valid_ones(tmp_path, split):
    with pytest.raises(FramingError, match="train"):
        load_polnear(split, data_dir=_fixture(tmp_path))


def test_a_missing_compartment_says_how_to_get_it(tmp_path):
    folder = _fixture(tmp_path)
    with pytest.raises(MissingDataError, match="networkdynamics/PolNeAR"):
        load_polnear("test", data_dir=folder)


def test_train_has_840_articles_and_every_offset_slices_its_text():
    shared = need_data("polnear")
    articles = load_polnear(data_dir=shared)
    assert len(articles) == 840
    assert articles["publisher"].nunique() == 7
    assert articles["publisher"].notna().all() and articles["date"].notna().all()
    assert (articles["wire"] == "AP").sum() > 0
    # every wire dateline in a text ("DALLAS (AP) —") agrees with the metadata's wire credit
    dated = articles[articles["dateline_wire"].notna()]
    assert len(dated) == 30
    assert (dated["dateline_wire"].str.lower() == dated["wire"].str.lower()).all()
    table = load_polnear_attributions(data_dir=shared)
    assert len(table) == ATTRIBUTIONS_IN_TRAIN
    assert table["doc_id"].isin(set(articles["doc_id"])).all()
    # 35 attributions have no Cue span and 1,507 no Source span (e.g. an unnamed speaker)
    assert (table["cue_start"].isna().sum(), table["source_start"].isna().sum()) == (35, 1507)
    assert (table.loc[table["cue_start"].isna(), "cue_text"] == "").all()
    # brat writes each span's text on its T line: the loaded texts, cut at our offsets, match
    written = set()
    for path in (shared / "polnear" / "train" / "attributions").glob("*.ann"):
        doc_id, _, annotator = path.stem.rpartition("_")
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            # a span's text may hold a line break: its second line is no T line
            if len(fields) == 3 and re.fullmatch(r"T\d+", fields[0]):
                written.add((doc_id, annotator, fields[2]))
    for role in ("source", "cue", "content"):
        present = table[table[f"{role}_start"].notna()]
        assert len(present) > 0
        checked = 0
        for row in present.itertuples():
            loaded = getattr(row, f"{role}_text")
            if len(getattr(row, f"{role}_spans")) == 1 and "\n" not in loaded:
                assert (row.doc_id, row.annotator, loaded) in written
                checked += 1
        assert checked > len(present) // 2


#: Attributions (E lines) in the one annotation file read per text of PolNeAR train.
ATTRIBUTIONS_IN_TRAIN = 19_868


def test_framing_download_lists_polnear_and_says_where_to_get_it(tmp_path, capsys):
    from framing import cli

    assert cli.main(["download"]) == 0
    listing = capsys.readouterr().out
    assert "polnear" in listing and "by hand" in listing
    assert cli.main(["download", "polnear", "--data-dir", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert "github.com/networkdynamics/PolNeAR" in error and str(tmp_path / "polnear") in error
