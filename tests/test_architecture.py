"""Imports point one way: tenants <- network <- content <- prevention, search, syndication,
members, site_import <- cpts_network.

Each module of the apps is parsed (not imported), every ``import`` read,
function-level ones included: an import up the stack, or between the two
apps of the same level, is a failure naming the file and line; so is any
circle between modules, within an app too.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYER = {
    "tenants": 0,
    "network": 1,
    "content": 2,
    "prevention": 3,
    "search": 3,
    "syndication": 3,
    "members": 3,
    "site_import": 3,
    "team": 3,
    "cpts_network": 4,
}


def imported_apps(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return found


def upward_imports() -> list[str]:
    wrong = []
    for app, level in LAYER.items():
        for path in sorted((ROOT / app).rglob("*.py")):
            for line, module in imported_apps(path):
                top = module.split(".")[0]
                if top == "config" or (top in LAYER and top != app and LAYER[top] >= level):
                    wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    return wrong


def test_no_app_imports_up_the_stack_or_sideways():
    assert upward_imports() == []


def test_the_check_would_see_one(tmp_path, monkeypatch):
    """The walk is not vacuous: an import up the stack in a module of tenants is reported."""
    fake = tmp_path / "tenants"
    fake.mkdir()
    (fake / "bad.py").write_text("def f():\n    from content.models import HomePage\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert upward_imports() == ["tenants/bad.py:2 imports content.models"]


def module_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the modules of the apps it imports (relative imports resolved)."""
    modules = {}
    for app in LAYER:
        for path in (root / app).rglob("*.py"):
            if "migrations" not in path.parts:
                name = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
                modules[name] = path

    def known(dotted: str) -> str | None:
        parts = dotted.split(".")
        while parts and ".".join(parts) not in modules:
            parts.pop()
        return ".".join(parts) or None

    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        graph[name] = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                targets = [known(f"{base}.{alias.name}") or known(base) for alias in node.names]
            elif isinstance(node, ast.Import):
                targets = [known(alias.name) for alias in node.names]
            else:
                continue
            graph[name].update(t for t in targets if t and t != name)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, found = {}, {}, [], []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while (member := stack.pop()) != module:
                group.append(member)
            if group:
                found.append(sorted([module, *group]))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_itself_in_a_circle():
    assert circles(module_graph(ROOT)) == []


def test_a_circle_is_seen():
    graph = {"content.models": {"content.selectors"}, "content.selectors": {"content.models"}, "x": set()}
    assert circles(graph) == [["content.models", "content.selectors"]]
