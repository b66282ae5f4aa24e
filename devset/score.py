"""Score a kutniti graph export against a gold file of facts: precision, recall and F1 of events.

usage: python devset/score.py GOLD.yaml EXPORT.ttl [--docs DOC_DIR] [--json]

An extracted event is right when a gold fact of its own document matches it:
  * its class is the gold type (or one of a list of types), or a subclass of it;
  * every gold actor is among its participants (``dip:participant`` and sub-properties), by English
    label or alias, or as the country a participating person ``dip:represents``;
  * ``from`` is on its ``dip:actor`` side and ``to`` on its ``dip:recipient`` side, where given;
  * its years (``dip:date``, ``dip:startDate``..``dip:endDate``) overlap the gold's ``date``,
    ``year`` or ``start``..``end`` (unless the fact says ``date_optional``).
Events whose evidence lies after a document's ``boilerplate_after`` marker count as wrong. Facts
marked ``optional`` are neither required nor wrong. Gold entities (kind, label, country) and
missions (sending, receiving state) are checked too. The ontology is loaded from the package.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import yaml

DIP = "https://w3id.org/kutniti/ontology#"
PREFIXES = """PREFIX dip: <https://w3id.org/kutniti/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


def fold(label: str) -> str:
    """A label reduced for comparison: accents, case, spaces and punctuation removed."""
    plain = unicodedata.normalize("NFKD", label)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def year_of(lexical: str) -> int | None:
    m = re.match(r"-?(\d{4})", str(lexical))
    return int(m.group(1)) if m else None


@dataclass
class Graph:
    """What the scorer needs from an export, read once."""

    classes: dict = field(default_factory=lambda: defaultdict(set))
    roles: dict = field(default_factory=lambda: {r: defaultdict(set) for r in ("participant", "actor", "recipient")})
    years: dict = field(default_factory=lambda: defaultdict(list))
    doc: dict = field(default_factory=dict)
    starts: dict = field(default_factory=lambda: defaultdict(list))
    labels: dict = field(default_factory=lambda: defaultdict(set))
    represents: dict = field(default_factory=lambda: defaultdict(set))
    kinds: dict = field(default_factory=lambda: defaultdict(set))
    missions: list = field(default_factory=list)


def rows(store: ox.Store, body: str):
    return store.query(PREFIXES + body, use_default_graph_as_union=True)


def open_export(export: Path, ontology: Path) -> ox.Store:
    store = ox.Store()
    for path in (ontology, export):
        fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
        kwargs = {} if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS) else {"to_graph": ox.DefaultGraph()}
        store.load(path=str(path), format=fmt, **kwargs)
    return store


def read_graph(store: ox.Store, canon) -> Graph:
    g = Graph()
    for r in rows(store, "SELECT DISTINCT ?e ?c WHERE { ?e a/rdfs:subClassOf* ?c . ?c rdfs:subClassOf* dip:Event }"):
        g.classes[r["e"].value].add(r["c"].value.removeprefix(DIP))
    for role, bucket in g.roles.items():
        for r in rows(store, f"SELECT DISTINCT ?e ?x WHERE {{ ?p rdfs:subPropertyOf* dip:{role} . ?e ?p ?x }}"):
            bucket[r["e"].value].add(r["x"].value)
    for r in rows(store, "SELECT ?e ?d WHERE { VALUES ?p { dip:date dip:startDate dip:endDate } ?e ?p ?d }"):
        y = year_of(r["d"].value)
        if y is not None:
            g.years[r["e"].value].append(y)
    for r in rows(store, "SELECT ?e ?id WHERE { ?e prov:wasDerivedFrom/dcterms:identifier ?id }"):
        g.doc[r["e"].value] = Path(r["id"].value).name
    for r in rows(store, "SELECT ?e ?s ?q WHERE { ?e dip:evidence ?v . OPTIONAL { ?v dip:start ?s } OPTIONAL { ?v dip:quote ?q } }"):
        g.starts[r["e"].value].append((int(r["s"].value) if r["s"] else None, r["q"].value if r["q"] else None))
    for r in rows(store, """SELECT ?x ?l WHERE { { ?x rdfs:label ?l } UNION { ?x skos:prefLabel ?l }
                            UNION { ?x skos:altLabel ?l } FILTER(LANGMATCHES(LANG(?l), "en") || LANG(?l) = "") }"""):
        g.labels[r["x"].value].add(canon(r["l"].value))
    for r in rows(store, "SELECT ?x ?c WHERE { ?p rdfs:subPropertyOf* dip:represents . ?x ?p ?c }"):
        g.represents[r["x"].value].add(r["c"].value)
    for r in rows(store, """SELECT ?x ?k WHERE { VALUES ?k { dip:Person dip:Country dip:Organization }
                            ?x a/rdfs:subClassOf* ?k }"""):
        g.kinds[r["k"].value.removeprefix(DIP)].add(r["x"].value)
    for r in rows(store, """SELECT ?m ?s ?r WHERE { ?m a/rdfs:subClassOf* dip:DiplomaticMission .
                            OPTIONAL { ?m dip:sendingState ?s } OPTIONAL { ?m dip:receivingState ?r } }"""):
        g.missions.append((r["s"].value if r["s"] else None, r["r"].value if r["r"] else None))
    return g


