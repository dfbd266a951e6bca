"""Every write on referrals to vacancies, placements, their follow-ups and the
self-employment route (MA2-MA4): one transaction each, the row locked, the history and
the audit row in it.

A referral to a vacancy of an employer affiliated with the provider of the job seeker's
running trajectory is a conflict of interest (``providers.selectors.provider_conflicts``):
it is recorded with the reason and allowed once who refers confirms having seen it.

A placement's hourly wage is checked against the statutory minimum wage for the person's
age on the start date (``core.minimum_wage.assess_wage``). A wage below it is refused
unless a wage-cost subsidy granted to the job seeker is among the grants the placement
uses; then it is recorded as below the minimum with the subsidy. A start date after the
table waits for the rate and is checked again when it is entered (``wage_check``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.deadlines import add_months
from werkpad.core.errors import (
    ConflictError,
    DomainError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.lifecycle import begin, transition
from werkpad.core.minimum_wage import (
    MinimumWageUnknownError,
    WageCheck,
    assess_wage,
    below_minimum_error,
)
from werkpad.core.models import AuditEvent
from werkpad.employers.models import Employer, Vacancy
from werkpad.employers.workflow import Status as VacancyStatus
from werkpad.grants.models import WAGE_COST_SUBSIDY_TYPES, Grant
from werkpad.grants.models import Status as GrantStatus
from werkpad.jobseekers.models import JobSeeker
from werkpad.placements.models import (
    FOLLOW_UP_MONTHS,
    ContractType,
    FollowUp,
    Placement,
    SelfEmploymentRoute,
    VacancyReferral,
)
from werkpad.placements.selectors import positions_filled
from werkpad.placements.workflow import LIFECYCLE, OPEN, STEPS, Status
from werkpad.providers.selectors import provider_conflicts
from werkpad.trajectories.models import Trajectory
from werkpad.trajectories.workflow import RUNNING

REFERRAL_OBJECT = "vacancy referral"
PLACEMENT_OBJECT = "placement"
ROUTE_OBJECT = "self-employment route"


def _job_seeker(*, user: User, job_seeker_id: int, permission: str, code: str) -> JobSeeker:
    """A job seeker of a municipality the user works for: 404 when not, 403 when the
    user may see them but not take this step."""
    job_seeker = JobSeeker.objects.filter(pk=job_seeker_id).first()
    if job_seeker is None or not (
        user.has_perm("jobseekers.view_jobseeker", job_seeker)
        or user.has_perm(permission, job_seeker)
    ):
        raise NotFoundError(code="jobseeker-not-found")
    if not user.has_perm(permission, job_seeker):
        raise PermissionDeniedError(code=code)
    return job_seeker


def _stale(obj: Any, expected_version: int | None) -> None:
    if expected_version is not None and obj.version != expected_version:
        raise StaleEditError(current_version=obj.version)


def _bump(obj: Any) -> None:
    obj.version += 1
    obj.updated_at = clock.now()


# --- referrals to vacancies (MA2) -----------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    """The conflict of interest of a referral, with its reason ('' when none)."""

    found: bool
    reason: str


def referral_conflict(*, job_seeker: JobSeeker, vacancy: Vacancy) -> Conflict:
    """Whether the vacancy's employer is affiliated with the provider of the job
    seeker's running trajectory (or one of its subcontractors)."""
    if vacancy.employer_id is None:
        return Conflict(False, "")
    organisation = vacancy.employer.organisation  # type: ignore[union-attr]
    messages: list[str] = []
    trajectories = Trajectory.objects.filter(
        job_seeker=job_seeker, status__in=RUNNING
    ).select_related("provider")
    for trajectory in trajectories:
        messages.extend(
            c.message
            for c in provider_conflicts(provider=trajectory.provider, organisation=organisation)
        )
    return Conflict(bool(messages), " ".join(dict.fromkeys(messages)))


