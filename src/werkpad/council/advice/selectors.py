"""Reads of advice requests (CO1), scoped by ``council.rules``; and how timely the
municipality consulted its council, counted for the LCR checklist (1.1, 1.2)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from werkpad.core.errors import InvalidInputError
from werkpad.core.models import Municipality
from werkpad.core.permissions import AnyUser, visible_for
from werkpad.council.advice.workflow import Status
from werkpad.council.models import AdviceRequest, TermExtension
from werkpad.council.rules import ADVICE_VISIBILITY

KIND = "advice-request"


def advice_request_scope(user: AnyUser) -> QuerySet[AdviceRequest]:
    """The requests ``user`` may see: the same definition as the rules."""
    return AdviceRequest.objects.filter(ADVICE_VISIBILITY.q(user))


def _statuses(raw: str) -> list[str]:
    wanted = [part for part in raw.split(",") if part]
    if any(part not in Status.values for part in wanted):
        raise InvalidInputError({"status": [_("Choose a known status.")]})
    return wanted


def advice_request_list(
    *, user: AnyUser, filters: Mapping[str, str] | None = None
) -> QuerySet[AdviceRequest]:
    """The requests ``user`` may see, newest first; ``filters``: ``status`` (comma
    separated), ``unasked`` (true/false)."""
    rows = advice_request_scope(user).select_related("council", "municipality")
    filters = filters or {}
    if filters.get("status"):
        rows = rows.filter(status__in=_statuses(filters["status"]))
    unasked = filters.get("unasked")
    if unasked in ("true", "false"):
        rows = rows.filter(unasked=unasked == "true")
    elif unasked:
        raise InvalidInputError({"unasked": [_("Give true or false.")]})
    return rows.order_by("-created_at", "-id")


def advice_request_get(*, user: AnyUser, id: int, for_action: str | None = None) -> AdviceRequest:
    """One request with its documents, recommendations, extensions and history: 404 for
    who may not see it, 403 for who may see it but not take ``for_action``."""
    from werkpad.council.advice.services import ACTIONS

    found = (
        AdviceRequest.objects.select_related("council", "municipality")
        .prefetch_related(
            "attachments",
            "recommendations",
            Prefetch("extensions", queryset=TermExtension.objects.order_by("requested_at", "id")),
            "history__changed_by",
        )
        .filter(pk=id)
        .first()
    )
    return visible_for(
        user,
        found,
        kind=KIND,
        view="council.view_advicerequest",
        actions=ACTIONS,
        for_action=for_action,
    )


@dataclass(frozen=True)
class Timeliness:
    """How timely a municipality consulted its council over a period.

    ``asked``: requests sent in the period (unasked advice excluded); ``in_time``: of
    them, sent with at least the term left before the intended decision date; ``late``:
    the others; ``advised``: of them, those the council has advised on; ``advised_late``:
    of those, advice sent after the due date (the council's own lateness).
    """

    asked: int
    in_time: int
    late: int
    advised: int
    advised_late: int


def consultation_timeliness(
    *,
    municipality: Municipality,
    since: dt.date,
    until: dt.date,
    kinds: Collection[str] | None = None,
) -> Timeliness:
    """Count the requests ``municipality`` sent to its council between ``since`` and
    ``until`` (both included, by the sending day in local time) of ``kinds`` (all
    kinds when None). One query; no access check: the caller decides who sees it."""
    rows = AdviceRequest.objects.filter(
        municipality=municipality,
        unasked=False,
        sent_at__isnull=False,
        sent_at__date__range=(since, until),
    )
    if kinds is not None:
        rows = rows.filter(kind__in=list(kinds))
    advised = Q(advised_at__isnull=False)
    counts = rows.aggregate(
        asked=Count("pk"),
        in_time=Count("pk", filter=Q(consulted_in_time=True)),
        advised=Count("pk", filter=advised),
        advised_late=Count("pk", filter=advised & Q(advised_late=True)),
    )
    return Timeliness(
        asked=counts["asked"],
        in_time=counts["in_time"],
        late=counts["asked"] - counts["in_time"],
        advised=counts["advised"],
        advised_late=counts["advised_late"],
    )
