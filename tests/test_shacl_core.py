"""The compiled engine against pyshacl: the same results on real data broken in many ways.

The data is the facts the loaders read from the corpus plus a few synthetic documents
(:mod:`bench.generate`). Each mutation breaks one constraint of the shapes on a different thing
(wrong datatype, missing or extra values, wrong class, a value outside ``sh:in``, a bad language
tag, ``sh:lessThan`` broken, a pattern mismatch …); then random mutations with a fixed seed. Both
engines must report the same (focus node, path, value, constraint component) results, and each
targeted mutation must be among them.

pyshacl runs a SHACL-SPARQL constraint once per focus node with rdflib's engine (minutes on
these 2,400 triples), so the comparison on the whole data uses the shapes without their
SHACL-SPARQL constraints (those are compared on one document, with every shape).
"""

from __future__ import annotations

import io
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SH

from bench import generate
from kutniti.graph import shacl_core, shacl_sparql
from kutniti.graph.namespaces import DIP
from kutniti.graph.store import to_quads
from kutniti.graph.validate import shapes_graph, triples_of, validate, validation_results
from kutniti.loaders.document import read_document
from kutniti.loaders.pipeline import read_facts

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def real_data() -> rdflib.Graph:
    """The corpus's facts as the loaders read them, and two synthetic documents."""
    out = io.StringIO()
    generate.generate(out, 1500, seed=11)
    g = triples_of(rdflib.Dataset().parse(data=out.getvalue(), format="nquads"))
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        g += read_facts(read_document(path))
    return g


@pytest.fixture(scope="module")
def core_shapes() -> rdflib.Graph:
    return shacl_sparql.without_sparql_constraints(shapes_graph())


def results(g: rdflib.Graph, engine: str, shapes: rdflib.Graph | None = None) -> set[tuple]:
    return {(r.focus, r.path, r.value, r.component) for r in validation_results(g, engine=engine, shapes=shapes)}


def instances(g: rdflib.Graph, cls) -> list:
    return sorted(s for s in g.subjects(RDF.type, cls) if isinstance(s, rdflib.URIRef))


def events(g: rdflib.Graph) -> list:
    return sorted({s for s in g.subjects(PROV.wasDerivedFrom, None)})


def replace(g, s, p, o):
    g.remove((s, p, None))
    g.add((s, p, o))


def picker(g: rdflib.Graph):
    """A ``pick(candidates)`` that never chooses a thing chosen before (nor an event's evidence)."""
    taken: set = set()

    def pick(candidates):
        chosen = next(c for c in candidates if c not in taken)
        taken.update([chosen, *g.objects(chosen, DIP.evidence)])
        return chosen

    return pick


# Each mutation breaks one rule on a thing no other mutation touched (``pick`` chooses it); it returns
# (focus, component).
def date_not_a_date(g, pick):
    e = pick([e for e in events(g) if g.value(e, DIP.date) is not None])
    replace(g, e, DIP.date, rdflib.Literal("March 2019"))
    return e, SH.OrConstraintComponent


def date_ill_typed(g, pick):
    e = pick([e for e in events(g) if g.value(e, DIP.date) is not None])
    replace(g, e, DIP.date, rdflib.Literal("2019-02-30", datatype=rdflib.XSD.date))
    return e, SH.OrConstraintComponent


def date_as_integer(g, pick):
    e = pick([e for e in events(g) if g.value(e, DIP.startDate) is not None])
    replace(g, e, DIP.startDate, rdflib.Literal("1979", datatype=rdflib.XSD.integer))
    return e, SH.OrConstraintComponent


def two_dates(g, pick):
    e = pick([e for e in events(g) if g.value(e, DIP.date) is not None])
    g.add((e, DIP.date, rdflib.Literal("1901", datatype=rdflib.XSD.gYear)))
    return e, SH.MaxCountConstraintComponent


def no_source(g, pick):
    e = pick(events(g))
    g.remove((e, PROV.wasDerivedFrom, None))
    return e, SH.MinCountConstraintComponent


def source_is_text(g, pick):
    e = pick(events(g))
    replace(g, e, PROV.wasDerivedFrom, rdflib.Literal("a memoir"))
    return e, SH.NodeKindConstraintComponent


def status_not_planned(g, pick):
    e = pick(events(g))
    g.add((e, DIP.status, DIP.Done))
    return e, SH.InConstraintComponent


def no_evidence(g, pick):
    e = pick(events(g))
    g.remove((e, DIP.evidence, None))
    return e, SH.MinCountConstraintComponent


