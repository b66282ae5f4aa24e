"""The shapes: each constraint catches a hand-made violation and passes the conforming graph.

One conforming graph (``BASE``) has one thing of every shaped kind; each case changes it to break
exactly one rule and checks that the report names the right thing with the rule's message — with
both validation engines (pyshacl alone, and the shapes compiled to SPARQL for Oxigraph).
"""

from __future__ import annotations

import pytest
import rdflib

from kutniti.graph.validate import validate

PREFIXES = """@prefix dip: <https://w3id.org/kutniti/ontology#> .
@prefix kid: <https://w3id.org/kutniti/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

BASE = PREFIXES + """
kid:doc-t a dip:SourceDocument ; dcterms:identifier "t.txt" ; dcterms:issued "2020-05-01"^^xsd:date .
kid:aland a dip:Country ; rdfs:label "Aland"@en ; dip:isoCode "AX" .
kid:borduria a dip:Country ; rdfs:label "Borduria"@en .
kid:capital a dip:City ; rdfs:label "Szohod"@en ; dip:inCountry kid:borduria .
kid:envoy a dip:Person ; rdfs:label "An Envoy"@en ; dip:represents kid:aland .
kid:chief a dip:Person ; rdfs:label "A Chief"@en ; dip:represents kid:borduria .
kid:ev-1 a dip:Evidence ; dip:quote "…" ; dip:start 0 ; dip:end 10 .
kid:visit a dip:Visit ; dip:visitor kid:envoy ; dip:destination kid:borduria ; dip:date "2019-03"^^xsd:gYearMonth ;
    prov:wasDerivedFrom kid:doc-t ; dip:evidence kid:ev-1 .
kid:meeting a dip:Meeting ; dip:participant kid:envoy , kid:chief ; dip:startDate "2018"^^xsd:gYear ;
    dip:endDate "2019-01-02"^^xsd:date ; prov:wasDerivedFrom kid:doc-t ; dip:evidence kid:ev-1 .
kid:plan a dip:Visit ; dip:actor kid:chief ; dip:recipient kid:aland ; dip:date "2021"^^xsd:gYear ;
    dip:status dip:Planned ; prov:wasDerivedFrom kid:doc-t ; dip:evidence kid:ev-1 .
kid:mission a dip:Embassy ; dip:sendingState kid:aland ; dip:receivingState kid:borduria ; dip:locatedIn kid:capital .
kid:treaty a dip:Agreement ; dip:party kid:aland , kid:borduria ; dip:signedOn "1990"^^xsd:gYear ;
    dip:terminatedOn "1995-06"^^xsd:gYearMonth .
