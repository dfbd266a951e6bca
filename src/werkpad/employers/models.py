"""Employers and their vacancies (EM1-EM8).

An ``Employer`` is the municipality's register entry for an organisation of kind
employer: its KvK number, sector (SBI section and division), size, region, the
fixed contact person at the employer service, its networks and its willingness to
hire people at a distance from the labour market. A ``Vacancy`` is reported through
the employer's own pages or taken in by the employer advisor (the channel is
recorded), or imported into the regional vacancy file; it is coded with ISCO-08,
carries what matching needs (skills, required education, region, hours, working
conditions) and the agreements made at intake (distribution, preselection, expiry).
Within 72 hours of ``received_at`` the employer hears the fill possibilities and
the term (``answer_due_at``; ``answered_at`` records when). Everything said to the
employer after intake is a ``VacancyUpdate``; the status history is append-only
(``StatusChange``).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.core.lifecycle import StatusChangeBase
from werkpad.core.models import LabourMarketRegion, Municipality, Organisation, VersionedModel
from werkpad.employers.workflow import Status
from werkpad.jobseekers.models import EducationLevel

_USER = settings.AUTH_USER_MODEL

#: The term within which the employer hears the fill possibilities (EM3).
ANSWER_TERM = dt.timedelta(hours=72)

validate_kvk_number = RegexValidator(
    r"^(?!00000000)\d{8}$", _("A KvK number has exactly 8 digits."), code="kvk-number"
)
validate_isco_code = RegexValidator(
    r"^\d{4}$", _("An ISCO-08 occupation code has 4 digits."), code="isco-code"
)


class Size(models.TextChoices):
    SME = "sme", _("Small or medium-sized (MKB)")
    LARGE = "large", _("Large")


class Employer(VersionedModel):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="employers",
        verbose_name=_("municipality"),
        help_text=_("The municipality whose employer service keeps this entry."),
    )
    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.PROTECT,
        related_name="employer",
        verbose_name=_("organisation"),
    )
    kvk_number = models.CharField(_("KvK number"), max_length=8, validators=[validate_kvk_number])
    #: SBI 2008: the section letter (A-U) and the two-digit division within it.
    sbi_section = models.CharField(_("sector (SBI section)"), max_length=1)
    sbi_division = models.CharField(_("sector (SBI division)"), max_length=2)
    size = models.CharField(_("size"), max_length=10, choices=Size.choices)
    region = models.ForeignKey(
        LabourMarketRegion,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("labour-market region"),
    )
    contact_person = models.ForeignKey(
        _USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employers_in_care",
        verbose_name=_("fixed contact person"),
    )
    networks = models.TextField(
        _("networks"), blank=True, help_text=_("Business clubs, sector networks, platforms.")
    )
    # Willingness to hire people at a distance from the labour market (EM1).
    csr = models.BooleanField(_("corporate social responsibility policy"), default=False)
    cao_obligation = models.BooleanField(_("CAO agreement on inclusive hiring"), default=False)
    sroi_obligation = models.BooleanField(_("SROI obligation"), default=False)
    banenafspraak = models.BooleanField(_("takes part in the banenafspraak"), default=False)
    registered_on = models.DateField(_("registered on"), default=clock.today)

    class Meta:
        ordering = ["organisation__name", "id"]
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kvk_number"], name="employer_kvk_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.organisation.name

    @property
    def name(self) -> str:
        return self.organisation.name

    @property
    def willing_to_hire(self) -> bool:
        return self.csr or self.cao_obligation or self.sroi_obligation or self.banenafspraak


class Channel(models.TextChoices):
    WEB = "web", _("The employer's own pages")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    VISIT = "visit", _("Visit")
    IMPORT = "import", _("Imported")


class Distribution(models.TextChoices):
    MUNICIPALITY = "municipality", _("Only the municipality's own job seekers")
    REGION = "region", _("The job seekers of the labour-market region")
    REGION_AND_UWV = "region_and_uwv", _("The region and UWV (werk.nl)")


class Source(models.TextChoices):
    OWN = "own", _("Own vacancy")
    IMPORTED = "imported", _("Imported")


class Vacancy(VersionedModel):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    #: Null for an imported vacancy of an employer not in the register.
    employer = models.ForeignKey(
        Employer,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="vacancies",
        verbose_name=_("employer"),
    )
    employer_name = models.CharField(_("employer (as imported)"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    occupation_code = models.CharField(
        _("occupation (ISCO-08)"), max_length=4, validators=[validate_isco_code]
    )
    #: Skill words, lower case, as matching compares them.
    skills = models.JSONField(_("skills"), default=list, blank=True)
    min_education_level = models.CharField(
        _("required education"),
        max_length=20,
        choices=EducationLevel.choices,
        default=EducationLevel.NONE,
    )
    region = models.ForeignKey(
        LabourMarketRegion,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("labour-market region"),
    )
    hours_per_week = models.DecimalField(
        _("hours per week"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    #: Working-condition codes (night_work, heavy_lifting, customer_contact, driving,
    #: standing, ...): a job seeker with the limitation ``no_<code>`` is never matched.
    conditions = models.JSONField(_("working conditions"), default=list, blank=True)
    positions = models.PositiveSmallIntegerField(
        _("positions"), default=1, validators=[MinValueValidator(1)]
    )
    channel = models.CharField(_("reported through"), max_length=10, choices=Channel.choices)
    distribution = models.CharField(
        _("distribution"),
        max_length=20,
        choices=Distribution.choices,
        default=Distribution.REGION,
    )
    preselection = models.BooleanField(
        _("preselection by the employer service"),
        default=True,
        help_text=_("The employer service proposes candidates; otherwise the vacancy is open."),
    )
    expires_on = models.DateField(_("expires on"))
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.OWN
    )
    external_reference = models.CharField(_("external reference"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    received_at = models.DateTimeField(_("received at"), default=clock.now)
    answer_due_at = models.DateTimeField(_("answer due at"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    #: What the employer was told at the answer: by when the vacancy can be filled.
    expected_fill_by = models.DateField(_("expected to be filled by"), null=True, blank=True)
    handled_by = models.ForeignKey(
        _USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="vacancies_handled",
        verbose_name=_("employer advisor"),
    )
    reported_by = models.ForeignKey(
        _USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reported by"),
    )

    class Meta:
        ordering = ["-received_at", "id"]
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(employer__isnull=False) | ~models.Q(employer_name=""),
                name="vacancy_has_employer",
            ),
            models.UniqueConstraint(
                fields=["municipality", "external_reference"],
                condition=~models.Q(external_reference=""),
                name="vacancy_external_reference_unique",
            ),
        ]
        indexes = [
            models.Index(
                fields=["municipality", "status", "answer_due_at"], name="vacancy_term_idx"
            ),
            models.Index(fields=["region", "status"], name="vacancy_region_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.answer_due_at is None:
            self.answer_due_at = self.received_at + ANSWER_TERM
        super().save(*args, **kwargs)

    @property
    def shown_employer_name(self) -> str:
        return self.employer.name if self.employer_id and self.employer else self.employer_name


class StatusChange(StatusChangeBase):
    statuses = Status
    vacancy = models.ForeignKey(
        Vacancy, on_delete=models.CASCADE, related_name="history", verbose_name=_("vacancy")
    )

    class Meta(StatusChangeBase.Meta):
        verbose_name = _("vacancy status change")
        verbose_name_plural = _("vacancy status changes")


class UpdateKind(models.TextChoices):
    ANSWER = "answer", _("Fill possibilities and term")
    PROGRESS = "progress", _("Progress")
    ADVICE = "advice", _("Advice: cannot be filled as it is")
    JOB_CARVING = "job_carving", _("Unrealistic requirements: job-carving advice")
    AFTERCARE = "aftercare", _("After-care")


class VacancyUpdate(models.Model):
    """What the employer service told the employer about a vacancy: appended, never edited."""

    vacancy = models.ForeignKey(
        Vacancy, on_delete=models.CASCADE, related_name="updates", verbose_name=_("vacancy")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=UpdateKind.choices)
    text = models.TextField(_("message"))
    written_at = models.DateTimeField(_("written at"), default=clock.now)
    written_by = models.ForeignKey(
        _USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("written by")
    )

    class Meta:
        ordering = ["written_at", "id"]
        verbose_name = _("vacancy update")
        verbose_name_plural = _("vacancy updates")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.vacancy}"
