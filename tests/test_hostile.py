"""Hostile input: broken and malicious bodies get a 4xx with a message and change nothing; no
file is read and no request leaves the server; odd documents build or are refused clearly.

(Path traversal, script in labels, and the plain SERVICE / LOAD / FROM cases are in test_web.py
and test_server.py.)
"""

from __future__ import annotations

import re
import resource
import time

import pytest
import requests
from test_server import AUTH, TOKEN, Listener, server  # noqa: F401 - the token-holding server fixture

RDF_NS = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/"'


def xxe(target: str) -> bytes:
    return f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "{target}"> ]>
<rdf:RDF {RDF_NS}><rdf:Description rdf:about="http://example.org/a"><ex:p>&xxe;</ex:p></rdf:Description></rdf:RDF>
""".encode()


def billion_laughs(levels: int = 9) -> bytes:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1))
    return f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ {entities} ]>
<rdf:RDF {RDF_NS}><rdf:Description rdf:about="http://example.org/a"><ex:p>&lol{levels};</ex:p></rdf:Description></rdf:RDF>
""".encode()


def deep_xml(depth: int) -> bytes:
    inner = "<ex:p><rdf:Description>" * depth + "</rdf:Description></ex:p>" * depth
    return f"<rdf:RDF {RDF_NS}><rdf:Description>{inner}</rdf:Description></rdf:RDF>".encode()


#: The write and check paths that take RDF bodies: (method, path, params).
RDF_PATHS = [("POST", "/validate", {}), ("POST", "/facts", {}), ("PUT", "/store", {"graph": "http://example.org/h"}),
             ("POST", "/store", {"graph": "http://example.org/h"})]

MALFORMED = [
    ("text/turtle", b"@prefix ex: <http://example.org/> .\nex:a ex:b ex:c ;\n  ex:d .", "line"),
    ("text/turtle", b"<http://example.org/a> <http://example.org/b> \"unterminated .", "line"),
    ("application/n-triples", b"<http://example.org/a> <http://example.org/b> .\n", "line"),
    ("application/ld+json", b'{"@id": "http://example.org/a", "http://example.org/p": [1, 2', "line"),
    ("application/ld+json", b'{"@context": 42, "@id": "x"}', "context"),
    ("application/rdf+xml", b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description>",
     "XML"),
    ("application/rdf+xml", b"\xff\xfe not even text", "UTF-8|line 1"),
]


def send(server, method, path, params, body, ctype):
    return requests.request(method, server.url + path, params=params, data=body, timeout=60,
                            headers={**AUTH, "Content-Type": ctype})


@pytest.mark.parametrize("ctype,body,where", MALFORMED, ids=lambda x: x if isinstance(x, str) else None)
def test_malformed_rdf_is_400_with_a_message_and_changes_nothing(server, ctype, body, where):
    before = server.store.snapshot()
    for method, path, params in RDF_PATHS:
        r = send(server, method, path, params, body, ctype)
        assert r.status_code == 400, (path, ctype, r.status_code, r.text[:200])
        assert re.search(where, r.text, re.IGNORECASE), (path, r.text[:300])
    assert server.store.snapshot() == before


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://example.org/a> <http://example.org/b> }",
    "DELETE WHERE { ?s ?p }",
    "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> 'c' } ",
    "CLEAR GRAPHS",
])
def test_malformed_updates_are_400_and_change_nothing(server, update):
    before = server.store.snapshot()
    r = requests.post(server.url + "/sparql", data=update.encode(), timeout=30,
                      headers={**AUTH, "Content-Type": "application/sparql-update"})
    assert r.status_code == 400 and "malformed update" in r.text
    assert server.store.snapshot() == before


