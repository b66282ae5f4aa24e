"""Canned SPARQL queries: one ``.rq`` file each, with a comment header naming it."""
