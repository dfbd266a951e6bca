"""Complaints under the Algemene wet bestuursrecht, chapter 9 (RI2).

A ``Complaint`` is filed by a job seeker or an employer on their own pages, or by a
complaint handler on their behalf (phone, desk, letter, e-mail), with the channel. It is
routed to the organisation that handles it by the municipality's
``ComplaintRoutingRule`` for its subject (a provider's coach: the provider first), and
the complainant is told so before they send it. Its term runs from receipt
(``core.deadlines`` with the Algemene termijnenwet) and may be postponed once by at
most 4 weeks. ``Lesson`` rows go back to the organisation.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.complaints.workflow import HAS_DECISION, OPEN, Status
from werkpad.core import clock
from werkpad.core.lifecycle import StatusChangeBase
from werkpad.core.models import Municipality, Organisation, VersionedModel
from werkpad.jobseekers.models import JobSeeker
from werkpad.trajectories.models import Trajectory

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

#: The longest postponement of a complaint's term (Awb art. 9:11(2)).
MAX_POSTPONEMENT_WEEKS = 4


class Channel(models.TextChoices):
    WEB = "web", _("Own pages")
    PHONE = "phone", _("Phone")
    DESK = "desk", _("Desk")
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("E-mail")


class Subject(models.TextChoices):
    PROVIDER_CONDUCT = "provider_conduct", _("Conduct of a provider's coach or staff")
    MUNICIPALITY_CONDUCT = "municipality_conduct", _("Conduct of the municipality's staff")
    TRAJECTORY = "trajectory", _("The trajectory or programme")
    EMPLOYER_SERVICE = "employer_service", _("The employer service")
    OTHER = "other", _("Something else")


class HandledBy(models.TextChoices):
    PROVIDER = "provider", _("The provider first")
    MUNICIPALITY = "municipality", _("The municipality")


class HearingSkipped(models.TextChoices):
    """Awb art. 9:10(2): when the complainant need not be heard."""

    UNFOUNDED = "unfounded", _("The complaint is manifestly unfounded (art. 9:10(2)(a))")
    DECLINED = "declined", _("The complainant said they do not wish to be heard (art. 9:10(2)(b))")
    NO_ANSWER = (
        "no_answer",
        _(
            "The complainant did not say within a reasonable term whether they wish to be heard "
            "(art. 9:10(2)(c))"
        ),
    )
    SETTLED = "settled", _("The complaint was settled to the complainant's satisfaction (art. 9:5)")


class Outcome(models.TextChoices):
    FOUNDED = "founded", _("Founded")
    PARTLY_FOUNDED = "partly_founded", _("Partly founded")
    UNFOUNDED = "unfounded", _("Unfounded")


class FollowUp(models.TextChoices):
    REOPENED = "reopened", _("Handled again")
    OMBUDSMAN = "ombudsman", _("Referred to the ombudsman")


class ComplaintRoutingRule(models.Model):
    """Who handles a complaint about ``subject`` in a municipality. Without a row the
    default applies (``routing.DEFAULTS``)."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="complaint_routing_rules",
        verbose_name=_("municipality"),
    )
    subject = models.CharField(_("subject"), max_length=30, choices=Subject.choices)
    handled_by = models.CharField(_("handled by"), max_length=20, choices=HandledBy.choices)
    updated_at = models.DateTimeField(_("changed at"), default=clock.now)

    class Meta:
        ordering = ["municipality", "subject"]
        verbose_name = _("complaint routing rule")
        verbose_name_plural = _("complaint routing rules")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "subject"], name="complaint_rule_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.subject} -> {self.handled_by}"


