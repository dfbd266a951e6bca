"""Every write on results reports (CO2): one transaction each, audited in it.

``report_create`` writes a draft for a quarter or a year of the policy officer's
municipality, for its council; ``report_notes_set`` changes a draft's notes;
``report_publish`` freezes the figures and tells the council's members after the
commit. A quarter is not published once its year is (``publish_refusal``): the year's
flow counts minus the other quarters' would give away what the quarter withholds.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from werkpad.core.lifecycle import begin, transition
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import scope_of
from werkpad.council.models import ResultsReport
from werkpad.council.reports import notifications
from werkpad.council.reports.selectors import covering_year, live_figures, report_get
from werkpad.council.reports.workflow import LIFECYCLE, PeriodKind, Status
from werkpad.council.rules import REPORT_WRITERS, council_of_municipality

OBJECT_TYPE = "results report"


def period_of(kind: str, year: int, quarter: int | None = None) -> tuple[dt.date, dt.date]:
    """The first and last day of a year, or of its quarter 1-4."""
    if kind == PeriodKind.YEAR:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if quarter not in (1, 2, 3, 4):
        raise InvalidInputError({"quarter": [_("Choose a quarter, 1 to 4.")]})
    start = dt.date(year, 3 * quarter - 2, 1)
    following = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return start, following - dt.timedelta(days=1)


@transaction.atomic
def report_create(
    *,
    user: User,
    municipality_id: int,
    period_kind: str,
    year: int,
    quarter: int | None = None,
    notes: str = "",
) -> ResultsReport:
    """A draft report of the municipality for one period (a policy officer of it)."""
    if municipality_id not in scope_of(user).municipalities(*REPORT_WRITERS):
        raise PermissionDeniedError(code="results-report-create-denied")
    if period_kind not in PeriodKind.values:
        raise InvalidInputError({"period_kind": [_("Choose a quarter or a year.")]})
    start, end = period_of(period_kind, year, quarter)
    if start > clock.today():
        raise InvalidInputError({"year": [_("The period has not begun yet.")]})
    council = council_of_municipality(municipality_id)
    if council is None:
        raise ConflictError(
            _("The municipality has no client council to report to."),
            code="results-report-no-council",
        )
    try:
        with transaction.atomic():
            report = ResultsReport.objects.create(
                municipality_id=municipality_id,
                council=council,
                period_kind=period_kind,
                period_start=start,
                period_end=end,
                notes=notes.strip(),
                created_by=user,
            )
    except IntegrityError:
        raise ConflictError(
            _("There is a report for this period already."), code="results-report-exists"
        ) from None
    begin(report, Status.DRAFT, user=user)
    audit_record(
        user=user,
        action=AuditEvent.Action.CREATE,
        object_type=OBJECT_TYPE,
        object_id=report.pk,
        municipality_id=municipality_id,
        fields=["period_kind", "period_start", "period_end", "notes"],
    )
    return report


def _locked(user: User, report_id: int, action: str, *, its_year: bool = False) -> ResultsReport:
    visible = report_get(user=user, id=report_id, for_action="publish")
    if its_year:
        # every report of the municipality's year, in one order: a quarter and its year
        # are never published at the same time, each unaware of the other
        list(
            ResultsReport.objects.select_for_update()
            .filter(
                municipality_id=visible.municipality_id,
                period_start__year=visible.period_start.year,
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    report = ResultsReport.objects.select_for_update().get(pk=report_id)
    if report.status != Status.DRAFT:
        LIFECYCLE.check(report.status, Status.PUBLISHED, step=action)
    return report


@transaction.atomic
def report_notes_set(*, user: User, report_id: int, notes: str) -> ResultsReport:
    """Change the notes of a draft (a published report does not change)."""
    report = _locked(user, report_id, "publish")
    report.notes = notes.strip()
    report.version += 1
    report.updated_at = clock.now()
    report.save(update_fields=["notes", "version", "updated_at"])
    audit_record(
        user=user,
        action=AuditEvent.Action.UPDATE,
        object_type=OBJECT_TYPE,
        object_id=report.pk,
        municipality_id=report.municipality_id,
        fields=["notes"],
    )
    return report


def publish_refusal(report: ResultsReport) -> ConflictError | None:
    """Why the draft ``report`` cannot be published, if it cannot: a quarter whose year
    is published already."""
    year = covering_year(report)
    if year is None:
        return None
    return ConflictError(
        _(
            "The report on %(year)s has been published to the council already. The "
            "figures of this quarter could be worked out from the year's and the other "
            "quarters', so it can no longer be published."
        )
        % {"year": year.period_label},
        code="results-report-period-covered",
    )


@transaction.atomic
def report_publish(*, user: User, report_id: int) -> ResultsReport:
    """Publish a draft to the council: its figures are frozen as they are now (a
    year's protected also by what its published quarters withheld)."""
    report = _locked(user, report_id, "publish", its_year=True)
    refusal = publish_refusal(report)
    if refusal is not None:
        raise refusal
    transition(report, Status.PUBLISHED, lifecycle=LIFECYCLE, user=user, step="publish")
    report.figures = live_figures(report=report)
    report.published_at = clock.now()
    report.published_by = user
    report.version += 1
    report.updated_at = clock.now()
    report.save(
        update_fields=["status", "figures", "published_at", "published_by", "version", "updated_at"]
    )
    audit_record(
        user=user,
        action=AuditEvent.Action.UPDATE,
        object_type=OBJECT_TYPE,
        object_id=report.pk,
        municipality_id=report.municipality_id,
        fields=["status", "figures"],
        detail="published",
    )
    notifications.notify_published(report=report, actor=user)
    return report
