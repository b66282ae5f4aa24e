"""Checking and adding facts over HTTP: ``POST /validate`` and ``POST /facts``.

``/validate`` answers 200 with ``{"conforms": …, "results": […]}`` (or the SHACL report in Turtle
by Accept) whenever the body parses, 400 with line and column when it does not. ``/facts`` needs
the update token; it stores conforming facts as a new named graph (201, its IRI in ``Location``)
and refuses others with 422 and the report, the store untouched.
"""

from __future__ import annotations

import json

import rdflib
from flask import Blueprint, Response, current_app, request

from kutniti.graph.gate import GateRefused, context_for, submit_facts
from kutniti.graph.rdfio import RdfInputError, parse_bytes
from kutniti.graph.validate import validate
from kutniti.server import negotiation
from kutniti.server.auth import require_token
from kutniti.server.errors import problem
from kutniti.server.writes import refused

bp = Blueprint("facts", __name__)


def _data() -> rdflib.Dataset | Response:
    ctype = (request.mimetype or "").lower()
    fmt = negotiation.GRAPHS.get(ctype)
    if fmt is None:
        return problem(415, f"unsupported Content-Type {ctype or '(none)'}: send Turtle, TriG, N-Triples, "
                            "JSON-LD or RDF/XML")
    try:
        return parse_bytes(request.get_data(), fmt, name="body", base_iri=request.base_url)
    except RdfInputError as exc:
        return problem(400, str(exc))


@bp.route("/validate", methods=["POST"])
def validate_facts():
    data = _data()
    if isinstance(data, Response):
        return data
    replica = current_app.extensions["kutniti.replica"]
    triples = rdflib.Graph()
    for t in data:
        triples.add(t[:3])
    report = validate(triples, context=context_for(replica.memory, triples))
    if "text/turtle" in request.headers.get("Accept", ""):
        return Response(report.to_turtle(), mimetype="text/turtle")
    return Response(json.dumps(report.to_json(), ensure_ascii=False), mimetype="application/json")


@bp.route("/facts", methods=["POST"])
@require_token
def add_facts():
    data = _data()
    if isinstance(data, Response):
        return data
    replica = current_app.extensions["kutniti.replica"]
    extra = [replica.memory] if replica.memory is not replica.durable.oxigraph else []
    with replica.lock:
        try:
            graph = submit_facts(replica.durable, data, who=request.headers.get("X-Kutniti-Author", "token holder"),
                                 source=request.args.get("source") or request.headers.get("X-Kutniti-Source"),
                                 extra_stores=extra)
        except GateRefused as exc:
            return refused(exc.report)
        replica.generation += 1
    resp = Response(json.dumps({"graph": graph}), status=201, mimetype="application/json")
    resp.headers["Location"] = graph
    return resp
