"""Every write on a trajectory: one transaction each, the row locked, audited in it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.consents import parts as file_parts
from werkpad.consents.models import Consent
from werkpad.consents.selectors import consent_statuses, shared_parts
from werkpad.consents.services import consent_give, consent_request
from werkpad.consents.workflow import Channel
from werkpad.consents.workflow import Status as ConsentStatus
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.deadlines import add_months, add_weeks
from werkpad.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.lifecycle import begin, transition
from werkpad.core.models import AuditEvent, MunicipalitySettings
from werkpad.jobseekers.selectors import jobseeker_scope
from werkpad.jobseekers.services import jobseeker_rung_change, refuse_if_left
from werkpad.providers.models import Format, Programme
from werkpad.trajectories import handover, rules, selectors
from werkpad.trajectories.models import (
    ActivityFormat,
    EndReport,
    Evaluation,
    Outcome,
    ProgressReport,
    Trajectory,
)
from werkpad.trajectories.notifications import notify_referral
from werkpad.trajectories.wage_check import end_report_wage_check
from werkpad.trajectories.workflow import LIFECYCLE, RUNNING, Status

OBJECT_TYPE = "trajectory"


def _audit(
    *, user: User, trajectory: Trajectory, action: str, fields: Iterable[str], detail: str = ""
) -> None:
    audit_record(
        user=user,
        action=action,
        object_type=OBJECT_TYPE,
        object_id=trajectory.pk,
        job_seeker_id=trajectory.job_seeker_id,
        municipality_id=trajectory.municipality_id,
        fields=fields,
        detail=detail,
    )


def _locked(*, user: User, trajectory_id: int, expected_version: int | None) -> Trajectory:
    trajectory = (
        Trajectory.objects.select_for_update()
        .select_related("provider", "job_seeker")
        .filter(pk=trajectory_id)
        .first()
    )
    if trajectory is None or not user.has_perm("trajectories.view_trajectory", trajectory):
        raise NotFoundError(code="trajectory-not-found")
    if expected_version is not None and trajectory.version != expected_version:
        raise StaleEditError(current_version=trajectory.version)
    return trajectory


def _save(trajectory: Trajectory, fields: list[str]) -> None:
    trajectory.version += 1
    trajectory.updated_at = clock.now()
    trajectory.save(update_fields=[*fields, "version", "updated_at"])


def _require_coach(user: User, trajectory: Trajectory, code: str) -> None:
    if not user.has_perm("trajectories.work_on", trajectory):
        raise PermissionDeniedError(_("Only a coach of the provider can do this."), code=code)


@transaction.atomic
def trajectory_refer(
    *,
    user: User,
    job_seeker_id: int,
    programme_id: int,
    reason: str,
    handover_fields: Iterable[str],
    ask_health_consent: bool = False,
    alternative_ids: Iterable[int] = (),
    alternatives_note: str = "",
    activity_format: str = ActivityFormat.INDIVIDUAL,
    group_alternative: str = "",
    target_group_reason: str = "",
) -> Trajectory:
    """TR1: refer a job seeker to a programme with the handover and the reasons.

    RI5, TR4: the parts of the file the caseworker chose for the handover are recorded as
    consents given in the referral conversation (at the desk, by this caseworker), unless
    the job seeker refused or withdrew them before; the job seeker can withdraw each on
    their own pages. With ``ask_health_consent`` the job seeker is asked to consent to
    sharing their health information: the provider's coach reads it only once they say
    yes. Health items go into the handover only while asked for or consented to.

    A job seeker outside the programme's target group (its rungs, or its target groups
    such as an age range) is referred only with ``target_group_reason``, which the provider
    reads; inside it, no such reason is kept.
    """
    if not user.has_perm("trajectories.refer"):
        raise PermissionDeniedError(code="trajectory-refer-denied")
    job_seeker = jobseeker_scope(user=user).filter(pk=job_seeker_id).first()
    if job_seeker is None or not rules.is_caseworker_of(user, job_seeker):
        raise NotFoundError(code="jobseeker-not-found")
    refuse_if_left(job_seeker)
    errors: dict[str, list[str]] = {}
    programme = (
        Programme.objects.select_related("provider")
        .filter(pk=programme_id, municipality_id=job_seeker.municipality_id)
        .first()
    )
    if programme is None:
        errors["programme"] = [_("Choose a programme of the job seeker's municipality.")]
    elif not programme.active:
        errors["programme"] = [_("This programme is not open for referrals.")]
    if not reason.strip():
        errors["reason"] = [_("Say why this programme fits the job seeker.")]
    alternative_ids = [a for a in dict.fromkeys(alternative_ids) if a != programme_id]
    alternatives = list(
        Programme.objects.filter(pk__in=alternative_ids, municipality_id=job_seeker.municipality_id)
    )
    if len(alternatives) != len(alternative_ids):
        errors["alternatives"] = [_("Choose programmes of the job seeker's municipality.")]
    if activity_format not in ActivityFormat.values:
        errors["activity_format"] = [_("Choose group or individual.")]
    elif programme is not None:
        if programme.format == Format.GROUP and activity_format != ActivityFormat.GROUP:
            activity_format = ActivityFormat.GROUP
        if programme.format == Format.INDIVIDUAL:
            activity_format = ActivityFormat.INDIVIDUAL
        # TR8: a job seeker who wants no group activities is offered an alternative.
        if (
            job_seeker.prefers_no_group_activities
            and activity_format == ActivityFormat.GROUP
            and not group_alternative.strip()
        ):
            errors["group_alternative"] = [
                _(
                    "The job seeker prefers no group activities and this programme works in "
                    "groups: record the alternative offered."
                )
            ]
    codes: dict[str, str] = {}
    outside: list[str] = []
    if programme is not None:
        outside = handover.outside_target_group(
            job_seeker,
            programme,
            on=clock.today(),
            include_restricted=user.has_perm("jobseekers.view_restricted", job_seeker),
        )
        if outside and not target_group_reason.strip():
            errors["target_group_reason"] = [
                _(
                    "This programme is not meant for this job seeker: outside the target "
                    "group (%(why)s). Say why you refer them anyway; the provider reads it."
                )
                % {"why": "; ".join(outside)}
            ]
            codes["target_group_reason"] = "target-group-reason-required"
    health_given = programme is not None and file_parts.HEALTH in shared_parts(
        job_seeker_id=job_seeker.pk,
        organisation_id=programme.provider.organisation_id,
        recipient=Consent.Recipient.PROVIDER,
    )
    try:
        snapshot = handover.build_snapshot(
            job_seeker,
            fields=list(handover_fields),
            health_allowed=ask_health_consent or health_given,
        )
    except InvalidInputError as error:
        errors.update(error.errors)
    if errors:
        raise InvalidInputError(errors, codes=codes)
    assert programme is not None
    trajectory = Trajectory.objects.create(
        municipality_id=job_seeker.municipality_id,
        job_seeker=job_seeker,
        programme=programme,
        provider=programme.provider,
        status=Status.REFERRED,
        referred_by=user,
        referred_on=clock.today(),
        reason=reason.strip(),
        alternatives_note=alternatives_note.strip(),
        handover=snapshot,
        activity_format=activity_format,
        group_alternative=group_alternative.strip(),
        target_group_reason=target_group_reason.strip() if outside else "",
    )
    trajectory.alternatives.set(alternatives)
    begin(trajectory, Status.REFERRED, user=user)
    _audit(
        user=user,
        action=AuditEvent.Action.CREATE,
        trajectory=trajectory,
        fields=[
            "programme",
            "reason",
            *(["target_group_reason"] if outside else []),
            "handover",
            *snapshot.keys(),
        ],
        detail="referral",
    )
    _record_consents(
        user=user, trajectory=trajectory, chosen=list(snapshot), ask_health=ask_health_consent
    )
    notify_referral(trajectory, actor=user)
    return trajectory


def _record_consents(
    *, user: User, trajectory: Trajectory, chosen: list[str], ask_health: bool
) -> None:
    """The consents of a referral: the chosen parts as given at the desk, health asked."""
    organisation = trajectory.provider.organisation
    current = consent_statuses(
        job_seeker_id=trajectory.job_seeker_id,
        organisation_id=organisation.pk,
        recipient=Consent.Recipient.PROVIDER,
    )
    for part in file_parts.parts_of(chosen):
        if part == file_parts.HEALTH or current.get(part) not in (None, ConsentStatus.REQUESTED):
            continue
        consent_give(
            user=user,
            job_seeker_id=trajectory.job_seeker_id,
            recipient=Consent.Recipient.PROVIDER,
            organisation_id=organisation.pk,
            part=part,
            channel=Channel.DESK,
            reason=_("Agreed in the referral conversation for %(programme)s.")
            % {"programme": trajectory.programme.name},
        )
    if ask_health:
        consent_request(
            user=user,
            job_seeker=trajectory.job_seeker,
            recipient=Consent.Recipient.PROVIDER,
            organisation=organisation,
            parts=[file_parts.HEALTH],
            reason=_("Referral to %(programme)s.") % {"programme": trajectory.programme.name},
        )


def _report_interval(trajectory: Trajectory) -> int:
    """Weeks between progress reports: the programme's own interval, or else the
    default of the trajectory's municipality (TR3)."""
    own = trajectory.programme.report_interval_weeks
    return own or MunicipalitySettings.for_id(trajectory.municipality_id).report_interval_weeks


