"""Loading never runs code from the data: YAML through a safe loader only, and no
pickle, eval, exec or import from data anywhere in the source."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from lape.errors import LoadError
from lape.io import load, loads
from lape.io._yaml import SafeDecimalLoader

SRC = Path(__file__).parents[2] / "src" / "lape"

TAGS = [
    "!!python/object/apply:os.system ['touch pwned']",
    "!!python/object/new:os.system ['touch pwned']",
    "!!python/object:os.system {}",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/tuple [a]",
    "!!python/bytes aGVsbG8=",
    "!<tag:yaml.org,2002:python/object/apply:subprocess.call> [[touch, pwned]]",
    '!!python/object/apply:builtins.eval [\'__import__("os").system("touch pwned")\']',
]


@pytest.mark.parametrize("tag", TAGS)
@pytest.mark.parametrize("where", ["top", "section", "field"])
def test_python_tags_are_refused_and_never_run(
    tag: str, where: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[object] = []

    def record(*args: object, **kwargs: object) -> int:
        calls.append(args)
        return 0

    monkeypatch.setattr(os, "system", record)
    monkeypatch.setattr(subprocess, "call", record)
    monkeypatch.setattr(subprocess, "Popen", record)
    monkeypatch.chdir(tmp_path)
    text = {"top": f"{tag}\n", "section": f"actors: {tag}\n", "field": f"info:\n  title: {tag}\n"}
    with pytest.raises(LoadError) as info:
        loads(text[where])
    assert "could not determine a constructor for the tag" in str(info.value)
    assert calls == []
    assert list(tmp_path.iterdir()) == []


def test_python_tags_in_a_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text(f"{TAGS[0]}\n", encoding="utf-8")
    with pytest.raises(LoadError):
        load(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.yaml"]


def test_the_loader_is_a_safe_loader() -> None:
    import yaml

    assert issubclass(SafeDecimalLoader, yaml.SafeLoader) or issubclass(
        SafeDecimalLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )
    python_tags = [t for t in SafeDecimalLoader.yaml_constructors if t and "python" in t]
    assert python_tags == []
    assert not [p for p in SafeDecimalLoader.yaml_multi_constructors if p and "python" in p]


# -- the source, line by line -------------------------------------------------------------

FORBIDDEN = {
    "pickle": re.compile(r"\b(c?pickle|marshal|shelve|dill)\b"),
    "eval": re.compile(r"(?<![\w.])eval\("),
    "exec": re.compile(r"(?<![\w.])exec\("),
    "compile": re.compile(r"(?<![\w.])compile\("),
    "__import__": re.compile(r"__import__\("),
    "unsafe yaml": re.compile(
        r"yaml\.(unsafe_load|full_load|load_all)\(|Loader=yaml\.(Unsafe|Full)?Loader\b"
        r"|yaml\.load\((?![^)]*Loader=SafeDecimalLoader)"
    ),
    "os.system or subprocess": re.compile(r"\bos\.system\(|\bsubprocess\b"),
}

# importlib.import_module only on lape's own modules, named in the code (f"lape.{name}"
# with name from a fixed set), never on a name read from data
IMPORT_MODULE = re.compile(r"import_module\((?!f?\"lape\.)")


def _source_lines() -> list[tuple[Path, int, str]]:
    lines = []
    for path in sorted(SRC.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            lines.append((path, number, code))
    return lines


# The one place that compiles code: the loader's generated readers, written (as attrs
# writes __init__ and cattrs its structure functions) from a class's field names, never
# from data; each name goes into the code through repr().
GENERATED = ("io/_reader.py", 'exec(compile(source, filename, "exec"), names)')


@pytest.mark.parametrize("what", sorted(FORBIDDEN))
def test_the_source_never_runs_code_from_data(what: str) -> None:
    pattern = FORBIDDEN[what]
    found = [
        f"{path.relative_to(SRC)}:{number}: {code.strip()}"
        for path, number, code in _source_lines()
        if pattern.search(code) and (str(path.relative_to(SRC)), code.strip()) != GENERATED
    ]
    assert found == []


def test_import_module_only_on_lape_modules() -> None:
    found = [
        f"{path.relative_to(SRC)}:{number}: {code.strip()}"
        for path, number, code in _source_lines()
        if IMPORT_MODULE.search(code)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("what", "line"),
    [
        ("pickle", "import pickle"),
        ("pickle", "data = marshal.loads(raw)"),
        ("eval", "value = eval(text)"),
        ("exec", "exec(code)"),
        ("compile", "code = compile(text, 'x', 'exec')"),
        ("__import__", "__import__(name)"),
        ("unsafe yaml", "yaml.load(text)"),
        ("unsafe yaml", "yaml.load(text, Loader=yaml.Loader)"),
        ("unsafe yaml", "yaml.unsafe_load(text)"),
        ("unsafe yaml", "yaml.full_load(text)"),
        ("os.system or subprocess", "import subprocess"),
    ],
)
def test_the_patterns_catch_what_they_look_for(what: str, line: str) -> None:
    assert FORBIDDEN[what].search(line)


@pytest.mark.parametrize(
    "line",
    [
        "yaml.load(text, Loader=SafeDecimalLoader)",
        "re.compile(pattern)",
        "value.evaluate(x)",
        'importlib.import_module(f"lape.{name}")',
    ],
)
def test_the_patterns_let_safe_code_through(line: str) -> None:
    assert not any(p.search(line) for p in FORBIDDEN.values())
    assert not IMPORT_MODULE.search(line)


def test_import_module_pattern_catches_a_name_from_data() -> None:
    assert IMPORT_MODULE.search("importlib.import_module(data['module'])")
