"""Every read of plans. Views and the API start here; each read is audited.

``plan_list`` and ``plan_get`` scope to what the user may see: caseworkers the
plans of their municipality, a job seeker their own plan with only the versions
shared with them (never a draft).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from werkpad.core.filters import parse_id
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import FILE_ROLES, Role, scope_of, visible_for
from werkpad.plans.models import Plan, PlanComment, PlanReview, PlanStatusChange, PlanVersion
from werkpad.plans.rules import PLAN_VISIBILITY
from werkpad.plans.workflow import SHARED, Status

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

OBJECT_TYPE = "plan"

#: The job seeker's name and login travel with every row; the rest of the file stays.
JOB_SEEKER_FIELDS = (
    "job_seeker__id",
    "job_seeker__first_name",
    "job_seeker__last_name",
    "job_seeker__user",
    "job_seeker__municipality",
    "job_seeker__contact_person",
)


def plan_scope(*, user: User) -> QuerySet[Plan]:
    """The plans this user may see at all, before any filter: the same definition as the
    ``plans.view_plan`` rule (``rules.PLAN_VISIBILITY``)."""
    return Plan.objects.filter(PLAN_VISIBILITY.q(user))


def sees_drafts(user: User, plan: Plan) -> bool:
    return user.has_perm("plans.change_plan", plan)


class _Filters(TypedDict, total=False):
    """The list's query, checked: the keys are ``Plan`` lookups."""

    job_seeker_id: int
    status: str


def _clean_filters(filters: Mapping[str, object] | None) -> _Filters:
    params = filters or {}
    errors: dict[str, list[str]] = {}
    cleaned: _Filters = {}
    raw_job_seeker = str(params.get("jobSeeker") or "").strip()
    if raw_job_seeker:
        job_seeker_id = parse_id(raw_job_seeker)
        if job_seeker_id is not None:
            cleaned["job_seeker_id"] = job_seeker_id
        else:
            errors["jobSeeker"] = [_("Give a job seeker's id (a number).")]
    raw_status = str(params.get("status") or "").strip()
    if raw_status:
        if raw_status in Status.values:
            cleaned["status"] = raw_status
        else:
            errors["status"] = [
                _("Choose one of: %(values)s.") % {"values": ", ".join(Status.values)}
            ]
    if errors:
        raise InvalidInputError(errors)
    return cleaned


def plan_list(
    *, user: User, filters: Mapping[str, object] | None = None, purpose: str = ""
) -> QuerySet[Plan]:
    """The plans the user may see, filtered by ``jobSeeker`` and ``status``; the search is audited."""
    if not user.has_perm("plans.list_plan"):
        raise PermissionDeniedError(code="plan-list-denied")
    cleaned = _clean_filters(filters)
    status = cleaned.pop("status", None)
    queryset = plan_scope(user=user).filter(**cleaned)
    if status is not None:
        if scope_of(user).has(*FILE_ROLES):
            queryset = queryset.filter(status=status)
        else:
            # A job seeker filters on what they see: a new draft hides behind the current version.
            queryset = queryset.filter(
                Q(status=status) & ~Q(status=Status.DRAFT)
                | Q(status=Status.DRAFT, current_version__status=status)
            )
    queryset = (
        queryset.select_related("job_seeker", "current_version")
        .only(
            "id",
            "version",
            "municipality_id",
            "status",
            "latest_number",
            "review_due_on",
            "created_at",
            "updated_at",
            "current_version__id",
            "current_version__number",
            "current_version__status",
            "current_version__kind",
            "current_version__effective_on",
            *JOB_SEEKER_FIELDS,
        )
        .order_by(F("review_due_on").asc(nulls_last=True), "id")
    )
    primary = scope_of(user).primary
    audit_record(
        user=user,
        action=AuditEvent.Action.SEARCH,
        object_type=OBJECT_TYPE,
        purpose=purpose,
        fields=sorted(name for name in ("jobSeeker", "status") if (filters or {}).get(name)),
        job_seeker_id=cleaned.get("job_seeker_id"),
        municipality_id=primary.municipality_id if primary else None,
    )
    return queryset


def _versions(user: User, plan: Plan) -> QuerySet[PlanVersion]:
    versions = plan.versions.select_related("created_by").prefetch_related(
        "instruments",
        Prefetch("history", queryset=PlanStatusChange.objects.select_related("changed_by")),
    )
    if not sees_drafts(user, plan):
        versions = versions.filter(status__in=SHARED)
    return versions.order_by("-number")


class OwnPlanError(PermissionDeniedError):
    """The job seeker's own plan, asked for on the caseworker's pages: they read and answer
    it on their own page (``/mijn/plan/``)."""

    code = "plan-own-page"


#: The permission (``rules.py``) each action on a plan needs: ``plan_get`` with
#: ``for_action`` refuses it before anything is read or audited.
ACTION_PERMISSIONS = {"change": "plans.change_plan"}


