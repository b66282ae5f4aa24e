"""SHACL core constraints compiled to SPARQL, evaluated by Oxigraph over all focus nodes at once.

Every shape that has targets becomes one SELECT: a UNION of one branch per property (the shape's
targets, :func:`kutniti.graph.shacl_sparql.target_pattern`, joined with the property's values and
the conditions under which each of its constraints is broken) and one branch for the constraints
on the focus node alone. Each row names the focus node, the value and the constraint broken; it
becomes a :class:`~kutniti.graph.shacl_sparql.SparqlResult` with the shape's ``sh:message`` and
``sh:severity``, as pyshacl reports it. Shapes reached through ``sh:or``, ``sh:and``, ``sh:not``,
``sh:xone``, ``sh:node`` and ``sh:qualifiedValueShape`` become ``EXISTS`` tests on the value node;
for ``sh:node`` to a shape that has a query of its own, values among that shape's targets are
looked up in that query's results instead (:data:`BROKEN`).

Compiled: targets (``sh:targetClass`` with subclasses, implicit class targets, ``sh:targetNode``,
``sh:targetSubjectsOf``, ``sh:targetObjectsOf``); property shapes whose ``sh:path`` is an IRI;
``sh:datatype``, ``sh:nodeKind``, ``sh:class``, ``sh:in``, ``sh:hasValue``, ``sh:pattern`` (with
``sh:flags``), ``sh:minLength``, ``sh:maxLength``, ``sh:minInclusive``, ``sh:maxInclusive``,
``sh:minExclusive``, ``sh:maxExclusive``, ``sh:minCount`` (up to 4), ``sh:maxCount`` (up to 3),
``sh:lessThan``, ``sh:lessThanOrEquals``, ``sh:equals``, ``sh:disjoint``, ``sh:languageIn``,
``sh:node``, ``sh:or``, ``sh:and``, ``sh:not``, ``sh:xone``, ``sh:qualifiedValueShape`` with
``sh:qualifiedMinCount`` (up to 4) / ``sh:qualifiedMaxCount`` (up to 3), ``sh:deactivated``.

Everything else — other paths (inverse, sequence, ``*``), ``sh:uniqueLang``, ``sh:closed``,
``sh:qualifiedValueShapesDisjoint true``, larger counts, ``sh:datatype rdfs:Datatype``,
property-level or nested ``sh:sparql``, blank nodes as constraint values, recursive shapes — makes
the whole targeted shape fall back to pyshacl: :func:`compile_shapes` returns the shapes it could
not compile as a shapes graph for pyshacl, so the verdicts are pyshacl's for any shapes file.

Literals rdflib reads as ill-typed (``"March 2019"^^xsd:date``) break ``sh:datatype`` in pyshacl;
the caller lists them in the graph :data:`ILL_TYPED` (see :func:`ill_typed_quad`) so that the
queries can see them. Where pyshacl departs from SHACL's letter, the queries follow pyshacl:
``sh:lessThan`` orders values that SPARQL cannot compare the way rdflib sorts them.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

import pyoxigraph as ox
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.collection import Collection
from rdflib.term import XSDToPython

from kutniti.graph import shacl_sparql
from kutniti.graph.store import to_term

ILL_TYPED = "urn:kutniti:ill-typed"
BROKEN = "urn:kutniti:broken"  # the focus nodes each shape's query found broken, for sh:node
SCRATCH_GRAPHS = (ILL_TYPED, BROKEN)
_ILL, _BROKEN = f"<{ILL_TYPED}>", f"<{BROKEN}>"
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

    queries: list[CoreQuery]
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


@dataclass(frozen=True)
class _Check:
    """One constraint, as found by :meth:`_Compiler.checks`: its values are bound by ``binder``
    (empty: the condition is on the focus node alone) and it is broken where ``condition`` holds."""

    shape: rdflib.term.Node
    path: rdflib.URIRef | None
    component: rdflib.URIRef
    binder: str
    condition: str
    value: str | None  # the variable holding the value node to report


@dataclass(frozen=True)
class CoreCheck:
    """What a row of a compiled query reports: the constraint, its shape, path, messages, severity;
    ``value_is_focus`` for node-level constraints (their value node is the focus node)."""

    shape: rdflib.term.Node
    path: rdflib.URIRef | None
    component: rdflib.URIRef
    messages: tuple[str, ...]
    severity: rdflib.term.Node
    value_is_focus: bool


@dataclass(frozen=True)
class CoreQuery:
    """One SELECT for a targeted shape: rows of ``?this ?k ?value``, ``?k`` indexing ``checks``."""

    shape: rdflib.term.Node
    query: str
    checks: tuple[CoreCheck, ...]
    reads: frozenset = frozenset()  # shapes whose broken focus nodes the query reads (run them first)


class _Compiler:
    def __init__(self, shapes: rdflib.Graph, known: dict | None = None, run_elsewhere=frozenset()):
        self.g = shapes
        self.known = known or {}  # compiled targeted shape → its target pattern
        self.run_elsewhere = run_elsewhere  # SHACL-SPARQL constraints run by shacl_sparql
        self.reads: set = set()
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

    def checks(self, shape, focus: str, value: str | None = None) -> list[_Check]:
        """Every constraint of ``shape`` and of its property shapes, for the focus node ``focus``
        (a variable the surrounding query binds); ``value`` names the variable of the values of
        ``shape``'s path (a fresh one if not given)."""
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
            v = (value or self.var()) if path is not None else focus
            binder = f"{focus} <{path}> {v} ." if path is not None else ""
            for p, o in self.g.predicate_objects(shape):
                if p == SH.sparql and not (len(self.stack) == 1 and o in self.run_elsewhere):
                    raise Unsupported(f"sh:sparql on {shape} that shacl_sparql does not run")
                if p in _NOT_CONSTRAINTS or not str(p).startswith(str(SH)):
                    continue
                out += [_Check(shape, path, *c) for c in self.constraint(shape, path, focus, binder, v, p, o)]
            for prop in self.g.objects(shape, SH.property):
                out += self.checks(prop, focus, value)
            return out
        finally:
            self.stack.pop()

    def violated(self, shape, node: str) -> str:
        """A condition true when ``node`` breaks ``shape``."""
        tests = [f"EXISTS {{ {c.binder} FILTER({c.condition}) }}" if c.binder else f"({c.condition})"
                 for c in self.checks(shape, node)]
        return "(" + " || ".join(tests) + ")" if tests else "false"

    def node(self, shape, v: str) -> str:
        """A condition true when ``v`` breaks the node shape ``shape``. If ``shape`` has a query of
        its own, the values among its targets are looked up in its results (:data:`BROKEN`) rather
        than checked again."""
        violated = self.violated(shape, v)
        if shape not in self.known:
            return violated
        self.reads.add(shape)
        target = self.known[shape].replace("?this", v)
        return (f"IF(EXISTS {{ {target} }}, EXISTS {{ GRAPH {_BROKEN} {{ {v} {_BROKEN} {_n3(shape)} }} }}, "
                f"{violated})")

    def shapes_in(self, node) -> list:
        members = self.items(node)
        if not members:
            raise Unsupported(f"an empty list of shapes ({node})")
        return members

    def constraint(self, shape, path, focus: str, binder: str, v: str, p, o) -> list[tuple]:
        """The ways one constraint parameter ``p o`` is broken: ``(component, binder, condition,
        value)`` each."""
        def on_values(component, condition):
            return [(component, binder, condition, v)]

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
            return [(SH.HasValueConstraintComponent, "", f"NOT EXISTS {{ {focus} <{path}> {_n3(o)} }}", None)]
        if p == SH.pattern:
            flags = self.g.value(shape, SH.flags)
            args = _string(str(o)) + (f", {_string(str(flags))}" if flags is not None else "")
            return on_values(SH.PatternConstraintComponent, f"isBlank({v}) || !REGEX(STR({v}), {args})")
        if p in (SH.minLength, SH.maxLength):
            n = self.count_of(shape, p, 1 << 31)
            op, comp = (("<", SH.MinLengthConstraintComponent) if p == SH.minLength
                        else (">", SH.MaxLengthConstraintComponent))
            return on_values(comp, f"isBlank({v}) || STRLEN(STR({v})) {op} {n}")
        if p in _COMPARISONS:
            if not isinstance(o, rdflib.Literal):
                raise Unsupported(f"{p} {o}")
            name = p.split("#")[1]
            return on_values(SH[f"{name[0].upper()}{name[1:]}ConstraintComponent"],
                             f"!COALESCE({v} {_COMPARISONS[p]} {_n3(o)}, false)")
        if p == SH.languageIn:
            tags = " || ".join(f"langMatches(lang({v}), {_string(str(t))})" for t in self.items(o)) or "false"
            return on_values(SH.LanguageInConstraintComponent, f"!(isLiteral({v}) && ({tags}))")
        if p == SH.node:
            return on_values(SH.NodeConstraintComponent, self.node(o, v))
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
            return [(SH.MinCountConstraintComponent, "", f"NOT EXISTS {{ {self.matching(focus, path, n)} }}", None)]
        if p == SH.maxCount:
            n = self.count_of(shape, p, _MAX_VARIABLES - 1)
            return [(SH.MaxCountConstraintComponent, *self.distinct(focus, path, n + 1), None)]
        if p in (SH.lessThan, SH.lessThanOrEquals):
            if not isinstance(o, rdflib.URIRef):
                raise Unsupported(f"{p} {o}")
            other, op = self.var(), "<" if p == SH.lessThan else "<="
            comp = SH.LessThanConstraintComponent if p == SH.lessThan else SH.LessThanOrEqualsConstraintComponent
            return on_values(comp, f"EXISTS {{ {focus} <{o}> {other} FILTER(!({_ordered(v, other, op)})) }}")
        if p == SH.disjoint:
            if not isinstance(o, rdflib.URIRef):
                raise Unsupported(f"{p} {o}")
            return on_values(SH.DisjointConstraintComponent, f"EXISTS {{ {focus} <{o}> {v} }}")
        if p == SH.equals:
            if not isinstance(o, rdflib.URIRef):
                raise Unsupported(f"{p} {o}")
            return [(SH.EqualsConstraintComponent, binder, f"NOT EXISTS {{ {focus} <{o}> {v} }}", v),
                    (SH.EqualsConstraintComponent, f"{focus} <{o}> {v} .", f"NOT EXISTS {{ {binder} }}", v)]
        if p == SH.qualifiedValueShape:
            return self.qualified(shape, path, focus, o)
        raise Unsupported(f"{p} on {shape}")

    def qualified(self, shape, path, focus: str, inner) -> list[tuple]:
        if str(self.g.value(shape, SH.qualifiedValueShapesDisjoint) or "").lower() == "true":
            raise Unsupported(f"sh:qualifiedValueShapesDisjoint on {shape}")
        out = []
        if self.g.value(shape, SH.qualifiedMinCount) is not None:
            n = self.count_of(shape, SH.qualifiedMinCount, _MAX_VARIABLES)
            if n:
                out.append((SH.QualifiedMinCountConstraintComponent, "",
                            f"NOT EXISTS {{ {self.matching(focus, path, n, inner)} }}", None))
        if self.g.value(shape, SH.qualifiedMaxCount) is not None:
            n = self.count_of(shape, SH.qualifiedMaxCount, _MAX_VARIABLES - 1)
            out.append((SH.QualifiedMaxCountConstraintComponent, *self.distinct(focus, path, n + 1, inner), None))
        return out

    def distinct(self, focus: str, path, n: int, conforming_to=None) -> tuple[str, str]:
        """A pattern binding ``n`` values of ``path``, and the condition that they are distinct (and
        conform to a shape): together, they match when ``focus`` has ``n`` such values."""
        names = [self.var() for _ in range(n)]
        tests = [f"!sameTerm({a}, {b})" for i, a in enumerate(names) for b in names[i + 1:]]
        if conforming_to is not None:
            tests += [f"!({self.violated(conforming_to, x)})" for x in names]
        return " ".join(f"{focus} <{path}> {x} ." for x in names), " && ".join(tests) or "true"

    def matching(self, focus: str, path, n: int, conforming_to=None) -> str:
        """A pattern matching when ``focus`` has ``n`` distinct values of ``path`` (conforming to a shape)."""
        pattern, condition = self.distinct(focus, path, n, conforming_to)
        return f"{pattern} FILTER({condition})"

    def datatype(self, dt, v: str) -> str:
        """A condition true when ``v`` is a well-formed literal of ``dt``, as rdflib reads it."""
        if dt == RDFS.Literal:
            return f"isLiteral({v})"
        if not isinstance(dt, rdflib.URIRef) or dt == RDFS.Datatype:
            raise Unsupported(f"sh:datatype {dt}")
        test = f"isLiteral({v}) && datatype({v}) = <{dt}>"
        if str(dt) in checked_datatypes():
            test += f" && NOT EXISTS {{ GRAPH {_ILL} {{ {_ILL} {_ILL} {v} }} }}"
        return test


