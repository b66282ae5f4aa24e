"""The SPARQL endpoint and Graph Store over real HTTP against a live server on loopback."""

from __future__ import annotations

import socket
import threading
import time

import pytest
import rdflib
import requests

TOKEN = "s3cret-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/kutniti/ontology#SourceDocument> }"


@pytest.fixture
def server(live_server):
    return live_server(UPDATE_TOKEN=TOKEN, QUERY_TIMEOUT=3)


def test_query_by_get_form_post_and_direct_post(server):
    url = server.url + "/sparql"
    r1 = requests.get(url, params={"query": COUNT})
    r2 = requests.post(url, data={"query": COUNT})
    r3 = requests.post(url, data=COUNT.encode(), headers={"Content-Type": "application/sparql-query"})
    for r in (r1, r2, r3):
        assert r.status_code == 200
        assert r.headers["Content-Type"].startswith("application/sparql-results+json")
        assert r.json()["results"]["bindings"][0]["n"]["value"] == "5"


@pytest.mark.parametrize("accept,prefix", [
    ("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("application/sparql-results+xml;q=0.5, text/csv;q=0.9", "text/csv"),
])
def test_content_negotiation_for_select(server, accept, prefix):
    r = requests.get(server.url + "/sparql", params={"query": COUNT}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith(prefix)
    assert "5" in r.text


def test_construct_as_turtle_and_jsonld_and_format_override(server):
    q = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/kutniti/ontology#Country> ; ?p ?o } LIMIT 5"
    r = requests.get(server.url + "/sparql", params={"query": q}, headers={"Accept": "text/turtle"})
    assert r.headers["Content-Type"].startswith("text/turtle")
    r = requests.get(server.url + "/sparql", params={"query": q, "format": "jsonld"})
    assert r.headers["Content-Type"].startswith("application/ld+json") and r.json()


def test_malformed_query_is_400_with_place(server):
    r = requests.get(server.url + "/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert r.status_code == 400
    assert "malformed query" in r.text and "1" in r.text


def test_service_description_on_get_without_query(server):
    r = requests.get(server.url + "/sparql")
    assert r.status_code == 200 and "sparql-service-description" in r.text


def test_dataset_parameters_restrict_the_dataset(server):
    q = "ASK { ?s a <https://w3id.org/kutniti/ontology#Country> }"
    doc = "https://w3id.org/kutniti/graph/doc/000_bd59f91ca0b70020"
    r = requests.get(server.url + "/sparql", params={"query": q, "default-graph-uri": doc})
    assert r.json()["boolean"] is False  # countries live in the entities graph
    r = requests.get(server.url + "/sparql", params={"query": q})
    assert r.json()["boolean"] is True


def test_writes_need_the_token_and_persist(server, live_server):
    upd = 'INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> "c" } }'
    before = server.store.snapshot()
    r = requests.post(server.url + "/sparql", data={"update": upd})
    assert r.status_code == 401
    r = requests.post(server.url + "/sparql", data={"update": upd}, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401
    assert server.store.snapshot() == before
    r = requests.post(server.url + "/sparql", data=upd.encode(),
                      headers={**AUTH, "Content-Type": "application/sparql-update"})
    assert r.status_code == 204
    r = requests.get(server.url + "/sparql", params={"query": "ASK { GRAPH <http://example.org/g> { ?s ?p 'c' } }"})
    assert r.json()["boolean"] is True
    # durable: a new server over the same folder sees it
    path = server.store.path
    server.close()
    from conftest import LiveServer

    again = LiveServer(path)
    try:
        r = requests.get(again.url + "/sparql", params={"query": "ASK { GRAPH <http://example.org/g> { ?s ?p 'c' } }"})
        assert r.json()["boolean"] is True
    finally:
        again.close()


def test_no_writes_without_a_configured_token(live_server):
    s = live_server()
    r = requests.post(s.url + "/sparql", data={"update": "CLEAR ALL"}, headers=AUTH)
    assert r.status_code == 403
    assert len(s.store) > 0


def test_an_update_that_breaks_a_shape_is_refused_and_changes_nothing(server):
    before = server.store.snapshot()
    upd = """PREFIX dip: <https://w3id.org/kutniti/ontology#> PREFIX kid: <https://w3id.org/kutniti/id/>
             DELETE { GRAPH ?g { kid:north-korea ?p ?l } } WHERE { GRAPH ?g { kid:north-korea ?p ?l
             FILTER(?p = <http://www.w3.org/2000/01/rdf-schema#label>) } }"""
    r = requests.post(server.url + "/sparql", data={"update": upd}, headers=AUTH)
    assert r.status_code == 422
    assert "English label" in r.text
    assert server.store.snapshot() == before


class Listener:
    """A TCP listener on loopback that counts connections (none may arrive)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self.stop = False
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
                self.hits += 1
                conn.close()
            except OSError:
                pass

    def close(self):
        self.stop = True
        self.thread.join()
        self.sock.close()


@pytest.mark.parametrize("kind", ["service", "load", "from"])
def test_no_request_leaves_the_server(server, kind):
    listener = Listener()
    target = f"http://127.0.0.1:{listener.port}/sparql"
    try:
        if kind == "service":
            r = requests.get(server.url + "/sparql", params={"query": f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}"})
        elif kind == "load":
            r = requests.post(server.url + "/sparql", data={"update": f"LOAD <{target}>"}, headers=AUTH)
        else:
            r = requests.get(server.url + "/sparql", params={"query": f"SELECT * FROM <{target}> WHERE {{ ?s ?p ?o }}"})
        assert r.status_code == 400
        assert ("SERVICE" in r.text) or ("LOAD" in r.text) or ("FROM" in r.text)
        time.sleep(0.3)
        assert listener.hits == 0
    finally:
        listener.close()


def test_a_runaway_query_is_stopped_and_others_are_served(server):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    result = {}

    def slow():
        t = time.monotonic()
        result["r"] = requests.get(server.url + "/sparql", params={"query": runaway})
        result["t"] = time.monotonic() - t

    th = threading.Thread(target=slow)
    th.start()
    time.sleep(0.5)
    t = time.monotonic()
    quick = requests.get(server.url + "/sparql", params={"query": COUNT})
    assert quick.status_code == 200 and time.monotonic() - t < 2
    th.join()
    assert result["r"].status_code == 503
    assert "stopped" in result["r"].text
    assert result["t"] < 3 + 2


def test_oversized_bodies_are_413(live_server):
    s = live_server(UPDATE_TOKEN=TOKEN, MAX_CONTENT_LENGTH=1000)
    r = requests.post(s.url + "/sparql", data=("SELECT * WHERE { ?s ?p ?o } #" + "x" * 2000).encode(),
                      headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413


def test_graph_store_put_get_head_delete(server):
    g = "http://example.org/gsp/one"
    ttl = "<http://example.org/s> <http://example.org/p> 'o' ."
    r = requests.put(server.url + "/store", params={"graph": g}, data=ttl.encode(),
                     headers={**AUTH, "Content-Type": "text/turtle"})
    assert r.status_code == 201
    r = requests.get(server.url + "/store", params={"graph": g}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and "example.org/s" in r.text
    r = requests.head(server.url + "/store", params={"graph": g}, headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/turtle") and not r.content
    r = requests.put(server.url + "/store", params={"graph": g}, data=b"<broken", headers={**AUTH, "Content-Type": "text/turtle"})
    assert r.status_code == 400
    r = requests.delete(server.url + "/store", params={"graph": g}, headers=AUTH)
    assert r.status_code == 204
    assert requests.get(server.url + "/store", params={"graph": g}).status_code == 404


def test_default_graph_export_as_turtle(server):
    r = requests.get(server.url + "/store", params={"graph": "https://w3id.org/kutniti/graph/entities"},
                     headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and "North Korea" in r.text


FACT_OK = """@prefix dip: <https://w3id.org/kutniti/ontology#> . @prefix kid: <https://w3id.org/kutniti/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kid:test-memoir-author a dip:Person ; rdfs:label "A Memoirist"@en ; dip:represents kid:north-korea .
"""
FACT_BAD = """@prefix dip: <https://w3id.org/kutniti/ontology#> . @prefix kid: <https://w3id.org/kutniti/id/> .
kid:test-visit a dip:Visit ; dip:visitor kid:north-korea ; dip:destination kid:north-korea .
"""


def test_validate_reports_problems_with_context(server):
    r = requests.post(server.url + "/validate", data=FACT_OK.encode(), headers={"Content-Type": "text/turtle"})
    assert r.status_code == 200 and r.json()["conforms"] is True
    r = requests.post(server.url + "/validate", data=FACT_BAD.encode(), headers={"Content-Type": "text/turtle"})
    assert r.status_code == 200
    body = r.json()
    assert body["conforms"] is False
    assert any("must differ" in x["message"] for x in body["results"])
    r = requests.post(server.url + "/validate", data=b"@prefix x: <y> .\nx:a x:b", headers={"Content-Type": "text/turtle"})
    assert r.status_code == 400 and "line" in r.text


def test_facts_are_stored_only_when_they_conform(server):
    before = server.store.snapshot()
    r = requests.post(server.url + "/facts", data=FACT_BAD.encode(), headers={**AUTH, "Content-Type": "text/turtle"})
    assert r.status_code == 422
    assert server.store.snapshot() == before
    r = requests.post(server.url + "/facts", data=FACT_OK.encode(), headers={"Content-Type": "text/turtle"})
    assert r.status_code == 401
    r = requests.post(server.url + "/facts", params={"source": "a memoir, p. 12"}, data=FACT_OK.encode(),
                      headers={**AUTH, "Content-Type": "text/turtle"})
    assert r.status_code == 201
    graph = r.json()["graph"]
    q = f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} <{graph}> <http://purl.org/dc/terms/source> 'a memoir, p. 12' }}"
    assert requests.get(server.url + "/sparql", params={"query": q}).json()["boolean"] is True


def test_sparqlwrapper_client(server):
    from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

    w = SPARQLWrapper(server.url + "/sparql")
    w.setQuery(COUNT)
    w.setReturnFormat(JSON)
    assert w.query().convert()["results"]["bindings"][0]["n"]["value"] == "5"
    w.setQuery("CONSTRUCT { <https://w3id.org/kutniti/id/north-korea> ?p ?o } "
               "WHERE { <https://w3id.org/kutniti/id/north-korea> ?p ?o }")
    w.setReturnFormat(TURTLE)
    g = rdflib.Graph().parse(data=w.query().convert(), format="turtle")
    assert any(str(o) == "North Korea" for o in g.objects())
    # an update through SPARQLWrapper, with the token
    u = SPARQLWrapper(server.url + "/sparql")
    u.setMethod(POST)
    u.addCustomHttpHeader("Authorization", AUTH["Authorization"])
    u.setQuery('INSERT DATA { GRAPH <http://example.org/w> { <http://example.org/a> <http://example.org/b> "w" } }')
    assert u.query().response.status == 204
    r = requests.get(server.url + "/sparql", params={"query": "ASK { GRAPH <http://example.org/w> { ?s ?p 'w' } }"})
    assert r.json()["boolean"] is True


def test_rdflib_sparqlstore_client(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    g = rdflib.Graph(store=SPARQLStore(server.url + "/sparql"))
    rows = list(g.query("SELECT ?l WHERE { <https://w3id.org/kutniti/id/north-korea> "
                        "<http://www.w3.org/2000/01/rdf-schema#label> ?l }"))
    assert any(str(r[0]) == "North Korea" for r in rows)
    kp = rdflib.URIRef("https://w3id.org/kutniti/id/north-korea")
    assert (kp, rdflib.RDFS.label, rdflib.Literal("North Korea", lang="en")) in g
    assert g.query("ASK { ?s a <https://w3id.org/kutniti/ontology#Country> }").askAnswer is True
