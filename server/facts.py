"""Checking and adding facts over HTTP: ``POST /validate`` and ``POST /facts``.

Bodies are RDF (Turtle, TriG, N-Triples, JSON-LD, RDF/XML) or a table of facts (``text/csv``,
``text/tab-separated-values``; see :mod:`kutniti.loaders.table`). ``/validate`` answers 200 with
``{"conforms": …, "results": […]}`` (or the SHACL report in Turtle by Accept) whenever the body
can be read, 400 with line and column (or row and column) when it cannot. ``/facts`` needs the
update token; it stores conforming facts as a new named graph (201, its IRI in ``Location``) with
the token's name as who sent them, and refuses others with 422 and the report, the store
untouched. Every problem says the line of the body where its thing was written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

import rdflib
from flask import Blueprint, Response, current_app, request

from kutniti.graph.gate import WRITE_LOCK, GateRefused, check_facts, submit_facts
from kutniti.graph.rdfio import RdfInputError, parse_bytes
from kutniti.graph.validate import locate, triples_of
from kutniti.loaders.table import TableError, read_table
from kutniti.server import negotiation
from kutniti.server.auth import require_token, token_name
from kutniti.server.errors import problem
from kutniti.server.writes import refused

bp = Blueprint("facts", __name__)

TABLES = {"text/csv": ",", "text/tab-separated-values": "\t"}


@dataclass
class Submission:
    """The facts of a request body, and where in the body each thing was written."""

    graph: rdflib.Graph
    where: Callable[[str], tuple[str | None, int | None]]


def _submission() -> Submission | Response:
    ctype = (request.mimetype or "").lower()
    body = request.get_data()
    if ctype in TABLES:
        replica = current_app.extensions["kutniti.replica"]
        try:
            table = read_table(body, "body", store=replica.memory, delimiter=TABLES[ctype])
        except TableError as exc:
            return problem(400, str(exc))
        return Submission(table.graph, table.where)
    fmt = negotiation.GRAPHS.get(ctype)
    if fmt is None:
        return problem(415, f"unsupported Content-Type {ctype or '(none)'}: send Turtle, TriG, N-Triples, "
                            "JSON-LD, RDF/XML, or a CSV/TSV table of facts")
    try:
        data = parse_bytes(body, fmt, name="body", base_iri=request.base_url)
    except RdfInputError as exc:
        return problem(400, str(exc))
    text = body.decode("utf-8")
    return Submission(triples_of(data), lambda iri: locate({"body": text}, iri))


@bp.route("/validate", methods=["POST"])
def validate_facts():
    sub = _submission()
    if isinstance(sub, Response):
        return sub
    replica = current_app.extensions["kutniti.replica"]
    with WRITE_LOCK, replica.lock:  # a consistent view: no write half applied
        report = check_facts(replica.memory, sub.graph).place(sub.where)
    if "text/turtle" in request.headers.get("Accept", ""):
        return Response(report.to_turtle(), mimetype="text/turtle")
    return Response(json.dumps(report.to_json(), ensure_ascii=False), mimetype="application/json")


@bp.route("/facts", methods=["POST"])
@require_token
def add_facts():
    sub = _submission()
    if isinstance(sub, Response):
        return sub
    replica = current_app.extensions["kutniti.replica"]
    with replica.writing():
        extra = replica.stores()[1:]
        try:
            graph = submit_facts(replica.durable, sub.graph, who=token_name() or "operator",
                                 source=request.args.get("source") or request.headers.get("X-Kutniti-Source"),
                                 extra_stores=extra, where=sub.where)
        except GateRefused as exc:
            return refused(exc.report)
        replica.generation += 1
    resp = Response(json.dumps({"graph": graph, "triples": len(sub.graph)}), status=201, mimetype="application/json")
    resp.headers["Location"] = graph
    return resp
