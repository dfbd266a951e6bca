"""Every read of complaints, scoped by ``rules.COMPLAINT_VISIBILITY``; reads of a job
seeker's complaint are audited (it is their personal data)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db.models import Count, F, Prefetch, QuerySet
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.complaints.models import Complaint, ComplaintStatusChange, Lesson, Letter
from werkpad.complaints.rules import COMPLAINT_VISIBILITY
from werkpad.complaints.workflow import OPEN, Status
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role, scope_of, visible_for

OBJECT_TYPE = "complaint"

#: The permission each action on a complaint needs (``complaint_get(for_action=...)``).
ACTION_PERMISSIONS = {
    "handle": "complaints.handle",
    "dissatisfaction": "complaints.say_dissatisfied",
    "withdraw": "complaints.withdraw",
}

#: What a list row needs, in one query.
LIST_RELATED = ("routed_to", "about", "job_seeker", "employer", "handler")


def complaint_scope(*, user: User) -> QuerySet[Complaint]:
    """The complaints this user may see at all: the same definition as the
    ``complaints.view_complaint`` rule."""
    return Complaint.objects.filter(COMPLAINT_VISIBILITY.q(user))


def _clean_filters(filters: Mapping[str, object] | None) -> dict[str, object]:
    params = filters or {}
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, object] = {}
    status = str(params.get("status") or "").strip()
    if status:
        wanted = [part.strip() for part in status.split(",") if part.strip()]
        unknown = [part for part in wanted if part not in Status.values and part != "open"]
        if unknown:
            errors["status"] = [
                _("Choose one of: %(values)s.") % {"values": ", ".join(["open", *Status.values])}
            ]
        else:
            statuses: set[str] = set()
            for part in wanted:
                statuses |= set(OPEN) if part == "open" else {part}
            cleaned["status__in"] = sorted(statuses)
    overdue = str(params.get("overdue") or "").strip().lower()
    if overdue:
        if overdue in ("true", "1", "ja"):
            cleaned["overdue"] = True
        elif overdue not in ("false", "0", "nee"):
            errors["overdue"] = [_("Answer true or false.")]
    if errors:
        raise InvalidInputError(errors)
    return cleaned


def _audit_read(user: User, complaint: Complaint, purpose: str) -> None:
    if complaint.job_seeker_id is None:
        return
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        object_id=complaint.pk,
        job_seeker_id=complaint.job_seeker_id,
        municipality_id=complaint.municipality_id,
        purpose=purpose,
        fields=["description", "complainant_name"],
    )


def complaint_list(
    *, user: User, filters: Mapping[str, object] | None = None, purpose: str = ""
) -> QuerySet[Complaint]:
    """The complaints the user may see, filtered by ``status`` (a status, several separated
    by commas, or ``open``) and ``overdue``; open ones by term, overdue first. The search
    is audited."""
    if not user.has_perm("complaints.list_complaint"):
        raise PermissionDeniedError(code="complaint-list-denied")
    cleaned = _clean_filters(filters)
    queryset = complaint_scope(user=user).select_related(*LIST_RELATED)
    if "status__in" in cleaned:
        queryset = queryset.filter(status__in=cleaned["status__in"])
    if cleaned.get("overdue"):
        queryset = queryset.filter(status__in=OPEN, term_ends_on__lt=clock.today())
    queryset = queryset.order_by(
        # open ones first, by their term (overdue first, as they end earliest)
        F("decided_on").asc(nulls_first=True),
        "term_ends_on",
        "id",
    )
    primary = scope_of(user).primary
    audit_record(
        user=user,
        action=AuditEvent.Action.SEARCH,
        object_type=OBJECT_TYPE,
        purpose=purpose,
        fields=sorted(name for name in ("status", "overdue") if (filters or {}).get(name)),
        municipality_id=primary.municipality_id if primary else None,
    )
    return queryset


def complaint_get(
    *, user: User, id: int, purpose: str = "", for_action: str | None = None
) -> Complaint:
    """One complaint with its history, letters and lessons, if the user may see it (404
    otherwise; 403 for an action they may not take). The read is audited."""
    complaint = visible_for(
        user,
        complaint_scope(user=user)
        .select_related(*LIST_RELATED, "municipality__settings", "trajectory")
        .prefetch_related(
            Prefetch(
                "history", queryset=ComplaintStatusChange.objects.select_related("changed_by")
            ),
            "letters",
            Prefetch("lessons", queryset=Lesson.objects.select_related("organisation")),
        )
        .filter(pk=id)
        .first(),
        kind="complaint",
        view="complaints.view_complaint",
        actions=ACTION_PERMISSIONS,
        for_action=for_action,
        not_found=_("There is no complaint you may see here."),
    )
    _audit_read(user, complaint, purpose)
    return complaint


def letter_get(*, user: User, complaint_id: int, kind: str) -> tuple[Complaint, Letter]:
    """The latest letter of ``kind`` about a complaint the user may see; audited as a read."""
    if kind not in Letter.Kind.values:
        raise NotFoundError(code="complaint-letter-not-found")
    complaint = visible_for(
        user,
        complaint_scope(user=user)
        .select_related("routed_to", "about", "municipality")
        .filter(pk=complaint_id)
        .first(),
        kind="complaint",
        view="complaints.view_complaint",
        not_found=_("There is no complaint you may see here."),
    )
    letter = complaint.letters.filter(kind=kind).order_by("-sent_on", "-id").first()
    if letter is None:
        raise NotFoundError(_("This letter has not been sent."), code="complaint-letter-not-found")
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        object_id=complaint.pk,
        job_seeker_id=complaint.job_seeker_id,
        municipality_id=complaint.municipality_id,
        purpose=AuditEvent.Purpose.COMPLAINT_LETTER,
        fields=[f"letter:{kind}"],
    )
    return complaint, letter


# --- the handler's worklist ------------------------------------------------------------


def _handled(user: User) -> QuerySet[Complaint]:
    organisations = scope_of(user).organisations(Role.COMPLAINT_HANDLER)
    return Complaint.objects.filter(routed_to_id__in=organisations)


def open_by_term(*, user: User, limit: int = 5) -> tuple[int, list[Complaint]]:
    """Open complaints routed to the handler's organisations, earliest term first."""
    queryset = _handled(user).filter(status__in=OPEN).order_by("term_ends_on", "id")
    return queryset.count(), list(queryset.select_related("routed_to")[:limit])


