"""Every write on satisfaction surveys (RI6): one transaction each, audited in it.

The party that drafts a survey (the policy officer for the municipality, a member for the
client council) edits its questions and proposes it; the other party approves it or sends
it back with its remarks; the municipality opens it, which invites every current job
seeker of the municipality (or every employer of its register), and closes it.

Answering is anonymous: ``invitation_answer`` marks the invitation used and stores a
``Response`` with its answers that names neither the invitation nor the person. The
audit log records that the user answered the survey, never which response is theirs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db import transaction
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core import clock, lifecycle
from werkpad.core.audit import audit_record
from werkpad.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import acting_municipality_id
from werkpad.employers.models import Employer
from werkpad.jobseekers.models import JobSeeker, current_q
from werkpad.surveys import notifications
from werkpad.surveys.models import (
    SCALE,
    Answer,
    Invitation,
    Question,
    QuestionKind,
    Response,
    Survey,
)
from werkpad.surveys.rules import STAFF_ROLES, party_of
from werkpad.surveys.selectors import invitation_get, survey_get
from werkpad.surveys.workflow import LIFECYCLE, Audience, Status

OBJECT_TYPE = "survey"
MAX_QUESTIONS = 30
MAX_TEXT = 2000


def _audit(
    *, user: User, survey: Survey, fields: list[str], detail: str = "", create: bool = False
) -> None:
    audit_record(
        user=user,
        action=AuditEvent.Action.CREATE if create else AuditEvent.Action.UPDATE,
        object_type=OBJECT_TYPE,
        object_id=survey.pk,
        municipality_id=survey.municipality_id,
        fields=fields,
        detail=detail,
    )


def _locked(*, user: User, survey_id: int, for_action: str) -> Survey:
    """The survey, locked, once the user may take ``for_action`` on it."""
    survey_get(user=user, id=survey_id, for_action=for_action)
    return Survey.objects.select_for_update().get(pk=survey_id)


def _check_fields(*, title: str, audience: str, closes_on: dt.date | None) -> None:
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = [_("Give the survey a title.")]
    if audience not in Audience.values:
        errors["audience"] = [_("Choose who the survey is for: job seekers or employers.")]
    if closes_on is None:
        errors["closes_on"] = [_("Give the last day on which the survey can be answered.")]
    elif closes_on <= clock.today():
        errors["closes_on"] = [_("The closing day lies after today.")]
    if errors:
        raise InvalidInputError(errors)


@transaction.atomic
def survey_create(
    *,
    user: User,
    title: str,
    audience: str,
    closes_on: dt.date | None,
    introduction: str = "",
    municipality_id: int | None = None,
) -> Survey:
    """A draft survey of the user's municipality, made by the party the user acts for."""
    if not user.has_perm("surveys.add_survey"):
        raise PermissionDeniedError(code="survey-create-denied")
    municipality = acting_municipality_id(
        user, STAFF_ROLES, named=municipality_id, denied_code="survey-create-denied"
    )
    _check_fields(title=title, audience=audience, closes_on=closes_on)
    origin = party_of(user, municipality)
    assert origin is not None and closes_on is not None
    survey = Survey.objects.create(
        municipality_id=municipality,
        audience=audience,
        title=title.strip(),
        introduction=introduction.strip(),
        origin=origin,
        closes_on=closes_on,
        created_by=user,
    )
    lifecycle.begin(survey, Status.DRAFT, user=user)
    survey.save(update_fields=["status"])
    _audit(
        user=user,
        survey=survey,
        fields=["title", "audience", "introduction", "closes_on"],
        create=True,
    )
    return survey


def _draft_only(survey: Survey) -> None:
    if survey.status != Status.DRAFT:
        raise ConflictError(
            _("Only a draft can be changed: this survey is %(status)s.")
            % {"status": LIFECYCLE.label(survey.status)},
            code="survey-not-draft",
        )


@transaction.atomic
def survey_update(
    *,
    user: User,
    survey_id: int,
    title: str,
    audience: str,
    closes_on: dt.date | None,
    introduction: str = "",
) -> Survey:
    """Change a draft's title, audience, introduction or closing day (its maker's party)."""
    survey = _locked(user=user, survey_id=survey_id, for_action="change")
    _draft_only(survey)
    _check_fields(title=title, audience=audience, closes_on=closes_on)
    survey.title = title.strip()
    survey.audience = audience
    survey.introduction = introduction.strip()
    assert closes_on is not None
    survey.closes_on = closes_on
    survey.save()
    _audit(user=user, survey=survey, fields=["title", "audience", "introduction", "closes_on"])
    return survey


