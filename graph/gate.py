"""The write gate: every change is checked against the shapes, in context, before it is kept.

A change is described by the quads it removes and adds. The gate validates the *focus nodes* the
change touches (subjects of added or removed triples) as they would be after the change, together
with what they point at in the graph (types, labels, documents) — not the whole graph — and
applies the change in one transaction only if the result conforms. Refused changes leave the store
exactly as it was. One lock serialises all writes, so concurrent submissions do not interleave.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from dataclasses import dataclass

import pyoxigraph as ox
import rdflib
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kutniti.graph.namespaces import DIP, batch_graph
from kutniti.graph.store import Store, to_quads
from kutniti.graph.validate import ValidationReport, validate

WRITE_LOCK = threading.RLock()


class GateRefused(Exception):
    """The change breaks the shapes; ``report`` says how. Nothing was stored."""

    def __init__(self, report: ValidationReport):
        super().__init__(report.text())
        self.report = report


@dataclass
class Change:
    """Quads a write removes and adds."""

    remove: list[ox.Quad]
    add: list[ox.Quad]


def _rdflib(term):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def _describe(state: ox.Store, nodes: set[str]) -> rdflib.Graph:
    """The triples of ``nodes`` (all graphs) in ``state``."""
    g = rdflib.Graph()
    for n in nodes:
        node = ox.NamedNode(n) if "://" in n or n.startswith("urn:") else ox.BlankNode(n)
        for q in state.quads_for_pattern(node, None, None, None):
            g.add((_rdflib(q.subject), _rdflib(q.predicate), _rdflib(q.object)))
    return g


def context_for(store: Store | ox.Store, data: rdflib.Graph) -> rdflib.Graph:
    """What the graph knows about the things ``data`` points at: their types, labels, the
    countries people represent, the documents events derive from (one hop out)."""
    state = store.oxigraph if isinstance(store, Store) else store
    subjects = {str(s) for s in data.subjects() if isinstance(s, rdflib.URIRef)}
    targets = {str(o) for o in data.objects() if isinstance(o, rdflib.URIRef)} - subjects
    ctx = _describe(state, targets)
    # second hop for the few properties the shapes follow (a person's country, a document's date)
    extra = {str(o) for s, p, o in ctx if p in (DIP.represents, DIP.inCountry, RDF.type) and isinstance(o, rdflib.URIRef)}
    for t in _describe(state, extra - targets - subjects):
        if t[1] in (RDF.type, RDFS.label):
            ctx.add(t)
    return ctx


def check_change(state: ox.Store, change: Change) -> ValidationReport:
    """Validate the focus nodes of ``change`` as they would be after it."""
    touched = {q.subject.value for q in change.add + change.remove if not isinstance(q.subject, ox.Triple)}
    after = ox.Store()
    for n in touched:
        node = ox.NamedNode(n) if "://" in n or n.startswith("urn:") else ox.BlankNode(n)
        after.extend(state.quads_for_pattern(node, None, None, None))
    for q in change.remove:
        after.remove(q)
    after.extend(change.add)
    data = rdflib.Graph()
    for q in after:
        data.add((_rdflib(q.subject), _rdflib(q.predicate), _rdflib(q.object)))
    if not len(data):
        return ValidationReport(conforms=True)
    return validate(data, context=context_for(state, data))


def apply_change(stores: list[ox.Store], change: Change) -> None:
    """Apply a checked change to each store (durable first), one transaction each.

    Removal and addition go in one SPARQL update, so a process killed mid-write leaves the store
    before or after the change, never half way. Blank nodes cannot be written in ``DATA`` blocks
    (they would be renamed), so a change that has them is removed quad by quad and added in one
    step instead."""
    blank = any(isinstance(t, ox.BlankNode) for q in change.remove + change.add for t in (q.subject, q.object))
    for s in stores:
        if not blank:
            ops = []
            if change.remove:
                ops.append("DELETE DATA { " + " ".join(_quad_text(q) for q in change.remove) + " }")
            if change.add:
                ops.append("INSERT DATA { " + " ".join(_quad_text(q) for q in change.add) + " }")
            if ops:
                s.update(" ;\n".join(ops))
            continue
        for q in change.remove:
            s.remove(q)
        if change.add:
            s.extend(change.add)


def _quad_text(q: ox.Quad) -> str:
    triple = f"{q.subject} {q.predicate} {q.object} ."
    if isinstance(q.graph_name, ox.DefaultGraph):
        return triple
    return f"GRAPH {q.graph_name} {{ {triple} }}"


def update_change(state: ox.Store, update: str, **options) -> Change:
    """The quads a SPARQL update would remove and add, computed on a scratch copy of the store.

    The copy costs time in proportion to the store (measured: see the README); correctness first:
    any update form, evaluated by Oxigraph itself."""
    scratch = ox.Store()
    scratch.bulk_extend(state)
    scratch.update(update, **options)
    before = set(state)
    after = set(scratch)
    return Change(remove=sorted(before - after, key=str), add=sorted(after - before, key=str))


def submit_facts(store: Store, data: rdflib.Graph, *, who: str, source: str | None = None,
                 extra_stores: list[ox.Store] = ()) -> str:
    """Store ``data`` as a new batch graph with provenance, if it conforms; else raise
    :class:`GateRefused`. Returns the batch graph's IRI."""
    with WRITE_LOCK:
        triples = rdflib.Graph()
        for t in data:
            triples.add(t[:3])
        report = validate(triples, context=context_for(store, triples))
        if not report.conforms:
            raise GateRefused(report)
        batch = f"{dt.datetime.now(dt.timezone.utc).strftime('%Y%m%dT%H%M%SZ')}-{uuid.uuid4().hex[:8]}"
        graph = batch_graph(batch)
        g = ox.NamedNode(str(graph))
        quads = list(to_quads(triples, str(graph)))
        meta = rdflib.Graph()
        meta.add((graph, RDF.type, PROV.Bundle))
        meta.add((graph, PROV.wasAttributedTo, rdflib.Literal(who)))
        meta.add((graph, PROV.generatedAtTime, rdflib.Literal(dt.datetime.now(dt.timezone.utc).isoformat(),
                                                              datatype=rdflib.XSD.dateTime)))
        if source:
            meta.add((graph, DCTERMS.source, rdflib.Literal(source)))
        quads += list(to_quads(meta, str(graph)))
        for s in [store.oxigraph, *extra_stores]:
            s.extend(quads)
        store.flush()
        del g
        return str(graph)
