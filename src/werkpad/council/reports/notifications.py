"""Results reports in notifications (CO2): the council's members hear that a report
was published to their council."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.selectors import role_holders
from werkpad.core.permissions import Role
from werkpad.notifications.models import Kind
from werkpad.notifications.registry import register_topic
from werkpad.notifications.services import notify

PUBLISHED = "results-report-published"


def register() -> None:
    register_topic(
        PUBLISHED,
        texts={Kind.ASSIGNED: _("The municipality published a results report to the council.")},
    )


def notify_published(*, report, actor) -> None:
    """Tell every member of the report's council, after the commit."""
    url = reverse("council:report-detail", args=[report.pk])
    members = role_holders(role=Role.COUNCIL_MEMBER, organisation_id=report.council_id)
    for user_id in members.values_list("user_id", flat=True):
        notify(
            recipient_id=user_id,
            topic=PUBLISHED,
            url=url,
            key=f"results-report-{report.pk}-published",
            actor=actor,
        )
