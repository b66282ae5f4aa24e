"""The ontology: it parses, loads in owlready2, and has every term of the design with labels."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kutniti.graph.namespaces import DIP
from kutniti.ontology import ontology_path, shapes_path

CLASSES = """Agent Country Person Organization Place City DiplomaticMission Embassy Consulate Agreement Treaty
Event Visit Meeting AgreementSigning AgreementTermination RelationsEstablished Recognition ReduceRelations
Expulsion MissionOpening MissionClosure Aid ArmsTransfer TroopDeployment Cooperation MilitaryCooperation
Support Sanction Message Statement SourceDocument""".split()
PROPERTIES = """participant actor recipient date startDate endDate place evidence quote start end status agreement
weapon represents position basedIn inCountry isoCode sendingState receivingState locatedIn openedOn closedOn
party signedOn terminatedOn agreementKind sha256""".split()


def graph() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_path(), format="turtle")


def test_ontology_and_shapes_parse():
    assert len(graph()) > 300
    assert len(rdflib.Graph().parse(shapes_path(), format="turtle")) > 100


def test_every_design_term_has_english_and_bengali_label_and_comment():
    g = graph()
    for name in CLASSES + PROPERTIES:
        term = DIP[name]
        assert (term, RDF.type, None) in g, name
        langs = {lit.language for lit in g.objects(term, RDFS.label)}
        assert {"en", "bn"} <= langs, name
        langs = {lit.language for lit in g.objects(term, RDFS.comment)}
        assert {"en", "bn"} <= langs, name


def test_class_hierarchy_and_alignments():
    g = graph()
    assert (DIP.ArmsTransfer, RDFS.subClassOf, DIP.Aid) in g
    assert (DIP.MilitaryCooperation, RDFS.subClassOf, DIP.Cooperation) in g
    assert (DIP.actor, RDFS.subPropertyOf, DIP.participant) in g
    assert (DIP.SourceDocument, RDFS.subClassOf, rdflib.URIRef("http://www.w3.org/ns/prov#Entity")) in g
    assert str(g.value(DIP.Visit, DIP.cameoCode)) in ("042", "043")
    assert g.value(DIP.Expulsion, DIP.ploverCode) is not None


def test_disjointness_axioms():
    g = graph()
    groups = []
    for axiom in g.subjects(RDF.type, OWL.AllDisjointClasses):
        members = set(rdflib.collection.Collection(g, g.value(axiom, OWL.members)))
        groups.append(members)
    assert {DIP.Agent, DIP.Place, DIP.Event} in groups
    assert {DIP.Country, DIP.Person, DIP.Organization} in groups


def test_ontology_header():
    g = graph()
    onto = rdflib.URIRef("https://w3id.org/kutniti/ontology")
    assert (onto, RDF.type, OWL.Ontology) in g
    for p in (OWL.versionInfo, rdflib.DCTERMS.license, rdflib.DCTERMS.creator):
        assert g.value(onto, p) is not None


def test_loads_in_owlready2():
    from owlready2 import World

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "kutniti.owl"
        graph().serialize(path, format="xml")
        world = World()
        onto = world.get_ontology(path.as_uri()).load()
        names = {c.name for c in onto.classes()}
        assert set(CLASSES) <= names
        world.close()


def test_design_document_names_are_all_defined():
    """Every dip: name the ontology contract mentions is defined (when the contract is at hand)."""
    contract = Path(__file__).resolve().parents[2] / "shared" / "design" / "ontology.md"
    if not contract.exists():
        pytest.skip("the design documents are not beside this checkout")
    g = graph()
    for name in set(re.findall(r"dip:([A-Za-z0-9]+)", contract.read_text("utf-8"))):
        assert (DIP[name], None, None) in g, name