@transaction.atomic
def referral_create(
    *,
    user: User,
    job_seeker_id: int,
    vacancy_id: int | None,
    support: str = "",
    conflict_confirmed: bool = False,
    referred_on: dt.date | None = None,
) -> VacancyReferral:
    """Refer a job seeker actively to an open vacancy (a caseworker, or an employer
    advisor of the employer's municipality), with the application support given."""
    job_seeker = _job_seeker(
        user=user,
        job_seeker_id=job_seeker_id,
        permission="placements.refer",
        code="vacancy-referral-create-denied",
    )
    vacancy = (
        Vacancy.objects.select_related("employer__organisation").filter(pk=vacancy_id).first()
        if vacancy_id is not None
        else None
    )
    errors: dict[str, list[str]] = {}
    if (
        vacancy is None
        or vacancy.municipality_id != job_seeker.municipality_id
        or not user.has_perm("placements.refer_to_vacancy", vacancy)
    ):
        errors["vacancy"] = [_("Choose an open vacancy of the municipality.")]
    elif vacancy.status not in (VacancyStatus.RECEIVED, VacancyStatus.IN_PROGRESS):
        errors["vacancy"] = [_("This vacancy is no longer open for referrals.")]
    elif VacancyReferral.objects.filter(
        job_seeker=job_seeker, vacancy=vacancy, status__in=OPEN
    ).exists():
        errors["vacancy"] = [_("This job seeker is already referred to this vacancy.")]
    today = clock.today()
    referred_on = referred_on or today
    if referred_on > today:
        errors["referred_on"] = [_("A referral cannot be dated in the future.")]
    if errors:
        raise InvalidInputError(errors)
    assert vacancy is not None
    conflict = referral_conflict(job_seeker=job_seeker, vacancy=vacancy)
    if conflict.found and not conflict_confirmed:
        raise InvalidInputError(
            {
                "conflict_confirmed": [
                    _(
                        "This referral is a conflict of interest: %(reason)s Confirm that you "
                        "have seen this before you refer."
                    )
                    % {"reason": conflict.reason}
                ]
            },
            codes={"conflict_confirmed": "conflict-of-interest"},
        )
    referral = VacancyReferral.objects.create(
        municipality_id=job_seeker.municipality_id,
        job_seeker=job_seeker,
        vacancy=vacancy,
        referred_on=referred_on,
        referred_by=user,
        support=support.strip(),
        conflict_of_interest=conflict.found,
        conflict_reason=conflict.reason,
        conflict_confirmed=conflict.found and conflict_confirmed,
    )
    begin(referral, Status.PENDING, user=user)
    audit_record(
        user=user,
        action=AuditEvent.Action.CREATE,
        object_type=REFERRAL_OBJECT,
        object_id=referral.pk,
        job_seeker_id=job_seeker.pk,
        municipality_id=job_seeker.municipality_id,
        fields=["vacancy", "support", "conflict_of_interest"],
        detail="conflict of interest, confirmed" if conflict.found else "",
    )
    return referral


def _locked_referral(*, user: User, referral_id: int) -> VacancyReferral:
    referral = (
        VacancyReferral.objects.select_for_update(of=("self",))
        .select_related("vacancy__employer")
        .filter(pk=referral_id)
        .first()
    )
    if referral is None or not user.has_perm("placements.view_referral", referral):
        raise NotFoundError(code="vacancy-referral-not-found")
    return referral


@transaction.atomic
def referral_result(
    *,
    user: User,
    referral_id: int,
    step: str,
    reason: str = "",
    support: str | None = None,
    expected_version: int | None = None,
) -> VacancyReferral:
    """Record the employer's answer: invited, rejected or withdrawn (with the reason).
    Hired is recorded with the placement (``placement_create``)."""
    referral = _locked_referral(user=user, referral_id=referral_id)
    if not user.has_perm("placements.record_result", referral):
        raise PermissionDeniedError(code="vacancy-referral-result-denied")
    _stale(referral, expected_version)
    if step not in STEPS:
        raise InvalidInputError({"step": [_("Choose invited, rejected or withdrawn.")]})
    transition(referral, STEPS[step], lifecycle=LIFECYCLE, user=user, reason=reason)
    if support is not None and support.strip():
        referral.support = support.strip()
    _bump(referral)
    referral.save()
    audit_record(
        user=user,
        action=AuditEvent.Action.UPDATE,
        object_type=REFERRAL_OBJECT,
        object_id=referral.pk,
        job_seeker_id=referral.job_seeker_id,
        municipality_id=referral.municipality_id,
        fields=["status", *(["support"] if support else [])],
        detail=f"result: {referral.status}",
    )
    return referral


