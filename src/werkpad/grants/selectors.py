"""Every read of grants and budgets (IN2), scoped to the user; reading a job seeker's
grants is audited in their access log."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core.audit import audit_record
from werkpad.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from werkpad.core.filters import parse_id
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import scope_of, visible_for
from werkpad.grants.models import Budget, BudgetChange, Grant, Status
from werkpad.grants.rules import BUDGET_READERS, GRANT_VISIBILITY
from werkpad.instruments.models import Instrument

OBJECT_TYPE = "grant"
ROW_RELATED = ("job_seeker", "instrument", "granted_by")
ZERO = Decimal("0.00")


def grant_scope(*, user: User) -> QuerySet[Grant]:
    """The same definition as the ``grants.view_grant`` rule."""
    return Grant.objects.filter(GRANT_VISIBILITY.q(user))


def _search(*, user: User, purpose: str, fields: list[str], job_seeker_id: int | None) -> None:
    primary = scope_of(user).primary
    audit_record(
        user=user,
        action=AuditEvent.Action.SEARCH,
        object_type=OBJECT_TYPE,
        purpose=purpose,
        fields=fields,
        job_seeker_id=job_seeker_id,
        municipality_id=primary.municipality_id if primary else None,
    )


def grant_list(
    *, user: User, filters: Mapping[str, object] | None = None, purpose: str = ""
) -> QuerySet[Grant]:
    """The grants the user sees, the newest first; filtered by job seeker or year."""
    if not user.has_perm("grants.list_grant"):
        raise PermissionDeniedError(code="grant-list-denied")
    params = filters or {}
    errors: dict[str, list[str]] = {}
    query = Q()
    job_seeker_id = None
    raw = str(params.get("jobSeeker") or "").strip()
    if raw:
        job_seeker_id = parse_id(raw)
        if job_seeker_id is None:
            errors["jobSeeker"] = [_("Give a job seeker's id (a number).")]
        else:
            query &= Q(job_seeker_id=job_seeker_id)
    raw_year = str(params.get("year") or "").strip()
    if raw_year:
        if raw_year.isdigit() and 2000 <= int(raw_year) <= 2100:
            query &= Q(year=int(raw_year))
        else:
            errors["year"] = [_("Give a year, for example 2026.")]
    if errors:
        raise InvalidInputError(errors)
    _search(
        user=user,
        purpose=purpose,
        fields=sorted(k for k in ("jobSeeker", "year") if params.get(k)),
        job_seeker_id=job_seeker_id,
    )
    return grant_scope(user=user).filter(query).select_related(*ROW_RELATED)


GRANT_PERMISSIONS = {"cancel": "grants.cancel_grant"}


def grant_get(*, user: User, id: int, purpose: str = "", for_action: str | None = None) -> Grant:
    grant = visible_for(
        user,
        grant_scope(user=user).select_related(*ROW_RELATED, "cancelled_by").filter(pk=id).first(),
        kind="grant",
        view="grants.view_grant",
        actions=GRANT_PERMISSIONS,
        for_action=for_action,
    )
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        object_id=grant.pk,
        job_seeker_id=grant.job_seeker_id,
        municipality_id=grant.municipality_id,
        purpose=purpose,
    )
    return grant


def job_seeker_grants(*, user: User, job_seeker_id: int, purpose: str = "") -> list[Grant]:
    """The grants on one file, for its section; empty for someone who sees no grants."""
    if not user.has_perm("grants.list_grant"):
        return []
    grants = list(
        grant_scope(user=user)
        .filter(job_seeker_id=job_seeker_id)
        .select_related("instrument", "granted_by")
    )
    if grants:
        _search(user=user, purpose=purpose, fields=["jobSeeker"], job_seeker_id=job_seeker_id)
    return grants


def grantable_instruments(*, user: User, municipality_id: int) -> QuerySet[Instrument]:
    """The active instruments of the municipality's catalogue a grant can deploy."""
    return Instrument.objects.filter(municipality_id=municipality_id, active=True).order_by("name")


