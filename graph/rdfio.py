"""Reading RDF that people hand us: files and request bodies, with errors that say where.

Untrusted input is parsed by Oxigraph's parsers (no network access, no external XML entities),
then handed to rdflib where the rdflib API is wanted. Every failure names the source, the line and
the column.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import rdflib

from kutniti.graph.store import StoreError, format_for


class RdfInputError(ValueError):
    """RDF input that cannot be read or parsed; the message says what and where."""


def parse_bytes(
    data: bytes, format: ox.RdfFormat, name: str = "input", base_iri: str | None = None
) -> rdflib.Dataset:
    """Parse RDF bytes into an rdflib dataset (triples land in the default graph)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RdfInputError(f"{name}: not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}") from None
    try:
        quads = list(ox.parse(data, format=format, base_iri=base_iri))
    except SyntaxError as exc:
        raise RdfInputError(f"{name}: {describe_syntax_error(exc)}") from None
    ds = rdflib.Dataset()
    if quads:
        nq = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
        ds.parse(data=nq.decode("utf-8"), format="nquads")
    return ds


def describe_syntax_error(exc: SyntaxError) -> str:
    """'line L, column C: message' from an Oxigraph parser error."""
    msg = str(exc.msg if hasattr(exc, "msg") and exc.msg else exc)
    return msg


def parse_file(path: str | Path) -> tuple[rdflib.Dataset, str]:
    """Parse an RDF file (format from its extension); return the dataset and the file's text."""
    p = Path(path)
    try:
        fmt = format_for(p)
    except StoreError as exc:
        raise RdfInputError(str(exc)) from None
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise RdfInputError(f"{p}: cannot be read: {exc.strerror or exc}") from None
    ds = parse_bytes(data, fmt, name=str(p), base_iri=p.resolve().as_uri())
    return ds, data.decode("utf-8")
