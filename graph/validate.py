"""Validation: RDF checked against kutniti's SHACL shapes, with reports people can act on.

Two engines give the same verdicts:

* ``"pyshacl"`` — pyshacl runs every shape, with the ontology mixed in (``ont_graph``) so class
  targets reach instances of subclasses;
* ``"oxigraph"`` (the default) — every constraint runs in Oxigraph over all focus nodes at once:
  the core constraints compiled to SPARQL (:mod:`kutniti.graph.shacl_core`), the node-level
  SHACL-SPARQL constraints rewritten to run over all targets (:mod:`kutniti.graph.shacl_sparql`).
  A shape the compiler cannot translate is left to pyshacl (only that shape). pyshacl walks focus
  nodes one by one in Python, and evaluates a SPARQL constraint once per focus node with rdflib's
  engine, which is what makes the default engine the fast one. The Oxigraph store holding the
  ontology is made once per thread and reused: each call adds its data and takes it away again.

A :class:`ValidationReport` reads as text (for a terminal), JSON (for programs) and SHACL Turtle
(``sh:ValidationReport``, for graph tools).
"""

from __future__ import annotations

import functools
import os
import re
import threading
from dataclasses import asdict, dataclass, field

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, SH

from kutniti.graph import shacl_core, shacl_sparql
from kutniti.graph.namespaces import PREFIXES
from kutniti.graph.store import from_term, to_quads, to_term


@functools.cache
def shapes_graph() -> rdflib.Graph:
    """The project's SHACL shapes."""
    from kutniti.ontology import shapes_path

    return rdflib.Graph().parse(shapes_path(), format="turtle")


@functools.cache
def ontology_graph() -> rdflib.Graph:
    """The project's OWL ontology."""
    from kutniti.ontology import ontology_path

    return rdflib.Graph().parse(ontology_path(), format="turtle")


@functools.lru_cache(maxsize=4)
def _compiled(shapes: rdflib.Graph) -> tuple[list[shacl_sparql.SparqlConstraint], shacl_core.CompiledShapes]:
    """The SHACL-SPARQL constraints and the core constraints of ``shapes``, ready for Oxigraph."""
    sparql = shacl_sparql.compile_constraints(shapes)
    core = shacl_core.compile_shapes(shapes, frozenset(c.constraint for c in sparql))
    return [c for c in sparql if c.shape not in core.fallback_shapes], core  # pyshacl checks all of those


@functools.cache
def _ontology_nquads() -> bytes:
    return ox.serialize(list(to_quads(ontology_graph(), "urn:kutniti:ontology")), format=ox.RdfFormat.N_QUADS)


def compact(iri: str) -> str:
    """``https://w3id.org/kutniti/id/x`` → ``kid:x`` (IRIs outside the known prefixes stay whole)."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and re.fullmatch(r"[\w.-]*", iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>" if "://" in iri or iri.startswith("urn:") else iri


_IRI_IN_TEXT = re.compile(r"https?://[^\s<>\"{}|\\^`,]+")


def compact_iris(text: str) -> str:
    """Write the IRIs in a message as prefixed names where a project prefix fits."""
    return _IRI_IN_TEXT.sub(lambda m: compact(m.group(0)).strip("<>") if compact(m.group(0)) != f"<{m.group(0)}>"
                            else m.group(0), text)


@dataclass
class ValidationResult:
    """One problem: the thing, the property, the value, the rule in words, and where it was written."""

    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str = "Violation"
    shape: str | None = None
    source: str | None = None
    line: int | None = None
    component: str | None = field(default=None, compare=False)  # the SHACL constraint component

    def text(self) -> str:
        where = f"{self.source}:{self.line}: " if self.source and self.line else ""
        parts = [compact(self.focus)]
        if self.path:
            parts.append(compact(self.path))
        if self.value is not None:
            parts.append(f"value {compact(self.value)}")
        return f"{where}{' — '.join(parts)} — {self.message}"


@dataclass
class ValidationReport:
    """The outcome of a validation."""

    conforms: bool
    results: list[ValidationResult] = field(default_factory=list)

    def place(self, where) -> "ValidationReport":
        """Say where each problem's thing was written: ``where(iri)`` → (file, line) or (None, None)."""
        for r in self.results:
            r.source, r.line = where(r.focus)
        return self

    def text(self) -> str:
        if self.conforms:
            return "conforms: no problems found"
        lines = [f"does not conform: {len(self.results)} problem(s)"]
        lines += [f"  {r.text()}" for r in self.results]
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {"conforms": self.conforms,
                "results": [{k: v for k, v in asdict(r).items() if k != "component"} for r in self.results]}

    def to_graph(self) -> rdflib.Graph:
        g = rdflib.Graph()
        g.bind("sh", SH)
        report = rdflib.BNode()
        g.add((report, RDF.type, SH.ValidationReport))
        g.add((report, SH.conforms, rdflib.Literal(self.conforms)))
        for r in self.results:
            node = rdflib.BNode()
            g.add((report, SH.result, node))
            g.add((node, RDF.type, SH.ValidationResult))
            g.add((node, SH.focusNode, _node(r.focus)))
            if r.path:
                g.add((node, SH.resultPath, rdflib.URIRef(r.path)))
            if r.value is not None:
                g.add((node, SH.value, _node(r.value)))
            g.add((node, SH.resultMessage, rdflib.Literal(r.message)))
            g.add((node, SH.resultSeverity, SH[r.severity]))
            if r.shape and not r.shape.startswith("_:") and "://" in r.shape:
                g.add((node, SH.sourceShape, rdflib.URIRef(r.shape)))
        return g

    def to_turtle(self) -> str:
        return self.to_graph().serialize(format="turtle")