def _checked(user: User, queryset: QuerySet[Plan], id: int, for_action: str | None) -> Plan:
    """The one access decision for a plan: 404 for someone who may not see it; for
    ``for_action``, ``OwnPlanError`` for the job seeker whose plan it is and 403 for
    anyone else who may see it but not act."""
    plan = visible_for(
        user,
        queryset.filter(pk=id).first(),
        kind="plan",
        view="plans.view_plan",
        not_found=_("There is no plan you may see here."),
    )
    if for_action is not None and not user.has_perm(ACTION_PERMISSIONS[for_action], plan):
        if user.has_perm("plans.answer_plan", plan):
            raise OwnPlanError()
        raise PermissionDeniedError(code=f"plan-{for_action}-denied")
    return plan


def plan_for_action(*, user: User, id: int, action: str) -> Plan:
    """The plan a button or form acts on, checked before anything is read; not a read in
    the access log (the page shows nothing of it): the service that acts is audited."""
    return _checked(user, plan_scope(user=user).select_related("job_seeker"), id, action)


def plan_get(*, user: User, id: int, purpose: str = "", for_action: str | None = None) -> Plan:
    """One plan with the versions, comments and reviews this user may see; the read is audited.

    With ``for_action`` (a key of ``ACTION_PERMISSIONS``) it is for that action: someone who
    may see the plan but not take it is refused before anything is read (``OwnPlanError``
    for the job seeker whose plan it is). ``plan.shown_versions`` holds the versions newest
    first (a job seeker's without drafts), ``plan.shown`` the newest of them,
    ``plan.shown_comments`` and ``plan.shown_reviews`` the rest.
    """
    plan = _checked(
        user,
        plan_scope(user=user).select_related(
            "job_seeker", "job_seeker__contact_person", "municipality__settings"
        ),
        id,
        for_action,
    )
    plan.shown_versions = list(_versions(user, plan))
    plan.shown = plan.shown_versions[0] if plan.shown_versions else None
    shown_ids = [v.pk for v in plan.shown_versions]
    plan.shown_comments = list(
        PlanComment.objects.filter(plan=plan, version_id__in=shown_ids).select_related(
            "author", "version"
        )
    )
    plan.shown_reviews = list(
        PlanReview.objects.filter(plan=plan).select_related("recorded_by", "version", "new_version")
    )
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        object_id=plan.pk,
        job_seeker_id=plan.job_seeker_id,
        municipality_id=plan.municipality_id,
        purpose=purpose,
        fields=[f.name for f in PlanVersion._meta.concrete_fields],
    )
    return plan


def plan_id_for_job_seeker(*, user: User, job_seeker_id: int) -> int | None:
    """The id of the job seeker's plan if it exists and the user may see it (not a read)."""
    return (
        plan_scope(user=user)
        .filter(job_seeker_id=job_seeker_id)
        .values_list("pk", flat=True)
        .first()
    )


def plan_get_own(*, user: User) -> Plan | None:
    """The plan of the job seeker who is logged in, once one was shared with them."""
    if not scope_of(user).has(Role.JOB_SEEKER):
        raise NotFoundError(code="plan-not-found")
    found = plan_scope(user=user).filter(job_seeker__user_id=user.pk).values_list("pk", flat=True)
    plan_id = found.first()
    if plan_id is None:
        return None
    return plan_get(user=user, id=plan_id, purpose=AuditEvent.Purpose.OWN_PLAN)


def plan_overdue_reviews(*, user: User, limit: int = 5) -> tuple[int, list[Plan]]:
    """Plans in effect of the user's caseload whose review is overdue, most overdue first;
    a job seeker who left the file has no review waiting."""
    overdue = Plan.objects.filter(
        job_seeker__contact_person_id=user.pk,
        job_seeker__left_on__isnull=True,
        municipality_id__in=scope_of(user).municipalities(*FILE_ROLES),
        current_version__isnull=False,
        review_due_on__lt=clock.today(),
    )
    rows = list(
        overdue.select_related("job_seeker")
        .only("id", "review_due_on", *JOB_SEEKER_FIELDS)
        .order_by("review_due_on", "id")[:limit]
    )
    return overdue.count(), rows


@dataclass(frozen=True)
class PlanSummary:
    """Where a job seeker's plan stands, as this user may see it (no content)."""

    id: int
    status: str
    status_label: StrOrPromise
    current_number: int | None
    review_due_on: dt.date | None
    review_overdue: bool
    waiting_for_answer: bool


def plan_summary(*, user: User, job_seeker_id: int) -> PlanSummary | None:
    """The state of the job seeker's plan for the file and the own pages; the read is audited."""
    plan = (
        plan_scope(user=user)
        .select_related("job_seeker", "current_version")
        .filter(job_seeker_id=job_seeker_id)
        .first()
    )
    if plan is None or not user.has_perm("plans.view_plan", plan):
        return None
    status = plan.status
    if status == Status.DRAFT and not sees_drafts(user, plan) and plan.current_version:
        status = plan.current_version.status
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        object_id=plan.pk,
        job_seeker_id=plan.job_seeker_id,
        municipality_id=plan.municipality_id,
        purpose=AuditEvent.Purpose.PLAN_SUMMARY,
        fields=["status", "review_due_on"],
    )
    return PlanSummary(
        id=plan.pk,
        status=status,
        status_label=Status(status).label,
        current_number=plan.current_version.number if plan.current_version else None,
        review_due_on=plan.review_due_on,
        review_overdue=plan.review_overdue(clock.today()),
        waiting_for_answer=status == Status.PROPOSED,
    )
