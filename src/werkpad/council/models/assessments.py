"""Assessments of the municipality's labour-market policy with the LCR checklist (CO3).

An ``Assessment`` is one council's answer to the checklist for its municipality:
a draft its members fill in point by point, then final (read-only, sent to the
alderman). Each ``Answer`` is yes, no or not yet answered, with the council's
remarks or questions to the municipality (action points where the checklist asks
for them) and the evidence werkpad showed when the answer was saved, so that a
final assessment keeps the facts it rests on. A council may share an assessment
with the other councils of its labour-market region, who read it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.core.lifecycle import StatusChangeBase
from werkpad.core.models import Municipality, Organisation, VersionedModel

__all__ = ["Answer", "AnswerValue", "Assessment", "AssessmentStatus", "AssessmentStatusChange"]

_USER = settings.AUTH_USER_MODEL


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    FINAL = "final", _("Final")


class AnswerValue(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NONE_YET = "none-yet", _("Not answered yet")


class Assessment(VersionedModel):
    council = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("client council"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    checklist_version = models.CharField(_("checklist version"), max_length=30)
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.DRAFT,
    )
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("previous assessment"),
    )
    remarks = models.TextField(_("remarks"), blank=True)
    created_by = models.ForeignKey(
        _USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("created by")
    )
    finalised_at = models.DateTimeField(_("finalised at"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        _USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("finalised by"),
    )
    shared_with_region = models.BooleanField(_("shared with the region"), default=False)
    shared_at = models.DateTimeField(_("shared at"), null=True, blank=True)
    shared_by = models.ForeignKey(
        _USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("shared by"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        indexes = [models.Index(fields=["council", "status"], name="assessment_council_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_final(self) -> bool:
        return self.status == AssessmentStatus.FINAL

    @property
    def status_label(self) -> str:
        return str(AssessmentStatus(self.status).label)


class AssessmentStatusChange(StatusChangeBase):
    statuses = AssessmentStatus
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="history", verbose_name=_("assessment")
    )

    class Meta(StatusChangeBase.Meta):
        verbose_name = _("status change of an assessment")
        verbose_name_plural = _("status changes of assessments")


class Answer(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="answers", verbose_name=_("assessment")
    )
    #: The checklist question's id, "<point>.<n>".
    question_id = models.CharField(_("question"), max_length=10)
    answer = models.CharField(
        _("answer"), max_length=10, choices=AnswerValue.choices, default=AnswerValue.NONE_YET
    )
    remarks = models.TextField(_("remarks or questions to the municipality"), blank=True)
    action_points = models.TextField(_("action points"), blank=True)
    #: The evidence as shown when the answer was saved: summary, method, figures,
    #: computed_at (ISO); empty when werkpad had none.
    evidence_snapshot = models.JSONField(_("evidence when saved"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("updated at"), default=clock.now)
    updated_by = models.ForeignKey(
        _USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("updated by")
    )

    class Meta:
        ordering = ["assessment", "id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "question_id"], name="answer_unique_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.answer}"

    @property
    def is_answered(self) -> bool:
        return self.answer != AnswerValue.NONE_YET

    @property
    def answer_label(self) -> str:
        return str(AnswerValue(self.answer).label)
