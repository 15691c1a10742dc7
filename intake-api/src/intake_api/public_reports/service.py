"""Anonymous reports (匿名通報): a report becomes a consultation; the reporter keeps only a receipt code.

Nothing about the reporter is stored: no address, no browser, no account. The
receipt code is kept as a hash; follow-ups join the same consultation.
"""

from datetime import UTC, datetime

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from intake_api import access
from intake_api.consultations import repository as consultations
from intake_api.consultations.models import Consultation
from intake_api.public_reports import challenge, receipts, repository
from intake_api.public_reports.models import ConsultationMessage, SpentChallenge
from intake_api.public_reports.schemas import MessageCreate, ProofOfWork, ReportCreate, ReportStatus
from intake_api.settings import Settings
from intake_api.triage import repository as triage_repository
from tsunagu_services import notices, outbox
from tsunagu_services.problems import NotFound, ValidationFailed

PUBLIC_FORM_ACTOR = "public-form"
UNASSIGNED_AREA = access.UNASSIGNED_AREA


class ChallengeFailed(ValidationFailed):
    type = "/problems/challenge-failed"
    title = "送信の確認に失敗しました。ページを読み込み直してから、もう一度送信してください。"


def new_challenge(settings: Settings) -> challenge.Challenge:
    """A proof-of-work challenge for the next submission."""
    return challenge.issue(
        settings.challenge_secret_bytes, settings.challenge_difficulty, settings.challenge_ttl_seconds
    )


async def _spend(session: AsyncSession, settings: Settings, proof: ProofOfWork) -> None:
    failure = challenge.verify(
        settings.challenge_secret_bytes,
        proof.challenge,
        proof.nonce,
        min_difficulty=settings.challenge_difficulty,
    )
    if failure is not None:
        raise ChallengeFailed(detail=failure)
    now = datetime.now(UTC)
    await session.execute(delete(SpentChallenge).where(SpentChallenge.expires_at < now))
    expires_at = datetime.fromtimestamp(int(proof.challenge.split(".")[0]), UTC)
    spent = await session.execute(
        insert(SpentChallenge)
        .values(key=challenge.spent_key(proof.challenge), expires_at=expires_at)
        .on_conflict_do_nothing()
        .returning(SpentChallenge.key)
    )
    if spent.first() is None:
        raise ChallengeFailed(detail="used")


async def submit(session: AsyncSession, settings: Settings, data: ReportCreate) -> tuple[str, datetime]:
    """Record a report as a consultation (channel 匿名通報); return the receipt code, shown once."""
    code = receipts.new_code()
    received_at = datetime.now(UTC)
    if data.website:
        # A bot filled the hidden field: answer as usual so it learns nothing, and keep nothing.
        return code, received_at
    await _spend(session, settings, data.proof)
    lines = [data.text]
    if data.place:
        lines.append(f"場所: {data.place}")
    if data.when:
        lines.append(f"いつ: {data.when}")
    consultation = Consultation(
        channel="anonymous",
        received_at=received_at,
        received_by=PUBLIC_FORM_ACTOR,
        area=UNASSIGNED_AREA,
        summary="\n".join(lines),
        receipt_hash=receipts.code_hash(code),
    )
    consultations.add(session, consultation)
    await session.flush()
    # Nothing of the reporter and nothing of the text in the notice: supervisors open the queue.
    notices.tell(
        session,
        kind="anonymous_report",
        text="匿名の通報が届きました。振り分けをお願いします。",
        link=f"/consultations/{consultation.id}",
        roles=["supervisor"],
    )
    return code, received_at


async def _by_receipt(session: AsyncSession, code: str, *, for_update: bool = False) -> Consultation:
    consultation = await repository.by_receipt_hash(session, receipts.code_hash(code), for_update=for_update)
    if consultation is None:
        raise NotFound("受付番号が見つかりません。番号をご確認ください。")
    return consultation


async def status(session: AsyncSession, code: str) -> ReportStatus:
    """What the reporter may see about their report."""
    consultation = await _by_receipt(session, code)
    messages = await repository.messages(session, consultation.id)
    return ReportStatus(
        received_at=consultation.received_at,
        status="received" if consultation.status == "open" else "in_progress",
        text=consultation.summary,
        messages=[{"created_at": m.created_at, "text": m.text} for m in messages],
    )


async def add_message(session: AsyncSession, settings: Settings, code: str, data: MessageCreate) -> None:
    """Add the reporter's follow-up to the same consultation (staff see its count and time in lists)."""
    if data.website:
        return
    # Locked: a triage committing meanwhile is waited for, so the follow-up sees it (and is marked).
    consultation = await _by_receipt(session, code, for_update=True)
    await _spend(session, settings, data.proof)
    message = ConsultationMessage(
        consultation_id=consultation.id, source="reporter", text=data.text, created_at=datetime.now(UTC)
    )
    session.add(message)
    await session.flush()
    triage = await triage_repository.by_consultation(session, consultation.id)
    if triage is None:  # still in the queue: the supervisors see it there
        notices.tell(
            session,
            kind="report_follow_up",
            text="匿名の通報に続報が届きました。",
            link=f"/consultations/{consultation.id}",
            roles=["supervisor"],
        )
        return
    # After triage the report has left the queue: mark it with this latest follow-up until someone
    # acknowledges having read up to it; tell whoever triaged it and the supervisors, and the case's
    # lead through case-api, which knows them. Nothing of the text travels in a notice.
    consultation.follow_up_pending_since = message.created_at
    notices.tell(
        session,
        kind="report_follow_up",
        text="振り分け済みの匿名の通報に続報が届きました。",
        link=f"/consultations/{consultation.id}",
        roles=["supervisor"],
        usernames=[triage.decided_by],
    )
    if triage.case_id is not None:
        outbox.queue(
            session,
            destination="case",
            path=f"/api/v1/cases/{triage.case_id}/report-follow-ups",
            idempotency_key=f"report-follow-up:{message.id}",
            body={"consultation_id": str(consultation.id), "received_at": message.created_at.isoformat()},
        )
