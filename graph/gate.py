"""The write gate: every change is checked against the shapes, in context, before it is kept.

A change is described by the quads it removes and adds. The gate validates the *focus nodes* the
change touches (subjects of added or removed triples) and the things whose shapes look at them
(a mission at its countries' types, an event at its document's date), as they would be after the
change, together with what they point at (types, labels, documents) — not the whole graph — and
applies the change in one transaction only if the result conforms. Refused changes leave the store
exactly as it was. One lock serialises all writes, so concurrent submissions do not interleave.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
import uuid
from dataclasses import dataclass, field

import pyoxigraph as ox
import rdflib
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SH

from kutniti.graph.namespaces import DIP, batch_graph
from kutniti.graph.store import Store, from_term, to_quads
from kutniti.graph.validate import ValidationReport, shapes_graph, triples_of, validate

WRITE_LOCK = threading.RLock()


class GateRefused(Exception):
    """The change breaks the shapes; ``report`` says how. Nothing was stored."""

    def __init__(self, report: ValidationReport):
        super().__init__(report.text())
        self.report = report


@dataclass
class Change:
    """Quads a write removes and adds, and the named graphs it drops or creates (a graph can
    exist while empty, so graphs are tracked beside their quads)."""

    remove: list[ox.Quad]
    add: list[ox.Quad]
    drop_graphs: list[ox.NamedNode] = field(default_factory=list)
    new_graphs: list[ox.NamedNode] = field(default_factory=list)


def _node(value: str) -> ox.NamedNode | ox.BlankNode:
    return ox.NamedNode(value) if "://" in value or value.startswith("urn:") else ox.BlankNode(value)


def _as_graph(quads) -> rdflib.Graph:
    """Quads as an rdflib graph of distinct triples (a thing described in many named graphs,
    like a country every document mentions, is converted once)."""
    g = rdflib.Graph()
    for s, p, o in {(q.subject, q.predicate, q.object) for q in quads}:
        g.add((from_term(s), from_term(p), from_term(o)))
    return g


_DESCRIBE = "SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?s {{ {} }} ?s ?p ?o }}"


def _describe(state: ox.Store, nodes: set[str], change: Change | None = None) -> rdflib.Graph:
    """The distinct triples of ``nodes`` (all graphs) in ``state`` — after ``change``, if given."""
    removed = set(change.remove) if change else set()
    changed = {q.subject for q in removed}
    exact = {n for n in nodes if isinstance(_node(n), ox.BlankNode) or _node(n) in changed}
    g = _as_graph({q for n in exact for q in state.quads_for_pattern(_node(n), None, None, None)} - removed)
    named = " ".join(str(_node(n)) for n in nodes - exact)
    if named:
        for row in state.query(_DESCRIBE.format(named), use_default_graph_as_union=True):
            g.add((from_term(row["s"]), from_term(row["p"]), from_term(row["o"])))
    for t in _as_graph(q for q in (change.add if change else ()) if q.subject.value in nodes):
        g.add(t)
    return g


def context_for(store: Store | ox.Store, data: rdflib.Graph, change: Change | None = None) -> rdflib.Graph:
    """What the graph knows about the things ``data`` points at — as it would be after ``change``:
    their types, labels, the countries people represent, the documents events derive from (one
    hop out)."""
    state = store.oxigraph if isinstance(store, Store) else store
    subjects = {str(s) for s in data.subjects() if isinstance(s, rdflib.URIRef)}
    targets = {str(o) for o in data.objects() if isinstance(o, rdflib.URIRef)} - subjects
    ctx = _describe(state, targets, change)
    # second hop for the few properties the shapes follow (a person's country, a document's date)
    extra = {str(o) for s, p, o in ctx if p in (DIP.represents, DIP.inCountry, RDF.type) and isinstance(o, rdflib.URIRef)}
    for t in _describe(state, extra - targets - subjects, change):
        if t[1] in (RDF.type, RDFS.label):
            ctx.add(t)
    return ctx


@functools.cache
def _looked_through() -> tuple[frozenset, frozenset]:
    """The properties whose shapes look at the thing pointed at: ``sh:class`` (its type) and
    ``sh:node`` (its whole description)."""
    shapes = shapes_graph()
    by_class = {shapes.value(s, SH.path) for s in shapes.subjects(SH["class"], None)}
    by_node = {shapes.value(s, SH.path) for s in shapes.subjects(SH.node, None)}
    return (frozenset(ox.NamedNode(str(p)) for p in by_class if isinstance(p, rdflib.URIRef)),
            frozenset(ox.NamedNode(str(p)) for p in by_node if isinstance(p, rdflib.URIRef)))


_TYPE = ox.NamedNode(str(RDF.type))
_ISSUED = ox.NamedNode(str(DCTERMS.issued))
_DERIVED = ox.NamedNode(str(PROV.wasDerivedFrom))


def _referrers(state: ox.Store, change: Change) -> set[str]:
    """Things whose validity depends on what ``change`` touches: those that point at a thing whose
    type changes through a ``sh:class`` property, at a thing described by a ``sh:node`` shape, or
    at a document whose publication date changes (events may not be dated after it)."""
    by_class, by_node = _looked_through()
    out: set[str] = set()
    for q in change.add + change.remove:
        if isinstance(q.subject, ox.Triple):
            continue
        through = set(by_node)
        if q.predicate == _TYPE:
            through |= by_class
        if q.predicate == _ISSUED:
            through.add(_DERIVED)
        for p in through:
            out.update(r.subject.value for r in state.quads_for_pattern(None, p, q.subject, None)
                       if isinstance(r.subject, ox.NamedNode))
    return out


def check_change(state: ox.Store, change: Change) -> ValidationReport:
    """Validate the focus nodes of ``change`` as they would be after it: the things it touches (with
    everything the graph already says about them), the things that depend on them, and what they
    point at — not the whole graph."""
    touched = {q.subject for q in change.add + change.remove if not isinstance(q.subject, ox.Triple)}
    touched |= {ox.NamedNode(r) for r in _referrers(state, change)}
    after = ox.Store()
    for node in touched:
        after.extend(state.quads_for_pattern(node, None, None, None))
    for q in change.remove:
        after.remove(q)
    after.extend(change.add)
    data = _as_graph(after)
    if not len(data):
        return ValidationReport(conforms=True)
    return validate(data, context=context_for(state, data, change))


def check_facts(store: Store | ox.Store, data: rdflib.Graph, graph: str = "urn:kutniti:submission") -> ValidationReport:
    """Validate ``data`` as if it were added to the store (in the named graph ``graph``)."""
    state = store.oxigraph if isinstance(store, Store) else store
    return check_change(state, Change(remove=[], add=list(to_quads(triples_of(data), graph))))


def apply_change(stores: list[ox.Store], change: Change) -> None:
    """Apply a checked change to each store (durable first). Callers hold :data:`WRITE_LOCK`,
    so no other write interleaves.

    Dropped graphs, removals, additions and created graphs go in one SPARQL update, so a process
    killed mid-write leaves the store before or after the change, never half way. Blank nodes
    cannot be written in ``DATA`` blocks (they would be renamed), so a change that has them goes
    step by step instead (a dropped graph at once, then quad by quad, additions in one step)."""
    dropped = set(change.drop_graphs)
    remove = [q for q in change.remove if q.graph_name not in dropped]
    blank = any(isinstance(t, ox.BlankNode) for q in remove + change.add for t in (q.subject, q.object))
    for s in stores:
        if not blank:
            ops = [f"DROP SILENT GRAPH {g}" for g in sorted(dropped, key=str)]
            if remove:
                ops.append("DELETE DATA { " + " ".join(_quad_text(q) for q in remove) + " }")
            if change.add:
                ops.append("INSERT DATA { " + " ".join(_quad_text(q) for q in change.add) + " }")
            ops += [f"CREATE SILENT GRAPH {g}" for g in change.new_graphs]
            if ops:
                s.update(" ;\n".join(ops))
            continue
        for g in dropped:
            if s.contains_named_graph(g):
                s.remove_graph(g)
        for q in remove:
            s.remove(q)
        if change.add:
            s.extend(change.add)
        for g in change.new_graphs:
            s.add_graph(g)


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
    before, after = set(state), set(scratch)
    graphs_before, graphs_after = set(state.named_graphs()), set(scratch.named_graphs())
    return Change(remove=sorted(before - after, key=str), add=sorted(after - before, key=str),
                  drop_graphs=sorted(graphs_before - graphs_after, key=str),
                  new_graphs=sorted(graphs_after - graphs_before, key=str))


def submit_facts(store: Store, data: rdflib.Graph, *, who: str, source: str | None = None,
                 extra_stores: list[ox.Store] = (), where=None) -> str:
    """Store ``data`` as a new batch graph with provenance (who, when, the cited source), if it
    conforms in the context of the graph; else raise :class:`GateRefused`. Returns the batch
    graph's IRI. ``where`` (an IRI → (file, line) function) places each problem in the submission."""
    with WRITE_LOCK:
        now = dt.datetime.now(dt.timezone.utc)
        graph = batch_graph(f"{now.strftime('%Y%m%dT%H%M%SZ')}-{uuid.uuid4().hex[:8]}")
        triples = triples_of(data)
        report = check_facts(store, triples, str(graph))
        if not report.conforms:
            if where is not None:
                report.place(where)
            raise GateRefused(report)
        meta = rdflib.Graph()
        meta.add((graph, RDF.type, PROV.Bundle))
        meta.add((graph, PROV.wasAttributedTo, rdflib.Literal(who)))
        meta.add((graph, PROV.generatedAtTime, rdflib.Literal(now.isoformat(), datatype=rdflib.XSD.dateTime)))
        if source:
            meta.add((graph, DCTERMS.source, rdflib.Literal(source)))
        quads = list(to_quads(triples, str(graph))) + list(to_quads(meta, str(graph)))
        for s in [store.oxigraph, *extra_stores]:
            s.extend(quads)
        store.flush()
        return str(graph)
