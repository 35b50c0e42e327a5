import pytest

from <%import_name%> import __version__
from <%import_name%>.core import greet


def test_greet() -> None:
    assert greet(" world ") == "Hello, world!"


def test_greet_rejects_empty_name() -> None:
    with pytest.raises(ValueError):
        greet("  ")


def test_version() -> None:
    assert __version__ == "0.1.0"