def _query(shapes: rdflib.Graph, shape, target: str, checks: list[_Check], reads: frozenset) -> CoreQuery:
    """One SELECT for all the checks of a targeted shape: a UNION of one branch per pattern binding
    values (each with the checks on those values) and one for the checks on the focus node alone;
    each branch matches the targets itself, so that ``?this`` is bound where its filter is tested."""
    meta, groups, focus_tests = [], {}, []
    for c in checks:
        k = len(meta)
        meta.append(CoreCheck(c.shape, c.path, c.component,
                              tuple(str(m) for m in shapes.objects(c.shape, SH.message))
                              or (_default_message(c.component),),
                              shapes.value(c.shape, SH.severity) or SH.Violation, c.value == "?this"))
        if c.binder:
            groups.setdefault(c.binder, []).append((k, c))
        else:
            focus_tests.append((k, c))
    branches = []
    for binder, members in groups.items():
        test = " || ".join(f"(?k = {k} && ({c.condition}))" for k, c in members)
        branches.append(f"{target} {binder} VALUES ?k {{ {' '.join(str(k) for k, _ in members)} }} FILTER({test})")
    if focus_tests:
        test = " || ".join(f"(?k = {k} && ({c.condition}))" for k, c in focus_tests)
        branches.append(f"{target} VALUES ?k {{ {' '.join(str(k) for k, _ in focus_tests)} }} FILTER({test})")
    where = " UNION ".join(f"{{ {b} }}" for b in branches)
    return CoreQuery(shape, f"SELECT DISTINCT ?this ?k ?value WHERE {{ {where} }}", tuple(meta), reads)