def _node(value: str) -> rdflib.term.Node:
    return rdflib.URIRef(value) if re.match(r"^[a-z][a-z0-9+.-]*:", value) and " " not in value else rdflib.Literal(value)


def _pyshacl_results(report_graph: rdflib.Graph) -> list[ValidationResult]:
    """The results of pyshacl's report (``sh:result``; not the nested ``sh:detail`` of an
    ``sh:node`` result, which are no results of the validation)."""
    out = []
    for r in report_graph.objects(None, SH.result):
        focus = report_graph.value(r, SH.focusNode)
        path = report_graph.value(r, SH.resultPath)
        value = report_graph.value(r, SH.value)
        msgs = [str(m) for m in report_graph.objects(r, SH.resultMessage)]
        sev = report_graph.value(r, SH.resultSeverity)
        shape = report_graph.value(r, SH.sourceShape)
        component = report_graph.value(r, SH.sourceConstraintComponent)
        out.append(ValidationResult(
            focus=str(focus), path=str(path) if isinstance(path, rdflib.URIRef) else None,
            value=str(value) if value is not None else None,
            message=compact_iris(msgs[0]) if msgs else "violates a shape",
            severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation",
            shape=str(shape) if isinstance(shape, rdflib.URIRef) else None,
            component=str(component) if component is not None else None))
    return out


def _spo(q) -> tuple:
    """Subject, predicate and object of an Oxigraph quad or triple, or of a plain 3-tuple of
    Oxigraph terms (which the build passes as they are, without making a triple of each)."""
    return q if type(q) is tuple else (q.subject, q.predicate, q.object)


@functools.lru_cache(maxsize=65536)
def _ill_typed(literal: ox.Literal) -> bool:
    """Whether a literal's text is not of its datatype (asked once per literal and process)."""
    return from_term(literal).ill_typed


def triples_of(data) -> rdflib.Graph:
    """The triples of a graph or dataset, or of Oxigraph quads or triples (quads lose their graph),
    as one rdflib graph."""
    g = rdflib.Graph()
    if isinstance(data, rdflib.Graph):
        for t in data:
            g.add(t[:3])
    else:
        for q in data:
            g.add(tuple(from_term(t) for t in _spo(q)))
    return g


def validate(
    data: rdflib.Graph,
    *,
    context: rdflib.Graph | None = None,
    engine: str = "oxigraph",
    sources: dict[str, str] | None = None,
    shapes: rdflib.Graph | None = None,
) -> ValidationReport:
    """Validate ``data`` against the shapes, knowing ``context`` (facts already in the graph that the
    data mentions). Only problems of things written in ``data`` are reported.

    ``data`` and ``context`` are rdflib graphs (or datasets), or lists of Oxigraph quads or triples
    or of 3-tuples of Oxigraph terms (which the default engine reads without converting them).
    ``sources`` maps file names to their text, so each result can name the line where its thing
    was written. ``shapes`` replaces the project's shapes.
    """
    results = _dedupe(validation_results(data, context=context, engine=engine, shapes=shapes))
    report = ValidationReport(conforms=not results, results=results)
    if sources:
        report.place(lambda iri: locate(sources, iri))
    return report


