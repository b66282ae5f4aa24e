"""SPARQL 1.1 Protocol and Graph Store Protocol conformance, over real HTTP against a live server.

These are the project's own versions of the checks of the W3C protocol suites that the endpoint
once failed: Graph Store writes on graphs with blank nodes, multipart POST, percent-encoded graph
IRIs, HEAD, updates that create and drop graphs, the service's base IRI, and the
``using-graph-uri`` / ``using-named-graph-uri`` parameters.
"""

from __future__ import annotations

import pytest
import rdflib
import requests
from rdflib.compare import isomorphic

TOKEN = "protocol-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TURTLE = {**AUTH, "Content-Type": "text/turtle"}
UPDATE = {**AUTH, "Content-Type": "application/sparql-update"}
EX = "http://www.example/gsp/"

PERSON = """@prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix v: <http://www.w3.org/2006/vcard/ns#> .
<http://www.example/gsp/person/1> a foaf:Person ;
    foaf:businessCard [ a v:VCard ; v:fn "John Doe" ] .
"""
PERSON_RENAMED = PERSON.replace("John Doe", "Jane Doe")


@pytest.fixture
def server(live_server):
    return live_server(UPDATE_TOKEN=TOKEN, QUERY_TIMEOUT=5)


def graph_of(text: str, fmt: str = "turtle") -> rdflib.Graph:
    return rdflib.Graph().parse(data=text, format=fmt)


def gsp_get(server, graph: str, accept: str = "text/turtle") -> requests.Response:
    return requests.get(server.url + "/store", params={"graph": graph}, headers={"Accept": accept})


def ask(server, query: str) -> bool:
    r = requests.get(server.url + "/sparql", params={"query": query})
    assert r.status_code == 200, r.text
    return r.json()["boolean"]


def update(server, text: str, **params) -> requests.Response:
    return requests.post(server.url + "/sparql", params=params, data=text.encode(), headers=UPDATE)


# -- Graph Store Protocol -----------------------------------------------------------------------

def test_put_replaces_a_graph_with_blank_nodes(server):
    g = EX + "person/1.ttl"
    r = requests.put(server.url + "/store", params={"graph": g}, data=PERSON.encode(), headers=TURTLE)
    assert r.status_code == 201
    assert isomorphic(graph_of(gsp_get(server, g).text), graph_of(PERSON))
    # the second PUT must remove the blank node's triples of the first
    r = requests.put(server.url + "/store", params={"graph": g}, data=PERSON_RENAMED.encode(), headers=TURTLE)
    assert r.status_code == 204, r.text
    got = gsp_get(server, g)
    assert got.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert isomorphic(graph_of(got.text), graph_of(PERSON_RENAMED))


def test_delete_a_graph_with_blank_nodes_then_it_is_gone(server):
    g = EX + "person/2.ttl"
    assert requests.put(server.url + "/store", params={"graph": g}, data=PERSON.encode(),
                        headers=TURTLE).status_code == 201
    r = requests.delete(server.url + "/store", params={"graph": g}, headers=AUTH)
    assert r.status_code == 204, r.text
    assert gsp_get(server, g).status_code == 404
    assert requests.delete(server.url + "/store", params={"graph": g}, headers=AUTH).status_code == 404
    assert not ask(server, "ASK { ?card <http://www.w3.org/2006/vcard/ns#fn> 'John Doe' }")


