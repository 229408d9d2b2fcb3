"""The typical case write-up of a signed deal: the .docx opens with python-docx and holds the
patent title, the enterprise and the amount; no phone number unless asked; the PDF too."""

from __future__ import annotations

from pathlib import Path

import docx
import pdfcheck
import pytest

from roadshow_desk.cli import main
from roadshow_desk.cli_commands.report import write_case
from roadshow_desk.domain.models import Enterprise, Intention, Patent
from roadshow_desk.domain.typical_case import CaseInvalid


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _signed(demo_db) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with demo_db.session() as session:
        intention = next(
            i
            for i in session.query(Intention).order_by(Intention.id)
            if i.stage == "transfer_registered"
        )
        patent = session.get(Patent, intention.patent_id)
        firm = session.get(Enterprise, intention.enterprise_id)
        return {
            "id": intention.id,
            "title": patent.title,
            "firm": firm.name,
            "amount": f"{intention.deal_amount:,.2f}",
            "phone": intention.contact_phone,
        }


def test_docx_holds_the_case_and_no_phone(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = _signed(demo_db)
    assert case["phone"]
    out = write_case(demo_db, tmp_path / "case.docx", case["id"], story="双方在路演后当场洽谈。")
    text = _docx_text(out)
    for expected in (case["title"], case["firm"], case["amount"], "双方在路演后当场洽谈。"):
        assert expected in text
    assert case["phone"] not in text
    assert "left out" in text or "未包含" in text
    asked = _docx_text(write_case(demo_db, tmp_path / "c.docx", case["id"], contacts=True))
    assert case["phone"] in asked


def test_pdf_case_and_refusals(demo_db, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    case = _signed(demo_db)
    pdf = write_case(demo_db, tmp_path / "case.pdf", case["id"], lang="en")
    pdfcheck.assert_only_embedded_cjk(pdf)
    text = "".join("".join(pdfcheck.page_texts(pdf)).split())
    assert "".join(case["title"].split()) in text and case["amount"] in text
    assert case["phone"] not in text
    with demo_db.session() as session:
        open_lead = next(i.id for i in session.query(Intention) if i.stage == "new")
    with pytest.raises(CaseInvalid):
        write_case(demo_db, tmp_path / "no.docx", open_lead)
    url = str(demo_db.engine.url)
    assert main(["--db", url, "case", str(tmp_path / "x.docx"), "--intention", str(open_lead)]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert not (tmp_path / "x.docx").exists()
    assert (
        main(["--db", url, "case", str(tmp_path / "y.docx"), "--intention", str(case["id"])]) == 0
    )
    assert (tmp_path / "y.docx").exists()


def test_suggested_file_name_names_the_enterprise_and_patent(demo_db) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from roadshow_desk.documents.typical_case import case_file_name
    from roadshow_desk.domain.typical_case import case_facts

    case = _signed(demo_db)
    with demo_db.session() as session:
        facts = case_facts(session, int(case["id"]))
    name = case_file_name(facts)  # English below ui/ in tests
    assert name.startswith(f"Typical case-{case['firm']}-") and name.endswith(".docx")
    odd = dataclasses.replace(
        facts, enterprise='A/B: "C" 公司?', patent_title="一种" + "很长的标题" * 10 + "."
    )
    name = case_file_name(odd)
    assert name == "Typical case-A B C 公司-一种很长的标题很长的标题很长的标题很长的….docx"
    assert case_file_name(dataclasses.replace(facts, patent_title="")).endswith(
        f"-{facts.application_no}.docx"
    )


def test_safe_file_name_for_windows() -> None:
    from roadshow_desk.documents.file_names import safe_file_name

    assert safe_file_name('2025 路演/对接会: "手册"?') == "2025 路演 对接会 手册"
    assert safe_file_name("...") == "document"
    assert safe_file_name("con") == "_con"
    assert safe_file_name("LPT1.docx") == "_LPT1.docx"
    assert safe_file_name("名称 . ") == "名称"
    assert safe_file_name("a" * 200 + " b", limit=10) == "a" * 10
    assert safe_file_name("a\tb\nc") == "a b c"
