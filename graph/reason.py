"""OWL reasoning: HermiT (through owlready2) over the ontology and a graph.

``reason`` says whether the ontology plus the facts are consistent, explains an inconsistency in
plain words (HermiT only says *that* it is inconsistent; the explanation comes from a query for
the disjointness axioms a thing breaks), and returns the types HermiT infers (from domains, ranges
and subclasses) as a separate graph, never mixed with stated facts.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kutniti.graph.validate import compact, ontology_graph

#: Datatypes HermiT does not know (OWL 2's datatype map lacks them): their literals are left out
#: of what the reasoner sees; they carry no class information.
_UNSUPPORTED = {
    rdflib.XSD.gYear, rdflib.XSD.gYearMonth, rdflib.XSD.gMonth, rdflib.XSD.gDay, rdflib.XSD.gMonthDay,
    rdflib.XSD.date, rdflib.XSD.duration,
}


class ReasonerUnavailable(RuntimeError):
    """The OWL reasoner cannot run here (no Java)."""


@dataclass
class ReasoningResult:
    """Consistency, the explanation of any inconsistency, and the inferred types."""

    consistent: bool
    explanations: list[str] = field(default_factory=list)
    inferred: rdflib.Graph = field(default_factory=rdflib.Graph)


_CLASHES = """
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?x ?first ?second WHERE {
    ?x rdf:type ?t1 , ?t2 .
    ?axiom a owl:AllDisjointClasses ; owl:members ?list .
    ?list rdf:rest*/rdf:first ?first .
    ?list rdf:rest*/rdf:first ?second .
    FILTER(STR(?first) < STR(?second))
    ?t1 rdfs:subClassOf* ?first .
    ?t2 rdfs:subClassOf* ?second .
}"""


def explain(graph: rdflib.Graph) -> list[str]:
    """Plain-words reasons why ``graph`` (with the ontology) breaks a disjointness axiom."""
    merged = rdflib.Graph()
    for t in ontology_graph():
        merged.add(t)
    for t in graph:
        merged.add(t[:3])
    # types implied by domains and ranges count too
    for p, dom in ontology_graph().subject_objects(RDFS.domain):
        for s in merged.subjects(p, None):
            merged.add((s, RDF.type, dom))
    for p, rng in ontology_graph().subject_objects(RDFS.range):
        if (p, RDF.type, OWL.ObjectProperty) in ontology_graph():
            for o in merged.objects(None, p):
                if isinstance(o, rdflib.URIRef):
                    merged.add((o, RDF.type, rng))
    out = []
    for row in merged.query(_CLASHES):
        out.append(f"{compact(str(row.x))} is typed both {compact(str(row.first))} and "
                   f"{compact(str(row.second))}, which the ontology declares disjoint")
    return out + _datatype_clashes(graph)


def _datatype_clashes(graph: rdflib.Graph) -> list[str]:
    """Values outside the datatype a property's range names (a language-tagged string where the
    ontology says ``xsd:string``, a word where it says ``xsd:integer``)."""
    out = []
    for p, rng in ontology_graph().subject_objects(RDFS.range):
        if (p, RDF.type, OWL.DatatypeProperty) not in ontology_graph() or rng == RDFS.Literal:
            continue
        for s, o in graph.subject_objects(p):
            if isinstance(o, rdflib.Literal) and (o.language or (o.datatype or rdflib.XSD.string) != rng):
                out.append(f"{compact(str(s))} has {compact(str(p))} {o.n3()}, which is not an "
                           f"{compact(str(rng))}, the range the ontology gives {compact(str(p))}")
    return out


def reason(graph: rdflib.Graph) -> ReasoningResult:
    """Run HermiT over the ontology + ``graph``. Raises :class:`ReasonerUnavailable` without Java."""
    java = shutil.which("java")
    if java is None:
        raise ReasonerUnavailable("java was not found: install a Java runtime (OpenJDK 11 or newer) "
                                  "to run the OWL reasoner")
    import owlready2
    from owlready2 import OwlReadyInconsistentOntologyError, World, sync_reasoner

    owlready2.JAVA_EXE = java
    merged = rdflib.Graph()
    for t in ontology_graph():
        merged.add(t)
    vocabulary = set(ontology_graph().subjects())
    for s, p, o in graph:
        if isinstance(o, rdflib.Literal) and o.datatype in _UNSUPPORTED:
            continue
        merged.add((s, p, o))
        things = (s,) if p == RDF.type else (s, o)
        for node in things:  # declare the individuals, so that HermiT classifies them
            if isinstance(node, rdflib.URIRef) and node not in vocabulary:
                merged.add((node, RDF.type, OWL.NamedIndividual))
    fd, path = tempfile.mkstemp(suffix=".nt")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(merged.serialize(format="nt", encoding="utf-8"))
        world = World()
        onto = world.get_ontology(f"file://{path}").load()
        before = set(world.as_rdflib_graph().triples((None, RDF.type, None)))
        try:
            with onto:
                sync_reasoner(world, infer_property_values=False, debug=0)
        except OwlReadyInconsistentOntologyError:
            reasons = explain(graph) or ["HermiT found the ontology and the facts inconsistent "
                                         "(no disjointness clash explains it)"]
            return ReasoningResult(consistent=False, explanations=reasons)
        inferred = rdflib.Graph()
        for s, p, o in world.as_rdflib_graph().triples((None, RDF.type, None)):
            if (s, p, o) in before or not isinstance(s, rdflib.URIRef) or o in (OWL.Thing, OWL.NamedIndividual):
                continue
            if (s, None, None) in graph or (None, None, s) in graph:
                inferred.add((s, p, o))
        world.close()
        return ReasoningResult(consistent=True, inferred=inferred)
    finally:
        os.unlink(path)
