"""Every write on assessments (CO3): one transaction each, audited in it.

An answer saved keeps a snapshot of the evidence werkpad showed beside it at that
moment, so that a final assessment still shows the facts it was based on after the
data moved on. A final assessment is read-only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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
from werkpad.council.assessments.workflow import LIFECYCLE
from werkpad.council.checklist import checklist
from werkpad.council.evidence import Evidence, evidence_for
from werkpad.council.models.assessments import Answer, AnswerValue, Assessment, AssessmentStatus
from werkpad.council.rules import councils_of

OBJECT_TYPE = "council assessment"
TITLE_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 10000


@dataclass(frozen=True)
class AnswerInput:
    """One question's answer as the council gives it."""

    question_id: str
    answer: str
    remarks: str = ""
    action_points: str = ""


def evidence_snapshot(evidence: Evidence | None) -> dict[str, Any]:
    """The evidence as stored beside an answer; empty when werkpad had none."""
    if evidence is None:
        return {}
    return {
        "summary": evidence.summary,
        "method": evidence.method,
        "computedAt": evidence.computed_at.isoformat(),
        "figures": [
            {"label": f.label, "value": f.value, "withheld": f.withheld} for f in evidence.figures
        ],
    }


def _locked(*, user: User, assessment_id: int) -> Assessment:
    assessment = (
        Assessment.objects.select_for_update()
        .select_related("municipality")
        .filter(pk=assessment_id)
        .first()
    )
    if assessment is None or not user.has_perm("council.view_assessment", assessment):
        raise NotFoundError(code="assessment-not-found")
    return assessment


