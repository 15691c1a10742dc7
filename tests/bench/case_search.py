"""Benchmark (issue 3): person search and the case list through the gateway, at desk scale.

    .venv/bin/python tests/bench/case_search.py [--persons 100000] [--records 300000] [--requests 300]

Starts its own stack (fresh databases on free ports, on DATABASE_URL / TEST_DATABASE_URL or an
embedded PostgreSQL), bulk-loads fictional persons, households, cases over the four areas and,
if the support_record table exists, support records, straight into tsunagu_case with COPY; then
times `GET /api/v1/persons?q=…` and `GET /api/v1/cases?area=…` through the gateway, sequentially
after a warm-up, and prints p50/p95/p99 in ms. The target is p95 < 50 ms. With --explain it also
prints the plans PostgreSQL chose for a few searches (to see the trigram indexes used).
A script, not a test: timings depend on the machine. The databases are dropped at the end.
"""

import argparse
import asyncio
import random
import secrets
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from timing import percentile, report, timed

from tsunagu_local.secrets import SERVICE_CLIENTS
from tsunagu_local.stack import SERVICES, Stack, free_port
from tsunagu_services import testing
from tsunagu_services.db import database_url

# (surname, kana, weight): the commonest surnames, roughly in Japan's proportions (佐藤 about
# 1.5 % of people); together they are REAL_SHARE of the persons, the rest a long tail of
# composed surnames (大川, 中島, 北村 …), so a search for 佐藤 meets as many as a real desk would.
REAL_SHARE = 0.25
SURNAMES = [
    ("佐藤", "サトウ", 18),
    ("鈴木", "スズキ", 16),
    ("高橋", "タカハシ", 14),
    ("田中", "タナカ", 13),
    ("伊藤", "イトウ", 11),
    ("渡辺", "ワタナベ", 11),
    ("山本", "ヤマモト", 10),
    ("中村", "ナカムラ", 10),
    ("小林", "コバヤシ", 10),
    ("加藤", "カトウ", 9),
    ("吉田", "ヨシダ", 9),
    ("山田", "ヤマダ", 8),
    ("佐々木", "ササキ", 7),
    ("山口", "ヤマグチ", 7),
    ("松本", "マツモト", 7),
    ("井上", "イノウエ", 6),
    ("木村", "キムラ", 6),
    ("林", "ハヤシ", 6),
    ("斎藤", "サイトウ", 6),
    ("清水", "シミズ", 6),
    ("山崎", "ヤマザキ", 5),
    ("森", "モリ", 5),
    ("池田", "イケダ", 5),
    ("橋本", "ハシモト", 5),
    ("阿部", "アベ", 5),
    ("石川", "イシカワ", 4),
    ("山下", "ヤマシタ", 4),
    ("中島", "ナカジマ", 4),
    ("石井", "イシイ", 4),
    ("小川", "オガワ", 4),
    ("前田", "マエダ", 4),
    ("岡田", "オカダ", 4),
    ("長谷川", "ハセガワ", 4),
    ("藤田", "フジタ", 4),
    ("後藤", "ゴトウ", 4),
    ("近藤", "コンドウ", 3),
    ("村上", "ムラカミ", 3),
    ("遠藤", "エンドウ", 3),
    ("青木", "アオキ", 3),
    ("坂本", "サカモト", 3),
    ("小金井", "コガネイ", 1),
    ("貫井", "ヌクイ", 1),
    ("髙橋", "タカハシ", 1),
    ("𠮷田", "ヨシダ", 1),
    ("渡邉", "ワタナベ", 1),
    ("齋藤", "サイトウ", 1),
    ("グエン", "グエン", 1),
    ("キム", "キム", 1),
]
_FIRST = [
    ("上", "カミ"),
    ("下", "シモ"),
    ("中", "ナカ"),
    ("大", "オオ"),
    ("小", "コ"),
    ("高", "タカ"),
    ("北", "キタ"),
    ("南", "ミナミ"),
    ("西", "ニシ"),
    ("東", "ヒガシ"),
    ("石", "イシ"),
    ("松", "マツ"),
    ("竹", "タケ"),
    ("森", "モリ"),
    ("宮", "ミヤ"),
    ("岡", "オカ"),
    ("長", "ナガ"),
    ("平", "ヒラ"),
    ("福", "フク"),
    ("金", "カネ"),
    ("若", "ワカ"),
    ("浅", "アサ"),
    ("今", "イマ"),
    ("野", "ノ"),
    ("原", "ハラ"),
    ("桜", "サクラ"),
    ("吉", "ヨシ"),
    ("藤", "フジ"),
    ("荒", "アラ"),
    ("白", "シロ"),
]
_SECOND = [
    ("田", "タ"),
    ("川", "カワ"),
    ("山", "ヤマ"),
    ("野", "ノ"),
    ("原", "ハラ"),
    ("島", "シマ"),
    ("村", "ムラ"),
    ("井", "イ"),
    ("木", "キ"),
    ("沢", "サワ"),
    ("橋", "ハシ"),
    ("谷", "タニ"),
    ("崎", "サキ"),
    ("坂", "サカ"),
    ("浦", "ウラ"),
    ("本", "モト"),
    ("内", "ウチ"),
    ("池", "イケ"),
    ("口", "グチ"),
    ("部", "ベ"),
    ("尾", "オ"),
    ("塚", "ツカ"),
    ("瀬", "セ"),
    ("岡", "オカ"),
    ("宮", "ミヤ"),
    ("森", "モリ"),
    ("林", "バヤシ"),
    ("倉", "クラ"),
    ("根", "ネ"),
    ("江", "エ"),
]
COMPOSED = [(a + b, ak + bk) for a, ak in _FIRST for b, bk in _SECOND if a != b]
MALE = [
    ("太郎", "タロウ"),
    ("一郎", "イチロウ"),
    ("健一", "ケンイチ"),
    ("誠", "マコト"),
    ("翔", "ショウ"),
    ("大輔", "ダイスケ"),
    ("浩", "ヒロシ"),
    ("修", "オサム"),
    ("隆", "タカシ"),
    ("茂", "シゲル"),
    ("博", "ヒロシ"),
    ("蓮", "レン"),
    ("悠真", "ユウマ"),
    ("拓也", "タクヤ"),
    ("和夫", "カズオ"),
    ("清", "キヨシ"),
    ("正男", "マサオ"),
    ("秀樹", "ヒデキ"),
    ("直樹", "ナオキ"),
    ("陽翔", "ハルト"),
]
FEMALE = [
    ("花子", "ハナコ"),
    ("洋子", "ヨウコ"),
    ("恵子", "ケイコ"),
    ("幸子", "サチコ"),
    ("美咲", "ミサキ"),
    ("陽菜", "ヒナ"),
    ("和子", "カズコ"),
    ("久美子", "クミコ"),
    ("由美", "ユミ"),
    ("真由美", "マユミ"),
    ("節子", "セツコ"),
    ("智子", "トモコ"),
    ("結衣", "ユイ"),
    ("さくら", "サクラ"),
    ("明美", "アケミ"),
    ("千代", "チヨ"),
    ("静香", "シズカ"),
    ("芽依", "メイ"),
    ("直美", "ナオミ"),
    ("文子", "フミコ"),
]
TOWNS = {  # fictional area split of Koganei's towns
    "higashi": ["東町", "梶野町", "関野町"],
    "nishi": ["貫井北町", "貫井南町"],
    "minami": ["中町", "前原町", "本町"],
    "kita": ["緑町", "桜町"],
}
STATUSES = ["intake", "assessment", "planning", "supporting", "supporting", "evaluation", "watching"]
RECORD_KINDS = ["visit", "call", "office", "accompaniment", "email", "other"]


