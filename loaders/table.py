"""Facts from a table: a CSV or TSV file an analyst writes, one event a row, mapped to RDF.

Columns (a header row, in any order, names in any case): ``type, actor, recipient, date, place,
source, quote``. Each row becomes one event under the diplomacy ontology:

* ``type`` — an event class: its name (``Visit``, ``ArmsTransfer``) or its label in English or
  Bengali (``arms transfer``, ``সফর``);
* ``actor``, ``recipient`` — who: names in Bengali or English (``উত্তর কোরিয়া``, ``North Korea``,
  ``Kim Jong-un``), resolved with the lexicon the text loader uses, else with the labels already in
  the graph, or written as IRIs (``kid:north-korea``); several names are separated by ``;``.
  Unknown names are reported with their row and column, never invented;
* ``date`` — ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (Bengali digits too), as precise as the
  source; a span is written ``start/end``;
* ``place`` — a city, resolved like the names;
* ``source`` — the work the row cites (a memoir, a UN record): it becomes a ``dip:SourceDocument``;
* ``quote`` — the words of the source, as the event's ``dip:evidence``.

A row that cannot be read is not guessed at: every problem of the file is collected and raised
together as :class:`TableError`, each with its row (the line in the file) and column. What a row
*says* is left to the shapes, which report against the same rows (:meth:`FactsTable.where`).
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass, field
from datetime import date as _date

import pyoxigraph as ox
import rdflib
from rdflib import Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kutniti.graph.namespaces import DIP, KID, PREFIXES
from kutniti.loaders.dates import PartialDate
from kutniti.loaders.document import DocumentError, decode
from kutniti.loaders.lexicon import Entity, lexicon
from kutniti.loaders.rdf import ROLE_PROPERTIES, _hash, add_entity, date_literal
from kutniti.loaders.text import fold, key

COLUMNS = ("type", "actor", "recipient", "date", "place", "source", "quote")


class TableError(ValueError):
    """The table cannot be read or mapped; ``problems`` lists each one with its row and column."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class FactsTable:
    """The RDF a table maps to, and the line of the file each thing was written on."""

    name: str
    graph: rdflib.Graph
    rows: dict[str, int] = field(default_factory=dict)

    def where(self, iri: str) -> tuple[str | None, int | None]:
        """(file, line) of the row that made ``iri``, for validation reports."""
        line = self.rows.get(iri)
        return (self.name, line) if line else (None, None)


@functools.cache
def event_classes() -> dict[str, rdflib.URIRef]:
    """Folded name or label (English, Bengali) → every event class of the ontology."""
    from kutniti.graph.validate import ontology_graph

    onto = ontology_graph()
    out: dict[str, rdflib.URIRef] = {}
    for cls in onto.transitive_subjects(RDFS.subClassOf, DIP.Event):
        if cls == DIP.Event or not isinstance(cls, rdflib.URIRef):
            continue
        out[key(str(cls)[len(str(DIP)):])] = cls
        for label in onto.objects(cls, RDFS.label):
            out.setdefault(key(str(label)), cls)
    return out


@functools.cache
def english_names() -> dict[str, Entity]:
    """Folded English labels and alternative names → the lexicon's things."""
    out: dict[str, Entity] = {}
    for ent in lexicon().entities.values():
        for name in (ent.label_en, *ent.alt_en):
            out.setdefault(key(name), ent)
    return out


