"""Every write on a job seeker's file: one transaction each, audited in it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.models import AuditEvent, Municipality
from werkpad.core.permissions import Role, scope_of
from werkpad.jobseekers.models import (
    JobSeeker,
    LadderRungChange,
    LeaveReason,
    is_forbidden_attribute,
)
from werkpad.jobseekers.notifications import notify_contact_person
from werkpad.jobseekers.selectors import OBJECT_TYPE, jobseeker_scope

#: The fields a caseworker may set; everything else is managed by werkpad.
EDITABLE_FIELDS = frozenset(
    {
        "bsn",
        "first_name",
        "last_name",
        "birth_date",
        "gender",
        "email",
        "phone",
        "postcode",
        "city",
        "education_level",
        "work_experience",
        "work_experience_years",
        "benefit_type",
        "unemployed_since",
        "ladder_rung",
        "labour_disability",
        "sheltered_work",
        "contact_person",
        "wishes",
        "knowledge",
        "skills",
        "possibilities",
        "limitations",
        "competence_test_results",
        "prefers_no_group_activities",
        "coach_preference",
        "attention_older",
        "attention_higher_educated",
        "attention_psychological",
        "uwv_registered",
        "uwv_registration_help",
    }
)


def _check_fields(data: Mapping[str, Any]) -> None:
    forbidden = sorted(name for name in data if is_forbidden_attribute(name))
    if forbidden:
        raise InvalidInputError(
            {name: [_("werkpad never records this kind of data.")] for name in forbidden}
        )
    unknown = sorted(set(data) - EDITABLE_FIELDS)
    if unknown:
        raise InvalidInputError({name: [_("Unknown field.")] for name in unknown})


def _validate(job_seeker: JobSeeker) -> None:
    try:
        # Constraints are the database's (rung) and the query below (BSN); checking
        # them here would cost two queries per row of an import.
        job_seeker.full_clean(
            exclude=["user", "municipality"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        raise InvalidInputError(error.message_dict) from error
    duplicate = JobSeeker.objects.filter(
        municipality_id=job_seeker.municipality_id, bsn=job_seeker.bsn
    ).exclude(pk=job_seeker.pk)
    if duplicate.exists():
        raise InvalidInputError({"bsn": [_("A job seeker with this BSN is already registered.")]})


def _check_contact_person(job_seeker: JobSeeker) -> None:
    person = job_seeker.contact_person
    if person is not None and job_seeker.municipality_id not in scope_of(person).municipalities(
        "caseworker"
    ):
        raise InvalidInputError(
            {
                "contact_person": [
                    _("The contact person must be a caseworker of the job seeker's municipality.")
                ]
            }
        )


def _save(job_seeker: JobSeeker) -> None:
    """Save; two registrations of one BSN at the same moment end in a clear refusal."""
    try:
        with transaction.atomic():
            job_seeker.save()
    except IntegrityError as error:
        raise InvalidInputError(
            {"bsn": [_("A job seeker with this BSN is already registered.")]}
        ) from error


def _check_handover(user: User, job_seeker: JobSeeker, new_person: User | int | None) -> None:
    """Only the contact person hands a file over, so that nobody makes themselves
    contact person to read its special-category items. A file whose contact
    person is gone (none, or no longer a caseworker there) may be taken by any
    caseworker of the municipality.
    """
    current = job_seeker.contact_person
    new_id = getattr(new_person, "pk", new_person)
    if current is None or current.pk == new_id or current.pk == user.pk:
        return
    if job_seeker.municipality_id not in scope_of(current).municipalities(Role.CASEWORKER):
        return
    raise PermissionDeniedError(
        _("Only the contact person hands this file over to another caseworker."),
        code="jobseeker-handover-denied",
    )


def _append_rung_change(
    job_seeker: JobSeeker, *, from_rung: int | None, user: User, reason: str
) -> LadderRungChange:
    """The ladder history gains the file's current rung: appended, never edited."""
    return LadderRungChange.objects.create(
        job_seeker=job_seeker,
        from_rung=from_rung,
        to_rung=job_seeker.ladder_rung,
        changed_by=user,
        reason=reason[:300],
    )


