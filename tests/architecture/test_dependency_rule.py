"""The layering of DESIGN.md §2 holds: views → operations → services → {store, documents, exchange, sync,
content} → models, and nothing outside views/, operations.py and app.py imports Qt. The hub (hub/) may use only
the Qt-free desktop.models, desktop.sync.protocol with its field encoding desktop.sync.wire, and the package reader
and writer desktop.exchange."""

import ast
from pathlib import Path

import pytest

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"

# Each layer may import itself and the layers listed for it (the rule is about direct imports).
ALLOWED: dict[str, set[str]] = {
    "models": {"models"},
    "content": {"content", "models"},
    "store": {"store", "models"},
    "documents": {"documents", "models"},
    "exchange": {"exchange", "models", "sync"},
    "sync": {"sync", "models"},
    "services": {"services", "store", "documents", "exchange", "sync", "content", "models"},
    "operations": {"operations", "services", "models"},
    "views": {"views", "operations", "services", "content", "models"},
    "app": {"app", "views", "operations", "services", "store", "content", "models"},
    "cli": {
        "cli",
        "cli_documents",
        "cli_needs",
        "cli_packages",
        "cli_sync",
        "app",
        "services",
        "store",
        "content",
        "models",
    },
    "cli_documents": {"cli_documents", "services", "store", "models"},
    "cli_needs": {"cli_needs", "services", "store", "models"},
    "cli_sync": {"cli_sync", "services", "store", "models"},
    "cli_packages": {"cli_packages", "services", "exchange", "store", "models"},
}
QT_ALLOWED = {"views", "operations", "app"}


def layer_of(path: Path) -> str:
    rel = path.relative_to(DESKTOP)
    return rel.parts[0].removesuffix(".py") if len(rel.parts) > 1 or rel.stem != "__init__" else "package"


def _type_checking_blocks(tree: ast.AST) -> set[int]:
    """Ids of nodes under `if TYPE_CHECKING:` (annotations only; nothing is imported at run time)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.If)
            and getattr(node.test, "id", getattr(node.test, "attr", "")) == "TYPE_CHECKING"
        ):
            inside.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return inside


def imports_of(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_blocks(tree)
    names = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def modules():
    return [p for p in sorted(DESKTOP.rglob("*.py")) if "migrations" not in p.parts]


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(DESKTOP)))
def test_module_imports_only_lower_layers(path):
    layer = layer_of(path)
    if layer in ("package", "__main__"):
        return
    assert layer in ALLOWED, f"{path} is in no known layer; add it to DESIGN.md's picture first"
    for name in imports_of(path):
        parts = name.split(".")
        if parts[0] == "desktop" and len(parts) > 1:
            target = parts[1]
            if target == "__version__" or (len(parts) == 2 and target not in ALLOWED):
                continue
            assert target in ALLOWED[layer], (
                f"{path.relative_to(DESKTOP)} ({layer}) must not import desktop.{target}"
            )
        if parts[0] in ("PySide6", "shiboken6"):
            assert layer in QT_ALLOWED, f"{path.relative_to(DESKTOP)} ({layer}) must not import Qt"


def test_models_know_nothing_of_the_rest():
    for path in (DESKTOP / "models").rglob("*.py"):
        for name in imports_of(path):
            assert not name.startswith("desktop.") or name.startswith("desktop.models"), (path, name)


def test_a_view_never_opens_a_session_or_builds_sql():
    forbidden = ("sqlalchemy", "sqlite3", "reportlab", "httpx", "openpyxl", "docx")
    for path in (DESKTOP / "views").rglob("*.py"):
        for name in imports_of(path):
            assert name.split(".")[0] not in forbidden, f"{path.relative_to(DESKTOP)} imports {name}"


def test_every_folder_of_the_app_is_a_regular_package():
    # Pages are imported by name when first opened; PyInstaller (installers/dxnavi.spec) finds them only
    # through collect_submodules, which skips namespace packages (a missing __init__.py dropped every page).
    for folder in [DESKTOP, *(p for p in DESKTOP.rglob("*") if p.is_dir())]:
        if folder.name == "__pycache__" or "migrations" in folder.parts:
            continue
        assert (folder / "__init__.py").exists(), f"{folder.relative_to(DESKTOP.parent)} has no __init__.py"


HUB = DESKTOP.parent / "hub"
HUB_MAY_IMPORT = ("desktop.models", "desktop.sync.protocol", "desktop.sync.wire", "desktop.exchange")


@pytest.mark.parametrize("path", sorted(HUB.rglob("*.py")), ids=lambda p: str(p.relative_to(HUB.parent)))
def test_the_hub_imports_only_the_qt_free_models_and_the_protocol(path):
    for name in imports_of(path):
        if name == "desktop" or name.startswith("desktop."):
            assert name.startswith(HUB_MAY_IMPORT), f"{path.relative_to(HUB.parent)} must not import {name}"
        assert name.split(".")[0] not in ("PySide6", "shiboken6"), (
            f"{path.relative_to(HUB.parent)} imports Qt"
        )


def module_name(path: Path) -> str:
    rel = path.relative_to(DESKTOP.parent).with_suffix("")
    return ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)


def project_imports(path: Path, known: set[str]) -> set[str]:
    """The project modules `path` imports anywhere (lazy imports inside functions included; imports for type
    annotations only, under `if TYPE_CHECKING:`, are not made at run time)."""
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_blocks(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from desktop.services import plan` imports the module desktop.services.plan.
            found |= {f"{node.module}.{a.name}" for a in node.names} | {node.module}
    return {name for name in found if name in known and not name.endswith(("desktop", "__init__"))}


def test_no_module_imports_itself_through_others():
    """Import circles (even through a lazy import inside a function) make modules depend on import order."""
    paths = {module_name(p): p for p in modules()}
    packages = {name for name, p in paths.items() if p.name == "__init__.py"}
    graph = {name: project_imports(p, set(paths)) - packages - {name} for name, p in paths.items()}

    def circle_through(start: str) -> list[str] | None:
        stack, seen = [[start]], set()
        while stack:
            trail = stack.pop()
            for nxt in graph[trail[-1]]:
                if nxt == start:
                    return [*trail, start]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append([*trail, nxt])
        return None

    circles = [c for name in sorted(graph) if (c := circle_through(name))]
    assert not circles, "import circle: " + " → ".join(circles[0])
