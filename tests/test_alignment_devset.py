"""The alignment development set (benchmarks/alignment_devset.py): its pairs, labels and figures."""

from __future__ import annotations

import csv

import pytest

from benchmarks import alignment_devset as devset
from tests.conftest import need_data


@pytest.fixture(scope="module")
def pairs() -> list[dict]:
    return devset.read_pairs()


def test_the_set_holds_at_least_150_pairs_labelled_by_two_people_and_a_settled_label(pairs):
    assert len(pairs) >= 150
    assert len({devset.pair_key(p) for p in pairs}) == len(pairs)
    # No AllSides text is stored: only ids and labels.
    assert list(pairs[0]) == list(devset.FIELDS)
    for pair in pairs:
        assert pair["drawn"] in ("best", "random")
        # Every pair carries both people's labels (first and second are one person's,
        # independent another's) and a settled label, each in the allowed set.
        labels = [pair[column] for column in (*devset.LABELLINGS, "label")]
        assert set(labels) <= set(devset.LABELS), devset.pair_key(pair)
        # Where the labellings agree, the settled label is theirs.
        if not devset.disputed(pair):
            assert pair["label"] == pair["first"]


def test_the_stored_labels_are_the_settled_ones_each_with_its_reason(pairs):
    settled = devset.settle(pairs)
    assert [p["label"] for p in settled] == [p["label"] for p in pairs]
    with devset.ADJUDICATION_FILE.open(encoding="utf-8") as handle:
        decisions = list(csv.DictReader(handle))
    assert {row["key"] for row in decisions} == {
        devset.pair_key(p) for p in pairs if devset.disputed(p)
    }
    assert all(len(row["reason"].split()) >= 5 for row in decisions)


def test_settle_refuses_a_decisions_file_that_leaves_a_disputed_pair_or_names_an_undisputed_one(
    pairs, tmp_path
):
    with devset.ADJUDICATION_FILE.open(encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    short = tmp_path / "short.csv"
    short.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="1 disputed pair"):
        devset.settle(pairs, short)
    undisputed = next(p for p in pairs if not devset.disputed(p))
    extra = tmp_path / "extra.csv"
    extra.write_text(
        "\n".join([*lines, f"{devset.pair_key(undisputed)},aligned,a reason given here"]) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="is not a pair whose labellings differ"):
        devset.settle(pairs, extra)


def _labels_file(tmp_path, rows: list[str]):
    path = tmp_path / "labels.csv"
    path.write_text("\n".join(["key,independent", *rows]) + "\n", encoding="utf-8")
    return path


def test_merge_fills_only_its_column_from_a_labellers_file(pairs, tmp_path):
    flipped = {"aligned": "unaligned", "unaligned": "aligned"}
    rows = [f"{devset.pair_key(p)},{flipped[p['independent']]}" for p in pairs]
    merged = devset.merge_labels(pairs, _labels_file(tmp_path, rows), "independent")
    assert [p["independent"] for p in merged] == [flipped[p["independent"]] for p in pairs]
    others = [c for c in devset.FIELDS if c != "independent"]
    assert [[p[c] for c in others] for p in merged] == [[p[c] for c in others] for p in pairs]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # The last pair left out.
        (lambda rows: rows[:-1], "1 pair\\(s\\) not labelled"),
        # A label outside the two.
        (lambda rows: [rows[0].rsplit(",", 1)[0] + ",maybe", *rows[1:]], "is not one of"),
        # A pair labelled twice.
        (lambda rows: [*rows, rows[0]], "labelled twice"),
        # A key that names no pair of the set.
        (lambda rows: [*rows, "1:left:0:0,aligned"], "is not a pair of the set"),
    ],
)
def test_merge_refuses_a_labelling_that_is_incomplete_or_wrong(pairs, tmp_path, change, message):
    rows = [f"{devset.pair_key(p)},aligned" for p in pairs]
    with pytest.raises(ValueError, match=message):
        devset.merge_labels(pairs, _labels_file(tmp_path, change(rows)), "independent")


def test_merge_refuses_to_overwrite_the_first_labellings(pairs, tmp_path):
    with pytest.raises(ValueError, match="mergeable columns: independent"):
        devset.merge_labels(pairs, _labels_file(tmp_path, []), "first")


