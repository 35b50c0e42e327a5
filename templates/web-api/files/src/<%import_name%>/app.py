"""The web API of <%name%>."""

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

from . import __version__

app = FastAPI(title="<%name%>", version=__version__)


class Item(BaseModel):
    name: str
    quantity: int = 1


_items: dict[int, Item] = {}


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok", "version": __version__}


@app.post("/items/{item_id}", status_code=201)
def put_item(item_id: int, item: Item) -> Item:
    if item.quantity < 1:
        raise HTTPException(status_code=422, detail="quantity must be at least 1")
    _items[item_id] = item
    return item


@app.get("/items/{item_id}")
def get_item(item_id: int) -> Item:
    if item_id not in _items:
        raise HTTPException(status_code=404, detail="no such item")
    return _items[item_id]
