"""The plan van aanpak (PL1-PL5; Participatiewet art. 44a).

A job seeker has one ``Plan``; its content lives in numbered ``PlanVersion``
rows. A change never overwrites a version that was shared: it makes a new one,
and the old ones stay readable. The plan points at the version in effect
("current") and carries that version's review date, so that lists and the
worklist need no join over the versions.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.core.lifecycle import StatusChangeBase
from werkpad.core.models import Municipality, VersionedModel
from werkpad.instruments.models import Instrument
from werkpad.jobseekers.models import JobSeeker, LadderRung
from werkpad.plans.workflow import Status

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

INTEGRATION_NEEDS_APPROACH = _(
    "An integration plan says whether mediation is demand- or supply-oriented."
)


class Kind(models.TextChoices):
    ACTIVATION = "activation", _("Activation plan")
    INTEGRATION = "integration", _("Integration plan (work)")


class Approach(models.TextChoices):
    DEMAND = "demand", _("Demand-oriented: starting from a vacancy")
    SUPPLY = "supply", _("Supply-oriented: starting from the job seeker")


class Plan(VersionedModel):
    """The job seeker's plan; ``version`` (optimistic lock) rises with every write."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="plans", verbose_name=_("municipality")
    )
    job_seeker = models.OneToOneField(
        JobSeeker, on_delete=models.CASCADE, related_name="plan", verbose_name=_("job seeker")
    )
    status = models.CharField(
        _("status of the latest version"),
        max_length=30,
        choices=Status.choices,
        default=Status.DRAFT,
    )
    current_version = models.ForeignKey(
        "PlanVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("version in effect"),
    )
    latest_number = models.PositiveIntegerField(_("latest version number"), default=1)
    review_due_on = models.DateField(_("review due on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    # WT1: the agreed actions' "done" waits for the other party's approval.
    actions_need_approval = models.BooleanField(
        _("done waits for approval"),
        default=False,
        help_text=_(
            "When an action is marked done, the other party approves it: the contact person "
            "or coach an action of the job seeker, the job seeker an action of theirs."
        ),
    )

    #: What ``selectors.plan_get`` shows the user who reads the plan (set there, no columns):
    #: the versions newest first, the newest of them, and the comments and reviews.
    shown_versions: list[PlanVersion]
    shown: PlanVersion | None
    shown_comments: list[PlanComment]
    shown_reviews: list[PlanReview]

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        indexes = [
            models.Index(fields=["municipality", "status"], name="plan_status_idx"),
            models.Index(fields=["municipality", "review_due_on"], name="plan_review_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.job_seeker_id} v{self.latest_number}"

    @property
    def status_label(self) -> StrOrPromise:
        return Status(self.status).label

    def review_overdue(self, day: dt.date | None = None) -> bool:
        return self.review_due_on is not None and self.review_due_on < (day or clock.today())


class PlanVersion(models.Model):
    """One version of the plan's content, with its place in the lifecycle."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="versions", verbose_name=_("plan")
    )
    number = models.PositiveIntegerField(_("version number"))
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.DRAFT
    )
    kind = models.CharField(_("kind of plan"), max_length=20, choices=Kind.choices)
    goals = models.TextField(_("goals"))
    target_rung = models.PositiveSmallIntegerField(
        _("target rung"),
        choices=LadderRung.choices,
        validators=[MinValueValidator(1), MaxValueValidator(6)],
    )
    approach = models.CharField(
        _("approach"),
        max_length=10,
        choices=Approach.choices,
        blank=True,
        help_text=_("Needed for an integration plan: demand- or supply-oriented mediation."),
    )
    rights_and_obligations = models.TextField(_("rights and obligations"))
    activities = models.TextField(_("agreed activities"))
    instruments = models.ManyToManyField(
        Instrument, blank=True, related_name="plan_versions", verbose_name=_("instruments")
    )
    personal_budget = models.DecimalField(
        _("personal re-integration budget (euro)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    review_due_on = models.DateField(
        _("review due on"),
        null=True,
        blank=True,
        # MunicipalitySettings.plan_review_months; the form names the municipality's period.
        help_text=_(
            "Leave empty for the municipality's review period after the plan takes effect."
        ),
    )
    reason = models.CharField(
        _("why this version"),
        max_length=300,
        blank=True,
        help_text=_("For example: the review of 12 May, or a new rung."),
    )
    created_at = models.DateTimeField(_("created at"), default=clock.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("written by"),
    )
    proposed_at = models.DateTimeField(_("proposed at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    disagreement_reason = models.TextField(_("the job seeker's reason to disagree"), blank=True)
    effective_on = models.DateField(_("in effect from"), null=True, blank=True)

    class Meta:
        ordering = ["plan", "-number"]
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="planversion_number_unique"),
            models.CheckConstraint(
                condition=models.Q(target_rung__gte=1, target_rung__lte=6),
                name="planversion_rung_1_6",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="disagreement_recorded")
                | ~models.Q(disagreement_reason=""),
                name="planversion_disagreement_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} v{self.number} ({self.status})"

    @property
    def status_label(self) -> StrOrPromise:
        return Status(self.status).label

    @property
    def target_rung_label(self) -> StrOrPromise:
        return LadderRung(self.target_rung).label

    @property
    def agreed(self) -> bool | None:
        """True when the job seeker agreed, False when they disagreed, None before an answer."""
        if self.answered_at is None:
            return None
        return not self.disagreement_reason

    def clean(self) -> None:
        errors: dict[str, list[StrOrPromise]] = {}
        if self.kind == Kind.INTEGRATION and not self.approach:
            errors["approach"] = [INTEGRATION_NEEDS_APPROACH]
        if self.review_due_on and self.review_due_on < clock.today():
            errors["review_due_on"] = [_("The review date lies in the past.")]
        if errors:
            raise ValidationError(errors)


class PlanStatusChange(StatusChangeBase):
    """One step in a version's lifecycle: appended, never edited."""

    statuses = Status

    version = models.ForeignKey(
        PlanVersion, on_delete=models.CASCADE, related_name="history", verbose_name=_("version")
    )

    class Meta(StatusChangeBase.Meta):
        verbose_name = _("plan status change")
        verbose_name_plural = _("plan status changes")


class PlanComment(models.Model):
    """A remark on a version, by the job seeker or the caseworker; both see every one."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="comments", verbose_name=_("plan")
    )
    version = models.ForeignKey(
        PlanVersion, on_delete=models.CASCADE, related_name="comments", verbose_name=_("version")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    by_job_seeker = models.BooleanField(_("written by the job seeker"), default=False)
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written at"), default=clock.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("plan comment")
        verbose_name_plural = _("plan comments")

    def __str__(self) -> str:
        return self.text[:40]


class PlanReview(models.Model):
    """A periodic review (PL4): were the rung and the instruments reconsidered?"""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("plan")
    )
    version = models.ForeignKey(
        PlanVersion,
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name=_("version reviewed"),
    )
    held_on = models.DateField(_("held on"), default=clock.today)
    rung_reconsidered = models.BooleanField(_("the rung was reconsidered"), default=False)
    instruments_reconsidered = models.BooleanField(
        _("the instruments were reconsidered"), default=False
    )
    notes = models.TextField(_("notes"), blank=True)
    new_version = models.ForeignKey(
        PlanVersion,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("new version started"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=clock.now)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("plan review")
        verbose_name_plural = _("plan reviews")

    def __str__(self) -> str:
        return f"{self.plan_id} {self.held_on}"