@transaction.atomic
def jobseeker_create(
    *, user: User, municipality: Municipality, data: Mapping[str, Any], rung_reason: str = "intake"
) -> JobSeeker:
    if not user.has_perm("jobseekers.add_jobseeker") or municipality.pk not in scope_of(
        user
    ).municipalities("caseworker"):
        raise PermissionDeniedError(code="jobseeker-create-denied")
    _check_fields(data)
    job_seeker = JobSeeker(municipality=municipality, **data)
    if job_seeker.contact_person_id is None and "contact_person" not in data:
        job_seeker.contact_person = user
    if job_seeker.contact_person_id != user.pk and any(
        data.get(name) for name in JobSeeker.RESTRICTED_FIELDS
    ):
        raise PermissionDeniedError(
            _("Only the contact person records special-category items."),
            code="jobseeker-restricted",
        )
    _validate(job_seeker)
    _check_contact_person(job_seeker)
    _save(job_seeker)
    _append_rung_change(job_seeker, from_rung=None, user=user, reason=rung_reason)
    audit_record(
        user=user,
        action=AuditEvent.Action.CREATE,
        object_type=OBJECT_TYPE,
        object_id=job_seeker.pk,
        job_seeker_id=job_seeker.pk,
        municipality_id=municipality.pk,
        fields=data.keys(),
    )
    notify_contact_person(job_seeker, actor=user)
    return job_seeker


@transaction.atomic
def jobseeker_update(
    *,
    user: User,
    job_seeker_id: int,
    expected_version: int,
    data: Mapping[str, Any],
    rung_reason: str = "",
) -> JobSeeker:
    """Change a file. Refused when someone else changed it since ``expected_version``.

    A new rung is appended to the ladder history with ``rung_reason``.
    """
    job_seeker = _locked_for_change(user, job_seeker_id, expected_version)
    _check_fields(data)
    if not user.has_perm("jobseekers.view_restricted", job_seeker):
        restricted = sorted(set(data) & set(JobSeeker.RESTRICTED_FIELDS))
        if restricted:
            raise PermissionDeniedError(
                _("Only the contact person changes special-category items."),
                code="jobseeker-restricted",
            )
    if "contact_person" in data:
        _check_handover(user, job_seeker, data["contact_person"])
    old_rung = job_seeker.ladder_rung
    changed = []
    for name, value in data.items():
        field = JobSeeker._meta.get_field(name)
        assert isinstance(field, models.Field)  # an editable field is a column
        current = getattr(job_seeker, field.attname if name == "contact_person" else name)
        new = value.pk if name == "contact_person" and value is not None else value
        if current != new:
            setattr(job_seeker, name, value)
            changed.append(name)
    if not changed:
        return job_seeker
    _validate(job_seeker)
    if "contact_person" in changed:
        _check_contact_person(job_seeker)
    job_seeker.version += 1
    job_seeker.updated_at = clock.now()
    _save(job_seeker)
    if job_seeker.ladder_rung != old_rung:
        _append_rung_change(job_seeker, from_rung=old_rung, user=user, reason=rung_reason)
    audit_record(
        user=user,
        action=AuditEvent.Action.UPDATE,
        object_type=OBJECT_TYPE,
        object_id=job_seeker.pk,
        job_seeker_id=job_seeker.pk,
        municipality_id=job_seeker.municipality_id,
        fields=changed,
    )
    if "contact_person" in changed:
        notify_contact_person(job_seeker, actor=user)
    return job_seeker


@transaction.atomic
def jobseeker_rung_change(
    *, user: User, job_seeker_id: int, to_rung: int, reason: str
) -> LadderRungChange | None:
    """A rung found outside the file, such as at the end of a trajectory (TR5).

    The file takes the new rung and the ladder history gains the step, as in
    ``jobseeker_update``; the same rung again changes nothing. For other
    services: the caller has checked the user's right to report the rung (the
    coach writes the end report) and runs this in its own transaction.
    """
    job_seeker = JobSeeker.objects.select_for_update().filter(pk=job_seeker_id).first()
    if job_seeker is None:
        raise NotFoundError(code="jobseeker-not-found")
    if job_seeker.ladder_rung == to_rung:
        return None
    old_rung = job_seeker.ladder_rung
    job_seeker.ladder_rung = to_rung
    _save_change(user, job_seeker, ["ladder_rung"], detail=reason)
    return _append_rung_change(job_seeker, from_rung=old_rung, user=user, reason=reason)


@transaction.atomic
def jobseeker_profile_review(*, user: User, job_seeker_id: int, expected_version: int) -> JobSeeker:
    """Record that the profile was reviewed with the job seeker today (JS1: kept current)."""
    job_seeker = _locked_for_change(user, job_seeker_id, expected_version)
    job_seeker.profile_reviewed_on = clock.today()
    _save_change(user, job_seeker, ["profile_reviewed_on"], detail="profile reviewed")
    return job_seeker


# --- outflow: leaving the file and coming back ----------------------------------------

#: A check another app registers (from its ``AppConfig.ready``) that may refuse an
#: outflow: called with the locked job seeker and the day they leave; it raises a
#: ``DomainError`` to refuse. Trajectories refuses while one is still open.
LeaveCheck = Callable[[JobSeeker, dt.date], None]
_LEAVE_CHECKS: dict[str, LeaveCheck] = {}


