"""Trajectories: a referral of a job seeker to a programme (TR1-TR9).

A ``Trajectory`` carries the structured handover (a snapshot of the job-seeker
fields the provider needs, taken at referral; what the provider's coach reads of it
follows the job seeker's current consents, ``werkpad.consents``), the caseworker's
reasons, and the status that ``workflow.py`` moves. Progress reports, the end
report and the evaluation hang off it; the status history is append-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.core.deadlines import add_working_days
from werkpad.core.lifecycle import StatusChangeBase
from werkpad.core.minimum_wage import WageCheck
from werkpad.core.models import Municipality, VersionedModel
from werkpad.jobseekers.models import JobSeeker, LadderRung
from werkpad.providers.models import Programme, Provider
from werkpad.trajectories.workflow import Status

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

#: TR1: the provider answers a referral (accepts or declines it) within this many
#: working days. A policy choice, not a legal term; it becomes a setting of the
#: municipality with the other terms (issue 7, item 7).
REFERRAL_ANSWER_WORKING_DAYS = 5


def referral_answer_due(referred_on):
    """The last day for the provider's answer to a referral made on ``referred_on``."""
    return add_working_days(referred_on, REFERRAL_ANSWER_WORKING_DAYS)


class ActivityFormat(models.TextChoices):
    GROUP = "group", _("In a group")
    INDIVIDUAL = "individual", _("Individual")


