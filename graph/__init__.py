"""The graph: an Oxigraph store with one named graph per source, and what is done with it."""
