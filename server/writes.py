"""Writes over HTTP — SPARQL Update, Graph Store, facts — all through the shape gate.

Each write computes its change, checks it with :mod:`kutniti.graph.gate` and applies it to the
durable store and the in-memory copy under one lock; a refused write answers 422 with the report
and changes nothing.
"""

from __future__ import annotations

import json

import pyoxigraph as ox
from flask import Response, current_app, request

from kutniti.graph.gate import WRITE_LOCK, Change, apply_change, check_change, update_change
from kutniti.server.errors import problem


def _replica():
    return current_app.extensions["kutniti.replica"]


def refused(report) -> Response:
    """422 with the validation report (JSON, or Turtle by Accept)."""
    if "text/turtle" in request.headers.get("Accept", ""):
        return Response(report.to_turtle(), status=422, mimetype="text/turtle")
    body = {"conforms": False, "error": "the change breaks the shapes; nothing was changed",
            "results": report.to_json()["results"]}
    return Response(json.dumps(body, ensure_ascii=False), status=422, mimetype="application/json")


def commit(change: Change) -> Response | None:
    """Check and apply a change; a Response when refused, None when applied."""
    replica = _replica()
    report = check_change(replica.memory, change)
    if not report.conforms:
        return refused(report)
    stores = [replica.durable.oxigraph]
    if replica.memory is not replica.durable.oxigraph:
        stores.append(replica.memory)
    apply_change(stores, change)
    replica.durable.flush()
    replica.generation += 1
    return None


def apply_update(update: str, *, using=None, using_named=None, base_iri=None) -> Response:
    """Run a SPARQL update through the gate."""
    options: dict = {"base_iri": base_iri} if base_iri else {}
    if using or using_named:
        update = _with_using(update, using or [], using_named or [])
    with WRITE_LOCK, _replica().lock:
        try:
            change = update_change(_replica().memory, update, **options)
        except SyntaxError as exc:
            return problem(400, f"malformed update: {exc}")
        except OSError as exc:
            return problem(400, f"the update could not be applied: {exc}")
        failure = commit(change)
        if failure is not None:
            return failure
    return Response(status=204)


def _with_using(update: str, using: list[str], using_named: list[str]) -> str:
    """Add USING / USING NAMED clauses for the protocol's using-graph-uri parameters to each
    DELETE/INSERT … WHERE operation (the protocol's dataset for the update)."""
    import re

    clause = " ".join([f"USING <{g}>" for g in using] + [f"USING NAMED <{g}>" for g in using_named])
    return re.sub(r"\bWHERE\b", clause + " WHERE", update, flags=re.IGNORECASE)


def replace_graph(graph: ox.NamedNode | ox.DefaultGraph, quads: list[ox.Quad], *, merge: bool) -> Response | None:
    """Graph Store PUT (replace) or POST (merge) through the gate."""
    replica = _replica()
    with WRITE_LOCK, replica.lock:
        old = [] if merge else list(replica.memory.quads_for_pattern(None, None, None, graph))
        new = [ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads]
        existing = set(replica.memory.quads_for_pattern(None, None, None, graph)) if merge else set(old)
        change = Change(remove=[q for q in old if q not in set(new)], add=[q for q in new if q not in existing])
        failure = commit(change)
        if failure is not None:
            return failure
        if not merge and isinstance(graph, ox.NamedNode):
            for s in {id(x): x for x in (replica.durable.oxigraph, replica.memory)}.values():
                if not new:
                    s.add_graph(graph)
    return None


def delete_graph(graph: ox.NamedNode | ox.DefaultGraph) -> Response | None:
    """Graph Store DELETE through the gate."""
    replica = _replica()
    with WRITE_LOCK, replica.lock:
        old = list(replica.memory.quads_for_pattern(None, None, None, graph))
        failure = commit(Change(remove=old, add=[]))
        if failure is not None:
            return failure
        if isinstance(graph, ox.NamedNode):
            for s in {id(x): x for x in (replica.durable.oxigraph, replica.memory)}.values():
                if s.contains_named_graph(graph):
                    s.remove_graph(graph)
    return None