@transaction.atomic
def question_add(*, user: User, survey_id: int, text: str, kind: str) -> Question:
    """Add a question at the end of a draft."""
    survey = _locked(user=user, survey_id=survey_id, for_action="change")
    _draft_only(survey)
    errors: dict[str, list[str]] = {}
    if not text.strip():
        errors["text"] = [_("Write the question.")]
    elif len(text.strip()) > 300:
        errors["text"] = [_("Keep the question under 300 characters.")]
    if kind not in QuestionKind.values:
        errors["kind"] = [_("Choose how the question is answered.")]
    count = survey.questions.count()
    if count >= MAX_QUESTIONS:
        errors["text"] = [_("A survey has at most 30 questions: keep it short.")]
    if errors:
        raise InvalidInputError(errors)
    question = Question.objects.create(survey=survey, order=count + 1, text=text.strip(), kind=kind)
    _audit(user=user, survey=survey, fields=["questions"], detail=f"question {question.pk} added")
    return question


@transaction.atomic
def question_remove(*, user: User, survey_id: int, question_id: int) -> None:
    """Remove a question from a draft; the ones after it move up."""
    survey = _locked(user=user, survey_id=survey_id, for_action="change")
    _draft_only(survey)
    question = survey.questions.filter(pk=question_id).first()
    if question is None:
        raise NotFoundError(code="question-not-found")
    question.delete()
    for order, remaining in enumerate(survey.questions.order_by("order", "pk"), start=1):
        if remaining.order != order:
            remaining.order = order
            remaining.save(update_fields=["order"])
    _audit(user=user, survey=survey, fields=["questions"], detail=f"question {question_id} removed")


def _step(*, user: User, survey_id: int, for_action: str, target: str, reason: str = "") -> Survey:
    survey = _locked(user=user, survey_id=survey_id, for_action=for_action)
    lifecycle.transition(survey, target, lifecycle=LIFECYCLE, user=user, reason=reason)
    return survey


@transaction.atomic
def survey_propose(*, user: User, survey_id: int) -> Survey:
    """Propose the draft to the other party (the maker's party; it has questions)."""
    survey = _locked(user=user, survey_id=survey_id, for_action="change")
    LIFECYCLE.check(survey.status, Status.PROPOSED)
    if not survey.questions.exists():
        raise ConflictError(
            _("Add at least one question before proposing the survey."),
            code="survey-without-questions",
        )
    lifecycle.transition(survey, Status.PROPOSED, lifecycle=LIFECYCLE, user=user)
    survey.save(update_fields=["status"])
    _audit(user=user, survey=survey, fields=["status"], detail="proposed")
    return survey


@transaction.atomic
def survey_approve(*, user: User, survey_id: int) -> Survey:
    """The other party approves the proposed questions."""
    survey = _step(user=user, survey_id=survey_id, for_action="approve", target=Status.APPROVED)
    survey.approved_by_party = survey.approver
    survey.save(update_fields=["status", "approved_by_party"])
    _audit(user=user, survey=survey, fields=["status"], detail="approved")
    return survey


@transaction.atomic
def survey_return(*, user: User, survey_id: int, reason: str) -> Survey:
    """The other party sends the proposal back to draft with its remarks."""
    survey = _step(
        user=user, survey_id=survey_id, for_action="approve", target=Status.DRAFT, reason=reason
    )
    survey.save(update_fields=["status"])
    _audit(user=user, survey=survey, fields=["status"], detail="sent back")
    return survey


@transaction.atomic
def survey_withdraw(*, user: User, survey_id: int, reason: str) -> Survey:
    """The maker's party withdraws a draft or a proposal, with the reason."""
    survey = _step(
        user=user,
        survey_id=survey_id,
        for_action="change",
        target=Status.WITHDRAWN,
        reason=reason,
    )
    survey.save(update_fields=["status"])
    _audit(user=user, survey=survey, fields=["status"], detail="withdrawn")
    return survey


def _recipients(survey: Survey) -> list[Invitation]:
    if survey.audience == Audience.JOB_SEEKERS:
        return [
            Invitation(survey=survey, job_seeker=js)
            for js in JobSeeker.objects.filter(current_q(), municipality_id=survey.municipality_id)
        ]
    return [
        Invitation(survey=survey, employer=employer)
        for employer in Employer.objects.filter(
            municipality_id=survey.municipality_id
        ).select_related("organisation")
    ]