def _open(
    *, user: User, trajectory_id: int, expected_version: int, coach_only: bool = True
) -> Trajectory:
    """The trajectory locked for a status change, if this user may make one."""
    trajectory = _locked(user=user, trajectory_id=trajectory_id, expected_version=expected_version)
    if coach_only:
        _require_coach(user, trajectory, "trajectory-change-denied")
    elif not user.has_perm("trajectories.end_early", trajectory):
        raise PermissionDeniedError(code="trajectory-change-denied")
    return trajectory


def _apply(
    trajectory: Trajectory,
    *,
    user: User,
    target: str,
    reason: str = "",
    extra: Mapping[str, Any] | None = None,
    step: str | None = None,
) -> Trajectory:
    """Move a locked trajectory along its ``LIFECYCLE``, save it and audit it."""
    transition(trajectory, target, lifecycle=LIFECYCLE, user=user, reason=reason, step=step)
    fields = ["status", *(extra or {}).keys()]
    for name, value in (extra or {}).items():
        setattr(trajectory, name, value)
    _save(trajectory, fields)
    _audit(
        user=user,
        action=AuditEvent.Action.UPDATE,
        trajectory=trajectory,
        fields=fields,
        detail=f"status: {target}",
    )
    return trajectory


@transaction.atomic
def trajectory_accept(*, user: User, trajectory_id: int, expected_version: int) -> Trajectory:
    """The provider acknowledges the referral (TR1) and takes it on; the coach is recorded."""
    trajectory = _open(user=user, trajectory_id=trajectory_id, expected_version=expected_version)
    return _apply(trajectory, user=user, target=Status.ACCEPTED, extra={"coach": user})


