"""Atomic whole-store changes: write a new generation beside the live one, then switch.

A store folder holds ``gen-NNNNN`` databases and a ``current`` link to the live one. A change made
with :func:`next_generation` starts from a hard-linked copy of the live generation (Oxigraph's
backup, cheap on one file system), and becomes live only when the block ends without error; an
error, or a kill at any moment, leaves the previous generation live and intact.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

from kutniti.graph.store import Store, close, data_directory, new_generation_dir, switch_generation


@contextlib.contextmanager
def next_generation(root: str | Path) -> Iterator[Store]:
    """Yield a writable copy of the live store; make it live if the block succeeds."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    remove_stale_generations(root)
    target = new_generation_dir(root)
    if (root / "current").exists():
        live = Store(root)
        try:
            live.oxigraph.backup(str(target))
        finally:
            close(live)
    new = Store(target, plain=True)
    try:
        yield new
        new.flush()
    except BaseException:
        close(new)
        shutil.rmtree(target, ignore_errors=True)
        raise
    close(new)
    switch_generation(root, target)
    remove_stale_generations(root)


def remove_stale_generations(root: Path) -> None:
    """Delete generations other than the live one (left by finished or killed changes)."""
    live = data_directory(root, create=False).name if (root / "current").exists() else None
    for gen in root.glob("gen-*"):
        if gen.name != live and gen.is_dir():
            shutil.rmtree(gen, ignore_errors=True)