def wareki(d: date) -> str:
    for start, letter in ((date(2019, 5, 1), "R"), (date(1989, 1, 8), "H"), (date(1926, 12, 25), "S")):
        if d >= start:
            return f"{letter}{d.year - start.year + 1}.{d.month}.{d.day}"
    return d.isoformat()


def half_width(kana: str) -> str:
    import jaconv

    return jaconv.z2h(kana, kana=True, ascii=False, digit=False)


class Data:
    """The generated rows, and samples of them to search for."""

    def __init__(self, persons: int, seed: int) -> None:
        from case_api.persons.rules import person_key, phone_digits

        rng = random.Random(seed)
        weights = [w for _, _, w in SURNAMES]
        self.persons: list[tuple] = []
        self.households: list[tuple] = []
        self.members: list[tuple] = []
        self.household_area: dict[uuid.UUID, str] = {}
        now = datetime.now(UTC)
        while len(self.persons) < persons:
            if rng.random() < REAL_SHARE:
                surname, surname_kana, _ = rng.choices(SURNAMES, weights)[0]
            else:
                surname, surname_kana = rng.choice(COMPOSED)
            area = rng.choice(list(TOWNS))
            address = (
                f"東京都小金井市{rng.choice(TOWNS[area])}{rng.randint(1, 5)}-{rng.randint(1, 30)}"
                f"-{rng.randint(1, 20)}"
            )
            household_id = uuid.uuid4()
            size = min(rng.choices([1, 2, 3, 4], [50, 33, 13, 4])[0], persons - len(self.persons))
            self.households.append((household_id, f"{surname}さん世帯", address, area, now, now, 1))
            self.household_area[household_id] = area
            head_born = date(1925, 1, 1) + timedelta(days=rng.randint(0, 365 * 80))
            for position in range(size):
                male = rng.random() < 0.5
                given, given_kana = rng.choice(MALE if male else FEMALE)
                born = head_born + timedelta(
                    days=rng.randint(-2000, 2000)
                    if position == 1
                    else 365 * 28 * (position > 0) + rng.randint(0, 3000)
                )
                born = min(born, date(2024, 12, 31))
                phone = None
                if rng.random() < 0.8:
                    phone = (
                        f"042-3{rng.randint(10, 99)}-{rng.randint(0, 9999):04d}"
                        if rng.random() < 0.4
                        else f"0{rng.choice('789')}0-{rng.randint(0, 9999):04d}-{rng.randint(0, 9999):04d}"
                    )
                name, kana = f"{surname} {given}", f"{surname_kana} {given_kana}"
                person_id = uuid.uuid4()
                self.persons.append(
                    (
                        person_id,
                        name,
                        kana,
                        born,
                        "male" if male else "female",
                        address,
                        phone,
                        phone_digits(phone),
                        area,
                        person_key(name),
                        person_key(kana),
                        person_key(address),
                        now,
                        now,
                        1,
                    )
                )
                self.members.append(
                    (
                        uuid.uuid4(),
                        household_id,
                        person_id,
                        "self" if position == 0 else rng.choice(["parent", "child", "spouse"]),
                        position == 0,
                        None,
                        position,
                        now,
                    )
                )
        self.rng = rng

    def sample(self) -> tuple:
        return self.rng.choice(self.persons)