@transaction.atomic
def trajectory_decline(
    *, user: User, trajectory_id: int, expected_version: int, reason: str
) -> Trajectory:
    trajectory = _open(user=user, trajectory_id=trajectory_id, expected_version=expected_version)
    return _apply(
        trajectory,
        user=user,
        target=Status.DECLINED,
        reason=reason,
        extra={"decline_reason": reason.strip(), "ended_on": clock.today()},
    )


@transaction.atomic
def trajectory_start(
    *, user: User, trajectory_id: int, expected_version: int, started_on: dt.date | None = None
) -> Trajectory:
    """The programme starts; the first progress report is due one interval later (TR3)."""
    trajectory = _open(user=user, trajectory_id=trajectory_id, expected_version=expected_version)
    LIFECYCLE.check(trajectory.status, Status.STARTED, step="start")
    start = started_on or clock.today()
    if start > clock.today():
        raise InvalidInputError({"started_on": [_("The start date lies in the future.")]})
    if start < trajectory.referred_on:
        raise InvalidInputError({"started_on": [_("The start date lies before the referral.")]})
    interval = _report_interval(trajectory)
    return _apply(
        trajectory,
        user=user,
        target=Status.STARTED,
        step="start",
        extra={"started_on": start, "next_report_due": add_weeks(start, interval)},
    )


@transaction.atomic
def trajectory_suspend(
    *, user: User, trajectory_id: int, expected_version: int, reason: str
) -> Trajectory:
    """Suspended: no report falls due until it resumes."""
    trajectory = _open(user=user, trajectory_id=trajectory_id, expected_version=expected_version)
    return _apply(trajectory, user=user, target=Status.SUSPENDED, reason=reason)


@transaction.atomic
def trajectory_resume(
    *, user: User, trajectory_id: int, expected_version: int, reason: str = ""
) -> Trajectory:
    """Resumed: the next report is due one interval after today, or as planned if later."""
    trajectory = _open(user=user, trajectory_id=trajectory_id, expected_version=expected_version)
    interval = _report_interval(trajectory)
    due = add_weeks(clock.today(), interval)
    if trajectory.next_report_due and trajectory.next_report_due > due:
        due = trajectory.next_report_due
    return _apply(
        trajectory,
        user=user,
        target=Status.STARTED,
        reason=reason,
        step="resume",
        extra={"next_report_due": due},
    )


