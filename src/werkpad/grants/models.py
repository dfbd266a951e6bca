"""Instrument grants and budgets (IN2).

A ``Grant`` deploys an instrument of the municipality's catalogue for one job
seeker: when, for which budget year, for how much and why, by whom. Whether the
job seeker had no benefit (``non_benefit``) is copied from the file when the
grant is made: the budget line for non-benefit job seekers is separate, and a
later change of benefit does not move money between lines after the fact.

A ``Budget`` is the municipality's steering figure per instrument and year, of
which ``non_benefit_amount`` is meant for non-benefit job seekers, with the
reasons for the choices. A grant beyond what remains is allowed and recorded
(``over_budget``): a budget steers, it does not refuse. Every change of a
budget is appended to ``BudgetChange`` with who, when and why.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.core.models import Municipality, VersionedModel
from werkpad.instruments.models import Instrument
from werkpad.jobseekers.models import JobSeeker

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

_USER = settings.AUTH_USER_MODEL


def _amount(label: StrOrPromise, **kwargs: Any) -> models.DecimalField:
    """An amount in euro, not negative."""
    return models.DecimalField(
        label, max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal(0))], **kwargs
    )


class Status(models.TextChoices):
    GRANTED = "granted", _("Granted")
    CANCELLED = "cancelled", _("Cancelled")


class Grant(VersionedModel):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    job_seeker = models.ForeignKey(
        JobSeeker, on_delete=models.CASCADE, related_name="grants", verbose_name=_("job seeker")
    )
    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="grants", verbose_name=_("instrument")
    )
    granted_on = models.DateField(_("granted on"))
    year = models.PositiveSmallIntegerField(_("budget year"))
    amount = _amount(_("amount (euro)"))
    reason = models.TextField(_("reason"))
    non_benefit = models.BooleanField(
        _("for a non-benefit job seeker"),
        default=False,
        help_text=_("Copied from the file when granted: the budget line it is paid from."),
    )
    over_budget = models.BooleanField(
        _("granted beyond the budget"),
        default=False,
        help_text=_("The budget that remained was smaller than this grant when it was made."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.GRANTED
    )
    granted_by = models.ForeignKey(
        _USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("granted by")
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        _USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cancelled by"),
    )
    cancel_reason = models.TextField(_("why cancelled"), blank=True)

    class Meta:
        ordering = ["-granted_on", "-id"]
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        indexes = [
            models.Index(fields=["municipality", "year", "instrument"], name="grant_budget_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.instrument} ({self.granted_on:%d-%m-%Y})"

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)

    @property
    def is_wage_cost_subsidy(self) -> bool:
        return self.instrument.type in WAGE_COST_SUBSIDY_TYPES


#: The instrument types that pay part of the wage: a placement under the minimum
#: wage is accepted with one of these granted (placements).
WAGE_COST_SUBSIDY_TYPES = frozenset({"wage_cost_subsidy_temporary", "wage_cost_subsidy_lasting"})


class Budget(VersionedModel):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="budgets", verbose_name=_("instrument")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount = _amount(_("budget (euro)"))
    non_benefit_amount = _amount(
        _("of which for non-benefit job seekers (euro)"), default=Decimal(0)
    )
    reasons = models.TextField(_("reasons for the budget choices"))
    set_by = models.ForeignKey(
        _USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("set by")
    )

    class Meta:
        ordering = ["year", "instrument__name"]
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "year"], name="budget_unique_year"),
            models.CheckConstraint(
                condition=models.Q(non_benefit_amount__lte=models.F("amount")),
                name="budget_non_benefit_within",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrument} {self.year}"


class BudgetChange(models.Model):
    """One setting of a budget: appended, never edited."""

    budget = models.ForeignKey(
        Budget, on_delete=models.CASCADE, related_name="history", verbose_name=_("budget")
    )
    amount = _amount(_("budget (euro)"))
    non_benefit_amount = _amount(_("of which for non-benefit job seekers (euro)"))
    reasons = models.TextField(_("reasons for the budget choices"))
    changed_at = models.DateTimeField(_("when"), default=clock.now)
    changed_by = models.ForeignKey(
        _USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("who")
    )

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("budget change")
        verbose_name_plural = _("budget changes")

    def __str__(self) -> str:
        return f"{self.budget}: {self.amount}"
