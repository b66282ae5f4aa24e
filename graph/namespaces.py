"""The project's namespaces and the IRIs of its named graphs.

Everything that writes or reads kutniti's graph names things through this module, so the
public IRIs of ``ontology.md`` live in one place.
"""

from __future__ import annotations

import re

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

DIP = Namespace("https://w3id.org/kutniti/ontology#")
KID = Namespace("https://w3id.org/kutniti/id/")
#: Named graphs: one per source document, one for the ontology, one per batch of user facts.
GRAPH = Namespace("https://w3id.org/kutniti/graph/")
ONTOLOGY_IRI = "https://w3id.org/kutniti/ontology"
ONTOLOGY_GRAPH = GRAPH["ontology"]
INFERRED_GRAPH = GRAPH["inferred"]
#: Descriptions of countries, people, organisations and cities (from the lexicon), held once.
ENTITIES_GRAPH = GRAPH["entities"]

PREFIXES: dict[str, str] = {
    "dip": str(DIP),
    "kid": str(KID),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "sh": str(SH),
}

SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

_SLUG_BAD = re.compile(r"[^a-z0-9_-]+")


def slugify(text: str) -> str:
    """Turn an English label into an IRI slug: lower case, ASCII letters/digits, '-' and '_'."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _SLUG_BAD.sub("-", ascii_text.lower()).strip("-")
    return re.sub(r"-{2,}", "-", slug) or "x"


def document_iri(stem: str):
    """The IRI of a source document, e.g. ``kid:doc-002_63125d0b3e90fd15``."""
    return KID[f"doc-{stem}"]


def document_graph(stem: str):
    """The named graph holding what was read from one source document."""
    return GRAPH[f"doc/{stem}"]


def batch_graph(batch_id: str):
    """The named graph of one batch of user-added facts."""
    return GRAPH[f"batch/{batch_id}"]
