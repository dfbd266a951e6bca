"""The sweep of terms: a notification when a term nears and when it has passed.

For each municipality and each topic with terms, the sweep asks the topic for
the terms due from ``PASSED_WINDOW_DAYS`` ago up to the lead time ahead
(``lead_working_days``, in working days). A term due today or later is nearing,
one due before today has passed. Each becomes a notification with the key
(topic, kind, object, term date), which the database holds once per recipient:
running the sweep twice sends nothing twice, and a term that moves (a plan
reviewed, its next review set) is announced anew.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from werkpad.core.deadlines import add_working_days
from werkpad.core.models import Municipality, MunicipalitySettings
from werkpad.notifications.models import Kind, Notification
from werkpad.notifications.registry import Term, topics

#: A term that passed longer ago than this is not announced any more: starting
#: werkpad on an old file does not flood anyone, and the worklist shows it.
PASSED_WINDOW_DAYS = 14


def lead_working_days(municipality_id: int) -> int:
    """How many working days before a term falls due its notification goes out: the
    municipality's setting (``MunicipalitySettings.notification_lead_working_days``)."""
    return MunicipalitySettings.for_id(municipality_id).notification_lead_working_days


@dataclass(frozen=True)
class Due:
    topic: str
    kind: str
    term: Term

    @property
    def key(self) -> str:
        return f"{self.topic}:{self.kind}:{self.term.object_id}:{self.term.due_on.isoformat()}"


def due_terms(*, today: dt.date) -> Iterable[Due]:
    """Every term nearing or passed on ``today``, in every municipality."""
    since = today - dt.timedelta(days=PASSED_WINDOW_DAYS)
    sources = [topic for topic in topics().values() if topic.terms is not None]
    for municipality_id in Municipality.objects.order_by("pk").values_list("pk", flat=True):
        until = add_working_days(today, lead_working_days(municipality_id))
        for topic in sources:
            assert topic.terms is not None
            for term in topic.terms(municipality_id=municipality_id, since=since, until=until):
                if since <= term.due_on <= until:
                    kind = Kind.TERM_PASSED if term.due_on < today else Kind.TERM_NEAR
                    yield Due(topic=topic.code, kind=kind, term=term)


def sweep(*, today: dt.date) -> list[int]:
    """Record the notifications of every term nearing or passed; the new ones' ids."""
    due = list(due_terms(today=today))
    known: set[tuple[int, str]] = set()
    for start in range(0, len(due), 500):
        chunk = due[start : start + 500]
        known |= set(
            Notification.objects.filter(
                recipient_id__in={d.term.recipient_id for d in chunk},
                key__in={d.key for d in chunk},
            ).values_list("recipient_id", "key")
        )
    created = []
    for item in due:
        if (item.term.recipient_id, item.key) in known:
            continue
        notification, new = Notification.objects.record(
            recipient_id=item.term.recipient_id,
            topic=item.topic,
            kind=item.kind,
            url=item.term.url,
            key=item.key,
            due_on=item.term.due_on,
        )
        known.add((item.term.recipient_id, item.key))
        if new:
            created.append(notification.pk)
    return created
