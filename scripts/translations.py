"""Qt Linguist translations of the UI: `update` (lupdate), `build` (lrelease), `check` (lint).

Japanese is the source language; resources/translations/dxnavi_en.ts holds the English text.

    .venv/bin/python scripts/translations.py update   # extract new/changed strings into dxnavi_en.ts
    .venv/bin/python scripts/translations.py build    # compile dxnavi_en.ts into dxnavi_en.qm
    .venv/bin/python scripts/translations.py check    # unmarked Japanese literals, unfinished messages,
                                                      # {fields} or &accelerators lost in translation

After `update`, translate the new messages (.venv/bin/pyside6-linguist, or edit the .ts), then `build`.
The compiled .qm is kept in resources/ so the app (and ./dev) never needs the Qt tools at run time;
tests/gui/test_translations.py fails while either file lags behind the sources.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILE = TRANSLATIONS / "dxnavi_en.ts"
QM_FILE = TRANSLATIONS / "dxnavi_en.qm"

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
# Calls whose literal text lupdate extracts: self.tr("…"), QCoreApplication.translate("Ctx", "…"),
# QT_TRANSLATE_NOOP("Ctx", "…"), QT_TR_NOOP("…").
TR_CALLS = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1, "QT_TR_NOOP": 0}
CONTEXT_CALLS = {"translate", "QT_TRANSLATE_NOOP"}
# A keyboard accelerator: "&" before a character ("&&" is a literal ampersand, "& " plain text).
ACCELERATOR = re.compile(r"(?<!&)&(?![& ])")
# A Japanese literal that is data, not UI text, carries this marker on its line.
DATA_MARKER = "# i18n: data"


def sources(root: Path = ROOT) -> list[Path]:
    """Every file whose user-visible strings are translated: the views, operations and the app."""
    views = sorted((root / "desktop" / "views").rglob("*.py"))
    return [*views, root / "desktop" / "operations.py", root / "desktop" / "app.py"]


def _tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python, else on PATH."""
    local = Path(sys.executable).parent / f"pyside6-{name}"
    if local.exists():
        return str(local)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(f"pyside6-{name} が見つかりません（PySide6 を導入してください）。")
    return found


def lupdate(ts: Path = TS_FILE, root: Path = ROOT) -> str:
    """Merge the current source strings into `ts` (obsolete ones dropped); returns lupdate's report."""
    files = [str(p) for p in sources(root)]
    cmd = [
        _tool("lupdate"),
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "ja_JP",
        "-target-language",
        "en_US",
        *files,
    ]
    result = subprocess.run([*cmd, "-ts", str(ts)], check=True, capture_output=True, text=True)
    return result.stdout + result.stderr


def lrelease(ts: Path = TS_FILE, qm: Path = QM_FILE) -> str:
    """Compile `ts` into `qm`; returns lrelease's report."""
    cmd = [_tool("lrelease"), "-nounfinished", str(ts), "-qm", str(qm)]
    result = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return result.stdout + result.stderr


def messages(ts: Path = TS_FILE) -> list[tuple[str, str, str, str]]:
    """(context, source, translation, type) of every message in a .ts file."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if message.get("numerus") == "yes":
                text = "|".join(t.text or "" for t in translation.iter("numerusform"))
            else:
                text = translation.text or "" if translation is not None else ""
            out.append((name, message.findtext("source") or "", text, kind))
    return out


def unfinished(ts: Path = TS_FILE) -> list[tuple[str, str]]:
    """(context, source) of messages without a finished translation."""
    return [
        (c, s) for c, s, t, kind in messages(ts) if kind in ("unfinished", "vanished", "obsolete") or not t
    ]


def _fields(text: str) -> list[str]:
    """The str.format fields of a message ({0}, {done}; a format spec such as {1:02} counts as {1})."""
    return sorted(re.sub(r"[:!].*", "", f) for f in re.findall(r"\{([^{}]*)\}", text))


def mismatches(ts: Path = TS_FILE) -> list[str]:
    """Translations whose format fields or keyboard accelerator (&X) do not match their source."""
    problems = []
    for context, source, text, _kind in messages(ts):
        if not text:
            continue
        if _fields(source) != _fields(text):
            problems.append(f"[{context}] {source[:40]!r}: fields {_fields(source)} ≠ {_fields(text)}")
        if bool(ACCELERATOR.search(source)) != bool(ACCELERATOR.search(text)):
            problems.append(f"[{context}] {source[:40]!r}: accelerator (&X) in one text only")
    return problems


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _literal(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def lint_file(path: Path) -> Iterator[tuple[int, str]]:
    """(line, problem) for UI text lupdate cannot extract in one source file."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    tree = ast.parse(text)
    marked: set[int] = set()  # id() of literals passed to a translation call
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and _literal(body[0].value):
                docstrings.add(id(body[0].value))
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        if name not in TR_CALLS:
            continue
        index = TR_CALLS[name]
        if len(node.args) <= index or not _literal(node.args[index]):
            continue  # text marked elsewhere (QT_TRANSLATE_NOOP) and translated here at use time
        marked.add(id(node.args[index]))
        if name in CONTEXT_CALLS and not _literal(node.args[0]):
            yield node.lineno, f"{name}(): the context must be a literal string for lupdate"
    for node in ast.walk(tree):
        if not _literal(node) or id(node) in marked or id(node) in docstrings:
            continue
        if not JAPANESE.search(node.value):
            continue
        line = node.lineno
        if any(DATA_MARKER in lines[i - 1] for i in range(line, (node.end_lineno or line) + 1)):
            continue
        yield line, f"Japanese text not marked for translation: {node.value[:40]!r}"


def lint(root: Path = ROOT) -> list[str]:
    """Every problem in every source file, as 'path:line: problem'."""
    problems = []
    for path in sources(root):
        for line, problem in lint_file(path):
            problems.append(f"{path.relative_to(root)}:{line}: {problem}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=("update", "build", "check"))
    args = parser.parse_args(argv)
    if args.command == "update":
        print(lupdate().strip())
        left = unfinished()
        print(f"{len(messages())} messages, {len(left)} without an English translation")
        return 0
    if args.command == "build":
        print(lrelease().strip())
        return 0
    problems = lint() + [f"{TS_FILE.name}: unfinished [{c}] {s[:60]!r}" for c, s in unfinished()]
    problems += [f"{TS_FILE.name}: {p}" for p in mismatches()]
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
