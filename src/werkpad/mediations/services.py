"""Every write on a mediation (RI4): one transaction each, the row locked, audited in
it, notifications after commit."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
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
from werkpad.core.lifecycle import begin, transition
from werkpad.core.models import AuditEvent, Organisation
from werkpad.core.permissions import FILE_ROLES, Role, scope_of
from werkpad.mediations import notifications
from werkpad.mediations.models import MediationRequest, Outcome, RequestedBy, Session
from werkpad.mediations.workflow import LIFECYCLE, OPEN, SESSIONS_OPEN, Status
from werkpad.trajectories.models import Trajectory

OBJECT_TYPE = "mediation"


def _audit(*, user: User, mediation: MediationRequest, action: str, fields: list[str]) -> None:
    audit_record(
        user=user,
        action=action,
        object_type=OBJECT_TYPE,
        object_id=mediation.pk,
        job_seeker_id=mediation.job_seeker_id,
        municipality_id=mediation.municipality_id,
        fields=fields,
    )


def _locked(
    *, user: User, mediation_id: int, permission: str, expected_version: int | None
) -> MediationRequest:
    mediation = (
        MediationRequest.objects.select_for_update()
        .select_related("job_seeker", "trajectory__provider")
        .filter(pk=mediation_id)
        .first()
    )
    if mediation is None or not user.has_perm("mediations.view_mediation", mediation):
        raise NotFoundError(code="mediation-not-found")
    if not user.has_perm(permission, mediation):
        raise PermissionDeniedError(code=f"mediation-{permission.split('.')[1]}-denied")
    if expected_version is not None and mediation.version != expected_version:
        raise StaleEditError(current_version=mediation.version)
    return mediation


def _save(mediation: MediationRequest, fields: list[str]) -> None:
    mediation.version += 1
    mediation.updated_at = clock.now()
    mediation.save(update_fields=[*fields, "version", "updated_at"])


@transaction.atomic
def mediation_request(*, user: User, trajectory_id: int, reason: str) -> MediationRequest:
    """RI4: the job seeker (about their own trajectory) or a caseworker of the
    municipality asks for independent mediation, before the trajectory starts or while it
    runs. One open mediation per trajectory."""
    scope = scope_of(user)
    trajectory = (
        Trajectory.objects.select_related("job_seeker", "provider").filter(pk=trajectory_id).first()
    )
    if trajectory is not None and trajectory.municipality_id in scope.municipalities(*FILE_ROLES):
        requested_by = RequestedBy.CASEWORKER
    elif (
        trajectory is not None
        and scope.has(Role.JOB_SEEKER)
        and trajectory.job_seeker.user_id == user.pk
    ):
        requested_by = RequestedBy.JOB_SEEKER
    elif not user.has_perm("mediations.request"):
        raise PermissionDeniedError(code="mediation-request-denied")
    else:
        raise NotFoundError(code="trajectory-not-found")
    if not reason.strip():
        raise InvalidInputError({"reason": [_("Say what the disagreement is about.")]})
    if MediationRequest.objects.filter(trajectory=trajectory, status__in=OPEN).exists():
        raise ConflictError(
            _("A mediation about this trajectory is open already."), code="mediation-open"
        )
    mediation = MediationRequest.objects.create(
        municipality_id=trajectory.municipality_id,
        job_seeker=trajectory.job_seeker,
        trajectory=trajectory,
        reason=reason.strip(),
        requested_by=requested_by,
        requested_by_user=user,
        requested_on=clock.today(),
    )
    begin(mediation, Status.REQUESTED, user=user)
    _audit(user=user, mediation=mediation, action=AuditEvent.Action.CREATE, fields=["reason"])
    notifications.notify_requested(mediation, actor=user)
    return mediation


def _not_a_party(*, mediation: MediationRequest, organisation: str) -> bool:
    """Whether the mediator's organisation is neither the municipality nor the provider
    (compared by name, case and spacing aside)."""
    name = " ".join(organisation.lower().split())
    parties = {mediation.trajectory.provider.name}
    parties |= set(
        Organisation.objects.filter(
            municipality_id=mediation.municipality_id, kind=Organisation.Kind.MUNICIPALITY
        ).values_list("name", flat=True)
    )
    parties.add(mediation.trajectory.provider.organisation.name)
    return name not in {" ".join(p.lower().split()) for p in parties}


@transaction.atomic
def mediation_appoint_mediator(
    *,
    user: User,
    mediation_id: int,
    name: str,
    organisation: str,
    expected_version: int | None = None,
) -> MediationRequest:
    """The caseworker appoints an independent mediator: not of the municipality, not of
    the provider."""
    mediation = _locked(
        user=user,
        mediation_id=mediation_id,
        permission="mediations.manage",
        expected_version=expected_version,
    )
    LIFECYCLE.check(mediation.status, Status.MEDIATOR_APPOINTED)
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["name"] = [_("Give the mediator's name.")]
    if not organisation.strip():
        errors["organisation"] = [_("Give the mediator's organisation.")]
    elif not _not_a_party(mediation=mediation, organisation=organisation):
        errors["organisation"] = [
            _("The mediator must be independent: not of the municipality and not of the provider.")
        ]
    if errors:
        raise InvalidInputError(errors)
    transition(mediation, Status.MEDIATOR_APPOINTED, lifecycle=LIFECYCLE, user=user)
    mediation.mediator_name = name.strip()
    mediation.mediator_organisation = organisation.strip()
    mediation.appointed_on = clock.today()
    fields = ["status", "mediator_name", "mediator_organisation", "appointed_on"]
    _save(mediation, fields)
    _audit(user=user, mediation=mediation, action=AuditEvent.Action.UPDATE, fields=fields)
    notifications.notify_parties(mediation, actor=user)
    return mediation


@transaction.atomic
def mediation_record_session(
    *,
    user: User,
    mediation_id: int,
    held_on: dt.date,
    notes: str,
    expected_version: int | None = None,
) -> Session:
    """A session held; the first one puts the mediation in progress."""
    mediation = _locked(
        user=user,
        mediation_id=mediation_id,
        permission="mediations.manage",
        expected_version=expected_version,
    )
    if mediation.status not in SESSIONS_OPEN:
        LIFECYCLE.check(mediation.status, Status.IN_PROGRESS)
    errors: dict[str, list[str]] = {}
    assert mediation.appointed_on is not None  # sessions are held once appointed
    if held_on > clock.today():
        errors["held_on"] = [_("A session cannot be in the future.")]
    elif held_on < mediation.appointed_on:
        errors["held_on"] = [
            _("A session cannot be before the mediator was appointed (%(date)s).")
            % {"date": mediation.appointed_on.strftime("%d-%m-%Y")}
        ]
    if not notes.strip():
        errors["notes"] = [_("Write down what the session was about.")]
    if errors:
        raise InvalidInputError(errors)
    fields = []
    if mediation.status == Status.MEDIATOR_APPOINTED:
        transition(mediation, Status.IN_PROGRESS, lifecycle=LIFECYCLE, user=user)
        fields.append("status")
    session = Session.objects.create(
        mediation=mediation, held_on=held_on, notes=notes.strip(), recorded_by=user
    )
    _save(mediation, fields)
    _audit(user=user, mediation=mediation, action=AuditEvent.Action.UPDATE, fields=["sessions"])
    return session


@transaction.atomic
def mediation_conclude(
    *,
    user: User,
    mediation_id: int,
    outcome: str,
    text: str,
    expected_version: int | None = None,
) -> MediationRequest:
    """The outcome: agreement, partial agreement or none, and what was agreed."""
    mediation = _locked(
        user=user,
        mediation_id=mediation_id,
        permission="mediations.manage",
        expected_version=expected_version,
    )
    LIFECYCLE.check(mediation.status, Status.CONCLUDED)
    errors: dict[str, list[str]] = {}
    if outcome not in Outcome.values:
        errors["outcome"] = [_("Choose the outcome.")]
    if not text.strip():
        errors["text"] = [_("Write down what was agreed, or why there is no agreement.")]
    if errors:
        raise InvalidInputError(errors)
    transition(mediation, Status.CONCLUDED, lifecycle=LIFECYCLE, user=user)
    mediation.outcome = outcome
    mediation.outcome_text = text.strip()
    mediation.concluded_on = clock.today()
    fields = ["status", "outcome", "outcome_text", "concluded_on"]
    _save(mediation, fields)
    _audit(user=user, mediation=mediation, action=AuditEvent.Action.UPDATE, fields=fields)
    notifications.notify_parties(mediation, actor=user)
    return mediation


@transaction.atomic
def mediation_withdraw(
    *, user: User, mediation_id: int, reason: str, expected_version: int | None = None
) -> MediationRequest:
    mediation = _locked(
        user=user,
        mediation_id=mediation_id,
        permission="mediations.withdraw",
        expected_version=expected_version,
    )
    transition(mediation, Status.WITHDRAWN, lifecycle=LIFECYCLE, user=user, reason=reason)
    mediation.withdrawal_reason = reason.strip()
    _save(mediation, ["status", "withdrawal_reason"])
    _audit(
        user=user,
        mediation=mediation,
        action=AuditEvent.Action.UPDATE,
        fields=["status", "withdrawal_reason"],
    )
    return mediation
