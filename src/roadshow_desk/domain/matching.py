"""Which patents fit which enterprise, and why — offline, explainable.

An enterprise states an industry (``锂电池材料``), keywords (``正极材料; 锂离子电池``) and IPC
classes of interest (``H01M; G01R 31``). A patent fits when

* a keyword occurs in its title, abstract, application scenarios or advantages (the whole
  keyword: strongest), or a long keyword shares a part of two or more characters with that
  text (``钠离子电池`` and ``锂离子电池`` share ``离子电池``) that holds an informative
  character pair (Chinese has no spaces: character pairs are the words a segmenter finds
  most often; pairs such as ``一种`` or ``方法`` say nothing and are ignored);
* one of its IPC codes lies under an IPC class of interest (``H01M 10/0525`` under ``H01M``
  and under ``H01M 10``, not under ``H01M 1``);
* its technical field or strategic-emerging-industry category shares text with the
  enterprise's industry (``新能源汽车`` and ``新能源``).

:func:`match` compares one profile of each side and returns a :class:`Match` with its
points and its reasons; :meth:`Match.explanation` reads "shared: 电池, 储能; IPC H01M;
industry: 新能源". The store (``roadshow_desk.store.matching``) finds the candidates with the
search index and ranks them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from roadshow_desk.domain.identifiers import to_halfwidth
from roadshow_desk.domain.models import split_list
from roadshow_desk.i18n import fmt, translate

CONTEXT = "Matching"

KEYWORD_POINTS = 3.0
KEYWORD_IN_TITLE_POINTS = 1.0
PART_POINTS = 1.0
MAX_PARTS = 3
IPC_POINTS = 3.0
INDUSTRY_POINTS = 2.0

#: Character pairs too common in patent text to show that two things are related.
_STOP_TEXT = """
    一种 方法 装置 系统 及其 制备 基于 用于 结构 设备 技术 应用 其中 所述
    本发 发明 包括 组成 进行 通过 具有 可以 以及 一个 实现 提供 有限 公司
    大学 研究 学院 科技 股份 中心 产业 行业 制造 生产 工艺 材料 模块 单元
    组件 部件 相关 领域 新型 实用 使用 采用 作为 能够 该种 一体 成型 控制
    检测 处理 分析 信息 数据 智能 新的 高效 快速
"""
STOP_PAIRS = frozenset(_STOP_TEXT.split())

_SEPARATORS = re.compile(r"[;；,，、/|\s]+")
_CJK_OR_WORD = re.compile(r"[^\x00-\x7f\s]|[a-z0-9]")
_IPC_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Text as compared: full-width made half-width, lower case (as the search does)."""
    return to_halfwidth(text or "").lower()


def ipc_key(code: str) -> str:
    """An IPC code or class without spaces, upper case (``"H01M 10/0525"`` → ``"H01M10/0525"``)."""
    return _IPC_SPACES.sub("", code).upper()


def ipc_under(code: str, prefix: str) -> bool:
    """Whether the IPC ``code`` lies under ``prefix`` (both as :func:`ipc_key` gives them)."""
    if not prefix or not code.startswith(prefix):
        return False
    if "/" in prefix:  # subgroups nest by their digits: 10/05 holds 10/0525
        return True
    rest = code[len(prefix) :]  # a main group ends at the slash: 1 does not hold 10
    return not (rest[:1].isdigit() and prefix[-1:].isdigit())


def pairs(text: str) -> set[str]:
    """Informative character pairs of CJK text (no punctuation, no stop pairs)."""
    found: set[str] = set()
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        found.update(a + b for a, b in itertools.pairwise(run))
    return found - STOP_PAIRS


def longest_common(a: str, b: str) -> str:
    """The longest common substring of two short texts (first one found)."""
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if a[i:j] in b:
                best = a[i:j]
            else:
                break
    return best


# --------------------------------------------------------------------------- profiles


@dataclass(frozen=True)
class EnterpriseProfile:
    enterprise_id: int
    name: str
    keywords: tuple[str, ...]
    """As the enterprise wrote them (shown), compared folded."""
    industry_terms: tuple[str, ...]
    ipc_prefixes: tuple[str, ...]

    @classmethod
    def of(cls, enterprise: Any) -> EnterpriseProfile:
        keywords = tuple(
            dict.fromkeys(
                part.strip()
                for item in split_list(enterprise.keywords)
                for part in _SEPARATORS.split(item)
                if part.strip()
            )
        )
        industry = tuple(
            dict.fromkeys(p for p in _SEPARATORS.split(enterprise.industry or "") if p)
        )
        prefixes = tuple(
            dict.fromkeys(
                ipc_key(item)
                for item in re.split(r"[;；,，、]+", enterprise.ipc_interests or "")
                if item.strip()
            )
        )
        return cls(enterprise.id, enterprise.name, keywords, industry, prefixes)

    @property
    def is_empty(self) -> bool:
        return not (self.keywords or self.industry_terms or self.ipc_prefixes)


