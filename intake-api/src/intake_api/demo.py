"""Load the demo data of intake-api: `python -m intake_api.demo` (idempotent; demo mode only).

A year of fictional consultations, all triaged, so that the statistics page of a fresh demo shows
this month's figures and a year of charts. Nobody is named; nothing waits in the triage queue
(the demo's queue stays for what a user records). The dates follow the first load; a second run
finds every row by its fixed id and adds nothing.
"""

import asyncio
import datetime as dt
import random
import sys
import uuid
from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from intake_api.consultations.models import Consultation
from intake_api.settings import Settings
from intake_api.triage.models import TriageDecision
from tsunagu_services.db import database_url, make_engine, make_sessionmaker

NAMESPACE = uuid.UUID("5e1d7c2a-4b8f-4d0e-9a6c-2f3b7d9e0c11")
CONSULTATIONS = 540  # about 45 a month: a city of 125,960 at the national rate
AREAS = ["higashi", "nishi", "minami", "kita"]
CHANNELS = {
    "phone": 30,
    "visit": 20,
    "email": 8,
    "outreach": 10,
    "popup": 5,
    "referral": 15,
    "neighbour_family": 10,
    "anonymous": 2,
}
CONCERNS = [
    "health_disability",
    "housing",
    "income",
    "rent_loan",
    "tax_utilities",
    "debt",
    "job_search",
    "work_worries",
    "community",
    "family",
    "childcare",
    "care",
    "withdrawal",
    "no_food",
    "other",
]
OUTCOMES = {"info_closed": 40, "referral": 20, "welfare_office": 8, "link_case": 12, "new_case": 20}
REFERRAL_AGENCIES = [
    "東地域包括支援センター",
    "障害者地域自立支援センター",
    "こども家庭センター",
    "福祉保健部 生活福祉課",
]


def history(now: dt.datetime) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The consultations of the last year and how each was triaged (fixed ids, dates from `now`)."""
    rng = random.Random(8050)  # noqa: S311 (fiction, repeatable; nothing secret)
    consultations, decisions = [], []
    for i in range(CONSULTATIONS):
        # Received at least two days ago, during office hours, and triaged within a day or two.
        day = now - dt.timedelta(days=2 + rng.uniform(0, 363))
        received = day.replace(hour=rng.randint(0, 8), minute=rng.randint(0, 59), second=0, microsecond=0)
        channel = rng.choices(list(CHANNELS), list(CHANNELS.values()))[0]
        concerns = rng.sample(CONCERNS, rng.randint(1, 3))
        area = "unassigned" if channel == "anonymous" else rng.choice(AREAS)
        consultation_id = uuid.uuid5(NAMESPACE, f"consultation-{i}")
        consultations.append(
            {
                "id": consultation_id,
                "channel": channel,
                "received_at": received,
                "received_by": "sup1" if area == "unassigned" else f"csw-{area}",
                "area": area,
                "summary": "（デモ）相談の概要。実在の人物・世帯とは関係ありません。",
                "urgent": False,
                "risks": [],
                "concerns": concerns,
                "main_concern": concerns[0] if rng.random() < 0.9 else None,
                "consent": rng.choice(["given", "refused", "not_asked"]),
                "status": "triaged",
            }
        )
        outcome = rng.choices(list(OUTCOMES), list(OUTCOMES.values()))[0]
        decisions.append(
            {
                "id": uuid.uuid5(NAMESPACE, f"triage-{i}"),
                "consultation_id": consultation_id,
                "outcome": outcome,
                "decided_by": "sup1",
                "decided_at": received + dt.timedelta(hours=rng.uniform(1, 40)),
                "agency_name": rng.choice(REFERRAL_AGENCIES) if outcome == "referral" else None,
                "referral_outcome": "connected" if outcome == "referral" else None,
                "new_case_requested": False,
            }
        )
    return consultations, decisions


async def load_history(session: AsyncSession, now: dt.datetime) -> int:
    """Insert the year of consultations once; rows already there (by id) are left as they are."""
    consultations, decisions = history(now)
    inserted = await session.execute(
        insert(Consultation).values(consultations).on_conflict_do_nothing().returning(Consultation.id)
    )
    await session.execute(insert(TriageDecision).values(decisions).on_conflict_do_nothing())
    return len(inserted.all())


async def _main() -> int:
    settings = Settings()
    # Demo rows on a real database would mix fiction into the desk's records.
    if not settings.demo_mode:
        print("refusing to load demo data: set TSUNAGU_DEMO_MODE=1 (demo databases only)", file=sys.stderr)
        return 2
    engine = make_engine(database_url(settings.database_url, settings.database_name))
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            added = await load_history(session, dt.datetime.now(dt.UTC))
    finally:
        await engine.dispose()
    print(f"demo data loaded: consultations {added} new of {CONSULTATIONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(_main()))
