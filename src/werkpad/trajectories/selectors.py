"""Every read of trajectories. Views and the API start here; reads are audited.

A coach reads what was referred to their own provider: the referral itself
(programme, reasons, needs against expertise) from the start, the handover
from acceptance on: its basis always, each other part of the file only while the
job seeker consents to share it with the provider now, and the health fields and
the reports' health section only with the current health consent
(``werkpad.consents``; a withdrawal takes effect on the next read).
Once the trajectory ended (completed, ended early, declined) the coach no longer
reads the handover, the needs drawn from it, or any health section; they read
what the provider wrote (reports, end report, evaluation) for
``core.privacy.PROVIDER_KEEPS_OWN_RECORDS_YEARS`` after the end, then nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.consents import parts
from werkpad.consents.models import Consent
from werkpad.consents.selectors import shared_parts
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import InvalidInputError, PermissionDeniedError
from werkpad.core.filters import parse_id
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role, scope_of, visible_for
from werkpad.trajectories import handover, rules
from werkpad.trajectories.models import ProgressReport, StatusChange, Trajectory
from werkpad.trajectories.rules import TRAJECTORY_VISIBILITY
from werkpad.trajectories.workflow import ENDED, Status

if TYPE_CHECKING:
    from werkpad.jobseekers.models import JobSeeker
    from werkpad.providers.models import Programme

OBJECT_TYPE = "trajectory"
FILTERS = ("status", "jobSeeker", "programme", "provider", "reportOverdue")


def trajectory_scope(*, user: User) -> QuerySet[Trajectory]:
    """The trajectories this user may see at all: the same definition as the
    ``trajectories.view_trajectory`` rule (``rules.TRAJECTORY_VISIBILITY``)."""
    return Trajectory.objects.filter(TRAJECTORY_VISIBILITY.q(user))


def _filtered(
    queryset: QuerySet[Trajectory], filters: Mapping[str, object]
) -> QuerySet[Trajectory]:
    errors: dict[str, list[str]] = {}
    status = str(filters.get("status") or "").strip()
    if status:
        wanted = [s for s in status.split(",") if s]
        if set(wanted) - set(Status.values):
            errors["status"] = [_("Unknown status.")]
        else:
            queryset = queryset.filter(status__in=wanted)
    for key, field in (
        ("jobSeeker", "job_seeker_id"),
        ("programme", "programme_id"),
        ("provider", "provider_id"),
    ):
        value = str(filters.get(key) or "").strip()
        if value:
            id_value = parse_id(value)
            if id_value is None:
                errors[key] = [_("Give a number.")]
            else:
                queryset = queryset.filter(**{field: id_value})
    # As every boolean filter of the API: true or false, nothing else.
    overdue = str(filters.get("reportOverdue") or "").strip()
    if overdue == "true":
        queryset = queryset.filter(status=Status.STARTED, next_report_due__lt=clock.today())
    elif overdue not in ("", "false"):
        errors["reportOverdue"] = [_("Give true or false.")]
    if errors:
        raise InvalidInputError(errors)
    return queryset


def trajectory_list(
    *, user: User, filters: Mapping[str, object] | None = None, purpose: str = ""
) -> QuerySet[Trajectory]:
    """The trajectories this user may see: a caseworker's municipality, a coach's provider,
    a job seeker's own."""
    scope = scope_of(user)
    if not (user.has_perm("trajectories.list_trajectory") or scope.has(Role.JOB_SEEKER)):
        raise PermissionDeniedError(code="trajectory-list-denied")
    queryset = _filtered(trajectory_scope(user=user), filters or {})
    primary = scope.primary
    audit_record(
        user=user,
        action=AuditEvent.Action.SEARCH,
        object_type=OBJECT_TYPE,
        purpose=purpose,
        fields=sorted(k for k in FILTERS if str((filters or {}).get(k) or "").strip()),
        municipality_id=primary.municipality_id if primary else None,
    )
    return queryset.select_related("programme", "provider", "job_seeker", "coach").order_by(
        "-referred_on", "-id"
    )


