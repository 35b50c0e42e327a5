"""The command line of <%name%>."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from . import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="<%normalized_name%>", description="<%description_python%>")
    parser.add_argument("name", help="who to greet")
    parser.add_argument("--shout", action="store_true", help="greet in capitals")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    greeting = f"Hello, {arguments.name}!"
    print(greeting.upper() if arguments.shout else greeting)
    return 0
