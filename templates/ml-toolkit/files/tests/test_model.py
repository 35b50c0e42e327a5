import pytest

from <%import_name%>.model import LinearModel


def test_fits_a_line() -> None:
    model = LinearModel().fit([1.0, 2.0, 3.0], [3.0, 5.0, 7.0])
    assert model.slope == pytest.approx(2.0)
    assert model.intercept == pytest.approx(1.0)
    assert model.predict([10.0]) == [pytest.approx(21.0)]


def test_predict_before_fit() -> None:
    with pytest.raises(RuntimeError):
        LinearModel().predict([1.0])


def test_constant_x_is_rejected() -> None:
    with pytest.raises(ValueError):
        LinearModel().fit([1.0, 1.0], [1.0, 2.0])
