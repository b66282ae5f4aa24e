"""The SPARQL 1.1 Protocol endpoint at ``/sparql``: query by GET, form POST and direct POST;
update by form POST and direct POST (with the update token); the service description on a GET
without a query.

The default graph of a query is the union of all named graphs plus the store's default graph
(kutniti keeps every fact in the named graph of its origin), unless the request names a dataset
(``default-graph-uri`` / ``named-graph-uri``, or ``FROM`` in the query).
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request

from kutniti.server import negotiation
from kutniti.server.auth import require_token
from kutniti.server.errors import problem
from kutniti.server.executor import QueryFailed, QueryTimeout, execute
from kutniti.server.safety import check
from kutniti.server.sparql_text import has_keyword
from kutniti.server.writes import apply_update

bp = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
#: A graph name that holds nothing: the default graph of a dataset that names only named graphs.
EMPTY_GRAPH = "urn:kutniti:empty"


def replica():
    return current_app.extensions["kutniti.replica"]


def _params() -> tuple[dict[str, list[str]], str | None, str | None]:
    """(parameters, query, update) from the request, or raise ValueError with the reason."""
    params: dict[str, list[str]] = {}
    for k, v in request.args.items(multi=True):
        params.setdefault(k, []).append(v)
    query = update = None
    if request.method == "POST":
        ctype = (request.mimetype or "").lower()
        charset = (request.mimetype_params.get("charset") or "utf-8").lower()
        if charset not in ("utf-8", "utf8"):
            raise ValueError(f"the body must be UTF-8, not {charset}")
        if ctype == FORM:
            for k, v in request.form.items(multi=True):
                params.setdefault(k, []).append(v)
        elif ctype == "application/sparql-query":
            query = _body_text()
        elif ctype == "application/sparql-update":
            update = _body_text()
        else:
            raise ValueError(f"unsupported Content-Type {ctype or '(none)'}: send application/sparql-query, "
                             f"application/sparql-update or {FORM}")
    if query is None and "query" in params:
        if len(params["query"]) > 1:
            raise ValueError("more than one 'query' parameter")
        query = params["query"][0]
    if update is None and "update" in params:
        if len(params["update"]) > 1:
            raise ValueError("more than one 'update' parameter")
        update = params["update"][0]
    if query is not None and update is not None:
        raise ValueError("a request carries either a query or an update, not both")
    for name in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"):
        for iri in params.get(name, []):
            try:
                ox.NamedNode(iri)
            except ValueError as exc:
                raise ValueError(f"{name} must be an absolute IRI, not {iri!r} ({exc})") from None
    return params, query, update


def _body_text() -> str:
    data = request.get_data(cache=True)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"the body is not UTF-8 (byte {exc.start})") from None


@bp.route("/sparql", methods=["GET", "POST", "HEAD"])
def sparql():
    try:
        params, query, update = _params()
    except ValueError as exc:
        return problem(400, str(exc))
    if update is not None:
        if request.method != "POST":
            return problem(400, "updates are sent with POST, never GET")
        return _update(update, params)
    if query is None:
        if request.method == "POST":
            return problem(400, "no query: send a 'query' parameter or an application/sparql-query body")
        return service_description()
    return _query(query, params)


def _graph_names() -> frozenset[str]:
    return replica().graph_names()


def _iris(params: dict, name: str) -> list[ox.NamedNode]:
    """The IRIs of the parameter ``name``; ValueError naming the one that is not an IRI."""
    out = []
    for value in params.get(name, []):
        try:
            out.append(ox.NamedNode(value))
        except ValueError as exc:
            raise ValueError(f"{name} must be an absolute IRI, not {value!r} ({exc})") from None
    return out


def _dataset(query: str, params: dict) -> dict:
    """The dataset options for Oxigraph: the protocol's ``default-graph-uri`` /
    ``named-graph-uri`` (which override ``FROM`` in the query), else the query's own ``FROM``,
    else the union of every graph as the default graph and every named graph as named."""
    default, named = _iris(params, "default-graph-uri"), _iris(params, "named-graph-uri")
    if default or named:
        # a dataset with no default graph given has an empty one
        return {"default_graph": default or [ox.NamedNode(EMPTY_GRAPH)], "named_graphs": named}
    if has_keyword(query, "FROM"):
        return {}
    return {"use_default_graph_as_union": True}


def _query(query: str, params: dict) -> Response:
    cfg = current_app.config
    problem_text = check(query, graphs=_graph_names(), allow_service=tuple(cfg["ALLOW_SERVICE"]))
    if problem_text:
        return problem(400, problem_text)
    formats = negotiation.result_formats(request.accept_mimetypes, request.args.get("format")
                                         or request.form.get("format"))
    try:
        options: dict = {"base_iri": request.base_url, **_dataset(query, params)}
    except ValueError as exc:
        return problem(400, str(exc))
    fmts = {k: v for k, v in formats.items()}
    if any(v is None for v in fmts.values()):
        # answer what can be answered; refuse only when the query form's format is missing
        fallback = {"solutions": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
                    "boolean": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
                    "graph": (ox.RdfFormat.TURTLE, "text/turtle")}
        missing = [k for k, v in fmts.items() if v is None]
        fmts = {k: v or fallback[k] for k, v in fmts.items()}
    else:
        missing = []
    try:
        answer = execute(replica(), query, options, fmts, timeout=float(cfg["QUERY_TIMEOUT"]),
                         max_rows=int(cfg["MAX_ROWS"]))
    except SyntaxError as exc:
        return problem(400, f"malformed query: {exc}")
    except QueryTimeout as exc:
        return problem(503, f"{exc}; narrow it down (a LIMIT, more specific patterns) and try again")
    except QueryFailed as exc:
        return problem(400, f"the query could not be evaluated: {exc}")
    if answer.kind in missing:
        return problem(406, "none of the media types in Accept can carry this result; use JSON, XML, CSV or TSV "
                            "for SELECT/ASK and Turtle, N-Triples, RDF/XML, JSON-LD or TriG for CONSTRUCT/DESCRIBE")
    resp = Response(answer.body if request.method != "HEAD" else b"", mimetype=answer.media_type)
    if answer.media_type.startswith("text/") or "json" in answer.media_type or "xml" in answer.media_type:
        resp.headers["Content-Type"] = f"{answer.media_type}; charset=utf-8"
    resp.headers["Vary"] = "Accept"
    if answer.rows and answer.rows >= int(cfg["MAX_ROWS"]):
        resp.headers["X-Kutniti-Truncated"] = f"results cut at {cfg['MAX_ROWS']} rows"
    return resp


@require_token
def _update(update: str, params: dict) -> Response:
    cfg = current_app.config
    problem_text = check(update, graphs=_graph_names(), allow_service=tuple(cfg["ALLOW_SERVICE"]))
    if problem_text:
        return problem(400, problem_text)
    try:  # checked as IRIs before they are written into the update text
        using = [g.value for g in _iris(params, "using-graph-uri")]
        using_named = [g.value for g in _iris(params, "using-named-graph-uri")]
    except ValueError as exc:
        return problem(400, str(exc))
    if (using or using_named) and has_keyword(update, "USING", "WITH"):
        return problem(400, "using-graph-uri/using-named-graph-uri cannot be combined with USING or WITH in the update")
    return apply_update(update, using=using, using_named=using_named, base_iri=request.base_url)


def service_description() -> Response:
    """The SPARQL 1.1 Service Description of this endpoint, as Turtle (or per Accept)."""
    url = request.base_url
    ttl = f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .
<{url}> a sd:Service ;
    sd:endpoint <{url}> ;
    sd:supportedLanguage sd:SPARQL11Query , sd:SPARQL11Update ;
    sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON> ,
        <http://www.w3.org/ns/formats/SPARQL_Results_XML> , <http://www.w3.org/ns/formats/SPARQL_Results_CSV> ,
        <http://www.w3.org/ns/formats/SPARQL_Results_TSV> , <http://www.w3.org/ns/formats/Turtle> ,
        <http://www.w3.org/ns/formats/N-Triples> , <http://www.w3.org/ns/formats/RDF_XML> ,
        <http://www.w3.org/ns/formats/JSON-LD> , <http://www.w3.org/ns/formats/TriG> ;
    sd:feature sd:UnionDefaultGraph ;
    sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"""
    media = negotiation.choose(request.accept_mimetypes, request.args.get("format"), negotiation.GRAPHS,
                               negotiation.GRAPH_NAMES, "text/turtle") or "text/turtle"
    if media != "text/turtle":
        quads = list(ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE))
        body = ox.serialize(quads, format=negotiation.GRAPHS[media])
    else:
        body = ttl.encode()
    return Response(body, mimetype=media)
