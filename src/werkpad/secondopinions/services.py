"""Every write on a second opinion (RI3): one transaction each, the row locked, audited
in it, notifications after commit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from werkpad.accounts.models import Membership, User
from werkpad.consents import parts as file_parts
from werkpad.consents import services as consent_services
from werkpad.consents.models import Consent
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.deadlines import add_weeks
from werkpad.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.lifecycle import begin, transition
from werkpad.core.models import AuditEvent, Municipality, MunicipalitySettings, Organisation
from werkpad.core.permissions import Role, scope_of
from werkpad.jobseekers.models import JobSeeker
from werkpad.jobseekers.selectors import jobseeker_scope
from werkpad.jobseekers.services import refuse_if_left
from werkpad.providers.models import Programme
from werkpad.secondopinions import motivation as motivation_rule
from werkpad.secondopinions import notifications
from werkpad.secondopinions.models import (
    NEEDS_MOTIVATION,
    Decision,
    OtherExpertMode,
    RequestedBy,
    SecondOpinion,
)
from werkpad.secondopinions.workflow import CLOSED, LIFECYCLE, OPEN, WAITING_FOR_ADVICE, Status
from werkpad.trajectories.models import Trajectory

OBJECT_TYPE = "second opinion"
#: An advice is a text of substance: at least this many characters.
MIN_ADVICE_CHARACTERS = 80


def term_ends_on(*, requested_on: dt.date, municipality: Municipality) -> dt.date:
    """The last day for the advice: the municipality's term in weeks from the request,
    moved to the next working day by the Algemene termijnenwet."""
    weeks = MunicipalitySettings.of(municipality).second_opinion_term_weeks
    return add_weeks(requested_on, weeks)


def _audit(*, user: User, second_opinion: SecondOpinion, action: str, fields: list[str]) -> None:
    audit_record(
        user=user,
        action=action,
        object_type=OBJECT_TYPE,
        object_id=second_opinion.pk,
        job_seeker_id=second_opinion.job_seeker_id,
        municipality_id=second_opinion.municipality_id,
        fields=fields,
    )


def _locked(
    *, user: User, second_opinion_id: int, permission: str, expected_version: int | None
) -> SecondOpinion:
    second_opinion = (
        SecondOpinion.objects.select_for_update()
        .select_related("job_seeker")
        .filter(pk=second_opinion_id)
        .first()
    )
    if second_opinion is None or not user.has_perm(
        "secondopinions.view_secondopinion", second_opinion
    ):
        raise NotFoundError(code="second-opinion-not-found")
    if not user.has_perm(permission, second_opinion):
        action = permission.split(".")[1].replace("_", "-")
        raise PermissionDeniedError(code=f"second-opinion-{action}-denied")
    if expected_version is not None and second_opinion.version != expected_version:
        raise StaleEditError(current_version=second_opinion.version)
    return second_opinion


def _save(second_opinion: SecondOpinion, fields: list[str]) -> None:
    second_opinion.version += 1
    second_opinion.updated_at = clock.now()
    second_opinion.save(update_fields=[*fields, "version", "updated_at"])


def advisor_office_of(municipality_id: int) -> Organisation | None:
    """The municipality's independent advisor's office (the first, when there are more)."""
    return (
        Organisation.objects.filter(
            municipality_id=municipality_id, kind=Organisation.Kind.ADVISOR_OFFICE
        )
        .order_by("pk")
        .first()
    )


def _advisors(office_id: int) -> list[int]:
    return list(
        Membership.objects.filter(
            organisation_id=office_id, role=Role.ADVISOR, is_active=True, user__is_active=True
        )
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )


def _least_busy_advisor(office_id: int) -> int | None:
    """The office's advisor with the fewest second opinions waiting for their advice (the
    first by id among equals): how the office shares its work."""
    advisors = _advisors(office_id)
    if not advisors:
        return None
    load = dict(
        SecondOpinion.objects.filter(advisor_id__in=advisors, status__in=WAITING_FOR_ADVICE)
        .values("advisor_id")
        .annotate(n=Count("pk"))
        .values_list("advisor_id", "n")
    )
    return min(advisors, key=lambda advisor: (load.get(advisor, 0), advisor))


def _subject(
    *, job_seeker: JobSeeker, programme_id: int | None, trajectory_id: int | None
) -> tuple[Programme | None, Trajectory | None]:
    if (programme_id is None) == (trajectory_id is None):
        raise InvalidInputError(
            {"subject": [_("Choose the programme offered or the trajectory it is about.")]}
        )
    if trajectory_id is not None:
        trajectory = Trajectory.objects.filter(pk=trajectory_id, job_seeker=job_seeker).first()
        if trajectory is None:
            raise InvalidInputError({"trajectory": [_("Choose a trajectory of this job seeker.")]})
        return None, trajectory
    assert programme_id is not None  # one of the two, checked above
    programme = Programme.objects.filter(
        pk=programme_id, municipality_id=job_seeker.municipality_id
    ).first()
    if programme is None:
        raise InvalidInputError(
            {"programme": [_("Choose a programme of the job seeker's municipality.")]}
        )
    return programme, None


@transaction.atomic
def second_opinion_request(
    *,
    user: User,
    job_seeker_id: int,
    question: str,
    programme_id: int | None = None,
    trajectory_id: int | None = None,
    shared_parts: Iterable[str] = (),
) -> SecondOpinion:
    """RI3: the caseworker refers the job seeker to the independent advisor, or the job
    seeker asks for it on their own pages, about a programme offered or a trajectory.

    The advice is due ``second_opinion_term_weeks`` after today (``term_ends_on``); the
    municipality's advisor's office gets it, and its least busy advisor is assigned.

    What the advisor reads of the file beyond its basis follows the job seeker's consent
    to the advisor's office: a caseworker's referral asks the job seeker for each part of
    the file (they answer on their own pages); a job seeker who asks names the parts they
    share (``shared_parts``), and can change that at any time.
    """
    scope = scope_of(user)
    if user.has_perm("secondopinions.refer"):
        job_seeker = jobseeker_scope(user=user).filter(pk=job_seeker_id).first()
        if job_seeker is None or job_seeker.municipality_id not in scope.municipalities(
            Role.CASEWORKER
        ):
            raise NotFoundError(code="jobseeker-not-found")
        requested_by = RequestedBy.CASEWORKER
    elif user.has_perm("secondopinions.ask"):
        job_seeker = JobSeeker.objects.filter(pk=job_seeker_id, user_id=user.pk).first()
        if job_seeker is None:
            raise NotFoundError(code="jobseeker-not-found")
        requested_by = RequestedBy.JOB_SEEKER
    else:
        raise PermissionDeniedError(code="second-opinion-request-denied")
    refuse_if_left(job_seeker)
    errors: dict[str, list[str]] = {}
    programme: Programme | None = None
    trajectory: Trajectory | None = None
    try:
        programme, trajectory = _subject(
            job_seeker=job_seeker, programme_id=programme_id, trajectory_id=trajectory_id
        )
    except InvalidInputError as error:
        errors.update(error.errors)
    if not question.strip():
        errors["question"] = [_("Say what the doubt or disagreement is about.")]
    if errors:
        raise InvalidInputError(errors)
    open_ones = SecondOpinion.objects.filter(job_seeker=job_seeker, status__in=OPEN)
    if open_ones.filter(Q(programme=programme) if programme else Q(trajectory=trajectory)).exists():
        raise ConflictError(
            _("A second opinion about this is open already."),
            code="second-opinion-open",
        )
    office = advisor_office_of(job_seeker.municipality_id)
    if office is None:
        raise ConflictError(
            _("The municipality has no independent advisor's office in werkpad yet."),
            code="advisor-office-missing",
        )
    today = clock.today()
    second_opinion = SecondOpinion.objects.create(
        municipality_id=job_seeker.municipality_id,
        job_seeker=job_seeker,
        programme=programme,
        trajectory=trajectory,
        question=question.strip(),
        requested_by=requested_by,
        requested_by_user=user,
        requested_on=today,
        term_ends_on=term_ends_on(requested_on=today, municipality=job_seeker.municipality),
        advisor_office=office,
        status=Status.REQUESTED,
    )
    begin(second_opinion, Status.REQUESTED, user=user)
    advisor = _least_busy_advisor(office.pk)
    if advisor is not None:
        second_opinion.advisor_id = advisor
        transition(second_opinion, Status.ASSIGNED, lifecycle=LIFECYCLE, user=user)
        second_opinion.save(update_fields=["advisor", "status"])
    _audit(
        user=user,
        second_opinion=second_opinion,
        action=AuditEvent.Action.CREATE,
        fields=["question", "programme" if programme else "trajectory", "advisor"],
    )
    _ask_or_give_consent(
        user=user,
        second_opinion=second_opinion,
        shared_parts=shared_parts,
    )
    if advisor is not None:
        notifications.notify_assigned(second_opinion, actor=user)
    return second_opinion


def _ask_or_give_consent(
    *, user: User, second_opinion: SecondOpinion, shared_parts: Iterable[str]
) -> None:
    """In the request's transaction: the caseworker's referral asks the job seeker for
    each part of the file for the advisor's office; the job seeker gives the parts they
    chose."""
    job_seeker = second_opinion.job_seeker
    office = second_opinion.advisor_office
    if second_opinion.requested_by == RequestedBy.CASEWORKER:
        consent_services.consent_request(
            user=user,
            job_seeker=job_seeker,
            recipient=Consent.Recipient.ADVISOR,
            organisation=office,
            parts=file_parts.CODES,
            reason=_("Second opinion about %(subject)s") % {"subject": second_opinion.subject_name},
        )
        return
    unknown = sorted(set(shared_parts) - set(file_parts.CODES))
    if unknown:
        raise InvalidInputError({"shared_parts": [_("Choose among the parts of your file.")]})
    for part in dict.fromkeys(shared_parts):
        consent_services.consent_give(
            user=user,
            job_seeker_id=job_seeker.pk,
            recipient=Consent.Recipient.ADVISOR,
            organisation_id=office.pk,
            part=part,
        )


@transaction.atomic
def second_opinion_assign(
    *, user: User, second_opinion_id: int, advisor_id: int, expected_version: int | None = None
) -> SecondOpinion:
    """Assign (or hand over) the second opinion to an advisor of its office, while it
    waits for the advice."""
    second_opinion = _locked(
        user=user,
        second_opinion_id=second_opinion_id,
        permission="secondopinions.assign",
        expected_version=expected_version,
    )
    if second_opinion.status != Status.ASSIGNED:
        LIFECYCLE.check(second_opinion.status, Status.ASSIGNED, step="assign")
    if advisor_id not in _advisors(second_opinion.advisor_office_id):
        raise InvalidInputError({"advisor": [_("Choose an advisor of the advisor's office.")]})
    if second_opinion.status == Status.REQUESTED:
        transition(second_opinion, Status.ASSIGNED, lifecycle=LIFECYCLE, user=user)
    elif advisor_id == second_opinion.advisor_id:
        raise ConflictError(
            _("This advisor has it already."), code="second-opinion-assigned-already"
        )
    second_opinion.advisor_id = advisor_id
    _save(second_opinion, ["advisor", "status"])
    _audit(
        user=user,
        second_opinion=second_opinion,
        action=AuditEvent.Action.UPDATE,
        fields=["advisor"],
    )
    notifications.notify_assigned(second_opinion, actor=user)
    return second_opinion


@transaction.atomic
def second_opinion_advise(
    *, user: User, second_opinion_id: int, advice: str, expected_version: int | None = None
) -> SecondOpinion:
    """The advisor writes the advice; the caseworker and the job seeker hear it is there."""
    second_opinion = _locked(
        user=user,
        second_opinion_id=second_opinion_id,
        permission="secondopinions.advise",
        expected_version=expected_version,
    )
    LIFECYCLE.check(second_opinion.status, Status.ADVISED, step="advise")
    if len(advice.strip()) < MIN_ADVICE_CHARACTERS:
        raise InvalidInputError(
            {
                "advice": [
                    _("Write the advice with its reasons (at least %(n)s characters).")
                    % {"n": MIN_ADVICE_CHARACTERS}
                ]
            }
        )
    transition(second_opinion, Status.ADVISED, lifecycle=LIFECYCLE, user=user, step="advise")
    second_opinion.advice = advice.strip()
    second_opinion.advice_by_other_expert = False
    second_opinion.advised_at = clock.now()
    second_opinion.advised_by = user
    _save(
        second_opinion,
        ["status", "advice", "advice_by_other_expert", "advised_at", "advised_by"],
    )
    _audit(
        user=user,
        second_opinion=second_opinion,
        action=AuditEvent.Action.UPDATE,
        fields=["advice"],
    )
    notifications.notify_advice(second_opinion, actor=user)
    return second_opinion


@transaction.atomic
def second_opinion_other_expert(
    *,
    user: User,
    second_opinion_id: int,
    name: str,
    organisation: str,
    role: str,
    mode: str,
    advice: str = "",
    expected_version: int | None = None,
) -> SecondOpinion:
    """Seed 004: the job seeker consulted another expert (a union official, say) as well
    as the advisor, or instead. Instead: that expert's advice is the advice, and the
    second opinion goes on to the meeting and the decision without the advisor's."""
    second_opinion = _locked(
        user=user,
        second_opinion_id=second_opinion_id,
        permission="secondopinions.record_other_expert",
        expected_version=expected_version,
    )
    if second_opinion.status in CLOSED:
        LIFECYCLE.check(second_opinion.status, Status.ADVISED, step="advise")
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["name"] = [_("Give the expert's name.")]
    if not role.strip():
        errors["role"] = [_("Say what the expert does, for example union official.")]
    if mode not in OtherExpertMode.values:
        errors["mode"] = [_("Choose: as well as the advisor, or instead.")]
    if mode == OtherExpertMode.INSTEAD and len(advice.strip()) < MIN_ADVICE_CHARACTERS:
        errors["advice"] = [
            _(
                "Instead of the advisor: write down the expert's advice with its reasons (at "
                "least %(n)s characters)."
            )
            % {"n": MIN_ADVICE_CHARACTERS}
        ]
    if errors:
        raise InvalidInputError(errors)
    fields = ["other_expert_name", "other_expert_organisation", "other_expert_role"]
    fields += ["other_expert_mode", "other_expert_advice"]
    if mode == OtherExpertMode.INSTEAD:
        if second_opinion.status not in WAITING_FOR_ADVICE:
            raise ConflictError(
                _(
                    "The advisor's advice is there already: record the other expert as "
                    "consulted as well."
                ),
                code="second-opinion-advised-already",
            )
        transition(second_opinion, Status.ADVISED, lifecycle=LIFECYCLE, user=user)
        second_opinion.advice = advice.strip()
        second_opinion.advice_by_other_expert = True
        second_opinion.advised_at = clock.now()
        second_opinion.advised_by = user
        fields += ["status", "advice", "advice_by_other_expert", "advised_at", "advised_by"]
    second_opinion.other_expert_name = name.strip()
    second_opinion.other_expert_organisation = organisation.strip()
    second_opinion.other_expert_role = role.strip()
    second_opinion.other_expert_mode = mode
    second_opinion.other_expert_advice = advice.strip()
    _save(second_opinion, fields)
    _audit(user=user, second_opinion=second_opinion, action=AuditEvent.Action.UPDATE, fields=fields)
    if mode == OtherExpertMode.INSTEAD:
        notifications.notify_advice(second_opinion, actor=user)
    return second_opinion


