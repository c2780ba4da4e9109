"""Dataset loaders: the real BABE and AllSides files, and fixtures in each dataset's format."""

from __future__ import annotations

import json
import shutil
from importlib import resources

import pandas as pd
import pytest

from framing.datasets import loaders as datasets
from framing.errors import FramingError, InputError, MissingDataError
from tests.conftest import need_data


def test_load_seed_holds_the_article_and_its_source(seed_text):
    seed = datasets.load_seed()
    assert seed["role"].tolist() == ["article", "source"]
    assert seed.loc[0, "text"] == seed_text
    assert (
        seed.loc[0, "title"] == "ALERT: Trump Wins Massive Military Victory, Obama Never Did This"
    )
    assert seed.loc[1, "title"] == "US Forces Conduct Strike against ISIS Training Camps in Yemen"
    assert seed.attrs["dataset"]["name"] == "seed"


def test_the_embedded_examples_are_read_through_importlib_resources(monkeypatch, tmp_path):
    # A package installed elsewhere (site-packages, from a wheel): importlib.resources finds
    # its data, wherever the repository is.
    package = tmp_path / "site-packages" / "framing"
    shutil.copytree(resources.files("framing") / "data", package / "data")
    (package / "data" / "seed" / datasets.SEED_FILE.split("/")[-1]).write_text(
        "Installed headline\n\nInstalled paragraph.\n", encoding="utf-8"
    )
    monkeypatch.setattr(
        datasets.resources, "files", lambda name: package if name == "framing" else None
    )
    assert datasets.embedded_data_dir() == package / "data"
    assert datasets.seed_path() == package / "data" / datasets.SEED_FILE
    assert datasets.load_seed_text() == "Installed headline\n\nInstalled paragraph.\n"
    assert (
        datasets.source_path().read_bytes()
        == (resources.files("framing") / "data" / datasets.DOD_RELEASE_FILE).read_bytes()
    )


def test_embedded_examples_missing_from_the_package_say_how_to_reinstall(monkeypatch, tmp_path):
    (tmp_path / "framing" / "data").mkdir(parents=True)
    monkeypatch.setattr(datasets.resources, "files", lambda name: tmp_path / "framing")
    with pytest.raises(MissingDataError, match="pip install --force-reinstall framing-wire"):
        datasets.seed_path()


def test_babe_sg2_has_the_counts_of_its_provenance():
    shared_data = need_data("babe")
    babe = datasets.load_babe(data_dir=shared_data)
    assert len(babe) == 3674
    assert babe["label_bias"].value_counts().to_dict() == {
        "Non-biased": 1863,
        "Biased": 1810,
        "No agreement": 1,
    }
    assert babe["type"].value_counts().to_dict() == {"right": 993, "left": 989, "center": 692}
    assert babe["type"].isna().sum() == 1000
    assert babe.loc[1, "biased_words"] == ["bizarre", "characteristically"]
    assert babe.loc[0, "biased_words"] == []
    assert babe.loc[0, "text"].startswith('"Orange Is the New Black" star Yael Stone')
    info = babe.attrs["dataset"]
    assert info["license"] == "GNU AGPL-3.0"
    assert "Spinde" in info["citation"]
    assert len(info["downloads"][1]["sha256"]) == 64


def test_babe_both_subgroups():
    shared_data = need_data("babe")
    babe = datasets.load_babe(data_dir=shared_data, subgroup=["SG1", "SG2"])
    assert babe["subgroup"].value_counts().to_dict() == {"SG2": 3674, "SG1": 1700}
    sg1 = babe[babe["subgroup"] == "SG1"]
    assert sg1["sentence_id"].tolist() == list(range(1700))
    assert sg1["label_bias"].value_counts().to_dict() == {
        "Non-biased": 800,
        "Biased": 746,
        "No agreement": 154,
    }


def test_babe_rejects_an_unknown_subgroup():
    shared_data = need_data("babe")
    with pytest.raises(FramingError, match="subgroup='SG3' is not valid; use one of: SG1, SG2"):
        datasets.load_babe(data_dir=shared_data, subgroup="SG3")


