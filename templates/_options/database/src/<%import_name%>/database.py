"""The database of <%name%>: SQLAlchemy models and sessions. Migrations live in migrations/."""

from __future__ import annotations

import os

from sqlalchemy import Column, Integer, String, create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, declarative_base, sessionmaker

Base = declarative_base()


class Item(Base):  # type: ignore[misc,valid-type]
    __tablename__ = "items"

    id = Column(Integer, primary_key=True)
    name = Column(String(200), nullable=False, unique=True)


def database_url() -> str:
    return os.environ.get("DATABASE_URL", "sqlite:///<%import_name%>.sqlite3")


def make_engine(url: str | None = None) -> Engine:
    return create_engine(url or database_url())


def make_session(engine: Engine) -> Session:
    return sessionmaker(bind=engine)()
