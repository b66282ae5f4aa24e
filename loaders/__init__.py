"""Loaders: Bengali text in, RDF triples out. Nothing here imports the server."""
