"""kutniti: a knowledge graph of North Korea's foreign relations, read from Bengali text.

The import package gathers the project's parts as subpackages: ``kutniti.ontology`` (OWL and
SHACL in Turtle), ``kutniti.loaders`` (text in, triples out), ``kutniti.graph`` (store, build,
validate, export), ``kutniti.queries`` (canned SPARQL) and ``kutniti.server`` (Flask).
"""

__version__ = "0.1.0"
