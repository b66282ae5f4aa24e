"""Generate realistic synthetic kutniti data of any size, streamed to N-Quads.

The output has the shape ``kutniti build`` writes: one named graph per source document holding the
``kid:doc-…`` SourceDocument, the agreements it mentions, its events of every ``dip:Event`` class
with roles and dates, and the evidence nodes (quote, start, end) each event rests on; and the shared
entities graph, which describes each country and person (type, English and Bengali labels) once,
however many documents name them. Countries are the real ISO 3166 list from CLDR
(Babel). The same seed and size always give the same bytes. Lines are written as they are made, so
10M triples need no more memory than 10k.

    python -m bench.generate --triples 1000000 --out data-1m.nq --seed 7
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

from babel import Locale

from kutniti.graph.namespaces import DIP, ENTITIES_GRAPH, KID, document_graph, document_iri, slugify

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

#: Event classes and the roles each one uses: (class, [(role property, how many agents)]).
EVENT_ROLES: list[tuple[str, list[tuple[str, int]]]] = [
    ("Visit", [("visitor", 1), ("destination", 1)]),
    ("Meeting", [("participant", 2)]),
    ("AgreementSigning", [("participant", 2)]),
    ("AgreementTermination", [("actor", 1), ("recipient", 1)]),
    ("RelationsEstablished", [("participant", 2)]),
    ("Recognition", [("actor", 1), ("recipient", 1)]),
    ("ReduceRelations", [("actor", 1), ("recipient", 1)]),
    ("Expulsion", [("actor", 1), ("recipient", 1)]),
    ("MissionOpening", [("actor", 1), ("recipient", 1)]),
    ("MissionClosure", [("actor", 1), ("recipient", 1)]),
    ("Aid", [("donor", 1), ("recipient", 1)]),
    ("ArmsTransfer", [("supplier", 1), ("recipient", 1)]),
    ("TroopDeployment", [("sender", 1), ("host", 1)]),
    ("Cooperation", [("participant", 2)]),
    ("MilitaryCooperation", [("participant", 2)]),
    ("Support", [("actor", 1), ("recipient", 1)]),
    ("Sanction", [("actor", 1), ("recipient", 1)]),
    ("Message", [("sender", 1), ("recipient", 1)]),
    ("Statement", [("actor", 1)]),
]

#: A Bengali phrase per event class, for evidence quotes: "{a} ও {b} {year} সালে …".
EVENT_PHRASES_BN: dict[str, str] = {
    "Visit": "{a} {year} সালে {b} সফর করেছেন।",
    "Meeting": "{a} ও {b} {year} সালে বৈঠক করেছে।",
    "AgreementSigning": "{a} ও {b} {year} সালে একটি চুক্তি স্বাক্ষর করেছে।",
    "AgreementTermination": "{a} {year} সালে {b}-এর সাথে চুক্তি বাতিল করেছে।",
    "RelationsEstablished": "{a} ও {b} {year} সালে কূটনৈতিক সম্পর্ক স্থাপন করেছে।",
    "Recognition": "{a} {year} সালে {b}-কে স্বীকৃতি দিয়েছে।",
    "ReduceRelations": "{a} {year} সালে {b}-এর সাথে সম্পর্ক কমিয়েছে।",
    "Expulsion": "{a} {year} সালে {b}-এর কূটনীতিকদের বহিষ্কার করেছে।",
    "MissionOpening": "{a} {year} সালে {b}-এ দূতাবাস খুলেছে।",
    "MissionClosure": "{a} {year} সালে {b}-এ দূতাবাস বন্ধ করেছে।",
    "Aid": "{a} {year} সালে {b}-কে সাহায্য পাঠিয়েছে।",
    "ArmsTransfer": "{a} {year} সালে {b}-কে অস্ত্র সরবরাহ করেছে।",
    "TroopDeployment": "{a} {year} সালে {b}-এ সৈন্য পাঠিয়েছে।",
    "Cooperation": "{a} ও {b} {year} সালে সহযোগিতা বাড়িয়েছে।",
    "MilitaryCooperation": "{a} ও {b} {year} সালে সামরিক সহযোগিতা করেছে।",
    "Support": "{a} {year} সালে {b}-এর প্রতি সমর্থন জানিয়েছে।",
    "Sanction": "{a} {year} সালে {b}-এর উপর নিষেধাজ্ঞা আরোপ করেছে।",
    "Message": "{a} {year} সালে {b}-কে বার্তা পাঠিয়েছে।",
    "Statement": "{a} {year} সালে একটি বিবৃতি দিয়েছে।",
}

#: Name parts (English, Bengali) that people's names are made from.
GIVEN = [("Kim", "কিম"), ("Park", "পার্ক"), ("Ri", "রি"), ("Choe", "চোয়ে"), ("Sergey", "সের্গেই"),
         ("Wang", "ওয়াং"), ("Vladimir", "ভ্লাদিমির"), ("Anna", "আনা"), ("Rahim", "রহিম"),
         ("Sun", "সান"), ("Maria", "মারিয়া"), ("Jong", "জং"), ("Hassan", "হাসান"), ("Li", "লি")]
FAMILY = [("Son Hui", "সন হুই"), ("Yong Ho", "ইয়ং হো"), ("Lavrov", "লাভরভ"), ("Yi", "ই"),
          ("Petrov", "পেত্রভ"), ("Chowdhury", "চৌধুরী"), ("Tanaka", "তানাকা"), ("Nguyen", "নুয়েন"),
          ("Silva", "সিলভা"), ("Ahmed", "আহমেদ"), ("Chol", "চোল"), ("Ivanova", "ইভানোভা")]
POSITIONS = ["foreign minister", "ambassador", "prime minister", "president", "envoy",
             "defence minister"]
AGREEMENT_KINDS = ["partnership", "trade", "defence", "friendship", "aid", "visa"]


@dataclass(frozen=True)
class Country:
    """One country of the CLDR territory list."""

    code: str
    slug: str
    name_en: str
    name_bn: str


def countries() -> list[Country]:
    """The ISO 3166-1 alpha-2 countries CLDR names in English and Bengali, sorted by code."""
    en, bn = Locale("en").territories, Locale("bn").territories
    out = []
    for code in sorted(en):
        if len(code) == 2 and code.isalpha() and code in bn and code not in {"ZZ", "EU", "UN", "EZ", "QO", "XA", "XB"}:
            out.append(Country(code, slugify(en[code]), en[code], bn[code]))
    return out


def escape(text: str) -> str:
    """Escape a string for an N-Quads literal."""
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r"))


def _iri(value: str) -> str:
    return f"<{value}>"


def _lit(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    if lang:
        return f'"{escape(text)}"@{lang}'
    if datatype:
        return f'"{escape(text)}"^^<{datatype}>'
    return f'"{escape(text)}"'


def _date(rng: random.Random, first: int = 1948, last: int = 2024) -> tuple[str, str, int]:
    """A random date as (lexical, datatype, year): a gYear, gYearMonth or date."""
    year = rng.randint(first, last)
    kind = rng.random()
    if kind < 0.4:
        return str(year), XSD + "gYear", year
    month = rng.randint(1, 12)
    if kind < 0.7:
        return f"{year}-{month:02d}", XSD + "gYearMonth", year
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}", XSD + "date", year


def document_quads(index: int, rng: random.Random, world: list[Country],
                   events_per_doc: int, described: set[str] | None = None) -> Iterator[str]:
    """The N-Quads lines of one synthetic source document: its own named graph, and the entities
    graph's description of each country and person it names that ``described`` does not hold yet
    (``described`` is updated; without it every entity named is described)."""
    stem = f"syn{index:07d}_{rng.getrandbits(64):016x}"
    g = _iri(str(document_graph(stem)))
    eg = _iri(str(ENTITIES_GRAPH))
    doc = _iri(str(document_iri(stem)))
    dip = str(DIP)
    described = set() if described is None else described

    def q(s: str, p: str, o: str) -> str:
        return f"{s} <{p}> {o} {g} .\n"

    def e(s: str, p: str, o: str) -> str:
        return f"{s} <{p}> {o} {eg} .\n"

    # North Korea is in most documents, as in the real corpus; the rest are drawn at random.
    kp = next((c for c in world if c.code == "KP"), world[0])
    mentioned = [kp] + rng.sample(world, 4)
    persons = []
    for _ in range(2):
        (ge, gb), (fe, fb) = rng.choice(GIVEN), rng.choice(FAMILY)
        number = rng.randint(1, 5000)
        persons.append((f"{ge} {fe} {number}", f"{gb} {fb} {number}", rng.choice(mentioned)))

    sentences: list[str] = []
    offset = 0
    body: list[str] = []
    # Published in 2025, after every event it reports except the planned ones.
    issued, issued_type = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", XSD + "date"
    for c in mentioned:
        s = _iri(str(KID[c.slug]))
        if s not in described:
            described.add(s)
            body.append(e(s, RDF_TYPE, _iri(dip + "Country")))
            body.append(e(s, RDFS_LABEL, _lit(c.name_en, "en")))
            body.append(e(s, RDFS_LABEL, _lit(c.name_bn, "bn")))
            body.append(e(s, dip + "isoCode", _lit(c.code)))
    for en, bn, country in persons:
        s = _iri(str(KID[slugify(en)]))
        position = rng.choice(POSITIONS)  # drawn for every mention, so the events do not depend on order
        if s not in described:
            described.add(s)
            body.append(e(s, RDF_TYPE, _iri(dip + "Person")))
            body.append(e(s, RDFS_LABEL, _lit(en, "en")))
            body.append(e(s, RDFS_LABEL, _lit(bn, "bn")))
            body.append(e(s, SKOS_ALT, _lit(bn.split(" ")[0], "bn")))
            body.append(e(s, dip + "represents", _iri(str(KID[country.slug]))))
            body.append(e(s, dip + "position", _lit(position, "en")))
    agents = [(str(KID[c.slug]), c.name_bn) for c in mentioned] + [
        (str(KID[slugify(en)]), bn) for en, bn, _ in persons]

    for e in range(events_per_doc):
        cls, roles = EVENT_ROLES[rng.randrange(len(EVENT_ROLES))]
        ev = _iri(str(KID[f"event-{hashlib.sha1(f'{stem}-{e}'.encode()).hexdigest()[:12]}"]))
        planned = cls in ("Visit", "Meeting") and rng.random() < 0.1
        value, datatype, year = _date(rng, 2026, 2027) if planned else _date(rng)
        picked = rng.sample(agents[: len(mentioned)] if rng.random() < 0.8 else agents, 2)
        body.append(q(ev, RDF_TYPE, _iri(dip + cls)))
        names = []
        i = 0
        for role, count in roles:
            for _ in range(count):
                body.append(q(ev, dip + role, _iri(picked[i][0])))
                names.append(picked[i][1])
                i += 1
        quote = EVENT_PHRASES_BN[cls].format(a=names[0], b=names[-1], year=year)
        start, end = offset, offset + len(quote)
        offset = end + 1
        sentences.append(quote)
        evid = _iri(str(KID[f"evidence-{stem}-{start}-{end}"]))
        body.append(q(ev, dip + "evidence", evid))
        body.append(q(ev, PROV_DERIVED, doc))
        body.append(q(ev, dip + "date", _lit(value, datatype=datatype)))
        if planned:
            body.append(q(ev, dip + "status", _iri(dip + "Planned")))
        body.append(q(evid, RDF_TYPE, _iri(dip + "Evidence")))
        body.append(q(evid, dip + "quote", _lit(quote)))
        body.append(q(evid, dip + "start", _lit(str(start), datatype=XSD + "integer")))
        body.append(q(evid, dip + "end", _lit(str(end), datatype=XSD + "integer")))
        if cls == "AgreementSigning":
            kind = rng.choice(AGREEMENT_KINDS)
            a, b = sorted(p[0].rsplit("/", 1)[1] for p in picked)
            ag = _iri(str(KID[f"agreement-{kind}-{a}-{b}-{year}-{index}"]))
            body.append(q(ev, dip + "agreement", ag))
            body.append(q(ag, RDF_TYPE, _iri(dip + "Agreement")))
            body.append(q(ag, RDFS_LABEL, _lit(f"{kind} agreement between {a} and {b}", "en")))
            body.append(q(ag, dip + "agreementKind", _lit(kind)))
            body.append(q(ag, dip + "party", _iri(picked[0][0])))
            body.append(q(ag, dip + "party", _iri(picked[1][0])))
            body.append(q(ag, dip + "signedOn", _lit(value, datatype=datatype)))

    text = "\n".join(sentences) + "\n"
    body.append(q(doc, RDF_TYPE, _iri(dip + "SourceDocument")))
    body.append(q(doc, DCT + "identifier", _lit(f"{stem}.txt")))
    body.append(q(doc, DCT + "language", _lit("bn")))
    body.append(q(doc, DCT + "title", _lit(sentences[0], "bn")))
    body.append(q(doc, DCT + "issued", _lit(issued, datatype=issued_type)))
    body.append(q(doc, dip + "sha256", _lit(hashlib.sha256(text.encode()).hexdigest())))
    body.append(q(doc, dip + "text", _lit(text)))
    yield from body


def generate(out: IO[str], triples: int, *, seed: int = 7, events_per_doc: int = 12) -> int:
    """Write at least ``triples`` quads (whole documents) to ``out``; return how many were written."""
    if triples < 1:
        raise ValueError(f"triples must be positive, got {triples}")
    rng = random.Random(seed)
    world = countries()
    described: set[str] = set()
    written = 0
    index = 0
    while written < triples:
        lines = list(document_quads(index, rng, world, events_per_doc, described))
        out.writelines(lines)
        written += len(lines)
        index += 1
    return written


def parse_size(text: str) -> int:
    """Parse ``10k``, ``1M``, ``2.5m`` or ``100000`` into a number of triples."""
    t = text.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(t[-1:], 1)
    number = t[:-1] if factor > 1 else t
    try:
        value = int(float(number) * factor)
    except ValueError:
        raise ValueError(f"not a size: {text!r} (use e.g. 10k, 1M or 250000)") from None
    if value < 1:
        raise ValueError(f"size must be positive: {text!r}")
    return value


def write_file(path: Path, triples: int, *, seed: int = 7) -> int:
    """Generate into ``path`` (N-Quads, UTF-8); return the number of quads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", buffering=1 << 20) as fh:
        return generate(fh, triples, seed=seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", default="10k", help="how many (10k, 1M, …)")
    parser.add_argument("--out", type=Path, help="N-Quads file (default: standard output)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    try:
        n = parse_size(args.triples)
    except ValueError as err:
        parser.error(str(err))
    if args.out:
        count = write_file(args.out, n, seed=args.seed)
        print(f"{count} quads -> {args.out}", file=sys.stderr)
    else:
        count = generate(sys.stdout, n, seed=args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
