"""The patent field spec: header synonyms of every exporter, cell parsers, presets.

Synonyms come from real exports (see ``shared/realdata/SOURCES.md``): Patentics, incoPat,
PatSnap (智慧芽), CNIPA's search system (pss-system and the older SIPO field set), the
"中国专利数据库" research CSV, and Roadshow Desk's own export (the first synonym of each
field is the header our export writes, so export → import round-trips). The activation
system's batch template (批量建档模板) has no public column list; the fields it is known to
carry (value self-assessment, conversion mode, contact) have Chinese synonyms here, but no
preset was invented for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from roadshow_desk.domain.enums import LegalStatus, PatentType
from roadshow_desk.domain.identifiers import (
    ApplicationNumberProblem,
    InvalidApplicationNumber,
    normalize_application_number,
)
from roadshow_desk.domain.labels import PATENT_FIELD_LABELS
from roadshow_desk.domain.models import LIST_SEPARATOR, Patent
from roadshow_desk.exchange.columns import Field, FieldSpec, Preset
from roadshow_desk.exchange.normalize import (
    CellProblem,
    clean_code,
    clean_long_text,
    clean_text,
    legal_status_of,
    parse_conversion_modes,
    parse_count,
    parse_date,
    parse_flag,
    parse_grade,
    patent_type_of,
    split_ipc,
    split_list,
)
from roadshow_desk.exchange.tables import cell_text, fmt
from roadshow_desk.i18n import QT_TRANSLATE_NOOP, translate

# --------------------------------------------------------------------------- parsers


def application_number_reason(error: InvalidApplicationNumber) -> str:
    """A translated sentence for an application number that cannot be used."""
    shown = " ".join(str(error.text).split())[:40]
    reason = error.reason
    if reason == ApplicationNumberProblem.EMPTY:
        return translate("Import", "The application number is empty.")
    if reason == ApplicationNumberProblem.PUBLICATION_NUMBER:
        text = translate(
            "Import",
            "“%1” is a publication number, not an application number (like CN202210016632.1).",
        )
    elif reason == ApplicationNumberProblem.WRONG_LENGTH:
        text = translate(
            "Import",
            "“%1” has the wrong number of digits for an application number (12, or 8 before "
            "October 2003).",
        )
    elif reason == ApplicationNumberProblem.INVALID_YEAR:
        text = translate(
            "Import", "“%1” cannot be an application number: its filing year is impossible."
        )
    elif reason == ApplicationNumberProblem.INVALID_TYPE:
        text = translate(
            "Import",
            "“%1” cannot be an application number: its patent-type digit must be 1, 2, 3, 8 or 9.",
        )
    elif reason == ApplicationNumberProblem.WRONG_CHECK_CHARACTER:
        return fmt(
            translate(
                "Import",
                "“%1” has the check character %2, but these digits need %3; a digit or the "
                "check character is mistyped.",
            ),
            shown,
            shown[-1:] or "?",
            error.expected_check or "?",
        )
    else:
        text = translate(
            "Import",
            "“%1” is not a Chinese patent application number (like CN202210016632.1).",
        )
    return fmt(text, shown)


def parse_application_number(value: Any) -> str:
    """The normalised application number (``CN202210016632.1``); :class:`CellProblem`."""
    text = value if isinstance(value, str) else cell_text(value)
    try:
        return normalize_application_number(text)
    except InvalidApplicationNumber as error:
        raise CellProblem(application_number_reason(error)) from None


def _list(value: Any) -> str:
    return LIST_SEPARATOR.join(split_list(value))


def _ipc_all(value: Any) -> str:
    return LIST_SEPARATOR.join(split_ipc(value))


def _ipc_main(value: Any) -> str:
    codes = split_ipc(value)
    return codes[0] if codes else ""


def _first_item(value: Any) -> str:
    items = split_list(value)
    return items[0] if items else ""


def _code(value: Any) -> str:
    return "".join(clean_code(value).upper().split())


def _legal_status(value: Any) -> LegalStatus:
    status = legal_status_of(cell_text(value))
    return LegalStatus.UNKNOWN if status is None else status


def _patent_type(value: Any) -> PatentType | None:
    return patent_type_of(cell_text(value))


def _flag(value: Any) -> bool:
    return False if value is None or value == "" else parse_flag(value)


def _field(
    name: str,
    synonyms: tuple[str, ...],
    parse: Callable[[Any], Any] = clean_text,
    required: bool = False,
) -> Field:
    length = getattr(Patent.__table__.columns[name].type, "length", None)
    return Field(name, PATENT_FIELD_LABELS[name], synonyms, parse, required, length)


# --------------------------------------------------------------------------- the spec

PATENT_FIELDS: tuple[Field, ...] = (
    _field(
        "application_no",
        (
            "申请号",
            "专利申请号",
            "申请号码",
            "专利号",
            "申请专利号",
            "application number",
            "application no",
            "application_no",
            "appl no",
            "app no",
        ),
        parse_application_number,
        required=True,
    ),
    _field(
        "title",
        (
            "专利名称",
            "标题",
            "名称",
            "发明名称",
            "标题(中文)",
            "发明创造名称",
            "title",
            "invention title",
        ),
        clean_text,
    ),
    _field("patent_type", ("专利类型", "类型", "patent type"), _patent_type),
    _field(
        "legal_status",
        (
            "法律状态",
            "当前法律状态",
            "简单法律状态",
            "最新法律状态",
            "专利有效性",
            "legal status",
            "status",
        ),
        _legal_status,
    ),
    _field(
        "applicants",
        (
            "申请人",
            "申请(专利权)人",
            "申请人名称",
            "专利申请人",
            "原始申请(专利权)人",
            "applicants",
            "applicant",
        ),
        _list,
    ),
    _field(
        "current_owners",
        (
            "当前权利人",
            "当前申请(专利权)人",
            "[标]当前申请(专利权)人",
            "专利权人",
            "标准专利权人",
            "current owners",
            "current assignee",
            "assignee",
        ),
        _list,
    ),
    _field("inventors", ("发明人", "发明(设计)人", "发明人姓名", "inventors", "inventor"), _list),
    _field(
        "application_date", ("申请日", "申请日期", "application date", "filing date"), parse_date
    ),
    _field(
        "publication_date",
        (
            "公开日",
            "公开(公告)日",
            "公开/公告日",
            "申请公开日",
            "公开日期",
            "公布日",
            "publication date",
        ),
        parse_date,
    ),
    _field("grant_date", ("授权公告日", "授权日", "授权日期", "颁证日", "grant date"), parse_date),
    _field("priority_date", ("优先权日", "最早优先权日", "priority date"), parse_date),
    _field(
        "publication_no",
        (
            "公开号",
            "公开(公告)号",
            "公告号",
            "公布号",
            "申请公布号",
            "publication number",
            "publication no",
            "pub no",
        ),
        _code,
    ),
    _field(
        "grant_no", ("授权公告号", "授权号", "grant number", "grant no", "patent number"), _code
    ),
    _field(
        "ipc_main",
        ("IPC主分类号", "国际主分类", "IPC主分类", "主分类号", "主分类", "main ipc", "ipc main"),
        _ipc_main,
    ),
    _field(
        "ipc_all",
        ("IPC分类号", "国际分类", "IPC", "分类号", "国际专利分类号", "ipc codes"),
        _ipc_all,
    ),
    _field(
        "technical_field",
        ("技术领域", "所属领域", "领域", "行业领域", "technical field", "field"),
        clean_text,
    ),
    _field(
        "strategic_emerging_industry",
        ("战略性新兴产业", "战略新兴产业分类", "新兴产业分类", "strategic emerging industry"),
        clean_text,
    ),
    _field(
        "claims_count",
        ("权利要求数", "权利要求数量", "权项数", "claims", "number of claims", "num claims"),
        parse_count,
    ),
    _field(
        "family_size",
        ("同族专利数", "同族数", "简单同族数量", "同族数量", "family size"),
        parse_count,
    ),
    _field(
        "cited_by_count",
        (
            "被引用数",
            "引用本文专利数",
            "被引证次数",
            "被引用专利数",
            "被引次数",
            "cited by",
            "times cited",
        ),
        parse_count,
    ),
    _field("overseas_family", ("海外同族", "有海外同族", "overseas family"), _flag),
    _field("pledge_financing", ("质押融资", "质押次数", "pledge financing"), _flag),
    _field("patent_award", ("专利奖", "获奖情况", "patent award"), clean_text),
    _field(
        "self_grade",
        ("价值分级自评", "专利价值分级自评", "自评等级", "星级", "self grade"),
        parse_grade,
    ),
    _field(
        "conversion_modes",
        ("转化方式", "意向转化方式", "拟转化方式", "conversion modes"),
        parse_conversion_modes,
    ),
    _field("price_guide", ("参考价格", "转让价格", "价格", "price guide", "price"), clean_text),
    _field("open_licence_terms", ("开放许可条件", "open licence terms"), clean_long_text),
    _field("public_contact", ("联系方式", "联系人", "public contact", "contact"), clean_text),
    _field(
        "applicant_address",
        ("申请人地址", "地址", "通信地址", "通讯地址", "address", "applicant address"),
        clean_text,
    ),
    _field(
        "agency", ("专利代理机构", "代理机构", "律师、代理", "agency", "patent agency"), _first_item
    ),
    _field("advantages", ("技术优势", "优势", "advantages"), clean_long_text),
    _field(
        "application_scenarios", ("应用场景", "应用领域", "application scenarios"), clean_long_text
    ),
    _field("abstract", ("摘要", "申请摘要", "摘要文本", "abstract"), clean_long_text),
)

PATENT_PRESETS: tuple[Preset, ...] = (
    Preset(
        "roadshow-desk",
        QT_TRANSLATE_NOOP("Presets", "Roadshow Desk export"),
        markers=("所属机构",),
    ),
    Preset(
        "patentics",
        QT_TRANSLATE_NOOP("Presets", "Patentics"),
        markers=("标准化申请人", "标准申请人", "专利度", "本文引用专利数", "特征度", "相关度"),
    ),
    Preset(
        "incopat",
        QT_TRANSLATE_NOOP("Presets", "incoPat"),
        markers=("合享价值度", "链接到incoPat", "标题(翻译)", "IPC主分类", "专利寿命(月)"),
        synonyms={"title": ("标题", "标题(中文)"), "legal_status": ("当前法律状态", "法律状态")},
    ),
    Preset(
        "patsnap",
        QT_TRANSLATE_NOOP("Presets", "PatSnap"),
        markers=(
            "[标]当前申请(专利权)人",
            "Patsnap同族专利申请数量",
            "简单法律状态",
            "[标]原始申请(专利权)人类型",
        ),
        synonyms={
            "applicants": ("申请(专利权)人",),
            "current_owners": ("[标]当前申请(专利权)人",),
            "legal_status": ("简单法律状态", "法律状态/事件"),
        },
    ),
    Preset(
        "cnipa",
        QT_TRANSLATE_NOOP("Presets", "CNIPA patent search"),
        markers=("申请(专利权)人", "发明(设计)人", "最新法律状态", "专利权状态"),
        synonyms={"legal_status": ("最新法律状态", "法律状态"), "title": ("名称",)},
    ),
    Preset(
        "research-db",
        QT_TRANSLATE_NOOP("Presets", "Chinese patent research database"),
        markers=("摘要文本", "主权项内容", "公开公告年份", "申请年份"),
    ),
)

PATENT_SPEC = FieldSpec(
    "patents",
    PATENT_FIELDS,
    key="application_no",
    presets=PATENT_PRESETS,
    label_context="PatentFields",
)


def preset_label(name: str) -> str:
    """The translated name of a built-in preset (the user's own preset names as they are)."""
    for preset in PATENT_PRESETS:
        if preset.name == name:
            return translate("Presets", preset.label)
    return name
