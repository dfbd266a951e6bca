"""The job-seeker file (JS1-JS5).

What is never recorded (REFERENCE.md, AVG art. 9): ethnicity, race, migration
background, nationality, country of birth (own or parents'), religion. There is
no field for them, and ``werkpad.core.privacy`` makes imports, the API and
filters refuse them; a test walks every model to keep it so.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.core.deadlines import add_months
from werkpad.core.models import (
    PROFILE_REVIEW_MONTHS,
    Municipality,
    MunicipalitySettings,
    VersionedModel,
)
from werkpad.core.privacy import FORBIDDEN_ATTRIBUTES, is_forbidden_attribute  # noqa: F401
from werkpad.core.text import TEXT_MAX_LENGTH, validate_one_line
from werkpad.jobseekers.bsn import mask_bsn, validate_bsn

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

#: JS1: no date of birth before this one is believable; a job seeker is at least
#: ``YOUNGEST_AGE`` on the day the file is registered.
EARLIEST_BIRTH_DATE = dt.date(1900, 1, 1)
YOUNGEST_AGE = 15


def profile_overdue_q(today: dt.date) -> models.Q:
    """Files whose profile review is overdue on ``today``, per municipality's period
    (``MunicipalitySettings.profile_review_months``; the default where it has no row)."""
    periods = MunicipalitySettings.objects.values_list("profile_review_months", flat=True)
    query = models.Q(
        municipality__settings__isnull=True,
        profile_reviewed_on__lt=add_months(today, -PROFILE_REVIEW_MONTHS),
    )
    for months in sorted(set(periods)):
        query |= models.Q(
            municipality__settings__profile_review_months=months,
            profile_reviewed_on__lt=add_months(today, -months),
        )
    return query


class Gender(models.TextChoices):
    MALE = "male", _("Man")
    FEMALE = "female", _("Woman")
    X = "x", _("X (non-binary)")
    UNKNOWN = "unknown", _("Unknown")


class EducationLevel(models.TextChoices):
    NONE = "none", _("No education completed")
    PRIMARY = "primary", _("Primary school")
    VMBO = "vmbo", _("VMBO")
    MBO1 = "mbo1", _("MBO level 1")
    MBO2 = "mbo2", _("MBO level 2")
    MBO3 = "mbo3", _("MBO level 3")
    MBO4 = "mbo4", _("MBO level 4")
    HAVO_VWO = "havo_vwo", _("HAVO / VWO")
    HBO = "hbo", _("HBO")
    WO = "wo", _("University (WO)")


class BenefitType(models.TextChoices):
    PARTICIPATIEWET = "participatiewet", _("Participatiewet (social assistance)")
    WW = "ww", _("WW (unemployment benefit)")
    ANW = "anw", _("Anw (surviving dependants)")
    IOAW = "ioaw", _("IOAW")
    IOAZ = "ioaz", _("IOAZ")
    WIA = "wia", _("WIA")
    WAJONG = "wajong", _("Wajong")
    NONE = "none", _("No benefit (niet-uitkeringsgerechtigd)")
    OTHER = "other", _("Other")


class LadderRung(models.IntegerChoices):
    """The participation ladder (VNG). Rungs 1-4: activation; 5-6: labour-market policy."""

    ISOLATED = 1, _("1 Isolated")
    SOCIAL_CONTACTS = 2, _("2 Social contacts outside the home")
    ORGANISED_ACTIVITIES = 3, _("3 Taking part in organised activities")
    UNPAID_WORK = 4, _("4 Unpaid work")
    PAID_WORK_SUPPORTED = 5, _("5 Paid work with support")
    PAID_WORK = 6, _("6 Paid work")

    @classmethod
    def policy(cls, rung: int) -> str:
        return "activation" if rung <= 4 else "labour_market"


class LeaveReason(models.TextChoices):
    """Why a job seeker left the file (outflow)."""

    WORK = "work", _("found work")
    SCHOOLING = "schooling", _("went to school or training")
    OTHER_INCOME = "other_income", _("other income (partner, pension, other benefit)")
    MOVED = "moved", _("moved to another municipality")
    OTHER = "other", _("another reason")


def current_q() -> models.Q:
    """Job seekers still in the file: not left (outflow). Lists, counts and the
    council's figures are of these; finished trajectories of everyone count as
    evidence of what works."""
    return models.Q(left_on__isnull=True)


class JobSeeker(VersionedModel):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="job_seekers",
        verbose_name=_("municipality"),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="job_seeker",
        verbose_name=_("login"),
    )

    # identity and contact
    bsn = models.CharField(_("BSN"), max_length=9, validators=[validate_bsn])
    first_name = models.CharField(_("first name"), max_length=100, validators=[validate_one_line])
    last_name = models.CharField(_("last name"), max_length=150, validators=[validate_one_line])
    birth_date = models.DateField(_("date of birth"))
    gender = models.CharField(
        _("gender"), max_length=10, choices=Gender.choices, default=Gender.UNKNOWN
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[validate_one_line])
    postcode = models.CharField(
        _("postcode"), max_length=7, blank=True, validators=[validate_one_line]
    )
    city = models.CharField(
        _("place of residence"), max_length=100, blank=True, validators=[validate_one_line]
    )

    # JS1: the situation
    education_level = models.CharField(
        _("education level"), max_length=10, choices=EducationLevel.choices
    )
    work_experience = models.TextField(
        _("work experience"),
        blank=True,
        validators=[MaxLengthValidator(TEXT_MAX_LENGTH)],
    )
    work_experience_years = models.PositiveSmallIntegerField(
        _("years of work experience"),
        null=True,
        blank=True,
    )
    benefit_type = models.CharField(_("benefit"), max_length=20, choices=BenefitType.choices)
    unemployed_since = models.DateField(_("unemployed since"))
    ladder_rung = models.PositiveSmallIntegerField(
        _("participation-ladder rung"),
        choices=LadderRung.choices,
        validators=[MinValueValidator(1), MaxValueValidator(6)],
    )
    labour_disability = models.BooleanField(
        _("labour disability (arbeidsbeperking)"), default=False
    )
    sheltered_work = models.BooleanField(
        _("indication for sheltered work (beschut werk)"), default=False
    )
    profile_reviewed_on = models.DateField(_("profile last reviewed on"), default=clock.today)

    # JS3: the one fixed contact person
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="caseload",
        verbose_name=_("contact person"),
    )

    # JS4: the profile
    wishes = models.TextField(
        _("wishes"),
        blank=True,
        validators=[MaxLengthValidator(TEXT_MAX_LENGTH)],
    )
    knowledge = models.TextField(
        _("knowledge"),
        blank=True,
        validators=[MaxLengthValidator(TEXT_MAX_LENGTH)],
    )
    skills = models.TextField(
        _("skills"),
        blank=True,
        validators=[MaxLengthValidator(TEXT_MAX_LENGTH)],
    )
    possibilities = models.TextField(
        _("possibilities"),
        blank=True,
        validators=[MaxLengthValidator(TEXT_MAX_LENGTH)],
    )
    limitations = models.TextField(
        _("functional limitations"),
        blank=True,
        help_text=_("Special category: only functional limitations, never a diagnosis."),
        validators=[MaxLengthValidator(TEXT_MAX_LENGTH)],
    )
    competence_test_results = models.TextField(
        _("competence-test results"),
        blank=True,
        validators=[MaxLengthValidator(TEXT_MAX_LENGTH)],
    )
    prefers_no_group_activities = models.BooleanField(
        _("prefers no group activities"), default=False
    )
    coach_preference = models.CharField(
        _("preference about the coach"), max_length=200, blank=True, validators=[validate_one_line]
    )
    attention_older = models.BooleanField(_("special attention: older job seeker"), default=False)
    attention_higher_educated = models.BooleanField(
        _("special attention: higher educated"), default=False
    )
    attention_psychological = models.BooleanField(
        _("special attention: psychologically vulnerable"),
        default=False,
        help_text=_("Special category."),
    )

    # JS5: UWV
    uwv_registered = models.BooleanField(_("registered with UWV (werk.nl)"), default=False)
    uwv_registration_help = models.BooleanField(
        _("needed help registering digitally"), default=False
    )

    # Outflow: the day the job seeker left the file and why. The file stays (for the
    # retention period) with its plans and trajectories; lists and figures leave it out.
    left_on = models.DateField(_("left on"), null=True, blank=True)
    leave_reason = models.CharField(
        _("reason for leaving"), max_length=20, choices=LeaveReason.choices, blank=True
    )

    #: Special-category items: shown to the contact person and to the job seeker only.
    RESTRICTED_FIELDS = ("limitations", "attention_psychological")

    class Meta:
        ordering = ["last_name", "first_name", "id"]
        verbose_name = _("job seeker")
        verbose_name_plural = _("job seekers")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "bsn"], name="jobseeker_bsn_unique"),
            models.CheckConstraint(
                condition=models.Q(ladder_rung__gte=1, ladder_rung__lte=6),
                name="jobseeker_rung_1_6",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(left_on__isnull=True, leave_reason="")
                    | (models.Q(left_on__isnull=False) & ~models.Q(leave_reason=""))
                ),
                name="jobseeker_left_with_reason",
            ),
        ]
        indexes = [
            models.Index(
                fields=["municipality", "last_name", "first_name", "id"], name="jobseeker_list_idx"
            ),
            models.Index(fields=["municipality", "ladder_rung"], name="jobseeker_rung_idx"),
            models.Index(fields=["contact_person", "last_name"], name="jobseeker_caseload_idx"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def has_left(self) -> bool:
        return self.left_on is not None

    @property
    def leave_reason_or_none(self) -> str | None:
        return self.leave_reason or None

    @property
    def ladder_rung_label(self) -> StrOrPromise:
        """Like ``get_ladder_rung_display()``, without rebuilding the choices per call."""
        return LadderRung(self.ladder_rung).label

    @property
    def benefit_type_label(self) -> StrOrPromise:
        return BenefitType(self.benefit_type).label

    @property
    def masked_bsn(self) -> str:
        return mask_bsn(self.bsn)

    def age_on(self, day: dt.date) -> int:
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def age(self) -> int:
        return self.age_on(clock.today())

    def unemployed_months(self, day: dt.date | None = None) -> int:
        day = day or clock.today()
        start = self.unemployed_since
        return max(
            0,
            (day.year - start.year) * 12
            + day.month
            - start.month
            - (1 if day.day < start.day else 0),
        )

    @property
    def policy(self) -> str:
        return LadderRung.policy(self.ladder_rung)

    @property
    def profile_review_months(self) -> int:
        """The municipality's period (a query unless ``municipality__settings`` was selected)."""
        return MunicipalitySettings.of(self.municipality).profile_review_months

    def profile_review_due(self) -> dt.date:
        return add_months(self.profile_reviewed_on, self.profile_review_months)

    def profile_overdue(self, day: dt.date | None = None) -> bool:
        """The same rule as ``profile_overdue_q``: reviewed before today minus the period."""
        today = day or clock.today()
        return self.profile_reviewed_on < add_months(today, -self.profile_review_months)

    def clean(self) -> None:
        errors: dict[str, list[StrOrPromise]] = {}
        today = clock.today()
        # The youngest age counts on the day of registration, so that a file
        # registered correctly does not become invalid (nor a later edit refused).
        registered = timezone.localdate(self.created_at) if self.created_at else today
        if self.birth_date and self.birth_date > today:
            errors.setdefault("birth_date", []).append(_("The date of birth lies in the future."))
        elif self.birth_date and self.birth_date < EARLIEST_BIRTH_DATE:
            errors.setdefault("birth_date", []).append(
                _("A date of birth before 1 January 1900 cannot be right.")
            )
        elif self.birth_date and self.age_on(registered) < YOUNGEST_AGE:
            errors.setdefault("birth_date", []).append(
                _("A job seeker is at least 15 years old on the day of registration.")
            )
        if self.unemployed_since and self.unemployed_since > today:
            errors.setdefault("unemployed_since", []).append(
                _("The unemployment start lies in the future.")
            )
        if self.birth_date and self.unemployed_since and self.unemployed_since < self.birth_date:
            errors.setdefault("unemployed_since", []).append(
                _("The unemployment start lies before the date of birth.")
            )
        if errors:
            raise ValidationError(errors)


