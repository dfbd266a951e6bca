"""The advice request's lifecycle (CO1) as data.

draft (the policy officer prepares the request) -> sent (the council's term runs) ->
advised (the council sent its advice) -> answered (the municipality responded per
recommendation). A request may be withdrawn while it is a draft or sent, with the
reason. Unasked advice, given on the council's own initiative, goes from draft (the
council's own draft) to advised at once: there is no request and no term. Every change
is appended to the history by ``core.lifecycle.transition``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

from werkpad.core.lifecycle import Lifecycle


class Status(models.TextChoices):
    DRAFT = "draft", gettext_lazy("Draft")
    SENT = "sent", gettext_lazy("Sent, awaiting advice")
    ADVISED = "advised", gettext_lazy("Advised, awaiting response")
    ANSWERED = "answered", gettext_lazy("Answered")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")


ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.SENT, Status.ADVISED, Status.WITHDRAWN}),
    Status.SENT: frozenset({Status.ADVISED, Status.WITHDRAWN}),
    Status.ADVISED: frozenset({Status.ANSWERED}),
    Status.ANSWERED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}

#: The council's term runs: advice is awaited.
WAITING = frozenset({Status.SENT})
#: Advice is in and the municipality's response is awaited.
TO_RESPOND = frozenset({Status.ADVISED})

LIFECYCLE = Lifecycle(
    name="advice request",
    statuses=Status,
    transitions=ALLOWED_TRANSITIONS,
    refused_code="advice-request-transition-refused",
    fallback=gettext_lazy("An advice request that is %(current)s cannot become %(target)s."),
    reason_required=frozenset({Status.WITHDRAWN}),
    lower_labels=True,
)
