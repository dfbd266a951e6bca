"""Every read of second opinions (RI3). Views and the API start here; reads of a job
seeker's second opinion are audited in their log."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import Case, Count, Field, IntegerField, QuerySet, Value, When
from django.utils.timezone import localdate
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.consents import parts as file_parts
from werkpad.consents import selectors as consent_selectors
from werkpad.consents.models import Consent
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import InvalidInputError, PermissionDeniedError
from werkpad.core.filters import parse_id
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role, acting_municipality_id, scope_of, visible_for
from werkpad.jobseekers.models import JobSeeker
from werkpad.secondopinions import rules
from werkpad.secondopinions.models import Decision, SecondOpinion, StatusChange
from werkpad.secondopinions.rules import SECOND_OPINION_VISIBILITY
from werkpad.secondopinions.workflow import OPEN, WAITING_FOR_ADVICE, Status

OBJECT_TYPE = "second opinion"
FILTERS = ("status", "jobSeeker")


def second_opinion_scope(*, user: User) -> QuerySet[SecondOpinion]:
    """The second opinions this user may see at all: the same definition as the
    ``secondopinions.view_secondopinion`` rule."""
    return SecondOpinion.objects.filter(SECOND_OPINION_VISIBILITY.q(user))


def _filtered(
    queryset: QuerySet[SecondOpinion], filters: Mapping[str, object]
) -> QuerySet[SecondOpinion]:
    errors: dict[str, list[str]] = {}
    status = str(filters.get("status") or "").strip()
    if status:
        wanted = [s for s in status.split(",") if s]
        if set(wanted) - set(Status.values):
            errors["status"] = [_("Unknown status.")]
        else:
            queryset = queryset.filter(status__in=wanted)
    job_seeker = str(filters.get("jobSeeker") or "").strip()
    if job_seeker:
        id_value = parse_id(job_seeker)
        if id_value is None:
            errors["jobSeeker"] = [_("Give a number.")]
        else:
            queryset = queryset.filter(job_seeker_id=id_value)
    if errors:
        raise InvalidInputError(errors)
    return queryset


def _ordered(queryset: QuerySet[SecondOpinion]) -> QuerySet[SecondOpinion]:
    """Open ones first, each by its term (so the overdue lead), then the closed, newest
    first."""
    return queryset.annotate(
        closed=Case(
            When(status__in=OPEN, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
    ).order_by("closed", "term_ends_on", "-id")


def second_opinion_list(
    *, user: User, filters: Mapping[str, object] | None = None, purpose: str = ""
) -> QuerySet[SecondOpinion]:
    """A caseworker's municipality, an advisor's own assignments, a job seeker's own."""
    if not user.has_perm("secondopinions.list_secondopinion"):
        raise PermissionDeniedError(code="second-opinion-list-denied")
    queryset = _filtered(second_opinion_scope(user=user), filters or {})
    primary = scope_of(user).primary
    audit_record(
        user=user,
        action=AuditEvent.Action.SEARCH,
        object_type=OBJECT_TYPE,
        purpose=purpose,
        fields=sorted(k for k in FILTERS if str((filters or {}).get(k) or "").strip()),
        municipality_id=primary.municipality_id if primary else None,
    )
    return _ordered(queryset).select_related(
        "job_seeker", "programme", "trajectory__programme", "advisor"
    )


#: The permission (``rules.py``) each action needs: refused before anything is read.
ACTION_PERMISSIONS = {
    "assign": "secondopinions.assign",
    "advise": "secondopinions.advise",
    "other-expert": "secondopinions.record_other_expert",
    "meeting": "secondopinions.record_meeting",
    "decide": "secondopinions.decide",
    "withdraw": "secondopinions.withdraw",
}


def second_opinion_get(
    *, user: User, id: int, purpose: str = "", for_action: str | None = None
) -> SecondOpinion:
    """One second opinion, if the user may see it (and take ``for_action``); audited in
    the job seeker's log."""
    second_opinion = visible_for(
        user,
        second_opinion_scope(user=user)
        .select_related(
            "job_seeker",
            "programme__provider",
            "trajectory__programme",
            "trajectory__provider",
            "advisor",
            "advisor_office",
            "decided_by",
        )
        .filter(pk=id)
        .first(),
        kind="second-opinion",
        view="secondopinions.view_secondopinion",
        actions=ACTION_PERMISSIONS,
        for_action=for_action,
    )
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        object_id=second_opinion.pk,
        job_seeker_id=second_opinion.job_seeker_id,
        municipality_id=second_opinion.municipality_id,
        purpose=purpose,
    )
    return second_opinion


@dataclass(frozen=True)
class FileView:
    """What the advisor reads of the job seeker's file for one second opinion: the basis,
    and the parts the job seeker consented to share with the advisor's office now."""

    rows: list[tuple[str, object]]
    shared: list[str]
    not_shared: list[str]