def evidence_without_quote(g, pick):
    e = pick([e for e in events(g) if g.value(e, DIP.evidence) is not None])
    ev = g.value(e, DIP.evidence)
    g.remove((ev, DIP.quote, None))
    return e, SH.NodeConstraintComponent


def offsets_reversed(g, pick):
    ev = pick(instances(g, DIP.Evidence))
    end = g.value(ev, DIP.end)
    replace(g, ev, DIP.start, rdflib.Literal(end.toPython() + 5))
    return ev, SH.LessThanConstraintComponent


def offset_negative(g, pick):
    ev = pick(instances(g, DIP.Evidence))
    replace(g, ev, DIP.start, rdflib.Literal(-1))
    return ev, SH.MinInclusiveConstraintComponent


def offset_as_text(g, pick):
    ev = pick(instances(g, DIP.Evidence))
    replace(g, ev, DIP.end, rdflib.Literal("forty"))
    return ev, SH.DatatypeConstraintComponent


def offset_not_canonical(g, pick):
    ev = pick(instances(g, DIP.Evidence))
    replace(g, ev, DIP.start, rdflib.Literal("99999.50", datatype=rdflib.XSD.decimal))
    return ev, SH.DatatypeConstraintComponent


def quote_empty(g, pick):
    ev = pick(instances(g, DIP.Evidence))
    replace(g, ev, DIP.quote, rdflib.Literal(""))
    return ev, SH.MinLengthConstraintComponent


def quote_with_language(g, pick):
    ev = pick(instances(g, DIP.Evidence))
    replace(g, ev, DIP.quote, rdflib.Literal("উদ্ধৃতি", lang="bn"))
    return ev, SH.DatatypeConstraintComponent


def iso_code_malformed(g, pick):
    c = pick([c for c in instances(g, DIP.Country) if g.value(c, DIP.isoCode) is not None])
    replace(g, c, DIP.isoCode, rdflib.Literal("kor"))
    return c, SH.PatternConstraintComponent


def label_only_bengali(g, pick):
    c = pick(instances(g, DIP.Country))
    g.remove((c, RDFS.label, None))
    g.add((c, RDFS.label, rdflib.Literal("দেশ", lang="bn")))
    return c, SH.QualifiedMinCountConstraintComponent


def person_without_label(g, pick):
    p = pick(instances(g, DIP.Person))
    g.remove((p, RDFS.label, None))
    return p, SH.QualifiedMinCountConstraintComponent


def represents_a_city(g, pick):
    p = pick(instances(g, DIP.Person))
    replace(g, p, DIP.represents, instances(g, DIP.City)[0])
    return p, SH.ClassConstraintComponent


def represents_two(g, pick):
    p = pick([p for p in instances(g, DIP.Person) if g.value(p, DIP.represents) is not None])
    others = [c for c in instances(g, DIP.Country) if (p, DIP.represents, c) not in g]
    g.add((p, DIP.represents, others[0]))
    return p, SH.MaxCountConstraintComponent


def mission_same_states(g, pick):
    m = pick(instances(g, DIP.Embassy))
    replace(g, m, DIP.receivingState, g.value(m, DIP.sendingState))
    return m, SH.DisjointConstraintComponent


def mission_without_sending_state(g, pick):
    m = pick(instances(g, DIP.Embassy))
    g.remove((m, DIP.sendingState, None))
    return m, SH.MinCountConstraintComponent


def mission_in_a_country(g, pick):
    m = pick(instances(g, DIP.Embassy))
    replace(g, m, DIP.locatedIn, instances(g, DIP.Country)[0])
    return m, SH.ClassConstraintComponent


def agreement_one_party(g, pick):
    a = pick(instances(g, DIP.Agreement))
    g.remove((a, DIP.party, sorted(g.objects(a, DIP.party))[0]))
    return a, SH.MinCountConstraintComponent


def document_two_identifiers(g, pick):
    d = pick(instances(g, DIP.SourceDocument))
    g.add((d, DCTERMS.identifier, rdflib.Literal("another.txt")))
    return d, SH.MaxCountConstraintComponent


def document_issued_in_words(g, pick):
    d = pick(instances(g, DIP.SourceDocument))
    replace(g, d, DCTERMS.issued, rdflib.Literal("yesterday", lang="en"))
    return d, SH.OrConstraintComponent


def city_in_a_person(g, pick):
    c = pick(instances(g, DIP.City))
    replace(g, c, DIP.inCountry, instances(g, DIP.Person)[0])
    return c, SH.ClassConstraintComponent


