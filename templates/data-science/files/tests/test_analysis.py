from pathlib import Path

import pytest

from <%import_name%>.analysis import read_column, summarise


def test_summarise() -> None:
    summary = summarise([1.0, 2.0, 4.0])
    assert summary.count == 3
    assert summary.mean == pytest.approx(7 / 3)
    assert summary.median == 2.0


def test_summarise_needs_values() -> None:
    with pytest.raises(ValueError):
        summarise([])


def test_read_column(tmp_path: Path) -> None:
    table = tmp_path / "data.csv"
    table.write_text("x,y\n1,2\n3,\n5,6\n", encoding="utf-8")
    assert read_column(table, "y") == [2.0, 6.0]