kid:bank a dip:Organization ; rdfs:label "A Bank"@en .
"""

# (case id, triples to remove as (s p o) Turtle patterns, Turtle to add, focus node, words of the message)
CASES = [
    ("event-source-missing", ["kid:visit prov:wasDerivedFrom kid:doc-t"], "", "visit", "exactly one source document"),
    ("event-two-sources", [], "kid:visit prov:wasDerivedFrom kid:doc-u .", "visit", "exactly one source document"),
    ("event-no-participant", ["kid:meeting dip:participant kid:envoy", "kid:meeting dip:participant kid:chief"], "",
     "meeting", "at least one participant"),
    ("event-no-evidence", ["kid:visit dip:evidence kid:ev-1"], "", "visit", "dip:evidence"),
    ("evidence-no-quote", ['kid:ev-1 dip:quote "…"'], "", "ev-1", "dip:quote"),
    ("evidence-offsets-reversed", ["kid:ev-1 dip:start 0"], "kid:ev-1 dip:start 20 .", "ev-1", "less than dip:end"),
    ("date-ill-typed", ['kid:visit dip:date "2019-03"^^xsd:gYearMonth'], 'kid:visit dip:date "March 2019" .',
     "visit", "xsd:date, xsd:gYearMonth or xsd:gYear"),
    ("start-date-ill-typed", ['kid:meeting dip:startDate "2018"^^xsd:gYear'], 'kid:meeting dip:startDate "2018"^^xsd:integer .',
     "meeting", "dip:startDate must be"),
    ("span-reversed", ['kid:meeting dip:endDate "2019-01-02"^^xsd:date'], 'kid:meeting dip:endDate "2017"^^xsd:gYear .',
     "meeting", "ends before it starts"),
    ("date-after-publication", ['kid:visit dip:date "2019-03"^^xsd:gYearMonth'],
     'kid:visit dip:date "2020-07"^^xsd:gYearMonth .', "visit", "after its document was published"),
    ("visit-no-recipient", ["kid:visit dip:destination kid:borduria"], "", "visit", "actor"),
    ("visit-same-actor-recipient", ["kid:plan dip:recipient kid:aland"], "kid:plan dip:recipient kid:chief .", "plan",
     "must differ"),
    ("meeting-one-participant", ["kid:meeting dip:participant kid:chief"], "", "meeting", "two or more participants"),
    ("mission-same-states", ["kid:mission dip:receivingState kid:borduria"], "kid:mission dip:receivingState kid:aland .",
     "mission", "must differ"),
    ("mission-no-sending-state", ["kid:mission dip:sendingState kid:aland"], "", "mission", "sending state"),
    ("agreement-one-party", ["kid:treaty dip:party kid:borduria"], "", "treaty", "two or more parties"),
    ("agreement-ended-before-signed", ['kid:treaty dip:terminatedOn "1995-06"^^xsd:gYearMonth'],
     'kid:treaty dip:terminatedOn "1989"^^xsd:gYear .', "treaty", "terminated"),
    ("country-no-english-label", ['kid:borduria rdfs:label "Borduria"@en'], 'kid:borduria rdfs:label "বোর্দুরিয়া"@bn .',
     "borduria", "English label"),
    ("person-no-english-label", ['kid:envoy rdfs:label "An Envoy"@en'], "", "envoy", "English label"),
    ("organization-no-english-label", ['kid:bank rdfs:label "A Bank"@en'], "", "bank", "English label"),
    ("person-two-countries", [], "kid:envoy dip:represents kid:borduria .", "envoy", "at most one country"),
    ("iso-code-malformed", ['kid:aland dip:isoCode "AX"'], 'kid:aland dip:isoCode "ALA" .', "aland", "ISO 3166-1"),
    ("status-not-planned", ["kid:plan dip:status dip:Planned"], "kid:plan dip:status dip:Done .", "plan", "dip:Planned"),
    ("disjoint-country-person", [], "kid:aland a dip:Person .", "aland", "declares disjoint"),
]


def base_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(data=BASE, format="turtle")


def changed(remove: list[str], add: str) -> rdflib.Graph:
    g = base_graph()
    for pattern in remove:
        t = rdflib.Graph().parse(data=PREFIXES + pattern + " .", format="turtle")
        assert len(t) == 1
        triple = next(iter(t))
        assert triple in g, f"{pattern} is not in the base graph"
        g.remove(triple)
    if add:
        g.parse(data=PREFIXES + add, format="turtle")
    return g


@pytest.mark.parametrize("engine", ["oxigraph", "pyshacl"])
def test_the_base_graph_conforms(engine):
    report = validate(base_graph(), engine=engine)
    assert report.conforms, report.text()


@pytest.mark.parametrize("case,remove,add,focus,words", CASES, ids=[c[0] for c in CASES])
def test_each_constraint_catches_its_violation(case, remove, add, focus, words):
    report = validate(changed(remove, add))
    assert not report.conforms
    hits = [r for r in report.results if r.focus.endswith("/" + focus)]
    assert hits, report.text()
    assert any(words in r.message for r in hits), report.text()


@pytest.mark.parametrize("case,remove,add,focus,words",
                         [c for c in CASES if c[0] in ("span-reversed", "visit-same-actor-recipient",
                                                       "disjoint-country-person", "event-no-participant")],
                         ids=lambda c: c if isinstance(c, str) else None)
def test_pyshacl_engine_agrees(case, remove, add, focus, words):
    fast = validate(changed(remove, add))
    full = validate(changed(remove, add), engine="pyshacl")
    assert {(r.focus, r.message) for r in fast.results} == {(r.focus, r.message) for r in full.results}
