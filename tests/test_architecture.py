"""Imports point one way: tenants <- network <- content <- prevention, search <- cpts_network.

Each module of the apps is parsed (not imported), every ``import`` read,
function-level ones included: an import up the stack, or between the two
apps of the same level, is a failure naming the file and line.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYER = {"tenants": 0, "network": 1, "content": 2, "prevention": 3, "search": 3, "cpts_network": 4}


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
