"""Validating new facts over real HTTP: every shape, refused writes of every kind, tables of
facts, provenance of batches, and concurrent submissions.

Refused writes are checked by comparing every quad of the store before and after (identical).
"""

from __future__ import annotations

import threading

import pytest
import rdflib
import requests
from conftest import serve_copy
from test_shapes import BASE, CASES, PREFIXES, changed

from kutniti.graph.validate import shapes_graph

TOKEN = "s3cret-facts-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TURTLE = {"Content-Type": "text/turtle"}
CSV = {"Content-Type": "text/csv"}

#: Two constraints the per-constraint cases of test_shapes do not reach.
EXTRA_CASES = [
    ("document-no-identifier", ['kid:doc-t dcterms:identifier "t.txt"'], "", "doc-t", "dcterms:identifier"),
    ("city-in-a-person", ["kid:capital dip:inCountry kid:borduria"], "kid:capital dip:inCountry kid:chief .",
     "capital", "lies in at most one country"),
]
#: The node shape each case breaks.
SHAPE_OF = {
    "event-source-missing": "EventShape", "event-two-sources": "EventShape", "event-no-participant": "EventShape",
    "event-no-evidence": "EventShape", "date-ill-typed": "EventShape", "start-date-ill-typed": "EventShape",
    "span-reversed": "EventShape", "date-after-publication": "EventShape", "status-not-planned": "EventShape",
    "evidence-no-quote": "EvidenceShape", "evidence-offsets-reversed": "EvidenceShape",
    "visit-no-recipient": "VisitShape", "visit-same-actor-recipient": "VisitShape",
    "meeting-one-participant": "MeetingShape", "mission-same-states": "DiplomaticMissionShape",
    "mission-no-sending-state": "DiplomaticMissionShape", "agreement-one-party": "AgreementShape",
    "agreement-ended-before-signed": "AgreementShape", "country-no-english-label": "AgentShape",
    "person-no-english-label": "AgentShape", "organization-no-english-label": "AgentShape",
    "person-two-countries": "PersonShape", "iso-code-malformed": "CountryShape",
    "disjoint-country-person": "DisjointnessShape", "document-no-identifier": "SourceDocumentShape",
    "city-in-a-person": "CityShape",
}
ALL_CASES = CASES + EXTRA_CASES


@pytest.fixture(scope="module")
def shared(corpus_store_dir, tmp_path_factory):
    """One server for the checks that must not change the store (refusals and /validate)."""
    server = serve_copy(corpus_store_dir, tmp_path_factory.mktemp("facts"), UPDATE_TOKEN=TOKEN)
    yield server
    server.close()


@pytest.fixture
def server(live_server):
    return live_server(UPDATE_TOKEN=["alice:" + TOKEN, "bob:other-token"])


def turtle(graph: rdflib.Graph) -> str:
    graph.bind("kid", "https://w3id.org/kutniti/id/")
    graph.bind("dip", "https://w3id.org/kutniti/ontology#")
    return graph.serialize(format="turtle")


