"""The pages: the query page (``/``), things (``/id/<slug>``), documents (``/doc/<stem>``), the
ontology (``/ontology``) and the dataset description (``/.well-known/void``).

Every ``kid:`` IRI dereferences at ``/id/<slug>``: HTML for browsers, Turtle, JSON-LD or
N-Triples by ``Accept`` (or ``?format=``), answered directly with ``Vary: Accept`` (no redirect).
Pages are rendered on the server from the store, so they work without JavaScript and their URLs
can be shared; every value from the data is escaped by the templates. Each page links to its
data in machine formats (and names them in ``<link rel="alternate">``).
"""

from __future__ import annotations

import json
import re

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request

from kutniti.graph.namespaces import DIP, KID, ONTOLOGY_GRAPH, SPARQL_PREFIXES
from kutniti.graph.validate import compact
from kutniti.server import describe, negotiation, results
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
#: Rows shown in the page's result table (downloads are not cut to this).
PAGE_ROWS = 5000


@bp.record_once
def _compile_templates(state) -> None:
    """Compile the pages' templates and load the canned queries when the app is made, so that the
    first visitor does not wait for it."""
    from kutniti.queries import load_queries

    load_queries()
    for name in ("base.html", "index.html", "entity.html", "document.html", "ontology.html", "notfound.html"):
        state.app.jinja_env.get_template(name)


def _memory() -> ox.Store:
    return current_app.extensions["kutniti.replica"].memory


def _q(sparql: str, **terms):
    return describe.query(_memory(), sparql, **terms)


@bp.get("/")
def index():
    from kutniti.queries import get_query, load_queries

    canned = list(load_queries().values())
    query = request.args.get("query")
    problem = current = None
    values = {k: v for k, v in request.args.items() if k not in ("name", "query")}
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
    if query and not problem:
        from kutniti.server.safety import check

        refusal = check(query, graphs=set(current_app.extensions["kutniti.store"].named_graphs()),
                        allow_service=tuple(current_app.config["ALLOW_SERVICE"]))
        if refusal:
            problem = Problem(refusal)
        else:
            answer, problem = _run_for_page(query)
    status = 400 if problem and (query or name) else 200
    return render_template("index.html", query=query or DEFAULT_QUERY, canned=canned, current=current,
                           values=values, answer=answer, problem=problem, downloads=DOWNLOADS,
                           entities=_entity_choices()), status


def _entity_choices() -> list[tuple[str, str]]:
    """Things a parameter may name, for the form fields' suggestions: (``kid:`` name, label)."""
    rows = _q("""SELECT ?x (SAMPLE(?l) AS ?label) WHERE { ?x a ?t ; rdfs:label ?l . FILTER(LANG(?l) = "en")
                 VALUES ?t { dip:Country dip:Person dip:Organization dip:City } } GROUP BY ?x ORDER BY ?label""")
    return [(compact(r["x"].value), r["label"].value) for r in rows]


def _documents() -> dict[str, str]:
    """Document identifiers (file names) → their page, so result cells naming a document link to it."""
    return {r["id"].value: "/doc/" + describe.doc_stem(r["d"].value)
            for r in _q("SELECT ?d ?id WHERE { ?d a dip:SourceDocument ; dcterms:identifier ?id }")
            if describe.doc_stem(r["d"].value)}


def _run_for_page(query: str):
    """Run a query for the page through the same executor as the endpoint (time limit included):
    (answer for the template, None) or (None, problem)."""
    from kutniti.server.executor import QueryFailed, QueryTimeout, execute

    formats = {"solutions": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
               "boolean": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
               "graph": (ox.RdfFormat.N_TRIPLES, "application/n-triples")}
    cfg = current_app.config
    try:
        ans = execute(current_app.extensions["kutniti.replica"], query, {"use_default_graph_as_union": True},
                      formats, timeout=float(cfg["QUERY_TIMEOUT"]), max_rows=min(int(cfg["MAX_ROWS"]), PAGE_ROWS))
    except SyntaxError as exc:
        return None, explain(query, str(exc))
    except (QueryTimeout, QueryFailed) as exc:
        return None, Problem(str(exc))
    if ans.kind == "boolean":
        return {"kind": "boolean", "variables": ["answer"],
                "rows": [[{"text": str(json.loads(ans.body)["boolean"]).lower()}]]}, None
    if ans.kind == "graph":
        found = list(ox.parse(ans.body, format=ox.RdfFormat.N_TRIPLES))
        return {"kind": "graph", "variables": ["subject", "predicate", "object"],
                "rows": results.triples(_memory(), found)}, None
    data = json.loads(ans.body)
    variables, rows = results.solutions(_memory(), data["head"]["vars"], data["results"]["bindings"], _documents())
    return {"kind": "solutions", "variables": variables, "rows": rows}, None


