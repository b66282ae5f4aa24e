"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/store``: GET, HEAD, PUT, POST, DELETE, with
``?graph=IRI``, ``?default``, or the request URL itself as the graph (direct identification).

``?default`` is the store's own default graph (a build puts every triple in a named graph, so it
holds only what was written to it). ``GET /store`` exports the whole store: with a quad format
(TriG, N-Quads, JSON-LD; TriG by default) every graph keeps its name, with a triple format
(``Accept: text/turtle``) the graphs are merged into one — the default graph queries see.
"""

from __future__ import annotations

import uuid

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request

from kutniti.graph.store import QUAD_FORMATS
from kutniti.graph.rdfio import RdfInputError, check_untrusted
from kutniti.server import negotiation
from kutniti.server.auth import require_token
from kutniti.server.errors import problem
from kutniti.server.writes import delete_graph, replace_graph

bp = Blueprint("gsp", __name__)


def _graph() -> ox.NamedNode | ox.DefaultGraph | None | str:
    """The graph the request is about (None: the whole store), or a string saying what is wrong."""
    if "default" in request.args:
        return ox.DefaultGraph()
    g = request.args.get("graph")
    if g is not None:
        if len(request.args.getlist("graph")) > 1:
            return "more than one 'graph' parameter"
        try:
            return ox.NamedNode(g)
        except ValueError as exc:
            return f"the 'graph' parameter must be an absolute IRI: {g!r}: {exc}"
    if request.path.rstrip("/") != "/store":
        return ox.NamedNode(request.base_url)  # direct identification
    return None


def _memory() -> ox.Store:
    return current_app.extensions["kutniti.replica"].memory


@bp.route("/store", methods=["GET", "HEAD", "PUT", "POST", "DELETE"])
@bp.route("/store/<path:rest>", methods=["GET", "HEAD", "PUT", "POST", "DELETE"])
def store(rest: str | None = None):
    graph = _graph()
    if isinstance(graph, str):
        return problem(400, graph)
    if request.method in ("GET", "HEAD"):
        return _get(graph)
    return _write(graph)


def _get(graph) -> Response:
    mem = _memory()
    media = negotiation.choose(request.accept_mimetypes, request.args.get("format"), negotiation.GRAPHS,
                               negotiation.GRAPH_NAMES, "text/turtle" if graph is not None else "application/trig")
    if media is None:
        return problem(406, "ask for Turtle, N-Triples, RDF/XML, JSON-LD, TriG or N-Quads")
    fmt = negotiation.GRAPHS[media]
    if graph is None and fmt in QUAD_FORMATS:
        body = ox.serialize(list(mem), format=fmt)
    elif graph is None:  # a triple format: every graph merged into one
        body = ox.serialize({ox.Triple(q.subject, q.predicate, q.object) for q in mem}, format=fmt)
    else:
        if isinstance(graph, ox.NamedNode) and not mem.contains_named_graph(graph):
            return problem(404, f"no graph <{graph.value}> in the store")
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in mem.quads_for_pattern(None, None, None, graph)]
        if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
            body = ox.serialize([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples], format=fmt)
        else:
            body = ox.serialize(triples, format=fmt)
    resp = Response(body if request.method == "GET" else b"", mimetype=media)
    resp.headers["Content-Type"] = f"{media}; charset=utf-8"
    if request.method == "HEAD":
        resp.headers["Content-Length"] = str(len(body))
    return resp


@require_token
def _write(graph) -> Response:
    if request.method == "DELETE":
        if graph is None:
            return problem(400, "say which graph: ?graph=IRI or ?default")
        if isinstance(graph, ox.NamedNode) and not _memory().contains_named_graph(graph):
            return problem(404, f"no graph <{graph.value}> in the store")
        failure = delete_graph(graph)
        return failure or Response(status=204)
    try:
        quads = _body_quads()
    except ValueError as exc:
        return problem(400, str(exc))
    except LookupError as exc:
        return problem(415, str(exc))
    created = False
    location = None
    if graph is None:
        if request.method != "POST":
            return problem(400, "PUT needs a graph: ?graph=IRI or ?default")
        graph = ox.NamedNode(f"{request.host_url.rstrip('/')}/store/graph-{uuid.uuid4().hex[:12]}")
        created, location = True, graph.value
    elif isinstance(graph, ox.NamedNode):
        created = not _memory().contains_named_graph(graph)
    failure = replace_graph(graph, quads, merge=request.method == "POST")
    if failure is not None:
        return failure
    resp = Response(status=201 if created else 204)
    if location:
        resp.headers["Location"] = location
    return resp


def _body_quads() -> list[ox.Quad]:
    """The quads of the request body; a ``multipart/form-data`` body is one RDF document per
    part (a part without a known Content-Type is read as Turtle)."""
    ctype = (request.mimetype or "").lower()
    if ctype == "multipart/form-data":
        quads = []
        for name, f in request.files.items(multi=True):
            quads += _parse(f.read(), _part_format(name, (f.mimetype or "").lower()), where=f"part {name!r}: ")
        for name, text in request.form.items(multi=True):
            quads += _parse(text.encode("utf-8"), ox.RdfFormat.TURTLE, where=f"part {name!r}: ")
        return quads
    fmt = negotiation.GRAPHS.get(ctype)
    if fmt is None:
        raise LookupError(f"unsupported Content-Type {ctype or '(none)'}: send Turtle, N-Triples, RDF/XML, "
                          "JSON-LD or TriG")
    return _parse(request.get_data(), fmt)


def _part_format(name: str, media: str) -> ox.RdfFormat:
    if media in ("", "application/octet-stream"):
        return ox.RdfFormat.TURTLE
    if media not in negotiation.GRAPHS:
        raise LookupError(f"part {name!r}: unsupported Content-Type {media}: send Turtle, N-Triples, RDF/XML, "
                          "JSON-LD or TriG")
    return negotiation.GRAPHS[media]


def _parse(data: bytes, fmt, where: str = "") -> list[ox.Quad]:
    try:
        check_untrusted(data, fmt, "the body")
    except RdfInputError as exc:
        raise ValueError(str(exc)) from None
    try:
        return list(ox.parse(data, format=fmt, base_iri=request.base_url))
    except SyntaxError as exc:
        raise ValueError(f"{where}the body does not parse: {exc}") from None
