"""Every read of referrals to vacancies, placements and self-employment routes (MA2-MA4),
scoped to the user and audited in the job seeker's log."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core.audit import audit_record
from werkpad.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from werkpad.core.filters import parse_id
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import scope_of, visible_for
from werkpad.employers.models import Vacancy
from werkpad.employers.workflow import Status as VacancyStatus
from werkpad.grants.models import Grant
from werkpad.grants.models import Status as GrantStatus
from werkpad.jobseekers.models import JobSeeker
from werkpad.placements.models import (
    FollowUp,
    Placement,
    ReferralStatusChange,
    SelfEmploymentRoute,
    VacancyReferral,
)
from werkpad.placements.rules import (
    ADVISOR_ROLES,
    CASEWORKER_ROLES,
    CASEWORKERS,
    PLACEMENT_VISIBILITY,
    REFERRAL_VISIBILITY,
)
from werkpad.placements.workflow import Status

REFERRAL_OBJECT = "vacancy referral"
PLACEMENT_OBJECT = "placement"
ROUTE_OBJECT = "self-employment route"
REFERRAL_RELATED = ("job_seeker", "vacancy__employer__organisation", "referred_by")
PLACEMENT_RELATED = ("job_seeker", "employer__organisation", "vacancy", "referral")


def referral_scope(*, user: User) -> QuerySet[VacancyReferral]:
    """The same definition as the ``placements.view_referral`` rule."""
    return VacancyReferral.objects.filter(REFERRAL_VISIBILITY.q(user))


def placement_scope(*, user: User) -> QuerySet[Placement]:
    """The same definition as the ``placements.view_placement`` rule."""
    return Placement.objects.filter(PLACEMENT_VISIBILITY.q(user))


def _audit(
    *,
    user: User,
    action: str,
    object_type: str,
    purpose: str,
    object_id: object = "",
    job_seeker_id: int | None = None,
    municipality_id: int | None = None,
    fields: list[str] | None = None,
) -> None:
    if municipality_id is None:
        primary = scope_of(user).primary
        municipality_id = primary.municipality_id if primary else None
    audit_record(
        user=user,
        action=action,
        object_type=object_type,
        object_id=object_id,
        job_seeker_id=job_seeker_id,
        municipality_id=municipality_id,
        purpose=purpose,
        fields=fields or [],
    )


def _filters(
    params: Mapping[str, object] | None, statuses: list[str] | None
) -> tuple[Q, int | None]:
    params = params or {}
    errors: dict[str, list[str]] = {}
    query = Q()
    job_seeker_id = None
    raw = str(params.get("jobSeeker") or "").strip()
    if raw:
        job_seeker_id = parse_id(raw)
        if job_seeker_id is None:
            errors["jobSeeker"] = [_("Give a job seeker's id (a number).")]
        else:
            query &= Q(job_seeker_id=job_seeker_id)
    status = str(params.get("status") or "").strip()
    if status and statuses is not None:
        wanted = [s for s in status.split(",") if s]
        if set(wanted) - set(statuses):
            errors["status"] = [_("Unknown status.")]
        else:
            query &= Q(status__in=wanted)
    if errors:
        raise InvalidInputError(errors)
    return query, job_seeker_id


def referral_list(
    *, user: User, filters: Mapping[str, object] | None = None, purpose: str = ""
) -> QuerySet[VacancyReferral]:
    """The referrals the user sees, the newest first (filters: job seeker, status)."""
    if not user.has_perm("placements.list_referral"):
        raise PermissionDeniedError(code="vacancy-referral-list-denied")
    query, job_seeker_id = _filters(filters, list(Status.values))
    _audit(
        user=user,
        action=AuditEvent.Action.SEARCH,
        object_type=REFERRAL_OBJECT,
        purpose=purpose,
        job_seeker_id=job_seeker_id,
    )
    return referral_scope(user=user).filter(query).select_related(*REFERRAL_RELATED)


REFERRAL_PERMISSIONS = {"result": "placements.record_result"}


def referral_get(
    *, user: User, id: int, purpose: str = "", for_action: str | None = None
) -> VacancyReferral:
    referral = visible_for(
        user,
        referral_scope(user=user).select_related(*REFERRAL_RELATED).filter(pk=id).first(),
        kind="vacancy-referral",
        view="placements.view_referral",
        actions=REFERRAL_PERMISSIONS,
        for_action=for_action,
    )
    _audit(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=REFERRAL_OBJECT,
        purpose=purpose,
        object_id=referral.pk,
        job_seeker_id=referral.job_seeker_id,
        municipality_id=referral.municipality_id,
    )
    return referral


def referral_history(*, referral: VacancyReferral) -> QuerySet[ReferralStatusChange]:
    return referral.history.select_related("changed_by")


def placement_list(
    *, user: User, filters: Mapping[str, object] | None = None, purpose: str = ""
) -> QuerySet[Placement]:
    """The placements the user sees, the latest start first (filter: job seeker)."""
    if not user.has_perm("placements.list_placement"):
        raise PermissionDeniedError(code="placement-list-denied")
    query, job_seeker_id = _filters(filters, None)
    _audit(
        user=user,
        action=AuditEvent.Action.SEARCH,
        object_type=PLACEMENT_OBJECT,
        purpose=purpose,
        job_seeker_id=job_seeker_id,
    )
    return (
        placement_scope(user=user)
        .filter(query)
        .select_related(*PLACEMENT_RELATED)
        .prefetch_related(Prefetch("follow_ups", queryset=FollowUp.objects.order_by("due_on")))
    )


PLACEMENT_PERMISSIONS = {"follow_up": "placements.follow_up"}


def placement_get(
    *, user: User, id: int, purpose: str = "", for_action: str | None = None
) -> Placement:
    placement = visible_for(
        user,
        placement_scope(user=user)
        .select_related(*PLACEMENT_RELATED, "created_by")
        .prefetch_related("follow_ups__done_by", "grants__instrument")
        .filter(pk=id)
        .first(),
        kind="placement",
        view="placements.view_placement",
        actions=PLACEMENT_PERMISSIONS,
        for_action=for_action,
    )
    _audit(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=PLACEMENT_OBJECT,
        purpose=purpose,
        object_id=placement.pk,
        job_seeker_id=placement.job_seeker_id,
        municipality_id=placement.municipality_id,
    )
    return placement


def own_placements(*, user: User, job_seeker_id: int) -> list[Placement]:
    """The job seeker's own placements with their follow-ups, for /mijn/; not audited:
    the job seeker reads their own."""
    return list(
        placement_scope(user=user)
        .filter(job_seeker_id=job_seeker_id)
        .select_related("employer__organisation")
        .prefetch_related("follow_ups")
    )


def job_seeker_placements(
    *, user: User, job_seeker_id: int, purpose: str = ""
) -> tuple[list[VacancyReferral], list[Placement], list[SelfEmploymentRoute]]:
    """The referrals, placements and self-employment routes on one file, for its section."""
    if not scope_of(user).has(*CASEWORKER_ROLES):
        return [], [], []
    referrals = list(
        referral_scope(user=user)
        .filter(job_seeker_id=job_seeker_id)
        .select_related(*REFERRAL_RELATED)
    )
    placements = list(
        placement_scope(user=user)
        .filter(job_seeker_id=job_seeker_id)
        .select_related(*PLACEMENT_RELATED)
    )
    routes = list(
        SelfEmploymentRoute.objects.filter(CASEWORKERS.q(user), job_seeker_id=job_seeker_id)
    )
    if referrals or placements or routes:
        _audit(
            user=user,
            action=AuditEvent.Action.SEARCH,
            object_type=PLACEMENT_OBJECT,
            purpose=purpose,
            job_seeker_id=job_seeker_id,
            fields=["jobSeeker"],
        )
    return referrals, placements, routes


def vacancies_to_refer_to(*, user: User, job_seeker: JobSeeker) -> QuerySet[Vacancy]:
    """The open vacancies of the job seeker's municipality the user may refer to."""
    scope = scope_of(user)
    query = Q(municipality_id__in=scope.municipalities(*CASEWORKER_ROLES)) | Q(
        employer__municipality_id__in=scope.municipalities(*ADVISOR_ROLES)
    )
    return (
        Vacancy.objects.filter(query, municipality_id=job_seeker.municipality_id)
        .filter(status__in=[VacancyStatus.RECEIVED, VacancyStatus.IN_PROGRESS])
        .select_related("employer__organisation")
        .order_by("title", "pk")
    )


