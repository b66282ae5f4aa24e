"""Mapping what was read to RDF under the diplomacy ontology.

IRIs are stable across rebuilds: things by the slug of their English label (``kid:north-korea``),
events by a hash of what identifies them (class, participants, date, document, sentence),
agreements by kind, parties and year (so two documents reporting one treaty name one
``dip:Agreement``), missions by sending state, receiving state and city, evidence by document and
offsets.
"""

from __future__ import annotations

import hashlib

import rdflib
from rdflib import Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kutniti.graph.namespaces import DIP, KID, document_iri
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


def date_literal(d: PartialDate) -> Literal:
    """An xsd:date, xsd:gYearMonth or xsd:gYear literal, as precise as ``d``."""
    return Literal(d.lexical(), datatype=XSD[d.datatype])


def add_entity(g: rdflib.Graph, e: Entity) -> rdflib.URIRef:
    node = KID[e.slug]
    kind = {"Country": DIP.Country, "Person": DIP.Person, "Organization": DIP.Organization, "City": DIP.City}[e.kind]
    g.add((node, RDF.type, kind))
    g.add((node, RDFS.label, Literal(e.label_en, lang="en")))
    if e.label_bn:
        g.add((node, RDFS.label, Literal(e.label_bn, lang="bn")))
    for alt in e.alt_en:
        g.add((node, SKOS.altLabel, Literal(alt, lang="en")))
    for alt in e.alt_bn:
        g.add((node, SKOS.altLabel, Literal(alt, lang="bn")))
    if e.iso:
        g.add((node, DIP.isoCode, Literal(e.iso)))
    if e.kind == "Person":
        if e.country:
            g.add((node, DIP.represents, KID[e.country]))
        if e.position:
            g.add((node, DIP.position, Literal(e.position, lang="en")))
    elif e.kind == "Organization" and e.country:
        g.add((node, DIP.basedIn, KID[e.country]))
    elif e.kind == "City" and e.country:
        g.add((node, DIP.inCountry, KID[e.country]))
    return node


def _hash(*parts: object) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]


def reading_graph(reading) -> rdflib.Graph:
    """The triples of one document's reading (see :func:`kutniti.loaders.pipeline.read`)."""
    doc = reading.document
    g = rdflib.Graph()
    for prefix, ns in (("dip", DIP), ("kid", KID), ("prov", PROV), ("dcterms", DCTERMS), ("skos", SKOS)):
        g.bind(prefix, ns)
    d = document_iri(doc.stem)
    g.add((d, RDF.type, DIP.SourceDocument))
    g.add((d, DCTERMS.identifier, Literal(doc.identifier)))
    g.add((d, DCTERMS.language, Literal("bn")))
    g.add((d, DIP.sha256, Literal(doc.sha256)))
    g.add((d, DIP.text, Literal(doc.text)))
    if doc.title:
        g.add((d, DCTERMS.title, Literal(doc.title, lang="bn")))
    issued = doc.metadata.get("issued_partial")
    if issued is not None:
        g.add((d, DCTERMS.issued, date_literal(issued)))
    for e in reading.entities.values():
        add_entity(g, e)

    agreements: dict[tuple, rdflib.URIRef] = {}
    for ev in reading.events:
        parts = sorted(x.slug for x in ev.agents())
        when = ev.date or ev.start
        node = KID[f"event-{_hash(ev.cls, parts, when.lexical() if when else '', doc.stem, ev.span[0])}"]
        g.add((node, RDF.type, DIP[ev.cls]))
        actor_p, recipient_p = ROLE_PROPERTIES.get(ev.cls, (DIP.actor, DIP.recipient))
        for a in ev.actors:
            g.add((node, actor_p, KID[a.slug]))
        for r in ev.recipients:
            g.add((node, recipient_p, KID[r.slug]))
        for p in ev.participants:
            g.add((node, DIP.participant, KID[p.slug]))
        if ev.date:
            g.add((node, DIP.date, date_literal(ev.date)))
        elif ev.start and ev.end:
            g.add((node, DIP.startDate, date_literal(ev.start)))
            g.add((node, DIP.endDate, date_literal(ev.end)))
        if ev.planned:
            g.add((node, DIP.status, DIP.Planned))
        if ev.weapon:
            g.add((node, DIP.weapon, Literal(ev.weapon, lang="bn")))
        if ev.place is not None:
            g.add((node, DIP.place, KID[ev.place.slug]))
        g.add((node, PROV.wasDerivedFrom, d))
        start, end = ev.span
        evidence = KID[f"evidence-{doc.stem}-{start}-{end}"]
        g.add((node, DIP.evidence, evidence))
        g.add((evidence, RDF.type, DIP.Evidence))
        g.add((evidence, DIP.quote, Literal(doc.text[start:end])))
        g.add((evidence, DIP.start, Literal(start, datatype=XSD.integer)))
        g.add((evidence, DIP.end, Literal(end, datatype=XSD.integer)))
        if ev.cls in ("AgreementSigning", "AgreementTermination"):
            _agreement(g, ev, node, agreements)
    for m in reading.missions:
        mnode = KID[f"mission-{m.sending.slug}-{m.receiving.slug}-{m.city.slug if m.city else 'x'}"]
        g.add((mnode, RDF.type, DIP.Embassy))
        g.add((mnode, RDFS.label, Literal(f"Embassy of {m.sending.label_en} in "
                                           f"{m.city.label_en if m.city else m.receiving.label_en}", lang="en")))
        g.add((mnode, DIP.sendingState, KID[m.sending.slug]))
        g.add((mnode, DIP.receivingState, KID[m.receiving.slug]))
        if m.city is not None:
            g.add((mnode, DIP.locatedIn, KID[m.city.slug]))
        if m.closed is not None:
            g.add((mnode, DIP.closedOn, date_literal(m.closed)))
        g.add((mnode, PROV.wasDerivedFrom, d))
    return g


def _agreement(g: rdflib.Graph, ev: Event, node, agreements: dict) -> None:
    parties = sorted({(x.slug if x.kind == "Country" else (x.country or x.slug)) for x in ev.agents()})
    if len(parties) < 2:
        return
    kind = ev.agreement_kind or "agreement"
    when = ev.date or ev.start
    k = (kind, tuple(parties))
    if ev.cls == "AgreementSigning":
        year = f"-{when.year}" if when else ""
        a = KID[f"agreement-{kind}-{'-'.join(parties)}{year}"]
        agreements[k] = a
        g.add((a, DIP.signedOn, date_literal(when))) if when else None
    else:
        a = agreements.get(k) or KID[f"agreement-{kind}-{'-'.join(parties)}"]
        if when:
            g.add((a, DIP.terminatedOn, date_literal(when)))
    g.add((a, RDF.type, DIP.Agreement))
    g.add((a, RDFS.label, Literal(f"{kind} agreement between {' and '.join(parties)}", lang="en")))
    g.add((a, DIP.agreementKind, Literal(kind)))
    for p in parties:
        g.add((a, DIP.party, KID[p]))
    g.add((node, DIP.agreement, a))
