"""Load the demo meeting bodies: `python -m meeting_api.demo` (idempotent; demo mode only).

Fictional, Koganei-shaped: the two 重層事業 bodies (支援会議 and 重層的支援会議), the 生活困窮
支援調整会議, the coordinators' meeting of CSWs and SCs, and the 第一層協議体, each with a
default recurrence. Members are the gateway's demo users. No meeting is scheduled and nobody
has confirmed 守秘義務: a new user does both. A second run adds nothing and changes only a body
whose definition here changed (its version then moves on).
"""

import asyncio
import sys
import uuid
from datetime import time
from typing import Any

from sqlalchemy import or_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api.bodies.models import BodyMember, MeetingBody
from meeting_api.recurrence import normalise_rrule
from meeting_api.settings import Settings
from tsunagu_services.db import database_url, make_engine, make_sessionmaker

NAMESPACE = uuid.UUID("3f8a0c52-5d1e-4b7a-9c0e-6a2d7e1b4c90")
# case-api's and the gateway's id of 東地域包括支援センター (agency-houkatsu-higashi works there).
HIGASHI_HOUKATSU_ID = "0b0c0000-0000-4000-8000-000000000001"
CSWS = ["csw-higashi", "csw-nishi", "csw-minami", "csw-kita"]
CREATOR = "demo"


def _staff(username: str, role: str = "member") -> dict[str, Any]:
    return {"kind": "staff", "username": username, "role": role}


BODIES: list[dict[str, Any]] = [
    {
        "key": "shien",
        "name": "支援会議",
        "type": "shien",
        "default_rrule": "FREQ=MONTHLY;BYDAY=2TU",
        "default_start_time": time(14, 0),
        "default_duration_minutes": 90,
        "place": "市役所第二庁舎 801会議室",
        "members": [
            _staff("sup1", "chair"),
            *(_staff(u) for u in CSWS),
            {
                "kind": "agency",
                "agency_id": HIGASHI_HOUKATSU_ID,
                "name": "東地域包括支援センター 林 誠",
                "username": "agency-houkatsu-higashi",
                "role": "member",
            },
        ],
    },
    {
        "key": "juusou",
        "name": "重層的支援会議",
        "type": "juusou",
        "default_rrule": "FREQ=MONTHLY;BYDAY=4TU",
        "default_start_time": time(14, 0),
        "default_duration_minutes": 90,
        "place": "市役所第二庁舎 801会議室",
        "members": [_staff("sup1", "chair"), _staff("sup2", "secretariat"), *(_staff(u) for u in CSWS)],
    },
    {
        "key": "shien_chousei",
        "name": "支援調整会議",
        "type": "shien_chousei",
        "default_rrule": "FREQ=MONTHLY;BYDAY=1TH",
        "default_start_time": time(10, 0),
        "default_duration_minutes": 90,
        "place": "市役所本庁舎 第1会議室",
        "members": [_staff("sup2", "chair"), _staff("sup1"), *(_staff(u) for u in CSWS)],
    },
    {
        "key": "coordinators",
        "name": "コーディネーター連絡会",
        "type": "coordinators",
        "default_rrule": "FREQ=MONTHLY;BYDAY=3WE",
        "default_start_time": time(15, 0),
        "default_duration_minutes": 60,
        "place": "福祉会館 2階 研修室",
        "members": [
            _staff("csw-higashi", "secretariat"),
            *(_staff(u) for u in CSWS[1:]),
            _staff("sc-higashi"),
        ],
    },
    {
        "key": "first_tier",
        "name": "第一層協議体",
        "type": "first_tier",
        "default_rrule": "FREQ=MONTHLY;INTERVAL=2;BYDAY=3FR",
        "default_start_time": time(10, 0),
        "default_duration_minutes": 120,
        "place": "市民会館 会議室A",
        "members": [_staff("sup2", "secretariat"), _staff("sc-higashi")],
    },
]
BODY_FIELDS = (
    "name",
    "type",
    "area",
    "default_rrule",
    "default_start_time",
    "default_duration_minutes",
    "place",
)


def body_id(key: str) -> uuid.UUID:
    """The stable id of a demo body, so a re-run updates the same row."""
    return uuid.uuid5(NAMESPACE, f"body:{key}")


async def load(session: AsyncSession) -> list[str]:
    """Upsert the demo bodies and add their members once; return the bodies' names."""
    for spec in BODIES:
        values = {"area": None, **{k: v for k, v in spec.items() if k in BODY_FIELDS}}
        values["default_rrule"] = normalise_rrule(values["default_rrule"])
        statement = insert(MeetingBody).values(
            id=body_id(spec["key"]), created_by=CREATOR, active=True, version=1, **values
        )
        changed = or_(
            *[getattr(MeetingBody, k).is_distinct_from(getattr(statement.excluded, k)) for k in BODY_FIELDS]
        )
        await session.execute(
            statement.on_conflict_do_update(
                index_elements=[MeetingBody.id],
                where=changed,
                set_={
                    **{k: getattr(statement.excluded, k) for k in BODY_FIELDS},
                    "version": MeetingBody.version + 1,
                },
            )
        )
        for member in spec["members"]:
            who = member.get("username") or member["name"]
            # Added once: a member removed or confirmed since stays as the desk left them.
            await session.execute(
                insert(BodyMember)
                .values(
                    id=uuid.uuid5(NAMESPACE, f"member:{spec['key']}:{who}"),
                    body_id=body_id(spec["key"]),
                    added_by=CREATOR,
                    **member,
                )
                .on_conflict_do_nothing()
            )
    return [spec["name"] for spec in BODIES]


async def _main() -> int:
    settings = Settings()
    if not settings.demo_mode:
        print("refusing to load demo data: set TSUNAGU_DEMO_MODE=1 (demo databases only)", file=sys.stderr)
        return 2
    engine = make_engine(database_url(settings.database_url, settings.database_name))
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            names = await load(session)
    finally:
        await engine.dispose()
    print(f"demo meeting bodies loaded: {', '.join(names)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(_main()))
