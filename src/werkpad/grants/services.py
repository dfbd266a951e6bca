"""Every write on grants and budgets (IN2): one transaction each, audited in it.

A grant beyond the budget that remains is made all the same and marked
``over_budget``: a budget is a steering figure, not a ceiling. The caller shows
the warning (``GrantResult.warning``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.models import AuditEvent
from werkpad.grants.models import Budget, BudgetChange, Grant, Status
from werkpad.grants.selectors import budget_instrument, spending_of
from werkpad.instruments.models import Instrument
from werkpad.jobseekers.models import BenefitType, JobSeeker

OBJECT_TYPE = "grant"
BUDGET_OBJECT_TYPE = "budget"
MAX_AMOUNT = Decimal("9999999999.99")


@dataclass(frozen=True)
class GrantResult:
    grant: Grant
    #: Why the grant goes beyond the budget, for the caseworker; empty when it fits.
    warning: str = ""


def _check_amount(errors: dict[str, list[str]], field: str, amount: Decimal | None) -> None:
    if amount is None:
        errors[field] = [_("Give an amount in euro, for example 1500.00.")]
    elif amount < 0 or amount > MAX_AMOUNT:
        errors[field] = [_("Give an amount of at least 0 euro.")]


def _over_budget_warning(
    *, instrument: Instrument, year: int, amount: Decimal, non_benefit: bool
) -> str:
    line = spending_of(instrument_id=instrument.pk, year=year)
    if line.budget is None:
        return _(
            "There is no budget for %(instrument)s in %(year)s: this grant is recorded as beyond the budget."
        ) % {
            "instrument": instrument.name,
            "year": year,
        }
    remaining = line.non_benefit_remaining if non_benefit else line.remaining
    if amount <= remaining:
        return ""
    message = _(
        "This grant of € %(amount)s goes beyond %(line)s of %(instrument)s for %(year)s: "
        "€ %(remaining)s remained. It is granted and recorded as beyond the budget."
    )
    return message % {
        "amount": number_format(amount, 2),
        "line": _("the non-benefit budget") if non_benefit else _("the budget"),
        "instrument": instrument.name,
        "year": year,
        "remaining": number_format(remaining, 2),
    }


@transaction.atomic
def grant_award(
    *,
    user: User,
    job_seeker_id: int,
    instrument_id: int | None,
    amount: Decimal | None,
    reason: str,
    granted_on: dt.date | None = None,
    year: int | None = None,
) -> GrantResult:
    """Grant an instrument of the job seeker's municipality to them (a caseworker of the
    municipality). Over the budget is allowed, marked and warned about."""
    job_seeker = JobSeeker.objects.filter(pk=job_seeker_id).first()
    if job_seeker is None or not user.has_perm("jobseekers.view_jobseeker", job_seeker):
        raise NotFoundError(code="jobseeker-not-found")
    if not user.has_perm("grants.add_grant", job_seeker):
        raise PermissionDeniedError(code="grant-create-denied")
    errors: dict[str, list[str]] = {}
    instrument = (
        Instrument.objects.filter(
            pk=instrument_id, municipality_id=job_seeker.municipality_id, active=True
        ).first()
        if instrument_id is not None
        else None
    )
    if instrument is None:
        errors["instrument"] = [_("Choose an instrument of the municipality's catalogue.")]
    _check_amount(errors, "amount", amount)
    if not reason.strip():
        errors["reason"] = [_("Say why this instrument is granted.")]
    today = clock.today()
    granted_on = granted_on or today
    if granted_on > today:
        errors["granted_on"] = [_("A grant cannot be dated in the future.")]
    year = year or granted_on.year
    if not granted_on.year - 1 <= year <= granted_on.year + 1:
        errors["year"] = [_("Choose the budget year of the grant date, or the year next to it.")]
    if errors:
        raise InvalidInputError(errors)
    assert instrument is not None and amount is not None
    non_benefit = job_seeker.benefit_type == BenefitType.NONE
    warning = _over_budget_warning(
        instrument=instrument, year=year, amount=amount, non_benefit=non_benefit
    )
    grant = Grant.objects.create(
        municipality_id=job_seeker.municipality_id,
        job_seeker=job_seeker,
        instrument=instrument,
        granted_on=granted_on,
        year=year,
        amount=amount,
        reason=reason.strip(),
        non_benefit=non_benefit,
        over_budget=bool(warning),
        granted_by=user,
    )
    audit_record(
        user=user,
        action=AuditEvent.Action.CREATE,
        object_type=OBJECT_TYPE,
        object_id=grant.pk,
        job_seeker_id=job_seeker.pk,
        municipality_id=job_seeker.municipality_id,
        fields=["instrument", "amount", "year", "reason", "non_benefit"],
        detail="beyond the budget" if warning else "",
    )
    return GrantResult(grant=grant, warning=warning)


@transaction.atomic
def grant_cancel(
    *, user: User, grant_id: int, reason: str, expected_version: int | None = None
) -> Grant:
    """Cancel a grant with the reason; what it took from the budget returns to it."""
    grant = Grant.objects.select_for_update().filter(pk=grant_id).first()
    if grant is None or not user.has_perm("grants.view_grant", grant):
        raise NotFoundError(code="grant-not-found")
    if not user.has_perm("grants.cancel_grant", grant):
        raise PermissionDeniedError(code="grant-cancel-denied")
    if expected_version is not None and grant.version != expected_version:
        raise StaleEditError(current_version=grant.version)
    if grant.status == Status.CANCELLED:
        raise ConflictError(_("This grant was cancelled already."), code="grant-cancelled")
    if not reason.strip():
        raise InvalidInputError({"reason": [_("Say why the grant is cancelled.")]})
    grant.status = Status.CANCELLED
    grant.cancelled_at = clock.now()
    grant.cancelled_by = user
    grant.cancel_reason = reason.strip()
    grant.version += 1
    grant.updated_at = clock.now()
    grant.save()
    audit_record(
        user=user,
        action=AuditEvent.Action.UPDATE,
        object_type=OBJECT_TYPE,
        object_id=grant.pk,
        job_seeker_id=grant.job_seeker_id,
        municipality_id=grant.municipality_id,
        fields=["status", "cancel_reason"],
    )
    return grant


@transaction.atomic
def budget_set(
    *,
    user: User,
    instrument_id: int,
    year: int,
    amount: Decimal | None,
    non_benefit_amount: Decimal | None,
    reasons: str,
    expected_version: int | None = None,
) -> Budget:
    """Set (or change) the budget of an instrument for a year, with the reasons; the
    policy officer of the municipality. A change names the version it started from."""
    if not user.has_perm("grants.set_budget"):
        raise PermissionDeniedError(code="budget-change-denied")
    instrument = budget_instrument(user=user, instrument_id=instrument_id)
    errors: dict[str, list[str]] = {}
    if not 2000 <= year <= 2100:
        errors["year"] = [_("Give a year, for example 2026.")]
    _check_amount(errors, "amount", amount)
    _check_amount(errors, "non_benefit_amount", non_benefit_amount)
    if (
        "amount" not in errors
        and "non_benefit_amount" not in errors
        and amount is not None
        and non_benefit_amount is not None
        and non_benefit_amount > amount
    ):
        errors["non_benefit_amount"] = [
            _("The part for non-benefit job seekers cannot exceed the budget.")
        ]
    if not reasons.strip():
        errors["reasons"] = [_("Record the reasons for this budget.")]
    if errors:
        raise InvalidInputError(errors)
    assert amount is not None and non_benefit_amount is not None
    budget = (
        Budget.objects.select_for_update().filter(instrument_id=instrument.pk, year=year).first()
    )
    now = clock.now()
    if budget is None:
        if expected_version not in (None, 0):
            raise StaleEditError(current_version=0)
        budget = Budget.objects.create(
            municipality_id=instrument.municipality_id,
            instrument=instrument,
            year=year,
            amount=amount,
            non_benefit_amount=non_benefit_amount,
            reasons=reasons.strip(),
            set_by=user,
        )
        event = AuditEvent.Action.CREATE
    else:
        if expected_version is not None and budget.version != expected_version:
            raise StaleEditError(current_version=budget.version)
        budget.amount = amount
        budget.non_benefit_amount = non_benefit_amount
        budget.reasons = reasons.strip()
        budget.set_by = user
        budget.version += 1
        budget.updated_at = now
        budget.save()
        event = AuditEvent.Action.UPDATE
    BudgetChange.objects.create(
        budget=budget,
        amount=amount,
        non_benefit_amount=non_benefit_amount,
        reasons=budget.reasons,
        changed_at=now,
        changed_by=user,
    )
    audit_record(
        user=user,
        action=event,
        object_type=BUDGET_OBJECT_TYPE,
        object_id=budget.pk,
        municipality_id=budget.municipality_id,
        fields=["amount", "non_benefit_amount", "reasons"],
        detail=f"{instrument.name} {year}: {amount} (non-benefit {non_benefit_amount})",
    )
    return budget
