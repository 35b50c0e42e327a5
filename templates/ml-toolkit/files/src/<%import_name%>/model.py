"""A least-squares line with a scikit-learn style fit/predict interface."""

from __future__ import annotations

from collections.abc import Sequence


class LinearModel:
    def __init__(self) -> None:
        self.slope: float | None = None
        self.intercept: float | None = None

    def fit(self, x: Sequence[float], y: Sequence[float]) -> LinearModel:
        if len(x) != len(y) or len(x) < 2:
            raise ValueError("fit needs two or more (x, y) pairs of equal length")
        mean_x = sum(x) / len(x)
        mean_y = sum(y) / len(y)
        spread = sum((xi - mean_x) ** 2 for xi in x)
        if spread == 0:
            raise ValueError("x values must not all be equal")
        self.slope = sum((xi - mean_x) * (yi - mean_y) for xi, yi in zip(x, y)) / spread
        self.intercept = mean_y - self.slope * mean_x
        return self

    def predict(self, x: Sequence[float]) -> list[float]:
        if self.slope is None or self.intercept is None:
            raise RuntimeError("call fit before predict")
        return [self.slope * xi + self.intercept for xi in x]