@pytest.mark.parametrize(
    ("first", "second", "kappa"),
    [
        (["a", "a", "b", "b"], ["a", "a", "b", "b"], 1.0),
        (["a", "a", "b", "b"], ["b", "b", "a", "a"], -1.0),
        # Observed 0.5, expected 0.5 by chance: no agreement beyond chance.
        (["a", "b", "a", "b"], ["a", "a", "b", "b"], 0.0),
    ],
)
def test_cohen_kappa(first, second, kappa):
    assert devset.cohen_kappa(first, second) == pytest.approx(kappa)


@pytest.mark.parametrize("other", ["second", "independent"])
def test_the_first_labelling_agrees_with_each_other_well_beyond_chance(pairs, other):
    kappa = devset.cohen_kappa([p["first"] for p in pairs], [p[other] for p in pairs])
    assert kappa >= 0.8


def test_agreement_reports_the_independent_and_the_same_labeller_figures(pairs):
    report = devset.agreement_report(pairs).splitlines()
    independent = next(line for line in report if line.startswith("first vs independent"))
    same = next(line for line in report if line.startswith("first vs second"))
    kappa = devset.cohen_kappa([p["first"] for p in pairs], [p["independent"] for p in pairs])
    agree = sum(p["first"] == p["independent"] for p in pairs)
    assert f"agree {agree:>3}" in independent and f"kappa {kappa:.3f}" in independent
    assert "blind to each other" in independent and "knowing the first" in same
    aligned = next(line for line in report if line.startswith("aligned"))
    assert aligned.split()[1:] == [
        str(sum(p[c] == "aligned" for p in pairs)) for c in (*devset.LABELLINGS, "label")
    ]


def test_the_third_sheet_shows_every_pair_once_in_its_own_order_with_no_label(pairs):
    data = need_data("allsides-roundups")
    sheet = devset.sheet(data, 3)
    heads = [line.split() for line in sheet.splitlines() if line.startswith("=== ")]
    # "=== number key": nothing else, so no label, score or draw is in view.
    assert all(len(head) == 3 for head in heads)
    keys = [head[2] for head in heads]
    assert sorted(keys) == sorted(devset.pair_key(p) for p in pairs)
    first = [line.split()[2] for line in devset.sheet(data, 1).splitlines() if line[:4] == "=== "]
    assert keys != first
    # Every other line is a paragraph's text or the blank line between pairs.
    prefixes = ("=== ", "SOURCE (center): ", "ARTICLE (left): ", "ARTICLE (right): ")
    assert all(line.startswith(prefixes) or not line for line in sheet.splitlines())


def test_the_draw_is_the_stored_one_and_its_texts_rebuild(pairs):
    data = need_data("allsides-roundups")
    drawn = devset.draw(data)
    assert [devset.pair_key(p) for p in drawn] == [devset.pair_key(p) for p in pairs]
    assert [p["drawn"] for p in drawn] == [p["drawn"] for p in pairs]
    stories = devset.stories(data)
    partisan, center = devset.texts(pairs[0], stories)
    assert partisan.strip() and center.strip()


def test_the_paraphrase_aware_alignment_says_not_in_the_source_less_wrongly(pairs):
    found = devset.scores(need_data("allsides-roundups"), pairs)
    gold = [p["label"] == "aligned" for p in pairs]
    old_precision, old_recall, _ = devset.precision_recall([r["old"] for r in found], gold)
    new_precision, new_recall, _ = devset.precision_recall([r["new"] for r in found], gold)
    # Measured against the labels settled between two people: recall 0.651 against 0.605,
    # precision 0.836 (0.881 against the labels of one person before the independent labelling).
    assert new_recall > old_recall and new_precision >= 0.8
    # "not in the source" is wrong for far fewer restatements than the first "unsourced" was.
    old_unaligned = [g for r, g in zip(found, gold, strict=True) if not r["old"]]
    not_in_source = [g for r, g in zip(found, gold, strict=True) if not (r["new"] or r["maybe"])]
    assert sum(not_in_source) / len(not_in_source) < 0.5 * sum(old_unaligned) / len(old_unaligned)
