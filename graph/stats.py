"""Statistics of a store: triples per named graph and things per class."""

from __future__ import annotations

from kutniti.graph.namespaces import ONTOLOGY_GRAPH
from kutniti.graph.store import Store

_PER_CLASS = """
SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE {
  GRAPH ?g { ?x a ?class } FILTER(?g != <%s>)
}
GROUP BY ?class ORDER BY DESC(?n) ?class
"""


def statistics(store: Store) -> dict:
    """``{"graphs": {iri: triples}, "classes": {iri: things}, "quads": total}``.

    Things per class are counted outside the ontology's own graph."""
    classes = {r["class"].value: int(r["n"].value) for r in store.query(_PER_CLASS % ONTOLOGY_GRAPH)}
    return {"quads": len(store), "graphs": store.count_by_graph(), "classes": classes}
