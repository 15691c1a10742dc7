"""The rules of the support plan (支援プラン): versions (再プラン), actions, meeting decisions.

No commit and no HTTP here: the request's session dependency commits.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from case_api import access
from case_api.cases import service as cases
from case_api.cases.models import Case
from case_api.plans import repository, rules
from case_api.plans.models import PlanAction, SupportPlan
from case_api.plans.schemas import (
    ActionsAppend,
    ActionSource,
    ActionStatus,
    ActionStatusUpdate,
    DueAction,
    Goal,
    PlanActionRead,
    PlanRead,
    PlanWrite,
)
from tsunagu_services.etag import check_if_match, parse_if_match
from tsunagu_services.problems import (
    Conflict,
    NotFound,
    PreconditionFailed,
    ProblemError,
    ValidationFailed,
)
from tsunagu_services.tokens import Principal


class NoPlan(NotFound):
    type = "/problems/no-plan"
    title = "このケースにはまだ支援プランがありません。"


class PlanVersionReadOnly(Conflict):
    type = "/problems/plan-version-read-only"
    title = "再プラン前の版は変更できません。現行のプランを操作してください。"


class PlanCreatedConcurrently(Conflict):
    type = "/problems/plan-created-concurrently"
    title = "同時に支援プランが作成されました。もう一度やり直してください。"


@dataclass(frozen=True)
class PlanView:
    """A plan version with its actions, as answered."""

    plan: SupportPlan
    actions: list[PlanAction]

    @property
    def etag(self) -> str:
        return rules.etag(self.plan.version, self.plan.revision)

    def read(self) -> PlanRead:
        p = self.plan
        return PlanRead(
            id=p.id,
            case_id=p.case_id,
            version=p.version,
            status=p.status,
            review_date=p.review_date,
            created_by=p.created_by,
            created_at=p.created_at,
            goals=[Goal(**g) for g in p.goals],
            note=p.note,
            revision=p.revision,
            etag=self.etag,
            actions=[PlanActionRead.model_validate(a) for a in self.actions],
        )


async def _view(session: AsyncSession, plan: SupportPlan) -> PlanView:
    return PlanView(plan, await repository.actions(session, plan.id))


async def _visible_case(session: AsyncSession, principal: Principal, case_id: uuid.UUID) -> Case:
    case = await cases.read(session, principal, case_id)
    access.ensure_part_visible(principal, case, "plan")
    return case


async def _create_version(session: AsyncSession, plan: SupportPlan, lost: type[ProblemError]) -> None:
    # The unique indexes settle two first writers racing (no row to lock yet): the loser gets
    # `lost`, never a 500.
    try:
        async with session.begin_nested():
            repository.add(session, plan)
            await session.flush()
    except IntegrityError:
        raise lost() from None
    await session.refresh(plan)


async def read_current(session: AsyncSession, principal: Principal, case_id: uuid.UUID) -> PlanView:
    """The current version of the case's plan with its actions."""
    case = await _visible_case(session, principal, case_id)
    plan = await repository.current(session, case.id)
    if plan is None:
        raise NoPlan()
    return await _view(session, plan)


async def list_versions(session: AsyncSession, principal: Principal, case_id: uuid.UUID) -> list[SupportPlan]:
    """Every version of the case's plan, newest first."""
    case = await _visible_case(session, principal, case_id)
    return await repository.versions(session, case.id)


async def read_version(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, number: int
) -> PlanView:
    """One version of the case's plan, current or superseded."""
    case = await _visible_case(session, principal, case_id)
    plan = await repository.version(session, case.id, number)
    if plan is None:
        raise NotFound()
    return await _view(session, plan)


