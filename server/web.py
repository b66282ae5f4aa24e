"""The pages: the query page (``/``), things (``/id/<slug>``), documents (``/doc/<stem>``), the
ontology (``/ontology``) and the dataset description (``/.well-known/void``).

Every ``kid:`` IRI dereferences at ``/id/<slug>``: HTML for browsers, Turtle, JSON-LD or
N-Triples by ``Accept`` (or ``?format=``), answered directly with ``Vary: Accept`` (no redirect).
Pages are rendered on the server from the store, so they work without JavaScript and their URLs
can be shared; every value from the data is escaped by the templates.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, render_template, request

from kutniti.graph.namespaces import DIP, KID, ONTOLOGY_GRAPH, SPARQL_PREFIXES, document_iri
from kutniti.graph.validate import compact
from kutniti.server import negotiation
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


def _memory() -> ox.Store:
    return current_app.extensions["kutniti.replica"].memory


def _q(sparql: str, **subs):
    for name, term in subs.items():  # terms come from the store or a checked slug: safe to inline
        sparql = re.sub(rf"\?{name}\b", str(term).replace("\\", "\\\\"), sparql)
    return _memory().query(SPARQL_PREFIXES + sparql, use_default_graph_as_union=True)


def _cell(term) -> dict:
    if term is None:
        return {"text": ""}
    if isinstance(term, ox.NamedNode):
        v = term.value
        if v.startswith(str(KID)):
            return {"text": compact(v), "href": f"/id/{v[len(str(KID)):]}"}
        return {"text": compact(v), "href": v if v.startswith("http") else None}
    return {"text": term.value}


@bp.get("/")
def index():
    from kutniti.queries import get_query, load_queries

    canned = list(load_queries().values())
    query = request.args.get("query")
    error = None
    name = request.args.get("name")
    if name:
        try:
            cq = get_query(name)
            query = cq.bind({k: v for k, v in request.args.items() if k not in ("name", "query")})
        except KeyError:
            error = f"no canned query named {name!r}"
        except ValueError as exc:
            error = str(exc)
    rows = variables = None
    if query and not error:
        from kutniti.server.safety import check

        error = check(query, graphs=set(current_app.extensions["kutniti.store"].named_graphs()),
                      allow_service=tuple(current_app.config["ALLOW_SERVICE"]))
        if not error:
            rows, variables, error = _run_for_page(query)
    return render_template("index.html", query=query or DEFAULT_QUERY, canned=canned, rows=rows,
                           variables=variables, error=error)


def _run_for_page(query: str):
    """Run a query for the page through the same executor as the endpoint (time limit included)."""
    import json

    from kutniti.server.executor import QueryFailed, QueryTimeout, execute

    formats = {"solutions": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
               "boolean": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
               "graph": (ox.RdfFormat.N_TRIPLES, "application/n-triples")}
    cfg = current_app.config
    try:
        ans = execute(current_app.extensions["kutniti.replica"], query, {"use_default_graph_as_union": True},
                      formats, timeout=float(cfg["QUERY_TIMEOUT"]), max_rows=min(int(cfg["MAX_ROWS"]), 5000))
    except SyntaxError as exc:
        return None, None, f"malformed query: {exc}"
    except (QueryTimeout, QueryFailed) as exc:
        return None, None, str(exc)
    if ans.kind == "boolean":
        return [[{"text": str(json.loads(ans.body)["boolean"]).lower()}]], ["boolean"], None
    if ans.kind == "graph":
        rows = [[{"text": line}] for line in ans.body.decode("utf-8").splitlines()]
        return rows, ["triple"], None
    data = json.loads(ans.body)
    variables = data["head"]["vars"]
    rows = []
    for b in data["results"]["bindings"]:
        row = []
        for v in variables:
            cell = b.get(v)
            if cell is None:
                row.append({"text": ""})
            elif cell["type"] == "uri":
                row.append(_cell(ox.NamedNode(cell["value"])))
            else:
                row.append({"text": cell["value"]})
        rows.append(row)
    return rows, variables, None


@bp.get("/id/<slug>")
def entity(slug: str):
    if not _SLUG.match(slug):
        abort(404)
    node = ox.NamedNode(str(KID) + slug)
    if not list(_memory().quads_for_pattern(node, None, None, None)):
        return Response(render_template("notfound.html", name=f"kid:{slug}"), status=404)
    media = negotiation.choose(request.accept_mimetypes, request.args.get("format"),
                               {"text/html": None, **negotiation.GRAPHS}, {**negotiation.GRAPH_NAMES, "html": "text/html"},
                               "text/html")
    if media and media != "text/html" and media in negotiation.GRAPHS:
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in _memory().quads_for_pattern(node, None, None, None)]
        triples += [ox.Triple(q.subject, q.predicate, q.object) for q in _memory().quads_for_pattern(None, None, node, None)]
        body = ox.serialize(list(dict.fromkeys(triples)), format=negotiation.GRAPHS[media])
        resp = Response(body, mimetype=media)
        resp.headers["Vary"] = "Accept"
        return resp
    resp = Response(_entity_page(node, slug), mimetype="text/html")
    resp.headers["Vary"] = "Accept"
    return resp


def _entity_page(node: ox.NamedNode, slug: str) -> str:
    labels = {(r["l"].language or ""): r["l"].value for r in _q("SELECT ?l WHERE { ?x rdfs:label ?l }", x=node)}
    kinds = sorted({compact(r["t"].value) for r in _q("SELECT ?t WHERE { ?x a ?t }", x=node)})
    facts = []
    for r in _q("SELECT DISTINCT ?p ?o WHERE { ?x ?p ?o FILTER(?p != dip:text) } ORDER BY ?p", x=node):
        facts.append((_cell(r["p"]), _cell(r["o"])))
    events = []
    for r in _q("""SELECT DISTINCT ?e ?class ?date ?start ?quote ?s ?doc WHERE {
            ?e ?role ?x . ?role rdfs:subPropertyOf* dip:participant . ?e a ?class .
            ?class rdfs:subClassOf* dip:Event . FILTER(?class != dip:Event)
            OPTIONAL { ?e dip:date ?date } OPTIONAL { ?e dip:startDate ?start }
            OPTIONAL { ?e dip:evidence ?ev . ?ev dip:quote ?quote ; dip:start ?s }
            OPTIONAL { ?e prov:wasDerivedFrom/dcterms:identifier ?doc }
        } ORDER BY ?date ?start""", x=node):
        when = r["date"] or r["start"]
        doc = r["doc"].value if r["doc"] else ""
        stem = doc.rsplit(".", 1)[0]
        events.append({
            "href": "/id/" + r["e"].value[len(str(KID)):], "cls": compact(r["class"].value),
            "date": when.value if when else "", "quote": r["quote"].value if r["quote"] else "",
            "doc": doc, "doc_href": f"/doc/{stem}#ev-{r['s'].value}" if r["s"] else f"/doc/{stem}",
            "who": ", ".join(sorted({_label(o["w"]) for o in _q(
                "SELECT ?w WHERE { ?e ?r ?w . ?r rdfs:subPropertyOf* dip:participant }", e=r["e"])})),
        })
    timeline = timeline_svg([(e["date"], e["cls"], e["href"]) for e in events if e["date"]])
    network = None
    if "dip:Country" in kinds:
        network = network_svg(labels.get("en", slug), _relations(node))
    return render_template("entity.html", iri=node.value, label=labels.get("en", compact(node.value)),
                           bengali=labels.get("bn"), kinds=kinds, facts=facts, events=events,
                           timeline=timeline, network=network)


def _label(term) -> str:
    rows = list(_q("SELECT ?l WHERE { ?x rdfs:label ?l FILTER(LANG(?l) = 'en') } LIMIT 1", x=term))
    return rows[0]["l"].value if rows else compact(term.value)


def _relations(node) -> list[tuple[str, str, int]]:
    """(other country, event class, count) for a country's events, people included."""
    rows = _q("""SELECT ?other ?class (COUNT(DISTINCT ?e) AS ?n) WHERE {
        ?e ?r1 ?a . ?r1 rdfs:subPropertyOf* dip:participant .
        ?e ?r2 ?b . ?r2 rdfs:subPropertyOf* dip:participant .
        { FILTER(?a = ?x) } UNION { ?a dip:represents ?x }
        { ?b a dip:Country BIND(?b AS ?other) } UNION { ?b dip:represents ?other }
        FILTER(?other != ?x)
        ?e a ?class . ?class rdfs:subClassOf* dip:Event . FILTER(?class != dip:Event)
    } GROUP BY ?other ?class""", x=node)
    return [(_label(r["other"]), compact(r["class"].value).split(":")[-1], int(r["n"].value)) for r in rows]


