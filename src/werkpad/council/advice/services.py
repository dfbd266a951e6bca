"""Every write on advice requests and the council's advice (CO1): one transaction each,
the request locked, the history and the audit row in it, notifications after commit.

Sending starts the council's term: ``council_advice_days`` (the municipality's setting)
from the sending day, ended on a working day by the Algemene termijnenwet
(``core.deadlines.add_days``). The council was consulted in time when the intended
decision date lies at least the term after the sending day; that is recorded then and
not changed by a longer term granted later. Advice sent after the due date is late.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.deadlines import add_days
from werkpad.core.errors import (
    ConflictError,
    InvalidInputError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.lifecycle import begin, transition
from werkpad.core.models import AuditEvent, MunicipalitySettings, Organisation
from werkpad.core.permissions import Role, scope_of, visible_for
from werkpad.council.advice import notifications
from werkpad.council.advice.workflow import LIFECYCLE, Status
from werkpad.council.models import (
    AdviceAttachment,
    AdviceRequest,
    Recommendation,
    TermExtension,
)
from werkpad.council.rules import council_of_municipality, councils_of
from werkpad.documents import filetypes
from werkpad.documents.models import document_storage
from werkpad.documents.services import DocumentTypeError, check_file, scan

OBJECT = "advice request"
KIND = "advice-request"
#: The kinds of document a request may carry.
ATTACHMENT_KINDS = (filetypes.PDF, filetypes.DOCX, filetypes.ODT)
ACTIONS = {
    "send": "council.handle_advicerequest",
    "withdraw": "council.handle_advicerequest",
    "attach": "council.handle_advicerequest",
    "respond": "council.handle_advicerequest",
    "decide-extension": "council.handle_advicerequest",
    "advise": "council.advise",
    "extension": "council.advise",
}


@dataclass(frozen=True)
class RecommendationInput:
    text: str
    explanation: str = ""


@dataclass(frozen=True)
class ResponseInput:
    response: str
    reasons: str = ""


def _locked(*, user: User, request_id: int, action: str) -> AdviceRequest:
    found = AdviceRequest.objects.select_for_update().filter(pk=request_id).first()
    return visible_for(
        user,
        found,
        kind=KIND,
        view="council.view_advicerequest",
        actions=ACTIONS,
        for_action=action,
    )


def _stale(request: AdviceRequest, expected_version: int | None) -> None:
    if expected_version is not None and request.version != expected_version:
        raise StaleEditError(current_version=request.version)


def _save(request: AdviceRequest, *, user: User, fields: Sequence[str]) -> None:
    request.version += 1
    request.updated_at = clock.now()
    request.save()
    audit_record(
        user=user,
        action=AuditEvent.Action.UPDATE,
        object_type=OBJECT,
        object_id=request.pk,
        municipality_id=request.municipality_id,
        fields=fields,
    )


def _municipality_id(user: User, municipality_id: int | None) -> int:
    own = scope_of(user).municipalities(Role.POLICY_OFFICER)
    if municipality_id is None and len(own) == 1:
        return next(iter(own))
    if municipality_id is None or municipality_id not in own:
        raise PermissionDeniedError(code="advice-request-create-denied")
    return municipality_id


def _text(errors: dict[str, list[str]], field: str, value: str, message: str) -> str:
    value = value.strip()
    if not value:
        errors[field] = [message]
    return value


# --- the municipality's request ---------------------------------------------------------


@transaction.atomic
def advice_request_create(
    *,
    user: User,
    kind: str,
    title: str,
    question: str,
    decision_on: dt.date | None,
    municipality_id: int | None = None,
    files: Sequence[UploadedFile] = (),
) -> AdviceRequest:
    """A policy officer prepares a request to the municipality's council, as a draft."""
    municipality_id = _municipality_id(user, municipality_id)
    council = council_of_municipality(municipality_id)
    errors: dict[str, list[str]] = {}
    if council is None:
        errors["council"] = [_("The municipality has no client council.")]
    if kind not in AdviceRequest.Kind.values:
        errors["kind"] = [_("Choose the kind of document.")]
    title = _text(errors, "title", title, _("Give the subject."))
    question = _text(errors, "question", question, _("Give the question to the council."))
    if decision_on is None:
        errors["decision_on"] = [_("Give the date the municipality intends to decide.")]
    elif decision_on < clock.today():
        errors["decision_on"] = [_("The intended decision date cannot lie in the past.")]
    if errors:
        raise InvalidInputError(errors)
    assert council is not None
    request = AdviceRequest.objects.create(
        municipality_id=municipality_id,
        council=council,
        kind=kind,
        title=title,
        question=question,
        decision_on=decision_on,
        created_by=user,
    )
    begin(request, Status.DRAFT, user=user)
    request.save(update_fields=["status"])
    audit_record(
        user=user,
        action=AuditEvent.Action.CREATE,
        object_type=OBJECT,
        object_id=request.pk,
        municipality_id=municipality_id,
        fields=["kind", "title", "question", "decision_on"],
    )
    for upload in files:
        _attach(request, upload=upload, user=user)
    return request