def test_allsides_has_one_row_per_side_per_story():
    shared_data = need_data("allsides-roundups")
    sides = datasets.load_allsides(data_dir=shared_data)
    assert len(sides) == 1479
    assert sides["story_id"].nunique() == 505  # one story of 506 has no side at all
    assert sides.attrs["dataset"]["stories_in_file"] == 506
    per_story = sides.groupby("story_id")["side"].apply(frozenset)
    assert (per_story == frozenset({"left", "center", "right"})).sum() == 469
    assert not sides.duplicated(["story_id", "side"]).any()
    story = sides[sides["story_id"] == 5607].set_index("side")
    assert story.loc["right", "source"] == "Fox News (Online News)"
    assert story.loc["left", "title"].startswith("Supreme Court sides with police officers")
    assert story.loc["center", "text"].split("\n\n")[0].startswith("The Supreme Court in two")
    assert len(story.loc["center", "paragraphs"]) == 3
    assert story.loc["center", "roundup"].startswith("The Supreme Court on Monday ruled")
    assert story.loc["center", "story_url"] == (
        "https://www.allsides.com/story/supreme-court-sides-police-qualified-immunity-cases"
    )


def test_allsides_complete_stories_and_roundups():
    shared_data = need_data("allsides-roundups")
    complete = datasets.load_allsides(data_dir=shared_data, complete_only=True)
    assert len(complete) == 469 * 3
    assert complete["story_id"].nunique() == 469
    with_roundup = datasets.load_allsides(data_dir=shared_data, include_roundup=True)
    assert with_roundup["story_id"].nunique() == 506
    assert (with_roundup["side"] == "roundup").sum() == 506
    wide = complete.pivot(index="story_id", columns="side", values="source")
    assert list(wide.columns) == ["center", "left", "right"]
    assert len(wide) == 469


def test_missing_dataset_says_how_to_get_it(tmp_path):
    with pytest.raises(MissingDataError, match="framing download babe") as error:
        datasets.load_babe(data_dir=tmp_path)
    assert str(tmp_path / "babe") in str(error.value)
    with pytest.raises(MissingDataError, match="register with the task organisers"):
        datasets.load_semeval_spans(data_dir=tmp_path)


def test_data_folder_order_argument_then_environment_then_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert datasets.data_home(tmp_path / "given") == tmp_path / "given"
    assert datasets.data_home() == tmp_path / "from-env"
    monkeypatch.delenv(datasets.DATA_DIR_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert datasets.data_home() == tmp_path / "cache" / "framing" / "datasets"


def test_loaders_read_the_environment_folder(monkeypatch):
    shared_data = need_data("babe")
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(shared_data))
    assert len(datasets.load_babe()) == 3674


def test_unknown_dataset_lists_the_known_ones():
    with pytest.raises(FramingError, match="dataset='nope' is not valid; use one of: all"):
        datasets.dataset_info("nope")


# -- SemEval-2020 Task 11, in its release's layout -----------------------------------------------

ARTICLE_1 = "Title line\n\nThey are evil traitors, and everyone knows it.\nTotally."
ARTICLE_2 = "Another\n\nFlag-waving heroes will win!"


@pytest.fixture
def semeval_dir(tmp_path):
    root = tmp_path / "semeval2020-task11"
    (root / "train-articles").mkdir(parents=True)
    (root / "train-articles" / "article111.txt").write_bytes(ARTICLE_1.encode())
    (root / "train-articles" / "article222.txt").write_bytes(ARTICLE_2.encode())
    tc = root / "train-labels-task2-technique-classification"
    tc.mkdir()
    (tc / "article111.task2-TC.labels").write_text(
        "111\tName_Calling,Labeling\t21\t34\n111\tBandwagon\t36\t57\n"
    )
    (tc / "article222.task2-TC.labels").write_text("222\tFlag-Waving\t9\t27\n")
    si = root / "train-labels-task1-span-identification"
    si.mkdir()
    (si / "article111.task1-SI.labels").write_text("111\t21\t34\n111\t36\t57\n")
    return tmp_path


def test_semeval_technique_spans(semeval_dir):
    spans = datasets.load_semeval_spans(data_dir=semeval_dir)
    assert spans[["article_id", "technique", "start", "end", "span"]].values.tolist() == [
        ["111", "Name_Calling,Labeling", 21, 34, "evil traitors"],
        ["111", "Bandwagon", 36, 57, "and everyone knows it"],
        ["222", "Flag-Waving", 9, 27, "Flag-waving heroes"],
    ]


