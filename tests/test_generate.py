"""The synthetic data generator makes data shaped like a build's: each thing described once."""

from __future__ import annotations

import io
from collections import Counter

import pyoxigraph as ox

from bench import generate
from kutniti.graph.namespaces import DIP, ENTITIES_GRAPH

LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _quads(triples: int, seed: int = 3) -> list[ox.Quad]:
    out = io.StringIO()
    generate.generate(out, triples, seed=seed)
    return list(ox.parse(out.getvalue().encode(), format=ox.RdfFormat.N_QUADS))


def test_countries_and_people_are_described_once_in_the_entities_graph():
    quads = _quads(20_000)
    entities = ox.NamedNode(str(ENTITIES_GRAPH))
    kinds = {ox.NamedNode(str(DIP.Country)), ox.NamedNode(str(DIP.Person))}
    things = {q.subject for q in quads if q.predicate == TYPE and q.object in kinds}
    assert len(things) > 100
    # every statement about a country or person is in the entities graph, and only once
    about = [q for q in quads if q.subject in things]
    assert {q.graph_name for q in about} == {entities}
    assert max(Counter(q.triple for q in about).values()) == 1
    # so a label read through the union of graphs comes once (Oxigraph's union keeps duplicates)
    store = ox.Store()
    store.extend(quads)
    rows = list(store.query("SELECT ?l WHERE { <%s> <%s> ?l }" % (next(iter(things)).value, LABEL.value),
                            use_default_graph_as_union=True))
    assert len(rows) == 2  # English and Bengali
    # every agent an event names is described
    roles = {ox.NamedNode(str(DIP[r])) for _, rs in generate.EVENT_ROLES for r, _ in rs}
    named = {q.object for q in quads if q.predicate in roles}
    assert named <= things


def test_the_same_seed_gives_the_same_data():
    assert _quads(5_000, seed=9) == _quads(5_000, seed=9)
    assert _quads(5_000, seed=9) != _quads(5_000, seed=10)