@bp.get("/doc/<stem>")
def document(stem: str):
    if not _SLUG.match(stem):
        abort(404)
    d = document_iri(stem)
    node = ox.NamedNode(str(d))
    rows = list(_q("SELECT ?text ?id ?title ?issued WHERE { ?d dip:text ?text ; dcterms:identifier ?id "
                   "OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d dcterms:issued ?issued } }", d=node))
    if not rows:
        return Response(render_template("notfound.html", name=f"/doc/{stem}"), status=404)
    text = rows[0]["text"].value
    spans = {}
    for r in _q("""SELECT ?e ?class ?s ?end WHERE { ?e prov:wasDerivedFrom ?d ; dip:evidence ?ev ; a ?class .
                  ?class rdfs:subClassOf* dip:Event . FILTER(?class != dip:Event)
                  ?ev dip:start ?s ; dip:end ?end }""", d=node):
        key = (int(r["s"].value), int(r["end"].value))
        spans.setdefault(key, []).append((compact(r["class"].value), r["e"].value))
    parts, pos = [], 0
    for (a, b), evs in sorted(spans.items()):
        if a < pos:
            continue
        parts.append({"text": text[pos:a]})
        parts.append({"text": text[a:b], "start": a, "href": "/id/" + evs[0][1][len(str(KID)):],
                      "title": ", ".join(c for c, _ in evs)})
        pos = b
    parts.append({"text": text[pos:]})
    return render_template("document.html", stem=stem, identifier=rows[0]["id"].value,
                           title=rows[0]["title"].value if rows[0]["title"] else None,
                           issued=rows[0]["issued"].value if rows[0]["issued"] else None, parts=parts,
                           count=len(spans))


