"""The insights' section of the worklist: the composition of the job-seeker file (JS6)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkpad.core.worklist import WorklistSection


def composition_sections(user) -> list[WorklistSection]:
    return [
        WorklistSection(
            key="composition",
            title=str(_("Composition of the job-seeker population")),
            count=0,
            more_url=reverse("insights:composition"),
            empty_text=str(_("Counts and shares by age, gender, education, benefit and rung.")),
        )
    ]