def _check_version(assessment: Assessment, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != assessment.version:
        raise StaleEditError(current_version=assessment.version)


def _audit(
    *, user: User, assessment: Assessment, action: str, detail: str, fields: Sequence[str] = ()
) -> None:
    audit_record(
        user=user,
        action=action,
        object_type=OBJECT_TYPE,
        object_id=assessment.pk,
        municipality_id=assessment.municipality_id,
        fields=fields,
        detail=detail,
    )


@transaction.atomic
def assessment_create(
    *, user: User, title: str, council_id: int | None = None, remarks: str = ""
) -> Assessment:
    """A new draft assessment of the user's council (the one named when they sit on more
    than one), following on the council's last final one."""
    if not user.has_perm("council.add_assessment"):
        raise PermissionDeniedError(code="assessment-create-denied")
    councils = councils_of(user)
    if council_id is None and len(councils) == 1:
        council_id = next(iter(councils))
    errors: dict[str, list[str]] = {}
    if council_id not in councils:
        errors["council"] = [_("Choose a client council you are a member of.")]
    title = title.strip()
    if not title:
        errors["title"] = [_("Give the assessment a title, for example “Beoordeling 2026”.")]
    elif len(title) > TITLE_MAX_LENGTH:
        errors["title"] = [_("A title has at most 200 characters.")]
    if errors:
        raise InvalidInputError(errors)
    assert council_id is not None
    council = Organisation.objects.select_for_update().get(pk=council_id)
    previous = (
        Assessment.objects.filter(council=council, status=AssessmentStatus.FINAL)
        .order_by("-finalised_at", "-id")
        .first()
    )
    assessment = Assessment.objects.create(
        council=council,
        municipality_id=council.municipality_id,
        checklist_version=checklist().version,
        title=title,
        remarks=remarks.strip(),
        previous=previous,
        created_by=user,
    )
    begin(assessment, AssessmentStatus.DRAFT, user=user)
    _audit(user=user, assessment=assessment, action=AuditEvent.Action.CREATE, detail=title)
    return assessment


def _validate(answers: Sequence[AnswerInput]) -> None:
    known = checklist()
    errors: dict[str, list[str]] = {}
    seen: set[str] = set()
    for item in answers:
        name = f"answers.{item.question_id}"
        try:
            question = known.question(item.question_id)
        except KeyError:
            errors[name] = [
                _("There is no question %(id)s in the checklist.") % {"id": item.question_id}
            ]
            continue
        if item.question_id in seen:
            errors[name] = [_("Answer each question once.")]
        seen.add(item.question_id)
        if item.answer not in AnswerValue.values:
            errors[name] = [_("Answer yes, no or not yet.")]
        if item.action_points.strip() and not question.asks_action_points:
            errors[name] = [
                _(
                    "This question takes remarks or questions to the municipality, not action points."
                )
            ]
        if item.remarks.strip() and question.asks_action_points:
            errors[name] = [_("This question takes the council's action points, not remarks.")]
        if len(item.remarks) > TEXT_MAX_LENGTH or len(item.action_points) > TEXT_MAX_LENGTH:
            errors[name] = [_("A text has at most 10000 characters.")]
    if errors:
        raise InvalidInputError(errors)


@transaction.atomic
def answers_save(
    *,
    user: User,
    assessment_id: int,
    answers: Sequence[AnswerInput],
    expected_version: int | None = None,
    remarks: str | None = None,
) -> Assessment:
    """Save the council's answers to some questions of a draft (a point at a time, or
    any), each with the evidence werkpad shows for it now."""
    assessment = _locked(user=user, assessment_id=assessment_id)
    if not user.has_perm("council.change_assessment", assessment):
        if assessment.council_id in councils_of(user):
            raise ConflictError(
                _("This assessment is final: it can no longer be changed."),
                code="assessment-final",
            )
        raise PermissionDeniedError(code="assessment-change-denied")
    _check_version(assessment, expected_version)
    _validate(answers)
    now = clock.now()
    evidence = evidence_for(
        municipality=assessment.municipality, question_ids=[a.question_id for a in answers]
    )
    for item in answers:
        Answer.objects.update_or_create(
            assessment=assessment,
            question_id=item.question_id,
            defaults={
                "answer": item.answer,
                "remarks": item.remarks.strip(),
                "action_points": item.action_points.strip(),
                "evidence_snapshot": evidence_snapshot(evidence.get(item.question_id)),
                "updated_at": now,
                "updated_by": user,
            },
        )
    if remarks is not None:
        assessment.remarks = remarks.strip()
    assessment.version += 1
    assessment.updated_at = now
    assessment.save()
    _audit(
        user=user,
        assessment=assessment,
        action=AuditEvent.Action.UPDATE,
        detail=", ".join(a.question_id for a in answers),
        fields=["answers"] + (["remarks"] if remarks is not None else []),
    )
    return assessment


@transaction.atomic
def assessment_finalise(
    *, user: User, assessment_id: int, expected_version: int | None = None
) -> Assessment:
    """Make a draft final: every question answered yes or no. From then on it is
    read-only; the municipality's policy officer reads it."""
    assessment = _locked(user=user, assessment_id=assessment_id)
    if not user.has_perm("council.finalise_assessment", assessment):
        raise PermissionDeniedError(code="assessment-finalise-denied")
    _check_version(assessment, expected_version)
    LIFECYCLE.check(assessment.status, AssessmentStatus.FINAL)
    answered = set(
        assessment.answers.exclude(answer=AnswerValue.NONE_YET).values_list(
            "question_id", flat=True
        )
    )
    missing = [q for q in checklist().question_ids if q not in answered]
    if missing:
        raise ConflictError(
            _("Answer every question before the assessment is made final; still open: %(ids)s.")
            % {"ids": ", ".join(missing)},
            code="assessment-incomplete",
        )
    transition(assessment, AssessmentStatus.FINAL, lifecycle=LIFECYCLE, user=user)
    now = clock.now()
    assessment.finalised_at = now
    assessment.finalised_by = user
    assessment.version += 1
    assessment.updated_at = now
    assessment.save()
    _audit(user=user, assessment=assessment, action=AuditEvent.Action.UPDATE, detail="final")
    return assessment


@transaction.atomic
def assessment_share(*, user: User, assessment_id: int) -> Assessment:
    """Share a final assessment with the other councils of the region, who read it."""
    assessment = _locked(user=user, assessment_id=assessment_id)
    if assessment.council_id not in councils_of(user):
        raise PermissionDeniedError(code="assessment-share-denied")
    if assessment.status != AssessmentStatus.FINAL:
        raise ConflictError(
            _("Only a final assessment can be shared with the region."),
            code="assessment-share-draft",
        )
    if assessment.shared_with_region:
        raise ConflictError(
            _("This assessment is shared with the region already."),
            code="assessment-shared-already",
        )
    now = clock.now()
    assessment.shared_with_region = True
    assessment.shared_at = now
    assessment.shared_by = user
    assessment.version += 1
    assessment.updated_at = now
    assessment.save()
    _audit(user=user, assessment=assessment, action=AuditEvent.Action.UPDATE, detail="shared")
    return assessment