def _textual(x: str) -> str:
    """A condition true when ``x`` is an IRI or a literal rdflib reads as a Python string."""
    kinds = ", ".join(f"<{dt}>" for dt in _string_datatypes())
    return f"(isIRI({x}) || (isLiteral({x}) && (lang({x}) != \"\" || datatype({x}) IN ({kinds}))))"


@functools.cache
def checked_datatypes() -> frozenset[str]:
    """The datatypes whose lexical forms rdflib checks (``"x"^^xsd:integer`` is ill-typed)."""
    return frozenset(str(dt) for dt, read in XSDToPython.items() if dt is not None and read is not None)


@functools.cache
def _string_datatypes() -> tuple[rdflib.URIRef, ...]:
    """The datatypes whose literals rdflib reads as text (it keeps their lexical form)."""
    return tuple(sorted(dt for dt, read in XSDToPython.items() if dt is not None and read is None))


def _ordered(a: str, b: str, op: str) -> str:
    """``a < b`` (or ``<=``) as pyshacl decides ``sh:lessThan``: numbers by value; an IRI or string
    against anything else is not ordered, two strings compare as text, other literals in value space
    where SPARQL can compare them and else as rdflib orders them (by datatype IRI, then by lexical
    form)."""
    strings = f"{_textual(a)} && {_textual(b)}"
    fallback = (f"IF(sameTerm(datatype({a}), datatype({b})), STR({a}) {op} STR({b}), "
                f"STR(datatype({a})) {op} STR(datatype({b})))")
    return (f"IF(isNumeric({a}) && isNumeric({b}), {a} {op} {b}, "
            f"IF({_textual(a)} || {_textual(b)}, ({strings}) && STR({a}) {op} STR({b}), "
            f"isLiteral({a}) && isLiteral({b}) && COALESCE({a} {op} {b}, {fallback})))")


