"""The command line, run as a user runs it: a real process, real files, real exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

GOOD = """@prefix dip: <https://w3id.org/kutniti/ontology#> .
@prefix kid: <https://w3id.org/kutniti/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kid:test-country-a a dip:Country ; rdfs:label "Atlantis"@en .
"""

# a Country with no English label breaks the shape "every Country has an English label"
BAD = """@prefix dip: <https://w3id.org/kutniti/ontology#> .
@prefix kid: <https://w3id.org/kutniti/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kid:test-country-b a dip:Country ;
    rdfs:label "আটলান্টিস"@bn .
"""

BROKEN = """@prefix dip: <https://w3id.org/kutniti/ontology#> .
kid:oops a dip:Country .
"""


def kutniti(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "kutniti", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli") / "store"
    proc = kutniti("build", CORPUS, "--store", root)
    assert proc.returncode == 0, proc.stderr
    return root


def test_every_command_has_help():
    for cmd in ["build", "query", "queries", "export", "validate", "reason", "load", "add", "serve", "stats"]:
        proc = kutniti(cmd, "--help")
        assert proc.returncode == 0, (cmd, proc.stderr)
        assert "Usage:" in proc.stdout


def test_validate_exit_codes(tmp_path):
    good, bad, broken = tmp_path / "good.ttl", tmp_path / "bad.ttl", tmp_path / "broken.ttl"
    good.write_text(GOOD, "utf-8")
    bad.write_text(BAD, "utf-8")
    broken.write_text(BROKEN, "utf-8")
    assert kutniti("validate", good).returncode == 0
    proc = kutniti("validate", bad)
    assert proc.returncode == 1
    assert "test-country-b" in proc.stdout and "label" in proc.stdout.lower()
    assert "bad.ttl:4" in proc.stdout  # the line where the thing was written
    proc = kutniti("validate", broken)
    assert proc.returncode == 2
    assert "broken.ttl" in proc.stderr and "line 2" in proc.stderr


def test_validate_json_report(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(BAD, "utf-8")
    proc = kutniti("validate", bad, "--format", "json")
    report = json.loads(proc.stdout)
    assert report["conforms"] is False and report["results"]


def test_query_text_and_formats(store):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?d a dip:SourceDocument }"
    proc = kutniti("query", q, "--store", store, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["results"]["bindings"][0]["n"]["value"] == "5"
    proc = kutniti("query", q, "--store", store, "--format", "csv")
    assert proc.stdout.splitlines()[1].strip() == "5"


def test_canned_query_table_and_csv(store):
    args = ("query", "visits", "--param", "visitor=kid:kim-yong-nam", "--store", store)
    proc = subprocess.run([sys.executable, "-m", "kutniti", *map(str, args)], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "COLUMNS": "200"})
    assert proc.returncode == 0, proc.stderr
    # ?visitor and ?visitorLabel are one column: the name over the IRI's short name, neither cut
    lines = proc.stdout.splitlines()
    assert "visitorLabel" not in proc.stdout and "visitor" in lines[1]
    first = [line.split("│")[1].strip() for line in lines if line.startswith("│")]
    assert first == ["Kim Yong-nam", "kid:kim-yong-nam"] * 3
    assert "kid:event-" in proc.stdout and "…" not in proc.stdout
    # CSV keeps both, the IRI in full
    proc = kutniti(*args, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(rows) == 3
    assert {(r["visitor"], r["visitorLabel"], r["destinationLabel"]) for r in rows} == {
        ("https://w3id.org/kutniti/id/kim-yong-nam", "Kim Yong-nam", "Mongolia")}
    assert sorted(r["date"][:4] for r in rows) == ["1985", "1988", "2007"]


def test_query_reports_malformed_sparql(store):
    proc = kutniti("query", "SELECT ?x WHERE { ?x ", "--store", store)
    assert proc.returncode == 2
    assert "malformed SPARQL" in proc.stderr


def test_export_one_named_graph(store, tmp_path):
    out = tmp_path / "doc.ttl"
    graph = "https://w3id.org/kutniti/graph/doc/000_bd59f91ca0b70020"
    proc = kutniti("export", "--store", store, "--graph", graph, "--out", out)
    assert proc.returncode == 0, proc.stderr
    text = out.read_text("utf-8")
    assert "000_bd59f91ca0b70020.txt" in text
    assert "002_63125d0b3e90fd15.txt" not in text
    proc = kutniti("export", "--store", store, "--graph", "https://example.org/nope")
    assert proc.returncode == 2 and "no named graph" in proc.stderr


def test_stats_counts_graphs_and_classes(store):
    proc = kutniti("stats", "--store", store, "--json")
    s = json.loads(proc.stdout)
    assert len([g for g in s["graphs"] if "/graph/doc/" in g]) == 5
    assert s["classes"]["https://w3id.org/kutniti/ontology#SourceDocument"] == 5


def test_load_bulk_loads_and_reports_bad_files(tmp_path):
    good = tmp_path / "good.ttl"
    good.write_text(GOOD, "utf-8")
    root = tmp_path / "bulk"
    proc = kutniti("load", good, "--store", root)
    assert proc.returncode == 0, proc.stderr
    proc = kutniti("query", "SELECT ?l WHERE { kid:test-country-a rdfs:label ?l }", "--store", root, "--format", "csv")
    assert "Atlantis" in proc.stdout
    broken = tmp_path / "broken.ttl"
    broken.write_text(BROKEN, "utf-8")
    proc = kutniti("load", broken, "--store", root)
    assert proc.returncode == 2 and "broken.ttl" in proc.stderr


def test_query_table_shows_data_as_it_is(tmp_path):
    data = tmp_path / "markup.ttl"
    data.write_text(GOOD.replace('"Atlantis"@en', '"[bold red]Atlantis[/]"@en'), "utf-8")
    root = tmp_path / "store"
    assert kutniti("load", data, "--store", root).returncode == 0
    proc = kutniti("query", "SELECT ?c ?cLabel WHERE { ?c a dip:Country ; rdfs:label ?cLabel }", "--store", root)
    assert proc.returncode == 0, proc.stderr
    assert "[bold red]Atlantis[/]" in proc.stdout and "kid:test-country-a" in proc.stdout
