"""Results reports to the client council (CO2): the municipality's figures for a
quarter or a year, aggregates only, small cells withheld (``council.reports``).

A draft shows live figures; publishing freezes them in ``figures`` so that what the
council received does not change afterwards.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.core.lifecycle import StatusChangeBase
from werkpad.core.models import Municipality, Organisation, VersionedModel
from werkpad.council.reports.workflow import PeriodKind, Status

__all__ = ["ResultsReport", "ResultsReportStatusChange"]


class ResultsReport(VersionedModel):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    council = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="results_reports",
        verbose_name=_("client council"),
    )
    period_kind = models.CharField(_("period"), max_length=10, choices=PeriodKind.choices)
    period_start = models.DateField(_("period starts on"))
    period_end = models.DateField(_("period ends on"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    notes = models.TextField(_("notes by the municipality"), blank=True)
    #: The published tables, frozen at publication; empty while a draft.
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("written by"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        ordering = ["-period_start", "-id"]
        verbose_name = _("results report")
        verbose_name_plural = _("results reports")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "period_kind", "period_start"],
                name="results_report_one_per_period",
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="results_report_period_order",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="results_report_published_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.period_kind} {self.period_start}"

    @property
    def published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def period_label(self) -> str:
        if self.period_kind == PeriodKind.YEAR:
            return str(self.period_start.year)
        return f"Q{(self.period_start.month - 1) // 3 + 1} {self.period_start.year}"


class ResultsReportStatusChange(StatusChangeBase):
    statuses = Status
    report = models.ForeignKey(
        ResultsReport,
        on_delete=models.CASCADE,
        related_name="history",
        verbose_name=_("results report"),
    )

    class Meta(StatusChangeBase.Meta):
        verbose_name = _("status change of a results report")
        verbose_name_plural = _("status changes of results reports")
