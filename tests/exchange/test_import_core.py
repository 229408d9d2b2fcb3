"""The import core: one shared, public module for the three importers (issue 16, item 3).

The importers reach each other only through public names, their modules form no import
cycle, and they share one result type and one credit-code parser.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import roadshow_desk
from roadshow_desk.exchange.enterprise_import import ENTERPRISE_SPEC, EnterpriseImportResult
from roadshow_desk.exchange.import_core import ImportResult, parse_credit_code
from roadshow_desk.exchange.intention_fields import INTENTION_SPEC
from roadshow_desk.exchange.normalize import CellProblem

SOURCE = Path(roadshow_desk.__file__).parent
EXCHANGE = "roadshow_desk.exchange"


def _imports(path: Path) -> list[ast.ImportFrom]:
    """Every ``from roadshow_desk… import …`` of the file, function-level ones too."""
    return [
        node
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("roadshow_desk")
    ]


def test_no_module_imports_a_private_name_of_exchange() -> None:
    found = [
        f"{path.relative_to(SOURCE)} imports {node.module}.{alias.name}"
        for path in sorted(SOURCE.rglob("*.py"))
        for node in _imports(path)
        if (node.module or "").startswith(EXCHANGE + ".")
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    ]
    assert found == []


def test_the_exchange_modules_import_each_other_without_a_cycle() -> None:
    graph: dict[str, set[str]] = {}
    for path in (SOURCE / "exchange").glob("*.py"):
        graph[path.stem] = {
            (node.module or "").split(".")[2]
            for node in _imports(path)
            if (node.module or "").startswith(EXCHANGE + ".")
        }

    def reachable(start: str) -> set[str]:
        seen: set[str] = set()
        stack = [start]
        while stack:
            for nxt in graph.get(stack.pop(), set()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return seen

    assert sorted(name for name in graph if name in reachable(name)) == []


def test_the_three_importers_share_the_result_and_the_credit_code_parser() -> None:
    assert issubclass(EnterpriseImportResult, ImportResult)
    for spec in (ENTERPRISE_SPEC, INTENTION_SPEC):
        (credit,) = [field for field in spec.fields if field.name == "credit_code"]
        assert credit.parse is parse_credit_code


def test_the_credit_code_cell_parser() -> None:
    assert parse_credit_code(None) == ""
    assert parse_credit_code("  ") == ""
    assert parse_credit_code(" 91110108551385082q ") == "91110108551385082Q"
    with pytest.raises(CellProblem):
        parse_credit_code("91110108551385082X")  # wrong check character
