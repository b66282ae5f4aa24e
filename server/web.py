"""The pages: the query page (``/``), things (``/id/<slug>``), documents (``/doc/<stem>``), the
ontology (``/ontology``) and the dataset description (``/.well-known/void``).

Every ``kid:`` IRI dereferences at ``/id/<slug>``: HTML for browsers, Turtle, JSON-LD or
N-Triples by ``Accept`` (or ``?format=``), answered directly with ``Vary: Accept`` (no redirect).
Pages are rendered on the server from the store, so they work without JavaScript and their URLs
can be shared; every value from the data is escaped by the templates. Each page links to its
data in machine formats (and names them in ``<link rel="alternate">``). What a page shows is
looked up in a query worker (:mod:`kutniti.server.lookups`), with the query time limit: a page
whose lookup is cut off answers 503 and says so. A thing's events come a page at a time
(``?events=<offset>``).
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, render_template, request

from kutniti.graph.namespaces import KID, SPARQL_PREFIXES
from kutniti.server import describe, negotiation, results
from kutniti.server.executor import QueryFailed, QueryTimeout, lookup
from kutniti.server.hints import Problem, explain
from kutniti.server.pictures import network_svg, timeline_svg

bp = Blueprint("web", __name__, static_folder="static", template_folder="templates")

_SLUG = re.compile(r"^[A-Za-z0-9_-]{1,200}$")
DEFAULT_QUERY = SPARQL_PREFIXES + """
SELECT ?event ?class ?date ?quote WHERE {
  ?event a ?class ; dip:evidence/dip:quote ?quote .
  ?class rdfs:subClassOf* dip:Event .
  OPTIONAL { ?event dip:date ?date }
} ORDER BY ?date LIMIT 50
"""
#: Download links on the query page, by query form: (label, ``format=`` name of ``/sparql``).
DOWNLOADS = {
    "solutions": [("JSON", "json"), ("XML", "xml"), ("CSV", "csv"), ("TSV", "tsv")],
    "boolean": [("JSON", "json"), ("XML", "xml")],
    "graph": [("Turtle", "turtle"), ("N-Triples", "nt"), ("JSON-LD", "jsonld"), ("RDF/XML", "rdfxml"),
              ("TriG", "trig")],
}
#: Machine formats of a thing's description: (label, ``format=`` name, media type).
THING_FORMATS = [("Turtle", "ttl", "text/turtle"), ("JSON-LD", "jsonld", "application/ld+json"),
                 ("N-Triples", "nt", "application/n-triples")]
#: Rows shown at a time in the page's result table (``?offset=`` pages on; downloads are not cut).
PAGE_ROWS = 500


@bp.record_once
def _compile_templates(state) -> None:
    """Compile the pages' templates and load the canned queries when the app is made, so that the
    first visitor does not wait for it."""
    from kutniti.queries import load_queries

    load_queries()
    for name in ("base.html", "index.html", "entity.html", "document.html", "ontology.html", "notfound.html"):
        state.app.jinja_env.get_template(name)


def _replica():
    return current_app.extensions["kutniti.replica"]


def _lookup(name: str, *args):
    """A page lookup run in a query worker with the query time limit; a lookup cut off (or
    failed) ends the request with 503 and the reason."""
    try:
        return lookup(_replica(), name, *args, timeout=float(current_app.config["QUERY_TIMEOUT"]))
    except (QueryTimeout, QueryFailed) as exc:
        abort(Response(f"this page could not be made in time: {exc}. The graph may be too large for this page; "
                       "its data (?format=ttl) or a narrower query on the query page (/) may answer\n",
                       status=503, mimetype="text/plain", headers={"Retry-After": "10"}))


def _labeller(terms) -> dict[str, str]:
    iris = tuple(dict.fromkeys(t.value for t in terms if isinstance(t, ox.NamedNode)))
    return _lookup("labels", iris) if iris else {}


@bp.get("/")
def index():
    from kutniti.queries import get_query, load_queries

    canned = list(load_queries().values())
    query = request.args.get("query")
    problem = current = None
    values = {k: v for k, v in request.args.items() if k not in ("name", "query", "offset")}
    name = request.args.get("name")
    if name and not query:
        try:
            current = get_query(name)
            query = current.bind(values)
        except KeyError:
            problem = Problem(f"there is no canned query named {name!r}; the list below has every one")
        except ValueError as exc:
            query = current.text
            problem = Problem(f"parameter of {name!r}: {exc}")
    answer = None
    offset = request.args.get("offset", "0")
    if not offset.isdigit():
        problem = Problem(f"'offset' is the first row to show, a whole number, not {offset!r}")
    if query and not problem:
        from kutniti.server.safety import check

        refusal = check(query, graphs=_replica().graph_names(),
                        allow_service=tuple(current_app.config["ALLOW_SERVICE"]))
        if refusal:
            problem = Problem(refusal)
        else:
            answer, problem = _run_for_page(query, int(offset))
    status = 400 if problem and (query or name) else 200
    return render_template("index.html", query=query or DEFAULT_QUERY, canned=canned, current=current,
                           values=values, answer=answer, problem=problem, downloads=DOWNLOADS,
                           entities=_lookup("entity_choices")), status


def _run_for_page(query: str, offset: int = 0):
    """Run a query for the page through the same executor as the endpoint (time limit included):
    (answer for the template, None) or (None, problem). The answer holds ``PAGE_ROWS`` rows from
    ``offset`` on, with links to the pages before and after."""
    from kutniti.server.executor import execute

    formats = {"solutions": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
               "boolean": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
               "graph": (ox.RdfFormat.N_TRIPLES, "application/n-triples")}
    cfg = current_app.config
    try:
        # one row more than shown, to know whether a next page exists
        ans = execute(current_app.extensions["kutniti.replica"], query, {"use_default_graph_as_union": True},
                      formats, timeout=float(cfg["QUERY_TIMEOUT"]),
                      max_rows=min(int(cfg["MAX_ROWS"]), offset + PAGE_ROWS + 1))
    except SyntaxError as exc:
        return None, explain(query, str(exc))
    except (QueryTimeout, QueryFailed) as exc:
        return None, Problem(str(exc))
    if ans.kind == "boolean":
        return {"kind": "boolean", "variables": ["answer"],
                "rows": [[{"text": str(json.loads(ans.body)["boolean"]).lower()}]], **_pages(0, 1, 1)}, None
    if ans.kind == "graph":
        found = list(ox.parse(ans.body, format=ox.RdfFormat.N_TRIPLES))
        shown = found[offset:offset + PAGE_ROWS]
        return {"kind": "graph", "variables": ["subject", "predicate", "object"],
                "rows": results.triples(_labeller, shown), **_pages(offset, len(shown), len(found))}, None
    data = json.loads(ans.body)
    bindings = data["results"]["bindings"]
    shown = bindings[offset:offset + PAGE_ROWS]
    variables, rows = results.solutions(_labeller, data["head"]["vars"], shown, _lookup("documents"))
    return {"kind": "solutions", "variables": variables, "rows": rows,
            **_pages(offset, len(shown), len(bindings))}, None


def _pages(offset: int, shown: int, answered: int) -> dict:
    """Where this page of results starts and ends, and the URLs of the pages before and after
    (this page's own URL with another ``offset``)."""
    def at(start: int) -> str:
        args = [(k, v) for k, v in request.args.items(multi=True) if k != "offset"]
        return "?" + urlencode(args + ([("offset", str(start))] if start else []))

    more = answered > offset + shown and shown > 0
    return {"first": offset + 1 if shown else offset, "last": offset + shown,
            "previous": at(max(0, offset - PAGE_ROWS)) if offset else None,
            "next": at(offset + PAGE_ROWS) if more else None}


def _with_vary(resp: Response) -> Response:
    resp.headers["Vary"] = "Accept"
    return resp


@bp.get("/id/<slug>")
def entity(slug: str):
    if not _SLUG.match(slug):
        return _not_found(f"kid:{slug}")
    node = ox.NamedNode(str(KID) + slug)
    if not any(True for _ in _replica().memory.quads_for_pattern(node, None, None, None)):
        return _not_found(f"kid:{slug}")
    media = negotiation.choose(request.accept_mimetypes, request.args.get("format"),
                               {"text/html": None, **negotiation.GRAPHS},
                               {**negotiation.GRAPH_NAMES, "html": "text/html"}, "text/html")
    if media is None:
        return _with_vary(Response(
            "no format of this page fits the request; ask for text/html, text/turtle, application/ld+json "
            "or application/n-triples (or add ?format=ttl|jsonld|nt)\n", status=406, mimetype="text/plain"))
    if media != "text/html":
        body = _lookup("entity_data", node.value, media)
        if body is None:
            return _not_found(f"kid:{slug}")
        return _with_vary(Response(body, mimetype=media))
    offset = request.args.get("events", "0")
    if not offset.isdigit():
        return Response(f"'events' is where the list of events starts, a whole number, not {offset!r}\n",
                        status=400, mimetype="text/plain")
    data = _lookup("entity", node.value, int(offset), int(current_app.config["PAGE_EVENTS"]))
    if data is None:
        return _not_found(f"kid:{slug}")
    return _with_vary(Response(_entity_page(node, slug, data), mimetype="text/html"))


def _entity_page(node: ox.NamedNode, slug: str, data: dict) -> str:
    events, label = data["events"], data["label"]
    timeline = timeline_svg([{"date": e["date"], "end": e["end"], "cls": e["cls"], "href": e["href"],
                              "title": f"{e['date']}{'–' + e['end'] if e['end'] else ''} {e['cls']}: "
                                       + ", ".join(w["text"] for w in e["who"])} for e in events if e["date"]])
    stem = describe.doc_stem(node.value) if "dip:SourceDocument" in data["kinds"] else None
    step = data["limit"]
    offset, total = data["offset"], data["events_total"]
    pages = {"first": offset + 1 if events else offset, "last": offset + len(events), "total": total,
             "previous": max(0, offset - step) if offset else None,
             "next": offset + step if offset + step < total else None}
    return render_template(
        "entity.html", iri=node.value, slug=slug, label=label, bengali=data["names"].get("bn"), kinds=data["kinds"],
        facts=data["facts"], evidence=data["evidence"], referrers=data["referrers"], events=events,
        undated=sum(1 for e in events if not e["date"]), timeline=timeline, partners=data["partners"],
        network=network_svg(label, data["partners"]), doc_stem=stem, formats=THING_FORMATS, pages=pages)


def _not_found(name: str) -> Response:
    """A 404 that helps: things with a similar name, and where to look."""
    slug = name.split(":", 1)[-1].lower()
    close = _lookup("suggestions", slug) if slug else []
    return Response(render_template("notfound.html", name=name, suggestions=close), status=404)


@bp.get("/doc/<stem>")
def document(stem: str):
    if not _SLUG.match(stem):
        return _not_found(f"/doc/{stem}")
    doc = _lookup("document", stem)
    if doc is None:
        docs = sorted(_lookup("documents").items())
        return Response(render_template("notfound.html", name=f"/doc/{stem}", documents=docs), status=404)
    return render_template("document.html", stem=stem, doc=doc, formats=THING_FORMATS)


@bp.get("/ontology")
def ontology():
    from kutniti.ontology import ontology_path

    media = negotiation.choose(request.accept_mimetypes, request.args.get("format"),
                               {"text/html": None, "text/turtle": None}, {"ttl": "text/turtle", "html": "text/html"},
                               "text/html")
    if media == "text/turtle":
        return _with_vary(Response(ontology_path().read_bytes(), mimetype="text/turtle"))
    if media is None:
        return _with_vary(Response("the ontology is served as text/html or text/turtle (?format=ttl)\n",
                                   status=406, mimetype="text/plain"))
    sections = _lookup("ontology")
    return _with_vary(Response(render_template("ontology.html", sections=sections), mimetype="text/html"))


@bp.get("/.well-known/void")
def void():
    counts = _lookup("void")
    base = request.host_url.rstrip("/")
    lines = [
        "@prefix void: <http://rdfs.org/ns/void#> .", "@prefix dcterms: <http://purl.org/dc/terms/> .", "",
        f"<{base}/.well-known/void#kutniti> a void:Dataset ;",
        '    dcterms:title "kutniti: North Korea\'s foreign relations, read from Bengali text"@en ;',
        f"    void:sparqlEndpoint <{base}/sparql> ;",
        f"    void:uriSpace \"{KID}\" ;",
        f"    void:exampleResource <{KID}north-korea> ;",
        f"    void:triples {counts['quads']} ;", f"    void:entities {counts['entities']} ;",
        f"    void:classes {counts['classes']} ;",
        "    void:vocabulary <https://w3id.org/kutniti/ontology#> .", "",
    ]
    for g, n in counts["graphs"].items():
        if g:
            lines.append(f"<{base}/.well-known/void#kutniti> void:subset [ a void:Dataset ; "
                         f"dcterms:identifier \"{g}\" ; void:triples {n} ] .")
    body = "\n".join(lines) + "\n"
    media = negotiation.choose(request.accept_mimetypes, request.args.get("format"), negotiation.GRAPHS,
                               negotiation.GRAPH_NAMES, "text/turtle") or "text/turtle"
    if media != "text/turtle":
        body = ox.serialize(list(ox.parse(body.encode(), format=ox.RdfFormat.TURTLE)), format=negotiation.GRAPHS[media])
    return _with_vary(Response(body, mimetype=media))
