"""Small, deterministic print data (records, no database) with the quirks real data has."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from roadshow_desk.documents.data import EventInfo, PatentInfo, patent_qr
from roadshow_desk.domain.identifiers import check_character

FIELDS = ["新能源与储能", "新材料", "生物医药", "智能制造", "电子信息", "现代农业"]
INSTITUTIONS = [
    "浙江大学",
    "中国科学院宁波材料技术与工程研究所",
    "华南理工大学",
    "西安交通大学",
    "江南大学",
    "南京工业大学",
    "中国农业科学院茶叶研究所",
]
SUBJECTS = [
    "锂离子电池正极材料",
    "钠离子电池硬碳负极",
    "柔性钙钛矿太阳能电池",
    "高熵合金涂层",
    "可降解聚乳酸复合材料",
    "单克隆抗体纯化工艺",
    "工业机器人视觉定位",
    "数控机床热误差补偿",
    "毫米波雷达信号处理",
    "茶叶加工在线品质检测",
    "低温等离子体灭菌装置",
    "碳化硅功率模块封装",
]
SENTENCES = [
    "本发明公开了一种{s}及其制备方法，通过调控前驱体组成与烧结温度，显著提高了产品的一致性。",
    "该方法工艺简单、原料易得、成本低廉，适合规模化生产。",
    "实验表明，所得样品在0.5C倍率下循环500次后容量保持率达到92.3%。",
    "与现有技术相比，本发明的能耗降低约30%，废水排放减少一半以上。",
    "所述装置包括进料单元、反应单元、分离单元和控制单元，各单元之间通过管路连接。",
    "The method is compatible with existing production lines (ISO 9001).",
    "本技术已完成中试验证，具备产业化条件。",
]


def application_number(year: int, kind: int, serial: int) -> str:
    digits = f"{year}{kind}{serial:07d}"
    return f"CN{digits}.{check_character(digits)}"


def sample_event(signup: bool = True) -> EventInfo:
    return EventInfo(
        id=1,
        uuid="0f3c9a7e5b2d4c1e8a6f0b9d7c5e3a12",
        name="2025 长三角高校院所专利转化路演对接会",
        starts_on=dt.date(2025, 3, 14),
        ends_on=dt.date(2025, 3, 15),
        venue="杭州国际博览中心 2 号馆",
        region="浙江省",
        partner_regions=("上海市", "江苏省", "安徽省"),
        organisers=("浙江省知识产权局", "浙江省技术转移中心"),
        signup_url_template=(
            "https://signup.example.cn/路演/{event}?patent={application_no}" if signup else ""
        ),
        foreword=(
            "为深入实施专利转化运用专项行动，推动高校和科研机构存量专利加快转化，"
            "我们组织本次路演对接会。\n\n本手册收录参会高校院所推荐的专利，按技术领域排列，"
            "每项专利附有二维码，扫码即可登记合作意向。"
        ),
    )


def sample_patents(count: int, event: EventInfo | None = None, seed: int = 7) -> list[PatentInfo]:
    event = event or sample_event()
    rng = random.Random(seed)
    patents = []
    for index in range(count):
        subject = SUBJECTS[index % len(SUBJECTS)]
        title = rng.choice(
            [
                f"一种{subject}及其制备方法",
                f"一种基于深度学习的{subject}方法、装置、电子设备及存储介质",
                f"{subject}",
                f"一种用于{subject}的多级梯度复合结构及其在高温高湿环境下的应用",
            ]
        )
        sentences = [SENTENCES[0].format(s=subject), *rng.sample(SENTENCES[1:], 4)]
        abstract = "".join(sentences) * rng.choice([1, 1, 2])
        number = application_number(2019 + index % 5, 1, 16632 + index * 37)
        patents.append(
            PatentInfo(
                id=index + 1,
                application_no=number,
                title=title,
                institution=INSTITUTIONS[(index * 3) % len(INSTITUTIONS)],
                technical_field=FIELDS[(index // 3) % len(FIELDS)],
                abstract=abstract,
                patent_type="发明",
                legal_status="有效",
                inventors=tuple(
                    rng.sample(
                        [
                            "张伟",
                            "王芳",
                            "李娜",
                            "刘洋",
                            "陈静",
                            "杨帆",
                            "赵磊",
                            "黄敏",
                            "周杰",
                            "吴昊",
                        ],
                        rng.randint(2, 10),
                    )
                ),
                ipc_main="H01M 4/36",
                conversion_modes=("转让", "许可", "开放许可") if index % 2 else ("转让",),
                open_licence_terms="许可期限三年，入门费 5 万元，提成 3%。" if index % 2 else "",
                price_guide="面议" if index % 3 else "50–80 万元",
                contact="技术转移中心 王老师 0571-87951234 tto@example.edu.cn",
                advantages="循环寿命长、成本低、与现有产线兼容。" * rng.choice([1, 3]),
                application_scenarios="电动汽车、储能电站、两轮车。" if index % 4 else "",
                qr=patent_qr(event, number),
            )
        )
    return patents


MARKUP_TITLE = "<b>加粗</b> & <font color=red>红色</font> 一种&amp;测试<br/>方法 <i>"


def fill_print_db(database: Any, *, shortlist: int = 14, signup: bool = True) -> dict[str, Any]:
    """An event with a shortlist (one entry excluded, one tombstoned), two sessions with
    slots, six registered enterprises (four checked in). Returns ids and expectations."""
    from roadshow_desk.domain.enums import ConversionMode, LegalStatus, PatentType
    from roadshow_desk.domain.models import (
        Enterprise,
        Event,
        Institution,
        Patent,
        Registration,
        RoadshowSession,
        ShortlistEntry,
        Slot,
        utcnow,
    )

    info = sample_event(signup=signup)
    records = sample_patents(shortlist + 2, info)
    with database.session() as session:
        institutions = {
            name: Institution(name=name, contact_person="王老师", contact_phone="0571-87951234")
            for name in INSTITUTIONS
        }
        session.add_all(institutions.values())
        event = Event(
            name=info.name,
            starts_on=info.starts_on,
            ends_on=info.ends_on,
            venue=info.venue,
            region=info.region,
            partner_regions="; ".join(info.partner_regions),
            organisers="; ".join(info.organisers),
            signup_url_template=info.signup_url_template,
            foreword=info.foreword,
        )
        session.add(event)
        patents = []
        for index, record in enumerate(records):
            title = MARKUP_TITLE if index == 2 else record.title
            patent = Patent(
                application_no=record.application_no,
                title=title,
                abstract=record.abstract,
                patent_type=PatentType.INVENTION,
                legal_status=LegalStatus.GRANTED,
                technical_field="" if index == 5 else record.technical_field,
                inventors="; ".join(record.inventors),
                ipc_main=record.ipc_main,
                conversion_modes="; ".join(
                    [ConversionMode.TRANSFER, ConversionMode.OPEN_LICENCE]
                    if index % 2
                    else [ConversionMode.LICENCE]
                ),
                open_licence_terms=record.open_licence_terms,
                price_guide=record.price_guide,
                advantages=record.advantages,
                application_scenarios=record.application_scenarios,
                institution=institutions[record.institution],
            )
            patents.append(patent)
        session.add_all(patents)
        session.flush()
        # shortlist in reverse creation order, so that order is the shortlist's, not the ids'
        for position, patent in enumerate(reversed(patents)):
            entry = ShortlistEntry(event_id=event.id, patent_id=patent.id, position=position)
            if position == 3:
                entry.included = False
                entry.exclusion_reason = "重复"
            if position == 4:
                entry.deleted_at = utcnow()
            session.add(entry)
        start = dt.datetime.combine(info.starts_on or dt.date.today(), dt.time(9, 30))
        sessions = []
        for number, title in enumerate(["新能源与新材料专场", "生物医药与<智能>制造专场"]):
            roadshow = RoadshowSession(
                event_id=event.id,
                title=title,
                position=number,
                starts_at=start + dt.timedelta(hours=4 * number),
                room="2号馆 A 厅",
                host="李主任",
            )
            session.add(roadshow)
            session.flush()
            for position, patent in enumerate(patents[number * 5 : number * 5 + 5]):
                session.add(
                    Slot(
                        session_id=roadshow.id,
                        position=position,
                        patent_id=patent.id,
                        presenter="张老师",
                        planned_minutes=8 + position,
                    )
                )
            sessions.append(roadshow)
        enterprises = []
        for index, name in enumerate(
            [
                "杭州海康威视数字技术股份有限公司",
                "浙江<某某>&新材料有限公司",
                "宁波舜宇光学科技",
                "中国石油化工股份有限公司镇海炼化分公司",
                "万向钱潮股份有限公司",
                "杭州老板电器",
            ]
        ):
            enterprise = Enterprise(
                name=name,
                tags="specialised_sme; high_tech" if index % 2 else "state_owned",
                region="杭州市",
            )
            session.add(enterprise)
            session.flush()
            session.add(
                Registration(
                    event_id=event.id,
                    enterprise_id=enterprise.id,
                    attendee_name="王经理",
                    checked_in_at=utcnow() if index < 4 else None,
                )
            )
            enterprises.append(enterprise)
        session.flush()
        included = [p for position, p in enumerate(reversed(patents)) if position not in (3, 4)]
        expected = {
            "event_id": event.id,
            "event_uuid": event.uuid,
            "session_ids": [s.id for s in sessions],
            "shortlist": [(p.application_no, p.title, p.technical_field or None) for p in included],
            "enterprise_uuids": [e.uuid for e in enterprises],
            "checked_in_uuids": [e.uuid for e in enterprises[:4]],
        }
    return expected