@bp.get("/ontology")
def ontology():
    from kutniti.ontology import ontology_path

    media = negotiation.choose(request.accept_mimetypes, request.args.get("format"),
                               {"text/html": None, "text/turtle": None}, {"ttl": "text/turtle", "html": "text/html"},
                               "text/html")
    if media == "text/turtle":
        return Response(ontology_path().read_bytes(), mimetype="text/turtle")
    sections = []
    for title, kind in (("Classes", "owl:Class"), ("Object properties", "owl:ObjectProperty"),
                        ("Data properties", "owl:DatatypeProperty")):
        items = []
        for r in _q(f"""SELECT ?t (SAMPLE(?en) AS ?e) (SAMPLE(?bn) AS ?b) (SAMPLE(?c) AS ?cm) (SAMPLE(?p) AS ?par)
            WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?t a {kind} FILTER(STRSTARTS(STR(?t), STR(dip:)))
            OPTIONAL {{ ?t rdfs:label ?en FILTER(LANG(?en) = "en") }} OPTIONAL {{ ?t rdfs:label ?bn FILTER(LANG(?bn) = "bn") }}
            OPTIONAL {{ ?t rdfs:comment ?c FILTER(LANG(?c) = "en") }}
            OPTIONAL {{ ?t rdfs:subClassOf|rdfs:subPropertyOf ?p }} }} }} GROUP BY ?t ORDER BY ?t"""):
            items.append({"name": r["t"].value[len(str(DIP)):], "en": r["e"].value if r["e"] else "",
                          "bn": r["b"].value if r["b"] else "", "comment": r["cm"].value if r["cm"] else "",
                          "parent": compact(r["par"].value) if r["par"] else ""})
        sections.append((title, items))
    return render_template("ontology.html", sections=sections)


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
    return Response(body, mimetype=media)
