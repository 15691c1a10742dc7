"""Verifying the audit trail's hash chains, independently of the database's own code.

Each event (and each outcome) carries SHA-256(previous hash || canonical content),
computed by a trigger when it is written. Here the same canonical text is rebuilt in
Python and every link checked in order: a row edited in place, deleted, or inserted
out of turn shows as the first break, with its id. Anchors (signed snapshots of the
chains' heads, kept by the administrator elsewhere) also catch a whole tail rewritten.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from tsunagu_services.tokens import SigningKey, verify_document

GENESIS = bytes(32)
_EVENTS = text(
    "SELECT id, occurred_at, request_id, actor_sub, actor_username, actor_role, method, path,"
    " resource_type, resource_id, status, prev_hash, hash FROM audit_event ORDER BY chain_seq"
)
_OUTCOMES = text(
    "SELECT event_id, status, recorded_at, prev_hash, hash FROM audit_outcome ORDER BY chain_seq"
)
_HEADS = text("SELECT chain, last_key, last_hash FROM audit_chain_head")


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _canonical(values: list[Any]) -> bytes:
    # As PostgreSQL prints a jsonb array: ", " between items, non-ASCII as is.
    return json.dumps(values, ensure_ascii=False).encode()


def event_content(row: Any) -> bytes:
    return _canonical(
        [
            row.id,
            _utc(row.occurred_at),
            row.request_id,
            row.actor_sub,
            row.actor_username,
            row.actor_role,
            row.method,
            row.path,
            row.resource_type,
            row.resource_id,
            row.status,
        ]
    )


def outcome_content(row: Any) -> bytes:
    return _canonical([row.event_id, row.status, _utc(row.recorded_at)])


@dataclass
class Break:
    chain: str
    key: int
    reason: str  # content-changed, link-broken, head-mismatch, anchor-mismatch


@dataclass
class Report:
    intact: bool = True
    events: int = 0
    outcomes: int = 0
    heads: dict[str, dict[str, Any]] = field(default_factory=dict)
    first_break: Break | None = None

    def broken(self, chain: str, key: int, reason: str) -> None:
        if self.first_break is None:
            self.first_break = Break(chain, key, reason)
        self.intact = False


async def _walk(
    session: AsyncSession,
    query: Any,
    chain: str,
    key: str,
    content: Any,
    head: Any,
    report: Report,
) -> None:
    previous = GENESIS
    last: Any = None
    count = 0
    head_found = head is None or head.last_key is None  # nothing written yet
    for row in (await session.execute(query)).all():
        count += 1
        if bytes(row.prev_hash) != previous:
            report.broken(chain, getattr(row, key), "link-broken")
        if hashlib.sha256(bytes(row.prev_hash) + content(row)).digest() != bytes(row.hash):
            report.broken(chain, getattr(row, key), "content-changed")
        previous, last = bytes(row.hash), getattr(row, key)
        if not head_found and last == head.last_key:
            head_found = previous == bytes(head.last_hash)
    if not head_found:  # a tail cut off, or the head moved to hide an edit
        report.broken(chain, int(head.last_key or 0), "head-mismatch")
    setattr(report, "events" if chain == "event" else "outcomes", count)
    report.heads[chain] = {"last_key": last, "last_hash": previous.hex()}


async def verify(session: AsyncSession, anchors: list[dict[str, Any]] | None = None) -> Report:
    """Check both chains link by link, their heads, and every anchor given (or stored).

    The heads are read first and each chain must reach its head: events written while the check
    runs (the verify request's own audit event among them) only extend a chain past the head read,
    where reading the heads last took them for a tail cut off (a CI failure under READ COMMITTED).
    """
    report = Report()
    heads = {h.chain: h for h in (await session.execute(_HEADS)).all()}
    await _walk(session, _EVENTS, "event", "id", event_content, heads.get("event"), report)
    await _walk(session, _OUTCOMES, "outcome", "event_id", outcome_content, heads.get("outcome"), report)
    for anchor in anchors if anchors is not None else await stored_anchors(session):
        await _check_anchor(session, anchor, report)
    return report


async def _check_anchor(session: AsyncSession, anchor: dict[str, Any], report: Report) -> None:
    for chain, table, key, hash_field, key_field in (
        ("event", "audit_event", "id", "event_hash", "event_id"),
        ("outcome", "audit_outcome", "event_id", "outcome_hash", "outcome_event_id"),
    ):
        at = anchor.get(key_field)
        if at is None:
            continue
        found = await session.scalar(
            text(f"SELECT hash FROM {table} WHERE {key} = :at"),  # noqa: S608 (constant names)
            {"at": at},
        )
        if found is None or bytes(found).hex() != anchor[hash_field]:
            report.broken(chain, int(at), "anchor-mismatch")


async def stored_anchors(session: AsyncSession) -> list[dict[str, Any]]:
    rows = await session.execute(
        text(
            "SELECT id, created_at, event_id, event_hash, outcome_event_id, outcome_hash, signature"
            " FROM audit_anchor ORDER BY id"
        )
    )
    return [
        {
            "id": r.id,
            "created_at": r.created_at.isoformat(),
            "event_id": r.event_id,
            "event_hash": bytes(r.event_hash).hex(),
            "outcome_event_id": r.outcome_event_id,
            "outcome_hash": bytes(r.outcome_hash).hex(),
            "signature": r.signature,
        }
        for r in rows.all()
    ]


ANCHOR_TYPE = "tsunagu-audit-anchor+jwt"


async def make_anchor(session: AsyncSession, key: SigningKey) -> dict[str, Any] | None:
    """Keep a signed snapshot of both chains' heads (None when nothing is written yet)."""
    heads = {h.chain: h for h in (await session.execute(_HEADS)).all()}
    event, outcome = heads.get("event"), heads.get("outcome")
    if event is None or outcome is None:
        return None
    claims = {
        "iss": "tsunagu-gateway",
        "iat": int(datetime.now(UTC).timestamp()),
        "event_id": event.last_key,
        "event_hash": bytes(event.last_hash).hex(),
        "outcome_event_id": outcome.last_key,
        "outcome_hash": bytes(outcome.last_hash).hex(),
    }
    signature = key.sign(claims, typ=ANCHOR_TYPE)
    await session.execute(
        text(
            "INSERT INTO audit_anchor (event_id, event_hash, outcome_event_id, outcome_hash, signature)"
            " VALUES (:event_id, :event_hash, :outcome_event_id, :outcome_hash, :signature)"
        ),
        {
            "event_id": event.last_key,
            "event_hash": bytes(event.last_hash),
            "outcome_event_id": outcome.last_key,
            "outcome_hash": bytes(outcome.last_hash),
            "signature": signature,
        },
    )
    return (await stored_anchors(session))[-1]


def anchors_from_export(document: list[dict[str, Any]], key: SigningKey) -> list[dict[str, Any]]:
    """Anchors an administrator exported: each is taken from its own signature, so that an edited
    file cannot vouch for an edited trail (InvalidToken for a signature that is not ours)."""
    return [verify_document(a["signature"], {key.kid: key.public_jwk}, typ=ANCHOR_TYPE) for a in document]
