"""What the pages say about a thing or a document, read from the store with a few SPARQL queries.

Each function takes the in-memory Oxigraph store the server queries and returns plain data
(dicts, lists, strings) for a template; nothing here renders HTML. Queries are batched (one per
kind of fact, ``VALUES`` for lists of things), so a page costs a handful of queries whatever the
number of events it shows.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from kutniti.graph.namespaces import DIP, KID, SPARQL_PREFIXES
from kutniti.graph.validate import compact

_KID = str(KID)
_DOC = _KID + "doc-"
#: Facts shown first on an entity page, in this order; the rest follow alphabetically.
_FIRST = ["rdf:type", "rdfs:label", "skos:altLabel", "dip:represents", "dip:position", "dip:isoCode"]


def query(store: ox.Store, sparql: str, **terms):
    """Run SPARQL (project prefixes added) over the union of all graphs; ``?name`` variables
    named in ``terms`` are replaced by those terms (from the store or a checked slug)."""
    for name, term in terms.items():
        sparql = re.sub(rf"\?{name}\b", str(term).replace("\\", "\\\\"), sparql)
    return store.query(SPARQL_PREFIXES + sparql, use_default_graph_as_union=True)


def values(var: str, terms) -> str:
    """A ``VALUES`` clause listing terms."""
    return f"VALUES ?{var} {{ {' '.join(str(t) for t in terms)} }}"


def href(iri: str) -> str | None:
    """The page of an IRI: ``/id/<slug>`` for ``kid:`` things, ``/ontology#<name>`` for the
    ontology's terms, the IRI itself for other web IRIs."""
    if iri.startswith(_KID):
        return "/id/" + iri[len(_KID):]
    if iri.startswith(str(DIP)):
        return "/ontology#" + iri[len(str(DIP)):]
    return iri if iri.startswith(("http://", "https://")) else None


def doc_stem(doc_iri: str) -> str | None:
    """``kid:doc-002_x`` → ``002_x`` (None for anything else)."""
    return doc_iri[len(_DOC):] if doc_iri.startswith(_DOC) else None


def labels(store: ox.Store, terms) -> dict[str, str]:
    """Names of IRIs for people, by IRI string, in one query: the English label, else any label,
    else (for a document, which has none) its identifier, the file name."""
    terms = [t for t in dict.fromkeys(terms) if isinstance(t, ox.NamedNode)]
    out: dict[str, str] = {}
    if not terms:
        return out
    rank: dict[str, int] = {}
    for r in query(store, f"""SELECT ?x ?l ?id WHERE {{ {values('x', terms)}
            {{ ?x rdfs:label ?l }} UNION {{ ?x a dip:SourceDocument ; dcterms:identifier ?id }} }}"""):
        iri = r["x"].value
        name, level = (r["l"].value, 0 if r["l"].language == "en" else 1) if r["l"] else (r["id"].value, 2)
        if level < rank.get(iri, 3):
            out[iri], rank[iri] = name, level
    return out


def cell(term, names: dict[str, str] | None = None) -> dict:
    """A value for a template: text, and a link for IRIs (with the thing's label when known)."""
    if term is None:
        return {"text": ""}
    if isinstance(term, ox.NamedNode):
        return {"text": compact(term.value), "href": href(term.value), "label": (names or {}).get(term.value)}
    if isinstance(term, ox.Literal):
        return {"text": term.value, "lang": term.language}
    return {"text": str(term)}


def facts(store: ox.Store, node: ox.NamedNode) -> list[tuple[dict, list[dict]]]:
    """The thing's own statements, grouped by property (a document's full text left out)."""
    rows = list(query(store, "SELECT DISTINCT ?p ?o WHERE { ?x ?p ?o FILTER(?p != dip:text) }", x=node))
    names = labels(store, [r["o"] for r in rows])
    grouped: dict[str, tuple[dict, list[dict]]] = {}
    for r in rows:
        p = cell(r["p"])
        grouped.setdefault(p["text"], (p, []))[1].append(cell(r["o"], names))
    order = {p: i for i, p in enumerate(_FIRST)}
    return [grouped[k] for k in sorted(grouped, key=lambda k: (order.get(k, len(order)), k))]


