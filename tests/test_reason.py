"""OWL reasoning with HermiT: a disjointness clash is found and explained; clean data is consistent."""

from __future__ import annotations

import shutil

import pytest
import rdflib

from kutniti.graph.reason import reason

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="no Java runtime for HermiT")

PREFIXES = """@prefix dip: <https://w3id.org/kutniti/ontology#> .
@prefix kid: <https://w3id.org/kutniti/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""


def test_a_country_typed_as_a_person_is_explained():
    g = rdflib.Graph().parse(data=PREFIXES + 'kid:russia a dip:Country , dip:Person ; rdfs:label "Russia"@en .',
                             format="turtle")
    result = reason(g)
    assert not result.consistent
    assert "kid:russia is typed both dip:Country and dip:Person, which the ontology declares disjoint" in result.explanations


def test_a_clash_through_a_range_is_found():
    # dip:represents ranges over countries, so the organisation it points at would be a country too
    g = rdflib.Graph().parse(data=PREFIXES + """
        kid:envoy a dip:Person ; dip:represents kid:bank .
        kid:bank a dip:Organization ; rdfs:label "A Bank"@en .""", format="turtle")
    result = reason(g)
    assert not result.consistent
    assert any("kid:bank" in line and "dip:Country" in line for line in result.explanations)


def test_clean_facts_are_consistent_and_types_are_inferred_apart():
    g = rdflib.Graph().parse(data=PREFIXES + """
        kid:v a dip:Visit ; dip:visitor kid:someone ; dip:destination kid:aland .
        kid:aland a dip:Country ; rdfs:label "Aland"@en .""", format="turtle")
    result = reason(g)
    assert result.consistent, result.explanations
    inferred = {(str(s), str(o)) for s, _, o in result.inferred}
    assert ("https://w3id.org/kutniti/id/someone", "https://w3id.org/kutniti/ontology#Agent") in inferred
    assert not (set(result.inferred) & set(g))


def test_a_person_s_position_in_bengali_is_consistent():
    # positions and weapons are words in a language (language-tagged literals)
    g = rdflib.Graph().parse(data=PREFIXES + """
        kid:envoy a dip:Person ; rdfs:label "An Envoy"@en ; dip:position "রাষ্ট্রদূত"@bn , "ambassador" .""",
                             format="turtle")
    assert reason(g).consistent


@pytest.mark.slow
def test_the_graph_built_from_the_corpus_is_consistent(corpus_store_dir):
    from kutniti.graph.store import Store, close

    store = Store(corpus_store_dir, read_only=True)
    try:
        graph = rdflib.Graph()
        for t in store.rdflib_dataset():
            graph.add(t[:3])
    finally:
        close(store)
    result = reason(graph)
    assert result.consistent, result.explanations