def test_post_merges_and_multipart_parts_are_documents(server):
    g = EX + "person/3.ttl"
    r = requests.post(server.url + "/store", params={"graph": g}, data=PERSON.encode(), headers=TURTLE)
    assert r.status_code == 201
    parts = {
        "last.ttl": ("last.ttl", f"<{EX}person/1> <http://xmlns.com/foaf/0.1/familyName> 'Doe' .", "text/turtle"),
        "first.nt": ("first.nt", f'<{EX}person/1> <http://xmlns.com/foaf/0.1/givenName> "John" .\n',
                     "application/n-triples"),
    }
    r = requests.post(server.url + "/store", params={"graph": g}, files=parts, headers=AUTH)
    assert r.status_code == 204, r.text
    expected = graph_of(PERSON + f"<{EX}person/1> <http://xmlns.com/foaf/0.1/familyName> 'Doe' ; "
                                 "<http://xmlns.com/foaf/0.1/givenName> 'John' .")
    assert isomorphic(graph_of(gsp_get(server, g).text), expected)
    # a blank node in a POSTed body is a new node, never merged with one already there
    r = requests.post(server.url + "/store", params={"graph": g}, data=PERSON.encode(), headers=TURTLE)
    assert r.status_code == 204
    cards = graph_of(gsp_get(server, g).text).objects(rdflib.URIRef(EX + "person/1"),
                                                      rdflib.URIRef("http://xmlns.com/foaf/0.1/businessCard"))
    assert len(set(cards)) == 2


def test_multipart_part_of_unknown_type_is_415_and_bad_part_is_400(server):
    g = EX + "person/5.ttl"
    r = requests.post(server.url + "/store", params={"graph": g}, headers=AUTH,
                      files={"x": ("x.bin", b"\x00\x01", "image/png")})
    assert r.status_code == 415 and "'x'" in r.text
    r = requests.post(server.url + "/store", params={"graph": g}, headers=AUTH,
                      files={"broken": ("b.ttl", b"<http://a> <http://b> ", "text/turtle")})
    assert r.status_code == 400 and "'broken'" in r.text
    assert gsp_get(server, g).status_code == 404


def test_post_to_the_store_creates_a_graph_at_location(server):
    r = requests.post(server.url + "/store", data=PERSON.encode(), headers=TURTLE)
    assert r.status_code == 201
    location = r.headers["Location"]
    assert location.startswith(server.url + "/store/")
    got = requests.get(location, headers={"Accept": "text/turtle"})  # direct identification
    assert got.status_code == 200 and isomorphic(graph_of(got.text), graph_of(PERSON))


def test_head_has_get_headers_and_no_body(server):
    g = EX + "person/6.ttl"
    requests.put(server.url + "/store", params={"graph": g}, data=PERSON.encode(), headers=TURTLE)
    accept = {"Accept": "text/turtle; charset=utf-8"}  # a parameter in Accept does not change the type
    head = requests.head(server.url + "/store", params={"graph": g}, headers=accept)
    get = requests.get(server.url + "/store", params={"graph": g}, headers=accept)
    assert head.status_code == get.status_code == 200
    assert head.headers["Content-Type"] == get.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert head.content == b"" and int(head.headers["Content-Length"]) == len(get.content)
    assert requests.head(server.url + "/store", params={"graph": EX + "none.ttl"}).status_code == 404


def test_percent_encoding_in_the_graph_parameter_is_decoded_once(server):
    once = server.url + "/store?graph=http://www.example/gsp/person/%31.ttl"      # names …/1.ttl
    twice = server.url + "/store?graph=http://www.example/gsp/person/%2531.ttl"   # names …/%31.ttl
    one = f"<{EX}a> <{EX}p> 'one' ."
    other = f"<{EX}a> <{EX}p> 'other' ."
    assert requests.put(once, data=one.encode(), headers=TURTLE).status_code == 201
    assert requests.put(twice, data=other.encode(), headers=TURTLE).status_code == 201
    assert isomorphic(graph_of(gsp_get(server, EX + "person/1.ttl").text), graph_of(one))
    assert isomorphic(graph_of(gsp_get(server, EX + "person/%31.ttl").text), graph_of(other))
    encoded = server.url + "/store?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl"
    assert isomorphic(graph_of(requests.get(encoded, headers={"Accept": "text/turtle"}).text), graph_of(one))


def test_graph_parameter_that_is_not_an_iri_is_400(server):
    before = server.store.snapshot()
    r = requests.put(server.url + "/store", params={"graph": "not an iri"}, data=PERSON.encode(), headers=TURTLE)
    assert r.status_code == 400 and "absolute IRI" in r.text
    assert server.store.snapshot() == before


