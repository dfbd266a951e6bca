"""Every write on a plan: one transaction each, the audit event in it.

The caseworker writes and shares a version (``plan_create``, ``plan_update``,
``plan_propose``); the job seeker answers (``plan_agree``, ``plan_disagree``),
upon which the version takes effect and the one before it is superseded; both
comment (``plan_comment``). A change to a plan that was shared starts a new
version (``plan_revise``); a periodic review (``plan_review``) records whether
the rung and the instruments were reconsidered and starts one if anything changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.deadlines import add_months
from werkpad.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.lifecycle import begin, transition
from werkpad.core.models import AuditEvent, MunicipalitySettings
from werkpad.instruments.models import Instrument
from werkpad.jobseekers.selectors import jobseeker_scope
from werkpad.jobseekers.services import refuse_if_left
from werkpad.plans.models import (
    Plan,
    PlanComment,
    PlanReview,
    PlanVersion,
)
from werkpad.plans.selectors import OBJECT_TYPE, plan_scope
from werkpad.plans.workflow import LIFECYCLE, OPEN, SHARED, Status

#: The content of a version a caseworker sets; ``instruments`` is a list of Instrument rows.
CONTENT_FIELDS = frozenset(
    {
        "kind",
        "goals",
        "target_rung",
        "approach",
        "rights_and_obligations",
        "activities",
        "instruments",
        "personal_budget",
        "review_due_on",
        "reason",
    }
)
REQUIRED_FIELDS = ("kind", "goals", "target_rung", "rights_and_obligations", "activities")
#: Longest comment or reason, in characters.
MAX_TEXT = 4000


def review_due_after(plan: Plan, day: dt.date) -> dt.date:
    """The default review date of a plan that takes effect, or is reviewed, on ``day``:
    the plan review period of its municipality later (PL4)."""
    months = MunicipalitySettings.for_id(plan.municipality_id).plan_review_months
    return add_months(day, months)


def _audit(
    user: User, plan: Plan, action: str, *, fields: Iterable[str] = (), detail: str = ""
) -> None:
    audit_record(
        user=user,
        action=action,
        object_type=OBJECT_TYPE,
        object_id=plan.pk,
        job_seeker_id=plan.job_seeker_id,
        municipality_id=plan.municipality_id,
        fields=fields,
        detail=detail,
    )


def _locked(user: User, plan_id: int, perm: str, denied_code: str) -> Plan:
    """The plan, locked for this transaction, if the user may see it and holds ``perm``."""
    plan = (
        plan_scope(user=user)
        .select_for_update(of=("self",))
        .select_related("job_seeker")
        .filter(pk=plan_id)
        .first()
    )
    if plan is None or not user.has_perm("plans.view_plan", plan):
        raise NotFoundError(_("There is no plan you may see here."), code="plan-not-found")
    if not user.has_perm(perm, plan):
        raise PermissionDeniedError(code=denied_code)
    return plan


def _check_version(plan: Plan, expected_version: int | None) -> None:
    if expected_version is not None and plan.version != expected_version:
        raise StaleEditError(current_version=plan.version)


def _latest(plan: Plan) -> PlanVersion:
    return plan.versions.select_for_update().get(number=plan.latest_number)


def _transition(user: User, version: PlanVersion, target: str, reason: str = "") -> None:
    """Move ``version`` along the plan's ``LIFECYCLE``, appending the history row."""
    transition(version, target, lifecycle=LIFECYCLE, user=user, reason=reason)


def _touch(plan: Plan, status: str, *extra: str) -> None:
    plan.status = status
    plan.version += 1
    plan.updated_at = clock.now()
    plan.save(update_fields=["status", "version", "updated_at", *extra])


def _check_content(data: Mapping[str, Any]) -> None:
    unknown = sorted(set(data) - CONTENT_FIELDS)
    if unknown:
        raise InvalidInputError({name: [_("Unknown field.")] for name in unknown})


def _check_instruments(plan_municipality_id: int, instruments: Sequence[Instrument]) -> None:
    foreign = [i for i in instruments if i.municipality_id != plan_municipality_id or not i.active]
    if foreign:
        raise InvalidInputError(
            {
                "instruments": [
                    _("Choose active instruments of the job seeker's municipality: not %(names)s.")
                    % {"names": ", ".join(i.name for i in foreign)}
                ]
            }
        )


