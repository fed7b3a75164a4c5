"""The shape of the code: no import circles, and each app's dependencies in one direction
(issue 13). Imports are read from the source, those inside functions included: a circle
hidden in a function is still a circle."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "accountability",
    "almene",
    "articles",
    "corrections",
    "goals",
    "newsletter",
    "newsroom",
    "quotecheck",
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[module_name(path)] = path
    return modules


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules ``name`` imports, anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # "from x import y" imports the module x.y if there is one, else a name from x.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    modules = project_modules()
    known = set(modules)
    return {name: imports_of(name, path, known) for name, path in modules.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, result = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in edges.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return result


def test_no_module_imports_one_that_imports_it_back():
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_a_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_models_do_not_import_the_cache_and_articles_never_imports_goals():
    edges = graph()
    for model_module in ("articles.models", "goals.models"):
        assert not {m for m in edges[model_module] if m.startswith("articles.caching")}
    for name, targets in edges.items():
        if name.startswith("articles"):
            assert not {m for m in targets if m.startswith("goals")}, name
        # The newsletter builds on the content apps; they know nothing of it.
        if name.startswith(("articles", "goals")):
            assert not {m for m in targets if m.startswith("newsletter")}, name
        # The newsroom builds on the content and its public pages; they know nothing of it
        # (the goals' admin screens are the newsroom's, and use its editor and inlines).
        if name.startswith("articles") or name in ("goals.models", "goals.views"):
            assert not {m for m in targets if m.startswith("newsroom")}, name
        # Accountability builds on the content and the newsletter's helpers; none knows it.
        if name.startswith(("articles", "goals", "newsletter", "corrections")):
            assert not {m for m in targets if m.startswith("accountability")}, name
        # Quote checks: their data and paragraphs sit beside the content, which knows nothing
        # of them; the newsroom takes every step of one, and the source's page asks it to.
        if name.startswith(("articles", "goals", "newsletter", "corrections", "accountability")):
            assert not {m for m in targets if m.startswith("quotecheck")}, name
        if name in ("quotecheck.models", "quotecheck.paragraphs"):
            assert all(m.startswith(("articles", "quotecheck")) for m in targets), name
    # The project wires the apps together; no app imports it.
    for name, targets in edges.items():
        if not name.startswith("almene"):
            assert not {m for m in targets if m.startswith("almene")}, name


def test_the_cache_package_builds_on_the_models_alone():
    """The cache sits under the views, the reading list and the feeds: it may use the models,
    never what uses it (issue 20)."""
    edges = graph()
    for name, targets in edges.items():
        if name.startswith("articles.caching"):
            above = {
                target
                for target in targets
                if not target.startswith("articles.caching") and target != "articles.models"
            }
            assert not above, f"{name} imports {sorted(above)}"


def test_every_app_of_the_project_is_installed_with_it():
    """A package left out of pyproject.toml's list works in the checkout (and in an editable
    install) but is missing from a built one."""
    import tomllib
    from fnmatch import fnmatch

    from django.apps import apps

    include = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"
    ]["find"]["include"]
    ours = {
        config.name.split(".")[0]
        for config in apps.get_app_configs()
        if (ROOT / config.name.split(".")[0]).is_dir()
    }
    assert ours <= set(PACKAGES), "an app missing from PACKAGES above"
    for package in PACKAGES:
        assert any(fnmatch(package, pattern) for pattern in include), package