def referrers(store: ox.Store, node: ox.NamedNode, limit: int = 200) -> list[tuple[dict, dict]]:
    """What points at the thing other than as a participant of an event (agreements, missions...)."""
    rows = list(query(store, f"""SELECT DISTINCT ?s ?p WHERE {{ ?s ?p ?x .
        FILTER NOT EXISTS {{ ?p rdfs:subPropertyOf* dip:participant }}
        FILTER(?p != dip:represents) }} ORDER BY ?s LIMIT {limit}""", x=node))
    names = labels(store, [r["s"] for r in rows])
    return [(cell(r["s"], names), cell(r["p"])) for r in rows]


def evidence(store: ox.Store, nodes) -> dict[str, list[dict]]:
    """Quoted sentences of events, by event IRI: quote, document stem and a link to the place."""
    nodes = list(nodes)
    out: dict[str, list[dict]] = {}
    if not nodes:
        return out
    for r in query(store, f"""SELECT DISTINCT ?e ?quote ?s ?d WHERE {{ {values('e', nodes)}
            ?e dip:evidence ?ev . ?ev dip:quote ?quote .
            OPTIONAL {{ ?ev dip:start ?s }} OPTIONAL {{ ?e prov:wasDerivedFrom ?d }} }} ORDER BY ?s"""):
        stem = doc_stem(r["d"].value) if r["d"] else None
        link = None
        if stem:
            link = f"/doc/{stem}#ev-{r['s'].value}" if r["s"] else f"/doc/{stem}"
        out.setdefault(r["e"].value, []).append({"quote": r["quote"].value, "doc": stem, "href": link})
    return out


def events(store: ox.Store, node: ox.NamedNode) -> list[dict]:
    """The events the thing took part in (or a person acting for it did), oldest first, undated
    last: class, dates, participants with labels, and the quoted sentences."""
    found: dict[str, dict] = {}
    for r in query(store, """SELECT DISTINCT ?e ?class ?date ?start ?end ?via WHERE {
            { ?e ?r ?x } UNION { ?via dip:represents ?x . ?e ?r ?via }
            ?r rdfs:subPropertyOf* dip:participant .
            ?e a ?class . ?class rdfs:subClassOf* dip:Event . FILTER(?class != dip:Event)
            FILTER NOT EXISTS { ?e a ?sub . ?sub rdfs:subClassOf+ ?class FILTER(?sub != ?class) }
            OPTIONAL { ?e dip:date ?date } OPTIONAL { ?e dip:startDate ?start } OPTIONAL { ?e dip:endDate ?end }
        }""", x=node):
        e = found.setdefault(r["e"].value, {
            "iri": r["e"].value, "href": href(r["e"].value), "cls": compact(r["class"].value).split(":")[-1],
            "date": (r["date"] or r["start"]).value if (r["date"] or r["start"]) else "",
            "end": r["end"].value if r["end"] else "", "via": set(), "who": [], "evidence": []})
        if r["via"]:
            e["via"].add(r["via"].value)
    if not found:
        return []
    nodes = [ox.NamedNode(i) for i in found]
    who: dict[str, dict[str, str]] = {}
    for r in query(store, f"""SELECT DISTINCT ?e ?w ?r WHERE {{ {values('e', nodes)}
            ?e ?r ?w . ?r rdfs:subPropertyOf* dip:participant }}"""):
        roles = who.setdefault(r["e"].value, {})
        role = compact(r["r"].value).split(":")[-1]
        if roles.get(r["w"].value) in (None, "participant"):  # the most specific role said
            roles[r["w"].value] = role
    names = labels(store, [ox.NamedNode(w) for ws in who.values() for w in ws])
    quotes = evidence(store, nodes)
    for iri, e in found.items():
        e["who"] = sorted(({"href": href(w), "text": names.get(w, compact(w)), "role": role}
                           for w, role in who.get(iri, {}).items()), key=lambda c: c["text"])
        e["evidence"] = quotes.get(iri, [])
        e["via"] = sorted(names.get(v, compact(v)) for v in e["via"])
    return sorted(found.values(), key=lambda e: (not e["date"], e["date"], e["cls"], e["iri"]))


