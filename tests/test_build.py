"""The build: corpus → store generation, export round trips, broken input leaves the store as it was."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kutniti.graph.build import build
from kutniti.graph.export import export
from kutniti.graph.namespaces import ONTOLOGY_GRAPH, document_graph
from kutniti.graph.store import Store, close
from kutniti.loaders.document import DocumentError

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("store") / "kutniti"
    summary = build([CORPUS], root, workers=1)
    return root, summary


def test_build_makes_one_named_graph_per_document_and_one_for_the_ontology(built):
    root, summary = built
    store = Store(root)
    try:
        graphs = set(store.named_graphs())
        for doc in sorted(CORPUS.glob("*.txt")):
            assert str(document_graph(doc.stem)) in graphs
        assert str(ONTOLOGY_GRAPH) in graphs
        assert summary.documents == 5
        # every document node states its identifier and checksum
        rows = list(store.query(
            "PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX dip: <https://w3id.org/kutniti/ontology#> "
            "SELECT ?id ?sum WHERE { ?d a dip:SourceDocument ; dcterms:identifier ?id ; dip:sha256 ?sum }"))
        assert sorted(r["id"].value for r in rows) == sorted(p.name for p in CORPUS.glob("*.txt"))
        import hashlib

        for r in rows:
            assert r["sum"].value == hashlib.sha256((CORPUS / r["id"].value).read_bytes()).hexdigest()
    finally:
        close(store)


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".jsonld"])
def test_export_reimports_isomorphically(built, tmp_path, suffix):
    root, _ = built
    store = Store(root)
    try:
        out = tmp_path / f"graph{suffix}"
        export(store, out)
        again = Store()
        again.load(out)
        assert sorted(store.named_graphs()) == sorted(again.named_graphs())
        for g in store.named_graphs():
            a, b = rdflib.Graph(), rdflib.Graph()
            a.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, graph=g).decode(), format="nt")
            b.parse(data=again.dump(format=ox.RdfFormat.N_TRIPLES, graph=g).decode(), format="nt")
            assert len(a) > 0
            assert isomorphic(a, b), g
    finally:
        close(store)


@pytest.mark.parametrize("suffix", [".ttl", ".nt"])
def test_triple_formats_export_the_union_of_graphs(built, tmp_path, suffix):
    root, _ = built
    store = Store(root)
    try:
        out = tmp_path / f"graph{suffix}"
        export(store, out)
        g = rdflib.Graph()
        g.parse(out)
        union = {(q.subject, q.predicate, q.object) for q in store.quads()}
        assert len(g) == len(union)
    finally:
        close(store)


def _corrupt_copies(tmp_path, name, content: bytes):
    folder = tmp_path / "docs"
    folder.mkdir()
    for p in CORPUS.glob("*.txt"):
        shutil.copy(p, folder / p.name)
    (folder / name).write_bytes(content)
    return folder


@pytest.mark.parametrize(
    "name,content,expected",
    [
        ("bad.txt", "উত্তর কোরিয়া".encode("utf-8")[:5] + b"\xff\xfe rest", "not UTF-8"),
        ("empty.txt", b"   \n\n", "empty"),
    ],
)
def test_a_broken_document_stops_the_build_and_leaves_the_store_as_it_was(built, tmp_path, name, content, expected):
    root, _ = built
    store = Store(root)
    before = store.snapshot()
    close(store)
    folder = _corrupt_copies(tmp_path, name, content)
    with pytest.raises(DocumentError) as info:
        build([folder], root, workers=1)
    assert name in str(info.value) and expected in str(info.value)
    if expected == "not UTF-8":
        assert "offset 3" in str(info.value)  # the broken sequence starts after the first letter (3 bytes)
    store = Store(root)
    try:
        assert store.snapshot() == before
    finally:
        close(store)


def test_cli_build_reports_a_broken_document_and_exits_non_zero(tmp_path):
    folder = _corrupt_copies(tmp_path, "bad.txt", b"\xc3\x28 broken")
    root = tmp_path / "store"
    proc = subprocess.run([sys.executable, "-m", "kutniti", "build", str(folder), "--store", str(root)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "bad.txt" in proc.stderr and "offset 0" in proc.stderr
    assert not (root / "current").exists()


def test_evidence_quotes_are_exact_slices_of_the_document_text(built):
    root, _ = built
    store = Store(root)
    try:
        rows = list(store.query(
            "PREFIX dip: <https://w3id.org/kutniti/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "
            "PREFIX dcterms: <http://purl.org/dc/terms/> "
            "SELECT ?id ?q ?s ?e WHERE { ?ev prov:wasDerivedFrom ?d ; dip:evidence ?x . ?d dcterms:identifier ?id . "
            "?x dip:quote ?q ; dip:start ?s ; dip:end ?e }"))
        assert rows, "the corpus yields events with evidence"
        for r in rows:
            text = (CORPUS / r["id"].value).read_text("utf-8")
            assert text[int(r["s"].value):int(r["e"].value)] == r["q"].value
    finally:
        close(store)


def test_a_build_killed_at_any_moment_leaves_a_usable_store(tmp_path):
    """SIGKILL during a build: the store is the old one or the new one, never half of each."""
    folder = tmp_path / "many"
    folder.mkdir()
    docs = sorted(CORPUS.glob("*.txt"))
    for i in range(60):
        src = docs[i % len(docs)]
        (folder / f"{i:03d}_{src.name}").write_bytes(src.read_bytes())
    root = tmp_path / "store"
    build([CORPUS], root, workers=1)
    store = Store(root)
    before = store.snapshot()
    close(store)
    env = dict(os.environ)
    for delay in (0.8, 1.6, 2.4):
        proc = subprocess.Popen([sys.executable, "-m", "kutniti", "build", str(folder), "--store", str(root),
                                 "--workers", "1"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        store = Store(root)
        try:
            now = store.snapshot()
            graphs = {g for g in store.named_graphs() if "/doc/" in g}
            assert now == before or len(graphs) == 65, "the store is the old one or the complete new one"
            assert bool(store.query("ASK { ?s ?p ?o }"))
        finally:
            close(store)
    summary = build([folder], root, workers=1)
    assert summary.documents == 60
    store = Store(root)
    try:
        assert len([g for g in store.named_graphs() if "/doc/" in g]) == 65
    finally:
        close(store)


# A news page dated 1990 that reports, in the past tense, aid given from 1993: the shapes refuse an
# event dated after its document unless it is marked planned. The signing of 1988 is fine.
_DATED_1990 = """ঢাকা, ১২ মার্চ ১৯৯০ (বাসস) : উত্তর কোরিয়ার সঙ্গে সম্পর্ক নিয়ে নতুন খবর।