# --- placements (MA3, MA4) -------------------------------------------------------------


@dataclass(frozen=True)
class PlacementInput:
    start_date: dt.date | None
    contract_type: str
    hours_per_week: Decimal | None
    hourly_wage: Decimal | None
    job_title: str = ""
    employer_id: int | None = None
    employer_name: str = ""
    vacancy_id: int | None = None
    referral_id: int | None = None
    self_found: bool = False
    grant_ids: Sequence[int] = ()
    aftercare_plan: str = ""
    job_coach_schedule: str = ""
    next_contact_on: dt.date | None = None


@dataclass(frozen=True)
class PlacementResult:
    placement: Placement
    #: The vacancy's positions are all taken now: the employer service may close it.
    vacancy_filled: bool = False


def wage_check_of(
    *, job_seeker: JobSeeker, hourly_wage: Decimal, start_date: dt.date, grants: Sequence[Grant]
) -> dict[str, Any]:
    """The wage-check fields of a placement, or the refusal of a wage under the minimum
    without a wage-cost subsidy among the grants used."""
    age = job_seeker.age_on(start_date)
    try:
        assessment = assess_wage(hourly_wage=hourly_wage, age=age, on=start_date)
    except MinimumWageUnknownError as error:
        raise MinimumWageUnknownError(error.message, field="start_date") from error
    subsidised = any(g.instrument.type in WAGE_COST_SUBSIDY_TYPES for g in grants)
    if assessment.check == WageCheck.BELOW_MINIMUM and not subsidised:
        assert assessment.minimum is not None
        refusal = below_minimum_error(
            hourly_wage=hourly_wage, minimum=assessment.minimum, age=age, on=start_date
        )
        raise DomainError(
            f"{refusal.message} "
            + _(
                "A lower wage is possible only with a wage-cost subsidy granted to the job "
                "seeker: grant it and name it among the grants used."
            ),
            code="below-minimum-wage",
            field="hourly_wage",
        )
    return {
        "wage_check": assessment.check,
        "minimum_wage": assessment.minimum,
        "below_minimum_with_subsidy": assessment.check == WageCheck.BELOW_MINIMUM,
    }


def _check_placement(data: PlacementInput) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if data.start_date is None:
        errors["start_date"] = [_("Give the start date.")]
    elif data.start_date > add_months(clock.today(), 6):
        errors["start_date"] = [_("Record a placement at most six months before it starts.")]
    if data.contract_type not in ContractType.values:
        errors["contract_type"] = [_("Choose the kind of contract.")]
    if data.hours_per_week is None or not Decimal("0.5") <= data.hours_per_week <= 60:
        errors["hours_per_week"] = [_("Give the hours per week, between 0.5 and 60.")]
    if data.hourly_wage is None or data.hourly_wage <= 0 or data.hourly_wage >= 10000:
        errors["hourly_wage"] = [_("Give the gross hourly wage in euro, for example 14.40.")]
    return errors