def _apply(version: PlanVersion, data: Mapping[str, Any]) -> list[str]:
    """Set the content on ``version`` (not saved); the names of what changed."""
    changed = []
    for name, value in data.items():
        if name == "instruments":
            continue
        if getattr(version, name) != value:
            setattr(version, name, value)
            changed.append(name)
    return changed


def _validate(version: PlanVersion) -> None:
    try:
        version.full_clean(exclude=["plan", "number", "created_by"], validate_constraints=False)
    except ValidationError as error:
        raise InvalidInputError(error.message_dict) from error


def _set_instruments(version: PlanVersion, data: Mapping[str, Any]) -> bool:
    if "instruments" not in data:
        return False
    new = {i.pk for i in data["instruments"]}
    old = set(version.instruments.values_list("pk", flat=True))
    if new == old:
        return False
    version.instruments.set(data["instruments"])
    return True


@transaction.atomic
def plan_create(*, user: User, job_seeker_id: int, data: Mapping[str, Any]) -> Plan:
    """Start the job seeker's plan as a draft (version 1). A job seeker has one plan."""
    if not user.has_perm("plans.add_plan"):
        raise PermissionDeniedError(code="plan-create-denied")
    job_seeker = jobseeker_scope(user=user).select_for_update().filter(pk=job_seeker_id).first()
    if job_seeker is None:
        raise NotFoundError(code="jobseeker-not-found")
    if not user.has_perm("jobseekers.change_jobseeker", job_seeker):
        raise PermissionDeniedError(code="plan-create-denied")
    refuse_if_left(job_seeker)
    _check_content(data)
    if Plan.objects.filter(job_seeker=job_seeker).exists():
        raise ConflictError(
            _("This job seeker already has a plan: change that one or start a new version."),
            code="plan-exists",
        )
    missing = [name for name in REQUIRED_FIELDS if data.get(name) in (None, "")]
    if missing:
        raise InvalidInputError({name: [_("This field is required.")] for name in missing})
    _check_instruments(job_seeker.municipality_id, data.get("instruments", ()))
    plan = Plan(municipality_id=job_seeker.municipality_id, job_seeker=job_seeker, created_by=user)
    version = PlanVersion(number=1, created_by=user)
    _apply(version, data)
    _validate(version)
    plan.save()
    version.plan = plan
    version.save()
    if data.get("instruments"):
        version.instruments.set(data["instruments"])
    begin(version, Status.DRAFT, user=user)
    _audit(user, plan, AuditEvent.Action.CREATE, fields=data.keys())
    return plan


@transaction.atomic
def plan_update(
    *, user: User, plan_id: int, expected_version: int, data: Mapping[str, Any]
) -> Plan:
    """Change the draft version. A version once shared is never changed: revise it instead."""
    plan = _locked(user, plan_id, "plans.change_plan", "plan-change-denied")
    _check_version(plan, expected_version)
    _check_content(data)
    version = _latest(plan)
    if version.status != Status.DRAFT:
        raise ConflictError(
            _("Only a draft can be changed. Start a new version to change this plan."),
            code="plan-not-draft",
        )
    _check_instruments(plan.municipality_id, data.get("instruments", ()))
    changed = _apply(version, data)
    _validate(version)
    if _set_instruments(version, data):
        changed.append("instruments")
    if not changed:
        return plan
    version.save()
    _touch(plan, version.status)
    _audit(user, plan, AuditEvent.Action.UPDATE, fields=changed)
    return plan


@transaction.atomic
def plan_propose(*, user: User, plan_id: int, expected_version: int | None = None) -> Plan:
    """Share the draft with the job seeker, who can then read, comment and answer it."""
    plan = _locked(user, plan_id, "plans.change_plan", "plan-change-denied")
    _check_version(plan, expected_version)
    version = _latest(plan)
    _transition(user, version, Status.PROPOSED)
    _validate(version)
    version.proposed_at = clock.now()
    version.save(update_fields=["status", "proposed_at"])
    _touch(plan, version.status)
    _audit(user, plan, AuditEvent.Action.UPDATE, fields=["status"], detail="proposed")
    return plan


