"""Reading RDF that people hand us: files and request bodies, with errors that say where.

Untrusted input is parsed by Oxigraph's parsers (no network access, no external XML entities),
then handed to rdflib where the rdflib API is wanted. RDF/XML is first read by expat to refuse
entity declarations (internal entities expand without bound: "billion laughs") and nesting deeper
than :data:`MAX_XML_DEPTH` (the RDF/XML parser's time grows with its square). Every failure names
the source, the line and the column.
"""

from __future__ import annotations

import xml.parsers.expat
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kutniti.graph.store import StoreError, format_for


class RdfInputError(ValueError):
    """RDF input that cannot be read or parsed; the message says what and where."""


#: Deepest element nesting accepted in RDF/XML.
MAX_XML_DEPTH = 1000


def check_untrusted(data: bytes, format: ox.RdfFormat, name: str = "input") -> None:
    """Raise :class:`RdfInputError` for input no parser should be given: RDF/XML that declares
    entities or nests elements deeper than :data:`MAX_XML_DEPTH`."""
    if format != ox.RdfFormat.RDF_XML:
        return
    parser = xml.parsers.expat.ParserCreate()
    depth = 0

    def where() -> str:
        return f"{name}: line {parser.CurrentLineNumber}, column {parser.CurrentColumnNumber + 1}"

    def entity(entity_name, *_):
        raise RdfInputError(f"{where()}: XML entity declarations (<!ENTITY {entity_name} …>) are not accepted: "
                            "they can read local files or expand without bound; write the values out")

    def start(*_):
        nonlocal depth
        depth += 1
        if depth > MAX_XML_DEPTH:
            raise RdfInputError(f"{where()}: the XML nests deeper than {MAX_XML_DEPTH} elements")

    def end(_):
        nonlocal depth
        depth -= 1

    parser.EntityDeclHandler = entity
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise RdfInputError(f"{name}: not well-formed XML: {exc}") from None


def parse_bytes(
    data: bytes, format: ox.RdfFormat, name: str = "input", base_iri: str | None = None
) -> rdflib.Dataset:
    """Parse RDF bytes into an rdflib dataset (triples land in the default graph)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RdfInputError(f"{name}: not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}") from None
    check_untrusted(data, format, name)
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