MUTATIONS = [date_not_a_date, date_ill_typed, date_as_integer, two_dates, no_source, source_is_text,
             status_not_planned, no_evidence, evidence_without_quote, offsets_reversed, offset_negative,
             offset_as_text, offset_not_canonical, quote_empty, quote_with_language, iso_code_malformed,
             label_only_bengali, person_without_label, represents_a_city, represents_two, mission_same_states,
             mission_without_sending_state, mission_in_a_country, agreement_one_party, document_two_identifiers,
             document_issued_in_words, city_in_a_person]


def test_the_real_data_passes_alike(real_data, core_shapes):
    assert results(real_data, "oxigraph", core_shapes) == results(real_data, "pyshacl", core_shapes)


def test_every_broken_rule_is_found_by_both_engines(real_data, core_shapes):
    g = triples_of(real_data)
    pick = picker(g)
    expected = {tuple(map(str, mutation(g, pick))) for mutation in MUTATIONS}
    fast, full = results(g, "oxigraph", core_shapes), results(g, "pyshacl", core_shapes)
    assert fast == full
    assert expected <= {(f, c) for f, _, _, c in fast}
    # the value a result names is the one written ("99999.50", not Oxigraph's canonical 99999.5)
    assert any(v == "99999.50" for _, _, v, _ in fast)


def random_mutation(g: rdflib.Graph, rng: random.Random) -> None:
    triples = sorted(g, key=lambda t: tuple(map(str, t)))
    s, p, o = rng.choice(triples)
    nodes = sorted({x for t in triples for x in (t[0], t[2]) if isinstance(x, rdflib.URIRef)})
    choice = rng.randrange(8)
    if p == RDF.type and choice in (3, 4, 5, 7):
        choice = 2  # pyshacl takes a type written as text ("…#Evidence") for the class: not SHACL
    if choice == 0:  # a statement lost
        g.remove((s, p, o))
    elif choice == 1:  # a second value
        g.add((s, p, rng.choice(nodes)))
    elif choice == 2:  # the value pointing somewhere else
        g.remove((s, p, o))
        g.add((s, p, rng.choice(nodes)))
    elif choice == 3:  # the value as plain text
        g.remove((s, p, o))
        g.add((s, p, rdflib.Literal(str(o))))
    elif choice == 4:  # another datatype, maybe ill-typed for it
        g.remove((s, p, o))
        datatype = rng.choice([rdflib.XSD.date, rdflib.XSD.gYear, rdflib.XSD.integer, rdflib.XSD.string])
        g.add((s, p, rdflib.Literal(str(o)[:10], datatype=datatype)))
    elif choice == 5:  # another language
        g.remove((s, p, o))
        g.add((s, p, rdflib.Literal(str(o), lang=rng.choice(["bn", "en", "en-GB", "ko"]))))
    elif choice == 6:  # another type
        g.add((s, RDF.type, rng.choice([DIP.Country, DIP.Person, DIP.Evidence, DIP.Visit, DIP.City, DIP.Embassy])))
    else:  # a number
        g.remove((s, p, o))
        g.add((s, p, rdflib.Literal(rng.randint(-5, 5000))))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_mutations_give_the_same_results(real_data, core_shapes, seed):
    rng = random.Random(seed)
    g = triples_of(real_data)
    for _ in range(60):
        random_mutation(g, rng)
    fast = results(g, "oxigraph", core_shapes)
    assert fast, "sixty random mutations and not one problem: the test data is wrong"
    assert fast == results(g, "pyshacl", core_shapes)


def test_every_shape_alike_on_one_broken_document(real_data):
    """With the SHACL-SPARQL constraints too, on one corpus document (pyshacl is slow on them)."""
    g = read_facts(read_document(sorted((ROOT / "corpus").glob("*.txt"))[3]))
    pick = picker(g)
    for mutation in (date_not_a_date, no_source, offsets_reversed, label_only_bengali, no_evidence):
        mutation(g, pick)
    g.add((instances(g, DIP.Country)[0], RDF.type, DIP.Person))  # disjoint classes
    fast, full = results(g, "oxigraph"), results(g, "pyshacl")
    assert fast == full
    assert str(SH.SPARQLConstraintComponent) in {c for *_, c in fast}
    assert validate(g).to_json() == validate(g, engine="pyshacl").to_json()