async def write_plan(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, data: PlanWrite, if_match: str | None
) -> tuple[PlanView, bool]:
    """Write the whole plan: version 1 first, then each write a new version (再プラン), the old kept.

    Returns the new version and whether it is the case's first plan.
    """
    case = await _visible_case(session, principal, case_id)
    access.ensure_may_write(principal, case)
    previous = await repository.current(session, case.id, for_update=True)
    carried: dict[uuid.UUID, PlanAction] = {}
    if previous is None:
        if parse_if_match(if_match) is not None:
            raise PreconditionFailed()  # no tag, not even *, matches a plan that does not exist
    else:
        check_if_match(if_match, rules.etag(previous.version, previous.revision))
        carried = {a.id: a for a in await repository.actions(session, previous.id)}
    unknown = [i for i, a in enumerate(data.actions) if a.id is not None and a.id not in carried]
    if unknown:
        raise ValidationFailed(
            errors=[
                {
                    "loc": ["body", "actions", i, "id"],
                    "type": "value_error",
                    "msg": "not an action of the current plan",
                }
                for i in unknown
            ]
        )
    if previous is not None:
        # Superseded first: the partial unique index admits one current version per case.
        previous.status = "superseded"
        await session.flush()
    plan = SupportPlan(
        case_id=case.id,
        version=await repository.latest_version_number(session, case.id) + 1,
        goals=[g.model_dump() for g in data.goals],
        review_date=data.review_date,
        note=data.note,
        created_by=principal.username,
    )
    # An editor who lost the race to write the first plan is told, like any stale editor, to reload.
    await _create_version(session, plan, PreconditionFailed)
    now = datetime.now(UTC)
    for position, given in enumerate(data.actions):
        old = carried.get(given.id) if given.id else None
        # A carried action keeps where it came from (a meeting decision) and when it was done.
        repository.add(
            session,
            PlanAction(
                plan_id=plan.id,
                position=position,
                text=given.text,
                owner_kind=given.owner_kind,
                owner=given.owner,
                due_date=given.due_date,
                status=given.status,
                done_at=rules.done_at(
                    given.status, old.status if old else "open", old.done_at if old else None, now
                ),
                source=old.source if old else ActionSource.staff,
                source_ref=old.source_ref if old else None,
                source_item=old.source_item if old else None,
            ),
        )
    await session.flush()
    return await _view(session, plan), previous is None


async def set_action_status(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    action_id: uuid.UUID,
    data: ActionStatusUpdate,
    if_match: str | None,
) -> PlanView:
    """Mark an action of the current plan done, dropped or open; the plan's ETag changes, its version not."""
    case = await _visible_case(session, principal, case_id)
    access.ensure_may_write(principal, case)
    plan = await repository.current(session, case.id, for_update=True)
    found = await repository.action_of_case(session, case.id, action_id)
    if found is None or plan is None:
        raise NotFound()
    action, of_plan = found
    if of_plan.id != plan.id:
        raise PlanVersionReadOnly(current_version=plan.version)
    check_if_match(if_match, rules.etag(plan.version, plan.revision))
    if action.status != data.status:
        action.done_at = rules.done_at(data.status, action.status, action.done_at, datetime.now(UTC))
        action.status = data.status
        plan.revision += 1
        await session.flush()
    return await _view(session, plan)


async def append_actions(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, data: ActionsAppend
) -> tuple[PlanView, bool]:
    """Add a meeting decision's actions to the current plan (version 1 if none); once per source_ref.

    Returns the plan and whether anything was added.
    """
    case = await _visible_case(session, principal, case_id)
    access.ensure_may_deliver_plan_actions(principal, case)
    plan = await repository.current(session, case.id, for_update=True)
    if await repository.source_ref_delivered(session, case.id, data.source_ref):
        assert plan is not None  # delivered actions live in some version, so a current one exists
        return await _view(session, plan), False
    if plan is None:
        plan = SupportPlan(case_id=case.id, version=1, created_by=principal.username)
        await _create_version(session, plan, PlanCreatedConcurrently)  # 409: the sender retries
        position = 0
    else:
        plan.revision += 1
        position = await repository.next_position(session, plan.id)
    for item, given in enumerate(data.actions):
        repository.add(
            session,
            PlanAction(
                plan_id=plan.id,
                position=position + item,
                text=given.text,
                owner_kind=given.owner_kind,
                owner=given.owner,
                due_date=given.due_date,
                status=ActionStatus.open,
                source=ActionSource.meeting,
                source_ref=data.source_ref,
                source_item=item,
            ),
        )
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError:
        # Only a concurrent delivery of the same decision gets here: the sender retries and
        # then finds it delivered.
        raise PlanCreatedConcurrently() from None
    return await _view(session, plan), True


async def due_actions(
    session: AsyncSession,
    principal: Principal,
    *,
    due_before: date | None,
    owner: str | None,
    status: ActionStatus,
    limit: int,
) -> list[DueAction]:
    """Actions of the current plans of every case the caller may see (the "my work" home)."""
    # visible_part, not visible: an agency member sees a plan only where consent opens it.
    rows = await repository.due_actions(
        session,
        access.visible_part(principal, "plan"),
        due_before=due_before,
        owner=owner,
        status=status,
        limit=limit,
    )
    return [
        DueAction(
            **PlanActionRead.model_validate(action).model_dump(),
            case_id=case.id,
            case_title=case.title,
            plan_version=plan.version,
        )
        for action, plan, case in rows
    ]
