"""Tenancy, organisations and the audit log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock


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
    profile_review_months = models.PositiveSmallIntegerField(
        _("profile review period (months)"),
        default=6,
        help_text=_("A job seeker's profile not reviewed for this long is flagged."),
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


class AppendOnlyError(Exception):
    pass


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The audit log is append-only.")

    def delete(self):
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

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise AppendOnlyError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
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
