"""Reading source documents: UTF-8 text files, checked and fingerprinted.

A :class:`Document` keeps the text exactly as decoded from the file (``text``), because every
piece of evidence points into it with Python string offsets. Normalised forms for matching are
made by the extraction code, never stored in place of the text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


class DocumentError(Exception):
    """A document cannot be read; the message names the file and what is wrong."""


@dataclass
class Document:
    """One source document as read from disk."""

    path: Path
    text: str
    sha256: str
    title: str | None = None
    issued: date | None = None
    metadata: dict = field(default_factory=dict)

    @property
    def identifier(self) -> str:
        """The file name, e.g. ``002_63125d0b3e90fd15.txt`` (``dcterms:identifier``)."""
        return self.path.name

    @property
    def stem(self) -> str:
        """The file name without its extension; the document's IRIs are made from it."""
        return self.path.stem


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 bytes, or raise :class:`DocumentError` naming the file and byte offset."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{name}: not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start} "
            f"cannot be decoded ({exc.reason}); save the file as UTF-8"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def read_document(path: str | Path) -> Document:
    """Read one ``.txt`` document; empty or non-UTF-8 files raise :class:`DocumentError`."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{p}: cannot be read: {exc.strerror or exc}") from None
    text = decode(data, str(p))
    if not text.strip():
        raise DocumentError(f"{p}: the document is empty (no text to read facts from)")
    return Document(path=p, text=text, sha256=hashlib.sha256(data).hexdigest())


def find_documents(folders: list[str | Path]) -> list[Path]:
    """Every ``*.txt`` file in the given folders (or the files themselves), sorted by name."""
    found: list[Path] = []
    for folder in folders:
        f = Path(folder)
        if f.is_file():
            found.append(f)
        elif f.is_dir():
            found.extend(sorted(f.glob("*.txt")))
        else:
            raise DocumentError(f"{f}: no such file or folder")
    return found
