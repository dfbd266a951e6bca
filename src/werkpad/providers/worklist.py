"""Worklist sections from the provider register (PR1) and the gap analysis (PR3).

Policy officers and functional administrators keep the register, so both see the
certifications that expire; client-council members see the segments of job seekers
that no programme fits.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from werkpad.core import clock
from werkpad.core.permissions import Role, scope_of
from werkpad.core.worklist import WorklistItem, WorklistSection
from werkpad.providers.models import CERTIFICATION_WARNING_DAYS
from werkpad.providers.selectors import provider_certification_due


def policy_officer_sections(user) -> list[WorklistSection]:
    today = clock.today()
    due = provider_certification_due(
        municipality_ids=scope_of(user).municipalities(Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN),
        today=today,
    )
    items = []
    for provider in due[:5]:
        expires = provider.certification_expires_on
        assert expires is not None  # the query keeps providers with a date only
        expired = expires < today
        items.append(
            WorklistItem(
                title=provider.name,
                url=reverse("providers:provider-detail", args=[provider.pk]),
                detail=(_("expired on %(date)s") if expired else _("expires on %(date)s"))
                % {"date": expires.strftime("%d-%m-%Y")},
                overdue=expired,
                due_on=expires,
            )
        )
    return [
        WorklistSection(
            key="certification",
            title=_("Blik op Werk certification"),
            count=due.count(),
            items=items,
            more_url=reverse("providers:provider-list"),
            empty_text=_(
                "No provider's certification expires within %(days)s days or expired "
                "less than %(days)s days ago."
            )
            % {"days": CERTIFICATION_WARNING_DAYS},
        )
    ]
