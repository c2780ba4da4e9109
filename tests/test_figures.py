"""Every figure for papers: one registry, built twice byte-identically, mapped in README."""

from __future__ import annotations

import hashlib

import pytest

from framing.cli import main
from framing.report.figures import FIGURES, build_figures, save
from tests.conftest import REPO, need_data


def _digests(folder):
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.iterdir()}


def test_every_figure_is_built_twice_byte_identically(tmp_path):
    shared_data = need_data("babe", "allsides-roundups", "mfd", "polnear")
    first = build_figures(tmp_path / "first", data_dir=shared_data, sample=20)
    second = build_figures(tmp_path / "second", data_dir=shared_data, sample=20)
    names = sorted(path.name for path in first)
    assert names == sorted(f"{r.name}.{fmt}" for r in FIGURES for fmt in ("pdf", "png"))
    assert _digests(tmp_path / "first") == _digests(tmp_path / "second")
    assert [path.name for path in second] == [path.name for path in first]
    assert all(path.stat().st_size > 5_000 for path in first)


def test_the_figures_command_writes_the_chosen_figure(tmp_path, capsys):
    assert main(["figures", "--out", str(tmp_path), "--figure", "seed-sentiment"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "seed-sentiment.pdf",
        "seed-sentiment.png",
    ]
    assert capsys.readouterr().out.count("wrote ") == 2


def test_an_unknown_figure_lists_the_known_ones(capsys):
    assert main(["figures", "--figure", "nope", "--out", "unused"]) == 2
    assert "seed-sentiment" in capsys.readouterr().err


def test_a_notebook_without_a_figures_folder_saves_nothing():
    assert save(object(), "anything", None) == []


@pytest.mark.parametrize("recipe", FIGURES, ids=lambda recipe: recipe.name)
def test_readme_maps_each_figure_to_its_notebook_and_data(recipe):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert (REPO / "notebooks" / f"{recipe.notebook}.py").is_file()
    row = f"| `figures/{recipe.name}.pdf`, `.png` | `notebooks/{recipe.notebook}.py` |"
    assert row in readme


def test_allsides_measures_carry_each_articles_side_and_outlet():
    from framing.report.figures import allsides_articles, allsides_measures

    shared_data = need_data("allsides-roundups")
    articles = allsides_articles(shared_data, sample=5)
    measures = allsides_measures(articles)
    assert len(measures) == len(articles)  # every article has text: none is left out
    by_id = articles.assign(
        article_id=articles["story_id"].astype(str) + ":" + articles["side"]
    ).set_index("article_id")
    for row in measures.itertuples(index=False):
        article = by_id.loc[row.article_id]
        assert (row.story_id, row.side, row.source, row.title) == (
            article["story_id"],
            article["side"],
            article["source"],
            article["title"],
        )
    assert list(measures.columns[:5]) == ["article_id", "story_id", "side", "source", "title"]


def test_allsides_pairs_compare_each_side_with_its_own_center_article():
    from framing.report.figures import (
        WIRE_OUTLETS,
        allsides_corpus_comparison,
        allsides_paired,
        allsides_quote_fidelity,
        allsides_stories,
    )

    shared_data = need_data("allsides-roundups")
    articles = allsides_stories(shared_data, sample=60)
    comparison = allsides_corpus_comparison(articles)
    pairs = comparison.articles
    assert set(pairs["side"]) == {"left", "right"}
    assert (pairs["source_id"] == pairs["story_id"].astype(str) + ":center").all()
    centers = articles[articles["side"] == "center"].set_index("story_id")["source"]
    assert (pairs["center_source"] == pairs["story_id"].map(centers)).all()
    paired = allsides_paired(pairs)
    wire = pairs[pairs["center_source"].isin(WIRE_OUTLETS)]
    assert len(wire) > 0
    by_set = paired[(paired["group"] == "all") & (paired["measure"] == "quoted_share")]
    assert by_set.set_index("reports")["n"].to_dict() == {
        "every center article": pairs["error"].isna().sum(),
        "AP and Reuters only": wire["error"].isna().sum(),
    }
    fidelity = allsides_quote_fidelity(comparison.paragraphs).set_index("side")
    assert (fidelity["quotes"] == fidelity[["verbatim", "altered", "not_found"]].sum(axis=1)).all()
    quotes = comparison.paragraphs["quote_fidelity"].dropna().str.split(";").explode()
    assert fidelity["quotes"].sum() == len(quotes)