#: The permission (``rules.py``) each action on a trajectory needs: ``trajectory_get`` and
#: ``trajectory_for_action`` refuse it before anything is read or audited.
ACTION_PERMISSIONS = {
    "report": "trajectories.work_on",
    "complete": "trajectories.work_on",
    "evaluate": "trajectories.evaluate",
}


def _checked(
    user: User, queryset: QuerySet[Trajectory], id: int, for_action: str | None
) -> Trajectory:
    return visible_for(
        user,
        queryset.filter(pk=id).first(),
        kind="trajectory",
        view="trajectories.view_trajectory",
        actions=ACTION_PERMISSIONS,
        for_action=for_action,
    )


def trajectory_for_action(*, user: User, id: int, action: str) -> Trajectory:
    """The trajectory a form acts on (``action``, a key of ``ACTION_PERMISSIONS``), checked
    before the form is read; not a read of the file (the page shows nothing of it), so
    not audited: the service that acts is."""
    return _checked(
        user, trajectory_scope(user=user).select_related("provider", "job_seeker"), id, action
    )


def trajectory_get(
    *, user: User, id: int, purpose: str = "", for_action: str | None = None
) -> Trajectory:
    """One trajectory, if the user may see it; the read is audited in the job seeker's log.

    With ``for_action`` (a key of ``ACTION_PERMISSIONS``) it is for that action: someone
    who may see the trajectory but not take the action is refused (403) before anything
    is read, someone who may not see it gets 404 as always."""
    trajectory = _checked(
        user,
        trajectory_scope(user=user).select_related(
            "programme",
            "provider",
            "job_seeker",
            "coach",
            "referred_by",
            "municipality",
            "end_report",
            "evaluation",
        ),
        id,
        for_action,
    )
    fields = ["status", "programme", "reason"]
    if user.has_perm("trajectories.view_handover", trajectory):
        readable = readable_fields(user, trajectory)
        fields += [f for f in trajectory.handover if f in readable]
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        object_id=trajectory.pk,
        job_seeker_id=trajectory.job_seeker_id,
        municipality_id=trajectory.municipality_id,
        purpose=purpose,
        fields=fields,
    )
    return trajectory


def provider_parts(trajectory: Trajectory) -> frozenset[str]:
    """The parts of the file the job seeker consents, now, to share with the provider of
    this trajectory (RI5, TR4): read afresh on every call."""
    return shared_parts(
        job_seeker_id=trajectory.job_seeker_id,
        organisation_id=trajectory.provider.organisation_id,
        recipient=Consent.Recipient.PROVIDER,
    )


def health_consented(trajectory: Trajectory) -> bool:
    """Whether the job seeker consents, now, to share their health information with the
    provider of this trajectory."""
    return parts.HEALTH in provider_parts(trajectory)


def may_read_health(user: User, trajectory: Trajectory) -> bool:
    """TR4: the job seeker, their contact person, and the provider's coach with the
    current health consent until the trajectory ended."""
    if (
        trajectory.job_seeker.user_id == user.pk
        or trajectory.job_seeker.contact_person_id == user.pk
    ):
        return True
    return (
        trajectory.status not in ENDED
        and rules.is_coach_of(user, trajectory)
        and health_consented(trajectory)
    )


def readable_fields(user: User, trajectory: Trajectory) -> frozenset[str]:
    """The handover fields this user reads: the municipality's caseworkers and the job
    seeker all of them (health as ``may_read_health`` says); the provider's coach the
    basis and the parts the job seeker consents to share now."""
    if rules.is_caseworker_of(user, trajectory) or trajectory.job_seeker.user_id == user.pk:
        fields = set(handover.SHAREABLE_FIELDS)
    else:
        shared = provider_parts(trajectory)
        fields = {f for f in handover.SHAREABLE_FIELDS if parts.readable(f, shared)}
    if may_read_health(user, trajectory):
        fields |= set(handover.HEALTH_FIELDS)
    else:
        fields -= set(handover.HEALTH_FIELDS)
    return frozenset(fields)