def validation_results(data, *, context=None, engine: str = "oxigraph",
                       shapes: rdflib.Graph | None = None) -> list[ValidationResult]:
    """Every result of validating ``data`` (see :func:`validate`), one per constraint broken, with
    its constraint component — before :func:`validate` merges those that read the same."""
    shapes = shapes_graph() if shapes is None else shapes
    if engine == "pyshacl":
        full = triples_of(data)  # our own copy: pyshacl mixes the ontology into it in place
        written = {str(s) for s in full.subjects()}
        if context is not None:
            full += triples_of(context)
        results = _pyshacl(full, shapes)
    elif engine == "oxigraph":
        results, written = _oxigraph_results(data, context, shapes)
    else:
        raise ValueError(f"unknown validation engine {engine!r} (known: oxigraph, pyshacl)")
    return [r for r in results if r.focus in written or not written]


def _pyshacl(full: rdflib.Graph, shapes: rdflib.Graph) -> list[ValidationResult]:
    import pyshacl  # noqa: PLC0415 - slow to import, and the default engine needs it only for shapes it cannot compile

    _, report_graph, _ = pyshacl.validate(
        full, shacl_graph=shapes, ont_graph=ontology_graph(), inference="none",
        advanced=True, allow_warnings=True, inplace=True)
    return _pyshacl_results(report_graph)


_DATA, _CONTEXT = ox.NamedNode("urn:kutniti:data"), ox.NamedNode("urn:kutniti:context")
_prepared = threading.local()


def _prepared_store() -> ox.Store:
    """This thread's Oxigraph store holding the ontology (made once per thread and process)."""
    held = getattr(_prepared, "store", None)
    if held is None or held[0] != os.getpid():
        store = ox.Store()
        store.load(_ontology_nquads(), format=ox.RdfFormat.N_QUADS)
        held = _prepared.store = (os.getpid(), store)
    return held[1]


def _add(store: ox.Store, data, graph: ox.NamedNode) -> set[str]:
    """Add ``data`` (an rdflib graph or dataset, or Oxigraph quads or triples) to ``graph`` of
    ``store``, with its ill-typed literals (:func:`kutniti.graph.shacl_core.ill_typed_quad`);
    return its subjects. One pass over the data: reading an rdflib graph is most of the cost."""
    if isinstance(data, rdflib.Graph):
        quads, ill = _rdflib_quads(data, graph)
    else:
        quads, ill = _term_quads(data, graph)
    store.extend(quads)
    store.extend(shacl_core.ill_typed_quad(o) for o in ill)
    return {s.value for s in {q.subject for q in quads}}


def _rdflib_quads(data: rdflib.Graph, graph: ox.NamedNode) -> tuple[list[ox.Quad], list[ox.Literal]]:
    """The triples of an rdflib graph as Oxigraph quads in ``graph``, and its ill-typed literals."""
    quads, ill = [], []
    iri, literal, named = rdflib.URIRef, rdflib.Literal, ox.NamedNode
    for t in data:
        s, p, o = t[0], t[1], t[2]
        kind = type(o)
        if kind is iri:
            obj = named(o)
        else:
            obj = to_term(o)
            if kind is literal and o.ill_typed:
                ill.append(obj)
        quads.append(ox.Quad(named(s) if type(s) is iri else to_term(s), named(p), obj, graph))
    return quads, ill


def _term_quads(data, graph: ox.NamedNode) -> tuple[list[ox.Quad], list[ox.Literal]]:
    """Oxigraph quads, triples or 3-tuples of terms as quads in ``graph``, and the ill-typed
    literals among their objects (each literal checked once)."""
    rows = [q if type(q) is tuple else _spo(q) for q in data]
    checked = shacl_core.checked_datatypes()
    literals = {r[2] for r in rows if isinstance(r[2], ox.Literal)}
    ill = [o for o in literals if o.datatype.value in checked and _ill_typed(o)]  # (few are of such types)
    return [ox.Quad(s, p, o, graph) for s, p, o in rows], ill


def _as_written(results: list[ValidationResult], sources) -> None:
    """Name each value as the data writes it: Oxigraph keeps numbers, dates and booleans in their
    canonical form (``"1.50"^^xsd:decimal`` is read back as ``"1.5"``)."""
    pending = [r for r in results if r.value is not None and r.path is not None]
    if not pending:
        return
    written = _literals(sources, {(r.focus, r.path) for r in pending})
    for r in pending:
        candidates = written.get((r.focus, r.path), [])
        if not candidates or any(str(o) == r.value for o in candidates):
            continue
        for o in candidates:
            scratch = ox.Store()
            scratch.add(ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode("urn:x"), to_term(o)))
            if next(iter(scratch)).object.value == r.value:
                r.value = str(o)
                break


