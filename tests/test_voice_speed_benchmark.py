"""benchmarks/voice_speed.py --instructions: what each figure per paragraph is made of."""

from __future__ import annotations

import pytest

voice_speed = pytest.importorskip("benchmarks.voice_speed")


def test_first_pass_and_steady_figures_come_from_the_runs_they_name(monkeypatch, capsys, tmp_path):
    # Synthetic counts: a process costs 1,000 to start; each version spends a one-time 500 on
    # the first paragraphs that need it; a paragraph costs 10 (baseline) or 9 (checkout).
    per_paragraph = {"baseline": 10, "checkout": 9}
    sizes = {"paragraphs": 4, "articles": 6}

    def counted(folder, inputs, part, passes=1):
        if part == "none":
            return 1_000
        return 1_000 + 500 + per_paragraph[folder.name] * sizes[part] * passes

    monkeypatch.setattr(voice_speed, "_instructions", counted)
    inputs = tmp_path / "inputs.pickle"
    inputs.write_bytes(voice_speed.pickle.dumps((["a"] * 4, [["b", "c"], ["d"] * 4])))
    voice_speed.count(
        {"baseline": tmp_path / "baseline", "checkout": tmp_path / "checkout"}, inputs
    )
    printed = capsys.readouterr().out
    # first pass: (once - none) / size, the one-time 500 included; steady: (twice - once) / size
    lines = printed.splitlines()
    assert (
        lines[1].split()
        == "baseline paragraphs 4 paragraphs 135 a paragraph on the first pass, 10 steady".split()
    )
    assert (
        lines[5].split()
        == "checkout articles 6 paragraphs 92 a paragraph on the first pass, 9 steady".split()
    )
    assert lines[-2].endswith("first pass: paragraphs 0.993x  articles 0.989x")
    assert lines[-1].endswith("steady: paragraphs 0.900x  articles 0.900x")