class Resolver:
    """Names → things: the lexicon first, then the labels in the graph (``store``), or an IRI."""

    _LABELS = """SELECT DISTINCT ?s WHERE {{ ?s <{label}>|<http://www.w3.org/2004/02/skos/core#altLabel> ?l .
                 FILTER(LCASE(STR(?l)) = LCASE({name})) }} LIMIT 3"""

    def __init__(self, store: ox.Store | None = None):
        self.store = store

    def entity(self, name: str) -> Entity | None:
        """The lexicon's thing called ``name`` (Bengali, with case endings, or English)."""
        lex = lexicon()
        k = key(name)
        hit = lex.lookup([k])
        if hit is not None:
            return hit[0]
        short = lex.short_names.get(k, [])
        if len(short) == 1:
            return short[0]
        return english_names().get(k)

    def iri(self, name: str) -> str | None:
        """An IRI written as ``<…>``, a full ``http(s)`` IRI, or a prefixed name of the project."""
        text = name.strip()
        if text.startswith("<") and text.endswith(">"):
            return text[1:-1]
        if re.fullmatch(r"https?://\S+", text):
            return text
        m = re.fullmatch(r"([a-z]+):([\w.-]+)", text)
        if m and m.group(1) in PREFIXES:
            return PREFIXES[m.group(1)] + m.group(2)
        return None

    def known(self, iri: str) -> bool:
        """Whether the graph says anything about ``iri`` (always true without a graph)."""
        if self.store is None:
            return True
        return next(iter(self.store.quads_for_pattern(ox.NamedNode(iri), None, None, None)), None) is not None

    def labelled(self, name: str) -> list[str]:
        """Things of the graph labelled ``name`` (any language, any case)."""
        if self.store is None:
            return []
        literal = ox.Literal(name.strip())
        rows = self.store.query(self._LABELS.format(label=RDFS.label, name=literal), use_default_graph_as_union=True)
        return [r["s"].value for r in rows if isinstance(r["s"], ox.NamedNode)]

    def types(self, iri: str) -> set[str]:
        """The types the graph gives ``iri``."""
        if self.store is None:
            return set()
        return {q.object.value for q in self.store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(str(RDF.type)),
                                                                     None, None)}


def parse_date(text: str) -> list[PartialDate] | None:
    """``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` (Latin or Bengali digits), or ``start/end``: the dates, or
    None when the text is not one of those or names no real day."""
    parts = [p.strip() for p in fold(text.strip()).text.split("/")]
    if len(parts) > 2:
        return None
    out = []
    for p in parts:
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", p)
        if not m:
            return None
        y, mo, d = (int(g) if g else None for g in m.groups())
        try:
            _date(y, mo or 1, d or 1)
        except ValueError:
            return None
        out.append(PartialDate(y, mo, d))
    return out


def delimiter_for(name: str) -> str:
    """Tab for ``.tsv`` files and the TSV media type, else a comma."""
    return "\t" if name.lower().endswith((".tsv", ".tab")) or "tab-separated" in name.lower() else ","


def read_table(data: bytes, name: str, *, store: ox.Store | None = None, delimiter: str | None = None) -> FactsTable:
    """Map a CSV/TSV table of facts to RDF; raise :class:`TableError` listing every problem."""
    try:
        text = decode(data, name)
    except DocumentError as exc:
        raise TableError([str(exc)]) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or delimiter_for(name))
    try:
        header = next(reader)
    except StopIteration:
        raise TableError([f"{name}: the table is empty: write a header row ({', '.join(COLUMNS)})"]) from None
    except csv.Error as exc:
        raise TableError([f"{name}: line 1: {exc}"]) from None
    columns = [h.strip().lower() for h in header]
    problems = [f"{name}: line 1: unknown column {h!r} (the columns are {', '.join(COLUMNS)})"
                for h in columns if h not in COLUMNS]
    if "type" not in columns:
        problems.append(f"{name}: line 1: no 'type' column (the columns are {', '.join(COLUMNS)})")
    if problems:
        raise TableError(problems)
    mapper = _Mapper(name, Resolver(store))
    line = 2
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                if len(cells) > len(columns):
                    problems.append(f"{name}: row {line}: {len(cells)} cells but {len(columns)} columns")
                else:
                    row = {c: (cells[i].strip() if i < len(cells) else "") for i, c in enumerate(columns)}
                    problems += mapper.row(line, row)
            line = reader.line_num + 1
    except csv.Error as exc:
        problems.append(f"{name}: row {line}: {exc}")
    if problems:
        raise TableError(problems)
    if not mapper.rows:
        raise TableError([f"{name}: the table has a header but no rows of facts"])
    return FactsTable(name, mapper.graph, mapper.rows)


