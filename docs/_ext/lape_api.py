"""Sphinx extension: the API reference of a package, name by name from its ``__all__``.

``.. lape-api:: lape.model`` documents the package's docstring, then every name in
its ``__all__``: classes, then functions, then constants and type aliases. So the
reference lists exactly the public API, including names a package loads lazily
(``lape.testing``'s strategies) and constants defined in private modules, whose
docstrings autodoc cannot find through the package. A name exported by two
packages is documented once, in the first package of ``PACKAGES``, and linked from
the other. A public name without a docstring is a warning (an error under ``-W``).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.errors import PycodeError
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

if TYPE_CHECKING:
    from sphinx.application import Sphinx

PACKAGES = (
    "lape.model",
    "lape.reference",
    "lape.io",
    "lape.rules",
    "lape.network",
    "lape.testing",
    "lape.report",
    "lape.errors",
)
"""The documented packages, in the order that decides where a shared name lives."""

_logger = logging.getLogger(__name__)


def _is_function(obj: Any) -> bool:
    """A function, also behind a decorator such as ``functools.cache``."""
    return inspect.isroutine(inspect.unwrap(obj))


def _home(obj: Any, name: str, package: str) -> str:
    """The first documented package that exports ``obj`` under ``name`` (the same
    object: a class, a function, or a constant or type alias re-exported)."""
    for candidate in PACKAGES:
        module = importlib.import_module(candidate)
        if name in getattr(module, "__all__", ()) and getattr(module, name, None) is obj:
            return candidate
    return package


def _attribute_docs(package: ModuleType) -> dict[str, str]:
    """Docstrings of module-level names (``NAME = ...`` then a string), over the
    package and its private modules."""
    names = [package.__name__]
    if hasattr(package, "__path__"):
        names += [f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]
    docs: dict[str, str] = {}
    for module_name in names:
        try:
            analyzer = ModuleAnalyzer.for_module(module_name)
        except PycodeError:  # a module without source: nothing to read
            continue
        for (scope, attr), lines in analyzer.find_attr_docs().items():
            if not scope:
                docs.setdefault(attr, "\n".join(lines).strip())
    return docs


def _value(obj: Any) -> str | None:
    text = repr(obj)
    if len(text) > 90 or "\n" in text:
        return None
    return text.replace("typing.", "")


class PackageAPI(SphinxDirective):
    """``.. lape-api:: lape.model``: the package's public names, documented one by one."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        package_name = self.arguments[0]
        package = importlib.import_module(package_name)
        public: list[str] = list(package.__all__)
        objects = {name: getattr(package, name) for name in public}
        classes = [n for n in public if inspect.isclass(objects[n])]
        functions = [n for n in public if _is_function(objects[n])]
        data = [n for n in public if n not in classes and n not in functions]
        attr_docs = _attribute_docs(package) if data else {}

        lines = [f".. automodule:: {package_name}", "   :no-members:", ""]
        elsewhere = []
        for name in classes + functions:
            home = _home(objects[name], name, package_name)
            if home != package_name:
                elsewhere.append(f":py:obj:`{package_name}.{name} <{home}.{name}>`")
                continue
            kind = "autoclass" if name in classes else "autofunction"
            lines += [f".. {kind}:: {package_name}.{name}", ""]
            if not inspect.getdoc(objects[name]):
                self._undocumented(package_name, name)
        for name in data:
            home = _home(objects[name], name, package_name)
            if home != package_name:
                elsewhere.append(f":py:obj:`{package_name}.{name} <{home}.{name}>`")
                continue
            lines += [f".. py:data:: {package_name}.{name}"]
            value = _value(objects[name])
            if value is not None:
                lines += [f"   :value: {value}"]
            lines += [""]
            doc = attr_docs.get(name)
            if not doc:
                self._undocumented(package_name, name)
                doc = ""
            lines += [f"   {line}" if line else "" for line in doc.splitlines()] + [""]
        if elsewhere:
            lines += [
                "Also exported here, documented in their home package: "
                + ", ".join(elsewhere)
                + ".",
                "",
            ]
        container = nodes.section()
        container.document = self.state.document
        source = StringList(lines, f"<lape-api {package_name}>")
        nested_parse_with_titles(self.state, source, container)
        return list(container.children)

    def _undocumented(self, package: str, name: str) -> None:
        _logger.warning(
            "public name %s.%s has no docstring", package, name, location=self.get_location()
        )


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("lape-api", PackageAPI)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
