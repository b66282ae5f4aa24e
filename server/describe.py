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
    for r in query(store, f"""SELECT DISTINCT ?x ?l ?id WHERE {{ {values('x', terms)}
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


def roles(store: ox.Store) -> list[ox.NamedNode]:
    """The properties that name who took part in an event: ``dip:participant`` and every
    property under it (read from the ontology once per lookup, so that the queries below match
    them with ``VALUES`` instead of walking ``rdfs:subPropertyOf*`` for every triple)."""
    found = [r["r"] for r in query(store, "SELECT DISTINCT ?r WHERE { ?r rdfs:subPropertyOf* dip:participant }")]
    return found or [ox.NamedNode(str(DIP) + "participant")]


def event_classes(store: ox.Store) -> tuple[list[ox.NamedNode], list[tuple[ox.NamedNode, ox.NamedNode]]]:
    """The classes of events below ``dip:Event`` (``dip:Event`` itself left out), and the pairs
    (sub, super) of them where sub is a proper subclass of super: what the queries below need to
    name each event by its most specific class."""
    classes = [r["c"] for r in query(store, "SELECT DISTINCT ?c WHERE { ?c rdfs:subClassOf* dip:Event "
                                            "FILTER(?c != dip:Event) }")]
    pairs = [(r["sub"], r["sup"]) for r in query(store, f"""SELECT DISTINCT ?sub ?sup WHERE {{ {values('sub', classes)}
        {values('sup', classes)} ?sub rdfs:subClassOf+ ?sup FILTER(?sub != ?sup) }}""")] if classes else []
    return classes, pairs


def _role_filter(store: ox.Store, var: str) -> str:
    """A filter keeping ``?var`` to the participant properties (a filter, not ``VALUES``: the
    query planner then starts from the thing rather than from every use of the properties)."""
    return f"FILTER(?{var} IN ({', '.join(str(r) for r in roles(store))}))"


def _took_part(store: ox.Store) -> str:
    """SPARQL binding ``?e`` to each event ``?x`` took part in, directly or through a person
    acting for it."""
    return f"{{ ?e ?r ?x }} UNION {{ ?via dip:represents ?x . ?e ?r ?via }} {_role_filter(store, 'r')}"


def _most_specific(classes, pairs) -> str:
    """SPARQL that binds ``?class`` to the most specific event class of ``?e``."""
    none = "FILTER(false)"
    narrower = (f"FILTER NOT EXISTS {{ ?e a ?sub . VALUES (?sub ?class) {{ "
                f"{' '.join(f'({a} {b})' for a, b in pairs)} }} }}") if pairs else ""
    return f"?e a ?class . {values('class', classes) if classes else none} {narrower}"


def referrers(store: ox.Store, node: ox.NamedNode, limit: int = 200) -> list[tuple[dict, dict]]:
    """What points at the thing other than as a participant of an event (agreements, missions...)."""
    skip = ", ".join(str(r) for r in [*roles(store), ox.NamedNode(str(DIP) + "represents")])
    rows = list(query(store, f"""SELECT DISTINCT ?s ?p WHERE {{ ?s ?p ?x . FILTER(?p NOT IN ({skip})) }}
        ORDER BY ?s LIMIT {limit}""", x=node))
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


#: Events listed on one page of a thing; the rest are a link away (``?events=<offset>``).
EVENTS_PER_PAGE = 100


def events(store: ox.Store, node: ox.NamedNode, *, limit: int = EVENTS_PER_PAGE,
           offset: int = 0) -> tuple[list[dict], int]:
    """The events the thing took part in (or a person acting for it did), oldest first, undated
    last: class, dates, participants with labels, and the quoted sentences; at most ``limit`` of
    them from ``offset`` on, and how many there are in all."""
    classes, pairs = event_classes(store)
    dated: dict[str, str] = {}
    for r in query(store, f"""SELECT ?e ?d WHERE {{ {{ SELECT DISTINCT ?e WHERE {{ {_took_part(store)} }} }}
            OPTIONAL {{ ?e dip:date|dip:startDate ?d }} }}""", x=node):
        if r["d"] is not None or r["e"].value not in dated:
            dated[r["e"].value] = r["d"].value if r["d"] is not None else ""
    total = len(dated)
    order = sorted(dated, key=lambda e: (not dated[e], dated[e], e))
    page = [ox.NamedNode(e) for e in order[offset:offset + limit]]
    if not page:
        return [], total
    found: dict[str, dict] = {}
    for r in query(store, f"""SELECT DISTINCT ?e ?class ?date ?start ?end ?via WHERE {{ {values('e', page)}
            OPTIONAL {{ ?via dip:represents ?x . ?e ?r ?via {_role_filter(store, 'r')} }}
            OPTIONAL {{ {_most_specific(classes, pairs)} }}
            OPTIONAL {{ ?e dip:date ?date }} OPTIONAL {{ ?e dip:startDate ?start }} OPTIONAL {{ ?e dip:endDate ?end }}
        }}""", x=node):
        e = found.setdefault(r["e"].value, {
            "iri": r["e"].value, "href": href(r["e"].value),
            "cls": compact(r["class"].value).split(":")[-1] if r["class"] else "Event",
            "date": (r["date"] or r["start"]).value if (r["date"] or r["start"]) else "",
            "end": r["end"].value if r["end"] else "", "via": set(), "who": [], "evidence": []})
        if r["via"]:
            e["via"].add(r["via"].value)
    nodes = [ox.NamedNode(i) for i in found]
    who: dict[str, dict[str, str]] = {}
    for r in query(store, f"""SELECT DISTINCT ?e ?w ?r WHERE {{ {values('e', nodes)} ?e ?r ?w . {_role_filter(store, 'r')} }}"""):
        roles_of = who.setdefault(r["e"].value, {})
        role = compact(r["r"].value).split(":")[-1]
        if roles_of.get(r["w"].value) in (None, "participant"):  # the most specific role said
            roles_of[r["w"].value] = role
    names = labels(store, [ox.NamedNode(w) for ws in who.values() for w in ws]
                   + [ox.NamedNode(v) for e in found.values() for v in e["via"]])
    quotes = evidence(store, nodes)
    for iri, e in found.items():
        e["who"] = sorted(({"href": href(w), "text": names.get(w, compact(w)), "role": role}
                           for w, role in who.get(iri, {}).items()), key=lambda c: c["text"])
        e["evidence"] = quotes.get(iri, [])
        e["via"] = sorted(names.get(v, compact(v)) for v in e["via"])
    return sorted(found.values(), key=lambda e: (not e["date"], e["date"], e["cls"], e["iri"])), total


def relations(store: ox.Store, node: ox.NamedNode) -> list[dict]:
    """A country's partners: for each other country, the number of events of each class that
    both took part in (directly or through a person acting for them).

    Two queries list the thing's events with their classes and with their other participants;
    which participant stands for which country is looked up once and joined here, which keeps the
    cost in step with the number of the thing's events even on a large graph."""
    classes, pairs = event_classes(store)
    countries = {r["c"].value for r in query(store, "SELECT DISTINCT ?c WHERE { ?c a dip:Country }")}
    acting: dict[str, set[str]] = {}
    for r in query(store, "SELECT DISTINCT ?p ?c WHERE { ?p dip:represents ?c }"):
        acting.setdefault(r["p"].value, set()).add(r["c"].value)
    mine = f"{{ SELECT DISTINCT ?e WHERE {{ {_took_part(store)} }} }}"
    kind = {r["e"].value: compact(r["class"].value).split(":")[-1] for r in query(
        store, f"SELECT ?e ?class WHERE {{ {mine} LATERAL {{ {_most_specific(classes, pairs)} }} }}", x=node)}
    per_event: dict[str, set[str]] = {}
    for r in query(store, f"SELECT ?e ?o WHERE {{ {mine} ?e ?r2 ?o . {_role_filter(store, 'r2')} }}", x=node):
        if r["e"].value in kind:
            others = ({r["o"].value} & countries) | acting.get(r["o"].value, set())
            per_event.setdefault(r["e"].value, set()).update(others)
    counts: dict[str, dict[str, int]] = {}
    for e, others in per_event.items():
        for other in others - {node.value}:
            kinds = counts.setdefault(other, {})
            kinds[kind[e]] = kinds.get(kind[e], 0) + 1
    names = labels(store, [ox.NamedNode(i) for i in counts])
    out = [{"iri": iri, "curie": compact(iri), "href": href(iri), "name": names.get(iri, compact(iri)), "kinds": kinds}
           for iri, kinds in counts.items()]
    return sorted(out, key=lambda o: (-sum(o["kinds"].values()), o["name"]))


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
