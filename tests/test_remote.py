"""kutniti on a remote SPARQL 1.1 store: a real Oxigraph server started here, on loopback.

The corpus is built into the server with ``kutniti build --store-url``, served through kutniti's
endpoint, written through kutniti's gate, and loaded and validated against from the command line.
Skipped when Oxigraph's server (the ``oxigraph`` package, in the test extras) is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from click.testing import CliRunner

from kutniti.cli import main

from conftest import ROOT, LiveServer, free_port

TOKEN = "s3cret-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DIP = "https://w3id.org/kutniti/ontology#"
DOCS = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?d a <{DIP}SourceDocument> }}"


def oxigraph_binary() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


class OxigraphServer:
    """``oxigraph serve`` on a fresh folder and a free loopback port."""

    def __init__(self, folder: Path) -> None:
        binary = oxigraph_binary()
        if binary is None:
            pytest.skip("Oxigraph's server is not installed (pip install oxigraph)")
        self.url = f"http://127.0.0.1:{free_port()}"
        self.process = subprocess.Popen([binary, "serve", "--location", str(folder), "--bind", self.url[7:]],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                if requests.get(self.url + "/query", params={"query": "ASK {}"}, timeout=1).ok:
                    return
            except requests.ConnectionError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"Oxigraph's server did not start at {self.url}")

    def ask(self, query: str) -> bool:
        r = requests.get(self.url + "/query", params={"query": query},
                         headers={"Accept": "application/sparql-results+json"})
        r.raise_for_status()
        return r.json()["boolean"]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def cli(*args) -> "object":
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "data")
    result = cli("build", ROOT / "corpus", "--store-url", server.url, "--json", "--workers", "1")
    assert result.exit_code == 0, result.output
    yield server
    server.stop()


@pytest.fixture
def kutniti(oxigraph, tmp_path):
    server = LiveServer(tmp_path, STORE_URL=oxigraph.url, UPDATE_TOKEN=TOKEN, QUERY_TIMEOUT=10)
    yield server
    server.close()


def test_the_corpus_built_into_the_server_is_queried_through_kutniti(oxigraph, kutniti, corpus_store_dir):
    r = requests.get(kutniti.url + "/sparql", params={"query": DOCS})
    assert r.status_code == 200, r.text
    assert r.json()["results"]["bindings"][0]["n"]["value"] == "5"
    from kutniti.queries import get_query

    query = get_query("relations-established").text
    remote = requests.get(kutniti.url + "/sparql", params={"query": query}, headers={"Accept": "text/csv"})
    assert remote.status_code == 200
    assert "1948-10-15" in remote.text
    from kutniti.graph.store import Store

    local = Store(corpus_store_dir, read_only=True)
    expected = local.query(query).serialize(format=ox.QueryResultsFormat.CSV)
    del local
    assert sorted(remote.text.splitlines()) == sorted(expected.decode().splitlines())
    page = requests.get(kutniti.url + "/id/north-korea", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "North Korea" in page.text


def test_writes_go_through_the_gate_to_the_server(oxigraph, kutniti):
    ask = 'ASK { GRAPH <http://example.org/remote> { <http://example.org/a> <http://example.org/b> "c" } }'
    upd = 'INSERT DATA { GRAPH <http://example.org/remote> { <http://example.org/a> <http://example.org/b> "c" } }'
    r = requests.post(kutniti.url + "/sparql", data={"update": upd}, headers=AUTH)
    assert r.status_code == 204, r.text
    assert oxigraph.ask(ask)
    # a write that breaks the shapes (North Korea without its labels) is refused and not sent
    bad = """DELETE { GRAPH ?g { <https://w3id.org/kutniti/id/north-korea> ?p ?l } }
              WHERE { GRAPH ?g { <https://w3id.org/kutniti/id/north-korea> ?p ?l
              FILTER(?p = <http://www.w3.org/2000/01/rdf-schema#label>) } }"""
    r = requests.post(kutniti.url + "/sparql", data={"update": bad}, headers=AUTH)
    assert r.status_code == 422
    assert oxigraph.ask('ASK { GRAPH ?g { <https://w3id.org/kutniti/id/north-korea> '
                        '<http://www.w3.org/2000/01/rdf-schema#label> "North Korea"@en } }')


def test_load_and_validate_against_the_server(oxigraph, tmp_path):
    person = tmp_path / "person.ttl"
    person.write_text(f"""@prefix dip: <{DIP}> . @prefix kid: <https://w3id.org/kutniti/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kid:test-envoy a dip:Person ; rdfs:label "Test Envoy"@en ; dip:represents kid:north-korea .
""", "utf-8")
    result = cli("validate", person, "--store-url", oxigraph.url, "--format", "json")
    assert result.exit_code == 0, result.output  # the server says kid:north-korea is a Country
    assert not oxigraph.ask("ASK { <https://w3id.org/kutniti/id/test-envoy> ?p ?o }")
    result = cli("load", person, "--store-url", oxigraph.url)
    assert result.exit_code == 0, result.output
    assert oxigraph.ask("ASK { GRAPH <https://w3id.org/kutniti/graph/load/person> "
                        "{ <https://w3id.org/kutniti/id/test-envoy> ?p ?o } }")
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://example.org/x> <http://example.org/y> .\n", "utf-8")
    result = cli("load", person, broken, "--store-url", oxigraph.url)
    assert result.exit_code == 2 and "broken.ttl" in result.output and "nothing was loaded" in result.output


def test_an_unreachable_store_is_a_clear_error(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    result = cli("load", ROOT / "ontology" / "kutniti.ttl", "--store-url", url)
    assert result.exit_code == 2
    assert url in result.output
