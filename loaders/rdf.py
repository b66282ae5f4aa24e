"""Mapping what was read to RDF under the diplomacy ontology.

IRIs are stable across rebuilds: things by the slug of their English label (``kid:north-korea``),
events by a hash of what identifies them (class, participants, date, document, sentence),
agreements by kind, parties and year (so two documents reporting one treaty name one
``dip:Agreement``), missions by sending state, receiving state and city, evidence by document and
offsets.

The triples are made as Oxigraph terms (cheap to make, and what the store and the build's
validation take); :func:`reading_graph` and :func:`add_entity` give them as rdflib terms for code
that works with rdflib graphs.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable

import pyoxigraph as ox
import rdflib
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kutniti.graph.namespaces import DIP, KID, document_iri
from kutniti.graph.store import from_term
from kutniti.loaders.dates import PartialDate
from kutniti.loaders.events import Event
from kutniti.loaders.lexicon import Entity

ROLE_PROPERTIES = {
    "Visit": (DIP.visitor, DIP.destination),
    "ArmsTransfer": (DIP.supplier, DIP.recipient),
    "Aid": (DIP.donor, DIP.recipient),
    "TroopDeployment": (DIP.sender, DIP.recipient),
    "Message": (DIP.sender, DIP.recipient),
}

Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]


@functools.cache
def _iri(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


@functools.cache
def _dip(name: str) -> ox.NamedNode:
    return _iri(f"{DIP}{name}")


@functools.cache
def _role_properties(cls: str) -> tuple[ox.NamedNode, ox.NamedNode]:
    """The properties naming an event's two sides (:data:`ROLE_PROPERTIES`, else actor and recipient)."""
    actor, recipient = ROLE_PROPERTIES.get(cls, (DIP.actor, DIP.recipient))
    return _iri(str(actor)), _iri(str(recipient))


def _kid(slug: str) -> ox.NamedNode:
    return ox.NamedNode(f"{KID}{slug}")


_TYPE, _LABEL, _ALT = _iri(str(RDF.type)), _iri(str(RDFS.label)), _iri(str(SKOS.altLabel))
_DERIVED = _iri(str(PROV.wasDerivedFrom))
_INTEGER = _iri(str(XSD.integer))
_KINDS = {"Country": "Country", "Person": "Person", "Organization": "Organization", "City": "City"}


def _text(value: str, lang: str | None = None) -> ox.Literal:
    return ox.Literal(value, language=lang) if lang else ox.Literal(value)


def date_term(d: PartialDate) -> ox.Literal:
    """An xsd:date, xsd:gYearMonth or xsd:gYear literal, as precise as ``d``."""
    return ox.Literal(d.lexical(), datatype=_iri(str(XSD[d.datatype])))


def date_literal(d: PartialDate) -> rdflib.Literal:
    """:func:`date_term` as an rdflib literal."""
    return rdflib.Literal(d.lexical(), datatype=XSD[d.datatype])


def entity_triples(e: Entity) -> list[Triple]:
    """What the lexicon says of a thing: its class, labels, ISO code, and whom or where it belongs to.

    Made once per description: most documents name the same few countries and people, and the
    triples depend only on the fields read here (an entity whose fields differ is described anew)."""
    return list(_described(e.slug, e.kind, e.label_en, e.label_bn, tuple(e.alt_en), tuple(e.alt_bn),
                           e.iso, e.country, e.position))


@functools.lru_cache(maxsize=8192)
def _described(slug: str, kind: str, label_en: str, label_bn: str | None, alt_en: tuple[str, ...],
               alt_bn: tuple[str, ...], iso: str | None, country: str | None,
               position: str | None) -> tuple[Triple, ...]:
    """The triples of :func:`entity_triples` for a thing with these fields."""
    e = Entity(slug, kind, label_en, label_bn, list(alt_en), list(alt_bn), iso, country, position)
    return tuple(_entity_triples(e))


def _entity_triples(e: Entity) -> list[Triple]:
    """The triples of a thing's description, made afresh (see :func:`entity_triples`)."""
    node = _kid(e.slug)
    out = [(node, _TYPE, _dip(_KINDS[e.kind])), (node, _LABEL, _text(e.label_en, "en"))]
    if e.label_bn:
        out.append((node, _LABEL, _text(e.label_bn, "bn")))
    out += [(node, _ALT, _text(alt, "en")) for alt in e.alt_en]
    out += [(node, _ALT, _text(alt, "bn")) for alt in e.alt_bn]
    if e.iso:
        out.append((node, _dip("isoCode"), _text(e.iso)))
    if e.kind == "Person":
        if e.country:
            out.append((node, _dip("represents"), _kid(e.country)))
        if e.position:
            out.append((node, _dip("position"), _text(e.position, "en")))
    elif e.kind == "Organization" and e.country:
        out.append((node, _dip("basedIn"), _kid(e.country)))
    elif e.kind == "City" and e.country:
        out.append((node, _dip("inCountry"), _kid(e.country)))
    return out


def to_graph(triples: Iterable[Triple], graph: rdflib.Graph | None = None) -> rdflib.Graph:
    """Triples of Oxigraph terms added to an rdflib graph (a new one by default)."""
    graph = rdflib.Graph() if graph is None else graph
    for s, p, o in triples:
        graph.add((from_term(s), from_term(p), from_term(o)))
    return graph


