"""A safe YAML loader that reads decimals without float loss and keeps zero-led codes."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import yaml

__all__ = ["SafeDecimalLoader", "SafeDumper"]

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SafeDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_SPECIAL_FLOATS = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}


class SafeDecimalLoader(_Base):  # type: ignore[valid-type,misc]
    """PyYAML's safe loader (C version when available), with two changes.

    - Decimal numbers (``19000000.50``) load as :class:`~decimal.Decimal`, never
      ``float``, so money keeps every cent.
    - A date that does not exist (``2017-02-30``) stays text, so that the error
      about it names its path instead of stopping the parse.
    - Integers written with a leading zero (``005``, ``020``) stay text: they are
      official codes, not YAML 1.1 octal numbers.

    It constructs only plain data (mappings, lists, text, numbers, dates):
    no Python objects, no code.
    """


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")
    return Decimal(_SPECIAL_FLOATS.get(text.lower(), text))


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    text = str(loader.construct_scalar(node))
    if re.fullmatch(r"0\d+", text):
        return text
    return yaml.SafeLoader.construct_yaml_int(loader, node)


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:  # 2017-02-30: leave the text for the date hook to name with its path
        return str(loader.construct_scalar(node))


SafeDecimalLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
SafeDecimalLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
SafeDecimalLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