class _Mapper:
    """Rows → triples, remembering the line each thing was first written on."""

    def __init__(self, name: str, resolver: Resolver):
        self.name = name
        self.resolver = resolver
        self.graph = rdflib.Graph()
        self.rows: dict[str, int] = {}

    def _at(self, line: int, column: str, message: str) -> str:
        return f"{self.name}: row {line}, column {column}: {message}"

    def _thing(self, line: int, column: str, name: str, problems: list[str]) -> tuple[rdflib.URIRef, str] | None:
        """The IRI ``name`` stands for and its kind (Country, Person, Organization, City, or '')."""
        iri = self.resolver.iri(name)
        if iri is not None:
            if not self.resolver.known(iri):
                problems.append(self._at(line, column, f"{name} is not in the graph"))
                return None
            kinds = {t[len(str(DIP)):] for t in self.resolver.types(iri) if t.startswith(str(DIP))}
            return rdflib.URIRef(iri), next(iter(kinds), "")
        ent = self.resolver.entity(name)
        if ent is not None:
            node = KID[ent.slug]
            if not self.resolver.types(str(node)):  # not in the graph yet: described from the lexicon
                add_entity(self.graph, ent)
                self.rows.setdefault(str(node), line)
            return node, ent.kind
        found = self.resolver.labelled(name)
        if len(found) == 1:
            kinds = {t[len(str(DIP)):] for t in self.resolver.types(found[0]) if t.startswith(str(DIP))}
            return rdflib.URIRef(found[0]), next(iter(kinds), "")
        if len(found) > 1:
            problems.append(self._at(line, column, f"{name!r} names several things in the graph "
                                                   f"({', '.join(found)}); write the IRI instead"))
            return None
        problems.append(self._at(line, column, f"unknown name {name!r}: not in the lexicon nor in the graph "
                                               "(write a known Bengali or English name, or an IRI such as kid:…)"))
        return None

    def row(self, line: int, row: dict[str, str]) -> list[str]:
        problems: list[str] = []
        cls = event_classes().get(key(row.get("type", ""))) if row.get("type") else None
        if cls is None:
            known = sorted({str(c)[len(str(DIP)):] for c in event_classes().values()})
            problems.append(self._at(line, "type", f"unknown event type {row.get('type', '')!r} "
                                                   f"(one of: {', '.join(known)})"))
        agents: dict[str, list[rdflib.URIRef]] = {"actor": [], "recipient": []}
        for column in agents:
            for name in filter(None, (n.strip() for n in row.get(column, "").split(";"))):
                hit = self._thing(line, column, name, problems)
                if hit is not None:
                    agents[column].append(hit[0])
        place = None
        if row.get("place"):
            hit = self._thing(line, "place", row["place"], problems)
            if hit is not None and hit[1] not in ("City", "Place", ""):
                problems.append(self._at(line, "place", f"{row['place']!r} is a {hit[1]}, not a city "
                                                        "(dip:place is a place; name the country as actor or recipient)"))
            elif hit is not None:
                place = hit[0]
        dates = parse_date(row["date"]) if row.get("date") else []
        if dates is None:
            problems.append(self._at(line, "date", f"{row['date']!r} is not a date: write YYYY-MM-DD, YYYY-MM or "
                                                   "YYYY (as precise as the source), or START/END for a span"))
        if problems:
            return problems
        self._event(line, cls, agents, dates, place, row.get("source", ""), row.get("quote", ""))
        return []

    def _event(self, line, cls, agents, dates, place, source, quote) -> None:
        g = self.graph
        ident = _hash(cls, agents["actor"], agents["recipient"], [d.lexical() for d in dates], place, source, quote)
        node = KID[f"event-{ident}"]
        g.add((node, RDF.type, cls))
        actor_p, recipient_p = ROLE_PROPERTIES.get(str(cls)[len(str(DIP)):], (DIP.actor, DIP.recipient))
        for a in agents["actor"]:
            g.add((node, actor_p, a))
        for r in agents["recipient"]:
            g.add((node, recipient_p, r))
        if len(dates) == 1:
            g.add((node, DIP.date, date_literal(dates[0])))
        elif len(dates) == 2:
            g.add((node, DIP.startDate, date_literal(dates[0])))
            g.add((node, DIP.endDate, date_literal(dates[1])))
        if place is not None:
            g.add((node, DIP.place, place))
        if source:
            cited = self.resolver.iri(source)
            doc = rdflib.URIRef(cited) if cited else KID[f"source-{_hash(source)}"]
            if not cited:
                g.add((doc, RDF.type, DIP.SourceDocument))
                g.add((doc, DCTERMS.identifier, Literal(source)))
            g.add((node, PROV.wasDerivedFrom, doc))
            self.rows.setdefault(str(doc), line)
        evidence = KID[f"evidence-{ident}"]
        g.add((node, DIP.evidence, evidence))
        g.add((evidence, RDF.type, DIP.Evidence))
        if quote:
            g.add((evidence, DIP.quote, Literal(quote)))
        self.rows.setdefault(str(node), line)
        self.rows.setdefault(str(evidence), line)