def subject_line(text: str, slug: str) -> int:
    """The line of ``text`` on which ``kid:slug`` starts a statement."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(f"kid:{slug} "))


def test_every_shape_has_a_case():
    from rdflib.namespace import RDF, SH

    shapes = {str(s).rsplit("#", 1)[1] for s in shapes_graph().subjects(RDF.type, SH.NodeShape)}
    assert shapes == set(SHAPE_OF.values())
    assert {c[0] for c in ALL_CASES} == set(SHAPE_OF)


def test_the_conforming_submission_is_accepted(server):
    r = requests.post(server.url + "/validate", data=BASE.encode(), headers=TURTLE)
    assert r.status_code == 200 and r.json() == {"conforms": True, "results": []}
    r = requests.post(server.url + "/facts", data=BASE.encode(), headers={**AUTH, **TURTLE})
    assert r.status_code == 201, r.text
    graph = r.json()["graph"]
    assert r.headers["Location"] == graph
    stored = {str(q) for q in server.store.quads(graph)}
    expected = rdflib.Graph().parse(data=BASE, format="turtle")
    assert r.json()["triples"] == len(expected)
    for s, p, o in expected:
        assert any(str(o) in line and str(s) in line and str(p) in line for line in stored), (s, p, o)


@pytest.mark.parametrize("case,remove,add,focus,words", ALL_CASES, ids=[c[0] for c in ALL_CASES])
def test_each_shape_refuses_its_violation_over_http(shared, case, remove, add, focus, words):
    body = turtle(changed(remove, add))
    before = shared.store.snapshot()
    r = requests.post(shared.url + "/facts", data=body.encode(), headers={**AUTH, **TURTLE})
    assert r.status_code == 422, r.text
    report = r.json()
    assert report["conforms"] is False
    hits = [x for x in report["results"] if x["focus"] == f"https://w3id.org/kutniti/id/{focus}"]
    assert any(words in x["message"] for x in hits), report
    assert all(x["line"] == subject_line(body, focus) and x["source"] == "body" for x in hits)
    assert shared.store.snapshot() == before
    # the same verdict from /validate, 200 with the report
    r = requests.post(shared.url + "/validate", data=body.encode(), headers=TURTLE)
    assert r.status_code == 200 and r.json()["conforms"] is False
    assert {(x["focus"], x["message"]) for x in r.json()["results"]} == {
        (x["focus"], x["message"]) for x in report["results"]}


def test_report_as_shacl_turtle_and_unparsable_body(shared):
    body = turtle(changed(["kid:treaty dip:party kid:borduria"], ""))
    r = requests.post(shared.url + "/validate", data=body.encode(), headers={**TURTLE, "Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    assert (None, SH.conforms, rdflib.Literal(False)) in g
    assert (None, SH.focusNode, rdflib.URIRef("https://w3id.org/kutniti/id/treaty")) in g
    r = requests.post(shared.url + "/validate", data=b"@prefix kid: <https://w3id.org/kutniti/id/> .\nkid:a kid:b",
                      headers=TURTLE)
    assert r.status_code == 400 and "line 2" in r.text


def test_ntriples_results_name_their_line(shared):
    body = ('<https://w3id.org/kutniti/id/x-treaty> <https://w3id.org/kutniti/ontology#party> '
            '<https://w3id.org/kutniti/id/north-korea> .\n'
            '<https://w3id.org/kutniti/id/x-treaty> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
            '<https://w3id.org/kutniti/ontology#Agreement> .\n')
    r = requests.post(shared.url + "/validate", data=body.encode(), headers={"Content-Type": "application/n-triples"})
    [result] = r.json()["results"]
    assert result["line"] == 1 and "two or more parties" in result["message"]


def test_disjointness_in_context_of_the_graph(shared):
    """kid:north-korea is a Country in the graph; saying it is a Person breaks the disjointness."""
    body = PREFIXES + "\nkid:north-korea a dip:Person .\n"
    before = shared.store.snapshot()
    r = requests.post(shared.url + "/facts", data=body.encode(), headers={**AUTH, **TURTLE})
    assert r.status_code == 422
    assert any("declares disjoint" in x["message"] and x["line"] == 8 for x in r.json()["results"])
    assert shared.store.snapshot() == before


def test_a_second_value_where_one_is_allowed_is_caught_in_context(shared):
    body = PREFIXES + '\nkid:north-korea dip:isoCode "KR" .\n'
    r = requests.post(shared.url + "/validate", data=body.encode(), headers=TURTLE)
    assert r.json()["conforms"] is False
    assert any("ISO 3166-1" in x["message"] for x in r.json()["results"])


# -- every kind of write: refused ones change nothing -----------------------------------------
ENTITIES = "https://w3id.org/kutniti/graph/entities"
SELF_VISIT = PREFIXES + """
kid:w-visit a dip:Visit ; dip:visitor kid:north-korea ; dip:destination kid:north-korea ;
    prov:wasDerivedFrom kid:doc-000_bd59f91ca0b70020 ; dip:evidence [ a dip:Evidence ; dip:quote "x" ] .