@transaction.atomic
def second_opinion_record_meeting(
    *,
    user: User,
    second_opinion_id: int,
    held_on: dt.date,
    present: str,
    notes: str,
    expected_version: int | None = None,
) -> SecondOpinion:
    """The job seeker and the caseworker discussed the advice: when, who, what."""
    second_opinion = _locked(
        user=user,
        second_opinion_id=second_opinion_id,
        permission="secondopinions.record_meeting",
        expected_version=expected_version,
    )
    LIFECYCLE.check(second_opinion.status, Status.DISCUSSED)
    errors: dict[str, list[str]] = {}
    assert second_opinion.advised_at is not None  # advised before it can be discussed
    advised_on = timezone.localdate(second_opinion.advised_at)
    if held_on > clock.today():
        errors["held_on"] = [_("The meeting cannot be in the future.")]
    elif held_on < advised_on:
        errors["held_on"] = [
            _("The meeting cannot be before the advice (%(date)s).")
            % {"date": advised_on.strftime("%d-%m-%Y")}
        ]
    if not present.strip():
        errors["present"] = [_("Say who took part.")]
    if not notes.strip():
        errors["notes"] = [_("Write down what was discussed.")]
    if errors:
        raise InvalidInputError(errors)
    transition(second_opinion, Status.DISCUSSED, lifecycle=LIFECYCLE, user=user)
    second_opinion.meeting_held_on = held_on
    second_opinion.meeting_with = present.strip()
    second_opinion.meeting_notes = notes.strip()
    fields = ["status", "meeting_held_on", "meeting_with", "meeting_notes"]
    _save(second_opinion, fields)
    _audit(user=user, second_opinion=second_opinion, action=AuditEvent.Action.UPDATE, fields=fields)
    return second_opinion