def _targeted(shapes: rdflib.Graph) -> list:
    kinds = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    out = {s for k in kinds for s in shapes.subjects(k, None)}
    for cls in (RDFS.Class, OWL.Class):
        out |= {s for s in shapes.subjects(RDF.type, cls)
                if (s, RDF.type, SH.NodeShape) in shapes or (s, RDF.type, SH.PropertyShape) in shapes}
    return sorted(out, key=str)


def compile_shapes(shapes: rdflib.Graph, run_elsewhere=frozenset()) -> CompiledShapes:
    """The core constraints of every targeted shape as queries. Shapes that cannot be compiled are
    returned as :attr:`CompiledShapes.fallback`: the shapes graph with the targets of the compiled
    shapes taken away, for pyshacl (which checks all of a fallback shape, its SHACL-SPARQL
    constraints too). ``run_elsewhere`` are the SHACL-SPARQL constraints
    :mod:`kutniti.graph.shacl_sparql` runs for the compiled shapes; reached from another shape
    (``sh:node`` …), a shape with SHACL-SPARQL constraints is not compiled."""
    queries, fallback, known = [], [], {}
    for shape in _targeted(shapes):
        try:
            _Compiler(shapes, run_elsewhere=run_elsewhere).checks(shape, "?this", "?value")
        except Unsupported:
            fallback.append(shape)
            continue
        target = shacl_sparql.target_pattern(shapes, shape)
        if (shape, SH.targetNode, None) not in shapes:
            known[shape] = target
    for shape in _targeted(shapes):
        if shape in fallback:
            continue
        compiler = _Compiler(shapes, known, run_elsewhere)
        checks = compiler.checks(shape, "?this", "?value")
        if checks:
            queries.append(_query(shapes, shape, shacl_sparql.target_pattern(shapes, shape), checks,
                                  frozenset(compiler.reads)))
    if not fallback:
        return CompiledShapes(queries, None, ())
    rest = rdflib.Graph()
    compiled = set(_targeted(shapes)) - set(fallback)
    kinds = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    for s, p, o in shapes:
        if s in compiled and (p in kinds or (p == RDF.type and o in (RDFS.Class, OWL.Class))):
            continue
        rest.add((s, p, o))
    for prefix, ns in shapes.namespaces():
        rest.bind(prefix, ns)
    return CompiledShapes(queries, rest, tuple(fallback))