def _literals(sources, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], list[rdflib.Literal]]:
    """The literal objects of the (subject, predicate) pairs ``wanted`` in the graphs or quads ``sources``."""
    out: dict = {}
    for data in sources:
        if data is None:
            continue
        if isinstance(data, rdflib.Graph) and not isinstance(data, rdflib.ConjunctiveGraph):
            for s, p in wanted:
                node = rdflib.URIRef(s) if ":" in s else rdflib.BNode(s)
                out.setdefault((s, p), []).extend(
                    o for o in data.objects(node, rdflib.URIRef(p)) if isinstance(o, rdflib.Literal))
            continue
        subjects = {s for s, _ in wanted}
        graph = isinstance(data, rdflib.Graph)  # (a dataset: its quads)
        for t in data:
            if graph:
                s, p, o = str(t[0]), str(t[1]), t[2]
            else:
                s, p, o = _spo(t)
                if not isinstance(o, ox.Literal):
                    continue
                s, p = s.value, p.value
            if s in subjects and (s, p) in wanted and isinstance(o, (rdflib.Literal, ox.Literal)):
                out.setdefault((s, p), []).append(o if isinstance(o, rdflib.Literal) else from_term(o))
    return out


def _oxigraph_results(data, context, shapes: rdflib.Graph) -> tuple[list[ValidationResult], set[str]]:
    """Every constraint run in Oxigraph (pyshacl only for shapes the compiler left to it); and the
    subjects written in ``data``."""
    sparql, compiled = _compiled(shapes)
    data = data if isinstance(data, rdflib.Graph) else list(data)  # read more than once
    context = context if context is None or isinstance(context, rdflib.Graph) else list(context)
    store = _prepared_store()
    try:
        written = _add(store, data, _DATA)
        if context is not None:
            _add(store, context, _CONTEXT)
        found = shacl_sparql.evaluate(store, sparql) + shacl_core.evaluate(store, compiled.queries)
    finally:
        for g in (_DATA, _CONTEXT, *map(ox.NamedNode, shacl_core.SCRATCH_GRAPHS)):
            if store.contains_named_graph(g):
                store.remove_graph(g)
    results = [ValidationResult(
        focus=r.focus, path=r.path, value=r.value, message=compact_iris(r.message),
        severity=r.severity.rsplit("#", 1)[-1], shape=r.shape if "://" in r.shape else None,
        component=r.constraint if r.constraint.startswith(str(SH)) else str(SH.SPARQLConstraintComponent))
        for r in found]
    _as_written(results, (data, context))
    if compiled.fallback is not None:
        full = triples_of(data)
        if context is not None:
            full += triples_of(context)
        results += _pyshacl(full, compiled.fallback)
    return results, written


def _dedupe(results: list[ValidationResult]) -> list[ValidationResult]:
    seen, out = set(), []
    for r in results:
        key = (r.focus, r.path, r.value, r.message)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return sorted(out, key=lambda r: (r.focus, r.path or "", r.message))


def locate(sources: dict[str, str], iri: str) -> tuple[str | None, int | None]:
    """The file and line where ``iri`` is written as a subject — else first written at all — as a
    full IRI (``<…>`` in Turtle and N-Triples, ``"…"`` in JSON-LD and RDF/XML) or a prefixed name."""
    written = [f"<{iri}>", f'"{iri}"']
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            written.append(f"{prefix}:{iri[len(ns):]}")
    first = (None, None)
    for name, text in sources.items():
        names = list(written)
        for m in re.finditer(r"@prefix\s+([\w-]*):\s*<([^>]*)>", text):  # prefixes the file declares
            if iri.startswith(m.group(2)):
                names.append(f"{m.group(1)}:{iri[len(m.group(2)):]}")
        pattern = re.compile("|".join(re.escape(n) for n in names) + r"(?![\w-])")
        previous = "."  # the last line with text: a statement starts after one ending in '.', '{' or '}'
        for lineno, line in enumerate(text.splitlines(), 1):
            m = pattern.search(line)
            if m is not None:
                before = line[:m.start()]
                if (not before.strip() and previous.endswith((".", "{", "}"))) or re.search(
                        r"(rdf:about|@id)\W*$", before):
                    return name, lineno
                if first == (None, None):
                    first = (name, lineno)
            if line.strip() and not line.lstrip().startswith("#"):
                previous = line.rstrip()
    return first
