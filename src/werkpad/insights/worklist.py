"""The insights' sections of the worklist: the composition of the job-seeker file (JS6)
and, for the client council, the gaps in the programme offer (PR3)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkpad.core.worklist import WorklistItem, WorklistSection
from werkpad.insights.fit import programme_gap_list


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


def gap_sections(user) -> list[WorklistSection]:
    """The gaps in the programme offer: segments of job seekers no active programme fits."""
    gaps = programme_gap_list(user=user)
    url = reverse("insights:gaps")
    return [
        WorklistSection(
            key="programme-gaps",
            title=_("Gaps in the programme offer"),
            count=len(gaps.rows),
            items=[
                WorklistItem(
                    title=_("Rung %(rung)s · %(group)s")
                    % {"rung": row.segment.rung, "group": row.group_label},
                    url=url,
                    detail=_("no group activities") if row.segment.no_group else "",
                )
                for row in gaps.rows[:5]
            ],
            more_url=url,
            empty_text=_("Every group of job seekers has a programme that fits."),
        )
    ]