@transaction.atomic
def placement_create(*, user: User, job_seeker_id: int, data: PlacementInput) -> PlacementResult:
    """Record that a job seeker started work (a caseworker of the municipality): from a
    referral (which becomes hired), with a registered employer, or a self-found job with
    the employer's name. The follow-ups at 6 and 12 months are made with it."""
    job_seeker = _job_seeker(
        user=user,
        job_seeker_id=job_seeker_id,
        permission="placements.add_placement",
        code="placement-create-denied",
    )
    errors = _check_placement(data)
    referral = None
    vacancy = None
    employer = None
    if data.referral_id is not None:
        referral = (
            VacancyReferral.objects.select_for_update(of=("self",))
            .select_related("vacancy__employer__organisation")
            .filter(pk=data.referral_id, job_seeker=job_seeker)
            .first()
        )
        if referral is None:
            errors["referral"] = [_("Choose one of this job seeker's referrals.")]
        elif referral.status not in OPEN:
            errors["referral"] = [_("This referral has its result already.")]
        else:
            vacancy = referral.vacancy
            employer = vacancy.employer
    elif data.vacancy_id is not None:
        vacancy = (
            Vacancy.objects.select_related("employer__organisation")
            .filter(pk=data.vacancy_id, municipality_id=job_seeker.municipality_id)
            .first()
        )
        if vacancy is None:
            errors["vacancy"] = [_("Choose a vacancy of the municipality.")]
        else:
            employer = vacancy.employer
    if employer is None and data.employer_id is not None:
        employer = (
            Employer.objects.select_related("organisation")
            .filter(pk=data.employer_id, municipality_id=job_seeker.municipality_id)
            .first()
        )
        if employer is None:
            errors["employer"] = [_("Choose an employer of the municipality's register.")]
    employer_name = data.employer_name.strip()
    if vacancy is not None and employer is None:
        employer_name = employer_name or vacancy.employer_name
    if employer is None and not employer_name and "employer" not in errors:
        errors["employer_name"] = [
            _("Name the employer, or choose one of the register or a referral.")
        ]
    job_title = data.job_title.strip() or (vacancy.title if vacancy is not None else "")
    if not job_title:
        errors["job_title"] = [_("Name the job.")]
    grants = list(
        Grant.objects.select_related("instrument").filter(
            pk__in=list(data.grant_ids), job_seeker=job_seeker, status=GrantStatus.GRANTED
        )
    )
    if len(grants) != len(set(data.grant_ids)):
        errors["grants"] = [_("Choose grants in force of this job seeker.")]
    if errors:
        raise InvalidInputError(errors)
    assert data.start_date is not None and data.hourly_wage is not None
    assert data.hours_per_week is not None
    wage = wage_check_of(
        job_seeker=job_seeker,
        hourly_wage=data.hourly_wage,
        start_date=data.start_date,
        grants=grants,
    )
    placement = Placement.objects.create(
        municipality_id=job_seeker.municipality_id,
        job_seeker=job_seeker,
        employer=employer,
        employer_name="" if employer is not None else employer_name,
        vacancy=vacancy,
        referral=referral,
        self_found=data.self_found,
        job_title=job_title[:200],
        start_date=data.start_date,
        contract_type=data.contract_type,
        hours_per_week=data.hours_per_week,
        hourly_wage=data.hourly_wage,
        aftercare_plan=data.aftercare_plan.strip(),
        job_coach_schedule=data.job_coach_schedule.strip(),
        next_contact_on=data.next_contact_on,
        created_by=user,
        **wage,
    )
    placement.grants.set(grants)
    FollowUp.objects.bulk_create(
        FollowUp(placement=placement, months=m, due_on=add_months(data.start_date, m))
        for m in FOLLOW_UP_MONTHS
    )
    if referral is not None:
        transition(referral, Status.HIRED, lifecycle=LIFECYCLE, user=user)
        _bump(referral)
        referral.save()
        audit_record(
            user=user,
            action=AuditEvent.Action.UPDATE,
            object_type=REFERRAL_OBJECT,
            object_id=referral.pk,
            job_seeker_id=job_seeker.pk,
            municipality_id=job_seeker.municipality_id,
            fields=["status"],
            detail="result: hired",
        )
    audit_record(
        user=user,
        action=AuditEvent.Action.CREATE,
        object_type=PLACEMENT_OBJECT,
        object_id=placement.pk,
        job_seeker_id=job_seeker.pk,
        municipality_id=job_seeker.municipality_id,
        fields=[
            "employer",
            "start_date",
            "contract_type",
            "hours_per_week",
            "hourly_wage",
            "grants",
            "aftercare_plan",
        ],
        detail=f"wage check: {wage['wage_check']}"
        + (" with a wage-cost subsidy" if wage["below_minimum_with_subsidy"] else ""),
    )
    return PlacementResult(
        placement=placement,
        vacancy_filled=vacancy is not None and positions_filled(vacancy=vacancy),
    )