def relations(store: ox.Store, node: ox.NamedNode) -> list[dict]:
    """A country's partners: for each other country, the number of events of each class that
    both took part in (directly or through a person acting for them)."""
    rows = list(query(store, """SELECT ?other ?class (COUNT(DISTINCT ?e) AS ?n) WHERE {
        { ?e ?r1 ?x } UNION { ?a dip:represents ?x . ?e ?r1 ?a }
        ?r1 rdfs:subPropertyOf* dip:participant .
        { ?e ?r2 ?other . ?other a dip:Country } UNION { ?e ?r2 ?b . ?b dip:represents ?other }
        ?r2 rdfs:subPropertyOf* dip:participant .
        FILTER(?other != ?x)
        ?e a ?class . ?class rdfs:subClassOf* dip:Event . FILTER(?class != dip:Event)
        FILTER NOT EXISTS { ?e a ?sub . ?sub rdfs:subClassOf+ ?class FILTER(?sub != ?class) }
    } GROUP BY ?other ?class""", x=node))
    names = labels(store, [r["other"] for r in rows])
    out: dict[str, dict] = {}
    for r in rows:
        iri = r["other"].value
        o = out.setdefault(iri, {"iri": iri, "curie": compact(iri), "href": href(iri),
                                 "name": names.get(iri, compact(iri)), "kinds": {}})
        o["kinds"][compact(r["class"].value).split(":")[-1]] = int(r["n"].value)
    return sorted(out.values(), key=lambda o: (-sum(o["kinds"].values()), o["name"]))


def document(store: ox.Store, stem: str) -> dict | None:
    """A source document: identifier, title, date, text and its highlighted spans, or None."""
    node = ox.NamedNode(_DOC + stem)
    rows = list(query(store, "SELECT ?text ?id ?title ?issued WHERE { ?d dip:text ?text ; dcterms:identifier ?id "
                             "OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d dcterms:issued ?issued } }", d=node))
    if not rows:
        return None
    r = rows[0]
    text = r["text"].value
    spans = []
    for s in query(store, """SELECT DISTINCT ?e ?class ?date ?s ?end WHERE { ?e prov:wasDerivedFrom ?d ; dip:evidence ?ev .
            ?ev dip:start ?s ; dip:end ?end .
            OPTIONAL { ?e a ?class . FILTER NOT EXISTS { ?e a ?sub . ?sub rdfs:subClassOf+ ?class FILTER(?sub != ?class) } }
            OPTIONAL { ?e dip:date|dip:startDate ?date } }""", d=node):
        spans.append((int(s["s"].value), int(s["end"].value), {
            "href": href(s["e"].value), "cls": compact(s["class"].value).split(":")[-1] if s["class"] else "fact",
            "date": s["date"].value if s["date"] else ""}))
    return {"iri": node.value, "identifier": r["id"].value, "title": r["title"].value if r["title"] else None,
            "issued": r["issued"].value if r["issued"] else None, "parts": highlight(text, spans),
            "spans": len({(a, b) for a, b, _ in spans}), "events": len({e["href"] for _, _, e in spans})}


def highlight(text: str, spans: list[tuple[int, int, dict]]) -> list[dict]:
    """Cut the text into plain parts and highlighted parts. Overlapping spans are merged into one
    highlight that keeps an anchor (``ev-<start>``) at each span's start and links to every event
    of the spans it covers, so no extracted span is lost."""
    spans = sorted(((max(0, a), min(len(text), b), e) for a, b, e in spans if b > a), key=lambda s: s[:2])
    groups: list[list] = []
    for a, b, e in spans:
        if groups and a < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], b)
            groups[-1][2].append((a, b, e))
        else:
            groups.append([a, b, [(a, b, e)]])
    parts, pos = [], 0
    for a, b, members in groups:
        parts.append({"text": text[pos:a]})
        starts = sorted({m[0] for m in members})
        pieces, at = [], a
        for s in starts:  # an anchor at each span's start inside the highlight
            if s > at:
                pieces.append({"text": text[at:s]})
            pieces.append({"text": "", "anchor": f"ev-{s}"})
            at = s
        pieces.append({"text": text[at:b]})
        seen, links = set(), []
        for _, _, e in members:
            if e["href"] not in seen:
                seen.add(e["href"])
                links.append(e)
        parts.append({"mark": True, "id": f"ev-{a}", "pieces": pieces[1:] if pieces[0].get("anchor") == f"ev-{a}"
                      else pieces, "events": links})
        pos = b
    parts.append({"text": text[pos:]})
    return parts