class Trajectory(VersionedModel):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="trajectories",
        verbose_name=_("municipality"),
    )
    job_seeker = models.ForeignKey(
        JobSeeker,
        on_delete=models.PROTECT,
        related_name="trajectories",
        verbose_name=_("job seeker"),
    )
    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        related_name="trajectories",
        verbose_name=_("programme"),
    )
    provider = models.ForeignKey(
        Provider,
        on_delete=models.PROTECT,
        related_name="trajectories",
        verbose_name=_("provider"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REFERRED
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("referred by"),
    )
    referred_on = models.DateField(_("referred on"), default=clock.today)
    # TR1: why this programme, and which others were considered
    reason = models.TextField(_("why this programme"))
    alternatives = models.ManyToManyField(
        Programme,
        blank=True,
        related_name="+",
        verbose_name=_("programmes also considered"),
    )
    alternatives_note = models.TextField(
        _("why not the others"),
        blank=True,
    )
    target_group_reason = models.TextField(
        _("why outside the target group"),
        blank=True,
        help_text=_(
            "Required when the job seeker's rung or target group (age, for example) lies "
            "outside the programme's; the provider reads it."
        ),
    )
    # TR1/TR4: the handover
    handover = models.JSONField(
        _("handover"),
        default=dict,
        blank=True,
        help_text=_("The job-seeker fields shared with the provider, as they were at referral."),
    )
    # TR8
    activity_format = models.CharField(
        _("activities"),
        max_length=12,
        choices=ActivityFormat.choices,
        default=ActivityFormat.INDIVIDUAL,
    )
    group_alternative = models.TextField(
        _("alternative to group activities"),
        blank=True,
        help_text=_(
            "Required when the job seeker prefers no group activities and the programme "
            "works in groups only."
        ),
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coached_trajectories",
        verbose_name=_("coach"),
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.TextField(_("reason for ending early"), blank=True)
    next_report_due = models.DateField(_("next progress report due"), null=True, blank=True)

    class Meta:
        ordering = ["-referred_on", "-id"]
        verbose_name = _("trajectory")
        verbose_name_plural = _("trajectories")
        indexes = [
            models.Index(
                fields=["municipality", "status", "-referred_on"], name="trajectory_list_idx"
            ),
            models.Index(
                fields=["provider", "status", "-referred_on"], name="trajectory_provider_idx"
            ),
            models.Index(fields=["status", "next_report_due"], name="trajectory_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.programme} ({self.get_status_display()})"

    @property
    def status_label(self) -> StrOrPromise:
        return Status(self.status).label


class StatusChange(StatusChangeBase):
    """One step in a trajectory's life: appended, never edited."""

    statuses = Status

    trajectory = models.ForeignKey(
        Trajectory,
        on_delete=models.CASCADE,
        related_name="history",
        verbose_name=_("trajectory"),
    )

    class Meta(StatusChangeBase.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")


class ProgressReport(models.Model):
    """A progress report (voortgangsrapportage, TR3), with its health section apart (TR4)."""

    trajectory = models.ForeignKey(
        Trajectory,
        on_delete=models.CASCADE,
        related_name="progress_reports",
        verbose_name=_("trajectory"),
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    written_at = models.DateTimeField(_("written at"), default=clock.now)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("written by"),
    )
    progress = models.TextField(_("progress"))
    activities = models.TextField(_("activities done"), blank=True)
    next_steps = models.TextField(_("agreements and next steps"), blank=True)
    health_section = models.TextField(
        _("health and psychological situation"),
        blank=True,
        help_text=_(
            "Special category: only with the job seeker's consent; never shown to an employer."
        ),
    )

    class Meta:
        ordering = ["-written_at", "-id"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self) -> str:
        return f"{self.trajectory_id} {self.written_at:%Y-%m-%d}"

    @property
    def on_time(self) -> bool:
        return self.due_on is None or timezone.localdate(self.written_at) <= self.due_on


class Outcome(models.TextChoices):
    WORK = "work", _("Work")
    SCHOOLING = "schooling", _("Schooling")
    RUNG_CHANGE = "rung_change", _("Higher on the participation ladder")
    VOLUNTEER_WORK = "volunteer_work", _("Volunteer work")
    NONE = "none", _("No result")


class ContractType(models.TextChoices):
    PERMANENT = "permanent", _("Permanent contract")
    FIXED_TERM = "fixed_term", _("Fixed-term contract")
    TEMP_AGENCY = "temp_agency", _("Temp-agency contract")
    ON_CALL = "on_call", _("On-call contract")
    SELF_EMPLOYED = "self_employed", _("Self-employed")


class EndReport(models.Model):
    """The end report (TR5, TR6): the outcome and the job guarantee promised versus kept."""

    trajectory = models.OneToOneField(
        Trajectory,
        on_delete=models.CASCADE,
        related_name="end_report",
        verbose_name=_("trajectory"),
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    summary = models.TextField(_("summary"), blank=True)
    # work
    contract_type = models.CharField(
        _("contract"), max_length=20, choices=ContractType.choices, blank=True
    )
    hours_per_week = models.DecimalField(
        _("hours per week"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
    )
    hourly_wage = models.DecimalField(
        _("hourly wage (euro, gross)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    employer_name = models.CharField(_("employer"), max_length=200, blank=True)
    work_start_date = models.DateField(_("work starts on"), null=True, blank=True)
    minimum_wage = models.DecimalField(
        _("statutory minimum wage that applied"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
    )
    # TR6: the wage check, run at the report and again when a missing rate is entered
    wage_check = models.CharField(
        _("wage check"),
        max_length=20,
        choices=WageCheck.choices,
        default=WageCheck.NOT_APPLICABLE,
    )
    minimum_wage_date = models.DateField(
        _("minimum wage of"),
        null=True,
        blank=True,
        help_text=_("The indexation date whose rate applies on the start date."),
    )
    wage_checked_at = models.DateTimeField(_("wage checked at"), null=True, blank=True)
    cao_conform = models.BooleanField(
        _("wage and conditions follow the CAO"), null=True, blank=True
    )
    working_condition_incidents = models.TextField(_("working-condition incidents"), blank=True)
    cv_contribution = models.TextField(_("what the work adds to the CV"), blank=True)
    # schooling, rung, volunteer work
    schooling = models.CharField(_("schooling"), max_length=200, blank=True)
    rung_after = models.PositiveSmallIntegerField(
        _("rung at the end"), choices=LadderRung.choices, null=True, blank=True
    )
    volunteer_organisation = models.CharField(_("volunteer work at"), max_length=200, blank=True)
    # job guarantee
    job_guarantee_promised = models.BooleanField(_("job guarantee promised"), default=False)
    job_guarantee_realised = models.BooleanField(_("job guarantee realised"), default=False)
    written_at = models.DateTimeField(_("written at"), default=clock.now)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("written by"),
    )

    class Meta:
        verbose_name = _("end report")
        verbose_name_plural = _("end reports")
        indexes = [
            models.Index(
                fields=["wage_check", "minimum_wage_date"], name="end_report_wage_check_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trajectory_id}: {self.outcome}"

    @property
    def wage_waiting(self) -> bool:
        return self.wage_check == WageCheck.WAITING_FOR_RATE

    @property
    def wage_below_minimum(self) -> bool:
        return self.wage_check == WageCheck.BELOW_MINIMUM


class Evaluation(models.Model):
    """The evaluation at the end (leermoment, TR7)."""

    trajectory = models.OneToOneField(
        Trajectory,
        on_delete=models.CASCADE,
        related_name="evaluation",
        verbose_name=_("trajectory"),
    )
    choices_made = models.TextField(_("choices made"))
    guidance_style = models.TextField(_("guidance style"))
    what_worked = models.TextField(_("what worked"))
    what_did_not = models.TextField(_("what did not work"))
    job_seeker_view = models.TextField(_("the job seeker's view"))
    written_at = models.DateTimeField(_("written at"), default=clock.now)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("written by"),
    )

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self) -> str:
        return f"{self.trajectory_id}"