def test_default_graph_put_get_and_whole_store_export(server):
    triple = f"<{EX}d> <{EX}p> 'in the default graph' ."
    r = requests.put(server.url + "/store?default", data=triple.encode(), headers=TURTLE)
    assert r.status_code == 204
    got = requests.get(server.url + "/store?default", headers={"Accept": "application/n-triples"})
    assert isomorphic(graph_of(got.text, "nt"), graph_of(triple))
    # the whole store: TriG by default (graphs kept), one merged graph when Turtle is asked for
    trig = requests.get(server.url + "/store", headers={"Accept": "*/*"})
    assert trig.headers["Content-Type"].startswith("application/trig")
    ds = rdflib.Dataset()
    ds.parse(data=trig.text, format="trig")
    assert rdflib.URIRef("https://w3id.org/kutniti/graph/entities") in {g.identifier for g in ds.graphs()}
    merged = graph_of(requests.get(server.url + "/store", headers={"Accept": "text/turtle"}).text)
    assert (None, None, rdflib.Literal("North Korea", lang="en")) in merged
    assert (rdflib.URIRef(f"{EX}d"), None, None) in merged


def test_graph_store_writes_go_through_the_shapes(server):
    before = server.store.snapshot()
    bad = """@prefix dip: <https://w3id.org/kutniti/ontology#> . @prefix kid: <https://w3id.org/kutniti/id/> .
    kid:test-visit a dip:Visit ; dip:visitor kid:north-korea ; dip:destination kid:north-korea ."""
    r = requests.put(server.url + "/store", params={"graph": EX + "bad.ttl"}, data=bad.encode(), headers=TURTLE)
    assert r.status_code == 422 and r.json()["conforms"] is False
    assert server.store.snapshot() == before
    assert gsp_get(server, EX + "bad.ttl").status_code == 404


# -- SPARQL Update ------------------------------------------------------------------------------

def test_insert_then_drop_graph_and_drop_of_a_missing_graph(server):
    g = "http://example.org/x-roundtrip"
    assert update(server, f"INSERT DATA {{ GRAPH <{g}> {{ <http://example.org/s> <http://example.org/p> 'o' }} }}"
                  ).status_code == 204
    assert ask(server, f"ASK {{ GRAPH <{g}> {{ ?s ?p 'o' }} }}")
    r = update(server, f"DROP GRAPH <{g}>")
    assert r.status_code == 204, r.text
    assert not ask(server, f"ASK {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")
    before = server.store.snapshot()
    r = update(server, f"DROP GRAPH <{g}>")  # no longer there: an error, not a 500
    assert r.status_code == 400 and "does not exist" in r.text
    assert server.store.snapshot() == before
    assert update(server, f"DROP SILENT GRAPH <{g}>").status_code == 204


def test_clear_all_removes_blank_nodes_too(server):
    assert len(server.store) > 0
    r = update(server, "CLEAR ALL")
    assert r.status_code == 204, r.text
    assert len(server.store) == 0
    assert not ask(server, "ASK { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")


def test_delete_where_with_blank_nodes(server):
    g = "http://example.org/bnodes"
    update(server, f"INSERT DATA {{ GRAPH <{g}> {{ <http://example.org/a> <http://example.org/card> "
                   f"[ <http://example.org/fn> 'A' ] }} }}")
    assert ask(server, f"ASK {{ GRAPH <{g}> {{ ?c <http://example.org/fn> 'A' }} }}")
    r = update(server, f"DELETE WHERE {{ GRAPH <{g}> {{ ?a <http://example.org/card> ?c . ?c ?p ?o }} }}")
    assert r.status_code == 204, r.text
    assert not ask(server, f"ASK {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")


def test_relative_iris_in_an_update_resolve_against_the_endpoint(server):
    r = update(server, "INSERT DATA { GRAPH <g-base> { <s> <p> <o> } }")
    assert r.status_code == 204, r.text
    base = server.url + "/"
    assert ask(server, f"ASK {{ GRAPH <{base}g-base> {{ <{base}s> <{base}p> <{base}o> }} }}")


