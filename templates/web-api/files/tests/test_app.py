from fastapi.testclient import TestClient

from <%import_name%>.app import app

client = TestClient(app)


def test_health() -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_items_round_trip() -> None:
    created = client.post("/items/1", json={"name": "apple", "quantity": 3})
    assert created.status_code == 201
    assert client.get("/items/1").json() == {"name": "apple", "quantity": 3}


def test_missing_item_is_404() -> None:
    assert client.get("/items/999").status_code == 404


def test_quantity_must_be_positive() -> None:
    assert client.post("/items/2", json={"name": "pear", "quantity": 0}).status_code == 422