async def copy_rows(conn: asyncpg.Connection, table: str, rows: list[dict[str, Any]]) -> int:
    """COPY rows into a table another slice owns: known columns from the rows, other required ones
    by type, the rest left to their defaults. -1 when the table does not exist."""
    columns = await conn.fetch(
        "select column_name, data_type, is_nullable, column_default from information_schema.columns "
        "where table_name = $1 and table_schema = 'public' order by ordinal_position",
        table,
    )
    if not columns:
        return -1
    by_type = {"integer": 0, "boolean": False, "jsonb": "{}", "ARRAY": [], "date": date(2026, 1, 1)}
    copied = [
        c
        for c in columns
        if c["column_name"] in rows[0] or (c["is_nullable"] == "NO" and c["column_default"] is None)
    ]
    records = [
        tuple(row.get(c["column_name"], by_type.get(c["data_type"], "")) for c in copied) for row in rows
    ]
    await conn.copy_records_to_table(table, columns=[c["column_name"] for c in copied], records=records)
    return len(records)


async def load_consultations(server: str, intake_db: str, data: Data, share: float) -> int:
    """Consultations about `share` of the persons (as received: name, kana, phone, address), for the
    search box's consultation section; then VACUUM ANALYZE (see `load`)."""
    from intake_api.consultations.rules import search_text

    now = datetime.now(UTC)
    rows = []
    for person in data.persons:
        if data.rng.random() >= share:
            continue
        _, name, kana, born, _, address, phone, _, area, *_ = person
        fields = {"person_name": name, "person_kana": kana, "person_address": address, "person_phone": phone}
        rows.append(
            fields
            | {
                "id": uuid.uuid4(),
                "channel": "phone",
                "received_at": now - timedelta(minutes=len(rows)),
                "received_by": "csw-higashi",
                "area": area,
                "summary": "生活の相談",
                "urgent": False,
                "person_birth_date": born,
                "consent": "not_asked",
                "status": "triaged",
                "search_text": search_text(
                    **fields, consulter_name=None, consulter_phone=None, external_ref=None
                ),
            }
        )
    conn = await asyncpg.connect(database_url(server, intake_db, driver=""))
    try:
        await copy_rows(conn, "consultation", rows)
        await conn.execute("VACUUM ANALYZE consultation")
    finally:
        await conn.close()
    return len(rows)


