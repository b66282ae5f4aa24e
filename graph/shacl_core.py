"""SHACL core constraints compiled to SPARQL, evaluated by Oxigraph over all focus nodes at once.

Each constraint of a shape that has targets becomes one SELECT that joins the shape's targets
(:func:`kutniti.graph.shacl_sparql.target_pattern`) with the condition under which the constraint
is broken, and returns the focus node, the value and the path of each violation — the rows
:func:`kutniti.graph.shacl_sparql.evaluate` turns into results, with the shape's ``sh:message``
and ``sh:severity``. Shapes reached through ``sh:node``, ``sh:or``, ``sh:and``, ``sh:not``,
``sh:xone`` and ``sh:qualifiedValueShape`` are compiled into ``EXISTS`` tests on the value node.

Compiled: targets (``sh:targetClass`` with subclasses, implicit class targets, ``sh:targetNode``,
``sh:targetSubjectsOf``, ``sh:targetObjectsOf``); property shapes whose ``sh:path`` is an IRI;
``sh:datatype``, ``sh:nodeKind``, ``sh:class``, ``sh:in``, ``sh:hasValue``, ``sh:pattern`` (with
``sh:flags``), ``sh:minLength``, ``sh:maxLength``, ``sh:minInclusive``, ``sh:maxInclusive``,
``sh:minExclusive``, ``sh:maxExclusive``, ``sh:minCount`` (up to 4), ``sh:maxCount`` (up to 3),
``sh:lessThan``, ``sh:lessThanOrEquals``, ``sh:equals``, ``sh:disjoint``, ``sh:languageIn``,
``sh:node``, ``sh:or``, ``sh:and``, ``sh:not``, ``sh:xone``, ``sh:qualifiedValueShape`` with
``sh:qualifiedMinCount`` (up to 4) / ``sh:qualifiedMaxCount`` (up to 3), ``sh:deactivated``.

Everything else — other paths (inverse, sequence, ``*``), ``sh:uniqueLang``, ``sh:closed``,
``sh:qualifiedValueShapesDisjoint true``, larger counts, property-level ``sh:sparql``, datatypes
whose well-formedness rdflib checks but this module does not, recursive shapes — makes the whole
targeted shape fall back to pyshacl: :func:`compile_shapes` returns the shapes it could not
compile as a shapes graph for pyshacl, so the verdicts are pyshacl's for any shapes file.

Literals rdflib reads as ill-typed (``"March 2019"^^xsd:date``) break ``sh:datatype`` in pyshacl;
the caller lists them in the graph :data:`ILL_TYPED` (see :func:`ill_typed_quad`) so that the
queries can see them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pyoxigraph as ox
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.collection import Collection
from rdflib.term import XSDToPython

from kutniti.graph import shacl_sparql

ILL_TYPED = "urn:kutniti:ill-typed"
_ILL = f"<{ILL_TYPED}>"
_TYPE = f"<{RDF.type}>/<{RDFS.subClassOf}>*"

# predicates of a shape that are no constraint (or are read with the constraint they belong to)
_NOT_CONSTRAINTS = {SH.message, SH.severity, SH.deactivated, SH.name, SH.description, SH.order, SH.group,
                    SH.defaultValue, SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf,
                    SH.path, SH.property, SH.flags, SH.qualifiedMinCount, SH.qualifiedMaxCount,
                    SH.qualifiedValueShapesDisjoint, SH.declare, SH.prefixes, SH.sparql}
_COMPARISONS = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
_NODE_KINDS = {SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
               SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
               SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
               SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))"}
_MAX_VARIABLES = 4  # counts are tested with this many distinct values at most (pairwise sameTerm)


class Unsupported(Exception):
    """A shape uses something this module does not compile; pyshacl validates that shape."""


@dataclass(frozen=True)
class CompiledShapes:
    """The queries of the compiled shapes, and the shapes left to pyshacl (``None``: none left)."""

    constraints: list[shacl_sparql.SparqlConstraint]
    fallback: rdflib.Graph | None
    fallback_shapes: tuple[rdflib.term.Node, ...]


def ill_typed_quad(term: ox.Literal) -> ox.Quad:
    """The quad that marks ``term`` as ill-typed for the ``sh:datatype`` queries."""
    node = ox.NamedNode(ILL_TYPED)
    return ox.Quad(node, node, term, node)


def _n3(term: rdflib.term.Node) -> str:
    if isinstance(term, rdflib.URIRef):
        return f"<{term}>"
    if isinstance(term, rdflib.Literal):
        return term.n3()
    raise Unsupported(f"a blank node as a constraint's value ({term})")


def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


class _Compiler:
    def __init__(self, shapes: rdflib.Graph, sparql_done: set):
        self.g = shapes
        self.sparql_done = sparql_done
        self.count = 0
        self.stack: list = []

    def var(self) -> str:
        self.count += 1
        return f"?v{self.count}"

    def items(self, node) -> list:
        if node is None or node == RDF.nil:
            return []
        return list(Collection(self.g, node))

    def one(self, shape, p):
        values = list(self.g.objects(shape, p))
        if len(values) != 1:
            raise Unsupported(f"{len(values)} values of {p} on {shape}")
        return values[0]

    def count_of(self, shape, p, limit) -> int:
        value = self.one(shape, p)
        n = value.toPython() if isinstance(value, rdflib.Literal) else None
        if not isinstance(n, int) or isinstance(n, bool) or n < 0 or n > limit:
            raise Unsupported(f"{p} {value} on {shape}")
        return n

    # -- shapes as lists of (component, pattern, value variable) over a bound focus variable ------
    def branches(self, shape, focus: str, *, top: bool = False) -> list[tuple]:
        """Every constraint of ``shape`` (and its property shapes) as ``(shape, path, component,
        pattern, value)``: ``pattern`` finds the violations of the focus node ``focus``, which the
        surrounding query binds; ``value`` names the variable holding the value node, if any."""
        if shape in self.stack:
            raise Unsupported(f"recursive shape {shape}")
        if str(self.g.value(shape, SH.deactivated) or "").lower() == "true":
            return []
        self.stack.append(shape)
        try:
            out = []
            path = self.g.value(shape, SH.path)
            if path is not None and not isinstance(path, rdflib.URIRef):
                raise Unsupported(f"the path of {shape} is not a single property")
            for p, o in self.g.predicate_objects(shape):
                if p == SH.sparql and (not top or path is not None or o not in self.sparql_done):
                    raise Unsupported(f"sh:sparql on {shape}")
                if p in _NOT_CONSTRAINTS or not str(p).startswith(str(SH)):
                    continue
                out += [(shape, path, comp, pattern, value)
                        for comp, pattern, value in self.constraint(shape, path, focus, p, o)]
            for p, o in self.g.predicate_objects(shape):
                if p == SH.qualifiedValueShape:
                    out += [(shape, path, comp, pattern, None) for comp, pattern in self.qualified(shape, path, focus, o)]
            for prop in self.g.objects(shape, SH.property):
                out += self.branches(prop, focus)
            return out
        finally:
            self.stack.pop()

    def violated(self, shape, node: str) -> str:
        """A condition true when ``node`` breaks ``shape``."""
        branches = self.branches(shape, node)
        if not branches:
            return "false"
        return "EXISTS { " + " UNION ".join(f"{{ {b[3]} }}" for b in branches) + " }"

    def shapes_in(self, node) -> list:
        members = self.items(node)
        if not members:
            raise Unsupported(f"an empty list of shapes ({node})")
        return members

    def constraint(self, shape, path, focus: str, p, o) -> list[tuple[rdflib.URIRef, str, str | None]]:
        """The violations of one constraint parameter ``p o`` as ``(component, pattern, value)``."""
        if path is not None:
            v = self.var()
            values = f"{focus} <{path}> {v} ."
        else:
            v, values = focus, ""

        def on_values(component, condition):
            return [(component, f"{values} FILTER({condition})", v)]

        if p == SH.datatype:
            return on_values(SH.DatatypeConstraintComponent, f"!({self.datatype(o, v)})")
        if p == SH.nodeKind:
            if o not in _NODE_KINDS:
                raise Unsupported(f"sh:nodeKind {o}")
            return on_values(SH.NodeKindConstraintComponent, "!" + _NODE_KINDS[o].format(v=v))
        if p == SH["class"]:
            return on_values(SH.ClassConstraintComponent, f"NOT EXISTS {{ {v} {_TYPE} {_n3(o)} }}")
        if p == SH["in"]:
            allowed = " || ".join(f"sameTerm({v}, {_n3(x)})" for x in self.items(o)) or "false"
            return on_values(SH.InConstraintComponent, f"!({allowed})")
        if p == SH.hasValue:
            if path is None:
                return on_values(SH.HasValueConstraintComponent, f"!sameTerm({v}, {_n3(o)})")
            return [(SH.HasValueConstraintComponent, f"FILTER NOT EXISTS {{ {focus} <{path}> {_n3(o)} }}", None)]
        if p == SH.pattern:
            flags = self.g.value(shape, SH.flags)
            args = _string(str(o)) + (f", {_string(str(flags))}" if flags is not None else "")
            return on_values(SH.PatternConstraintComponent, f"isBlank({v}) || !REGEX(STR({v}), {args})")
        if p in (SH.minLength, SH.maxLength):
            n = self.count_of(shape, p, 1 << 31)
            op, comp = ("<", SH.MinLengthConstraintComponent) if p == SH.minLength else (">", SH.MaxLengthConstraintComponent)
            return on_values(comp, f"isBlank({v}) || STRLEN(STR({v})) {op} {n}")
        if p in _COMPARISONS:
            if not isinstance(o, rdflib.Literal):
                raise Unsupported(f"{p} {o}")
            comp = SH[p.split("#")[1][0].upper() + p.split("#")[1][1:] + "ConstraintComponent"]
            return on_values(comp, f"!COALESCE({v} {_COMPARISONS[p]} {_n3(o)}, false)")
        if p == SH.languageIn:
            tags = " || ".join(f"langMatches(lang({v}), {_string(str(t))})" for t in self.items(o)) or "false"
            return on_values(SH.LanguageInConstraintComponent, f"!(isLiteral({v}) && ({tags}))")
        if p == SH.node:
            return on_values(SH.NodeConstraintComponent, self.violated(o, v))
        if p == SH["not"]:
            return on_values(SH.NotConstraintComponent, f"!({self.violated(o, v)})")
        if p == SH["or"]:
            return on_values(SH.OrConstraintComponent, " && ".join(self.violated(s, v) for s in self.shapes_in(o)))
        if p == SH["and"]:
            return on_values(SH.AndConstraintComponent, " || ".join(self.violated(s, v) for s in self.shapes_in(o)))
        if p == SH.xone:
            conforming = " + ".join(f"IF({self.violated(s, v)}, 0, 1)" for s in self.shapes_in(o))
            return on_values(SH.XoneConstraintComponent, f"({conforming}) != 1")
        if path is None:
            raise Unsupported(f"{p} on the node shape {shape}")
        if p == SH.minCount:
            n = self.count_of(shape, p, _MAX_VARIABLES)
            if n == 0:
                return []
            return [(SH.MinCountConstraintComponent, f"FILTER NOT EXISTS {{ {self.distinct(focus, path, n)} }}", None)]
        if p == SH.maxCount:
            n = self.count_of(shape, p, _MAX_VARIABLES - 1)
            return [(SH.MaxCountConstraintComponent, f"FILTER EXISTS {{ {self.distinct(focus, path, n + 1)} }}", None)]
        if p in (SH.lessThan, SH.lessThanOrEquals):
            if not isinstance(o, rdflib.URIRef):
                raise Unsupported(f"{p} {o}")
            other, op = self.var(), "<" if p == SH.lessThan else "<="
            comp = SH.LessThanConstraintComponent if p == SH.lessThan else SH.LessThanOrEqualsConstraintComponent
            return [(comp, f"{values} {focus} <{o}> {other} . FILTER(!COALESCE({v} {op} {other}, false))", v)]
        if p == SH.disjoint:
            if not isinstance(o, rdflib.URIRef):
                raise Unsupported(f"{p} {o}")
            return [(SH.DisjointConstraintComponent, f"{values} {focus} <{o}> {v} .", v)]
        if p == SH.equals:
            if not isinstance(o, rdflib.URIRef):
                raise Unsupported(f"{p} {o}")
            return [(SH.EqualsConstraintComponent,
                     f"{{ {values} FILTER NOT EXISTS {{ {focus} <{o}> {v} }} }} UNION "
                     f"{{ {focus} <{o}> {v} FILTER NOT EXISTS {{ {focus} <{path}> {v} }} }}", v)]
        if p == SH.qualifiedValueShape:
            return []  # with its counts, below
        raise Unsupported(f"{p} on {shape}")

    def qualified(self, shape, path, focus: str, inner) -> list[tuple[rdflib.URIRef, str]]:
        if path is None:
            raise Unsupported(f"sh:qualifiedValueShape on the node shape {shape}")
        if str(self.g.value(shape, SH.qualifiedValueShapesDisjoint) or "").lower() == "true":
            raise Unsupported(f"sh:qualifiedValueShapesDisjoint on {shape}")
        out = []
        if self.g.value(shape, SH.qualifiedMinCount) is not None:
            n = self.count_of(shape, SH.qualifiedMinCount, _MAX_VARIABLES)
            if n:
                out.append((SH.QualifiedMinCountConstraintComponent,
                            f"FILTER NOT EXISTS {{ {self.distinct(focus, path, n, inner)} }}"))
        if self.g.value(shape, SH.qualifiedMaxCount) is not None:
            n = self.count_of(shape, SH.qualifiedMaxCount, _MAX_VARIABLES - 1)
            out.append((SH.QualifiedMaxCountConstraintComponent,
                        f"FILTER EXISTS {{ {self.distinct(focus, path, n + 1, inner)} }}"))
        return out

    def distinct(self, focus: str, path, n: int, conforming_to=None) -> str:
        """A pattern matching when ``focus`` has ``n`` distinct values of ``path`` (conforming to a shape)."""
        names = [self.var() for _ in range(n)]
        parts = [f"{focus} <{path}> {x} ." for x in names]
        tests = [f"!sameTerm({a}, {b})" for i, a in enumerate(names) for b in names[i + 1:]]
        if conforming_to is not None:
            tests += [f"!({self.violated(conforming_to, x)})" for x in names]
        return " ".join(parts) + (f" FILTER({' && '.join(tests)})" if tests else "")

    def datatype(self, dt, v: str) -> str:
        """A condition true when ``v`` is a well-formed literal of ``dt``, as rdflib reads it."""
        if dt == RDFS.Literal:
            return f"isLiteral({v})"
        if not isinstance(dt, rdflib.URIRef):
            raise Unsupported(f"sh:datatype {dt}")
        if dt == RDFS.Datatype:
            raise Unsupported("sh:datatype rdfs:Datatype")
        test = f"isLiteral({v}) && datatype({v}) = <{dt}>"
        if dt in XSDToPython and dt not in (XSD.string, RDF.langString):
            test += f" && NOT EXISTS {{ GRAPH {_ILL} {{ {_ILL} {_ILL} {v} }} }}"
        return test


def _targeted(shapes: rdflib.Graph) -> list:
    kinds = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    out = {s for k in kinds for s in shapes.subjects(k, None)}
    for cls in (RDFS.Class, OWL.Class):
        out |= {s for s in shapes.subjects(RDF.type, cls)
                if (s, RDF.type, SH.NodeShape) in shapes or (s, RDF.type, SH.PropertyShape) in shapes}
    return sorted(out, key=str)


def compile_shapes(shapes: rdflib.Graph, sparql: list[shacl_sparql.SparqlConstraint] = ()) -> CompiledShapes:
    """The core constraints of every targeted shape as queries; ``sparql`` are the SHACL-SPARQL
    constraints run by :mod:`kutniti.graph.shacl_sparql` (left out here). Shapes that cannot be
    compiled are returned as :attr:`CompiledShapes.fallback`: the shapes graph with the targets of
    the compiled shapes taken away, for pyshacl."""
    sparql_done = {c.constraint for c in sparql}
    constraints, fallback = [], []
    for shape in _targeted(shapes):
        target = shacl_sparql.target_pattern(shapes, shape)
        compiler = _Compiler(shapes, sparql_done)
        try:
            branches = compiler.branches(shape, "?this", top=True)
        except Unsupported:
            fallback.append(shape)
            continue
        for owner, path, component, pattern, value in branches:
            messages = tuple(str(m) for m in shapes.objects(owner, SH.message)) or (_default_message(component),)
            severity = shapes.value(owner, SH.severity) or SH.Violation
            selected = "?this"
            if value is not None:
                selected += f" ({value} AS ?value)" if value != "?this" else " (?this AS ?value)"
            if path is not None:
                selected += f" (<{path}> AS ?path)"
            query = f"SELECT DISTINCT {selected} WHERE {{ {target} {pattern} }}"
            constraints.append(shacl_sparql.SparqlConstraint(owner, component, query, messages, severity, path))
    if not fallback:
        return CompiledShapes(constraints, None, ())
    rest = rdflib.Graph()
    compiled = set(_targeted(shapes)) - set(fallback)
    kinds = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    for s, p, o in shapes:
        if s in compiled and (p in kinds or (p == RDF.type and o in (RDFS.Class, OWL.Class))):
            continue
        rest.add((s, p, o))
    for prefix, ns in shapes.namespaces():
        rest.bind(prefix, ns)
    return CompiledShapes(constraints, rest, tuple(fallback))


def _default_message(component) -> str:
    name = str(component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    return f"breaks the shape's sh:{name[0].lower()}{name[1:]} constraint"