def open_referrals_of(*, user: User, job_seeker_id: int) -> QuerySet[VacancyReferral]:
    """The job seeker's referrals still waiting for an answer: a placement can come of one."""
    return (
        referral_scope(user=user)
        .filter(job_seeker_id=job_seeker_id, status__in=[Status.PENDING, Status.INVITED])
        .select_related("vacancy__employer__organisation")
    )


def usable_grants(*, job_seeker_id: int) -> QuerySet[Grant]:
    """The job seeker's grants in force: a placement names those it uses."""
    return Grant.objects.filter(
        job_seeker_id=job_seeker_id, status=GrantStatus.GRANTED
    ).select_related("instrument")


def positions_filled(*, vacancy: Vacancy) -> bool:
    """Whether the vacancy's positions are all taken by placements."""
    taken = Placement.objects.filter(vacancy=vacancy).aggregate(n=Count("id"))["n"]
    return bool(taken >= vacancy.positions)


def route_list(*, user: User, job_seeker_id: int) -> QuerySet[SelfEmploymentRoute]:
    return SelfEmploymentRoute.objects.filter(CASEWORKERS.q(user), job_seeker_id=job_seeker_id)


def route_get(*, user: User, id: int) -> SelfEmploymentRoute:
    route = SelfEmploymentRoute.objects.filter(CASEWORKERS.q(user), pk=id).first()
    if route is None:
        raise NotFoundError(code="self-employment-route-not-found")
    return route


def job_seeker_to_act_on(
    *, user: User, job_seeker_id: int, permission: str, purpose: str = ""
) -> JobSeeker:
    """The job seeker a referral or placement form is for: 404 for one the user may not
    act on; the read of the name is audited."""
    job_seeker = JobSeeker.objects.filter(pk=job_seeker_id).first()
    if job_seeker is None or not user.has_perm(permission, job_seeker):
        raise NotFoundError(code="jobseeker-not-found")
    _audit(
        user=user,
        action=AuditEvent.Action.READ,
        object_type="jobseeker",
        purpose=purpose,
        object_id=job_seeker.pk,
        job_seeker_id=job_seeker.pk,
        municipality_id=job_seeker.municipality_id,
        fields=["first_name", "last_name", "education_level"],
    )
    return job_seeker


def follow_up_get(*, user: User, placement: Placement, follow_up_id: int) -> FollowUp:
    follow_up = placement.follow_ups.filter(pk=follow_up_id).first()
    if follow_up is None:
        raise NotFoundError(code="follow-up-not-found")
    return follow_up