class Complaint(VersionedModel):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="complaints",
        verbose_name=_("municipality"),
    )
    # The complainant: a job seeker, an employer (its organisation and the user who
    # filed), or a person named by the handler who took the complaint.
    job_seeker = models.ForeignKey(
        JobSeeker,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
        verbose_name=_("job seeker"),
    )
    employer = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints_filed",
        verbose_name=_("employer"),
    )
    complainant_name = models.CharField(_("complainant"), max_length=200)
    complainant_address = models.CharField(_("address for letters"), max_length=300, blank=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("filed by"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    subject = models.CharField(_("subject"), max_length=30, choices=Subject.choices)
    about = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="complaints_about",
        verbose_name=_("about"),
    )
    trajectory = models.ForeignKey(
        Trajectory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
        verbose_name=_("trajectory"),
    )
    description = models.TextField(_("what happened"))
    received_on = models.DateField(_("received on"), default=clock.today)
    routed_to = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="complaints_handled",
        verbose_name=_("handled by"),
    )
    routed_by = models.CharField(
        _("routed by the rule for"), max_length=30, choices=Subject.choices, blank=True
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("handler"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    committee = models.BooleanField(_("an advisory committee advises"), default=False)
    original_term_ends_on = models.DateField(_("original term ends on"))
    term_ends_on = models.DateField(_("term ends on"))
    acknowledged_on = models.DateField(_("receipt acknowledged on"), null=True, blank=True)
    postponed_on = models.DateField(_("postponed on"), null=True, blank=True)
    postponement_reason = models.TextField(_("why the term is postponed"), blank=True)
    hearing_held_on = models.DateField(_("hearing held on"), null=True, blank=True)
    hearing_skipped = models.CharField(
        _("hearing skipped because"), max_length=20, choices=HearingSkipped.choices, blank=True
    )
    hearing_notes = models.TextField(_("hearing notes"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    conclusions = models.TextField(_("conclusions"), blank=True)
    measures = models.TextField(_("measures"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    dissatisfaction_ends_on = models.DateField(
        _("may say they are not satisfied until"), null=True, blank=True
    )
    dissatisfied_on = models.DateField(_("said not to be satisfied on"), null=True, blank=True)
    dissatisfaction_text = models.TextField(_("why not satisfied"), blank=True)
    follow_up = models.CharField(
        _("what followed"), max_length=20, choices=FollowUp.choices, blank=True
    )
    reopened_on = models.DateField(_("handled again from"), null=True, blank=True)

    class Meta:
        ordering = ["term_ends_on", "id"]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        indexes = [
            models.Index(fields=["routed_to", "status", "term_ends_on"], name="complaint_work_idx"),
            models.Index(fields=["municipality", "received_on"], name="complaint_year_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(job_seeker__isnull=False, employer__isnull=False),
                name="complaint_one_complainant",
            ),
            models.CheckConstraint(
                condition=models.Q(term_ends_on__gte=models.F("original_term_ends_on")),
                name="complaint_term_not_shortened",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pk} {self.subject} ({self.status})"

    @property
    def reference(self) -> str:
        return f"K-{self.received_on.year}-{self.pk:05d}"

    @property
    def status_label(self) -> StrOrPromise:
        return Status(self.status).label

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    @property
    def has_decision(self) -> bool:
        return self.status in HAS_DECISION

    @property
    def postponed(self) -> bool:
        return self.postponed_on is not None

    def overdue(self, day: dt.date | None = None) -> bool:
        return self.is_open and self.term_ends_on < (day or clock.today())

    def may_say_dissatisfied(self, day: dt.date | None = None) -> bool:
        return (
            self.status == Status.DECIDED
            and self.dissatisfaction_ends_on is not None
            and (day or clock.today()) <= self.dissatisfaction_ends_on
        )


class ComplaintStatusChange(StatusChangeBase):
    statuses = Status

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="history", verbose_name=_("complaint")
    )

    class Meta(StatusChangeBase.Meta):
        verbose_name = _("complaint status change")
        verbose_name_plural = _("complaint status changes")


class Letter(models.Model):
    """A letter sent to the complainant; the PDF is rendered from the complaint as it was
    recorded (the letter's own text is kept, so it reads the same later)."""

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement of receipt")
        POSTPONEMENT = "postponement", _("Notice of postponement")
        DECISION = "decision", _("Decision on the complaint")

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="letters", verbose_name=_("complaint")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    sent_on = models.DateField(_("sent on"), default=clock.today)
    body = models.JSONField(_("content"), default=dict)

    class Meta:
        ordering = ["sent_on", "id"]
        verbose_name = _("complaint letter")
        verbose_name_plural = _("complaint letters")

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.kind}"


class Lesson(models.Model):
    """What the organisation learns from a complaint; counts towards a provider later."""

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="lessons", verbose_name=_("complaint")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="complaint_lessons",
        verbose_name=_("organisation"),
    )
    text = models.TextField(_("lesson"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=clock.now)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def __str__(self) -> str:
        return self.text[:40]