@dataclass(frozen=True)
class Spending:
    """One instrument's budget of a year against what was granted from it."""

    instrument: Instrument
    year: int
    budget: Budget | None
    granted: Decimal
    grants: int
    non_benefit_granted: Decimal

    @property
    def amount(self) -> Decimal:
        return self.budget.amount if self.budget else ZERO

    @property
    def non_benefit_amount(self) -> Decimal:
        return self.budget.non_benefit_amount if self.budget else ZERO

    @property
    def remaining(self) -> Decimal:
        return self.amount - self.granted

    @property
    def non_benefit_remaining(self) -> Decimal:
        return self.non_benefit_amount - self.non_benefit_granted

    @property
    def overspent(self) -> bool:
        return self.remaining < 0

    @property
    def non_benefit_overspent(self) -> bool:
        return self.non_benefit_remaining < 0


def _granted(
    *, instrument_ids: list[int], year: int
) -> dict[tuple[int, bool], tuple[Decimal, int]]:
    rows = (
        Grant.objects.filter(instrument_id__in=instrument_ids, year=year, status=Status.GRANTED)
        .values("instrument_id", "non_benefit")
        .annotate(total=Sum("amount"), n=Count("id"))
        .order_by()
    )
    return {(r["instrument_id"], r["non_benefit"]): (r["total"] or ZERO, r["n"]) for r in rows}


def budget_spending(*, user: User, year: int) -> list[Spending]:
    """Per instrument of the user's municipalities: the budget of ``year``, what was
    granted from it, what remains, and the non-benefit line separately. Instruments
    without a budget or grant that year are left out unless active. Three queries."""
    if not user.has_perm("grants.list_budget"):
        raise PermissionDeniedError(code="budget-list-denied")
    municipalities = scope_of(user).municipalities(*BUDGET_READERS)
    budgets = {
        b.instrument_id: b
        for b in Budget.objects.filter(municipality_id__in=municipalities, year=year)
    }
    instruments = list(
        Instrument.objects.filter(municipality_id__in=municipalities)
        .filter(Q(active=True) | Q(pk__in=list(budgets)) | Q(grants__year=year))
        .distinct()
        .order_by("name", "pk")
    )
    granted = _granted(instrument_ids=[i.pk for i in instruments], year=year)
    rows = []
    for instrument in instruments:
        benefit, n_benefit = granted.get((instrument.pk, False), (ZERO, 0))
        non_benefit, n_non_benefit = granted.get((instrument.pk, True), (ZERO, 0))
        rows.append(
            Spending(
                instrument=instrument,
                year=year,
                budget=budgets.get(instrument.pk),
                granted=benefit + non_benefit,
                grants=n_benefit + n_non_benefit,
                non_benefit_granted=non_benefit,
            )
        )
    return rows


def spending_of(*, instrument_id: int, year: int) -> Spending:
    """One instrument's line, for the warning when granting (no access check: the
    service asking has checked the grant)."""
    instrument = Instrument.objects.get(pk=instrument_id)
    budget = Budget.objects.filter(instrument_id=instrument_id, year=year).first()
    granted = _granted(instrument_ids=[instrument_id], year=year)
    benefit, n_benefit = granted.get((instrument_id, False), (ZERO, 0))
    non_benefit, n_non_benefit = granted.get((instrument_id, True), (ZERO, 0))
    return Spending(
        instrument=instrument,
        year=year,
        budget=budget,
        granted=benefit + non_benefit,
        grants=n_benefit + n_non_benefit,
        non_benefit_granted=non_benefit,
    )


def budget_instrument(*, user: User, instrument_id: int) -> Instrument:
    """An instrument whose budget the user may set (404 otherwise)."""
    instrument = Instrument.objects.filter(pk=instrument_id).first()
    if instrument is None or not user.has_perm("grants.change_budget", instrument):
        raise NotFoundError(code="budget-not-found")
    return instrument


def budget_get(*, user: User, year: int, instrument_id: int) -> Budget | None:
    """The budget of an instrument and year the user may set; None while none is set."""
    budget_instrument(user=user, instrument_id=instrument_id)
    return (
        Budget.objects.select_related("instrument", "set_by")
        .filter(instrument_id=instrument_id, year=year)
        .first()
    )


def budget_history(*, budget: Budget) -> QuerySet[BudgetChange]:
    return budget.history.select_related("changed_by")


def budget_list(*, user: User, year: int) -> QuerySet[Budget]:
    """The budgets of a year in the user's municipalities."""
    if not user.has_perm("grants.list_budget"):
        raise PermissionDeniedError(code="budget-list-denied")
    return (
        Budget.objects.filter(
            municipality_id__in=scope_of(user).municipalities(*BUDGET_READERS), year=year
        )
        .select_related("instrument")
        .order_by("instrument__name", "pk")
    )
