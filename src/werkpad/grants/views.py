"""The pages of grants and budgets (IN2): spending against the budget per instrument and
year (/budgetten/), the policy officer's budget with its reasons and history, granting an
instrument from the job seeker's file (/subsidies/nieuw/<id>/) and cancelling a grant."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad.core import clock
from werkpad.core.decorators import role_required
from werkpad.core.errors import AccessError, DomainError, PermissionDeniedError
from werkpad.core.forms import refusal_status
from werkpad.core.models import AuditEvent
from werkpad.grants import selectors, services
from werkpad.grants.forms import BudgetForm, GrantCancelForm, GrantForm
from werkpad.grants.rules import BUDGET_READERS, BUDGET_SETTERS, GRANTERS
from werkpad.jobseekers import selectors as jobseeker_selectors

PURPOSE = AuditEvent.Purpose.GRANTS
budget_readers = role_required(*BUDGET_READERS)
budget_setters = role_required(*BUDGET_SETTERS)
granters = role_required(*GRANTERS)


def _year(raw: str | None) -> int:
    if raw and raw.isdigit() and 2000 <= int(raw) <= 2100:
        return int(raw)
    return clock.today().year


@budget_readers
def budget_list(request):
    year = _year(request.GET.get("year"))
    rows = selectors.budget_spending(user=request.user, year=year)
    return render(
        request,
        "grants/budgets.html",
        {
            "rows": rows,
            "year": year,
            "years": [year - 1, year, year + 1],
            "may_set": request.user.has_perm("grants.set_budget"),
            "total_budget": sum(r.amount for r in rows),
            "total_granted": sum(r.granted for r in rows),
        },
    )


@budget_setters
def budget_set(request, year: int, instrument_id: int):
    instrument = selectors.budget_instrument(user=request.user, instrument_id=instrument_id)
    budget = selectors.budget_get(user=request.user, year=year, instrument_id=instrument_id)
    status = 200
    if request.method == "POST":
        form = BudgetForm(request.POST)
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.budget_set(
                    user=request.user,
                    instrument_id=instrument.pk,
                    year=year,
                    amount=d["amount"],
                    non_benefit_amount=d["non_benefit_amount"],
                    reasons=d["reasons"],
                    expected_version=d["version"] if budget is not None else None,
                )
            except DomainError as error:
                status = refusal_status(form, error)
            else:
                messages.success(request, _("The budget is saved."))
                return redirect(f"{reverse('grants:budgets')}?year={year}")
    else:
        initial = (
            {
                "version": budget.version,
                "amount": budget.amount,
                "non_benefit_amount": budget.non_benefit_amount,
                "reasons": budget.reasons,
            }
            if budget
            else {}
        )
        form = BudgetForm(initial=initial)
    return render(
        request,
        "grants/budget_form.html",
        {
            "form": form,
            "instrument": instrument,
            "year": year,
            "budget": budget,
            "history": selectors.budget_history(budget=budget) if budget else [],
        },
        status=status,
    )


@granters
def grant_create(request, job_seeker_id: int):
    job_seeker = jobseeker_selectors.jobseeker_get(
        user=request.user, id=job_seeker_id, purpose=PURPOSE
    )
    if not request.user.has_perm("grants.add_grant", job_seeker):
        raise PermissionDeniedError(code="grant-create-denied")
    instruments = selectors.grantable_instruments(
        user=request.user, municipality_id=job_seeker.municipality_id
    )
    status = 200
    if request.method == "POST":
        form = GrantForm(request.POST, instruments=instruments)
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            try:
                result = services.grant_award(
                    user=request.user,
                    job_seeker_id=job_seeker.pk,
                    instrument_id=d["instrument"],
                    amount=d["amount"],
                    reason=d["reason"],
                    granted_on=d["granted_on"],
                )
            except DomainError as error:
                status = refusal_status(form, error)
            else:
                if result.warning:
                    messages.warning(request, result.warning)
                messages.success(request, _("The instrument is granted."))
                return redirect("jobseekers:detail", id=job_seeker.pk)
    else:
        form = GrantForm(instruments=instruments)
    spending = (
        {
            s.instrument.pk: s
            for s in selectors.budget_spending(user=request.user, year=clock.today().year)
        }
        if request.user.has_perm("grants.list_budget")
        else {}
    )
    return render(
        request,
        "grants/grant_form.html",
        {
            "form": form,
            "js": job_seeker,
            "spending": [spending[i.pk] for i in instruments if i.pk in spending],
            "year": clock.today().year,
        },
        status=status,
    )


@require_POST
@granters
def grant_cancel(request, id: int):
    grant = selectors.grant_get(user=request.user, id=id, purpose=PURPOSE, for_action="cancel")
    form = GrantCancelForm(request.POST)
    if form.is_valid():
        try:
            services.grant_cancel(
                user=request.user,
                grant_id=grant.pk,
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            )
        except AccessError:
            raise
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The grant is cancelled."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
    return redirect("jobseekers:detail", id=grant.job_seeker_id)