def evaluate(store: ox.Store, queries: list[CoreQuery]) -> list[shacl_sparql.SparqlResult]:
    """Run the compiled queries on a store holding the data (and the ontology, for subclasses). A
    shape's query runs before the queries that read its broken focus nodes, which go into the graph
    :data:`BROKEN` (emptied by the caller with the data)."""
    results, done, todo = [], set(), list(queries)
    read = {s for q in queries for s in q.reads}
    while todo:
        q = next((q for q in todo if q.reads <= done), todo[0])
        todo.remove(q)
        broken = set()
        for row in store.query(q.query, use_default_graph_as_union=True):
            check = q.checks[int(row["k"].value)]
            focus = row["this"]
            value = focus if check.value_is_focus else row["value"]
            broken.add(focus)
            results.append(shacl_sparql.SparqlResult(
                focus=focus.value, value=value.value if value is not None else None,
                path=str(check.path) if check.path is not None else None, message=check.messages[0],
                severity=str(check.severity), shape=str(check.shape), constraint=str(check.component)))
        if q.shape in read:
            mark, shape = ox.NamedNode(BROKEN), to_term(q.shape)
            store.extend(ox.Quad(f, mark, shape, mark) for f in broken)
        done.add(q.shape)
    return results


def _default_message(component) -> str:
    name = str(component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    return f"breaks the shape's sh:{name[0].lower()}{name[1:]} constraint"
