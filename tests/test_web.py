"""The pages over HTTP: query page, things, documents, ontology, VoID; escaping and 404s."""

from __future__ import annotations

import requests

SCRIPT_LABEL = """@prefix dip: <https://w3id.org/kutniti/ontology#> . @prefix kid: <https://w3id.org/kutniti/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kid:test-mallory a dip:Person ; rdfs:label "<script>alert(1)</script>"@en ; dip:represents kid:north-korea .
"""


def test_query_page_runs_a_canned_query_server_side(live_server):
    s = live_server()
    r = requests.get(s.url + "/", params={"name": "visits"})
    assert r.status_code == 200
    assert "Kim Yong-nam" in r.text and 'href="/id/' in r.text and "format=csv" in r.text
    r = requests.get(s.url + "/", params={"query": "SELECT ?x WHERE { ?x "})
    assert "malformed query" in r.text


def test_things_dereference_as_html_and_rdf(live_server):
    s = live_server()
    r = requests.get(s.url + "/id/north-korea", headers={"Accept": "text/html"})
    assert r.status_code == 200 and "<svg" in r.text and "উত্তর কোরিয়া" in r.text
    assert r.headers["Vary"] == "Accept"
    r = requests.get(s.url + "/id/north-korea", headers={"Accept": "text/turtle"})
    assert r.headers["Content-Type"].startswith("text/turtle") and "North Korea" in r.text
    r = requests.get(s.url + "/id/north-korea", params={"format": "jsonld"})
    assert r.json()
    assert requests.get(s.url + "/id/nobody-at-all").status_code == 404


def test_document_page_highlights_every_evidence_span(live_server):
    s = live_server()
    r = requests.get(s.url + "/doc/002_63125d0b3e90fd15")
    assert r.status_code == 200
    assert r.text.count("<mark id=\"ev-") >= 8


def test_path_traversal_is_404(live_server):
    s = live_server()
    for path in ["/doc/..%2F..%2Fetc%2Fpasswd", "/doc/../../etc/passwd", "/id/..%2Fsecret", "/id/a%00b"]:
        r = requests.get(s.url + path)
        assert r.status_code == 404, path
        assert "root:" not in r.text


def test_labels_with_markup_render_as_text(live_server):
    s = live_server(UPDATE_TOKEN="t")
    r = requests.post(s.url + "/facts", data=SCRIPT_LABEL.encode(),
                      headers={"Authorization": "Bearer t", "Content-Type": "text/turtle"})
    assert r.status_code == 201
    r = requests.get(s.url + "/id/test-mallory")
    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    r = requests.get(s.url + "/", params={"name": "people"})
    assert "<script>alert(1)</script>" not in r.text


def test_ontology_and_void(live_server):
    s = live_server()
    r = requests.get(s.url + "/ontology")
    assert r.status_code == 200 and "dip:Visit" in r.text and "সফর" in r.text
    r = requests.get(s.url + "/ontology", headers={"Accept": "text/turtle"})
    assert r.headers["Content-Type"].startswith("text/turtle")
    r = requests.get(s.url + "/.well-known/void")
    assert "void:triples" in r.text and "void:sparqlEndpoint" in r.text
