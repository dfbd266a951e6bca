"""Every write on a complaint (RI2): one transaction each, the audit event in it,
notifications after commit.

Filing (``complaint_file``) routes the complaint by the municipality's rules and starts
its term from receipt: the handling term, or the committee's when the municipality has
an advisory committee, with the Algemene termijnenwet. The handler acknowledges it in
writing (``complaint_acknowledge``), may postpone the term once by at most 4 weeks
with a written notice (``complaint_postpone``), hears the complainant or records why not
(``complaint_hear``) and decides in writing (``complaint_decide``). A complainant not
satisfied says so within the term (``complaint_say_dissatisfied``); the handler then
follows the municipality's rules (``complaint_follow_up``): handled again, or pointed
to the ombudsman. Lessons go back to an organisation (``lesson_record``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.complaints import notifications, routing
from werkpad.complaints.models import (
    MAX_POSTPONEMENT_WEEKS,
    Channel,
    Complaint,
    ComplaintRoutingRule,
    FollowUp,
    HandledBy,
    HearingSkipped,
    Lesson,
    Letter,
    Outcome,
    Subject,
)
from werkpad.complaints.selectors import OBJECT_TYPE, complaint_scope
from werkpad.complaints.workflow import LIFECYCLE, POSTPONABLE, Status
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
from werkpad.core.models import AuditEvent, DissatisfactionRoute, MunicipalitySettings, Organisation
from werkpad.core.permissions import Role, scope_of
from werkpad.jobseekers.models import JobSeeker
from werkpad.trajectories.models import Trajectory

#: Longest free text, in characters.
MAX_TEXT = 4000


@dataclass(frozen=True)
class Filing:
    """What a complaint says. ``about`` is the organisation it is about (the municipality's
    or a provider's); ``job_seeker_id`` or ``complainant_name`` names the complainant when
    a handler files on their behalf."""

    subject: str
    about_id: int
    description: str
    channel: str = Channel.WEB
    trajectory_id: int | None = None
    job_seeker_id: int | None = None
    complainant_name: str = ""
    complainant_address: str = ""
    received_on: dt.date | None = None


def term_end(received_on: dt.date, settings: MunicipalitySettings) -> tuple[dt.date, bool]:
    """The last day of a complaint's term (Awb art. 9:11(1), Atw) and whether the
    committee's term applies."""
    return add_weeks(received_on, settings.complaint_weeks), settings.uses_complaint_committee


def postponed_end(original: dt.date, weeks: int) -> dt.date:
    """The term postponed by ``weeks`` (Awb art. 9:11(2), Atw)."""
    return add_weeks(original, weeks)


def _audit(
    user: User, complaint: Complaint, action: str, *, fields: Iterable[str] = (), detail: str = ""
) -> None:
    audit_record(
        user=user,
        action=action,
        object_type=OBJECT_TYPE,
        object_id=complaint.pk,
        job_seeker_id=complaint.job_seeker_id,
        municipality_id=complaint.municipality_id,
        fields=fields,
        detail=detail,
    )


def _text(value: str, name: str, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise InvalidInputError({name: [_("This field is required.")]})
    if len(value) > MAX_TEXT:
        raise InvalidInputError(
            {name: [_("Write at most %(count)s characters.") % {"count": MAX_TEXT}]}
        )
    return value


def _choice(value: str, choices: Any, name: str) -> str:
    if value not in choices.values:
        raise InvalidInputError(
            {name: [_("Choose one of: %(values)s.") % {"values": ", ".join(choices.values)}]}
        )
    return value


def _letter(complaint: Complaint, kind: str, **extra: str) -> Letter:
    """Record a letter to the complainant with what it says as it is now."""
    settings = MunicipalitySettings.for_id(complaint.municipality_id)
    body: dict[str, str] = {
        "reference": complaint.reference,
        "complainant": complaint.complainant_name,
        "address": complaint.complainant_address,
        "municipality": complaint.municipality.name,
        "handler": complaint.routed_to.name,
        "about": complaint.about.name,
        "subject": complaint.subject,
        "received_on": complaint.received_on.isoformat(),
        "term_ends_on": complaint.term_ends_on.isoformat(),
        "original_term_ends_on": complaint.original_term_ends_on.isoformat(),
        "committee": "yes" if complaint.committee else "",
        "ombudsman": settings.ombudsman_name,
        "ombudsman_address": settings.ombudsman_address,
        "ombudsman_website": settings.ombudsman_website,
        "route": settings.complaint_dissatisfaction_route,
        **extra,
    }
    return Letter.objects.create(complaint=complaint, kind=kind, sent_on=clock.today(), body=body)


def _address(job_seeker: JobSeeker) -> str:
    return " ".join(part for part in (job_seeker.postcode, job_seeker.city) if part)


def _complainant_of(user: User, filing: Filing, municipality_id_hint: int | None) -> dict[str, Any]:
    """Who complains and in which municipality: the user themselves (a job seeker, an
    employer) or, for a complaint handler, the person they file for."""
    scope = scope_of(user)
    if user.has_perm("complaints.file_on_behalf") and filing.channel != Channel.WEB:
        from werkpad.complaints.rules import municipal_handler_municipalities

        municipalities = municipal_handler_municipalities(user)
        if filing.job_seeker_id is not None:
            job_seeker = JobSeeker.objects.filter(
                pk=filing.job_seeker_id, municipality_id__in=municipalities
            ).first()
            if job_seeker is None:
                raise InvalidInputError({"job_seeker": [_("There is no such job seeker.")]})
            return {
                "job_seeker": job_seeker,
                "municipality_id": job_seeker.municipality_id,
                "complainant_name": job_seeker.full_name,
                "complainant_address": filing.complainant_address.strip() or _address(job_seeker),
            }
        name = _text(filing.complainant_name, "complainant_name")
        return {
            "municipality_id": municipality_id_hint or min(municipalities),
            "complainant_name": name,
            "complainant_address": filing.complainant_address.strip(),
        }
    if scope.has(Role.JOB_SEEKER):
        job_seeker = JobSeeker.objects.filter(user=user).first()
        if job_seeker is None:
            raise PermissionDeniedError(code="complaint-file-denied")
        return {
            "job_seeker": job_seeker,
            "municipality_id": job_seeker.municipality_id,
            "complainant_name": job_seeker.full_name,
            "complainant_address": _address(job_seeker),
        }
    if scope.has(Role.EMPLOYER):
        grant = next(g for g in scope.grants if g.role == Role.EMPLOYER)
        return {
            "employer_id": grant.organisation_id,
            "municipality_id": grant.municipality_id,
            "complainant_name": f"{user.get_full_name() or user.get_username()} ({grant.organisation_name})",
            "complainant_address": filing.complainant_address.strip(),
        }
    raise PermissionDeniedError(code="complaint-file-denied")


def about_choices(
    *, user: User, municipality_id: int, job_seeker: JobSeeker | None
) -> list[Organisation]:
    """What a complaint may be about: the municipality, and the providers of the job
    seeker's trajectories (all the municipality's providers for a handler filing for
    someone without a file; none for an employer)."""
    organisation = routing.municipality_organisation(municipality_id)
    found = [organisation] if organisation is not None else []
    if (
        scope_of(user).has(Role.EMPLOYER)
        and job_seeker is None
        and not scope_of(user).has(Role.COMPLAINT_HANDLER)
    ):
        return found
    providers = Organisation.objects.filter(
        municipality_id=municipality_id, kind=Organisation.Kind.PROVIDER
    )
    if job_seeker is not None:
        providers = providers.filter(provider__trajectories__job_seeker=job_seeker).distinct()
    return found + list(providers.order_by("name"))


@transaction.atomic
def complaint_file(*, user: User, filing: Filing, municipality_id: int | None = None) -> Complaint:
    """File a complaint: on one's own pages (channel web), or by a municipality's complaint
    handler on someone's behalf (phone, desk, letter, e-mail). Routed by the
    municipality's rules; the term runs from receipt."""
    if not (user.has_perm("complaints.file_own") or user.has_perm("complaints.file_on_behalf")):
        raise PermissionDeniedError(code="complaint-file-denied")
    _choice(filing.channel, Channel, "channel")
    if filing.channel != Channel.WEB and not user.has_perm("complaints.file_on_behalf"):
        raise InvalidInputError(
            {"channel": [_("On your own pages the channel is your own pages.")]}
        )
    if filing.channel == Channel.WEB and not user.has_perm("complaints.file_own"):
        raise InvalidInputError(
            {"channel": [_("Say how the complaint came in: phone, desk, letter or e-mail.")]}
        )
    subject = _choice(filing.subject, Subject, "subject")
    description = _text(filing.description, "description")
    who = _complainant_of(user, filing, municipality_id)
    municipality = who["municipality_id"]
    job_seeker = who.get("job_seeker")
    allowed = about_choices(user=user, municipality_id=municipality, job_seeker=job_seeker)
    if "employer_id" in who:
        allowed = allowed[:1]
    about = next((o for o in allowed if o.pk == filing.about_id), None)
    if about is None:
        raise InvalidInputError({"about": [_("Choose the municipality or one of your providers.")]})
    if subject == Subject.PROVIDER_CONDUCT and about.kind != Organisation.Kind.PROVIDER:
        raise InvalidInputError(
            {"about": [_("A complaint about a provider's coach is about that provider.")]}
        )
    trajectory = None
    if filing.trajectory_id is not None:
        trajectory = Trajectory.objects.filter(
            pk=filing.trajectory_id, job_seeker=job_seeker
        ).first()
        if trajectory is None or job_seeker is None:
            raise InvalidInputError({"trajectory": [_("There is no such trajectory of yours.")]})
    found = routing.route(
        municipality_id=municipality,
        subject=subject,
        about=about,
        by_employer="employer_id" in who,
    )
    if found is None:
        raise ConflictError(
            _("The municipality has no organisation to handle complaints yet."),
            code="complaint-no-handler",
        )
    received_on = filing.received_on or clock.today()
    if received_on > clock.today():
        raise InvalidInputError({"received_on": [_("The date of receipt lies in the future.")]})
    settings = MunicipalitySettings.for_id(municipality)
    ends, committee = term_end(received_on, settings)
    complaint = Complaint(
        municipality_id=municipality,
        job_seeker=job_seeker,
        employer_id=who.get("employer_id"),
        complainant_name=who["complainant_name"],
        complainant_address=who["complainant_address"][:300],
        filed_by=user,
        channel=filing.channel,
        subject=subject,
        about=about,
        trajectory=trajectory,
        description=description,
        received_on=received_on,
        routed_to=found.organisation,
        routed_by=found.subject,
        committee=committee,
        original_term_ends_on=ends,
        term_ends_on=ends,
    )
    complaint.save()
    begin(complaint, Status.RECEIVED, user=user)
    complaint.save(update_fields=["status"])
    _audit(user, complaint, AuditEvent.Action.CREATE, fields=["subject", "description", "channel"])
    notifications.notify_filed(complaint, actor=user)
    return complaint


def _locked(user: User, complaint_id: int, perm: str, code: str) -> Complaint:
    complaint = (
        complaint_scope(user=user)
        .select_for_update(of=("self",))
        .select_related("municipality", "routed_to", "about")
        .filter(pk=complaint_id)
        .first()
    )
    if complaint is None or not user.has_perm("complaints.view_complaint", complaint):
        raise NotFoundError(
            _("There is no complaint you may see here."), code="complaint-not-found"
        )
    if not user.has_perm(perm, complaint):
        raise PermissionDeniedError(code=code)
    return complaint


def _check_version(complaint: Complaint, expected: int | None) -> None:
    if expected is not None and complaint.version != expected:
        raise StaleEditError(current_version=complaint.version)


def _save(complaint: Complaint, *fields: str) -> None:
    complaint.version += 1
    complaint.updated_at = clock.now()
    complaint.save(update_fields=["version", "updated_at", "status", *fields])


def _handled(user: User, complaint_id: int, expected_version: int | None) -> Complaint:
    complaint = _locked(user, complaint_id, "complaints.handle", "complaint-handle-denied")
    _check_version(complaint, expected_version)
    return complaint


@transaction.atomic
def complaint_acknowledge(
    *, user: User, complaint_id: int, expected_version: int | None = None
) -> Complaint:
    """Confirm the receipt in writing (Awb art. 9:5): the letter says who handles the
    complaint and by when; the handler who acknowledges takes it on."""
    complaint = _handled(user, complaint_id, expected_version)
    transition(complaint, Status.ACKNOWLEDGED, lifecycle=LIFECYCLE, user=user)
    complaint.acknowledged_on = clock.today()
    complaint.handler = user
    _save(complaint, "acknowledged_on", "handler")
    _letter(complaint, Letter.Kind.ACKNOWLEDGEMENT)
    _audit(user, complaint, AuditEvent.Action.UPDATE, fields=["status", "acknowledged_on"])
    notifications.notify_complainant(complaint, Letter.Kind.ACKNOWLEDGEMENT, actor=user)
    return complaint


@transaction.atomic
def complaint_postpone(
    *,
    user: User,
    complaint_id: int,
    weeks: int,
    reason: str,
    expected_version: int | None = None,
) -> Complaint:
    """Postpone the term once, by at most 4 weeks, with a written notice to the complainant
    (Awb art. 9:11(2)). A second postponement, or a longer one, is refused."""
    complaint = _handled(user, complaint_id, expected_version)
    if complaint.status not in POSTPONABLE:
        raise ConflictError(
            _("Only a complaint that is being handled can be postponed."),
            code="complaint-postpone-refused",
        )
    if complaint.postponed_on is not None:
        raise ConflictError(
            _(
                "The term of this complaint was postponed already; the law allows it once "
                "(Awb art. 9:11(2))."
            ),
            code="complaint-postponed-already",
        )
    if not 1 <= weeks <= MAX_POSTPONEMENT_WEEKS:
        raise InvalidInputError(
            {
                "weeks": [
                    _("Postpone by at least 1 and at most %(max)s weeks (Awb art. 9:11(2)).")
                    % {"max": MAX_POSTPONEMENT_WEEKS}
                ]
            },
            codes={"weeks": "complaint-postponement-too-long"},
        )
    reason = _text(reason, "reason")
    complaint.term_ends_on = postponed_end(complaint.original_term_ends_on, weeks)
    complaint.postponed_on = clock.today()
    complaint.postponement_reason = reason
    _save(complaint, "term_ends_on", "postponed_on", "postponement_reason")
    _letter(complaint, Letter.Kind.POSTPONEMENT, reason=reason, weeks=str(weeks))
    _audit(user, complaint, AuditEvent.Action.UPDATE, fields=["term_ends_on", "postponed_on"])
    notifications.notify_complainant(complaint, Letter.Kind.POSTPONEMENT, actor=user)
    return complaint


@transaction.atomic
def complaint_hear(
    *,
    user: User,
    complaint_id: int,
    held_on: dt.date | None = None,
    skipped: str = "",
    notes: str = "",
    expected_version: int | None = None,
) -> Complaint:
    """Record the hearing (Awb art. 9:10): the day it was held, or why it was skipped
    (one of the reasons art. 9:10(2) allows)."""
    complaint = _handled(user, complaint_id, expected_version)
    if (held_on is None) == (not skipped):
        raise InvalidInputError(
            {"held_on": [_("Give the day of the hearing, or why it was skipped; not both.")]}
        )
    if skipped:
        _choice(skipped, HearingSkipped, "skipped")
    if held_on is not None and (held_on > clock.today() or held_on < complaint.received_on):
        raise InvalidInputError({"held_on": [_("The hearing lies between the receipt and today.")]})
    notes = _text(notes, "notes", required=False)
    transition(complaint, Status.HEARD, lifecycle=LIFECYCLE, user=user)
    complaint.hearing_held_on = held_on
    complaint.hearing_skipped = skipped
    complaint.hearing_notes = notes
    _save(complaint, "hearing_held_on", "hearing_skipped", "hearing_notes")
    _audit(user, complaint, AuditEvent.Action.UPDATE, fields=["hearing"])
    return complaint


@transaction.atomic
def complaint_decide(
    *,
    user: User,
    complaint_id: int,
    outcome: str,
    conclusions: str,
    measures: str = "",
    expected_version: int | None = None,
) -> Complaint:
    """The written outcome (Awb art. 9:12): founded, partly founded or unfounded, with the
    conclusions and any measures; the letter names where the complainant may go next."""
    complaint = _handled(user, complaint_id, expected_version)
    _choice(outcome, Outcome, "outcome")
    conclusions = _text(conclusions, "conclusions")
    measures = _text(measures, "measures", required=False)
    transition(complaint, Status.DECIDED, lifecycle=LIFECYCLE, user=user)
    settings = MunicipalitySettings.for_id(complaint.municipality_id)
    complaint.outcome = outcome
    complaint.conclusions = conclusions
    complaint.measures = measures
    complaint.decided_on = clock.today()
    complaint.dissatisfaction_ends_on = add_weeks(
        complaint.decided_on, settings.complaint_dissatisfaction_weeks
    )
    _save(complaint, "outcome", "conclusions", "measures", "decided_on", "dissatisfaction_ends_on")
    _letter(
        complaint,
        Letter.Kind.DECISION,
        outcome=outcome,
        conclusions=conclusions,
        measures=measures,
        decided_on=complaint.decided_on.isoformat(),
        dissatisfaction_ends_on=complaint.dissatisfaction_ends_on.isoformat(),
    )
    _audit(user, complaint, AuditEvent.Action.UPDATE, fields=["outcome", "conclusions"])
    notifications.notify_complainant(complaint, Letter.Kind.DECISION, actor=user)
    return complaint


@transaction.atomic
def complaint_say_dissatisfied(*, user: User, complaint_id: int, text: str) -> Complaint:
    """The complainant is not satisfied with the outcome: within the municipality's term
    after the decision."""
    complaint = _locked(
        user, complaint_id, "complaints.say_dissatisfied", "complaint-dissatisfaction-denied"
    )
    text = _text(text, "text")
    if complaint.status == Status.DECIDED and not complaint.may_say_dissatisfied():
        raise ConflictError(
            _("The term to say you are not satisfied ended on %(date)s.")
            % {"date": (complaint.dissatisfaction_ends_on or clock.today()).strftime("%d-%m-%Y")},
            code="complaint-dissatisfaction-late",
        )
    transition(complaint, Status.DISSATISFIED, lifecycle=LIFECYCLE, user=user)
    complaint.dissatisfied_on = clock.today()
    complaint.dissatisfaction_text = text
    _save(complaint, "dissatisfied_on", "dissatisfaction_text")
    _audit(user, complaint, AuditEvent.Action.UPDATE, fields=["dissatisfaction_text"])
    notifications.notify_handlers(complaint, actor=user)
    return complaint


@transaction.atomic
def complaint_follow_up(
    *, user: User, complaint_id: int, expected_version: int | None = None
) -> Complaint:
    """Follow the municipality's rules for a complainant who is not satisfied: the
    complaint is handled again, with a new term from today, or the complainant is
    pointed to the ombudsman."""
    complaint = _handled(user, complaint_id, expected_version)
    settings = MunicipalitySettings.for_id(complaint.municipality_id)
    if settings.complaint_dissatisfaction_route == DissatisfactionRoute.REOPEN:
        transition(complaint, Status.REOPENED, lifecycle=LIFECYCLE, user=user)
        complaint.follow_up = FollowUp.REOPENED
        complaint.reopened_on = clock.today()
        ends, complaint.committee = term_end(complaint.reopened_on, settings)
        complaint.original_term_ends_on = complaint.term_ends_on = ends
        complaint.postponed_on = None
        complaint.postponement_reason = ""
        _save(
            complaint,
            "follow_up",
            "reopened_on",
            "committee",
            "original_term_ends_on",
            "term_ends_on",
            "postponed_on",
            "postponement_reason",
        )
    else:
        transition(complaint, Status.REFERRED, lifecycle=LIFECYCLE, user=user)
        complaint.follow_up = FollowUp.OMBUDSMAN
        _save(complaint, "follow_up")
    _audit(user, complaint, AuditEvent.Action.UPDATE, fields=["follow_up"])
    return complaint


@transaction.atomic
def complaint_withdraw(
    *, user: User, complaint_id: int, reason: str, expected_version: int | None = None
) -> Complaint:
    """The complainant withdraws the complaint (they themselves, or the handler records it)."""
    complaint = _locked(user, complaint_id, "complaints.withdraw", "complaint-withdraw-denied")
    _check_version(complaint, expected_version)
    transition(complaint, Status.WITHDRAWN, lifecycle=LIFECYCLE, user=user, reason=reason)
    _save(complaint)
    _audit(user, complaint, AuditEvent.Action.UPDATE, fields=["status"])
    return complaint


@transaction.atomic
def lesson_record(
    *, user: User, complaint_id: int, text: str, organisation_id: int | None = None
) -> Lesson:
    """A lesson from a decided complaint, for the organisation it was about (or the one
    handling it)."""
    complaint = _locked(user, complaint_id, "complaints.handle", "complaint-handle-denied")
    if not complaint.has_decision:
        raise ConflictError(
            _("Record lessons once the complaint is decided."), code="complaint-lesson-early"
        )
    text = _text(text, "text")
    allowed = {complaint.about_id, complaint.routed_to_id}
    organisation = organisation_id or complaint.about_id
    if organisation not in allowed:
        raise InvalidInputError(
            {"organisation": [_("Choose the organisation the complaint is about or handled by.")]}
        )
    lesson = Lesson.objects.create(
        complaint=complaint, organisation_id=organisation, text=text, recorded_by=user
    )
    _audit(user, complaint, AuditEvent.Action.CREATE, fields=["lesson"])
    return lesson


@transaction.atomic
def routing_rule_set(
    *, user: User, municipality_id: int, subject: str, handled_by: str
) -> ComplaintRoutingRule:
    """The functional administrator sets who handles complaints on ``subject``."""
    if not user.has_perm("complaints.change_routing") or municipality_id not in scope_of(
        user
    ).municipalities(Role.FUNCTIONAL_ADMIN):
        raise PermissionDeniedError(code="complaint-routing-denied")
    _choice(subject, Subject, "subject")
    _choice(handled_by, HandledBy, "handled_by")
    if handled_by == HandledBy.PROVIDER and subject == Subject.EMPLOYER_SERVICE:
        raise InvalidInputError(
            {"handled_by": [_("The employer service is the municipality's own.")]}
        )
    rule, _created = ComplaintRoutingRule.objects.update_or_create(
        municipality_id=municipality_id,
        subject=subject,
        defaults={"handled_by": handled_by, "updated_at": clock.now()},
    )
    audit_record(
        user=user,
        action=AuditEvent.Action.UPDATE,
        object_type="complaint-routing",
        object_id=rule.pk,
        municipality_id=municipality_id,
        fields=[subject],
        detail=handled_by,
    )
    return rule
