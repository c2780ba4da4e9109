"""A notebook whose data is missing says how to get it, and stops without a traceback."""

from __future__ import annotations

import pytest

from framing.errors import MissingDataError
from framing.report.notebook import NotebookStopped, load_or_stop, missing_data_html


def _missing():
    raise MissingDataError("dataset 'babe' is not on this machine; run `framing download babe`")


def test_missing_data_stops_with_the_message_and_no_traceback():
    with pytest.raises(NotebookStopped) as stopped:
        load_or_stop(_missing)
    assert "framing download babe" in str(stopped.value)
    assert stopped.value._render_traceback_() == [f"Notebook stopped: {stopped.value}"]


def test_data_that_is_there_is_returned():
    assert load_or_stop(dict, a=1) == {"a": 1}


def test_the_message_is_escaped():
    box = missing_data_html(MissingDataError("<script>x</script> missing"))
    assert "<script>" not in box and "&lt;script&gt;" in box
