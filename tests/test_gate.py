"""The gate checks a change in context: its focus nodes, what depends on them, and their
neighbourhood — as the graph would be after the change, and never the rest of the graph."""

from __future__ import annotations

import pyoxigraph as ox
import rdflib

from kutniti.graph.gate import Change, check_change, check_facts

PREFIXES = """@prefix dip: <https://w3id.org/kutniti/ontology#> .
@prefix kid: <https://w3id.org/kutniti/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""
STORED = PREFIXES + """
kid:aland a dip:Country ; rdfs:label "Aland"@en .
kid:borduria a dip:Country ; rdfs:label "Borduria"@en .
kid:mission a dip:Embassy ; dip:sendingState kid:aland ; dip:receivingState kid:borduria .
kid:unlabelled a dip:Country .
"""


def store() -> ox.Store:
    s = ox.Store()
    s.load(STORED.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("http://example.org/g"))
    return s


def facts(text: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=PREFIXES + text, format="turtle")


def test_problems_elsewhere_in_the_graph_are_not_the_submissions():
    report = check_facts(store(), facts('kid:person a dip:Person ; rdfs:label "P"@en ; dip:represents kid:aland .'))
    assert report.conforms, report.text()  # kid:unlabelled breaks a shape, but is not touched
    report = check_facts(store(), facts("kid:unlabelled dip:isoCode 'UL' ."))
    assert [r.focus.rsplit("/", 1)[1] for r in report.results] == ["unlabelled"]


def test_what_a_submission_points_at_is_known_from_the_graph():
    from kutniti.graph.validate import validate

    person = 'kid:person a dip:Person ; rdfs:label "P"@en ; dip:represents kid:{} .'
    assert not validate(facts(person.format("borduria"))).conforms  # alone: nothing says it is a country
    assert check_facts(store(), facts(person.format("borduria"))).conforms
    report = check_facts(store(), facts(person.format("mission")))
    assert any("dip:Country" in r.message for r in report.results), report.text()


def test_removing_a_type_rechecks_the_things_that_point_at_it():
    s = store()
    typed = ox.Quad(ox.NamedNode("https://w3id.org/kutniti/id/aland"),
                    ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    ox.NamedNode("https://w3id.org/kutniti/ontology#Country"), ox.NamedNode("http://example.org/g"))
    report = check_change(s, Change(remove=[typed], add=[]))
    assert [(r.focus.rsplit("/", 1)[1], r.path.rsplit("#", 1)[1]) for r in report.results] == [
        ("mission", "sendingState")]
