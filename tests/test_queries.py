"""The canned queries: their headers, their syntax, and safe parameter binding."""

import re

import pyoxigraph as ox
import pytest

from kutniti.queries import CannedQuery, get_query, load_queries, parse, term

QUERIES = load_queries()


def test_there_is_a_query_for_each_competency_question_and_more():
    # CQ 1-12 (CQ 10 is provenance) plus the extra ones
    expected = {"relations-established", "recognitions", "embassies", "agreements", "visits",
                "arms-transfers", "ties-reduced", "pair-timeline", "person-events", "provenance",
                "people", "help-given", "events-by-year", "entity-profile"}
    assert expected <= set(QUERIES)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_header_gives_title_and_description(name):
    q = QUERIES[name]
    assert q.name == name
    assert q.title and q.title != name
    assert len(q.description) > 20
    for p in q.params:
        assert p.kind in ("IRI", "literal")
        assert f"?{p.name}" in q.text.split("\nPREFIX", 1)[1], f"{name}: ?{p.name} not used"


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_parses_and_runs_on_an_empty_store(name):
    store = ox.Store()
    rows = list(store.query(QUERIES[name].text))
    # nothing to report: no row names an event (entity-profile echoes its parameter)
    assert all(r["event"] is None for r in rows) if "?event" in QUERIES[name].text else rows == []


@pytest.mark.parametrize("name", sorted(q.name for q in QUERIES.values() if q.params))
def test_bound_query_still_parses(name):
    q = QUERIES[name]
    values = {p.name: ("kid:north-korea" if p.kind == "IRI" else "2000") for p in q.params}
    text = q.bind(values)
    assert text != q.text
    list(ox.Store().query(text))


def test_get_query_unknown_name():
    with pytest.raises(KeyError):
        get_query("no-such-query")


def test_bind_rejects_unknown_parameter():
    with pytest.raises(ValueError, match="unknown parameter"):
        get_query("visits").bind({"nonsense": "kid:x"})


@pytest.mark.parametrize("bad", [
    "kid:x> } ; DROP ALL ; #",
    "https://example.org/a b",
    "not an iri",
    "<https://example.org/x>",
    'https://example.org/x"',
    "https://example.org/{x}",
    "https://example.org/\x07bell",
    "https://example.org/a\nDROP ALL",
])
def test_bind_rejects_malformed_iris(bad):
    with pytest.raises(ValueError):
        get_query("visits").bind({"visitor": bad})


def test_literal_parameters_are_escaped_not_executed():
    q = get_query("pair-timeline")
    text = q.bind({"from": '2022" } } DELETE WHERE { ?s ?p ?o } #'})
    # still one read-only query: it parses as a SELECT and finds nothing on an empty store
    assert list(ox.Store().query(text)) == []
    assert 'VALUES ?from { "2022\\" } } DELETE' in text


def test_bind_replaces_the_default_value():
    q = get_query("person-events")
    text = q.bind({"person": "kid:sergey-lavrov"})
    assert "<https://w3id.org/kutniti/id/sergey-lavrov>" in text
    assert "VALUES ?person { kid:choe-son-hui }" not in text
    # a default given more than once is replaced everywhere
    text = get_query("entity-profile").bind({"entity": "kid:kim-yong-nam"})
    assert "VALUES ?entity { kid:mongolia }" not in text
    assert text.count("VALUES ?entity { <https://w3id.org/kutniti/id/kim-yong-nam> }") == 2


def test_binding_filters_results():
    store = ox.Store()
    dip, kid = "https://w3id.org/kutniti/ontology#", "https://w3id.org/kutniti/id/"
    rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    store.load(input=f"""
        @prefix dip: <{dip}> . @prefix kid: <{kid}> . @prefix rdfs: <{rdfs}> .
        @prefix prov: <http://www.w3.org/ns/prov#> . @prefix dcterms: <http://purl.org/dc/terms/> .
        dip:visitor rdfs:subPropertyOf dip:actor . dip:destination rdfs:subPropertyOf dip:recipient .
        kid:v1 a dip:Visit ; dip:visitor kid:a ; dip:destination kid:b ; prov:wasDerivedFrom kid:d .
        kid:v2 a dip:Visit ; dip:visitor kid:c ; dip:destination kid:b ; prov:wasDerivedFrom kid:d .
        kid:d dcterms:identifier "doc" .
        kid:a rdfs:label "A"@en . kid:b rdfs:label "B"@en . kid:c rdfs:label "C"@en .
    """, format=ox.RdfFormat.TURTLE)
    q = get_query("visits")
    assert len(list(store.query(q.text))) == 2
    rows = list(store.query(q.bind({"visitor": "kid:c"})))
    assert [(r["visitor"].value, r["visitorLabel"].value) for r in rows] == [(kid + "c", "C")]
    assert [(r["event"].value, r["document"].value) for r in rows] == [(kid + "v2", kid + "d")]


def selected(q: CannedQuery) -> list[str]:
    """The variables a query projects, in order (``(… AS ?x)`` gives ``x``)."""
    head = re.search(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s+WHERE", q.text, re.S | re.I).group(1)
    head = re.sub(r"\([^()]*(?:\([^()]*\)[^()]*)*\bAS\s+\?(\w+)\)", r"?\1", head)
    return re.findall(r"\?(\w+)", head)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_label_comes_with_the_iri_it_names(name):
    variables = selected(QUERIES[name])
    assert variables and len(variables) == len(set(variables))
    for v in variables:
        if v.endswith("Label"):
            assert v[:-len("Label")] in variables, f"{name}: ?{v} without ?{v[:-len('Label')]}"
    # the document is named by its IRI, not by its file name
    assert "doc" not in variables


def test_parse_header():
    q = parse("x", "# title: T\n# description: D d d\n# param: who — IRI — a person (optional)\n"
                   "SELECT * WHERE { ?who ?p ?o }\n")
    assert isinstance(q, CannedQuery)
    assert (q.title, q.description) == ("T", "D d d")
    assert [(p.name, p.kind, p.optional) for p in q.params] == [("who", "IRI", True)]


def test_term():
    assert term("kid:north-korea", "IRI") == "<https://w3id.org/kutniti/id/north-korea>"
    assert term('a "b"', "literal") == '"a \\"b\\""'