def test_xxe_reads_no_file(server, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-4f1e9a", "utf-8")
    before = server.store.snapshot()
    for method, path, params in RDF_PATHS:
        r = send(server, method, path, params, xxe(secret.as_uri()), "application/rdf+xml")
        assert r.status_code == 400, (path, r.status_code)
        assert "entity" in r.text.lower()
        assert "TOP-SECRET" not in r.text
    assert server.store.snapshot() == before
    assert not any("TOP-SECRET" in q for q in server.store.snapshot())


def test_xxe_and_remote_contexts_make_no_request(server):
    listener = Listener()
    target = f"http://127.0.0.1:{listener.port}/context"
    try:
        for method, path, params in RDF_PATHS:
            r = send(server, method, path, params, xxe(target), "application/rdf+xml")
            assert r.status_code == 400, path
            body = ('{"@context": "%s", "@id": "http://example.org/a", "name": "x"}' % target).encode()
            r = send(server, method, path, params, body, "application/ld+json")
            assert r.status_code == 400, (path, r.status_code, r.text[:200])
        time.sleep(0.3)
        assert listener.hits == 0
    finally:
        listener.close()


def test_billion_laughs_is_refused_in_bounded_time_and_memory(server):
    before = server.store.snapshot()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB, the server runs in this process
    for method, path, params in RDF_PATHS:
        started = time.monotonic()
        r = send(server, method, path, params, billion_laughs(), "application/rdf+xml")
        assert r.status_code == 400 and "entity" in r.text.lower(), (path, r.status_code)
        assert time.monotonic() - started < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss < 200 * 1024
    assert server.store.snapshot() == before


def test_deeply_nested_input_is_refused_and_the_server_lives(server):
    r = send(server, "POST", "/validate", {}, deep_xml(20_000), "application/rdf+xml")
    assert r.status_code == 400 and "deeper" in r.text
    deep = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    r = requests.get(server.url + "/sparql", params={"query": deep}, timeout=30)
    assert r.status_code == 400 and "deeper" in r.text
    r = requests.post(server.url + "/sparql", data={"update": "INSERT { <http://a> <http://b> 1 } WHERE " + deep[15:]},
                      headers=AUTH, timeout=30)
    assert r.status_code == 400 and "deeper" in r.text
    assert requests.get(server.url + "/healthz", timeout=5).status_code == 200


@pytest.mark.parametrize("method,path,ctype", [
    ("POST", "/facts", "text/turtle"), ("POST", "/validate", "text/turtle"), ("PUT", "/store?graph=http://x/g", "text/turtle"),
    ("POST", "/sparql", "application/sparql-update"), ("POST", "/sparql", "application/x-www-form-urlencoded"),
])
def test_oversized_bodies_are_413_and_change_nothing(live_server, method, path, ctype):
    s = live_server(UPDATE_TOKEN=TOKEN, MAX_CONTENT_LENGTH=10_000)
    before = s.store.snapshot()
    body = b"<http://example.org/a> <http://example.org/b> '" + b"x" * 20_000 + b"' ."
    if ctype.startswith("application/x-www"):
        body = b"update=" + body
    r = requests.request(method, s.url + path, data=body, headers={**AUTH, "Content-Type": ctype}, timeout=30)
    assert r.status_code == 413 and "larger than" in r.text
    assert s.store.snapshot() == before


@pytest.mark.parametrize("kind", ["update-service", "page-service", "lowercase-service", "from-named",
                                  "default-graph-uri", "named-graph-uri", "using", "using-graph-uri", "load-silent"])
def test_no_request_leaves_by_any_route(server, kind):
    listener = Listener()
    remote = f"http://127.0.0.1:{listener.port}/sparql"
    q = "SELECT * WHERE { ?s ?p ?o } LIMIT 1"
    try:
        if kind == "update-service":
            r = requests.post(server.url + "/sparql", headers=AUTH, data={
                "update": f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}"})
        elif kind == "page-service":
            r = requests.get(server.url + "/", params={"query": f"SELECT * WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}"})
        elif kind == "lowercase-service":
            r = requests.get(server.url + "/sparql", params={
                "query": f"select * where {{ # a comment\n service   silent\n<{remote}> {{ ?s ?p ?o }} }}"})
        elif kind == "from-named":
            r = requests.get(server.url + "/sparql", params={"query": f"SELECT * FROM NAMED <{remote}> WHERE {{ ?s ?p ?o }}"})
        elif kind == "default-graph-uri":
            r = requests.get(server.url + "/sparql", params={"query": q, "default-graph-uri": remote})
        elif kind == "named-graph-uri":
            r = requests.get(server.url + "/sparql", params={"query": q, "named-graph-uri": remote})
        elif kind == "using":
            r = requests.post(server.url + "/sparql", headers=AUTH, data={
                "update": f"DELETE {{ ?s ?p ?o }} USING <{remote}> WHERE {{ ?s ?p ?o }}"})
        elif kind == "using-graph-uri":
            r = requests.post(server.url + "/sparql", headers=AUTH, data={
                "update": "DELETE { ?s <http://example.org/none> ?o } WHERE { ?s <http://example.org/none> ?o }",
                "using-graph-uri": remote})
        else:
            r = requests.post(server.url + "/sparql", headers=AUTH, data={"update": f"LOAD SILENT <{remote}> INTO GRAPH <http://x/g>"})
        assert r.status_code < 500, (kind, r.status_code, r.text[:200])
        if kind in ("update-service", "lowercase-service", "from-named", "load-silent"):
            assert r.status_code == 400
        if kind == "page-service":
            assert "not allowed" in r.text
        time.sleep(0.3)
        assert listener.hits == 0, kind
    finally:
        listener.close()


def test_odd_documents_build_or_are_refused_clearly(tmp_path, live_server):
    """Boilerplate only, Latin only, mixed scripts, zero-width characters, markup and a 10 MB
    document: the build finishes, every quote is an exact slice, and markup stays text."""
    from conftest import LiveServer, ROOT

    from kutniti.graph.build import build

    folder = tmp_path / "docs"
    folder.mkdir()
    docs = {
        "boiler.txt": "আরও পড়ুন\nশেয়ার করুন\nবিজ্ঞাপন\nCopyright © 2024\n",
        "latin.txt": "North Korea and Russia signed an agreement in Moscow on 12 March 2023.\n",
        "zw.txt": "উত্তর\u200cকোরিয়া\u200d ও রা\u200bশিয়া ২০২৩ সালে চুক্তি স্বাক্ষর করেছে।\ufeff\u2060\n",
        "mixed.txt": "উত্তর কোরিয়া 北朝鮮 Северная Корея كوريا الشمالية ও রাশিয়া ২০২৩ সালে চুক্তি স্বাক্ষর করেছে। 🇰🇵\n",
        "html.txt": "<script>alert(1)</script> উত্তর কোরিয়া ও রাশিয়া ২০২৩ সালে <b>চুক্তি</b> স্বাক্ষর করেছে।\n",
    }
    for name, text in docs.items():
        (folder / name).write_text(text, "utf-8")
    sample = (ROOT / "corpus" / "002_63125d0b3e90fd15.txt").read_text("utf-8")
    big = (sample + "\n") * (10_000_000 // len(sample.encode()) + 1)
    (folder / "big.txt").write_text(big, "utf-8")
    assert (folder / "big.txt").stat().st_size >= 10_000_000
    summary = build([folder], tmp_path / "store", workers=1)
    assert summary.documents == 6
    per_doc = {d["document"]: d for d in summary.to_json()["per_document"]}
    assert per_doc["html.txt"]["events"] >= 1 and per_doc["mixed.txt"]["events"] >= 1
    assert per_doc["big.txt"]["events"] >= 1
    server = LiveServer(tmp_path / "store")
    try:
        r = requests.get(server.url + "/doc/html", timeout=30)
        assert r.status_code == 200, r.text
        assert "<script>alert(1)</script>" not in r.text and "&lt;script&gt;" in r.text
        assert "<b>চুক্তি</b>" not in r.text
        rows = requests.get(server.url + "/sparql", timeout=60, params={"query": """
            PREFIX dip: <https://w3id.org/kutniti/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT ?id ?q ?s ?e WHERE { ?ev prov:wasDerivedFrom ?d ; dip:evidence ?x . ?d dcterms:identifier ?id .
            ?x dip:quote ?q ; dip:start ?s ; dip:end ?e }"""}).json()["results"]["bindings"]
        assert rows
        for row in rows:
            text = big if row["id"]["value"] == "big.txt" else docs[row["id"]["value"]]
            assert text[int(row["s"]["value"]):int(row["e"]["value"])] == row["q"]["value"]
    finally:
        server.close()


def test_from_inside_a_name_or_string_is_not_a_dataset_clause(server):
    """prov:wasDerivedFrom (or "FROM" in a string) keeps the union default graph."""
    q = """PREFIX prov: <http://www.w3.org/ns/prov#>
           SELECT (COUNT(*) AS ?n) WHERE { ?e prov:wasDerivedFrom ?d FILTER(?d != "FROM <x>") }"""
    r = requests.get(server.url + "/sparql", params={"query": q}, timeout=30)
    assert int(r.json()["results"]["bindings"][0]["n"]["value"]) > 0

