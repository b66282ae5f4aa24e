"""The SPARQL 1.1 Protocol endpoint at ``/sparql`` (placeholder until the protocol lands)."""

from flask import Blueprint

bp = Blueprint("sparql", __name__)
