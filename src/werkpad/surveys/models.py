"""Satisfaction surveys (RI6): set up by the municipality and its client council together,
sent by link to job seekers or to employers, answered anonymously.

A ``Survey`` holds its ``Question``s and moves through ``workflow.LIFECYCLE``; each step is
appended to ``SurveyStatusChange``. When it opens, every recipient gets one ``Invitation``
with a random token. An answer is a ``Response`` with its ``Answer`` rows that carry no
link to the invitation or to the person: the invitation is only marked used, on the same
day, in the same transaction. A response keeps the day it came in, not the time, and its
key is random, so neither the order of rows nor a moment ties it to an invitation.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.core.lifecycle import StatusChangeBase
from werkpad.core.models import Municipality
from werkpad.employers.models import Employer
from werkpad.jobseekers.models import JobSeeker
from werkpad.surveys.workflow import Audience, Party, Status

_USER = settings.AUTH_USER_MODEL
TOKEN_LENGTH = 43
SCALE = range(1, 6)


def new_token() -> str:
    """A random token for an invitation's link (``secrets`` through Django's crypto)."""
    return get_random_string(TOKEN_LENGTH)


class Survey(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    origin = models.CharField(
        _("set up by"),
        max_length=20,
        choices=Party.choices,
        help_text=_("The party that drew up the questions; the other one approves them."),
    )
    approved_by_party = models.CharField(
        _("approved by"), max_length=20, choices=Party.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    closes_on = models.DateField(
        _("closes on"), help_text=_("The last day on which the survey can be answered.")
    )
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_by = models.ForeignKey(
        _USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("made by")
    )
    created_at = models.DateTimeField(_("created at"), default=clock.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        indexes = [
            models.Index(fields=["municipality", "status"], name="survey_status_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def council_involved(self) -> bool:
        """The council proposed the survey or approved it."""
        return Party.COUNCIL in (self.origin, self.approved_by_party)

    @property
    def approver(self) -> str:
        """The party that approves what ``origin`` proposes."""
        return Party.COUNCIL if self.origin == Party.MUNICIPALITY else Party.MUNICIPALITY

    @property
    def approver_label(self) -> str:
        return str(Party(self.approver).label)


class SurveyStatusChange(StatusChangeBase):
    statuses = Status

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="history", verbose_name=_("survey")
    )

    class Meta(StatusChangeBase.Meta):
        verbose_name = _("survey status change")
        verbose_name_plural = _("survey status changes")


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("Scale from 1 (very dissatisfied) to 5 (very satisfied)")
    YES_NO = "yes_no", _("Yes or no")
    OPEN = "open", _("Open answer")


class Question(models.Model):
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="questions", verbose_name=_("survey")
    )
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind of answer"), max_length=10, choices=QuestionKind.choices)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text


class Invitation(models.Model):
    """One recipient's link to an open survey: a job seeker or an employer."""

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("survey")
    )
    job_seeker = models.ForeignKey(
        JobSeeker,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("job seeker"),
    )
    employer = models.ForeignKey(
        Employer,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("employer"),
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)
    #: The day it was answered: a day, not a moment, so that it matches no response.
    used_on = models.DateField(_("answered on"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(job_seeker__isnull=False, employer__isnull=True)
                | models.Q(job_seeker__isnull=True, employer__isnull=False),
                name="invitation_one_recipient",
            ),
            models.UniqueConstraint(
                fields=["survey", "job_seeker"], name="invitation_once_job_seeker"
            ),
            models.UniqueConstraint(fields=["survey", "employer"], name="invitation_once_employer"),
        ]

    def __str__(self) -> str:
        return f"{self.survey} · {self.pk}"


class Response(models.Model):
    """One anonymous set of answers: the survey and the day, nothing of who."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="responses", verbose_name=_("survey")
    )
    submitted_on = models.DateField(_("submitted on"))

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self) -> str:
        return f"{self.survey} · {self.submitted_on}"


class Answer(models.Model):
    #: Random too: a counter would give the order in which the responses came in.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    #: 1-5 on a scale; 1 (yes) or 0 (no).
    number = models.PositiveSmallIntegerField(_("answer"), null=True, blank=True)
    text = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="answer_once"),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.number if self.number is not None else self.text}"