"""


@pytest.mark.parametrize("kind", ["update-insert", "update-two-operations", "put-new-graph", "put-entities-empty",
                                  "post-merge", "delete-entities"])
def test_refused_writes_leave_every_quad_as_it_was(shared, kind):
    url, g = shared.url, {"graph": "http://example.org/w"}
    before = shared.store.snapshot()
    if kind == "update-insert":
        r = requests.post(url + "/sparql", headers=AUTH, data={"update": (
            "INSERT DATA { GRAPH <http://example.org/w> { <https://w3id.org/kutniti/id/north-korea> "
            "<https://w3id.org/kutniti/ontology#isoCode> 'XX' } }")})
    elif kind == "update-two-operations":
        # the first operation is fine on its own; the second breaks a shape: both are rolled back
        r = requests.post(url + "/sparql", headers=AUTH, data={"update": (
            "INSERT DATA { GRAPH <http://example.org/w> { <http://example.org/a> <http://example.org/b> 'c' } } ;"
            "DELETE WHERE { GRAPH ?g { <https://w3id.org/kutniti/id/north-korea> "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?l } }")})
    elif kind == "put-new-graph":
        r = requests.put(url + "/store", params=g, data=SELF_VISIT.encode(), headers={**AUTH, **TURTLE})
    elif kind == "put-entities-empty":
        # countries lose their types: the missions and people pointing at them would break
        r = requests.put(url + "/store", params={"graph": ENTITIES}, data=b"", headers={**AUTH, **TURTLE})
    elif kind == "post-merge":
        r = requests.post(url + "/store", params={"graph": ENTITIES}, headers={**AUTH, **TURTLE},
                          data=(PREFIXES + "kid:north-korea a dip:Person .").encode())
    else:
        r = requests.delete(url + "/store", params={"graph": ENTITIES}, headers=AUTH)
    assert r.status_code == 422, r.text
    assert shared.store.snapshot() == before
    ask = "ASK { GRAPH <http://example.org/w> { ?s ?p ?o } }"
    assert requests.get(url + "/sparql", params={"query": ask}).json()["boolean"] is False


# -- tables of facts -------------------------------------------------------------------------
TABLE_OK = """type,actor,recipient,date,place,source,quote
Visit,Kim Jong-un,রাশিয়া,2019-04,,"A memoir, p. 3",কিম জং-উন রাশিয়া সফর করেন।
arms transfer,উত্তর কোরিয়া,Russia,২০২৪,,UN record S/2024/1,অস্ত্র পাঠানো হয়।
"""


def test_a_table_of_facts_is_stored_with_its_names_resolved(server):
    r = requests.post(server.url + "/facts", params={"source": "analyst notes"}, data=TABLE_OK.encode("utf-8"),
                      headers={**AUTH, **CSV})
    assert r.status_code == 201, r.text
    graph = r.json()["graph"]
    q = f"""PREFIX dip: <https://w3id.org/kutniti/ontology#> PREFIX kid: <https://w3id.org/kutniti/id/>
            SELECT ?date WHERE {{ GRAPH <{graph}> {{ ?e a dip:ArmsTransfer ; dip:supplier kid:north-korea ;
            dip:recipient kid:russia ; dip:date ?date }} }}"""
    rows = requests.get(server.url + "/sparql", params={"query": q}).json()["results"]["bindings"]
    assert [(b["date"]["value"], b["date"]["datatype"]) for b in rows] == [
        ("2024", "http://www.w3.org/2001/XMLSchema#gYear")]
    q = f"ASK {{ GRAPH <{graph}> {{ ?e <https://w3id.org/kutniti/ontology#visitor> <https://w3id.org/kutniti/id/kim-jong-un> }} }}"
    assert requests.get(server.url + "/sparql", params={"query": q}).json()["boolean"] is True


@pytest.mark.parametrize("table,words", [
    ("type,actor,recipient\nVisit,Nowhereland,Russia\n", "row 2, column actor: unknown name 'Nowhereland'"),
    ("type,actor,recipient,date\nVisit,North Korea,Russia,2019-02-30\n", "row 2, column date: '2019-02-30' is not a date"),
    ("type,actor,recipient\nVisit,North Korea,Russia\nParade,North Korea,\n", "row 3, column type: unknown event type 'Parade'"),
    ("type,actor,recipent\nVisit,North Korea,Russia\n", "line 1: unknown column 'recipent'"),
])
def test_a_table_that_cannot_be_mapped_is_400_and_stores_nothing(shared, table, words):
    before = shared.store.snapshot()
    r = requests.post(shared.url + "/facts", data=table.encode(), headers={**AUTH, **CSV})
    assert r.status_code == 400 and words in r.text, r.text
    assert shared.store.snapshot() == before


def test_a_table_not_in_utf8_is_400(shared):
    r = requests.post(shared.url + "/facts", data="type,actor\nVisit,উত্তর".encode("utf-16"), headers={**AUTH, **CSV})
    assert r.status_code == 400 and "not UTF-8" in r.text and "offset 0" in r.text


def test_a_row_that_breaks_a_shape_is_reported_at_its_row(shared):
    table = ("type\tactor\trecipient\tdate\tsource\tquote\n"
             "Visit\tNorth Korea\tRussia\t2019\tnotes\tসফর\n"
             "Visit\tউত্তর কোরিয়া\tNorth Korea\t2019\tnotes\tসফর\n"
             "Meeting\tNorth Korea\tRussia\t2019\t\tবৈঠক\n")
    before = shared.store.snapshot()
    r = requests.post(shared.url + "/facts", data=table.encode(),
                      headers={**AUTH, "Content-Type": "text/tab-separated-values"})
    assert r.status_code == 422
    found = {(x["line"], x["message"].split(":")[0]) for x in r.json()["results"]}
    assert (3, "A visit's actor and recipient must differ") in found
    assert (4, "An event must name exactly one source document (prov") in found
    assert not any(line == 2 for line, _ in found)
    assert shared.store.snapshot() == before


# -- provenance and concurrency --------------------------------------------------------------
def test_batches_record_who_when_and_the_source(server):
    r = requests.post(server.url + "/facts", params={"source": "UN Panel of Experts, S/2024/215"},
                      data=BASE.encode(), headers={**AUTH, **TURTLE})
    graph = r.json()["graph"]
    r = requests.post(server.url + "/facts", data=(PREFIXES + 'kid:bob-fact a dip:Country ; rdfs:label "Bobland"@en .')
                      .encode(), headers={"Authorization": "Bearer other-token", **TURTLE})
    other = r.json()["graph"]
    q = """PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dcterms: <http://purl.org/dc/terms/>
           SELECT ?g ?who ?when ?source WHERE { ?g a prov:Bundle ; prov:wasAttributedTo ?who ;
           prov:generatedAtTime ?when . OPTIONAL { ?g dcterms:source ?source } } ORDER BY ?who"""
    rows = requests.get(server.url + "/sparql", params={"query": q}).json()["results"]["bindings"]
    assert [(b["g"]["value"], b["who"]["value"], b.get("source", {}).get("value")) for b in rows] == [
        (graph, "alice", "UN Panel of Experts, S/2024/215"), (other, "bob", None)]
    assert all(b["when"]["datatype"].endswith("#dateTime") for b in rows)


def test_concurrent_submissions_do_not_interleave(server):
    """Eight clients post at once; half the batches carry one bad fact. Each accepted batch is
    whole in its own graph; nothing of a refused one is anywhere."""

    def batch(i: int) -> str:
        people = "".join(f'kid:c{i}-p{j} a dip:Person ; rdfs:label "Person {i}.{j}"@en ; '
                         f"dip:represents kid:north-korea .\n" for j in range(6))
        bad = f"kid:c{i}-bad a dip:Person ; dip:represents kid:north-korea .\n" if i % 2 else ""
        return PREFIXES + people + bad

    before = server.store.snapshot()
    answers: dict[int, requests.Response] = {}
    start = threading.Barrier(8)

    def post(i):
        start.wait()
        answers[i] = requests.post(server.url + "/facts", data=batch(i).encode(), headers={**AUTH, **TURTLE})

    threads = [threading.Thread(target=post, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(i for i, r in answers.items() if r.status_code == 201) == [0, 2, 4, 6]
    assert sorted(i for i, r in answers.items() if r.status_code == 422) == [1, 3, 5, 7]
    added = server.store.snapshot() - before
    assert before <= server.store.snapshot()
    for i in (0, 2, 4, 6):
        graph = answers[i].json()["graph"]
        mine = {line for line in added if f"<{graph}>" in line}
        assert len(mine) == 6 * 3 + 3  # the facts and the batch's provenance (type, who, when)
        assert all(f"/c{i}-" in line or line.startswith(f"<{graph}>") for line in mine)
    assert not any(f"/c{i}-" in line for line in added for i in (1, 3, 5, 7))
    assert len(added) == 4 * 21
