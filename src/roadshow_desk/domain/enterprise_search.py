"""Finding a firm in the registry as someone types or scans: by name (also its
:func:`~roadshow_desk.domain.enterprise_names.name_key` and its pinyin initials), credit code,
phone or contact person.

Every function takes an SQLAlchemy ``Session``; none writes.
"""

from __future__ import annotations

import functools
import re

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from roadshow_desk.domain.enterprise_names import name_key
from roadshow_desk.domain.identifiers import to_halfwidth
from roadshow_desk.domain.models import Enterprise


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_enterprises(
    session: Session,
    text: str,
    *,
    limit: int = 20,
    include_walk_ins: bool = True,
) -> list[Enterprise]:
    """Firms whose name, credit code, phone or contact contains ``text`` (name matches first).

    The name is also matched on its :func:`name_key` (so ``联想(北京)`` finds
    ``联想（北京）有限公司``), and on pinyin initials when :mod:`pypinyin` is installed (see
    :func:`pinyin_initials`).
    """
    needle = " ".join(to_halfwidth(text).split())
    query = select(Enterprise).where(Enterprise.deleted_at.is_(None)).order_by(Enterprise.name)
    if not include_walk_ins:
        query = query.where(Enterprise.is_walk_in.is_(False))
    if not needle:
        return list(session.scalars(query.limit(limit)))
    pattern = f"%{_like_escape(needle)}%"
    key = name_key(needle)
    digits = re.sub(r"[^0-9]", "", needle)
    conditions = [
        Enterprise.name.ilike(pattern, escape="\\"),
        Enterprise.credit_code.ilike(pattern, escape="\\"),
        Enterprise.contact_person.ilike(pattern, escape="\\"),
    ]
    if key:
        conditions.append(Enterprise.name_key.like(f"%{_like_escape(key)}%", escape="\\"))
    if len(digits) >= 3:
        conditions.append(func.replace(Enterprise.phone, "-", "").like(f"%{digits}%"))
    found = list(session.scalars(query.where(or_(*conditions)).limit(limit * 3)))
    if len(found) < limit and re.fullmatch(r"[A-Za-z]{2,}", needle):
        seen = {firm.id for firm in found}
        for firm in _pinyin_matches(session, needle.lower(), include_walk_ins):
            if firm.id not in seen:
                found.append(firm)
    lowered = needle.casefold()

    def rank(firm: Enterprise) -> tuple[int, int, str]:
        name = firm.name.casefold()
        return (0 if name.startswith(lowered) else 1 if lowered in name else 2, len(name), name)

    found.sort(key=rank)
    return found[:limit]


@functools.lru_cache(maxsize=8192)
def pinyin_initials(name: str) -> str:
    """The pinyin initials of a name's Chinese characters (``"联想（北京）"`` →
    ``"lxbj"``), or ``""`` when :mod:`pypinyin` is not installed. A search of two or more
    Latin letters also finds the names whose initials contain it."""
    try:
        from pypinyin import Style, lazy_pinyin
    except ImportError:
        return ""
    letters = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")
    return "".join(
        part[:1] for part in letters if part[:1].isascii() and part[:1].isalpha()
    ).lower()


def prepare_lookups(session: Session) -> int:
    """Do now what the first enterprise look-up would otherwise do while someone types or
    scans: load the pinyin tables (0.5-1 s) and work out every live firm's initials (kept by
    :func:`pinyin_initials`). Meant for a worker thread as the desk opens; returns how many
    names were prepared."""
    pinyin_initials("中")  # loads the library even with no firm yet
    names = list(session.scalars(select(Enterprise.name).where(Enterprise.deleted_at.is_(None))))
    for name in names:
        pinyin_initials(name)
    return len(names)


def _pinyin_matches(session: Session, initials: str, include_walk_ins: bool) -> list[Enterprise]:
    query = select(Enterprise).where(Enterprise.deleted_at.is_(None))
    if not include_walk_ins:
        query = query.where(Enterprise.is_walk_in.is_(False))
    matches = []
    for firm in session.scalars(query):
        if initials in pinyin_initials(firm.name):
            matches.append(firm)
    return matches
