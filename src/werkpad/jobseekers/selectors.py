"""Every read of job seekers' personal data. Views and the API start here.

``jobseeker_list`` and ``jobseeker_get`` scope to what the user may see and
record the read in the audit log; nothing else reads ``JobSeeker.objects``
for a user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core.audit import audit_record
from werkpad.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import FILE_ROLES, Role, scope_of, visible_for
from werkpad.jobseekers.filters import JobSeekerFilter
from werkpad.jobseekers.models import JobSeeker, JobSeekerTally, LadderRungChange, current_q
from werkpad.jobseekers.rules import FILE_VISIBILITY

OBJECT_TYPE = "jobseeker"


def jobseeker_scope(*, user: User) -> QuerySet[JobSeeker]:
    """The job seekers this user may see at all, before any filter: the same definition
    as the ``jobseekers.view_jobseeker`` rule (``rules.FILE_VISIBILITY``)."""
    return JobSeeker.objects.filter(FILE_VISIBILITY.q(user))


#: What a row of a list shows (UI and API); the profile texts stay in the database.
LIST_FIELDS = (
    "id",
    "version",
    "municipality",
    "bsn",
    "first_name",
    "last_name",
    "birth_date",
    "gender",
    "education_level",
    "benefit_type",
    "unemployed_since",
    "ladder_rung",
    "labour_disability",
    "sheltered_work",
    "contact_person",
    "left_on",
    "leave_reason",
    "municipality__id",
    "municipality__name",
    "municipality__cbs_code",
    "contact_person__id",
    "contact_person__first_name",
    "contact_person__last_name",
    "contact_person__email",
    "contact_person__phone",
)


def _has_filters(filters: Mapping[str, object] | None) -> bool:
    params = filters or {}
    return any(str(params.get(name) or "").strip() for name in JobSeekerFilter.base_filters)


def jobseeker_list(
    *, user: User, filters: Mapping[str, object] | None = None, purpose: str = ""
) -> QuerySet[JobSeeker]:
    """The job seekers the user may see, filtered, with what a list shows.

    Raises ``PermissionDeniedError`` for a role that never sees persons and
    ``InvalidInputError`` for a filter value that is not valid.
    """
    if not user.has_perm("jobseekers.list_jobseeker"):
        raise PermissionDeniedError(code="jobseeker-list-denied")
    queryset = (
        jobseeker_scope(user=user)
        .select_related("contact_person", "municipality")
        .only(*LIST_FIELDS)
        .order_by("last_name", "first_name", "id")
    )
    used: list[str] = []
    if not str((filters or {}).get("status") or "").strip():
        queryset = queryset.filter(current_q())
    if _has_filters(filters):
        filterset = JobSeekerFilter(filters, queryset=queryset)
        if not filterset.is_valid():
            raise InvalidInputError({name: list(msgs) for name, msgs in filterset.errors.items()})
        used = sorted(
            k for k, v in (filterset.form.cleaned_data or {}).items() if v not in (None, "", [])
        )
        queryset = filterset.qs
    primary = scope_of(user).primary
    audit_record(
        user=user,
        action=AuditEvent.Action.SEARCH,
        object_type=OBJECT_TYPE,
        purpose=purpose,
        fields=used,
        municipality_id=primary.municipality_id if primary else None,
    )
    return queryset


def jobseeker_list_count(*, user: User, filters: Mapping[str, object] | None = None) -> int | None:
    """How long the user's unfiltered list is, from the tally; None when it must be counted.

    The tally (kept by database triggers) answers for a caseworker's whole
    municipality, the job seekers still in the file, which is what an unfiltered
    list shows; a filtered list, or a job seeker's own, is counted.
    """
    if _has_filters(filters):
        return None
    scope = scope_of(user)
    if scope.has(Role.JOB_SEEKER) or not scope.has(*FILE_ROLES):
        return None
    counts = JobSeekerTally.objects.filter(
        municipality_id__in=scope.municipalities(*FILE_ROLES)
    ).values_list("count", flat=True)
    return sum(counts)


#: The permission (``rules.py``) each action on a file needs: ``jobseeker_get`` and
#: ``jobseeker_for_action`` refuse it before anything is read or audited.
ACTION_PERMISSIONS = {"change": "jobseekers.change_jobseeker"}


def _checked(
    user: User, queryset: QuerySet[JobSeeker], id: int, for_action: str | None
) -> JobSeeker:
    return visible_for(
        user,
        queryset.filter(pk=id).first(),
        kind="jobseeker",
        view="jobseekers.view_jobseeker",
        actions=ACTION_PERMISSIONS,
        for_action=for_action,
    )


def jobseeker_for_action(*, user: User, id: int, action: str) -> JobSeeker:
    """The file a form acts on (``action``, a key of ``ACTION_PERMISSIONS``), checked before
    the form is read; the page shows nothing of it, so it is no read in the access log:
    the service that acts is audited."""
    return _checked(
        user,
        jobseeker_scope(user=user).select_related("municipality__settings", "contact_person"),
        id,
        action,
    )


def jobseeker_get(
    *, user: User, id: int, purpose: str = "", for_action: str | None = None
) -> JobSeeker:
    """One job seeker's file, if the user may see it (and, with ``for_action``, take that
    action on it); the read is audited."""
    job_seeker = _checked(
        user,
        jobseeker_scope(user=user).select_related(
            "contact_person", "municipality__settings", "user"
        ),
        id,
        for_action,
    )
    fields = [f.name for f in JobSeeker._meta.concrete_fields]
    if not user.has_perm("jobseekers.view_restricted", job_seeker):
        fields = [f for f in fields if f not in JobSeeker.RESTRICTED_FIELDS]
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        object_id=job_seeker.pk,
        job_seeker_id=job_seeker.pk,
        municipality_id=job_seeker.municipality_id,
        purpose=purpose,
        fields=fields,
    )
    return job_seeker


def jobseeker_get_by_bsn(
    *, user: User, bsn: str, purpose: str = AuditEvent.Purpose.BSN_LOOKUP
) -> JobSeeker:
    """One file found by its whole BSN, which travels in a request body, never in an address."""
    found = jobseeker_scope(user=user).filter(bsn=bsn).values_list("pk", flat=True).first()
    if found is None:
        audit_record(
            user=user,
            action=AuditEvent.Action.SEARCH,
            object_type=OBJECT_TYPE,
            purpose=purpose,
            fields=["bsn"],
            result=AuditEvent.Result.FAILED,
        )
        raise NotFoundError(
            _("No job seeker you may see has this BSN."), code="jobseeker-not-found"
        )
    return jobseeker_get(user=user, id=found, purpose=purpose)


def jobseeker_match(
    *,
    user: User,
    municipality_ids: Collection[int],
    bsn: str = "",
    name: str = "",
    birth_date: dt.date | None = None,
    purpose: str,
) -> list[JobSeeker]:
    """The job seekers of ``municipality_ids`` with this whole BSN, or born on
    ``birth_date`` whose last name is in ``name``: for a role that sees no files and must
    still find one person (the complaint handler taking a complaint on their behalf). The
    caller's rules decide the municipalities; the search is audited, a miss too."""
    queryset = JobSeeker.objects.filter(municipality_id__in=list(municipality_ids))
    fields: list[str]
    if bsn.strip():
        fields = ["bsn"]
        found = list(queryset.filter(bsn=bsn.strip())[:2])
    elif name.strip() and birth_date is not None:
        fields = ["last_name", "birth_date"]
        wanted = name.casefold()
        found = [
            job_seeker
            for job_seeker in queryset.filter(birth_date=birth_date).order_by("pk")[:50]
            if job_seeker.last_name.casefold() in wanted
        ]
    else:
        raise InvalidInputError({"bsn": [_("Give the BSN, or the name and date of birth.")]})
    audit_record(
        user=user,
        action=AuditEvent.Action.SEARCH,
        object_type=OBJECT_TYPE,
        object_id=str(found[0].pk) if len(found) == 1 else "",
        job_seeker_id=found[0].pk if len(found) == 1 else None,
        purpose=purpose,
        fields=fields,
        result=AuditEvent.Result.SUCCESS if found else AuditEvent.Result.FAILED,
        municipality_id=(
            found[0].municipality_id if len(found) == 1 else min(municipality_ids, default=None)
        ),
    )
    return found


def jobseeker_get_own(*, user: User) -> JobSeeker:
    """The file of the job seeker who is logged in."""
    job_seeker = JobSeeker.objects.filter(user_id=user.pk).values_list("pk", flat=True).first()
    if job_seeker is None:
        raise NotFoundError(code="jobseeker-not-found")
    return jobseeker_get(user=user, id=job_seeker, purpose=AuditEvent.Purpose.OWN_FILE)


def ladder_history_list(*, job_seeker: JobSeeker) -> QuerySet[LadderRungChange]:
    """The rung history of a file the caller already obtained through ``jobseeker_get``."""
    return job_seeker.rung_history.select_related("changed_by")


def access_log_list(*, user: User, job_seeker_id: int) -> QuerySet[AuditEvent]:
    """Who read or changed this file (RI5): readable by the job seeker and their caseworkers."""
    job_seeker = jobseeker_scope(user=user).filter(pk=job_seeker_id).first()
    if job_seeker is None or not user.has_perm("jobseekers.view_access_log", job_seeker):
        raise NotFoundError(code="jobseeker-not-found")
    return AuditEvent.objects.filter(job_seeker_id=job_seeker.pk).order_by("-occurred_at", "-id")