def _with_vary(resp: Response) -> Response:
    resp.headers["Vary"] = "Accept"
    return resp


@bp.get("/id/<slug>")
def entity(slug: str):
    if not _SLUG.match(slug):
        return _not_found(f"kid:{slug}")
    node = ox.NamedNode(str(KID) + slug)
    if not any(True for _ in _memory().quads_for_pattern(node, None, None, None)):
        return _not_found(f"kid:{slug}")
    media = negotiation.choose(request.accept_mimetypes, request.args.get("format"),
                               {"text/html": None, **negotiation.GRAPHS},
                               {**negotiation.GRAPH_NAMES, "html": "text/html"}, "text/html")
    if media is None:
        return _with_vary(Response(
            "no format of this page fits the request; ask for text/html, text/turtle, application/ld+json "
            "or application/n-triples (or add ?format=ttl|jsonld|nt)\n", status=406, mimetype="text/plain"))
    if media != "text/html":
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in _memory().quads_for_pattern(node, None, None, None)]
        triples += [ox.Triple(q.subject, q.predicate, q.object) for q in _memory().quads_for_pattern(None, None, node, None)]
        body = ox.serialize(list(dict.fromkeys(triples)), format=negotiation.GRAPHS[media])
        return _with_vary(Response(body, mimetype=media))
    return _with_vary(Response(_entity_page(node, slug), mimetype="text/html"))


def _entity_page(node: ox.NamedNode, slug: str) -> str:
    store = _memory()
    names = {}
    for r in _q("SELECT ?l WHERE { ?x rdfs:label ?l }", x=node):
        names.setdefault(r["l"].language or "", r["l"].value)
    kinds = sorted({compact(r["t"].value) for r in _q("SELECT ?t WHERE { ?x a ?t }", x=node)})
    facts = describe.facts(store, node)
    label = names.get("en") or names.get("") or _name_from_facts(facts) or compact(node.value)
    events = describe.events(store, node)
    timeline = timeline_svg([{"date": e["date"], "end": e["end"], "cls": e["cls"], "href": e["href"],
                              "title": f"{e['date']}{'–' + e['end'] if e['end'] else ''} {e['cls']}: "
                                       + ", ".join(w["text"] for w in e["who"])} for e in events if e["date"]])
    partners = describe.relations(store, node) if "dip:Country" in kinds else []
    stem = describe.doc_stem(node.value) if "dip:SourceDocument" in kinds else None
    return render_template(
        "entity.html", iri=node.value, slug=slug, label=label, bengali=names.get("bn"), kinds=kinds,
        facts=facts, evidence=describe.evidence(store, [node]).get(node.value, []),
        referrers=describe.referrers(store, node), events=events, undated=sum(1 for e in events if not e["date"]),
        timeline=timeline, partners=partners, network=network_svg(label, partners), doc_stem=stem,
        formats=THING_FORMATS)


def _name_from_facts(facts) -> str | None:
    """A heading for a thing without a label (an event): its kind and date, e.g. "Visit 1985"."""
    first = {p["text"]: objs[0] for p, objs in facts}
    kind = first.get("rdf:type")
    if not kind:
        return None
    when = first.get("dip:date") or first.get("dip:startDate") or first.get("dip:signedOn") or {}
    name = kind.get("label") or kind["text"].split(":")[-1]
    return f"{name[:1].upper()}{name[1:]} {when.get('text', '')}".strip()


def _not_found(name: str) -> Response:
    """A 404 that helps: things with a similar name, and where to look."""
    import difflib

    slug = name.split(":", 1)[-1].lower()
    rows = _q(f'SELECT DISTINCT ?x WHERE {{ ?x a ?t FILTER(STRSTARTS(STR(?x), "{KID}") '
              f'&& !STRSTARTS(STR(?x), "{KID}evidence-")) }}')
    slugs = [r["x"].value[len(str(KID)):] for r in rows]
    close = difflib.get_close_matches(slug, slugs, n=5, cutoff=0.6) if slug else []
    return Response(render_template("notfound.html", name=name, suggestions=close), status=404)