def _attach(request: AdviceRequest, *, upload: UploadedFile, user: User) -> AdviceAttachment:
    data, kind = check_file(upload)
    if kind not in ATTACHMENT_KINDS:
        raise DocumentTypeError(
            _("Attach a PDF, Word (.docx) or OpenDocument (.odt) file."), field="file"
        )
    scan(data)
    name = document_storage().save(
        f"council/{request.pk}/{uuid.uuid4().hex}{kind.extensions[0]}", ContentFile(data)
    )
    attachment = AdviceAttachment.objects.create(
        request=request,
        file=name,
        name=filetypes.safe_name(upload.name or ""),
        content_type=kind.content_type,
        size=len(data),
        uploaded_by=user,
    )
    audit_record(
        user=user,
        action=AuditEvent.Action.CREATE,
        object_type="advice attachment",
        object_id=attachment.pk,
        municipality_id=request.municipality_id,
        fields=["file"],
    )
    return attachment


@transaction.atomic
def attachment_add(*, user: User, request_id: int, upload: UploadedFile) -> AdviceAttachment:
    """Attach a document to a request the council has not yet advised on."""
    request = _locked(user=user, request_id=request_id, action="attach")
    if request.status not in (Status.DRAFT, Status.SENT):
        raise ConflictError(
            _("Documents can be attached until the council has advised."),
            code="advice-request-attachment-closed",
        )
    return _attach(request, upload=upload, user=user)


def term_of(
    *, municipality_id: int, sent_on: dt.date, decision_on: dt.date
) -> tuple[int, dt.date, bool]:
    """The term in days, its due date, and whether the council is consulted in time: the
    decision falls on or after the due date, which the Algemene termijnenwet moves past a
    weekend or public holiday, so the council has its whole term before the decision."""
    days = MunicipalitySettings.for_id(municipality_id).council_advice_days
    due_on = add_days(sent_on, days)
    return days, due_on, decision_on >= due_on


@transaction.atomic
def advice_request_send(
    *, user: User, request_id: int, expected_version: int | None = None
) -> AdviceRequest:
    """Send the request to the council: its term starts today."""
    request = _locked(user=user, request_id=request_id, action="send")
    _stale(request, expected_version)
    if request.unasked:
        raise ConflictError(_("Unasked advice is not sent as a request."), code="advice-unasked")
    transition(request, Status.SENT, lifecycle=LIFECYCLE, user=user, step="send")
    now = clock.now()
    assert request.decision_on is not None
    request.sent_at = now
    request.term_days, request.due_on, request.consulted_in_time = term_of(
        municipality_id=request.municipality_id,
        sent_on=clock.today(),
        decision_on=request.decision_on,
    )
    _save(request, user=user, fields=["status", "sent_at", "due_on", "consulted_in_time"])
    notifications.notify_sent(request, actor=user)
    return request


