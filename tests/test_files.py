"""Nothing lost: every writer replaces its target only when it has written the whole file."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing._files import atomic_path
from framing.cli import main
from framing.datasets.loaders import seed_path, source_path
from framing.errors import FramingError
from framing.table.results import TableWriter, read_metadata, save_table, sidecar_path


def _corpus(tmp_path):
    path = tmp_path / "corpus.csv"
    pd.DataFrame({"body": ["ISIS lost Raqqa. A massive win.", "Troops left."]}).to_csv(
        path, index=False
    )
    return path


def test_atomic_path_replaces_on_success_and_leaves_the_target_on_failure(tmp_path):
    target = tmp_path / "kept.txt"
    target.write_text("good earlier result")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        assert temporary.parent == target.parent and temporary != target
        temporary.write_text("half")
        raise RuntimeError("the run failed")
    assert target.read_text() == "good earlier result"
    assert [path.name for path in tmp_path.iterdir()] == ["kept.txt"]
    with atomic_path(target) as temporary:
        temporary.write_text("new result")
    assert target.read_text() == "new result"
    assert [path.name for path in tmp_path.iterdir()] == ["kept.txt"]


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_a_failed_analyze_leaves_the_earlier_result_and_its_metadata(capsys, tmp_path, suffix):
    corpus, output = _corpus(tmp_path), tmp_path / f"keep{suffix}"
    assert main(["analyze", str(corpus), "--text-col", "body", "-o", str(output)]) == 0
    before = output.read_bytes()
    sidecar = sidecar_path(output)
    sidecar_before = sidecar.read_bytes() if sidecar.exists() else None
    capsys.readouterr()
    code = main(["analyze", str(corpus), "--text-col", "no_such_column", "-o", str(output)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("framing: error:") and "no_such_column" in err
    assert output.read_bytes() == before
    assert (sidecar.read_bytes() if sidecar.exists() else None) == sidecar_before
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert leftovers == sorted(
        ["corpus.csv", output.name] + ([sidecar.name] if sidecar_before else [])
    )


def test_a_failed_first_run_leaves_no_file(capsys, tmp_path):
    corpus, output = _corpus(tmp_path), tmp_path / "new.csv"
    assert main(["analyze", str(corpus), "--text-col", "nope", "-o", str(output)]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.csv"]


def test_save_table_that_fails_leaves_the_earlier_file(tmp_path):
    path = save_table(framing.analyze("Raqqa fell. A massive win."), tmp_path / "t.csv")
    before, meta_before = path.read_bytes(), sidecar_path(path).read_bytes()
    with pytest.raises(FramingError):
        save_table(pd.DataFrame({"doc_id": pd.Series(["a \udc00"], dtype=object)}), path)
    assert path.read_bytes() == before and sidecar_path(path).read_bytes() == meta_before
    with pytest.raises(RuntimeError), TableWriter(path) as writer:
        writer.write(framing.analyze("Other text entirely."))
        raise RuntimeError("interrupted")
    assert path.read_bytes() == before
    assert read_metadata(path)["columns"]


@pytest.mark.parametrize("command", ["analyze", "compare", "fetch-sources"])
def test_an_unknown_output_suffix_names_the_known_ones(capsys, tmp_path, command):
    output = tmp_path / "results.xlsx"
    argv = {
        "analyze": ["analyze", str(seed_path())],
        "compare": ["compare", str(seed_path()), "--source", str(source_path())],
        "fetch-sources": ["fetch-sources", str(tmp_path / "manifest.csv")],
    }[command]
    (tmp_path / "manifest.csv").write_text("id,outlet,title,date,url,license,local_path,note\n")
    assert main([*argv, "-o", str(output)]) == 2
    err = capsys.readouterr().err
    assert "'.xlsx'" in err and ".csv" in err and "--format" in err
    assert not output.exists()


def test_format_says_what_to_write_whatever_the_suffix(capsys, tmp_path):
    output = tmp_path / "results.xlsx"
    assert main(["analyze", str(seed_path()), "--format", "csv", "-o", str(output)]) == 0
    assert output.read_text(encoding="utf-8").startswith("doc_id,")


def test_a_failed_compare_and_worksheet_leave_the_earlier_file(capsys, tmp_path):
    output = tmp_path / "out.csv"
    output.write_text("good earlier result")
    missing = tmp_path / "missing.txt"
    assert main(["compare", str(seed_path()), "--source", str(missing), "-o", str(output)]) == 2
    assert output.read_text() == "good earlier result"
    page = tmp_path / "sheet.html"
    page.write_text("good earlier page")
    assert main(["worksheet", str(seed_path()), "--source", str(missing), "-o", str(page)]) == 2
    assert page.read_text() == "good earlier page"


def test_a_failed_figure_leaves_the_earlier_file(tmp_path):
    import matplotlib.pyplot as plt

    from framing.report.plots import save_figure

    figure, axis = plt.subplots()
    axis.plot([1, 2], [3, 4])
    path = save_figure(figure, tmp_path / "f.pdf")
    before = path.read_bytes()
    axis.set_title("$\\notacommand$")  # mathtext fails while drawing
    with pytest.raises(ValueError):
        save_figure(figure, path)
    plt.close(figure)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["f.pdf"]


def test_a_written_file_has_the_mode_a_plain_write_gives(tmp_path):
    import os
    import stat

    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    with atomic_path(tmp_path / "new.txt") as temporary:
        temporary.write_text("x")
    assert stat.S_IMODE(os.stat(tmp_path / "new.txt").st_mode) == stat.S_IMODE(
        os.stat(plain).st_mode
    )
    os.chmod(plain, 0o640)
    with atomic_path(plain) as temporary:
        temporary.write_text("y")
    assert stat.S_IMODE(os.stat(plain).st_mode) == 0o640