@transaction.atomic
def trajectory_end_early(
    *, user: User, trajectory_id: int, expected_version: int, reason: str
) -> Trajectory:
    """Ended before its time (TR2): the coach or the caseworker, always with the reason."""
    trajectory = _open(
        user=user,
        trajectory_id=trajectory_id,
        expected_version=expected_version,
        coach_only=False,
    )
    return _apply(
        trajectory,
        user=user,
        target=Status.ENDED_EARLY,
        reason=reason,
        extra={"end_reason": reason.strip(), "ended_on": clock.today(), "next_report_due": None},
    )


END_REPORT_FIELDS = frozenset(
    {
        "outcome",
        "summary",
        "contract_type",
        "hours_per_week",
        "hourly_wage",
        "employer_name",
        "work_start_date",
        "cao_conform",
        "working_condition_incidents",
        "cv_contribution",
        "schooling",
        "rung_after",
        "volunteer_organisation",
        "job_guarantee_realised",
    }
)


#: An end report records work that has started or starts within this many months.
WORK_START_MONTHS_AHEAD = 12


def _check_end_report(trajectory: Trajectory, data: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(data) - END_REPORT_FIELDS)
    if unknown:
        raise InvalidInputError({name: [_("Unknown field.")] for name in unknown})
    values = dict(data)
    outcome = values.get("outcome")
    errors: dict[str, list[str]] = {}
    required = _("Required for this outcome.")
    if outcome not in Outcome.values:
        errors["outcome"] = [_("Choose the outcome.")]
    elif outcome == Outcome.WORK:
        for name in (
            "contract_type",
            "hours_per_week",
            "hourly_wage",
            "employer_name",
            "work_start_date",
        ):
            if values.get(name) in (None, ""):
                errors.setdefault(name, []).append(required)
        if values.get("cao_conform") is None:
            errors.setdefault("cao_conform", []).append(required)
    elif outcome == Outcome.SCHOOLING and not str(values.get("schooling") or "").strip():
        errors["schooling"] = [required]
    elif outcome == Outcome.RUNG_CHANGE:
        rung = values.get("rung_after")
        if rung is None:
            errors["rung_after"] = [required]
        elif not 1 <= int(rung) <= 6:
            errors["rung_after"] = [_("A rung is 1 to 6.")]
    elif (
        outcome == Outcome.VOLUNTEER_WORK
        and not str(values.get("volunteer_organisation") or "").strip()
    ):
        errors["volunteer_organisation"] = [required]
    start = values.get("work_start_date")
    if (
        outcome == Outcome.WORK
        and start
        and trajectory.started_on
        and start < trajectory.started_on
    ):
        errors.setdefault("work_start_date", []).append(
            _("The work cannot start before the trajectory started (%(date)s).")
            % {"date": trajectory.started_on.strftime("%d-%m-%Y")}
        )
    latest_start = add_months(clock.today(), WORK_START_MONTHS_AHEAD)
    if outcome == Outcome.WORK and start and start > latest_start:
        errors.setdefault("work_start_date", []).append(
            _("Work that starts after %(date)s is not yet an outcome of this trajectory.")
            % {"date": latest_start.strftime("%d-%m-%Y")}
        )
    if values.get("job_guarantee_realised") and not trajectory.programme.job_guarantee:
        errors.setdefault("job_guarantee_realised", []).append(
            _("This programme promised no job guarantee.")
        )
    if errors:
        raise InvalidInputError(errors)
    if outcome == Outcome.WORK:
        # TR6: at least the statutory minimum wage for the age on the start date,
        # or waiting for the rate of that date.
        values |= end_report_wage_check(
            trajectory=trajectory,
            hourly_wage=values["hourly_wage"],
            work_start_date=values["work_start_date"],
        )
    return values


