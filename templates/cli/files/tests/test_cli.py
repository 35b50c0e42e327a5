import pytest

from <%import_name%>.cli import main


def test_greets(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["world"]) == 0
    assert capsys.readouterr().out == "Hello, world!\n"


def test_shouts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["world", "--shout"]) == 0
    assert capsys.readouterr().out == "HELLO, WORLD!\n"


def test_name_is_required() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2