UNSUPPORTED = """@prefix dip: <https://w3id.org/kutniti/ontology#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
dip:LabelShape a sh:NodeShape ; sh:targetClass dip:Country ;
    sh:property [ sh:path rdfs:label ; sh:uniqueLang true ; sh:message "one label per language" ] .
dip:InverseShape a sh:NodeShape ; sh:targetClass dip:Country ;
    sh:property [ sh:path [ sh:inversePath dip:represents ] ; sh:maxCount 1 ; sh:message "one person at most" ] .
dip:IsoShape a sh:NodeShape ; sh:targetClass dip:Country ;
    sh:property [ sh:path dip:isoCode ; sh:minCount 1 ; sh:message "an ISO code" ] .
dip:NamedShape a sh:NodeShape ; sh:targetClass dip:City ;
    sh:sparql [ sh:message "no English label" ; sh:select '''SELECT $this WHERE {
        FILTER NOT EXISTS { $this <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(lang(?l) = "en") } }''' ] .
dip:RepresentsShape a sh:NodeShape ; sh:targetClass dip:Person ;
    sh:property [ sh:path dip:represents ; sh:node dip:NamedShape ; sh:message "represents a nameless thing" ] .
"""


def test_shapes_the_compiler_cannot_translate_are_left_to_pyshacl(real_data):
    shapes = rdflib.Graph().parse(data="@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n" + UNSUPPORTED,
                                  format="turtle")
    sparql = shacl_sparql.compile_constraints(shapes)
    compiled = shacl_core.compile_shapes(shapes, frozenset(c.constraint for c in sparql))
    assert set(compiled.fallback_shapes) == {DIP.LabelShape, DIP.InverseShape, DIP.RepresentsShape}
    assert [q.shape for q in compiled.queries] == [DIP.IsoShape]
    g = triples_of(real_data)
    korea = rdflib.URIRef("https://w3id.org/kutniti/id/north-korea")
    g.add((korea, RDFS.label, rdflib.Literal("Korea, North", lang="en")))  # a second English label
    people = [p for p in instances(g, DIP.Person) if (p, DIP.represents, korea) in g]
    assert len(people) > 1
    g.remove((instances(g, DIP.Country)[0], DIP.isoCode, None))
    g.remove((korea, RDFS.label, None))  # people now represent a country without a name
    fast = validation_results(g, shapes=shapes)
    assert {r.message for r in fast} >= {"one person at most", "an ISO code", "represents a nameless thing"}
    assert results(g, "oxigraph", shapes) == results(g, "pyshacl", shapes)


def test_oxigraph_quads_are_read_as_the_graph(real_data):
    g = triples_of(real_data)
    for mutation in (offset_not_canonical, date_ill_typed, iso_code_malformed):
        mutation(g, lambda candidates: candidates[0])
    quads = list(to_quads(g, "urn:kutniti:facts"))
    from_quads = validate(quads)
    assert not from_quads.conforms
    assert from_quads.to_json() == validate(g).to_json()


def test_only_what_the_data_writes_is_reported(real_data):
    """Context is read (a country's type, a document's date) but its own problems are not reported."""
    g = triples_of(real_data)
    person = instances(g, DIP.Person)[0]
    country = g.value(person, DIP.represents)
    data = rdflib.Graph()
    for t in g.triples((person, None, None)):
        data.add(t)
    context = triples_of(g) - data
    context.remove((country, RDFS.label, None))  # the country breaks a shape, in the context only
    assert validate(data, context=context).conforms
    context.remove((country, RDF.type, None))  # now the person represents a thing that is no country
    report = validate(data, context=context)
    assert {(r.focus, r.path) for r in report.results} == {(str(person), str(DIP.represents))}


def test_classes_the_data_declares_are_followed():
    data = rdflib.Graph().parse(data="""
        @prefix dip: <https://w3id.org/kutniti/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <https://example.org/Summit> rdfs:subClassOf dip:Meeting .
        <https://example.org/s1> a <https://example.org/Summit> ; dip:date "soon" .""", format="turtle")
    fast = results(data, "oxigraph")
    assert ("https://example.org/s1", str(DIP.date), "soon", str(SH.OrConstraintComponent)) in fast
    assert fast == results(data, "pyshacl")


def test_each_thread_validates_with_its_own_store(real_data):
    g = triples_of(real_data)
    offsets_reversed(g, lambda candidates: candidates[0])
    expected = validate(g).to_json()
    with ThreadPoolExecutor(4) as pool:
        reports = list(pool.map(lambda _: validate(g).to_json(), range(8)))
    assert all(r == expected for r in reports)
