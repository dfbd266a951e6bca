"""Advice requests of the municipality to its client council, and the council's
advice, asked or unasked (CO1).

An ``AdviceRequest`` asks the council for advice on a policy plan, a regulation
(verordening), an implementation plan or a proposal, with documents attached
(``AdviceAttachment``) and a term: the municipality's ``council_advice_days`` from the
day it is sent (``core.deadlines``, the Algemene termijnenwet moves an end on a
weekend or holiday to the next working day). Whether the council was consulted in
time is recorded when it is sent: the intended decision date lies at least the term
after the sending day. The council's advice (an introduction and numbered
``Recommendation`` rows with their explanation) is recorded on the request; it is
late when sent after the due date. The municipality answers each recommendation
(adopted, partly, not, with reasons) and in an overall letter. The council may ask
for a longer term (``TermExtension``), which the municipality grants or refuses.

Unasked advice (``unasked``) is advice the council gives on its own initiative: no
request, no term, no decision date.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.core.lifecycle import StatusChangeBase
from werkpad.core.models import Municipality, Organisation, VersionedModel
from werkpad.council.advice.workflow import Status
from werkpad.documents.models import document_storage

__all__ = [
    "AdviceAttachment",
    "AdviceKind",
    "AdviceRequest",
    "AdviceRequestStatusChange",
    "Recommendation",
    "TermExtension",
]

_USER = settings.AUTH_USER_MODEL


class AdviceKind(models.TextChoices):
    """What the council is asked to advise on (``AdviceRequest.Kind``)."""

    POLICY_PLAN = "policy_plan", _("Policy plan")
    REGULATION = "regulation", _("Regulation (verordening)")
    IMPLEMENTATION_PLAN = "implementation_plan", _("Implementation plan")
    PROPOSAL = "proposal", _("Proposal")
    OTHER = "other", _("Other")


class AdviceRequest(VersionedModel):
    Kind = AdviceKind

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    council = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="advice_requests",
        verbose_name=_("client council"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("subject"), max_length=200)
    question = models.TextField(_("question to the council"), blank=True)
    unasked = models.BooleanField(
        _("unasked advice"),
        default=False,
        help_text=_("Advice the council gives on its own initiative: no request, no term."),
    )
    decision_on = models.DateField(
        _("intended decision date"),
        null=True,
        blank=True,
        help_text=_("The date the municipality intends to decide."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    term_days = models.PositiveSmallIntegerField(_("term (days)"), null=True, blank=True)
    due_on = models.DateField(_("advice due on"), null=True, blank=True)
    consulted_in_time = models.BooleanField(
        _("consulted in time"),
        null=True,
        blank=True,
        help_text=_("Sent with at least the term left before the intended decision date."),
    )
    advice_introduction = models.TextField(_("introduction to the advice"), blank=True)
    advised_at = models.DateTimeField(_("advice sent at"), null=True, blank=True)
    advised_by = models.ForeignKey(
        _USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    advised_late = models.BooleanField(_("advice sent after the term"), default=False)
    response_letter = models.TextField(_("response letter"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    created_by = models.ForeignKey(
        _USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("created by")
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("advice request")
        verbose_name_plural = _("advice requests")
        indexes = [
            models.Index(fields=["municipality", "status"], name="advice_request_status_idx"),
            models.Index(fields=["council", "status"], name="advice_request_council_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(unasked=True) | models.Q(decision_on__isnull=False),
                name="advice_request_decision_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)

    @property
    def kind_label(self) -> str:
        return str(self.Kind(self.kind).label)

    @property
    def sent_on(self) -> dt.date | None:
        return timezone.localdate(self.sent_at) if self.sent_at else None

    def days_left(self, today: dt.date | None = None) -> int | None:
        """Days until the due date while advice is awaited (negative when overdue)."""
        if self.status != Status.SENT or self.due_on is None:
            return None
        return (self.due_on - (today or clock.today())).days


class AdviceRequestStatusChange(StatusChangeBase):
    """One step in an advice request's lifecycle: appended, never edited."""

    statuses = Status

    request = models.ForeignKey(
        AdviceRequest,
        on_delete=models.CASCADE,
        related_name="history",
        verbose_name=_("advice request"),
    )

    class Meta(StatusChangeBase.Meta):
        verbose_name = _("advice request status change")
        verbose_name_plural = _("advice request status changes")


class AdviceAttachment(models.Model):
    """A document of the request (the plan, the draft regulation): PDF, DOCX or ODT."""

    request = models.ForeignKey(
        AdviceRequest,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("advice request"),
    )
    # The content is read and written through ``document_storage()`` only.
    file = models.FileField(_("file"), storage=document_storage, max_length=200)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=clock.now)
    uploaded_by = models.ForeignKey(_USER, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name


class Recommendation(models.Model):
    """One recommendation of the council's advice, and the municipality's response."""

    class Response(models.TextChoices):
        ADOPTED = "adopted", _("Adopted")
        PARTLY = "partly", _("Partly adopted")
        NOT_ADOPTED = "not", _("Not adopted")

    request = models.ForeignKey(
        AdviceRequest,
        on_delete=models.CASCADE,
        related_name="recommendations",
        verbose_name=_("advice request"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("recommendation"))
    explanation = models.TextField(_("explanation"), blank=True)
    response = models.CharField(_("response"), max_length=10, choices=Response.choices, blank=True)
    response_reasons = models.TextField(_("reasons"), blank=True)

    class Meta:
        ordering = ["number", "id"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "number"], name="advice_recommendation_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:50]}"

    @property
    def response_label(self) -> str:
        return str(self.Response(self.response).label) if self.response else ""


class TermExtension(models.Model):
    """The council's request for a longer term, and the municipality's decision."""

    request = models.ForeignKey(
        AdviceRequest,
        on_delete=models.CASCADE,
        related_name="extensions",
        verbose_name=_("advice request"),
    )
    until = models.DateField(_("extended until"))
    reason = models.TextField(_("why"))
    requested_at = models.DateTimeField(_("requested at"), default=clock.now)
    requested_by = models.ForeignKey(_USER, null=True, on_delete=models.SET_NULL, related_name="+")
    granted = models.BooleanField(_("granted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        _USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    previous_due_on = models.DateField(_("due date before"), null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "id"]
        verbose_name = _("term extension")
        verbose_name_plural = _("term extensions")

    def __str__(self) -> str:
        return f"{self.request_id}: {self.until}"
