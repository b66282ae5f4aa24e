"""Tables of facts (CSV/TSV) and `kutniti add`, `validate`, `reason` on them, run as a user runs them."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pyoxigraph as ox
import pytest
import rdflib

from kutniti.graph.store import Store, close
from kutniti.loaders.table import TableError, parse_date, read_table

DIP = rdflib.Namespace("https://w3id.org/kutniti/ontology#")
KID = rdflib.Namespace("https://w3id.org/kutniti/id/")
HEADER = "type,actor,recipient,date,place,source,quote\n"


def kutniti(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "kutniti", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


def test_names_in_bengali_or_english_resolve_to_the_same_things():
    table = read_table((HEADER + "Visit,কিম জং-উন,Russia,2019-04-25,Vladivostok,memoir,সফর\n"
                                 "সফর,Kim Jong-un,রাশিয়া,2019-04-25,ভ্লাদিভস্তক,memoir,সফর\n").encode(), "t.csv")
    events = set(table.graph.subjects(rdflib.RDF.type, DIP.Visit))
    assert len(events) == 1  # the same facts, written in either language
    [event] = events
    g = table.graph
    assert (event, DIP.visitor, KID["kim-jong-un"]) in g and (event, DIP.destination, KID.russia) in g
    assert (event, DIP.place, KID.vladivostok) in g
    assert g.value(event, DIP.date) == rdflib.Literal("2019-04-25", datatype=rdflib.XSD.date)
    assert table.rows[str(event)] == 2


def test_dates_as_precise_as_written():
    assert [d.lexical() for d in parse_date("১৯৮৬")] == ["1986"]
    assert [(d.lexical(), d.datatype) for d in parse_date("1976/1981-05")] == [("1976", "gYear"),
                                                                           ("1981-05", "gYearMonth")]
    assert parse_date("1981-02-29") is None and parse_date("March 1981") is None


def test_names_the_graph_knows_resolve_through_its_labels():
    store = ox.Store()
    atlantis = ox.NamedNode("https://w3id.org/kutniti/id/atlantis")
    store.add(ox.Quad(atlantis, ox.NamedNode(str(rdflib.RDFS.label)), ox.Literal("Atlantis", language="en"),
                      ox.NamedNode("https://w3id.org/kutniti/graph/entities")))
    table = read_table((HEADER + "Aid,north korea,atlantis,1990,,notes,সাহায্য\n").encode(), "t.csv", store=store)
    assert (None, DIP.recipient, KID.atlantis) in table.graph
    with pytest.raises(TableError) as err:
        read_table((HEADER + "Aid,North Korea,kid:lemuria,1990,,notes,সাহায্য\n").encode(), "t.csv", store=store)
    assert "t.csv: row 2, column recipient: kid:lemuria is not in the graph" in str(err.value)


@pytest.mark.parametrize("text,message", [
    (HEADER + "Visit,Nowhereland,Russia,2019,,m,q\n", "t.csv: row 2, column actor: unknown name 'Nowhereland'"),
    (HEADER + "Visit,North Korea,Russia,2019,,m,q\nVisit,North Korea,Russia,2019-13,,m,q\n",
     "t.csv: row 3, column date: '2019-13' is not a date"),
    (HEADER + "Parade,North Korea,,2019,,m,q\n", "t.csv: row 2, column type: unknown event type 'Parade'"),
    (HEADER + "Visit,North Korea,Russia,2019,Russia,m,q\n", "t.csv: row 2, column place: 'Russia' is a Country"),
    ("type,actor,when\nVisit,North Korea,2019\n", "t.csv: line 1: unknown column 'when'"),
    (HEADER, "t.csv: the table has a header but no rows of facts"),
])
def test_rows_that_cannot_be_mapped_are_reported_with_row_and_column(text, message):
    with pytest.raises(TableError) as err:
        read_table(text.encode("utf-8"), "t.csv")
    assert message in str(err.value)


def test_every_problem_of_a_table_is_reported_at_once():
    text = HEADER + "Visit,Nowhereland,Russia,2019-99,,m,q\nParade,North Korea,,,,m,q\n"
    with pytest.raises(TableError) as err:
        read_table(text.encode(), "t.csv")
    assert [p.split(":")[1].strip() for p in err.value.problems] == ["row 2, column actor", "row 2, column date",
                                                                   "row 3, column type"]


def test_a_table_not_in_utf8_is_refused_with_the_offset():
    data = (HEADER + "Visit,উত্তর কোরিয়া,Russia,2019,,m,q\n").encode("utf-8").replace("উ".encode(), b"\xff", 1)
    with pytest.raises(TableError) as err:
        read_table(data, "t.csv")
    assert f"t.csv: not UTF-8 text: byte 0xff at offset {len(HEADER) + 6}" in str(err.value)


# -- the command line ------------------------------------------------------------------------
@pytest.fixture
def store_dir(corpus_store_dir, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(corpus_store_dir, copy, symlinks=True)
    return copy


def snapshot(path) -> set[str]:
    store = Store(path)
    try:
        return store.snapshot()
    finally:
        close(store)


@pytest.mark.parametrize("name,text,words", [
    ("unknown.csv", HEADER + "Visit,North Korea,Nowhereland,2019,,m,q\n", "row 2, column recipient: unknown name"),
    ("type.tsv", HEADER.replace(",", "\t") + "Parade\tNorth Korea\t\t2019-02-30\t\tm\tq\n",
     "row 2, column date"),
    ("latin1.csv", None, "not UTF-8"),
])
def test_add_refuses_a_broken_table_and_leaves_the_store(store_dir, tmp_path, name, text, words):
    f = tmp_path / name
    f.write_bytes(text.encode("utf-8") if text else (HEADER + "Visit,Côte d’Ivoire,Russia,2019,,m,q\n").encode("cp1252"))
    before = snapshot(store_dir)
    proc = kutniti("add", f, "--store", store_dir)
    assert proc.returncode == 2, proc.stdout
    assert words in proc.stderr and name in proc.stderr
    assert snapshot(store_dir) == before


def test_add_stores_a_table_or_refuses_it_with_the_row(store_dir, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "Visit,North Korea,Russia,2019,,memoir,সফর\nVisit,North Korea,উত্তর কোরিয়া,2019,,memoir,সফর\n",
                   "utf-8")
    before = snapshot(store_dir)
    proc = kutniti("add", bad, "--store", store_dir)
    assert proc.returncode == 1
    assert "bad.csv:3: kid:event-" in proc.stdout and "must differ" in proc.stdout
    assert snapshot(store_dir) == before
    good = tmp_path / "good.csv"
    good.write_text(HEADER + "Visit,North Korea,Russia,2019,,memoir,সফর\n", "utf-8")
    proc = kutniti("add", good, "--store", store_dir, "--source", "a memoir", "--by", "analyst")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = kutniti("query", "SELECT ?who ?src WHERE { ?g prov:wasAttributedTo ?who ; dcterms:source ?src . "
                   "GRAPH ?g { ?e dip:visitor kid:north-korea ; dip:destination kid:russia } }",
                   "--store", store_dir, "--format", "csv")
    assert proc.stdout.splitlines()[1:] == ["analyst,a memoir"]


def test_validate_catches_disjointness_in_the_context_of_the_store(store_dir, tmp_path):
    f = tmp_path / "person.ttl"
    f.write_text("@prefix dip: <https://w3id.org/kutniti/ontology#> .\n@prefix kid: <https://w3id.org/kutniti/id/> .\n"
                 "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                 'kid:north-korea a dip:Person ; rdfs:label "North Korea"@en .\n', "utf-8")
    assert kutniti("validate", f).returncode == 0  # alone, nothing says it is a country
    proc = kutniti("validate", f, "--store", store_dir)
    assert proc.returncode == 1
    assert "person.ttl:4: kid:north-korea" in proc.stdout and "declares disjoint" in proc.stdout


@pytest.mark.skipif(shutil.which("java") is None, reason="no Java runtime for HermiT")
def test_materialised_types_live_in_their_own_graph(tmp_path):
    facts = tmp_path / "facts.ttl"
    facts.write_text("""@prefix dip: <https://w3id.org/kutniti/ontology#> . @prefix kid: <https://w3id.org/kutniti/id/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
kid:m-visit a dip:Visit ; dip:visitor kid:m-someone ; dip:destination kid:m-land ;
    prov:wasDerivedFrom kid:m-doc ; dip:evidence [ a dip:Evidence ; dip:quote "…" ] .
kid:m-doc a dip:SourceDocument ; <http://purl.org/dc/terms/identifier> "notes" .
""", "utf-8")
    root = tmp_path / "store"
    assert kutniti("add", facts, "--store", root).returncode == 0
    for _ in range(2):  # materialising again keeps the inferred types (they are not read as stated)
        proc = kutniti("reason", "--store", root, "--materialise")
        assert proc.returncode == 0, proc.stdout + proc.stderr
        proc = kutniti("query", "SELECT ?g WHERE { GRAPH ?g { kid:m-someone a dip:Agent } }", "--store", root,
                       "--format", "csv")
        assert proc.stdout.splitlines()[1:] == ["https://w3id.org/kutniti/graph/inferred"]