async def load(server: str, case_db: str, data: Data, cases: int, records: int) -> None:
    """Bulk-load everything into the case database, then VACUUM ANALYZE: a desk's database that has
    lived for years is settled, while rows just COPY'd make their first readers set hint bits and
    write pages back: on the same stack the box took 88-98 ms (p50) for a phone or a birth date on
    the first pass over fresh rows and 21-22 ms on the second."""
    conn = await asyncpg.connect(database_url(server, case_db, driver=""))
    try:
        started = time.perf_counter()
        await conn.copy_records_to_table(
            "person",
            records=data.persons,
            columns=[
                "id",
                "name",
                "name_kana",
                "birth_date",
                "sex",
                "address",
                "phone",
                "phone_digits",
                "area",
                "name_key",
                "kana_key",
                "address_key",
                "created_at",
                "updated_at",
                "version",
            ],
        )
        await conn.copy_records_to_table(
            "household",
            records=data.households,
            columns=["id", "name", "address", "area", "created_at", "updated_at", "version"],
        )
        await conn.copy_records_to_table(
            "household_member",
            records=data.members,
            columns=[
                "id",
                "household_id",
                "person_id",
                "relationship",
                "is_primary",
                "note",
                "position",
                "created_at",
            ],
        )
        rng = data.rng
        now = datetime.now(UTC)
        households = rng.sample(list(data.household_area), min(cases, len(data.household_area)))
        case_rows = []
        for household_id in households:
            area = data.household_area[household_id]
            opened = now - timedelta(days=rng.randint(0, 365 * 5), minutes=rng.randint(0, 1440))
            case_rows.append(
                {
                    "id": uuid.uuid4(),
                    "title": "世帯の支援",
                    "area": area,
                    "lead_username": f"csw-{area}",
                    "household_id": household_id,
                    "status": rng.choice(STATUSES),
                    "opened_at": opened,
                    "created_by": f"csw-{area}",
                    "created_at": opened,
                    "updated_at": opened,
                    "version": 1,
                }
            )
        await copy_rows(conn, "support_case", case_rows)
        print(
            f"loaded {len(data.persons):,} persons, {len(data.households):,} households, "
            f"{len(case_rows):,} cases in {time.perf_counter() - started:.1f} s"
        )

        if records:
            started = time.perf_counter()
            record_rows = []
            for _ in range(records):
                case = rng.choice(case_rows)
                at = case["opened_at"] + timedelta(days=rng.randint(0, 400), minutes=rng.randint(0, 600))
                record_rows.append(
                    {
                        "id": uuid.uuid4(),
                        "case_id": case["id"],
                        "kind": rng.choice(RECORD_KINDS),
                        "occurred_at": at,
                        "minutes_spent": rng.choice([10, 15, 30, 45, 60, 90, 120]),
                        "author": case["lead_username"],
                        "text": "自宅を訪問し本人と面談した。体調は安定。",
                        "source": "staff",
                        "created_at": at,
                        "version": 1,
                    }
                )
            written = await copy_rows(conn, "support_record", record_rows)
            if written < 0:
                print("support_record table not found: timeline rows skipped (another slice builds it)")
            else:
                print(f"loaded {written:,} support records in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        await conn.execute("VACUUM ANALYZE")
        print(f"vacuumed and analyzed in {time.perf_counter() - started:.1f} s")
    finally:
        await conn.close()


def search_queries(data: Data, n: int) -> list[tuple[str, dict[str, str]]]:
    """(kind, params) for n searches, cycling through the ways the desk searches."""
    makers: list[tuple[str, Callable[[], dict[str, str]]]] = [
        ("kanji surname", lambda: {"q": data.rng.choice(SURNAMES[:20])[0]}),
        ("kanji full name", lambda: {"q": data.sample()[1]}),
        ("hiragana", lambda: {"q": _hiragana(data.sample()[2])}),
        ("half-width kana", lambda: {"q": half_width(data.sample()[2])}),
        ("katakana given name", lambda: {"q": data.sample()[2].split()[1]}),
        ("birth date", lambda: {"q": data.sample()[3].isoformat()}),
        ("birth date (wareki)", lambda: {"q": wareki(data.sample()[3])}),
        ("phone", lambda: {"q": next(p[6] for p in iter(data.sample, None) if p[6])}),
        ("address", lambda: {"q": data.sample()[5].removeprefix("東京都小金井市")}),
        (
            "name + birth date",
            lambda: (lambda p: {"q": p[1].split()[0], "birth_date": p[3].isoformat()})(data.sample()),
        ),
    ]
    return [(kind, make()) for i in range(n) for kind, make in [makers[i % len(makers)]]]


def _hiragana(kana: str) -> str:
    import jaconv

    return jaconv.kata2hira(kana)


Samples = dict[str, dict[str, list[float]]]


async def run_requests(
    client: httpx.AsyncClient,
    searches: list[tuple[str, dict[str, str]]],
    lists: list[tuple[str, dict[str, str], dict[str, str]]],
) -> Samples:
    """Warm up, then time every search and case list in turn; samples by kind."""
    for _, params in searches[:50]:  # warm-up: connections, caches, plans
        await timed(client, "/api/v1/persons", params, lists[0][2])
    for _, params, headers in lists[:20]:
        await timed(client, "/api/v1/cases", params, headers)
    by_kind: Samples = {"search": defaultdict(list), "cases": defaultdict(list)}
    for kind, params in searches:
        by_kind["search"][kind].append(await timed(client, "/api/v1/persons", params, lists[0][2]))
    for who, params, headers in lists:
        by_kind["cases"][f"{who} {params.get('area', '(all visible)')}"].append(
            await timed(client, "/api/v1/cases", params, headers)
        )
    return by_kind


async def measure(stack: Stack, password: str, data: Data, requests: int) -> dict[str, float]:
    """The same requests through the gateway, then straight to case-api (to see where time goes)."""
    async with httpx.AsyncClient(base_url=stack.url(), timeout=30.0) as gateway:

        async def login(username: str) -> dict[str, str]:
            response = await gateway.post(
                "/api/v1/auth/token",
                data={"grant_type": "password", "username": username, "password": password},
            )
            response.raise_for_status()
            return {"Authorization": f"Bearer {response.json()['access_token']}"}

        east, sup = await login("csw-higashi"), await login("sup1")
        searches = search_queries(data, requests)
        kinds = [("csw-higashi", east, {"area": "higashi"}), ("csw-higashi", east, {})] + [
            ("sup1", sup, {"area": area}) for area in TOWNS
        ]
        lists = [
            (who, params, headers)
            for i in range(requests)
            for who, headers, params in [kinds[i % len(kinds)]]
        ]
        through_gateway = await run_requests(gateway, searches, lists)
        boxed = [(kind, params) for kind, params in searches if params.get("q")]
        for _, params in boxed[:30]:  # warm-up
            await timed(gateway, "/api/v1/search", {"q": params["q"]}, east)
        through_gateway["box"] = defaultdict(list)
        for kind, params in boxed:
            through_gateway["box"][kind].append(
                await timed(gateway, "/api/v1/search", {"q": params["q"]}, east)
            )
    # The gateway's token is what case-api verifies anyway; the same requests without the hop.
    async with httpx.AsyncClient(base_url=stack.url("case-api"), timeout=30.0) as case_api:
        direct = await run_requests(case_api, searches, lists)
        # The search box's three sections, each straight to its service: where the box's time goes.
        async with httpx.AsyncClient(base_url=stack.url("intake-api"), timeout=30.0) as intake_api:
            sections = {
                "persons": (case_api, "/api/v1/persons"),
                "cases": (case_api, "/api/v1/cases"),
                "consultations": (intake_api, "/api/v1/consultations"),
            }
            direct["box"] = defaultdict(list)
            for name, (client, path) in sections.items():
                for kind, params in boxed:
                    elapsed = await timed(client, path, {"q": params["q"], "limit": "8"}, east)
                    direct["box"][name].append(elapsed)
                    if name == "consultations":  # the slowest section: by kind of query too
                        direct["box"][f"consultations, {kind}"].append(elapsed)

    figures = {}
    for part, title in (
        ("search", "person search  GET /api/v1/persons?q=…  (as csw-higashi)"),
        ("cases", "case list  GET /api/v1/cases?area=…"),
        ("box", "the search box  GET /api/v1/search?q=…  (persons, cases, consultations; as csw-higashi)"),
    ):
        print(f"\n{title}")
        for label, samples in (
            ("through the gateway", through_gateway[part]),
            ("straight to case-api", direct.get(part, {})),
        ):
            if not samples:
                continue
            everything = [x for xs in samples.values() for x in xs]
            report(f"ALL, {label}", everything)
            if label == "through the gateway":
                figures[part] = percentile(everything, 95)
            for kind, xs in samples.items():
                report(f"  {kind}", xs)
    return {"search_p95": figures["search"], "cases_p95": figures["cases"], "box_p95": figures["box"]}


async def explain(server: str, case_db: str, data: Data) -> None:
    """EXPLAIN ANALYZE the very statement the search runs, for a few kinds of query."""
    from sqlalchemy import event
    from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

    from case_api.persons import repository, rules

    engine = create_async_engine(database_url(server, case_db))
    captured: list[tuple[str, Any]] = []

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def capture(conn, cursor, statement, parameters, context, executemany) -> None:
        if "FROM person" in statement and not statement.startswith("EXPLAIN"):
            captured.append((statement, parameters))

    print("\nplans (EXPLAIN ANALYZE of the search statement):")
    sample = data.sample()
    for q in [
        "佐藤",
        sample[1],
        _hiragana(sample[2]),
        half_width(sample[2].split()[1]),
        "ハナコ",
        wareki(sample[3]),
        sample[6] or "090-0000-0000",
        "貫井北町3-1",
    ]:
        captured.clear()
        async with AsyncSession(engine) as session, session.begin():
            query = rules.parse_query(q, birth_date=None, phone=None, today=rules.today())
            _, total = await repository.search(session, query, limit=20)
            statement, parameters = captured[-1]
            connection = await session.connection()
            # As the search ran it (the repository turns seq scans back on after its query).
            await connection.exec_driver_sql("SELECT set_config('enable_seqscan', 'off', true)")
            rows = await connection.exec_driver_sql("EXPLAIN (ANALYZE, COSTS OFF) " + statement, parameters)
            lines = [r[0] for r in rows]
        used = sorted(
            {
                word
                for line in lines
                for word in line.replace("(", " ").split()
                if word.startswith("ix_person_")
            }
        )
        seq = any("Seq Scan on person" in line for line in lines)
        timing = next((line.strip() for line in lines if line.strip().startswith("Execution Time")), "")
        print(
            f"  {q!r:<24} hits {total:>5}  indexes {', '.join(used) or '-'}"
            f"{'  SEQ SCAN' if seq else ''}  {timing}"
        )
    await engine.dispose()


NEEDED = ("gateway", "intake-api", "case-api")  # what a search, the search box or a case list goes through


async def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--cases", type=int, default=25_000)
    parser.add_argument("--records", type=int, default=300_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument(
        "--consultation-share", type=float, default=0.3, help="persons with a consultation (default 0.3)"
    )
    parser.add_argument("--seed", type=int, default=8050)
    parser.add_argument("--explain", action="store_true", help="print the plans of a few searches")
    args = parser.parse_args()

    started = time.perf_counter()
    data = Data(args.persons, args.seed)
    print(f"generated {len(data.persons):,} persons in {time.perf_counter() - started:.1f} s")

    work = Path(tempfile.mkdtemp(prefix="tsunagu-bench-"))
    password = "bench-" + secrets.token_urlsafe(8)
    stack = Stack(
        server=testing.server_url(),
        demo_password=password,
        service_secrets={name: secrets.token_urlsafe(24) for name in SERVICE_CLIENTS},
        ports={service.name: free_port() for service in SERVICES},
        db_suffix=f"_b{secrets.token_hex(4)}",
        log_dir=work / "logs",
        extra_env={
            "TSUNAGU_SIGNING_KEY_PATH": str(work / "keys" / "signing.pem"),
            "TSUNAGU_LOG_LEVEL": "WARNING",
        },
    )
    case_db = "tsunagu_case" + stack.db_suffix
    try:
        await stack.prepare(only=NEEDED)
        await load(stack.server, case_db, data, args.cases, args.records)
        consultations = await load_consultations(
            stack.server, "tsunagu_intake" + stack.db_suffix, data, args.consultation_share
        )
        print(f"loaded {consultations:,} consultations")
        if args.explain:
            await explain(stack.server, case_db, data)
        stack.start(only=NEEDED)
        await stack.wait_ready(within=60, only=NEEDED)
        figures = await measure(stack, password, data, args.requests)
    finally:
        stack.stop()
        await stack.drop_databases()
    ok = all(figures[k] < 50 for k in ("search_p95", "cases_p95", "box_p95"))
    print(
        f"\ntarget p95 < 50 ms: person search {figures['search_p95']:.1f} ms, "
        f"case list {figures['cases_p95']:.1f} ms, search box {figures['box_p95']:.1f} ms "
        f"-> {'met' if ok else 'NOT met'}"
    )
    print(f"(service logs: {work / 'logs'})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