def advisor_file(*, user: User, second_opinion: SecondOpinion) -> FileView | None:
    """RI3: the advisor assigned to the second opinion reads the basis of the file (who the
    job seeker is and how to reach them) and, of the other parts, only those the job
    seeker consents to share with the advisor's office at the moment of reading: a
    withdrawal takes effect on the next read. None for anyone else (the caseworker reads
    the file itself). The read is audited with the fields shown."""
    if not rules.is_advisor_of(user, second_opinion):
        return None
    shared = consent_selectors.shared_parts(
        job_seeker_id=second_opinion.job_seeker_id,
        organisation_id=second_opinion.advisor_office_id,
        recipient=Consent.Recipient.ADVISOR,
    )
    fields = [
        *file_parts.BASIS_FIELDS,
        *(f for code in file_parts.CODES if code in shared for f in file_parts.PARTS[code].fields),
    ]
    job_seeker = second_opinion.job_seeker
    rows: list[tuple[str, object]] = []
    for name in fields:
        field = JobSeeker._meta.get_field(name)
        assert isinstance(field, Field)  # every part names columns of the file
        display = getattr(job_seeker, f"get_{name}_display", None)
        rows.append((str(field.verbose_name), display() if display else getattr(job_seeker, name)))
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type="jobseeker",
        object_id=job_seeker.pk,
        job_seeker_id=job_seeker.pk,
        municipality_id=second_opinion.municipality_id,
        purpose=AuditEvent.Purpose.SECOND_OPINION,
        fields=fields,
    )
    return FileView(
        rows=rows,
        shared=[str(file_parts.PARTS[c].label) for c in file_parts.CODES if c in shared],
        not_shared=[str(file_parts.PARTS[c].label) for c in file_parts.CODES if c not in shared],
    )


def second_opinion_history(*, second_opinion: SecondOpinion) -> QuerySet[StatusChange]:
    """The history of a second opinion the caller obtained through ``second_opinion_get``."""
    return second_opinion.history.select_related("changed_by")


def job_seeker_second_opinions(*, user: User, job_seeker_id: int) -> QuerySet[SecondOpinion]:
    """A job seeker's second opinions on their file or own pages (the file's read is
    audited by the page that shows it)."""
    return _ordered(
        second_opinion_scope(user=user).filter(job_seeker_id=job_seeker_id)
    ).select_related("programme", "trajectory__programme", "advisor")


# --- figures ------------------------------------------------------------------------------


@dataclass
class Figure:
    key: str
    label: str
    count: int | None
    #: Withheld for the client council: fewer than the minimum, or hidden to protect one.
    suppressed: bool = False


@dataclass
class Figures:
    municipality_id: int
    year: int
    requested: Figure
    decided: list[Figure]
    advised: Figure
    term_met: Figure
    open_now: Figure
    overdue_now: Figure
    min_cell: int
    suppressed: bool


def _suppress(figures: list[Figure], *, min_cell: int) -> None:
    """Withhold small counts (1 to ``min_cell`` - 1) and, when one of a breakdown is
    withheld alone or the withheld ones hold fewer than ``min_cell``, the next smallest,
    as ``core.suppression`` does for the council's other figures."""
    for figure in figures:
        if figure.count is not None and 0 < figure.count < min_cell:
            figure.suppressed = True
    while True:
        hidden = [f for f in figures if f.suppressed and f.count]
        if not hidden or (len(hidden) > 1 and sum(f.count or 0 for f in hidden) >= min_cell):
            break
        rest = sorted(
            (f for f in figures if not f.suppressed and f.count), key=lambda f: f.count or 0
        )
        if not rest:
            break
        rest[0].suppressed = True
    for figure in figures:
        if figure.suppressed:
            figure.count = None


def second_opinion_figures(
    *, user: User, municipality_id: int | None = None, year: int | None = None, min_cell: int
) -> Figures:
    """RI3's figures for a year: how many were asked for, how often the advice was
    followed, partly followed or not, and how often it came within its term. For the
    client council small counts are withheld."""
    if not user.has_perm("secondopinions.view_figures"):
        raise PermissionDeniedError(code="second-opinion-figures-denied")
    roles = (Role.POLICY_OFFICER, Role.COUNCIL_MEMBER)
    municipality = acting_municipality_id(user, roles, named=municipality_id)
    year = year or clock.today().year
    rows = SecondOpinion.objects.filter(municipality_id=municipality, requested_on__year=year)
    decisions = dict(
        rows.filter(status=Status.DECIDED).values_list("decision").annotate(n=Count("pk"))
    )
    advised = list(rows.filter(advised_at__isnull=False).values_list("advised_at", "term_ends_on"))
    met = sum(1 for at, due in advised if localdate(at) <= due)
    today = clock.today()
    requested = Figure("requested", _("Asked for"), rows.count())
    decided = [
        Figure(value, str(label), decisions.get(value, 0)) for value, label in Decision.choices
    ]
    figures = Figures(
        municipality_id=municipality,
        year=year,
        requested=requested,
        decided=decided,
        advised=Figure("advised", _("Advice given"), len(advised)),
        term_met=Figure("term-met", _("Advice within the term"), met),
        open_now=Figure("open", _("Open now"), rows.filter(status__in=OPEN).count()),
        overdue_now=Figure(
            "overdue",
            _("Waiting for advice past the term now"),
            rows.filter(status__in=WAITING_FOR_ADVICE, term_ends_on__lt=today).count(),
        ),
        min_cell=min_cell,
        suppressed=False,
    )
    if scope_of(user).municipalities(Role.COUNCIL_MEMBER) and not scope_of(user).municipalities(
        Role.POLICY_OFFICER
    ):
        figures.suppressed = True
        _suppress(figures.decided, min_cell=min_cell)
        _suppress([figures.term_met, Figure("late", "", len(advised) - met)], min_cell=min_cell)
        for single in (figures.requested, figures.advised, figures.open_now, figures.overdue_now):
            _suppress([single], min_cell=min_cell)
    return figures
