"""The lifecycle of a results report (CO2): written as a draft, then published to the
council. A published report is frozen: its figures do not change afterwards."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

from werkpad.core.lifecycle import Lifecycle


class Status(models.TextChoices):
    DRAFT = "draft", gettext_lazy("Draft")
    PUBLISHED = "published", gettext_lazy("Published")


class PeriodKind(models.TextChoices):
    QUARTER = "quarter", gettext_lazy("Quarter")
    YEAR = "year", gettext_lazy("Year")


ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.PUBLISHED}),
    Status.PUBLISHED: frozenset(),
}

LIFECYCLE = Lifecycle(
    name="results-report",
    statuses=Status,
    transitions=ALLOWED_TRANSITIONS,
    refused_code="results-report-transition-refused",
    fallback=gettext_lazy("A report that is %(current)s cannot become %(target)s."),
    refusals={
        "publish": {
            Status.PUBLISHED: gettext_lazy("This report is published already."),
        }
    },
    step_to={Status.PUBLISHED: "publish"},
    lower_labels=True,
)