@transaction.atomic
def plan_withdraw(*, user: User, plan_id: int, expected_version: int | None = None) -> Plan:
    """Take an unanswered proposal back into draft to change it."""
    plan = _locked(user, plan_id, "plans.change_plan", "plan-change-denied")
    _check_version(plan, expected_version)
    version = _latest(plan)
    _transition(user, version, Status.DRAFT, reason="withdrawn to change it")
    version.proposed_at = None
    version.save(update_fields=["status", "proposed_at"])
    _touch(plan, version.status)
    _audit(user, plan, AuditEvent.Action.UPDATE, fields=["status"], detail="withdrawn")
    return plan


def _take_effect(user: User, plan: Plan, version: PlanVersion) -> None:
    """The answered version takes effect today; the one in effect before it is superseded."""
    today = clock.today()
    previous = plan.current_version_id
    if previous is not None:
        old = PlanVersion.objects.select_for_update().get(pk=previous)
        _transition(user, old, Status.SUPERSEDED, reason=f"v{version.number}")
        old.save(update_fields=["status"])
    _transition(user, version, Status.IN_EFFECT)
    version.effective_on = today
    if version.review_due_on is None or version.review_due_on < today:
        version.review_due_on = review_due_after(plan, today)
    version.save()
    plan.current_version = version
    plan.review_due_on = version.review_due_on
    _touch(plan, version.status, "current_version", "review_due_on")


class PlanChangedError(StaleEditError):
    """The plan changed after the job seeker read it: their answer would not be about
    what they read."""

    code = "plan-changed"

    def __init__(self, *, current_version: int):
        self.current_version = current_version
        ConflictError.__init__(
            self,
            _(
                "Your plan changed after you opened it, or a comment was added. Nothing was "
                "saved. Read the plan again as it is now, then give your answer."
            ),
        )


def _proposal(user: User, plan_id: int, expected_version: int) -> tuple[Plan, PlanVersion]:
    """The plan and its latest version, if the plan is still as the job seeker read it."""
    plan = _locked(user, plan_id, "plans.answer_plan", "plan-answer-denied")
    if plan.version != expected_version:
        raise PlanChangedError(current_version=plan.version)
    return plan, _latest(plan)


@transaction.atomic
def plan_agree(*, user: User, plan_id: int, expected_version: int) -> Plan:
    """The job seeker agrees to the proposed version they read; it takes effect.

    ``expected_version`` is the plan's ``version`` as the job seeker read it: when the plan
    changed since, ``PlanChangedError`` refuses the answer and nothing changes.
    """
    plan, version = _proposal(user, plan_id, expected_version)
    _transition(user, version, Status.AGREED)
    version.answered_at = clock.now()
    _take_effect(user, plan, version)
    _audit(user, plan, AuditEvent.Action.UPDATE, fields=["status"], detail="agreed")
    return plan


@transaction.atomic
def plan_disagree(*, user: User, plan_id: int, expected_version: int, reason: str) -> Plan:
    """The job seeker records their disagreement with the version they read, with their
    reason; the version takes effect. A plan changed since is refused as in ``plan_agree``."""
    reason = (reason or "").strip()
    plan, version = _proposal(user, plan_id, expected_version)
    if not reason:
        raise InvalidInputError({"reason": [_("Tell us why you do not agree.")]})
    if len(reason) > MAX_TEXT:
        raise InvalidInputError({"reason": [_("At most %(n)s characters.") % {"n": MAX_TEXT}]})
    _transition(user, version, Status.DISAGREEMENT_RECORDED, reason=reason)
    version.answered_at = clock.now()
    version.disagreement_reason = reason
    _take_effect(user, plan, version)
    _audit(
        user,
        plan,
        AuditEvent.Action.UPDATE,
        fields=["status", "disagreement_reason"],
        detail="disagreement recorded",
    )
    return plan


@transaction.atomic
def plan_comment(*, user: User, plan_id: int, text: str) -> PlanComment:
    """A comment on the newest version the author sees; the job seeker's and the caseworker's
    comments are visible to both."""
    text = (text or "").strip()
    plan = _locked(user, plan_id, "plans.comment_plan", "plan-comment-denied")
    if not text:
        raise InvalidInputError({"text": [_("Write a comment first.")]})
    if len(text) > MAX_TEXT:
        raise InvalidInputError({"text": [_("At most %(n)s characters.") % {"n": MAX_TEXT}]})
    by_job_seeker = user.has_perm("plans.answer_plan", plan)
    versions = plan.versions.order_by("-number")
    if by_job_seeker:
        versions = versions.filter(status__in=SHARED)
    version = versions.first()
    # Every plan has a version, and the job seeker sees a plan (``answer_plan``) only once a
    # version was shared with them (``rules.SHARED_WITH_JOB_SEEKER``).
    assert version is not None
    comment = PlanComment.objects.create(
        plan=plan, version=version, author=user, by_job_seeker=by_job_seeker, text=text
    )
    _touch(plan, plan.status)
    _audit(user, plan, AuditEvent.Action.UPDATE, fields=["comments"], detail="comment")
    return comment