@transaction.atomic
def survey_open(*, user: User, survey_id: int) -> Survey:
    """The municipality opens an approved survey: every current job seeker of the
    municipality, or every employer of its register, gets an invitation with its own
    link, and hears of it after the commit."""
    survey = _locked(user=user, survey_id=survey_id, for_action="open")
    LIFECYCLE.check(survey.status, Status.OPEN)
    today = clock.today()
    if survey.closes_on <= today:
        raise InvalidInputError(
            {"closes_on": [_("The closing day has passed: set a later one first.")]}
        )
    lifecycle.transition(survey, Status.OPEN, lifecycle=LIFECYCLE, user=user)
    survey.opened_on = today
    survey.save(update_fields=["status", "opened_on"])
    invitations = Invitation.objects.bulk_create(_recipients(survey))
    _audit(
        user=user,
        survey=survey,
        fields=["status", "invitations"],
        detail=f"opened: {len(invitations)} invitations",
    )
    notifications.notify_invited(invitations, actor=user)
    return survey


@transaction.atomic
def survey_close(*, user: User, survey_id: int) -> Survey:
    """The municipality closes an open survey: its links answer no more."""
    survey = _locked(user=user, survey_id=survey_id, for_action="open")
    lifecycle.transition(survey, Status.CLOSED, lifecycle=LIFECYCLE, user=user)
    survey.closed_on = clock.today()
    survey.save(update_fields=["status", "closed_on"])
    _audit(user=user, survey=survey, fields=["status"], detail="closed")
    return survey


def answerable(invitation: Invitation) -> str:
    """Why the invitation cannot be answered now (a message), or "" when it can."""
    survey = invitation.survey
    if invitation.used_on is not None:
        return _("You answered this survey already. Thank you!")
    if survey.status == Status.CLOSED or (
        survey.status == Status.OPEN and survey.closes_on < clock.today()
    ):
        return _("This survey is closed: it can no longer be answered.")
    if survey.status != Status.OPEN:
        return _("This survey is not open.")
    return ""


def _parse(question: Question, raw: str) -> tuple[int | None, str, str]:
    """The answer to one question as (number, text, error)."""
    value = raw.strip()
    if question.kind == QuestionKind.OPEN:
        if len(value) > MAX_TEXT:
            return None, "", _("Keep your answer under 2000 characters.")
        return None, value, ""
    if question.kind == QuestionKind.YES_NO:
        if value in ("yes", "no"):
            return (1 if value == "yes" else 0), "", ""
        return None, "", _("Choose yes or no.")
    if value.isdigit() and int(value) in SCALE:
        return int(value), "", ""
    return None, "", _("Choose a number from 1 to 5.")


@transaction.atomic
def invitation_answer(*, user: User, token: str, answers: Mapping[str, str]) -> None:
    """Answer the survey of an invitation, once, anonymously.

    ``answers`` maps ``q<question id>`` to the answer: "1".."5" on a scale, "yes" or "no",
    or free text (which may stay empty). The invitation is marked used (the day only)
    and the response stored without any link to it, in one transaction.
    """
    invitation = invitation_get(user=user, token=token)
    locked = Invitation.objects.select_for_update().select_related("survey").get(pk=invitation.pk)
    refusal = answerable(locked)
    if refusal:
        raise ConflictError(
            refusal,
            code="invitation-used" if locked.used_on is not None else "survey-not-open",
        )
    survey = locked.survey
    parsed: list[tuple[Question, int | None, str]] = []
    errors: dict[str, list[str]] = {}
    for question in survey.questions.all():
        number, text, error = _parse(question, str(answers.get(f"q{question.pk}", "")))
        if error:
            errors[f"q{question.pk}"] = [error]
        else:
            parsed.append((question, number, text))
    if errors:
        raise InvalidInputError(errors)
    today = clock.today()
    # Marked used only if nobody did in the meantime: a second request of the same link
    # finds it used and stores nothing, also where the database takes no row locks.
    if not Invitation.objects.filter(pk=locked.pk, used_on__isnull=True).update(used_on=today):
        raise ConflictError(
            _("You answered this survey already. Thank you!"), code="invitation-used"
        )
    response = Response.objects.create(survey=survey, submitted_on=today)
    Answer.objects.bulk_create(
        Answer(response=response, question=question, number=number, text=text)
        for question, number, text in parsed
        if number is not None or text
    )
    audit_record(
        user=user,
        action=AuditEvent.Action.CREATE,
        object_type="survey-answer",
        object_id=survey.pk,
        municipality_id=survey.municipality_id,
        detail="answered",
    )
