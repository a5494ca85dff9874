"""Imports point one way: tenants <- network <- content <- prevention, search, syndication,
members, site_import, team <- cpts_network.

Each module of the apps is parsed (not imported), every ``import`` read,
function-level ones included: an import up the stack, or between the two
apps of the same level, is a failure naming the file and line; so is any
circle between modules, within an app too.

A module named in a string is imported all the same (``import_string("x.y")``,
``include("x.urls")``, ``SelectorField("x.y.f")``, ``handler404 = "x.y.view"``…):
such a string counts as an import in both checks, and none may be written
outside the settings, which name the project's parts by dotted path by design.
A string counts when it is the dotted path of a module of the apps or of a name
defined at the top of one. Model labels (``"content.HomePage"``), permission
codenames and check ids are not module paths and do not count; neither do two
kinds of names that look like module paths by convention: a signal's
``dispatch_uid`` and a logger's name.
"""

import ast
import re
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
    "access": 3,
    "aci": 3,
    "unscheduled_care": 3,
    "applications": 3,
    "observatory": 3,
    "cpts_network": 4,
}
# Where dotted paths are the way to name the project's parts (config/settings is outside the apps).
SETTINGS = Path("cpts_network/settings")
# Strings outside the settings that must stay strings: counted in the graph, not to be replaced.
SETTING_VALUES = {
    (Path("network/admin_site.py"), "network.federation_admin_site"): "AdminConfig.default_site, a path only",
    (Path("cpts_network/checks.py"), "tenants.postgresql_backend"): "the ENGINE a check expects",
}
DOTTED = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)+")


def app_modules(root: Path, *, migrations: bool = False) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the apps."""
    modules = {}
    for app in LAYER:
        for path in sorted((root / app).rglob("*.py")):
            if migrations or "migrations" not in path.parts:
                name = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
                modules[name] = path
    return modules


def top_level_names(path: Path) -> set[str]:
    names = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    return names


def _names_not_imports(tree: ast.AST) -> set[int]:
    """The string nodes that are a signal's dispatch_uid or a logger's name."""
    ignored = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            ignored.update(id(k.value) for k in node.keywords if k.arg == "dispatch_uid")
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if called == "getLogger":
                ignored.update(id(arg) for arg in node.args)
    return ignored


def string_imports(root: Path) -> dict[Path, list[tuple[int, str]]]:
    """File -> (line, module) of every module of the apps it names in a string, settings excepted."""
    modules = app_modules(root)
    names: dict[str, set[str]] = {}
    found: dict[Path, list[tuple[int, str]]] = {}
    for path in modules.values():
        if path.relative_to(root).is_relative_to(SETTINGS):
            continue
        tree = ast.parse(path.read_text())
        ignored = _names_not_imports(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in ignored:
                continue
            if not DOTTED.fullmatch(node.value) or node.value.split(".")[0] not in LAYER:
                continue
            module, _, name = node.value.rpartition(".")
            if node.value in modules:
                target = node.value
            elif module in modules and name in names.setdefault(module, top_level_names(modules[module])):
                target = module
            else:
                continue
            found.setdefault(path, []).append((node.lineno, target))
    return found


def imported_apps(path: Path, strings: dict[Path, list[tuple[int, str]]]) -> list[tuple[int, str]]:
    found = list(strings.get(path, []))
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return found


def upward_imports() -> list[str]:
    wrong = []
    strings = string_imports(ROOT)
    for path in app_modules(ROOT, migrations=True).values():
        app = path.relative_to(ROOT).parts[0]
        for line, module in imported_apps(path, strings):
            top = module.split(".")[0]
            if top == "config" or (top in LAYER and top != app and LAYER[top] >= LAYER[app]):
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


def test_the_check_would_see_one_written_as_a_string(tmp_path, monkeypatch):
    (tmp_path / "tenants").mkdir()
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "views.py").write_text("def page(request):\n    pass\n")
    (tmp_path / "tenants" / "bad.py").write_text(
        "from django.utils.module_loading import import_string\n\n"
        'VIEW = import_string("content.views.page")\n'
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert upward_imports() == ["tenants/bad.py:3 imports content.views"]


def test_no_module_is_imported_by_a_string_outside_the_settings():
    written = [
        f"{path.relative_to(ROOT)}:{line} names {module} in a string"
        for path, found in string_imports(ROOT).items()
        for line, module in found
        if (path.relative_to(ROOT), module) not in SETTING_VALUES
    ]
    assert written == []


def test_string_imports_are_told_from_names_that_only_look_like_them(tmp_path):
    content = tmp_path / "content"
    (content / "selectors").mkdir(parents=True)
    (content / "selectors" / "__init__.py").write_text("from .site import key_figures\n")
    (content / "selectors" / "site.py").write_text("def key_figures(page):\n    return {}\n")
    (content / "models.py").write_text(
        "import logging\n"
        'FIGURES = SelectorField("content.selectors.key_figures")\n'
        'SITE = import_string("content.selectors.site")\n'
        'PARENTS = ["content.HomePage"]\n'
        'post_save.connect(f, dispatch_uid="content.selectors")\n'
        'logger = logging.getLogger("content.selectors.site")\n'
        'UNKNOWN = "content.selectors.nothing_here"\n'
    )
    assert string_imports(tmp_path) == {
        content / "models.py": [(2, "content.selectors"), (3, "content.selectors.site")]
    }


def module_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the modules of the apps it imports (relative imports resolved, strings counted)."""
    modules = app_modules(root)
    strings = string_imports(root)

    def known(dotted: str) -> str | None:
        parts = dotted.split(".")
        while parts and ".".join(parts) not in modules:
            parts.pop()
        return ".".join(parts) or None

    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        graph[name] = {module for _, module in strings.get(path, []) if module != name}
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


def test_a_circle_through_a_string_is_seen(tmp_path):
    (tmp_path / "members").mkdir()
    (tmp_path / "members" / "models.py").write_text(
        'def route(request):\n    return import_string("members.views.form")(request)\n'
    )
    (tmp_path / "members" / "views.py").write_text(
        "from members.models import route\n\ndef form(r):\n    pass\n"
    )
    assert circles(module_graph(tmp_path)) == [["members.models", "members.views"]]