class Scorer:
    """Matches a graph's events against gold facts."""

    def __init__(self, gold: dict, docs_dir: Path | None):
        self.gold = gold
        self.alias = {}
        for name, others in (gold.get("aliases") or {}).items():
            for a in [name, *others]:
                self.alias[fold(a)] = name
        self.meta = {name: (m or {}) for name, m in gold["docs"].items()}
        self.text = {}
        if docs_dir:
            for name in self.meta:
                if (docs_dir / name).is_file():
                    self.text[name] = (docs_dir / name).read_text(encoding="utf-8")
        self.facts = defaultdict(list)
        for f in gold["facts"]:
            self.facts[self.doc_name(str(f["doc"]))].append(f)

    def doc_name(self, prefix: str) -> str:
        found = [n for n in self.meta if n.startswith(prefix)]
        if len(found) != 1:
            raise SystemExit(f"gold: doc {prefix!r} names {len(found)} documents in docs:")
        return found[0]

    def canon(self, label: str) -> str:
        """The gold name a label stands for, reduced by :func:`fold` either way: "Kim Jong-un" is "Kim
        Jong Un" with or without an alias listed."""
        return fold(self.alias.get(fold(label), label))

    def names(self, g: Graph, node: str) -> set[str]:
        out = set(g.labels.get(node, ()))
        for c in g.represents.get(node, ()):
            out |= g.labels.get(c, set())
        return out

    def side(self, g: Graph, role: str, e: str) -> set[str]:
        return set().union(set(), *(self.names(g, x) for x in g.roles[role].get(e, ())))

    def in_clutter(self, g: Graph, e: str, doc: str) -> bool:
        marker = self.meta[doc].get("boilerplate_after")
        text = self.text.get(doc)
        if not marker or text is None or marker not in text:
            return False
        cut = text.index(marker)
        where = [s if s is not None else text.find(q) for s, q in g.starts.get(e, ()) if s is not None or q]
        where = [w for w in where if w >= 0]
        return bool(where) and min(where) >= cut

    def matches(self, g: Graph, e: str, f: dict) -> bool:
        types = f["type"] if isinstance(f["type"], list) else [f["type"]]
        if not g.classes[e] & set(types):
            return False
        everyone = self.side(g, "participant", e) | self.side(g, "actor", e) | self.side(g, "recipient", e)
        if any(self.canon(a) not in everyone for a in f["actors"]):
            return False
        if "from" in f and self.canon(f["from"]) not in self.side(g, "actor", e):
            return False
        if "to" in f and self.canon(f["to"]) not in self.side(g, "recipient", e):
            return False
        if f.get("date_optional"):
            return True
        if "date" in f:
            lo = hi = year_of(f["date"])
        elif "year" in f:
            lo = hi = int(f["year"])
        elif "start" in f:
            lo, hi = year_of(f["start"]), year_of(f.get("end", f["start"]))
        else:
            return True
        ys = g.years.get(e)
        return bool(ys) and min(ys) <= hi and max(ys) >= lo

    def score(self, g: Graph) -> dict:
        per_doc = {d: {"extracted": 0, "right": 0, "found": set()} for d in self.meta}
        wrong, unsourced = [], 0
        for e in sorted(g.classes):
            doc = g.doc.get(e)
            if doc not in self.meta:
                unsourced += doc is None
                continue
            d = per_doc[doc]
            d["extracted"] += 1
            if self.in_clutter(g, e, doc):
                wrong.append(f"{doc} {sorted(g.classes[e])} {e} (from page clutter)")
                continue
            hits = {f["id"] for f in self.facts[doc] if self.matches(g, e, f)}
            if hits:
                d["right"] += 1
                d["found"] |= hits
            else:
                wrong.append(f"{doc} {sorted(g.classes[e])} {e} (no gold fact)")
        docs, missed = {}, []
        tot = {"extracted": 0, "right": 0, "required": 0, "found": 0}
        for doc, d in per_doc.items():
            required = [f for f in self.facts[doc] if not f.get("optional")]
            found = [f for f in required if f["id"] in d["found"]]
            missed += [f'{f["id"]} {f["type"]} {f["actors"]} {f.get("date", f.get("year", f.get("start", "")))}'
                       for f in required if f["id"] not in d["found"]]
            docs[doc] = prf(d["extracted"], d["right"], len(required), len(found))
            for k, v in (("extracted", d["extracted"]), ("right", d["right"]),
                         ("required", len(required)), ("found", len(found))):
                tot[k] += v
        result = {"overall": prf(**tot), "documents": docs, "missed": missed, "false_positives": wrong,
                  "events_without_source": unsourced}
        result.update(self.entities(g))
        return result

    def entities(self, g: Graph) -> dict:
        missing = []
        wanted = self.gold.get("entities") or []
        for ent in wanted:
            cands = [x for x in g.kinds.get(ent["kind"], ()) if self.canon(ent["label"]) in g.labels.get(x, ())]
            if ent.get("country"):
                cands = [x for x in cands
                         if any(self.canon(ent["country"]) in g.labels.get(c, ()) for c in g.represents.get(x, ()))]
            if not cands:
                missing.append(ent["label"])
        mis_missing = []
        for m in self.gold.get("missions") or []:
            s, r = self.canon(m["sending"]), self.canon(m["receiving"])
            if not any(a and b and s in g.labels.get(a, ()) and r in g.labels.get(b, ()) for a, b in g.missions):
                mis_missing.append(f'{m["sending"]} -> {m["receiving"]} ({m.get("city", "")})')
        n_m = len(self.gold.get("missions") or [])
        return {"entities": f"{len(wanted) - len(missing)}/{len(wanted)}", "entities_missing": missing,
                "missions": f"{n_m - len(mis_missing)}/{n_m}", "missions_missing": mis_missing}