১৯৯৩ থেকে ১৯৯৫ সাল পর্যন্ত মঙ্গোলিয়া উত্তর কোরিয়াকে খাদ্য সাহায্য দেয়।

১৯৮৮ সালের ৫ জুন মঙ্গোলিয়া ও উত্তর কোরিয়া একটি বাণিজ্য চুক্তি স্বাক্ষর করে।
"""


def _event_types(store: Store, stem: str) -> list[str]:
    rows = store.query(
        "PREFIX dip: <https://w3id.org/kutniti/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        f"SELECT ?c WHERE {{ GRAPH <{document_graph(stem)}> {{ ?e a ?c ; dip:evidence ?ev }} }}")
    return sorted(r["c"].value.rsplit("#", 1)[-1] for r in rows)


def test_facts_that_break_the_shapes_are_set_aside_with_their_document_and_quote(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "dated.txt").write_text(_DATED_1990, "utf-8")
    for p in sorted(CORPUS.glob("*.txt"))[:2]:  # clean documents in the same batch keep their facts
        shutil.copy(p, docs / p.name)
    root = tmp_path / "store"
    summary = build([docs], root, workers=1)
    records = __import__("json").loads((root / "quarantine.json").read_text("utf-8"))
    assert [r["document"] for r in records] == ["dated.txt"]
    assert records[0]["types"] == ["https://w3id.org/kutniti/ontology#Aid"]
    assert "after its document was published" in records[0]["problems"][0]["message"]
    assert records[0]["quote"].startswith("১৯৯৩ থেকে ১৯৯৫ সাল পর্যন্ত")
    assert summary.quarantined == 1
    assert "dated.txt" in (root / "quarantine.txt").read_text("utf-8")
    store = Store(root, read_only=True)
    try:
        node = records[0]["node"]
        # nothing of the refused event is stored: not its statements, its evidence, nor links to it
        assert not store.query(f"ASK {{ GRAPH ?g {{ {{ <{node}> ?p ?o }} UNION {{ ?s ?p <{node}> }} }} }}")
        assert _event_types(store, "dated") == ["AgreementSigning"]
        for p in sorted(CORPUS.glob("*.txt"))[:2]:
            assert len(_event_types(store, p.stem)) > 5
    finally:
        close(store)


def test_a_build_in_worker_processes_stores_what_a_build_in_one_process_does(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i, p in enumerate(sorted(CORPUS.glob("*.txt")) * 2):  # ten documents: several batches
        shutil.copy(p, docs / f"{i}_{p.name}")
    (docs / "dated.txt").write_text(_DATED_1990, "utf-8")
    dumps = []
    for workers in (1, 2):
        store = Store(None)
        summary = build([docs], None, workers=workers, store=store)
        assert summary.documents == 11 and summary.quarantined == 1
        dumps.append(sorted(str(q) for q in store.quads() if q.graph_name.value != str(ONTOLOGY_GRAPH)))
    assert len(dumps[0]) > 1000 and dumps[0] == dumps[1]