def referral_reasons_visible(user: User, trajectory: Trajectory) -> bool:
    """What the caseworker wrote at referral (why this programme, the alternatives note,
    why outside the target group) may speak of the job seeker, so it goes with the
    handover: once the trajectory ended, the provider no longer reads it."""
    return (
        user.has_perm("trajectories.view_handover", trajectory)
        or trajectory.job_seeker.user_id == user.pk
        or trajectory.status not in ENDED
    )


def handover_rows(*, user: User, trajectory: Trajectory) -> list[tuple[str, str, bool]] | None:
    """The handover as this user may read it, or None before the provider may see it."""
    if not user.has_perm("trajectories.view_handover", trajectory):
        return None
    return handover.display(trajectory.handover, readable=readable_fields(user, trajectory))


def needs_match(*, user: User, trajectory: Trajectory) -> list[handover.NeedMatch]:
    """TR9 on an existing referral: the needs recorded in the handover against the expertise.

    Drawn from the handover, so nothing once the provider no longer reads it.
    """
    if trajectory.status in ENDED and not (
        user.has_perm("trajectories.view_handover", trajectory)
        or trajectory.job_seeker.user_id == user.pk
    ):
        return []
    readable = readable_fields(user, trajectory)
    snap = {name: value for name, value in trajectory.handover.items() if name in readable}
    needs: list[tuple[str, str]] = []
    birth = snap.get("birth_date")
    age = trajectory.job_seeker.age_on(trajectory.referred_on)
    if snap.get("attention_older") or (birth and age >= 50):
        needs.append(("older", _("older job seeker")))
    if birth and age < 27:
        needs.append(("young", _("young (under 27)")))
    if snap.get("attention_psychological"):
        needs.append(("psychological", _("psychologically vulnerable")))
    if snap.get("labour_disability"):
        needs.append(("labour_disability", _("labour disability")))
    return handover.expertise_match(needs, trajectory.programme.staff_expertise)


def progress_report_list(*, user: User, trajectory: Trajectory) -> list[ProgressReport]:
    """Reports of a trajectory the caller obtained through ``trajectory_get``.

    The health section is blanked for whoever may not read it (TR4).
    """
    reports = list(trajectory.progress_reports.select_related("written_by"))
    if not may_read_health(user, trajectory):
        for report in reports:
            report.health_section = ""
    return reports


def history_list(*, trajectory: Trajectory) -> QuerySet[StatusChange]:
    return trajectory.history.select_related("changed_by")


def report_overdue(trajectory: Trajectory, today: dt.date | None = None) -> bool:
    return (
        trajectory.status == Status.STARTED
        and trajectory.next_report_due is not None
        and trajectory.next_report_due < (today or clock.today())
    )


def job_seeker_trajectories(*, user: User, job_seeker_id: int) -> list[Trajectory]:
    """The trajectories on a job seeker's file page or own pages (no extra audit: the file
    read is audited by its own page)."""
    return list(
        trajectory_scope(user=user)
        .filter(job_seeker_id=job_seeker_id)
        .select_related("programme", "provider", "job_seeker")
        .order_by("-referred_on", "-id")
    )


def referable_programmes(*, job_seeker: JobSeeker) -> list[Programme]:
    """The open programmes of the job seeker's municipality, those serving their rung first."""
    from werkpad.providers.models import Programme

    programmes = list(
        Programme.objects.filter(municipality_id=job_seeker.municipality_id, active=True)
        .select_related("provider")
        .order_by("name")
    )
    return sorted(programmes, key=lambda p: not p.serves_rung(job_seeker.ladder_rung))