def previous_motivations(*, user_id: int, exclude_id: int) -> list[str]:
    """The motivations this caseworker gave for other second opinions."""
    return list(
        SecondOpinion.objects.filter(decided_by_id=user_id)
        .exclude(pk=exclude_id)
        .exclude(motivation="")
        .values_list("motivation", flat=True)
    )


@transaction.atomic
def second_opinion_decide(
    *,
    user: User,
    second_opinion_id: int,
    decision: str,
    motivation: str,
    expected_version: int | None = None,
) -> SecondOpinion:
    """The caseworker's decision on the advice: follows, partly follows or rejects it.
    Partly following or rejecting needs a motivation that answers the advice
    (``motivation.check``); following may have one. The job seeker hears of it."""
    second_opinion = _locked(
        user=user,
        second_opinion_id=second_opinion_id,
        permission="secondopinions.decide",
        expected_version=expected_version,
    )
    if decision not in Decision.values:
        raise InvalidInputError(
            {"decision": [_("Choose: follows, partly follows or does not follow the advice.")]}
        )
    LIFECYCLE.check(second_opinion.status, Status.DECIDED)
    if decision in NEEDS_MOTIVATION:
        advice = "\n".join(
            text for text in (second_opinion.advice, second_opinion.other_expert_advice) if text
        )
        motivation = motivation_rule.check(
            motivation,
            advice=advice,
            previous=previous_motivations(user_id=user.pk, exclude_id=second_opinion.pk),
        )
    transition(second_opinion, Status.DECIDED, lifecycle=LIFECYCLE, user=user)
    second_opinion.decision = decision
    second_opinion.motivation = motivation.strip()
    second_opinion.decided_on = clock.today()
    second_opinion.decided_by = user
    fields = ["status", "decision", "motivation", "decided_on", "decided_by"]
    _save(second_opinion, fields)
    _audit(user=user, second_opinion=second_opinion, action=AuditEvent.Action.UPDATE, fields=fields)
    notifications.notify_decision(second_opinion, actor=user)
    return second_opinion


@transaction.atomic
def second_opinion_withdraw(
    *, user: User, second_opinion_id: int, reason: str, expected_version: int | None = None
) -> SecondOpinion:
    """The job seeker (or the caseworker, at their request) withdraws it before the
    decision, with the reason."""
    second_opinion = _locked(
        user=user,
        second_opinion_id=second_opinion_id,
        permission="secondopinions.withdraw",
        expected_version=expected_version,
    )
    transition(second_opinion, Status.WITHDRAWN, lifecycle=LIFECYCLE, user=user, reason=reason)
    second_opinion.withdrawal_reason = reason.strip()
    _save(second_opinion, ["status", "withdrawal_reason"])
    _audit(
        user=user,
        second_opinion=second_opinion,
        action=AuditEvent.Action.UPDATE,
        fields=["status", "withdrawal_reason"],
    )
    return second_opinion