@bp.get("/doc/<stem>")
def document(stem: str):
    if not _SLUG.match(stem):
        return _not_found(f"/doc/{stem}")
    doc = describe.document(_memory(), stem)
    if doc is None:
        docs = sorted(_documents().items())
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
    sections = []
    for title, kind in (("Classes", "owl:Class"), ("Object properties", "owl:ObjectProperty"),
                        ("Data properties", "owl:DatatypeProperty")):
        items = []
        for r in _q(f"""SELECT ?t (SAMPLE(?en) AS ?e) (SAMPLE(?bn) AS ?b) (SAMPLE(?c) AS ?cm)
            (GROUP_CONCAT(DISTINCT ?p; separator=" ") AS ?par) (SAMPLE(?d) AS ?dom) (SAMPLE(?rg) AS ?ran)
            WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?t a {kind} FILTER(STRSTARTS(STR(?t), STR(dip:)))
            OPTIONAL {{ ?t rdfs:label ?en FILTER(LANG(?en) = "en") }} OPTIONAL {{ ?t rdfs:label ?bn FILTER(LANG(?bn) = "bn") }}
            OPTIONAL {{ ?t rdfs:comment ?c FILTER(LANG(?c) = "en") }}
            OPTIONAL {{ ?t rdfs:subClassOf|rdfs:subPropertyOf ?p FILTER(isIRI(?p)) }}
            OPTIONAL {{ ?t rdfs:domain ?d FILTER(isIRI(?d)) }} OPTIONAL {{ ?t rdfs:range ?rg FILTER(isIRI(?rg)) }}
            }} }} GROUP BY ?t ORDER BY ?t"""):
            items.append({"name": r["t"].value[len(str(DIP)):], "en": r["e"].value if r["e"] else "",
                          "bn": r["b"].value if r["b"] else "", "comment": r["cm"].value if r["cm"] else "",
                          "parents": [_term_link(p) for p in r["par"].value.split()] if r["par"] else [],
                          "domain": _term_link(r["dom"].value) if r["dom"] else None,
                          "range": _term_link(r["ran"].value) if r["ran"] else None})
        sections.append((title, items))
    return _with_vary(Response(render_template("ontology.html", sections=sections), mimetype="text/html"))


def _term_link(iri: str) -> dict:
    """A term of a vocabulary: its prefixed name, linked to its row when it is one of ours."""
    return {"text": compact(iri), "href": "#" + iri[len(str(DIP)):] if iri.startswith(str(DIP)) else None}


@bp.get("/.well-known/void")
def void():
    store = current_app.extensions["kutniti.store"]
    counts = store.count_by_graph()
    total = len(_memory())
    ents = next(iter(_q("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?t FILTER(STRSTARTS(STR(?x), STR(kid:))) }")))
    classes = next(iter(_q("SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?x a ?t }")))
    base = request.host_url.rstrip("/")
    lines = [
        "@prefix void: <http://rdfs.org/ns/void#> .", "@prefix dcterms: <http://purl.org/dc/terms/> .", "",
        f"<{base}/.well-known/void#kutniti> a void:Dataset ;",
        '    dcterms:title "kutniti: North Korea\'s foreign relations, read from Bengali text"@en ;',
        f"    void:sparqlEndpoint <{base}/sparql> ;",
        f"    void:uriSpace \"{KID}\" ;",
        f"    void:exampleResource <{KID}north-korea> ;",
        f"    void:triples {total} ;", f"    void:entities {ents['n'].value} ;",
        f"    void:classes {classes['n'].value} ;",
        "    void:vocabulary <https://w3id.org/kutniti/ontology#> .", "",
    ]
    for g, n in counts.items():
        if g:
            lines.append(f"<{base}/.well-known/void#kutniti> void:subset [ a void:Dataset ; "
                         f"dcterms:identifier \"{g}\" ; void:triples {n} ] .")
    body = "\n".join(lines) + "\n"
    media = negotiation.choose(request.accept_mimetypes, request.args.get("format"), negotiation.GRAPHS,
                               negotiation.GRAPH_NAMES, "text/turtle") or "text/turtle"
    if media != "text/turtle":
        body = ox.serialize(list(ox.parse(body.encode(), format=ox.RdfFormat.TURTLE)), format=negotiation.GRAPHS[media])
    return _with_vary(Response(body, mimetype=media))