def test_semeval_span_identification(semeval_dir):
    spans = datasets.load_semeval_spans(data_dir=semeval_dir, task="SI")
    assert spans["span"].tolist() == ["evil traitors", "and everyone knows it"]
    assert spans["technique"].isna().all()


def test_semeval_articles_keep_exact_text(semeval_dir):
    articles = datasets.load_semeval_articles(data_dir=semeval_dir)
    assert articles["article_id"].tolist() == ["111", "222"]
    assert articles.loc[0, "text"] == ARTICLE_1
    assert articles.loc[1, "title"] == "Another"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("111\tBandwagon\t36\t999\n", "lies outside article 111"),
        ("333\tBandwagon\t1\t2\n", "no article333.txt"),
        ("111\tBandwagon\tx\t2\n", "are not whole numbers"),
    ],
)
def test_semeval_bad_labels_say_what_is_wrong(semeval_dir, line, message):
    labels = semeval_dir / "semeval2020-task11" / "bad.labels"
    labels.write_text(line)
    with pytest.raises(InputError, match=message):
        datasets.load_semeval_spans(data_dir=semeval_dir)


# -- ISOT fake/true news --------------------------------------------------------------------------


def test_isot_labels_fake_and_true(tmp_path):
    folder = tmp_path / "isot-fake-news"
    folder.mkdir()
    pd.DataFrame(
        {
            "title": ["Fake one", "Fake, two"],
            "text": ["Body\nwith a line break", ""],
            "subject": ["News", "politics"],
            "date": ["December 31, 2017", "31-Dec-17"],
        }
    ).to_csv(folder / "Fake.csv", index=False)
    (folder / "True.csv").write_text(
        'title,text,subject,date\nTrue one,"WASHINGTON (Reuters) - It said ""yes"".",'
        'politicsNews,"December 31, 2017 "\n'
    )
    isot = datasets.load_isot(data_dir=tmp_path)
    assert isot["label"].tolist() == ["fake", "fake", "true"]
    assert isot.loc[1, "title"] == "Fake, two"
    assert isot.loc[1, "text"] == ""
    assert isot.loc[2, "text"] == 'WASHINGTON (Reuters) - It said "yes".'
    assert isot.loc[0, "text"] == "Body\nwith a line break"
    assert isot.attrs["dataset"]["name"] == "isot-fake-news"


# -- Article-Bias-Prediction ----------------------------------------------------------------------


def _bias_record(article_id: str, bias: int) -> dict:
    return {
        "topic": "elections",
        "source": "CNN (Web News)",
        "bias": bias,
        "url": f"https://example.org/{article_id}",
        "title": f"Title {article_id}",
        "date": "2018-10-03",
        "authors": "A. Writer",
        "content": "one two three",
        "content_original": "One, two; three.",
        "source_url": "www.cnn.com",
        "bias_text": ["left", "center", "right"][bias],
        "ID": article_id,
    }


def test_article_bias_reads_one_row_per_json(tmp_path):
    folder = tmp_path / "article-bias-prediction" / "jsons"
    folder.mkdir(parents=True)
    for article_id, bias in (("zz9", 2), ("aa1", 0)):
        (folder / f"{article_id}.json").write_text(json.dumps(_bias_record(article_id, bias)))
    table = datasets.load_article_bias(data_dir=tmp_path)
    assert table["ID"].tolist() == ["aa1", "zz9"]
    assert table["bias"].tolist() == [0, 2]
    assert table["bias_text"].tolist() == ["left", "right"]
    assert list(table.columns) == list(datasets.ARTICLE_BIAS_FIELDS)


def test_article_bias_file_without_a_field_is_reported(tmp_path):
    folder = tmp_path / "article-bias-prediction"
    folder.mkdir()
    record = _bias_record("x", 1)
    del record["content"]
    (folder / "x.json").write_text(json.dumps(record))
    with pytest.raises(InputError, match=r"lacks the fields \['content'\]"):
        datasets.load_article_bias(data_dir=tmp_path)