DOC = "<http://xmlns.com/foaf/0.1/Document>"


def _two_documents(server):
    update(server, f"INSERT DATA {{ GRAPH <http://example.org/d1> {{ <http://example.org/one> a {DOC} }} "
                   f"GRAPH <http://example.org/d2> {{ <http://example.org/two> a {DOC} }} }}")


def _hits(server, graph):
    r = requests.get(server.url + "/sparql", params={"query": f"SELECT ?s WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"})
    return {b["s"]["value"] for b in r.json()["results"]["bindings"]}


def test_using_graph_uri_in_a_form_body(server):
    _two_documents(server)
    # IRIs holding the words "using" and "with" are not USING or WITH clauses
    out = "http://example.org/using-with-out"
    body = {"update": f"INSERT {{ GRAPH <{out}> {{ ?s a <http://example.org/Hit> }} }} WHERE {{ ?s a {DOC} }}",
            "using-graph-uri": "http://example.org/d1"}
    r = requests.post(server.url + "/sparql", data=body, headers=AUTH)
    assert r.status_code == 204, r.text
    assert _hits(server, out) == {"http://example.org/one"}


def test_using_graph_uri_and_named_graph_uri_in_the_url(server):
    _two_documents(server)
    out = "http://example.org/out"
    # only the top-level WHERE gets the dataset; the subquery's WHERE is left alone
    text = (f"INSERT {{ GRAPH <{out}> {{ ?s a <http://example.org/Hit> }} }} "
            f"WHERE {{ {{ SELECT ?s WHERE {{ GRAPH ?g {{ ?s a {DOC} }} }} }} }}")
    r = update(server, text, **{"using-named-graph-uri": "http://example.org/d2"})
    assert r.status_code == 204, r.text
    assert _hits(server, out) == {"http://example.org/two"}
    r = update(server, f"WITH <{out}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
               **{"using-graph-uri": "http://example.org/d1"})
    assert r.status_code == 400 and "USING or WITH" in r.text
    assert _hits(server, out) == {"http://example.org/two"}


def test_a_keyword_inside_an_iri_does_not_change_the_dataset(server):
    # "FROM" inside an IRI is no FROM clause: the default graph stays the union of all graphs
    update(server, "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/FROM> 1 } }")
    r = requests.get(server.url + "/sparql", params={"query": "SELECT ?o WHERE { ?s <http://example.org/FROM> ?o }"})
    assert [b["o"]["value"] for b in r.json()["results"]["bindings"]] == ["1"]


def test_update_then_query_round_trip_with_rdflib_sparqlupdatestore(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

    store = SPARQLUpdateStore(server.url + "/sparql", server.url + "/sparql", headers=dict(AUTH))
    ds = rdflib.Dataset(store=store)
    g = ds.graph(rdflib.URIRef("http://example.org/from-rdflib"))
    g.add((rdflib.URIRef("http://example.org/a"), rdflib.URIRef("http://example.org/b"), rdflib.Literal("ক")))
    got = gsp_get(server, "http://example.org/from-rdflib", accept="application/n-triples")
    assert got.status_code == 200
    assert list(graph_of(got.text, "nt")) == [(rdflib.URIRef("http://example.org/a"),
                                               rdflib.URIRef("http://example.org/b"), rdflib.Literal("ক"))]


def test_dataset_parameters_must_be_iris_and_cannot_inject_text(server):
    r = requests.get(server.url + "/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert r.status_code == 400 and "default-graph-uri" in r.text
    before = server.store.snapshot()
    injected = "http://example.org/x> WHERE { } ; CLEAR ALL ; INSERT { <a> <b> <c> } USING <http://example.org/y"
    r = update(server, "INSERT { GRAPH <http://example.org/out> { ?s ?p ?o } } WHERE { ?s ?p ?o }",
               **{"using-graph-uri": injected})
    assert r.status_code == 400 and "using-graph-uri must be an absolute IRI" in r.text
    assert server.store.snapshot() == before
