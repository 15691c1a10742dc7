"""Every query of persons, including the trigram search."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Float, case, func, literal, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from case_api.persons.models import Person
from case_api.persons.rules import Query
from tsunagu_services.db import escape_like

# Shorter keys have no full trigram inside them, so '%ab%' could not use the GIN index
# and would read the whole table; they match from the start of the key instead.
MIN_CONTAINS = 3
# pg_trgm's default 0.3 lets マツモト ハナコ match マツモトユウマ; 0.4 still forgives a typo
# in a full name (山田太朗 for 山田太郎, ヤマダタロー for ヤマダタロウ).
SIMILARITY_THRESHOLD = 0.4


@dataclass(frozen=True)
class Hit:
    person: Person
    matched_on: list[str]
    score: float


async def get(session: AsyncSession, person_id: uuid.UUID, *, for_update: bool = False) -> Person | None:
    return await session.get(Person, person_id, with_for_update=for_update)


async def existing_ids(session: AsyncSession, person_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    ids = set(person_ids)
    if not ids:
        return set()
    rows = await session.execute(select(Person.id).where(Person.id.in_(ids)))
    return set(rows.scalars().all())


def add(session: AsyncSession, person: Person) -> None:
    session.add(person)


def _matches(column, key: str, *, fuzzy: bool) -> ColumnElement[bool]:
    """Whether a key column matches: contains (or, for short keys, starts with), or is similar."""
    escaped = escape_like(key)
    matched = (
        column.like("%" + escaped + "%", escape="\\")
        if len(key) >= MIN_CONTAINS
        else column.like(escaped + "%", escape="\\")
    )
    return or_(matched, column.op("%")(key)) if fuzzy else matched


def _closeness(column, key: str, matched) -> ColumnElement[float]:
    """How closely a matched key column matches: exact 1.0, prefix 0.9, contains 0.7, else similarity."""
    escaped = escape_like(key)
    return case(
        (
            matched,
            case(
                (column == key, literal(1.0)),
                (column.like(escaped + "%", escape="\\"), literal(0.9)),
                (column.like("%" + escaped + "%", escape="\\"), literal(0.7)),
                else_=func.similarity(column, key).cast(Float),
            ),
        ),
        else_=literal(0.0),
    )


async def search(session: AsyncSession, query: Query, *, limit: int) -> tuple[list[Hit], int]:
    """Candidates for `query`, best first, with the columns each matched on; and how many there are."""
    flags: list[tuple[str, ColumnElement[bool]]] = []
    if query.text is not None:
        flags.append(("name", _matches(Person.name_key, query.text, fuzzy=query.fuzzy)))
        if query.kana:
            flags.append(("kana", _matches(Person.kana_key, query.text, fuzzy=query.fuzzy)))
        if len(query.text) >= MIN_CONTAINS:
            flags.append(
                ("address", Person.address_key.like("%" + escape_like(query.text) + "%", escape="\\"))
            )
    if query.birth_date is not None:
        flags.append(("birth_date", Person.birth_date == query.birth_date))
    if query.phone is not None:
        flags.append(("phone", Person.phone_digits == query.phone))
    if not flags:
        return [], 0

    # Each condition is evaluated once per candidate (OFFSET 0 keeps PostgreSQL from inlining
    # them again into the score), and each has an index behind it.
    hit = (
        select(Person, *(flag.label(f"m_{name}") for name, flag in flags))
        .where(or_(*(flag for _, flag in flags)))
        .offset(0)
        .subquery("hit")
    )
    person = aliased(Person, hit)
    matched = {name: hit.c[f"m_{name}"] for name, _ in flags}
    text_scores = []
    if "name" in matched:
        text_scores.append(_closeness(hit.c.name_key, query.text or "", matched["name"]))
    if "kana" in matched:
        text_scores.append(_closeness(hit.c.kana_key, query.text or "", matched["kana"]))
    if "address" in matched:
        text_scores.append(case((matched["address"], literal(0.6)), else_=literal(0.0)))
    score: ColumnElement[float] = func.greatest(*text_scores) if text_scores else literal(0.0)
    for name in ("birth_date", "phone"):
        if name in matched:
            score = score + case((matched[name], literal(1.0)), else_=literal(0.0))

    # The planner cannot price a trigram recheck and would scan the whole table for an OR of
    # indexed conditions; a cached generic plan could not see the pattern's trigrams at all.
    await session.execute(
        select(
            func.set_config("plan_cache_mode", "force_custom_plan", True),
            func.set_config("pg_trgm.similarity_threshold", str(SIMILARITY_THRESHOLD), True),
            func.set_config("enable_seqscan", "off", True),
        )
    )
    ranked = (
        select(person, score.label("score"), *matched.values(), func.count().over().label("total"))
        .order_by(text("score DESC"), person.name_kana.asc().nulls_last(), person.id)
        .limit(limit)
    )
    rows = (await session.execute(ranked)).all()
    await session.execute(select(func.set_config("enable_seqscan", "on", True)))
    total = int(rows[0].total) if rows else 0
    return [
        Hit(
            person=row[0],
            matched_on=[name for name in matched if getattr(row, f"m_{name}")],
            score=round(float(row.score), 3),
        )
        for row in rows
    ], total
