"""The lifecycle of an assessment: a draft the council answers, then final (read-only)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from werkpad.core.lifecycle import Lifecycle
from werkpad.council.models.assessments import AssessmentStatus

LIFECYCLE = Lifecycle(
    name="assessment",
    statuses=AssessmentStatus,
    transitions={
        AssessmentStatus.DRAFT: frozenset({AssessmentStatus.FINAL}),
        AssessmentStatus.FINAL: frozenset(),
    },
    refused_code="assessment-transition-refused",
    fallback=gettext_lazy("An assessment that is %(current)s cannot become %(target)s."),
    lower_labels=True,
)
