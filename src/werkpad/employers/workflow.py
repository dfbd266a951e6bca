"""The vacancy's lifecycle (EM2-EM5) as data.

received (intake recorded; the 72-hour answer is due) -> in progress (the employer
was told the fill possibilities and the term) -> filled (after-care follows) or not
filled (closed with advice). A vacancy may be withdrawn by the employer before it is
filled, with the reason. Every change is appended to the history by
``core.lifecycle.transition``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

from werkpad.core.lifecycle import Lifecycle


class Status(models.TextChoices):
    RECEIVED = "received", gettext_lazy("Received, to be answered")
    IN_PROGRESS = "in_progress", gettext_lazy("In progress")
    FILLED = "filled", gettext_lazy("Filled")
    NOT_FILLED = "not_filled", gettext_lazy("Not filled")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")


ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.RECEIVED: frozenset({Status.IN_PROGRESS, Status.NOT_FILLED, Status.WITHDRAWN}),
    Status.IN_PROGRESS: frozenset({Status.FILLED, Status.NOT_FILLED, Status.WITHDRAWN}),
    Status.FILLED: frozenset(),
    Status.NOT_FILLED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}

#: Open to candidates: matching, referrals and the employer's pages show these.
OPEN = frozenset({Status.RECEIVED, Status.IN_PROGRESS})
CLOSED = frozenset({Status.FILLED, Status.NOT_FILLED, Status.WITHDRAWN})

LIFECYCLE = Lifecycle(
    name="vacancy",
    statuses=Status,
    transitions=ALLOWED_TRANSITIONS,
    refused_code="vacancy-transition-refused",
    fallback=gettext_lazy("A vacancy that is %(current)s cannot become %(target)s."),
    reason_required=frozenset({Status.NOT_FILLED, Status.WITHDRAWN}),
    lower_labels=True,
)
