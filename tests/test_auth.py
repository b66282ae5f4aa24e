"""Writes are authorised: without the token no write path changes anything, the token is compared
in constant time, and it never reaches the server's log."""

from __future__ import annotations

import hmac
import shutil

import pytest
import requests
from serveproc import ServeProcess

TOKEN = "auth-test-token-93c1d7e2"
TTL = b"<http://example.org/auth/s> <http://example.org/auth/p> 'o' ."
G = "http://example.org/auth/graph"
ENTITIES = "https://w3id.org/kutniti/graph/entities"
FACT = b"""@prefix dip: <https://w3id.org/kutniti/ontology#> . @prefix kid: <https://w3id.org/kutniti/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kid:auth-test-person a dip:Person ; rdfs:label "An Intruder"@en ; dip:represents kid:north-korea .
"""
TURTLE = {"Content-Type": "text/turtle"}

#: Every write the server has: (method, path, params, body, headers).
WRITES = [
    ("POST", "/sparql", {}, {"update": "CLEAR ALL"}, {}),
    ("POST", "/sparql", {}, b"DROP ALL", {"Content-Type": "application/sparql-update"}),
    ("POST", "/sparql", {}, b'INSERT DATA { <http://example.org/auth/s> <http://example.org/auth/p> "o" }',
     {"Content-Type": "application/sparql-update"}),
    ("PUT", "/store", {"graph": ENTITIES}, TTL, TURTLE),
    ("PUT", "/store", {"default": ""}, TTL, TURTLE),
    ("PUT", "/store", {"graph": G}, TTL, TURTLE),
    ("POST", "/store", {"graph": ENTITIES}, TTL, TURTLE),
    ("POST", "/store", {}, TTL, TURTLE),
    ("PUT", "/store/direct", {}, TTL, TURTLE),
    ("DELETE", "/store", {"graph": ENTITIES}, None, {}),
    ("DELETE", "/store", {"default": ""}, None, {}),
    ("POST", "/facts", {}, FACT, TURTLE),
]

BAD_CREDENTIALS = [
    {},
    {"Authorization": "Bearer wrong-token"},
    {"Authorization": f"Bearer {TOKEN[:-1]}"},
    {"Authorization": f"Bearer {TOKEN}x"},
    {"Authorization": f"Basic {TOKEN}"},
    {"Authorization": TOKEN},
    {"Authorization": "Bearer "},
    {"X-Update-Token": TOKEN},
]


def send(url: str, write, headers: dict) -> requests.Response:
    method, path, params, body, extra = write
    kwargs = {"data": body} if body is not None else {}
    return requests.request(method, url + path, params=params, headers={**extra, **headers}, timeout=30, **kwargs)


def nquads(url: str) -> bytes:
    r = requests.get(url + "/store", headers={"Accept": "application/n-quads"}, timeout=30)
    assert r.status_code == 200
    return r.content


@pytest.fixture(scope="module")
def token_server(corpus_store_dir, tmp_path_factory):
    from conftest import serve_copy

    server = serve_copy(corpus_store_dir, tmp_path_factory.mktemp("auth"), UPDATE_TOKEN=TOKEN)
    yield server
    server.close()


@pytest.mark.parametrize("write", WRITES, ids=lambda w: f"{w[0]} {w[1]} {'&'.join(w[2]) or ''}")
def test_no_write_path_changes_anything_without_the_token(token_server, write):
    before_disk, before_served = token_server.store.snapshot(), nquads(token_server.url)
    for headers in BAD_CREDENTIALS:
        r = send(token_server.url, write, headers)
        assert r.status_code == 401, (headers, r.status_code, r.text[:200])
        assert r.headers["WWW-Authenticate"].startswith("Bearer")
    token_server.store.oxigraph.flush()
    assert token_server.store.snapshot() == before_disk
    assert nquads(token_server.url) == before_served


@pytest.mark.parametrize("write", WRITES, ids=lambda w: f"{w[0]} {w[1]} {'&'.join(w[2]) or ''}")
def test_a_server_without_a_token_refuses_every_write(live_server, write):
    server = live_server()
    before = nquads(server.url)
    for headers in ({}, {"Authorization": "Bearer anything"}, {"Authorization": "Bearer "}):
        r = send(server.url, write, headers)
        assert r.status_code == 403, (headers, r.status_code)
        assert "--update-token" in r.text
    assert nquads(server.url) == before


def test_the_token_is_compared_in_constant_time(token_server, monkeypatch):
    """The comparison is hmac.compare_digest's (time independent of where the strings differ)."""
    seen = []
    real = hmac.compare_digest

    def spy(a, b):
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    r = send(token_server.url, WRITES[5], {"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code in (201, 204)
    r = send(token_server.url, WRITES[5], {"Authorization": "Bearer wrong-token"})
    assert r.status_code == 401
    assert (TOKEN.encode(), TOKEN.encode()) in seen
    assert (b"wrong-token", TOKEN.encode()) in seen


def test_the_token_never_reaches_the_log(corpus_store_dir, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(corpus_store_dir, store, symlinks=True)
    log = tmp_path / "serve.log"
    server = ServeProcess(store, log, token=TOKEN)
    try:
        good = {"Authorization": f"Bearer {TOKEN}"}
        assert send(server.url, WRITES[5], good).status_code in (201, 204)
        assert send(server.url, WRITES[5], {"Authorization": "Bearer not-the-token"}).status_code == 401
        r = requests.post(server.url + "/sparql", data=b"INSERT DATA { broken", timeout=30,
                          headers={**good, "Content-Type": "application/sparql-update"})
        assert r.status_code == 400
        r = requests.post(server.url + "/facts", data=b"<a> <b> .", timeout=30, headers={**good, **TURTLE})
        assert r.status_code == 400
        assert TOKEN not in r.text
    finally:
        server.stop()
    text = log.read_text(errors="replace")
    assert "kutniti serving" in text  # the log is the server's
    assert TOKEN not in text and "not-the-token" not in text
