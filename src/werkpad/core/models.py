"""Tenancy, organisations, each municipality's settings and the audit log."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.expressions import Combinable
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

#: A whole number of units a municipality sets (``_term``): what it takes, what it gives.
_TermField: TypeAlias = models.PositiveSmallIntegerField[float | int | str | Combinable, int]


class LabourMarketRegion(models.Model):
    """One of the 35 arbeidsmarktregio's, shipped as versioned reference data."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=100)
    data_version = models.CharField(
        _("data version"),
        max_length=20,
        help_text=_("Which edition of the division this row is from."),
    )
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["code"]
        verbose_name = _("labour-market region")
        verbose_name_plural = _("labour-market regions")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    """A gemeente: the tenant. Every row with personal data carries one."""

    name = models.CharField(_("name"), max_length=100)
    cbs_code = models.CharField(
        _("CBS code"), max_length=6, unique=True, help_text=_("For example GM0363 (Amsterdam).")
    )
    region = models.ForeignKey(
        LabourMarketRegion,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("labour-market region"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        PROVIDER = "provider", _("Re-integration provider")
        EMPLOYER = "employer", _("Employer")
        COUNCIL = "council", _("Client council")
        ADVISOR_OFFICE = "advisor_office", _("Independent advisor's office")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("municipality"),
        help_text=_("The municipality this organisation belongs to or works for."),
    )
    kvk_number = models.CharField(_("KvK number"), max_length=8, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class VersionedModel(models.Model):
    """An editable record with optimistic locking.

    Every edit names the version it started from; a service refuses the edit
    when the record has moved on (``StaleEditError``), so no edit silently
    overwrites another.
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created at"), default=clock.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), default=clock.now, editable=False)

    class Meta:
        abstract = True


#: The defaults of a municipality's settings: what applies until its functional
#: administrator sets another value (``MunicipalitySettings``).
PROFILE_REVIEW_MONTHS = 6
PLAN_REVIEW_MONTHS = 6
REPORT_INTERVAL_WEEKS = 4
NOTIFICATION_LEAD_WORKING_DAYS = 3
#: Awb art. 9:11(1): six weeks from receipt, ten when an advisory committee
#: (section 9.3, art. 9:14 ff.) handles the complaint. Statutory maxima.
COMPLAINT_TERM_WEEKS = 6
COMPLAINT_COMMITTEE_TERM_WEEKS = 10
#: Municipal policy (seed 004; REQUIREMENTS RI3): two weeks, the seed proposed one.
SECOND_OPINION_TERM_WEEKS = 2
#: Weeks a complainant has to say they are not satisfied with the outcome.
COMPLAINT_DISSATISFACTION_WEEKS = 6
#: REQUIREMENTS CO1: the client council answers an advice request within 14 days.
COUNCIL_ADVICE_DAYS = 14
#: REQUIREMENTS EM3 (LCR workbook, aandachtspunt 9): the employer hears within 72 hours.
EMPLOYER_ANSWER_HOURS = 72


def _term(
    label: StrOrPromise,
    *,
    default: int,
    minimum: int,
    maximum: int,
    help_text: StrOrPromise,
    maximum_message: StrOrPromise | None = None,
) -> _TermField:
    """A whole number of units between ``minimum`` and ``maximum``; ``maximum_message``
    says why, where the maximum comes from the law."""
    at_most = (
        MaxValueValidator(maximum, message=maximum_message)
        if maximum_message
        else MaxValueValidator(maximum)
    )
    return models.PositiveSmallIntegerField(
        label,
        default=default,
        help_text=help_text,
        validators=[MinValueValidator(minimum), at_most],
    )


class DissatisfactionRoute(models.TextChoices):
    """What follows when a complainant is not satisfied with the outcome."""

    REOPEN = "reopen", _("The complaint is handled again")
    OMBUDSMAN = "ombudsman", _("The complainant is pointed to the ombudsman")


class MunicipalitySettings(VersionedModel):
    """The periods and terms a municipality chooses, within what the law allows.

    One row per municipality, set by its functional administrator. A
    municipality without a row has the defaults (``MunicipalitySettings.of``);
    the first change creates the row. Each field's help text names its legal
    source, where there is one, and the bounds.
    """

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="settings",
        verbose_name=_("municipality"),
    )
    profile_review_months = _term(
        _("profile review period (months)"),
        default=PROFILE_REVIEW_MONTHS,
        minimum=1,
        maximum=12,
        help_text=_(
            "A job seeker's profile not reviewed for this long is flagged on the caseworker's "
            "worklist. No statutory term; the VNG's participation ladder is measured at least "
            "twice a year, which a period of 6 months or less keeps to. From 1 to 12 months."
        ),
    )
    plan_review_months = _term(
        _("plan review period (months)"),
        default=PLAN_REVIEW_MONTHS,
        minimum=1,
        maximum=12,
        help_text=_(
            "A plan in effect is reviewed with the job seeker this long after it took effect or "
            "after its last review, unless the caseworker sets another date. Participatiewet "
            "art. 44a requires evaluation moments in the plan but sets no term. From 1 to 12 "
            "months."
        ),
    )
    report_interval_weeks = _term(
        _("progress report interval (weeks)"),
        default=REPORT_INTERVAL_WEEKS,
        minimum=1,
        maximum=26,
        help_text=_(
            "How often a provider reports on a running trajectory, for programmes that set no "
            "interval of their own. No statutory term: it is agreed with the providers. From 1 "
            "to 26 weeks."
        ),
    )
    notification_lead_working_days = _term(
        _("notification lead time (working days)"),
        default=NOTIFICATION_LEAD_WORKING_DAYS,
        minimum=1,
        maximum=20,
        help_text=_(
            "How many working days before a term ends its owner is reminded. No statutory "
            "term. From 1 to 20 working days."
        ),
    )
    complaint_term_weeks = _term(
        _("complaint handling term (weeks)"),
        default=COMPLAINT_TERM_WEEKS,
        minimum=1,
        maximum=6,
        maximum_message=_("The Awb (art. 9:11, first paragraph) allows at most 6 weeks."),
        help_text=_(
            "A complaint is handled within this many weeks of its receipt. Algemene wet "
            "bestuursrecht art. 9:11, first paragraph: at most 6 weeks; the municipality may "
            "promise less. Postponing once by at most 4 weeks (art. 9:11, second paragraph) is "
            "the law's and no setting. From 1 to 6 weeks."
        ),
    )
    complaint_committee_term_weeks = _term(
        _("complaint handling term with an advisory committee (weeks)"),
        default=COMPLAINT_COMMITTEE_TERM_WEEKS,
        minimum=1,
        maximum=10,
        maximum_message=_(
            "The Awb (art. 9:11, first paragraph) allows at most 10 weeks when an advisory "
            "committee handles the complaint."
        ),
        help_text=_(
            "The term when an advisory committee handles the complaint. Algemene wet "
            "bestuursrecht art. 9:11, first paragraph, with section 9.3 (art. 9:14 and "
            "following): at most 10 weeks. From 1 to 10 weeks."
        ),
    )
    uses_complaint_committee = models.BooleanField(
        _("an advisory committee handles complaints"),
        default=False,
        help_text=_(
            "When the municipality has an advisory committee for complaints (Algemene wet "
            "bestuursrecht section 9.3), complaints are handled within the committee's term; "
            "otherwise within the complaint handling term."
        ),
    )
    complaint_dissatisfaction_weeks = _term(
        _("term to say one is not satisfied with a complaint's outcome (weeks)"),
        default=COMPLAINT_DISSATISFACTION_WEEKS,
        minimum=1,
        maximum=52,
        help_text=_(
            "A complainant who is not satisfied with the outcome says so within this many "
            "weeks of the decision. The Nationale ombudsman takes a complaint up to a year "
            "after the outcome (Awb art. 9:24); the municipality sets its own term. From 1 to "
            "52 weeks."
        ),
    )
    complaint_dissatisfaction_route = models.CharField(
        _("when a complainant is not satisfied"),
        max_length=20,
        choices=DissatisfactionRoute.choices,
        default=DissatisfactionRoute.OMBUDSMAN,
        help_text=_(
            "The municipality's complaint regulation: the complaint is handled again, or the "
            "complainant is pointed to the ombudsman (Awb art. 9:18 and following)."
        ),
    )
    ombudsman_name = models.CharField(_("ombudsman"), max_length=200, default="Nationale ombudsman")
    ombudsman_address = models.CharField(
        _("ombudsman's address"), max_length=300, default="Postbus 93122, 2509 AC Den Haag"
    )
    ombudsman_website = models.URLField(
        _("ombudsman's website"), max_length=300, default="https://www.nationaleombudsman.nl"
    )
    second_opinion_term_weeks = _term(
        _("second-opinion term (weeks)"),
        default=SECOND_OPINION_TERM_WEEKS,
        minimum=1,
        maximum=8,
        help_text=_(
            "The independent labour advisor gives their advice within this many weeks of the "
            "referral. Municipal policy, not statute. From 1 to 8 weeks."
        ),
    )
    council_advice_days = _term(
        _("client council advice term (days)"),
        default=COUNCIL_ADVICE_DAYS,
        minimum=7,
        maximum=90,
        help_text=_(
            "The client council answers an advice request within this many days. "
            "Participatiewet art. 47 makes the municipal council lay down client participation "
            "in a regulation (verordening cliëntenparticipatie); the term is the one agreed "
            "there. From 7 to 90 days."
        ),
    )
    employer_answer_hours = _term(
        _("employer answer term (hours)"),
        default=EMPLOYER_ANSWER_HOURS,
        minimum=1,
        maximum=72,
        maximum_message=_("Employers hear within 72 hours at the latest."),
        help_text=_(
            "Within this many hours of a vacancy intake the employer hears how the vacancy can "
            "be filled and by when. No statutory term: the LCR workbook for client councils "
            "(point 9) names 72 hours, so a shorter term may be set, not a longer one. Hours "
            "run through weekends and holidays. From 1 to 72 hours."
        ),
    )

    #: The fields the functional administrator sets, in the order the page shows them.
    EDITABLE = (
        "profile_review_months",
        "plan_review_months",
        "report_interval_weeks",
        "notification_lead_working_days",
        "complaint_term_weeks",
        "complaint_committee_term_weeks",
        "uses_complaint_committee",
        "complaint_dissatisfaction_weeks",
        "complaint_dissatisfaction_route",
        "ombudsman_name",
        "ombudsman_address",
        "ombudsman_website",
        "second_opinion_term_weeks",
        "council_advice_days",
        "employer_answer_hours",
    )
    #: The settings that are whole numbers within bounds (``bounds``).
    TERMS = (
        "profile_review_months",
        "plan_review_months",
        "report_interval_weeks",
        "notification_lead_working_days",
        "complaint_term_weeks",
        "complaint_committee_term_weeks",
        "complaint_dissatisfaction_weeks",
        "second_opinion_term_weeks",
        "council_advice_days",
        "employer_answer_hours",
    )

    class Meta:
        verbose_name = _("municipality settings")
        verbose_name_plural = _("municipality settings")

    def __str__(self) -> str:
        return str(_("Settings of %(municipality)s") % {"municipality": self.municipality})

    @property
    def complaint_weeks(self) -> int:
        """The complaint handling term that applies: the committee's when it handles them."""
        if self.uses_complaint_committee:
            return self.complaint_committee_term_weeks
        return self.complaint_term_weeks

    @classmethod
    def bounds(cls, name: str) -> tuple[MinValueValidator, MaxValueValidator]:
        """The validators of the least and the greatest value setting ``name`` may have."""
        field = cls._meta.get_field(name)
        assert isinstance(field, models.Field)  # a setting is a column, not a relation
        validators = field.validators
        low = next(v for v in validators if isinstance(v, MinValueValidator))
        high = next(v for v in validators if isinstance(v, MaxValueValidator))
        return low, high

    @classmethod
    def of(cls, municipality: Municipality) -> MunicipalitySettings:
        """The municipality's settings: its row, or the defaults when it has none yet.

        A queryset that ``select_related("municipality__settings")`` (or
        ``"settings"``) answers this without a query.
        """
        try:
            return municipality.settings
        except cls.DoesNotExist:
            return cls(municipality=municipality)

    @classmethod
    def for_id(cls, municipality_id: int) -> MunicipalitySettings:
        """The settings of the municipality with this id, in one query; the defaults
        when it has no row."""
        found = cls.objects.filter(pk=municipality_id).first()
        return found if found is not None else cls(municipality_id=municipality_id)


class AppendOnlyError(Exception):
    pass


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The audit log is append-only.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("The audit log is append-only.")


class AuditEvent(models.Model):
    """Who did what to which record, when, why and from where. Append-only.

    Written only through ``werkpad.core.audit``. Holds field names, never values,
    and never a secret or token.
    """

    class Action(models.TextChoices):
        READ = "read", _("viewed")
        SEARCH = "search", _("searched")
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        EXPORT = "export", _("exported")
        IMPORT = "import", _("imported")
        LOGIN = "login", _("logged in")
        LOGOUT = "logout", _("logged out")
        LOGIN_FAILED = "login_failed", _("failed to log in")
        DENIED = "denied", _("was refused access")

    class Origin(models.TextChoices):
        UI = "ui", _("web application")
        API = "api", _("API")
        CLI = "cli", _("command line")
        TASK = "task", _("background task")

    class Result(models.TextChoices):
        SUCCESS = "success", _("success")
        DENIED = "denied", _("denied")
        FAILED = "failed", _("failed")

    class Purpose(models.TextChoices):
        """Why a file was read: the closed set ``audit_record`` accepts.

        The code is what is stored (the codes of rows written before the set
        was closed); the label is what the access log shows. Not bound to the
        field as choices, so a row written before stays readable as it is.
        """

        FILE = "file", _("view the file")
        FILE_API = "file (API)", _("view the file (API)")
        EDIT_FILE = "edit file", _("change the file")
        OWN_FILE = "own file", _("own file")
        JOB_SEEKER_LIST = "job-seeker list", _("list of job seekers")
        JOB_SEEKER_LIST_API = "job-seeker list (API)", _("list of job seekers (API)")
        BSN_LOOKUP = "BSN lookup", _("search by citizen service number")
        BSN_LOOKUP_API = "BSN lookup (API)", _("search by citizen service number (API)")
        PROFILE_REVIEW = "profile review", _("review the profile (API)")
        OUTFLOW_API = "outflow (API)", _("leaving the file or coming back (API)")
        ACCESS_LOG = "access log", _("view the access log")
        PLAN = "plan", _("view the plan")
        PLAN_API = "plan (API)", _("view the plan (API)")
        OWN_PLAN = "own plan", _("own plan")
        WRITE_PLAN = "write a plan", _("write a plan")
        EDIT_PLAN = "edit plan", _("change the plan")
        PLAN_CREATED_API = "plan created (API)", _("plan started (API)")
        PLAN_CHANGED_API = "plan changed (API)", _("plan changed (API)")
        PLAN_SUMMARY = "plan summary", _("plan status on the file")
        PLAN_LIST = "plan list", _("list of plans")
        PLAN_LIST_API = "plan list (API)", _("list of plans (API)")
        TRAJECTORY = "trajectory", _("view the trajectory")
        TRAJECTORY_API = "trajectory (API)", _("view the trajectory (API)")
        TRAJECTORY_CHANGED_API = "trajectory changed (API)", _("trajectory changed (API)")
        TRAJECTORY_LIST = "trajectory list", _("list of trajectories")
        TRAJECTORY_LIST_API = "trajectories (API)", _("list of trajectories (API)")
        REFERRAL = "referral", _("referral to a programme")
        REFERRAL_API = "referral (API)", _("referral to a programme (API)")
        PROGRESS_REPORTS_API = "progress reports (API)", _("progress reports (API)")
        END_REPORT = "end report", _("end report")
        EVALUATION = "evaluation", _("evaluation")
        EVALUATION_API = "evaluation (API)", _("evaluation (API)")
        PROGRAMME_FIT = "programme fit", _("find a fitting programme")
        SECOND_OPINION = "second opinion", _("second opinion")
        SECOND_OPINION_API = "second opinion (API)", _("second opinion (API)")
        MEDIATION = "mediation", _("mediation")
        MEDIATION_API = "mediation (API)", _("mediation (API)")
        CONSENTS = "consents", _("view the consents to share")
        CONSENTS_API = "consents (API)", _("view the consents to share (API)")
        CONSENT_CHANGE = "consent change", _("consent asked, given, refused or withdrawn")
        COMPLAINT = "complaint", _("view a complaint")
        COMPLAINT_API = "complaint (API)", _("view a complaint (API)")
        OWN_COMPLAINT = "own complaint", _("own complaint")
        COMPLAINT_LIST = "complaint list", _("list of complaints")
        COMPLAINT_LIST_API = "complaint list (API)", _("list of complaints (API)")
        COMPLAINT_LETTER = "complaint letter", _("a letter about a complaint")
        COMPLAINT_FOR = "complaint taken for", _("find the job seeker a complaint is taken for")
        CONVERSATION = "conversation", _("read or write messages")
        CONVERSATION_API = "conversation (API)", _("read or write messages (API)")
        OWN_CONVERSATION = "own conversation", _("own messages")
        DOCUMENTS = "documents", _("view the documents")
        DOCUMENTS_API = "documents (API)", _("view the documents (API)")
        DOCUMENT_UPLOAD = "document upload", _("upload a document")
        DOCUMENT_DOWNLOAD = "document content", _("download a document")
        DOCUMENT_DOWNLOAD_API = "document content (API)", _("download a document (API)")
        HANDOVER_CV = "handover CV", _("the CV in the handover")
        ACTIONS = "actions", _("agreed actions")
        ACTIONS_API = "actions (API)", _("agreed actions (API)")
        OWN_ACTIONS = "own actions", _("own actions")
        SEARCH_PROFILE = "search profile", _("the search profile for matching")
        MATCHING = "matching", _("match job seekers and vacancies")
        MATCHING_API = "matching (API)", _("match job seekers and vacancies (API)")
        CANDIDATE_FILE = "candidate file", _("the candidate file employers search")
        INTRODUCTION = "introduction", _("an employer's request for an introduction")
        GRANTS = "grants", _("instrument grants")
        GRANTS_API = "grants (API)", _("instrument grants (API)")
        PLACEMENTS = "placements", _("referrals to vacancies and placements")
        PLACEMENTS_API = "placements (API)", _("referrals to vacancies and placements (API)")

    occurred_at = models.DateTimeField(_("when"), default=clock.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_label = models.CharField(_("who (as shown)"), max_length=200)
    actor_organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    actor_role = models.CharField(_("role"), max_length=40, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=60)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    job_seeker_id = models.BigIntegerField(_("job seeker"), null=True, blank=True)
    municipality_id = models.BigIntegerField(_("municipality"), null=True, blank=True)
    purpose = models.CharField(_("purpose"), max_length=200, blank=True)
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices)
    result = models.CharField(
        _("result"), max_length=10, choices=Result.choices, default=Result.SUCCESS
    )
    fields = models.JSONField(
        _("fields"),
        default=list,
        blank=True,
        help_text=_("Names of the fields read or changed, never values."),
    )
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    client_address = models.GenericIPAddressField(
        _("client address"),
        null=True,
        blank=True,
        help_text=_("The network address a failed login came from, to limit guessing."),
    )

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [
            models.Index(fields=["job_seeker_id", "-occurred_at"], name="audit_jobseeker_idx"),
            models.Index(fields=["municipality_id", "-occurred_at"], name="audit_municipality_idx"),
            models.Index(
                fields=["client_address", "-occurred_at"], name="audit_client_address_idx"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_type}"
        )

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.get("force_insert"):
            raise AppendOnlyError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The audit log is append-only.")

    @property
    def purpose_code(self) -> str:
        """The purpose as a member of the closed set.

        Rows written before the set was closed may hold a purpose built from the
        API view that read the file ("plan PlanAgreementView (API)", "accept the
        referral (API)"): those were changes through the API of a plan or a
        trajectory, and are read as such. Any other code is returned as stored.
        """
        if self.purpose in self.Purpose.values or not self.purpose.endswith(" (API)"):
            return self.purpose
        if self.purpose.startswith("plan "):
            return self.Purpose.PLAN_CHANGED_API
        return self.Purpose.TRAJECTORY_CHANGED_API

    @property
    def purpose_label(self) -> str:
        """The purpose in the reader's language; a code outside the set as it was stored."""
        code = self.purpose_code
        if code in self.Purpose.values:
            return str(self.Purpose(code).label)
        return code


class MinimumWageRate(models.Model):
    """One hourly statutory minimum wage, from one indexation date on.

    Shipped from ``data/minimum_wage_hourly.csv``; later dates are added with
    ``werkpad minimum_wage add`` when the government publishes them.
    """

    class Kind(models.TextChoices):
        REGULAR = "regular", _("by age")
        BBL = "bbl", _("apprentice (BBL)")

    valid_from = models.DateField(_("valid from"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    age = models.PositiveSmallIntegerField(_("age"), help_text=_("21 means 21 and older."))
    share = models.DecimalField(_("share of the adult amount"), max_digits=4, decimal_places=3)
    hourly = models.DecimalField(_("hourly amount (euro)"), max_digits=6, decimal_places=2)
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["-valid_from", "kind", "-age"]
        verbose_name = _("minimum-wage rate")
        verbose_name_plural = _("minimum-wage rates")
        constraints = [
            models.UniqueConstraint(
                fields=["valid_from", "kind", "age"], name="minimum_wage_unique_rate"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.valid_from} {self.kind} {self.age}: {self.hourly}"
