"""Everything a job seeker filed (RI1): their complaints, second opinions and requests for
mediation in one list, each with its status, who handles it and its term.

The list is put together from each app's own selectors for the job seeker, so it shows
exactly what their own pages of those apps show; nothing is read here that they could
not open one click further.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from django.urls import reverse
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.complaints import selectors as complaint_selectors
from werkpad.complaints.models import Complaint
from werkpad.core import clock
from werkpad.core.models import AuditEvent
from werkpad.mediations import selectors as mediation_selectors
from werkpad.mediations.workflow import OPEN as MEDIATION_OPEN
from werkpad.secondopinions import selectors as opinion_selectors
from werkpad.secondopinions.workflow import OPEN as OPINION_OPEN


@dataclass(frozen=True)
class Filed:
    """One thing the job seeker filed, as the list shows it."""

    kind: str
    title: str
    filed_on: dt.date
    status: str
    handled_by: str
    #: Still running, or still waiting for something from the job seeker.
    current: bool
    #: The day by which the next step is due, and what that step is (open items only).
    term_ends_on: dt.date | None
    term_label: str
    url: str
    #: The term passed while the item was still open.
    late: bool = False


def _complaint_term(complaint: Complaint, today: dt.date) -> tuple[dt.date | None, str]:
    """While it is handled: the day of the decision at the latest; once decided, the last
    day the job seeker can say they are not satisfied."""
    if complaint.is_open:
        return complaint.term_ends_on, _("decision at the latest")
    if complaint.may_say_dissatisfied(today):
        return complaint.dissatisfaction_ends_on, _("not satisfied? Say so at the latest")
    return None, ""


def _complaints(user: User, today: dt.date) -> list[Filed]:
    complaints = complaint_selectors.complaint_list(
        user=user, purpose=AuditEvent.Purpose.OWN_COMPLAINT
    )
    items = []
    for complaint in complaints:
        term_ends_on, term_label = _complaint_term(complaint, today)
        items.append(
            Filed(
                kind=_("Complaint"),
                title=f"{complaint.reference}: {complaint.get_subject_display()}",
                filed_on=complaint.received_on,
                status=str(complaint.status_label),
                handled_by=complaint.routed_to.name,
                current=complaint.is_open or term_ends_on is not None,
                term_ends_on=term_ends_on,
                term_label=term_label,
                url=reverse("complaints:own-detail", args=[complaint.pk]),
            )
        )
    return items


def _second_opinions(user: User, job_seeker_id: int) -> list[Filed]:
    opinions = opinion_selectors.job_seeker_second_opinions(
        user=user, job_seeker_id=job_seeker_id
    ).select_related("advisor_office")
    return [
        Filed(
            kind=_("Independent advice"),
            title=opinion.subject_name,
            filed_on=opinion.requested_on,
            status=str(opinion.status_label),
            handled_by=opinion.advisor_office.name,
            current=opinion.status in OPINION_OPEN,
            term_ends_on=opinion.term_ends_on if opinion.waiting_for_advice else None,
            term_label=_("advice at the latest"),
            url=reverse("mysecondopinions:detail", args=[opinion.pk]),
        )
        for opinion in opinions
    ]


def _mediations(user: User, job_seeker_id: int) -> list[Filed]:
    mediations = mediation_selectors.job_seeker_mediations(user=user, job_seeker_id=job_seeker_id)
    return [
        Filed(
            kind=_("Mediation"),
            title=str(mediation.trajectory.programme),
            filed_on=mediation.requested_on,
            status=str(mediation.status_label),
            handled_by=mediation.mediator_name or _("no mediator yet"),
            current=mediation.status in MEDIATION_OPEN,
            term_ends_on=None,
            term_label="",
            url=reverse("mymediations:detail", args=[mediation.pk]),
        )
        for mediation in mediations
    ]


def filed_list(*, user: User, job_seeker_id: int) -> list[Filed]:
    """What the job seeker filed: open items first, the nearest term first (items without a
    term after those with one), then the closed ones, newest first. A decided complaint
    counts as open while the job seeker can still say they are not satisfied."""
    today = clock.today()
    items = [
        *_complaints(user, today),
        *_second_opinions(user, job_seeker_id),
        *_mediations(user, job_seeker_id),
    ]
    items = [
        replace(item, late=item.term_ends_on is not None and item.term_ends_on < today)
        for item in items
    ]
    open_items = sorted(
        (item for item in items if item.current),
        key=lambda item: (item.term_ends_on is None, item.term_ends_on or dt.date.max),
    )
    closed = sorted(
        (item for item in items if not item.current), key=lambda item: item.filed_on, reverse=True
    )
    return [*open_items, *closed]