class LadderRungChange(models.Model):
    """One step on the participation ladder, appended, never edited."""

    job_seeker = models.ForeignKey(
        JobSeeker,
        on_delete=models.CASCADE,
        related_name="rung_history",
        verbose_name=_("job seeker"),
    )
    from_rung = models.PositiveSmallIntegerField(
        _("from rung"),
        choices=LadderRung.choices,
        null=True,
        blank=True,
    )
    to_rung = models.PositiveSmallIntegerField(_("to rung"), choices=LadderRung.choices)
    changed_on = models.DateField(_("measured on"), default=clock.today)
    recorded_at = models.DateTimeField(_("recorded at"), default=clock.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        ordering = ["-changed_on", "-recorded_at", "-id"]
        verbose_name = _("ladder-rung change")
        verbose_name_plural = _("ladder-rung changes")

    def __str__(self) -> str:
        return f"{self.from_rung} -> {self.to_rung} ({self.changed_on})"


class JobSeekerTally(models.Model):
    """How many job seekers a municipality has, kept by database triggers.

    It counts the job seekers still in the file (``current_q``). Every insert,
    delete, move or outflow of a job seeker updates it in the same
    statement, whatever wrote it (a service, an import, a bulk load), so an
    unfiltered list needs no ``COUNT(*)`` over its whole length.
    """

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, primary_key=True, related_name="job_seeker_tally"
    )
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("job-seeker tally")
        verbose_name_plural = _("job-seeker tallies")

    def __str__(self) -> str:
        return f"{self.municipality_id}: {self.count}"
