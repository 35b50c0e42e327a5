"""Analysis helpers of <%name%> (standard library only, so they run anywhere)."""

from __future__ import annotations

import csv
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Summary:
    count: int
    mean: float
    median: float
    stdev: float


def summarise(values: Iterable[float]) -> Summary:
    data = list(values)
    if not data:
        raise ValueError("no values to summarise")
    stdev = statistics.stdev(data) if len(data) > 1 else 0.0
    return Summary(len(data), statistics.fmean(data), statistics.median(data), stdev)


def read_column(path: Path, column: str) -> list[float]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [float(row[column]) for row in csv.DictReader(handle) if row[column].strip()]
