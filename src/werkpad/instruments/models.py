"""The instruments catalogue (IN1): what a municipality can deploy, per municipality.

Plans, trajectories and placements refer to these rows. Each municipality has
its own catalogue, seeded with every instrument type and editable by the
functional administrator.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.core.models import Municipality, VersionedModel


class InstrumentType(models.TextChoices):
    SCHOOLING = "schooling", _("Schooling")
    TRAINING = "training", _("Training")
    INTERNSHIP = "internship", _("Internship")
    LEARN_WORK_PLACE = "learn_work_place", _("Learn-work place")
    APPLICATION_TRAINING = "application_training", _("Application training")
    WAGE_COST_SUBSIDY_TEMPORARY = "wage_cost_subsidy_temporary", _("Wage-cost subsidy (temporary)")
    WAGE_COST_SUBSIDY_LASTING = "wage_cost_subsidy_lasting", _("Wage-cost subsidy (lasting)")
    TRIAL_PLACEMENT = "trial_placement", _("Trial placement")
    NO_RISK_POLICY = "no_risk_policy", _("No-risk policy")
    WORKPLACE_ADAPTATION = "workplace_adaptation", _("Workplace adaptation")
    JOB_COACHING = "job_coaching", _("Job coaching")
    PREMIUM_DISCOUNT = "premium_discount", _("Premium discount")
    JOB_CARVING = "job_carving", _("Job carving")
    SROI = "sroi", _("Social return on investment (SROI)")
    VOLUNTEER_WORK = "volunteer_work", _("Volunteer work")
    DEBT_HELP = "debt_help", _("Flanking support: debt help")
    CHILDCARE = "childcare", _("Flanking support: childcare")
    PERSONAL_BUDGET = "personal_budget", _("Personal re-integration budget")


class Instrument(VersionedModel):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="instruments",
        verbose_name=_("municipality"),
    )
    type = models.CharField(_("type"), max_length=40, choices=InstrumentType.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=200,
        blank=True,
        help_text=_("For example: Participatiewet art. 10d."),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["municipality", "type", "name"]
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "type", "name"], name="instrument_unique_name"
            ),
        ]

    def __str__(self) -> str:
        return self.name
