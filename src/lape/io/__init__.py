"""Reading and writing snapshot files: YAML and JSON, one ``cattrs`` converter.

>>> from lape.io import loads, dumps
>>> s = loads('''
... actors:
...   - {id: tre-sote, name: Tampere social and health, kind: municipal_body,
...      sectors: [social_health], municipalities: [Tampere]}
... ''')
>>> s.actors[0].municipalities
('837',)
>>> print(dumps(s), end="")
actors:
- id: tre-sote
  name: Tampere social and health
  kind: municipal_body
  sectors:
  - social_health
  municipalities:
  - '837'
"""

from lape.io._converter import configure_converter, make_converter
from lape.io._example import example, example_surveys, example_text
from lape.io._files import (
    DEFAULT_MAX_BYTES,
    FORMATS,
    Format,
    dump,
    dumps,
    load,
    loads,
    structure,
    unstructure,
)
from lape.io._lookalike import look_alikes
from lape.io._survey_csv import (
    MAX_SURVEY_PROBLEMS,
    SURVEY_COLUMNS,
    dumps_surveys,
    load_surveys,
    loads_surveys,
)
from lape.io._write import check_target, write_atomically

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "MAX_SURVEY_PROBLEMS",
    "SURVEY_COLUMNS",
    "Format",
    "check_target",
    "configure_converter",
    "dump",
    "dumps",
    "dumps_surveys",
    "example",
    "example_surveys",
    "example_text",
    "load",
    "load_surveys",
    "loads",
    "loads_surveys",
    "look_alikes",
    "make_converter",
    "structure",
    "unstructure",
    "write_atomically",
]