def prf(extracted: int, right: int, required: int, found: int) -> dict:
    p = right / extracted if extracted else 0.0
    r = found / required if required else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"extracted": extracted, "right": right, "required": required, "found": found,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def report(result: dict) -> str:
    lines = [f'{"document":28} {"events":>6} {"right":>5} {"gold":>5} {"found":>5}   P     R     F1']
    for doc, d in [*result["documents"].items(), ("OVERALL", result["overall"])]:
        lines.append(f'{doc:28} {d["extracted"]:6} {d["right"]:5} {d["required"]:5} {d["found"]:5}  '
                     f'{d["precision"]:.2f}  {d["recall"]:.2f}  {d["f1"]:.2f}')
    for key in ("missed", "false_positives", "entities_missing", "missions_missing"):
        lines.append(f"{key}: {len(result[key])}")
        lines += [f"    {x}" for x in result[key]]
    lines.append(f'entities {result["entities"]}  missions {result["missions"]}  '
                 f'events without a source document {result["events_without_source"]}')
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("export", type=Path)
    ap.add_argument("--docs", type=Path, help="the documents' folder (to recognise page clutter)")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)
    from kutniti.ontology import ontology_path

    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    scorer = Scorer(gold, args.docs)
    try:
        store = open_export(args.export, Path(ontology_path()))
    except (OSError, SyntaxError, ValueError) as exc:
        print(f"error: cannot read {args.export}: {exc}", file=sys.stderr)
        return 2
    result = scorer.score(read_graph(store, scorer.canon))
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
