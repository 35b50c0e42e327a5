"""The first module of <%name%>."""


def greet(name: str) -> str:
    """Return a greeting for ``name``; an empty name is an error."""
    if not name.strip():
        raise ValueError("name must not be empty")
    return f"Hello, {name.strip()}!"