@dataclass(frozen=True)
class PatentProfile:
    patent_id: int
    title: str
    """Folded title."""
    text: str
    """Folded title, abstract, application scenarios and advantages."""
    fields: tuple[str, ...]
    """Technical field and strategic-emerging-industry category (as stored)."""
    ipc_codes: tuple[str, ...]

    @classmethod
    def of(cls, patent: Any) -> PatentProfile:
        codes = [*split_list(patent.ipc_all), patent.ipc_main or ""]
        return cls(
            patent.id,
            fold(patent.title),
            "\n".join(
                fold(value)
                for value in (
                    patent.title,
                    patent.abstract,
                    patent.application_scenarios,
                    patent.advantages,
                )
            ),
            tuple(f for f in (patent.technical_field, patent.strategic_emerging_industry) if f),
            tuple(dict.fromkeys(ipc_key(code) for code in codes if code.strip())),
        )


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class Match:
    """Why an enterprise and a patent fit, and how well (``points``)."""

    enterprise_id: int
    patent_id: int
    points: float
    keywords: tuple[str, ...] = ()
    """Keywords found whole."""
    shared_parts: tuple[str, ...] = ()
    """The longest part of another (long) keyword found, when it holds an informative pair."""
    ipc: tuple[str, ...] = ()
    """IPC classes of interest the patent lies under (as the enterprise wrote them)."""
    industry: tuple[str, ...] = ()
    """Text shared between the industry and the patent's field or category."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def explanation(self) -> str:
        """``"shared: 电池, 储能; IPC H01M; industry: 新能源"`` in the user's language."""
        parts = []
        shared = [*self.keywords, *self.shared_parts]
        if shared:
            parts.append(
                fmt(translate("Matching", "shared: %1"), translate("Matching", ", ").join(shared))
            )
        if self.ipc:
            parts.append(fmt(translate("Matching", "IPC %1"), ", ".join(self.ipc)))
        if self.industry:
            parts.append(
                fmt(
                    translate("Matching", "industry: %1"),
                    translate("Matching", ", ").join(self.industry),
                )
            )
        return translate("Matching", "; ").join(parts)


def match(enterprise: EnterpriseProfile, patent: PatentProfile) -> Match | None:
    """How ``patent`` fits ``enterprise``; ``None`` when nothing links them."""
    points = 0.0
    found: list[str] = []
    partial: list[str] = []
    for keyword in enterprise.keywords:
        folded = fold(keyword)
        if not _CJK_OR_WORD.search(folded):
            continue
        if folded in patent.text:
            found.append(keyword)
            points += KEYWORD_POINTS + (KEYWORD_IN_TITLE_POINTS if folded in patent.title else 0)
        elif len(folded) >= 3:
            part = longest_common(folded, patent.text)
            if len(part) >= 2 and pairs(part) and part not in partial:
                partial.append(part)
    shared_parts = [part for part in partial if not any(part in fold(word) for word in found)][
        :MAX_PARTS
    ]
    points += PART_POINTS * len(shared_parts)
    ipc = tuple(
        dict.fromkeys(
            prefix
            for prefix in enterprise.ipc_prefixes
            if any(ipc_under(code, prefix) for code in patent.ipc_codes)
        )
    )
    points += IPC_POINTS * len(ipc)
    industry = _industry_overlap(enterprise.industry_terms, patent.fields)
    if industry:
        points += INDUSTRY_POINTS
    if not points:
        return None
    return Match(
        enterprise.enterprise_id,
        patent.patent_id,
        points,
        tuple(found),
        tuple(shared_parts),
        tuple(_shown_ipc(prefix) for prefix in ipc),
        industry,
    )


def _shown_ipc(prefix: str) -> str:
    """``H01M10`` → ``H01M 10`` (the way IPC classes are written)."""
    if len(prefix) > 4 and prefix[4:5].isdigit():
        return f"{prefix[:4]} {prefix[4:]}"
    return prefix


def _industry_overlap(terms: Iterable[str], fields: Iterable[str]) -> tuple[str, ...]:
    shared: dict[str, None] = {}
    for term in terms:
        for value in fields:
            common = longest_common(term, value)
            if len(common) >= 2 and pairs(common):
                shared.setdefault(common, None)
    return tuple(shared)


def rank(matches: Iterable[Match | None], limit: int) -> list[Match]:
    """The best matches first (then by id, for a stable order)."""
    found = [m for m in matches if m is not None]
    found.sort(key=lambda m: (-m.points, m.patent_id, m.enterprise_id))
    return found[:limit] if limit else found
