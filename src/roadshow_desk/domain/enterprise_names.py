"""How people write a firm: its name and its type tags (pure functions, no database).

* :func:`name_key` is the key two spellings of the same firm share: full-width characters
  made half-width, brackets and spaces removed, case folded and the legal-form suffix
  (有限公司, 股份有限公司, 有限责任公司, 集团有限公司, Co., Ltd. ...) dropped, so
  ``联想（北京）有限公司`` and ``联想(北京)股份有限公司`` are one firm. The registry
  (:mod:`roadshow_desk.domain.enterprises`) finds duplicates with it; imports and bundle
  merges match firms with it.
* :func:`clean_name` is the name as stored.
* :func:`tag_of` reads a type tag from its value, its label or the spellings registration
  lists use (:data:`TAG_SYNONYMS`); :func:`tag_label` and :func:`tags_text` show them.
"""

from __future__ import annotations

import re
import unicodedata

from roadshow_desk.domain.enums import EnterpriseTag
from roadshow_desk.domain.identifiers import to_halfwidth
from roadshow_desk.domain.labels import label
from roadshow_desk.domain.models import split_list

# --------------------------------------------------------------------------- names

# Legal-form suffixes, longest first (matched on the folded name).
_SUFFIXES: tuple[str, ...] = (
    "集团股份有限公司",
    "集团有限责任公司",
    "集团有限公司",
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "股份公司",
    "companylimited",
    "corporationlimited",
    "co.,ltd.",
    "co.,ltd",
    "co.ltd.",
    "co.ltd",
    "coltd",
    "limited",
    "ltd.",
    "ltd",
    "inc.",
    "inc",
    "公司",
)
_BRACKETS = re.compile(r"[()\[\]{}（）【】〔〕［］「」『』<>《》]")
_SPACES = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff·・,，.。、\-_'\"“”‘’]+")


def fold(text: str) -> str:
    """``text`` as names and tag spellings are compared: NFKC, half-width, case-folded."""
    return to_halfwidth(unicodedata.normalize("NFKC", text)).casefold()


def name_key(name: str) -> str:
    """The key two spellings of the same firm share (see the module notes).

    >>> name_key("联想（北京）有限公司") == name_key("联想(北京) 股份有限公司")
    True
    """
    folded = _BRACKETS.sub("", fold(name).strip())
    compact = re.sub(r"\s+", "", folded)
    for suffix in _SUFFIXES:
        if compact.endswith(suffix) and len(compact) > len(suffix):
            compact = compact[: -len(suffix)]
            break
    return _SPACES.sub("", compact)


def clean_name(name: str) -> str:
    """The name as stored: whitespace trimmed and collapsed, full-width Latin and digits made
    half-width (Chinese brackets are kept: they are how the firm writes its name)."""
    text = to_halfwidth(name).replace("(", "（").replace(")", "）")
    return " ".join(text.split())


# --------------------------------------------------------------------------- tags

#: How registration lists and paper sheets spell the tags (matched after :func:`fold`).
TAG_SYNONYMS: dict[str, EnterpriseTag] = {
    "知识产权优势示范企业": EnterpriseTag.IP_DEMONSTRATION,
    "知识产权示范企业": EnterpriseTag.IP_DEMONSTRATION,
    "知识产权优势企业": EnterpriseTag.IP_DEMONSTRATION,
    "示范企业": EnterpriseTag.IP_DEMONSTRATION,
    "优势示范": EnterpriseTag.IP_DEMONSTRATION,
    "专精特新": EnterpriseTag.SPECIALISED_SME,
    "专精特新中小企业": EnterpriseTag.SPECIALISED_SME,
    "专精特新小巨人": EnterpriseTag.SPECIALISED_SME,
    "小巨人": EnterpriseTag.SPECIALISED_SME,
    "高新技术企业": EnterpriseTag.HIGH_TECH,
    "高新": EnterpriseTag.HIGH_TECH,
    "高企": EnterpriseTag.HIGH_TECH,
    "国有企业": EnterpriseTag.STATE_OWNED,
    "国企": EnterpriseTag.STATE_OWNED,
    "央企": EnterpriseTag.STATE_OWNED,
    "国有": EnterpriseTag.STATE_OWNED,
    "知识产权保护中心备案企业": EnterpriseTag.IP_PROTECTION_CENTRE,
    "保护中心备案": EnterpriseTag.IP_PROTECTION_CENTRE,
    "保护中心备案企业": EnterpriseTag.IP_PROTECTION_CENTRE,
    "备案企业": EnterpriseTag.IP_PROTECTION_CENTRE,
    "ip-advantagedemonstration": EnterpriseTag.IP_DEMONSTRATION,
    "ipdemonstration": EnterpriseTag.IP_DEMONSTRATION,
    "specialisedandnewsme": EnterpriseTag.SPECIALISED_SME,
    "specializedandnewsme": EnterpriseTag.SPECIALISED_SME,
    "high-techenterprise": EnterpriseTag.HIGH_TECH,
    "high-tech": EnterpriseTag.HIGH_TECH,
    "hightech": EnterpriseTag.HIGH_TECH,
    "state-ownedenterprise": EnterpriseTag.STATE_OWNED,
    "state-owned": EnterpriseTag.STATE_OWNED,
    "soe": EnterpriseTag.STATE_OWNED,
    "registeredwithanipprotectioncentre": EnterpriseTag.IP_PROTECTION_CENTRE,
    "ipprotectioncentre": EnterpriseTag.IP_PROTECTION_CENTRE,
}


def tag_label(tag: EnterpriseTag | str) -> str:
    """The translated label of a type tag."""
    return label(EnterpriseTag(tag))


def tags_text(tags: str) -> str:
    """The stored ``"; "``-joined tags as translated labels (unknown values kept as they are)."""
    labels = []
    for value in split_list(tags):
        try:
            labels.append(tag_label(value))
        except ValueError:
            labels.append(value)
    return "、".join(labels)


def tag_of(item: str) -> EnterpriseTag | None:
    """The type tag ``item`` names (a stored value, a label or a synonym), or ``None``."""
    folded = re.sub(r"\s+", "", fold(item))
    for tag in EnterpriseTag:
        if folded in (tag.value, re.sub(r"\s+", "", fold(tag_label(tag)))):
            return tag
    if folded in TAG_SYNONYMS:
        return TAG_SYNONYMS[folded]
    for synonym, tag in TAG_SYNONYMS.items():
        if len(synonym) >= 4 and synonym in folded:
            return tag
    return None
