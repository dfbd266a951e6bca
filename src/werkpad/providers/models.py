"""Re-integration providers (PR1) and their programmes: the catalogue (PR2)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.core.models import Municipality, MunicipalitySettings, Organisation, VersionedModel

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

#: A certification that expires within this many days, or expired less than this
#: many days ago, is a warning in the policy officer's worklist (PR1).
CERTIFICATION_WARNING_DAYS = 60


class CertificationStatus(models.TextChoices):
    VALID = "valid", _("Certified")
    EXPIRING = "expiring", _("Certification expires soon")
    EXPIRED = "expired", _("Certification expired")
    NONE = "none", _("Not certified")


class Provider(VersionedModel):
    """A re-integration company contracted by the municipality."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="providers",
        verbose_name=_("municipality"),
    )
    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.PROTECT,
        related_name="provider",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    kvk_number = models.CharField(_("KvK number"), max_length=8)
    certified = models.BooleanField(_("Blik op Werk certified"), default=False)
    certification_expires_on = models.DateField(
        _("certification expires on"), null=True, blank=True
    )
    subcontractors = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="main_contractors",
        verbose_name=_("subcontractors"),
    )
    affiliated_organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="affiliated_providers",
        verbose_name=_("affiliated temp agencies and employers"),
        help_text=_("A referral to a vacancy of one of these is a conflict of interest."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    website = models.URLField(_("website"), blank=True)
    complaint_regulation = models.TextField(
        _("complaint regulation"),
        blank=True,
        help_text=_("How to complain about this provider, in plain language."),
    )
    privacy_statement = models.TextField(_("privacy statement"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")

    def __str__(self) -> str:
        return self.name

    def certification_status(self, today: dt.date) -> str:
        """Blik op Werk on ``today``: valid, expiring within the warning period, expired, none."""
        expires = self.certification_expires_on
        if not self.certified or expires is None:
            return CertificationStatus.NONE
        if expires < today:
            return CertificationStatus.EXPIRED
        if expires <= today + dt.timedelta(days=CERTIFICATION_WARNING_DAYS):
            return CertificationStatus.EXPIRING
        return CertificationStatus.VALID


class Lot(models.IntegerChoices):
    WORK = 1, _("Lot 1: work")
    SOCIAL_ACTIVATION = 2, _("Lot 2: social activation and care")


class Format(models.TextChoices):
    GROUP = "group", _("In a group")
    INDIVIDUAL = "individual", _("Individual")
    BOTH = "both", _("Group or individual")


class TargetGroup(models.TextChoices):
    YOUNG = "young", _("Young people (under 27)")
    OLDER = "older", _("Older job seekers")
    HIGHER_EDUCATED = "higher_educated", _("Higher educated")
    PSYCHOLOGICAL = "psychological", _("Psychologically vulnerable")
    LABOUR_DISABILITY = "labour_disability", _("People with a labour disability")
    LANGUAGE = "language", _("People learning Dutch")
    NON_BENEFIT = "non_benefit", _("Job seekers without benefit")
    SINGLE_PARENTS = "single_parents", _("Single parents")
    EVERYONE = "everyone", _("Everyone")


class Expertise(models.TextChoices):
    OLDER = "older", _("Older clients")
    PSYCHOLOGICAL = "psychological", _("Psychological problems")
    LABOUR_DISABILITY = "labour_disability", _("Labour disability")
    LANGUAGE = "language", _("Language and literacy")
    DEBT = "debt", _("Debts")
    YOUNG = "young", _("Young people")


class Programme(VersionedModel):
    """A trajectory offer (trajectaanbod) of a provider."""

    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("provider")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="programmes",
        verbose_name=_("municipality"),
    )
    slug = models.SlugField(_("address name"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    lot = models.PositiveSmallIntegerField(_("lot"), choices=Lot.choices)
    goal = models.TextField(_("goal"))
    content = models.TextField(_("content"))
    plain_summary = models.TextField(
        _("in plain language"),
        help_text=_("What a job seeker reads first: what it is, what it is for, how it goes."),
    )
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    rung_from = models.PositiveSmallIntegerField(
        _("lowest rung served"), validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    rung_to = models.PositiveSmallIntegerField(
        _("highest rung served"), validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    duration_weeks = models.PositiveSmallIntegerField(_("duration (weeks)"))
    price = models.DecimalField(_("price (euro)"), max_digits=9, decimal_places=2)
    format = models.CharField(_("format"), max_length=12, choices=Format.choices)
    schooling_level = models.CharField(_("schooling level"), max_length=100, blank=True)
    job_guarantee = models.BooleanField(_("job guarantee promised"), default=False)
    job_guarantee_terms = models.TextField(_("job guarantee terms"), blank=True)
    staff_expertise = models.JSONField(_("staff expertise"), default=list, blank=True)
    report_interval_weeks = models.PositiveSmallIntegerField(
        _("progress report every (weeks)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(26)],
        help_text=_("Leave empty to follow the municipality's progress report interval."),
    )
    instruments = models.ManyToManyField(
        "instruments.Instrument",
        blank=True,
        related_name="programmes",
        verbose_name=_("instruments"),
    )
    active = models.BooleanField(_("open for referrals"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rung_from__lte=models.F("rung_to")),
                name="programme_rungs_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def report_interval_in_effect(self) -> int:
        """Its own progress report interval, or else its municipality's (TR3); a query
        unless the queryset selected ``municipality__settings``."""
        if self.report_interval_weeks:
            return self.report_interval_weeks
        return MunicipalitySettings.of(self.municipality).report_interval_weeks

    @property
    def target_group_labels(self) -> list[StrOrPromise]:
        return [TargetGroup(value).label for value in self.target_groups]

    @property
    def staff_expertise_labels(self) -> list[StrOrPromise]:
        return [Expertise(value).label for value in self.staff_expertise]

    def serves_rung(self, rung: int) -> bool:
        return self.rung_from <= rung <= self.rung_to