@transaction.atomic
def advice_request_withdraw(
    *, user: User, request_id: int, reason: str, expected_version: int | None = None
) -> AdviceRequest:
    """Withdraw a draft or sent request, with the reason."""
    request = _locked(user=user, request_id=request_id, action="withdraw")
    _stale(request, expected_version)
    if request.unasked:
        raise ConflictError(_("Unasked advice is not withdrawn."), code="advice-unasked")
    transition(request, Status.WITHDRAWN, lifecycle=LIFECYCLE, user=user, reason=reason)
    _save(request, user=user, fields=["status"])
    return request


# --- the council's advice ---------------------------------------------------------------


def _write_advice(
    request: AdviceRequest,
    *,
    introduction: str,
    recommendations: Sequence[RecommendationInput],
    send: bool,
) -> None:
    errors: dict[str, list[str]] = {}
    rows = [r for r in recommendations if r.text.strip() or r.explanation.strip()]
    if any(not r.text.strip() for r in rows):
        errors["recommendations"] = [_("Every recommendation needs its text.")]
    if send and not introduction.strip() and not rows:
        errors["introduction"] = [_("Write the advice before sending it.")]
    if errors:
        raise InvalidInputError(errors)
    request.advice_introduction = introduction.strip()
    request.recommendations.all().delete()
    Recommendation.objects.bulk_create(
        Recommendation(
            request=request,
            number=number,
            text=row.text.strip(),
            explanation=row.explanation.strip(),
        )
        for number, row in enumerate(rows, start=1)
    )


def _send_advice(request: AdviceRequest, *, user: User) -> None:
    transition(request, Status.ADVISED, lifecycle=LIFECYCLE, user=user, step="advise")
    request.advised_at = clock.now()
    request.advised_by = user
    request.advised_late = (
        not request.unasked and request.due_on is not None and clock.today() > request.due_on
    )


@transaction.atomic
def advice_save(
    *,
    user: User,
    request_id: int,
    introduction: str,
    recommendations: Sequence[RecommendationInput],
    send: bool = False,
    expected_version: int | None = None,
) -> AdviceRequest:
    """A council member writes the council's advice (kept as a draft) and sends it when
    ``send``; advice sent after the due date is recorded as late."""
    request = _locked(user=user, request_id=request_id, action="advise")
    _stale(request, expected_version)
    allowed = Status.DRAFT if request.unasked else Status.SENT
    if request.status != allowed:
        raise ConflictError(
            _("Advice can be written while the request awaits it."),
            code="advice-request-transition-refused",
        )
    _write_advice(request, introduction=introduction, recommendations=recommendations, send=send)
    if send:
        _send_advice(request, user=user)
    _save(request, user=user, fields=["advice_introduction", "recommendations", "status"])
    if send:
        notifications.notify_advised(request, actor=user)
    return request


@transaction.atomic
def unasked_advice_create(
    *,
    user: User,
    kind: str,
    title: str,
    introduction: str,
    recommendations: Sequence[RecommendationInput],
    send: bool = False,
    council_id: int | None = None,
) -> AdviceRequest:
    """A council member writes advice the municipality did not ask for: no term."""
    own = councils_of(user)
    if council_id is None and len(own) == 1:
        council_id = next(iter(own))
    if council_id is None or council_id not in own:
        raise PermissionDeniedError(code="advice-request-unasked-denied")
    council = Organisation.objects.get(pk=council_id)
    errors: dict[str, list[str]] = {}
    if kind not in AdviceRequest.Kind.values:
        errors["kind"] = [_("Choose the kind of document.")]
    title = _text(errors, "title", title, _("Give the subject."))
    if errors:
        raise InvalidInputError(errors)
    request = AdviceRequest.objects.create(
        municipality_id=council.municipality_id,
        council=council,
        kind=kind,
        title=title,
        unasked=True,
        created_by=user,
    )
    begin(request, Status.DRAFT, user=user)
    _write_advice(request, introduction=introduction, recommendations=recommendations, send=send)
    if send:
        _send_advice(request, user=user)
    request.save()
    audit_record(
        user=user,
        action=AuditEvent.Action.CREATE,
        object_type=OBJECT,
        object_id=request.pk,
        municipality_id=request.municipality_id,
        fields=["kind", "title", "unasked", "advice_introduction", "recommendations"],
    )
    if send:
        notifications.notify_advised(request, actor=user)
    return request