def add_entity(g: rdflib.Graph, e: Entity) -> rdflib.URIRef:
    """Describe a thing from the lexicon in an rdflib graph; its IRI."""
    to_graph(entity_triples(e), g)
    return KID[e.slug]


def _hash(*parts: object) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]


def reading_graph(reading) -> rdflib.Graph:
    """The triples of one document's reading as an rdflib graph."""
    g = to_graph(reading_triples(reading))
    for prefix, ns in (("dip", DIP), ("kid", KID), ("prov", PROV), ("dcterms", DCTERMS), ("skos", SKOS)):
        g.bind(prefix, ns)
    return g


def reading_triples(reading) -> list[Triple]:
    """The triples of one document's reading (see :func:`kutniti.loaders.pipeline.read`)."""
    doc = reading.document
    d = _iri(str(document_iri(doc.stem)))
    out: list[Triple] = [
        (d, _TYPE, _dip("SourceDocument")),
        (d, _iri(str(DCTERMS.identifier)), _text(doc.identifier)),
        (d, _iri(str(DCTERMS.language)), _text("bn")),
        (d, _dip("sha256"), _text(doc.sha256)),
        (d, _dip("text"), _text(doc.text)),
    ]
    if doc.title:
        out.append((d, _iri(str(DCTERMS.title)), _text(doc.title, "bn")))
    issued = doc.metadata.get("issued_partial")
    if issued is not None:
        out.append((d, _iri(str(DCTERMS.issued)), date_term(issued)))
    for e in reading.entities.values():
        out += entity_triples(e)

    agreements: dict[tuple, ox.NamedNode] = {}
    for ev in reading.events:
        parts = sorted(x.slug for x in ev.agents())
        when = ev.date or ev.start
        node = _kid(f"event-{_hash(ev.cls, parts, when.lexical() if when else '', doc.stem, ev.span[0])}")
        out.append((node, _TYPE, _dip(ev.cls)))
        actor_p, recipient_p = _role_properties(ev.cls)
        out += [(node, actor_p, _kid(a.slug)) for a in ev.actors]
        out += [(node, recipient_p, _kid(r.slug)) for r in ev.recipients]
        out += [(node, _dip("participant"), _kid(p.slug)) for p in ev.participants]
        if ev.date:
            out.append((node, _dip("date"), date_term(ev.date)))
        elif ev.start and ev.end:
            out.append((node, _dip("startDate"), date_term(ev.start)))
            out.append((node, _dip("endDate"), date_term(ev.end)))
        if ev.planned:
            out.append((node, _dip("status"), _dip("Planned")))
        if ev.weapon:
            out.append((node, _dip("weapon"), _text(ev.weapon, "bn")))
        if ev.place is not None:
            out.append((node, _dip("place"), _kid(ev.place.slug)))
        out.append((node, _DERIVED, d))
        start, end = ev.span
        evidence = _kid(f"evidence-{doc.stem}-{start}-{end}")
        out += [
            (node, _dip("evidence"), evidence),
            (evidence, _TYPE, _dip("Evidence")),
            (evidence, _dip("quote"), _text(doc.text[start:end])),
            (evidence, _dip("start"), ox.Literal(str(start), datatype=_INTEGER)),
            (evidence, _dip("end"), ox.Literal(str(end), datatype=_INTEGER)),
        ]
        if ev.cls in ("AgreementSigning", "AgreementTermination"):
            out += _agreement(ev, node, agreements)
    for m in reading.missions:
        mnode = _kid(f"mission-{m.sending.slug}-{m.receiving.slug}-{m.city.slug if m.city else 'x'}")
        where = m.city.label_en if m.city else m.receiving.label_en
        out += [
            (mnode, _TYPE, _dip("Embassy")),
            (mnode, _LABEL, _text(f"Embassy of {m.sending.label_en} in {where}", "en")),
            (mnode, _dip("sendingState"), _kid(m.sending.slug)),
            (mnode, _dip("receivingState"), _kid(m.receiving.slug)),
        ]
        if m.city is not None:
            out.append((mnode, _dip("locatedIn"), _kid(m.city.slug)))
        if m.closed is not None:
            out.append((mnode, _dip("closedOn"), date_term(m.closed)))
        out.append((mnode, _DERIVED, d))
    return list(dict.fromkeys(out))  # a set, in the order written


def _agreement(ev: Event, node: ox.NamedNode, agreements: dict) -> list[Triple]:
    parties = sorted({(x.slug if x.kind == "Country" else (x.country or x.slug)) for x in ev.agents()})
    if len(parties) < 2:
        return []
    kind = ev.agreement_kind or "agreement"
    when = ev.date or ev.start
    k = (kind, tuple(parties))
    out: list[Triple] = []
    if ev.cls == "AgreementSigning":
        year = f"-{when.year}" if when else ""
        a = _kid(f"agreement-{kind}-{'-'.join(parties)}{year}")
        agreements[k] = a
        if when:
            out.append((a, _dip("signedOn"), date_term(when)))
    else:
        a = agreements.get(k) or _kid(f"agreement-{kind}-{'-'.join(parties)}")
        if when:
            out.append((a, _dip("terminatedOn"), date_term(when)))
    out += [
        (a, _TYPE, _dip("Agreement")),
        (a, _LABEL, _text(f"{kind} agreement between {' and '.join(parties)}", "en")),
        (a, _dip("agreementKind"), _text(kind)),
    ]
    out += [(a, _dip("party"), _kid(p)) for p in parties]
    out.append((node, _dip("agreement"), a))
    return out
