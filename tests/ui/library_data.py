"""Patents for the library tests: many rows, Chinese titles, NULLs and ties in every column.

Imported by tests under tests/ui (tests/ is on sys.path through tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import insert

from roadshow_desk.domain.enums import LegalStatus, PatentType
from roadshow_desk.domain.identifiers import check_character
from roadshow_desk.domain.models import Institution, Patent, PatentScore, new_uuid, utcnow
from roadshow_desk.store.db import Database

INSTITUTIONS = (
    "清华大学",
    "浙江大学",
    "中国科学院长春应用化学研究所",
    "华中科技大学",
    "Zhejiang Lab",
)
FIELDS = ("新能源", "人工智能", "生物医药", "智能制造", "新材料", "")
TITLES = (
    "一种固态锂电池电解质及其制备方法",
    "高精度数控机床主轴热误差补偿方法",
    "一种光伏组件清洁机器人",
    "基于深度学习的钢材表面缺陷检测方法",
    "一种可降解医用高分子材料",
    "Method for low-temperature sintering of ceramics",
)


def application_no(serial: int) -> str:
    digits = f"2021{1 + serial % 2}{serial:07d}"
    return f"CN{digits}.{check_character(digits)}"


def add_patents(database: Database, count: int, *, seed: int = 7) -> list[int]:
    """Insert ``count`` varied patents (some without institution, type, date or score)."""
    rng = random.Random(seed)
    now = utcnow()
    with database.session() as session:
        existing = {name for (name,) in session.query(Institution.name)}
        for name in INSTITUTIONS:
            if name not in existing:
                session.add(Institution(name=name))
        session.flush()
        institution_ids = [i for (i,) in session.query(Institution.id)]
        start = session.query(Patent).count()
        rows = []
        scores = []
        for n in range(start, start + count):
            rows.append(
                {
                    "uuid": new_uuid(),
                    "updated_at": now,
                    "station": "test",
                    "application_no": application_no(n),
                    "title": f"{rng.choice(TITLES)}（{n % 97}）",
                    "abstract": "本发明公开了一种方法。" * rng.randint(1, 4),
                    "patent_type": rng.choice([*PatentType, None]),
                    "legal_status": rng.choice(list(LegalStatus)),
                    "technical_field": rng.choice(FIELDS),
                    "ipc_main": rng.choice(["H01M10/0562", "G06N3/08", "B23Q", "", "A61L"]),
                    "applicants": rng.choice(INSTITUTIONS),
                    "institution_id": rng.choice([*institution_ids, None]),
                    "application_date": rng.choice(
                        [None, dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 1500))]
                    ),
                    "imported_values": {},
                    "local_edits": {},
                }
            )
            scores.append(rng.choice([None, round(rng.uniform(0, 100), 1), 50.0]))
        session.execute(insert(Patent), rows)
        ids = [
            i for (i,) in session.query(Patent.id).order_by(Patent.id).offset(start).limit(count)
        ]
        scored = [
            {"patent_id": i, "score": score}
            for i, score in zip(ids, scores, strict=True)
            if score is not None
        ]
        if scored:
            session.execute(insert(PatentScore), scored)
        return ids
