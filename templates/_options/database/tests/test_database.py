from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from <%import_name%>.database import Item, make_engine, make_session

PROJECT = Path(__file__).resolve().parent.parent


def test_migrations_create_the_items_table(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'test.sqlite3'}"
    config = Config(str(PROJECT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT / "migrations"))
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "head")
    engine = make_engine(url)
    assert "items" in inspect(engine).get_table_names()
    session = make_session(engine)
    session.add(Item(name="first"))
    session.commit()
    assert [item.name for item in session.query(Item).all()] == ["first"]
    session.close()
    command.downgrade(config, "base")
    assert "items" not in inspect(engine).get_table_names()
