"""Public routes: no token. The gateway rate-limits them and passes on no client address."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, status

from intake_api.public_reports import service
from intake_api.public_reports.schemas import (
    ChallengeRead,
    MessageCreate,
    ReceiptRead,
    ReportCreate,
    ReportStatus,
)
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES

router = APIRouter(prefix="/api/v1/public", tags=["public reports"], responses=PROBLEM_RESPONSES)
ReceiptCode = Annotated[str, Path(min_length=8, max_length=40)]


@router.get("/challenge", response_model=ChallengeRead)
async def get_challenge(request: Request) -> ChallengeRead:
    """A proof-of-work challenge to solve before submitting (public)."""
    issued = service.new_challenge(request.app.state.settings)
    return ChallengeRead(challenge=issued.token, difficulty=issued.difficulty, expires_at=issued.expires_at)


@router.post("/reports", response_model=ReceiptRead, status_code=status.HTTP_201_CREATED)
async def submit_report(data: ReportCreate, request: Request, session: SessionDep) -> ReceiptRead:
    """Submit an anonymous report (public); answers the receipt code, shown only this once."""
    code, received_at = await service.submit(session, request.app.state.settings, data)
    return ReceiptRead(receipt_code=code, received_at=received_at)


@router.get("/reports/{receipt}", response_model=ReportStatus)
async def get_report(receipt: ReceiptCode, session: SessionDep) -> ReportStatus:
    """See that a report was received, with one's own follow-ups (public, by receipt code)."""
    return await service.status(session, receipt)


@router.post("/reports/{receipt}/messages", status_code=status.HTTP_204_NO_CONTENT)
async def add_message(
    receipt: ReceiptCode, data: MessageCreate, request: Request, session: SessionDep
) -> None:
    """Add information to one's report (public, by receipt code)."""
    await service.add_message(session, request.app.state.settings, receipt, data)
