"""The diplomacy ontology (OWL 2 in Turtle) and its SHACL shapes, shipped as package data."""

from importlib import resources
from pathlib import Path


def ontology_path() -> Path:
    """Path of the OWL ontology in Turtle."""
    return Path(str(resources.files(__name__) / "kutniti.ttl"))


def shapes_path() -> Path:
    """Path of the SHACL shapes in Turtle."""
    return Path(str(resources.files(__name__) / "shapes.ttl"))