def register_leave_check(name: str, check: LeaveCheck) -> None:
    """Called from an app's ``AppConfig.ready``; registering again replaces."""
    _LEAVE_CHECKS[name] = check


def _locked_for_change(user: User, job_seeker_id: int, expected_version: int) -> JobSeeker:
    job_seeker = jobseeker_scope(user=user).select_for_update().filter(pk=job_seeker_id).first()
    if job_seeker is None:
        raise NotFoundError(code="jobseeker-not-found")
    if not user.has_perm("jobseekers.change_jobseeker", job_seeker):
        raise PermissionDeniedError(code="jobseeker-change-denied")
    if job_seeker.version != expected_version:
        raise StaleEditError(current_version=job_seeker.version)
    return job_seeker


def _save_change(user: User, job_seeker: JobSeeker, fields: list[str], *, detail: str = "") -> None:
    """Save ``fields`` of a locked file with a new version, and audit it."""
    job_seeker.version += 1
    job_seeker.updated_at = clock.now()
    job_seeker.save(update_fields=[*fields, "version", "updated_at"])
    audit_record(
        user=user,
        action=AuditEvent.Action.UPDATE,
        object_type=OBJECT_TYPE,
        object_id=job_seeker.pk,
        job_seeker_id=job_seeker.pk,
        municipality_id=job_seeker.municipality_id,
        fields=fields,
        detail=detail,
    )


@transaction.atomic
def jobseeker_leave(
    *, user: User, job_seeker_id: int, expected_version: int, left_on: dt.date, reason: str
) -> JobSeeker:
    """Outflow: the job seeker leaves the file on ``left_on`` for ``reason``.

    The file, its plans and trajectories stay; lists, caseloads, the worklist
    and the council's figures leave it out from then on, and its finished
    trajectories go on counting as evidence of what works. Refused while a
    trajectory is open (registered checks), on a day in the future or before
    the file was made, and for a file that has already left.
    """
    job_seeker = _locked_for_change(user, job_seeker_id, expected_version)
    if job_seeker.left_on is not None:
        raise ConflictError(
            _("This job seeker already left the file on %(date)s.")
            % {"date": job_seeker.left_on.strftime("%d-%m-%Y")},
            code="jobseeker-already-left",
        )
    if reason not in LeaveReason.values:
        raise InvalidInputError({"reason": [_("Choose a reason from the list.")]})
    if left_on > clock.today():
        raise InvalidInputError(
            {"left_on": [_("The day of leaving lies in the future.")]},
            codes={"left_on": "left-on-in-future"},
        )
    registered = timezone.localdate(job_seeker.created_at)
    if left_on < registered:
        raise InvalidInputError(
            {
                "left_on": [
                    _("The day of leaving lies before the file was made (%(date)s).")
                    % {"date": registered.strftime("%d-%m-%Y")}
                ]
            },
            codes={"left_on": "left-on-before-file"},
        )
    for check in _LEAVE_CHECKS.values():
        check(job_seeker, left_on)
    job_seeker.left_on = left_on
    job_seeker.leave_reason = reason
    _save_change(
        user,
        job_seeker,
        ["left_on", "leave_reason"],
        detail=f"left on {left_on.isoformat()}: {reason}",
    )
    return job_seeker


@transaction.atomic
def jobseeker_reenter(*, user: User, job_seeker_id: int, expected_version: int) -> JobSeeker:
    """The job seeker comes back into the file (for example after a short job); the
    day and reason they left are kept in the access log, not on the file."""
    job_seeker = _locked_for_change(user, job_seeker_id, expected_version)
    if job_seeker.left_on is None:
        raise ConflictError(
            _("This job seeker is in the file; there is nothing to undo."),
            code="jobseeker-not-left",
        )
    before = f"{job_seeker.left_on.isoformat()}: {job_seeker.leave_reason}"
    job_seeker.left_on = None
    job_seeker.leave_reason = ""
    _save_change(
        user,
        job_seeker,
        ["left_on", "leave_reason"],
        detail=f"back in the file (had left on {before})",
    )
    return job_seeker


def refuse_if_left(job_seeker: JobSeeker) -> None:
    """For other services: no new plan or referral for a job seeker who left the file."""
    if job_seeker.left_on is not None:
        raise ConflictError(
            _(
                "This job seeker left the file on %(date)s. Take them back into the file "
                "before you make a plan or a referral."
            )
            % {"date": job_seeker.left_on.strftime("%d-%m-%Y")},
            code="jobseeker-left",
        )