def _new_version(user: User, plan: Plan, reason: str) -> PlanVersion:
    if plan.versions.filter(status__in=OPEN).exists():
        raise ConflictError(
            _("This plan already has a version being prepared: finish that one first."),
            code="plan-open-version-exists",
        )
    base = plan.versions.get(number=plan.latest_number)
    instruments = list(base.instruments.all())
    version = PlanVersion(
        plan=plan,
        number=plan.latest_number + 1,
        created_by=user,
        reason=reason[:300],
        **{
            name: getattr(base, name)
            for name in CONTENT_FIELDS - {"instruments", "reason", "review_due_on"}
        },
    )
    version.save()
    version.instruments.set(instruments)
    begin(version, Status.DRAFT, user=user, reason=reason)
    plan.latest_number = version.number
    _touch(plan, version.status, "latest_number")
    return version


@transaction.atomic
def plan_revise(
    *, user: User, plan_id: int, reason: str, expected_version: int | None = None
) -> PlanVersion:
    """Start a new draft version from the latest one; the version in effect stays until the
    new one is answered."""
    plan = _locked(user, plan_id, "plans.change_plan", "plan-change-denied")
    _check_version(plan, expected_version)
    version = _new_version(user, plan, reason)
    _audit(user, plan, AuditEvent.Action.CREATE, fields=["version"], detail=f"v{version.number}")
    return version


@transaction.atomic
def plan_review(
    *,
    user: User,
    plan_id: int,
    rung_reconsidered: bool,
    instruments_reconsidered: bool,
    notes: str = "",
    changes_needed: bool,
    expected_version: int | None = None,
) -> PlanReview:
    """Record the periodic review of the plan in effect (PL4).

    When something changes, a new draft version is started from the current one;
    either way the next review is due the municipality's plan review period from today.
    """
    plan = _locked(user, plan_id, "plans.change_plan", "plan-change-denied")
    _check_version(plan, expected_version)
    if plan.current_version_id is None:
        raise ConflictError(_("Only a plan in effect is reviewed."), code="plan-not-in-effect")
    today = clock.today()
    review = PlanReview(
        plan=plan,
        version_id=plan.current_version_id,
        held_on=today,
        rung_reconsidered=rung_reconsidered,
        instruments_reconsidered=instruments_reconsidered,
        notes=(notes or "").strip()[:MAX_TEXT],
        recorded_by=user,
    )
    # The review was held: the next is due a period from today, also while a new
    # version waits for the job seeker's answer (which then sets its own date).
    due = review_due_after(plan, today)
    PlanVersion.objects.filter(pk=plan.current_version_id).update(review_due_on=due)
    plan.review_due_on = due
    _touch(plan, plan.status, "review_due_on")
    if changes_needed:
        review.new_version = _new_version(
            user, plan, _("Review of %(date)s") % {"date": today.strftime("%d-%m-%Y")}
        )
    review.save()
    _audit(
        user,
        plan,
        AuditEvent.Action.UPDATE,
        fields=["reviews"] + (["version"] if changes_needed else ["review_due_on"]),
        detail="review",
    )
    return review


@transaction.atomic
def plan_set_actions_approval(
    *, user: User, plan_id: int, needs_approval: bool, expected_version: int | None = None
) -> Plan:
    """WT1: whether the plan's agreed actions wait for the other party's approval when
    marked done. Applies to actions made from now on; each action keeps its own."""
    plan = _locked(user, plan_id, "plans.change_plan", "plan-change-denied")
    _check_version(plan, expected_version)
    if plan.actions_need_approval != needs_approval:
        plan.actions_need_approval = needs_approval
        _touch(plan, plan.status, "actions_need_approval")
        _audit(user, plan, AuditEvent.Action.UPDATE, fields=["actions_need_approval"])
    return plan
