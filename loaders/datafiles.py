"""The loaders' data files: YAML tables under ``data/`` (people, titles, event rules, periods …)."""

from __future__ import annotations

from importlib import resources

import yaml

#: libyaml's parser where PyYAML was built with it (several times faster), else PyYAML's own.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(name: str):
    """The parsed content of the data file ``name`` (e.g. ``"people.yaml"``)."""
    text = resources.files("kutniti.loaders").joinpath("data", name).read_text("utf-8")
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
