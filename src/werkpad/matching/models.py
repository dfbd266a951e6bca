"""The Django side of matching (MA1, EM6, EM9, TR4).

A ``SearchProfile`` is what the engine knows of a job seeker: the occupations
(ISCO-08) and skills sought, the labour-market regions and hours accepted, the
limitations that are hard limits (health data: never shown to an employer) and
the preferences. The caseworker confirms it is current (``confirmed_current_on``);
only a profile confirmed within ``CURRENT_MONTHS`` is in the candidate file
employers search, and only with the job seeker's consent to employers. The
profile's ``pseudonym`` is random and stable, never derived from the BSN or an id.

A ``Preselection`` is the employer advisor's proposal of a job seeker for a vacancy.
An ``IntroductionRequest`` is an employer's request to meet a job seeker of the
candidate file; its history is append-only (``IntroductionChange``).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.core.lifecycle import StatusChangeBase
from werkpad.core.models import Municipality, VersionedModel
from werkpad.employers.models import Employer, Vacancy
from werkpad.jobseekers.models import EducationLevel, JobSeeker
from werkpad.matching.workflow import Status

_USER = settings.AUTH_USER_MODEL

#: A profile not confirmed as current within this many months leaves the candidate file.
CURRENT_MONTHS = 6

#: The engine compares education levels as numbers, in the order of the choices.
EDUCATION_RANK: dict[str, int] = {level: rank for rank, level in enumerate(EducationLevel.values)}


class Limitation(models.TextChoices):
    """Hard limits for matching. Health data (consents part HEALTH): never shown to an
    employer, in the candidate file or in an explanation an employer reads."""

    NO_NIGHT_WORK = "no_night_work", _("No night work")
    NO_HEAVY_LIFTING = "no_heavy_lifting", _("No heavy lifting")
    NO_CUSTOMER_CONTACT = "no_customer_contact", _("No customer contact")
    NO_DRIVING = "no_driving", _("No driving")
    NO_STANDING = "no_standing", _("No standing work")


#: Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L).
PSEUDONYM_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_pseudonym() -> str:
    """A random pseudonym such as ``K-7Q4M``: nothing of the person is in it."""
    return "K-" + "".join(secrets.choice(PSEUDONYM_ALPHABET) for _ in range(4))


class SearchProfile(VersionedModel):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    job_seeker = models.OneToOneField(
        JobSeeker,
        on_delete=models.CASCADE,
        related_name="search_profile",
        verbose_name=_("job seeker"),
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=12, unique=True, editable=False)
    #: ISCO-08 codes, four digits each.
    occupation_codes = models.JSONField(_("occupations sought (ISCO-08)"), default=list)
    #: Skill words, lower case, as the vacancies carry them.
    skills = models.JSONField(_("skills"), default=list, blank=True)
    #: Labour-market region codes the job seeker accepts.
    regions = models.JSONField(_("regions accepted"), default=list)
    min_hours = models.DecimalField(
        _("minimum hours per week"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
    )
    max_hours = models.DecimalField(
        _("maximum hours per week"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    #: Codes of ``Limitation``: health data, hard limits only.
    limitations = models.JSONField(_("limitations"), default=list, blank=True)
    #: Preferred occupations, regions or conditions, as codes the engine compares.
    preferences = models.JSONField(_("preferences"), default=list, blank=True)
    confirmed_current_on = models.DateField(_("confirmed current on"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        _USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("confirmed by"),
    )

    class Meta:
        ordering = ["pseudonym"]
        verbose_name = _("search profile")
        verbose_name_plural = _("search profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_hours__lte=models.F("max_hours")),
                name="search_profile_hours_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.pseudonym


class Preselection(models.Model):
    """The employer advisor proposes a job seeker for a vacancy."""

    vacancy = models.ForeignKey(
        Vacancy, on_delete=models.CASCADE, related_name="preselections", verbose_name=_("vacancy")
    )
    job_seeker = models.ForeignKey(
        JobSeeker, on_delete=models.CASCADE, related_name="+", verbose_name=_("job seeker")
    )
    proposed_by = models.ForeignKey(
        _USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("proposed by")
    )
    proposed_at = models.DateTimeField(_("proposed at"), default=clock.now)

    class Meta:
        ordering = ["proposed_at", "id"]
        verbose_name = _("preselection")
        verbose_name_plural = _("preselections")
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy", "job_seeker"], name="preselection_once_per_vacancy"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.job_seeker_id} -> {self.vacancy_id}"


class IntroductionRequest(VersionedModel):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    employer = models.ForeignKey(
        Employer,
        on_delete=models.PROTECT,
        related_name="introduction_requests",
        verbose_name=_("employer"),
    )
    job_seeker = models.ForeignKey(
        JobSeeker,
        on_delete=models.CASCADE,
        related_name="introduction_requests",
        verbose_name=_("job seeker"),
    )
    #: The pseudonym the employer asked for, kept as it was then.
    pseudonym = models.CharField(_("pseudonym"), max_length=12)
    vacancy = models.ForeignKey(
        Vacancy,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("vacancy"),
    )
    message = models.TextField(_("message"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    requested_by = models.ForeignKey(
        _USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("asked by")
    )
    requested_at = models.DateTimeField(_("asked at"), default=clock.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    #: What the job seeker chose to share on agreeing.
    share_email = models.BooleanField(_("share my e-mail address"), default=False)
    share_phone = models.BooleanField(_("share my phone number"), default=False)

    class Meta:
        ordering = ["-requested_at", "id"]
        verbose_name = _("introduction request")
        verbose_name_plural = _("introduction requests")
        indexes = [
            models.Index(fields=["job_seeker", "status"], name="introduction_seeker_idx"),
            models.Index(fields=["employer", "status"], name="introduction_employer_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.employer} -> {self.pseudonym}"


class IntroductionChange(StatusChangeBase):
    statuses = Status
    introduction = models.ForeignKey(
        IntroductionRequest,
        on_delete=models.CASCADE,
        related_name="history",
        verbose_name=_("introduction request"),
    )

    class Meta(StatusChangeBase.Meta):
        verbose_name = _("introduction status change")
        verbose_name_plural = _("introduction status changes")
