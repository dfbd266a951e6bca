"""Referrals to vacancies, placements with after-care, and the self-employment route
(MA2-MA4).

A ``VacancyReferral`` records that a job seeker was put forward actively for a vacancy
(by the caseworker or the employer advisor), the application support given and the
result (``workflow``). When the vacancy's employer is affiliated with the provider of the
job seeker's running trajectory the referral carries ``conflict_of_interest`` with the
reason (``providers.selectors.provider_conflicts``), and who referred confirmed seeing it.

A ``Placement`` is the job: with a registered employer or, for a self-found job
(``self_found``), the employer's name; start, contract, hours, hourly wage with its
minimum-wage check, the grants used, the after-care plan and job-coach schedule. Its
``FollowUp`` rows are made with it, due 6 and 12 months after the start: is the person
still in work? ``SelfEmploymentRoute`` records the route to working for oneself (the
Bbz desk).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.core.lifecycle import StatusChangeBase
from werkpad.core.minimum_wage import WageCheck
from werkpad.core.models import Municipality, VersionedModel
from werkpad.employers.models import Employer, Vacancy
from werkpad.grants.models import Grant
from werkpad.jobseekers.models import JobSeeker
from werkpad.placements.workflow import OPEN, Status

_USER = settings.AUTH_USER_MODEL
#: The follow-ups of a placement: months after its start.
FOLLOW_UP_MONTHS = (6, 12)


class VacancyReferral(VersionedModel):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    job_seeker = models.ForeignKey(
        JobSeeker,
        on_delete=models.CASCADE,
        related_name="vacancy_referrals",
        verbose_name=_("job seeker"),
    )
    vacancy = models.ForeignKey(
        Vacancy, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("vacancy")
    )
    referred_on = models.DateField(_("referred on"))
    referred_by = models.ForeignKey(
        _USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("referred by")
    )
    support = models.TextField(
        _("application support given"),
        blank=True,
        help_text=_("CV checked, letter, interview training, went along to the interview..."),
    )
    status = models.CharField(
        _("result"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    conflict_of_interest = models.BooleanField(_("conflict of interest"), default=False)
    conflict_reason = models.TextField(_("why a conflict of interest"), blank=True)
    conflict_confirmed = models.BooleanField(_("the conflict of interest was seen"), default=False)

    class Meta:
        ordering = ["-referred_on", "-id"]
        verbose_name = _("referral to a vacancy")
        verbose_name_plural = _("referrals to vacancies")
        indexes = [
            models.Index(fields=["municipality", "status"], name="vacancy_referral_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.job_seeker} -> {self.vacancy}"

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN


class ReferralStatusChange(StatusChangeBase):
    """One step in a referral's result: appended, never edited."""

    statuses = Status

    referral = models.ForeignKey(
        VacancyReferral,
        on_delete=models.CASCADE,
        related_name="history",
        verbose_name=_("referral"),
    )

    class Meta(StatusChangeBase.Meta):
        verbose_name = _("referral result change")
        verbose_name_plural = _("referral result changes")


class ContractType(models.TextChoices):
    FIXED_TERM = "fixed_term", _("Fixed-term")
    PERMANENT = "permanent", _("Permanent")
    TEMPORARY_AGENCY = "temporary_agency", _("Temporary agency work")
    OTHER = "other", _("Other")


class Placement(VersionedModel):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    job_seeker = models.ForeignKey(
        JobSeeker, on_delete=models.CASCADE, related_name="placements", verbose_name=_("job seeker")
    )
    employer = models.ForeignKey(
        Employer,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name=_("employer"),
    )
    employer_name = models.CharField(
        _("employer's name"),
        max_length=200,
        blank=True,
        help_text=_("For an employer outside the register, such as a self-found job."),
    )
    vacancy = models.ForeignKey(
        Vacancy,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name=_("vacancy"),
    )
    referral = models.OneToOneField(
        VacancyReferral,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="placement",
        verbose_name=_("referral"),
    )
    self_found = models.BooleanField(_("found the job themselves"), default=False)
    job_title = models.CharField(_("job"), max_length=200)
    start_date = models.DateField(_("start date"))
    contract_type = models.CharField(_("contract"), max_length=20, choices=ContractType.choices)
    hours_per_week = models.DecimalField(
        _("hours per week"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal(60))],
    )
    hourly_wage = models.DecimalField(
        _("hourly wage (euro, gross)"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    wage_check = models.CharField(
        _("wage check"), max_length=20, choices=WageCheck.choices, default=WageCheck.PASSED
    )
    minimum_wage = models.DecimalField(
        _("statutory minimum wage that applied"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
    )
    below_minimum_with_subsidy = models.BooleanField(
        _("below the minimum wage with a wage-cost subsidy"), default=False
    )
    grants = models.ManyToManyField(
        Grant, blank=True, related_name="placements", verbose_name=_("grants used")
    )
    aftercare_plan = models.TextField(_("after-care plan"), blank=True)
    job_coach_schedule = models.TextField(_("job-coach schedule"), blank=True)
    next_contact_on = models.DateField(_("next contact"), null=True, blank=True)
    created_by = models.ForeignKey(
        _USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("recorded by")
    )

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(employer__isnull=False) | ~models.Q(employer_name=""),
                name="placement_has_employer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.job_title} ({self.employer_label})"

    @property
    def employer_label(self) -> str:
        return self.employer.name if self.employer_id and self.employer else self.employer_name

    @property
    def contract_label(self) -> str:
        return str(ContractType(self.contract_type).label)


class FollowUp(models.Model):
    """Whether the person is still in work some months after the start."""

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("placement")
    )
    months = models.PositiveSmallIntegerField(_("months after the start"))
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("recorded on"), null=True, blank=True)
    done_by = models.ForeignKey(
        _USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    still_in_work = models.BooleanField(_("still in work"), null=True, blank=True)
    working_for = models.CharField(_("with whom"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        constraints = [
            models.UniqueConstraint(fields=["placement", "months"], name="follow_up_unique"),
        ]
        indexes = [models.Index(fields=["done_on", "due_on"], name="follow_up_due_idx")]

    def __str__(self) -> str:
        return f"{self.placement}: {self.months}"

    @property
    def done(self) -> bool:
        return self.done_on is not None

    def overdue(self, day: dt.date | None = None) -> bool:
        return not self.done and self.due_on < (day or clock.today())


class SelfEmploymentRoute(VersionedModel):
    """The route to working for oneself (MA4): information given, referral to the Bbz
    desk (Besluit bijstandverlening zelfstandigen 2004), and how it ended."""

    class Outcome(models.TextChoices):
        OPEN = "open", _("Still open")
        STARTED = "started", _("Started as self-employed")
        NOT_STARTED = "not_started", _("Did not start")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    job_seeker = models.ForeignKey(
        JobSeeker,
        on_delete=models.CASCADE,
        related_name="self_employment_routes",
        verbose_name=_("job seeker"),
    )
    information_given_on = models.DateField(_("information given on"))
    bbz_referred_on = models.DateField(_("referred to the Bbz desk on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.OPEN
    )
    created_by = models.ForeignKey(
        _USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("recorded by")
    )

    class Meta:
        ordering = ["-information_given_on", "-id"]
        verbose_name = _("self-employment route")
        verbose_name_plural = _("self-employment routes")

    def __str__(self) -> str:
        return f"{self.job_seeker}: {self.outcome}"