@transaction.atomic
def follow_up_record(
    *,
    user: User,
    placement_id: int,
    months: int,
    still_in_work: bool | None,
    working_for: str = "",
    notes: str = "",
    next_contact_on: dt.date | None = None,
) -> FollowUp:
    """Record a follow-up: still in work, with whom, notes (a caseworker)."""
    placement = Placement.objects.filter(pk=placement_id).first()
    if placement is None or not user.has_perm("placements.view_placement", placement):
        raise NotFoundError(code="placement-not-found")
    if not user.has_perm("placements.follow_up", placement):
        raise PermissionDeniedError(code="placement-follow-up-denied")
    follow_up = (
        FollowUp.objects.select_for_update().filter(placement=placement, months=months).first()
    )
    if follow_up is None:
        raise NotFoundError(code="follow-up-not-found")
    if follow_up.done:
        raise ConflictError(_("This follow-up is recorded already."), code="follow-up-done")
    errors: dict[str, list[str]] = {}
    if still_in_work is None:
        errors["still_in_work"] = [_("Say whether the person is still in work.")]
    elif still_in_work and not working_for.strip():
        errors["working_for"] = [_("Say with whom the person works.")]
    if errors:
        raise InvalidInputError(errors)
    follow_up.still_in_work = still_in_work
    follow_up.working_for = working_for.strip()[:200]
    follow_up.notes = notes.strip()
    follow_up.done_on = clock.today()
    follow_up.done_by = user
    follow_up.save()
    if next_contact_on is not None:
        placement.next_contact_on = next_contact_on
        _bump(placement)
        placement.save(update_fields=["next_contact_on", "version", "updated_at"])
    audit_record(
        user=user,
        action=AuditEvent.Action.UPDATE,
        object_type=PLACEMENT_OBJECT,
        object_id=placement.pk,
        job_seeker_id=placement.job_seeker_id,
        municipality_id=placement.municipality_id,
        fields=["still_in_work", "working_for", "notes"],
        detail=f"follow-up after {months} months",
    )
    return follow_up


@transaction.atomic
def self_employment_route_create(
    *,
    user: User,
    job_seeker_id: int,
    information_given_on: dt.date | None,
    bbz_referred_on: dt.date | None = None,
    notes: str = "",
    outcome: str = SelfEmploymentRoute.Outcome.OPEN,
) -> SelfEmploymentRoute:
    """Record the route to self-employment (MA4): information given, the referral to the
    Bbz desk, and how it ended (a caseworker)."""
    job_seeker = _job_seeker(
        user=user,
        job_seeker_id=job_seeker_id,
        permission="placements.self_employment",
        code="self-employment-route-create-denied",
    )
    errors: dict[str, list[str]] = {}
    today = clock.today()
    if information_given_on is None:
        errors["information_given_on"] = [_("Give the date the information was given.")]
    elif information_given_on > today:
        errors["information_given_on"] = [_("This date cannot be in the future.")]
    if bbz_referred_on is not None and (
        bbz_referred_on > today
        or (information_given_on is not None and bbz_referred_on < information_given_on)
    ):
        errors["bbz_referred_on"] = [
            _("The referral to the Bbz desk lies between the information and today.")
        ]
    if outcome not in SelfEmploymentRoute.Outcome.values:
        errors["outcome"] = [_("Choose an outcome.")]
    if errors:
        raise InvalidInputError(errors)
    assert information_given_on is not None
    route = SelfEmploymentRoute.objects.create(
        municipality_id=job_seeker.municipality_id,
        job_seeker=job_seeker,
        information_given_on=information_given_on,
        bbz_referred_on=bbz_referred_on,
        notes=notes.strip(),
        outcome=outcome,
        created_by=user,
    )
    audit_record(
        user=user,
        action=AuditEvent.Action.CREATE,
        object_type=ROUTE_OBJECT,
        object_id=route.pk,
        job_seeker_id=job_seeker.pk,
        municipality_id=job_seeker.municipality_id,
        fields=["information_given_on", "bbz_referred_on", "notes", "outcome"],
    )
    return route
