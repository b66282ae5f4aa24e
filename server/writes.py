"""Writes over HTTP — SPARQL Update, Graph Store, facts — all through the shape gate.

Each write computes its change, checks it with :mod:`kutniti.graph.gate` and applies it to the
durable store and the in-memory copy under one lock; a refused write answers 422 with the report
and changes nothing.
"""

from __future__ import annotations

import json

import pyoxigraph as ox
from flask import Response, current_app, request

from kutniti.graph.gate import Change, apply_change, check_change, update_change
from kutniti.server.errors import problem
from kutniti.server.sparql_text import add_using


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
    apply_change(replica.stores(), change)
    replica.durable.flush()
    replica.generation += 1
    return None


def apply_update(update: str, *, using=(), using_named=(), base_iri=None) -> Response:
    """Run a SPARQL update through the gate. ``using`` / ``using_named`` are the protocol's
    ``using-graph-uri`` / ``using-named-graph-uri``."""
    options: dict = {"base_iri": base_iri} if base_iri else {}
    if using or using_named:
        update = add_using(update, list(using), list(using_named))
    with _replica().writing():
        try:
            change = update_change(_replica().memory, update, **options)
        except SyntaxError as exc:
            return problem(400, f"malformed update: {exc}")
        except (OSError, RuntimeError, ValueError) as exc:
            # e.g. DROP GRAPH (without SILENT) of a graph that does not exist
            return problem(400, f"the update could not be applied, nothing was changed: {exc}")
        failure = commit(change)
        if failure is not None:
            return failure
    return Response(status=204)


def replace_graph(graph: ox.NamedNode | ox.DefaultGraph, quads: list[ox.Quad], *, merge: bool) -> Response | None:
    """Graph Store PUT (replace) or POST (merge) through the gate. Blank nodes of the body are
    new nodes: they are never merged with blank nodes already in the graph."""
    replica = _replica()
    with replica.writing():
        existing = set(replica.memory.quads_for_pattern(None, None, None, graph))
        new = {ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads}
        change = Change(remove=[] if merge else sorted(existing - new, key=str),
                        add=sorted(new - existing, key=str))
        if isinstance(graph, ox.NamedNode) and not replica.memory.contains_named_graph(graph):
            change.new_graphs.append(graph)
        return commit(change)


def delete_graph(graph: ox.NamedNode | ox.DefaultGraph) -> Response | None:
    """Graph Store DELETE through the gate: the graph's triples, and the graph itself when named."""
    replica = _replica()
    with replica.writing():
        change = Change(remove=list(replica.memory.quads_for_pattern(None, None, None, graph)), add=[])
        if isinstance(graph, ox.NamedNode):
            change.drop_graphs.append(graph)
        return commit(change)