@transaction.atomic
def extension_request(*, user: User, request_id: int, until: dt.date, reason: str) -> TermExtension:
    """The council asks for a longer term, with the reason."""
    request = _locked(user=user, request_id=request_id, action="extension")
    errors: dict[str, list[str]] = {}
    if request.status != Status.SENT:
        raise ConflictError(
            _("A longer term can be asked while the request awaits advice."),
            code="advice-extension-refused",
        )
    if request.extensions.filter(granted__isnull=True).exists():
        raise ConflictError(
            _("A longer term was asked already and awaits the municipality's decision."),
            code="advice-extension-pending",
        )
    assert request.due_on is not None
    if until <= request.due_on:
        errors["until"] = [_("Give a date after the current due date.")]
    reason = _text(errors, "reason", reason, _("Give the reason."))
    if errors:
        raise InvalidInputError(errors)
    extension = TermExtension.objects.create(
        request=request, until=until, reason=reason, requested_by=user
    )
    _save(request, user=user, fields=["extension"])
    return extension


@transaction.atomic
def extension_decide(*, user: User, request_id: int, granted: bool) -> TermExtension:
    """The municipality grants the longer term asked (the due date moves) or refuses it."""
    request = _locked(user=user, request_id=request_id, action="decide-extension")
    extension = request.extensions.filter(granted__isnull=True).first()
    if extension is None or request.status != Status.SENT:
        raise ConflictError(_("No longer term awaits a decision."), code="advice-extension-refused")
    extension.granted = granted
    extension.decided_at = clock.now()
    extension.decided_by = user
    extension.previous_due_on = request.due_on
    extension.save()
    if granted:
        request.due_on = extension.until
    _save(request, user=user, fields=["extension", "due_on"])
    return extension


# --- the municipality's response --------------------------------------------------------


@transaction.atomic
def advice_respond(
    *,
    user: User,
    request_id: int,
    letter: str,
    responses: Mapping[int, ResponseInput],
    expected_version: int | None = None,
) -> AdviceRequest:
    """The municipality answers every recommendation (adopted, partly, not: the last two
    with reasons) and writes its response letter."""
    request = _locked(user=user, request_id=request_id, action="respond")
    _stale(request, expected_version)
    if request.status != Status.ADVISED:
        transition(request, Status.ANSWERED, lifecycle=LIFECYCLE, user=user)
    errors: dict[str, list[str]] = {}
    letter = _text(errors, "letter", letter, _("Write the response letter."))
    recommendations = list(request.recommendations.all())
    for rec in recommendations:
        given = responses.get(rec.number)
        field = f"recommendation_{rec.number}"
        if given is None or given.response not in Recommendation.Response.values:
            errors[field] = [_("Answer recommendation %(n)s.") % {"n": rec.number}]
        elif given.response != Recommendation.Response.ADOPTED and not given.reasons.strip():
            errors[field] = [
                _("Give the reasons why recommendation %(n)s is not adopted in full.")
                % {"n": rec.number}
            ]
    unknown = set(responses) - {rec.number for rec in recommendations}
    if unknown:
        errors["responses"] = [_("The advice has no recommendation with this number.")]
    if errors:
        raise InvalidInputError(errors)
    for rec in recommendations:
        given = responses[rec.number]
        rec.response = given.response
        rec.response_reasons = given.reasons.strip()
    Recommendation.objects.bulk_update(recommendations, ["response", "response_reasons"])
    transition(request, Status.ANSWERED, lifecycle=LIFECYCLE, user=user)
    request.response_letter = letter
    request.answered_at = clock.now()
    _save(request, user=user, fields=["response_letter", "recommendations", "status"])
    notifications.notify_answered(request, actor=user)
    return request