@transaction.atomic
def trajectory_complete(
    *, user: User, trajectory_id: int, expected_version: int, end_report: Mapping[str, Any]
) -> Trajectory:
    """Completed, with the end report (TR5, TR6); the job guarantee promise is copied in."""
    trajectory = _open(user=user, trajectory_id=trajectory_id, expected_version=expected_version)
    LIFECYCLE.check(trajectory.status, Status.COMPLETED)
    values = _check_end_report(trajectory, end_report)
    report = EndReport.objects.create(
        trajectory=trajectory,
        job_guarantee_promised=trajectory.programme.job_guarantee,
        written_by=user,
        **values,
    )
    if report.outcome == Outcome.RUNG_CHANGE:
        assert report.rung_after is not None  # required for this outcome (_check_end_report)
        # TR5: the new rung joins the job seeker's ladder history, as any rung change does.
        jobseeker_rung_change(
            user=user,
            job_seeker_id=trajectory.job_seeker_id,
            to_rung=int(report.rung_after),
            reason=_("End of the trajectory %(programme)s")
            % {"programme": trajectory.programme.name},
        )
    return _apply(
        trajectory,
        user=user,
        target=Status.COMPLETED,
        extra={"ended_on": clock.today(), "next_report_due": None},
    )


@transaction.atomic
def progress_report_create(
    *,
    user: User,
    trajectory_id: int,
    progress: str,
    activities: str = "",
    next_steps: str = "",
    health_section: str = "",
) -> ProgressReport:
    """TR3: a progress report answers the due one; the next falls due one interval later.

    TR4: the health section is written only while the job seeker consents to share their
    health information with the provider.
    """
    trajectory = _locked(user=user, trajectory_id=trajectory_id, expected_version=None)
    _require_coach(user, trajectory, "progress-report-denied")
    if trajectory.status not in RUNNING or trajectory.status == Status.ACCEPTED:
        raise ConflictError(
            _("Progress reports are written while the trajectory runs (started or suspended)."),
            code="trajectory-not-running",
        )
    errors: dict[str, list[str]] = {}
    if not progress.strip():
        errors["progress"] = [_("Describe the progress.")]
    if health_section.strip() and not selectors.health_consented(trajectory):
        errors["health_section"] = [
            _(
                "The job seeker did not consent to sharing health and psychological "
                "information with the provider: leave this section empty."
            )
        ]
    if errors:
        raise InvalidInputError(errors)
    due = trajectory.next_report_due
    report = ProgressReport.objects.create(
        trajectory=trajectory,
        due_on=due,
        written_by=user,
        progress=progress.strip(),
        activities=activities.strip(),
        next_steps=next_steps.strip(),
        health_section=health_section.strip(),
    )
    if due is not None and trajectory.status == Status.STARTED:
        interval = _report_interval(trajectory)
        following = add_weeks(due, interval)
        while following <= clock.today():
            following = add_weeks(following, interval)
        trajectory.next_report_due = following
        _save(trajectory, ["next_report_due"])
    fields = ["progress", "activities", "next_steps"]
    if report.health_section:
        fields.append("health_section")
    audit_record(
        user=user,
        action=AuditEvent.Action.CREATE,
        object_type="progress-report",
        object_id=report.pk,
        job_seeker_id=trajectory.job_seeker_id,
        municipality_id=trajectory.municipality_id,
        fields=fields,
    )
    return report


EVALUATION_FIELDS = (
    "choices_made",
    "guidance_style",
    "what_worked",
    "what_did_not",
    "job_seeker_view",
)


@transaction.atomic
def trajectory_evaluate(*, user: User, trajectory_id: int, data: Mapping[str, str]) -> Evaluation:
    """TR7: the evaluation once the trajectory has ended, by its coach or caseworker."""
    trajectory = _locked(user=user, trajectory_id=trajectory_id, expected_version=None)
    if not user.has_perm("trajectories.evaluate", trajectory):
        raise PermissionDeniedError(code="evaluation-denied")
    if trajectory.status not in (Status.COMPLETED, Status.ENDED_EARLY):
        raise ConflictError(
            _("A trajectory is evaluated once it has ended."), code="trajectory-not-ended"
        )
    if Evaluation.objects.filter(trajectory=trajectory).exists():
        raise ConflictError(
            _("This trajectory has been evaluated already."), code="evaluation-exists"
        )
    unknown = sorted(set(data) - set(EVALUATION_FIELDS))
    errors = {name: [_("Unknown field.")] for name in unknown}
    for name in EVALUATION_FIELDS:
        if not str(data.get(name) or "").strip():
            errors[name] = [_("This part of the evaluation is required.")]
    if errors:
        raise InvalidInputError(errors)
    evaluation = Evaluation.objects.create(
        trajectory=trajectory,
        written_by=user,
        **{name: str(data[name]).strip() for name in EVALUATION_FIELDS},
    )
    _audit(
        user=user,
        action=AuditEvent.Action.CREATE,
        trajectory=trajectory,
        fields=EVALUATION_FIELDS,
        detail="evaluation",
    )
    return evaluation