def awaiting_acknowledgement(*, user: User, limit: int = 5) -> tuple[int, list[Complaint]]:
    queryset = _handled(user).filter(status=Status.RECEIVED).order_by("received_on", "id")
    return queryset.count(), list(queryset[:limit])


def awaiting_follow_up(*, user: User, limit: int = 5) -> tuple[int, list[Complaint]]:
    queryset = _handled(user).filter(status=Status.DISSATISFIED).order_by("dissatisfied_on", "id")
    return queryset.count(), list(queryset[:limit])


# --- lessons ---------------------------------------------------------------------------


def lesson_list(*, user: User) -> QuerySet[Lesson]:
    """The lessons of the organisations the user handles complaints for."""
    if not user.has_perm("complaints.view_lessons"):
        raise PermissionDeniedError(code="complaint-lessons-denied")
    organisations = scope_of(user).organisations(Role.COMPLAINT_HANDLER)
    return (
        Lesson.objects.filter(organisation_id__in=organisations)
        .select_related("organisation", "complaint")
        .order_by("organisation__name", "-recorded_at", "-id")
    )


def lessons_count(*, organisation_id: int) -> int:
    """How many lessons a (provider) organisation drew from complaints: for its scorecard.
    A policy read of a number, not audited."""
    return Lesson.objects.filter(organisation_id=organisation_id).count()


# --- the yearly overview ---------------------------------------------------------------


@dataclass
class YearOverview:
    municipality_id: int
    year: int
    total: int = 0
    by_subject: dict[str, int] = field(default_factory=dict)
    by_outcome: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    by_channel: dict[str, int] = field(default_factory=dict)
    by_handler: dict[str, int] = field(default_factory=dict)
    decided: int = 0
    within_term: int = 0
    postponed: int = 0
    dissatisfied: int = 0
    suppressed: bool = False

    @property
    def late(self) -> int:
        return self.decided - self.within_term


def complaint_year_overview(*, municipality_id: int, year: int) -> YearOverview:
    """The numbers of a municipality's complaints received in ``year``: by subject, outcome,
    status and channel; how many were decided within their term (a postponed term counts
    as the term). No personal data; who may read it is the view's question."""
    rows = Complaint.objects.filter(municipality_id=municipality_id, received_on__year=year)
    overview = YearOverview(municipality_id=municipality_id, year=year, total=rows.count())

    def count_by(name: str) -> dict[str, int]:
        return {
            row[name]: row["n"]
            for row in rows.values(name).annotate(n=Count("id")).order_by(name)
            if row[name]
        }

    overview.by_subject = count_by("subject")
    overview.by_outcome = count_by("outcome")
    overview.by_status = count_by("status")
    overview.by_channel = count_by("channel")
    overview.by_handler = dict(
        rows.values_list("routed_to__name").annotate(n=Count("id")).order_by("routed_to__name")
    )
    decided = rows.filter(decided_on__isnull=False)
    overview.decided = decided.count()
    overview.within_term = decided.filter(decided_on__lte=F("term_ends_on")).count()
    overview.postponed = rows.filter(postponed_on__isnull=False).count()
    overview.dissatisfied = rows.filter(dissatisfied_on__isnull=False).count()
    return overview


def overview_municipality_ids(*, user: User) -> list[int]:
    """The municipalities whose yearly overview this user reads."""
    from werkpad.complaints.rules import municipal_handler_municipalities

    scope = scope_of(user)
    ids = set(scope.municipalities(Role.POLICY_OFFICER, Role.COUNCIL_MEMBER))
    ids |= municipal_handler_municipalities(user)
    return sorted(ids)


def complaints_due_between(
    *, municipality_id: int, since: dt.date, until: dt.date
) -> QuerySet[Complaint]:
    return Complaint.objects.filter(
        municipality_id=municipality_id, status__in=OPEN, term_ends_on__range=(since, until)
    )
