"""The package's shape: no module leans on the package root, and its API is typed."""

from __future__ import annotations

import ast
import inspect

import clusterbench
from clusterbench.report import render

from .conftest import ROOT

SOURCE = ROOT / "src" / "clusterbench"


def _imports_of_the_root(path: str, tree: ast.AST, module: str) -> list[str]:
    """`import clusterbench`, `from clusterbench import x` or `from .. import x` (x not a
    submodule): each makes a module depend on everything the package root imports."""
    package = module.rsplit(".", 1)[0] if not path.endswith("__init__.py") else module
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name == "clusterbench"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                target = ".".join(base[: len(base) - node.level + 1])
                target = f"{target}.{node.module}" if node.module else target
            else:
                target = node.module or ""
            if target != "clusterbench":
                continue
            for alias in node.names:
                if (
                    not (SOURCE / alias.name).is_dir()
                    and not (SOURCE / f"{alias.name}.py").is_file()
                ):
                    found.append(f"from {target} import {alias.name}")
    return found


def test_no_module_imports_the_package_root() -> None:
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        relative = path.relative_to(SOURCE.parent)
        if relative.as_posix() == "clusterbench/__init__.py":
            continue
        module = ".".join(relative.with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{relative}: {hit}" for hit in _imports_of_the_root(str(path), tree, module)]
    assert found == []


def test_the_root_report_functions_have_the_renderers_signatures() -> None:
    for name in ("render_html", "render_pdf"):
        public = inspect.signature(getattr(clusterbench, name))
        real = inspect.signature(getattr(render, name))
        kinds = {p.kind for p in public.parameters.values()}
        assert inspect.Parameter.VAR_KEYWORD not in kinds, f"{name} takes **options"
        assert list(public.parameters) == list(real.parameters)
        for key, parameter in public.parameters.items():
            assert parameter.default == real.parameters[key].default, (name, key)
