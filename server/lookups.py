"""The pages' lookups: what each page needs from the store, as plain data, run in a query worker.

Each lookup is a function ``(store, *args) -> plain data`` (dicts, lists, strings, numbers: what
crosses a pipe); :data:`LOOKUPS` names the ones a worker may run. The server calls them through
:func:`kutniti.server.executor.lookup`, so that a page's queries run in a worker with the same time
limit as any query (a page whose lookup is cut off answers 503) and their results are kept until
the next write. Every lookup is bounded, so that pages stay quick on a large graph: a thing's
events come a page at a time (:data:`kutniti.server.describe.EVENTS_PER_PAGE`), lists of
suggestions are cut at :data:`SUGGESTIONS`.
"""

from __future__ import annotations

import difflib

import pyoxigraph as ox

from kutniti.graph.namespaces import DIP, KID, ONTOLOGY_GRAPH
from kutniti.graph.validate import compact
from kutniti.server import describe, negotiation

#: Things offered as suggestions in the query page's parameter fields, at most.
SUGGESTIONS = 2000
#: Things a "not found" page compares the asked name with, at most.
CANDIDATES = 50_000


def entity(store: ox.Store, iri: str, offset: int = 0, limit: int = describe.EVENTS_PER_PAGE) -> dict | None:
    """Everything a thing's page shows (None when nothing is said about it): names, kinds,
    facts, ``limit`` events from ``offset`` on and how many there are, evidence, referrers, and
    for a country its partners."""
    node = ox.NamedNode(iri)
    if not any(True for _ in store.quads_for_pattern(node, None, None, None)):
        return None
    names: dict[str, str] = {}
    for r in describe.query(store, "SELECT DISTINCT ?l WHERE { ?x rdfs:label ?l }", x=node):
        names.setdefault(r["l"].language or "", r["l"].value)
    kinds = sorted({compact(r["t"].value) for r in describe.query(store, "SELECT DISTINCT ?t WHERE { ?x a ?t }", x=node)})
    facts = describe.facts(store, node)
    events, total = describe.events(store, node, offset=offset, limit=limit)
    return {"names": names, "kinds": kinds, "facts": facts,
            "label": names.get("en") or names.get("") or _name_from_facts(facts) or compact(iri),
            "events": events, "events_total": total, "offset": offset, "limit": limit,
            "evidence": describe.evidence(store, [node]).get(iri, []), "referrers": describe.referrers(store, node),
            "partners": describe.relations(store, node) if "dip:Country" in kinds else []}


def _name_from_facts(facts) -> str | None:
    """A heading for a thing without a label (an event): its kind and date, e.g. "Visit 1985"."""
    first = {p["text"]: objs[0] for p, objs in facts}
    kind = first.get("rdf:type")
    if not kind:
        return None
    when = first.get("dip:date") or first.get("dip:startDate") or first.get("dip:signedOn") or {}
    name = kind.get("label") or kind["text"].split(":")[-1]
    return f"{name[:1].upper()}{name[1:]} {when.get('text', '')}".strip()


def entity_data(store: ox.Store, iri: str, media: str) -> bytes | None:
    """The thing's triples (as subject and as object) serialised in ``media``; None when nothing
    is said about it."""
    node = ox.NamedNode(iri)
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(node, None, None, None)]
    if not triples:
        return None
    triples += [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, node, None)]
    return ox.serialize(list(dict.fromkeys(triples)), format=negotiation.GRAPHS[media])


def document(store: ox.Store, stem: str) -> dict | None:
    return describe.document(store, stem)


def documents(store: ox.Store) -> dict[str, str]:
    """Document identifiers (file names) → their page, so result cells naming a document link to it."""
    return {r["id"].value: "/doc/" + describe.doc_stem(r["d"].value)
            for r in describe.query(store, "SELECT DISTINCT ?d ?id WHERE { ?d a dip:SourceDocument ; dcterms:identifier ?id }")
            if describe.doc_stem(r["d"].value)}


def suggestions(store: ox.Store, slug: str) -> list[str]:
    """Names of things close to ``slug`` (for a 404), among the first :data:`CANDIDATES` things."""
    rows = describe.query(store, f'SELECT DISTINCT ?x WHERE {{ ?x a ?t FILTER(STRSTARTS(STR(?x), "{KID}") '
                                 f'&& !STRSTARTS(STR(?x), "{KID}evidence-")) }} LIMIT {CANDIDATES}')
    slugs = [r["x"].value[len(str(KID)):] for r in rows]
    return difflib.get_close_matches(slug.lower(), slugs, n=5, cutoff=0.6) if slug else []


def entity_choices(store: ox.Store) -> list[tuple[str, str]]:
    """Things a parameter may name, for the form fields' suggestions: (``kid:`` name, label),
    at most :data:`SUGGESTIONS` of them, countries first."""
    rows = describe.query(store, f"""SELECT ?x (SAMPLE(?l) AS ?label) (MIN(?rank) AS ?r) WHERE {{ ?x a ?t ; rdfs:label ?l .
        FILTER(LANG(?l) = "en") VALUES (?t ?rank) {{ (dip:Country 0) (dip:Organization 1) (dip:City 2) (dip:Person 3) }} }}
        GROUP BY ?x ORDER BY ?r ?label LIMIT {SUGGESTIONS}""")
    return sorted(((compact(r["x"].value), r["label"].value) for r in rows), key=lambda c: c[1])


def labels(store: ox.Store, iris: tuple[str, ...]) -> dict[str, str]:
    return describe.labels(store, [ox.NamedNode(i) for i in iris])


def ontology(store: ox.Store) -> list[tuple[str, list[dict]]]:
    """The ontology page's sections: classes, object and data properties with their labels."""
    sections = []
    for title, kind in (("Classes", "owl:Class"), ("Object properties", "owl:ObjectProperty"),
                        ("Data properties", "owl:DatatypeProperty")):
        items = []
        for r in describe.query(store, f"""SELECT ?t (SAMPLE(?en) AS ?e) (SAMPLE(?bn) AS ?b) (SAMPLE(?c) AS ?cm)
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
    return sections


def _term_link(iri: str) -> dict:
    """A term of a vocabulary: its prefixed name, linked to its row when it is one of ours."""
    return {"text": compact(iri), "href": "#" + iri[len(str(DIP)):] if iri.startswith(str(DIP)) else None}


def void(store: ox.Store) -> dict:
    """The dataset's counts: quads, triples per named graph, things and classes."""
    counts = {r["g"].value: int(r["n"].value) for r in store.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")}
    one = lambda q: next(iter(describe.query(store, q)))["n"].value  # noqa: E731
    return {"quads": len(store), "graphs": counts,
            "entities": one("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?t FILTER(STRSTARTS(STR(?x), STR(kid:))) }"),
            "classes": one("SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?x a ?t }")}


#: The lookups a query worker may run, by name.
LOOKUPS = {f.__name__: f for f in (entity, entity_data, document, documents, suggestions, entity_choices, labels,
                                   ontology, void)}
