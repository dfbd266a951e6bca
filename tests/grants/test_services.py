"""Granting instruments and setting budgets (IN2): the non-benefit line taken from the
file at granting time, over the budget allowed but marked and warned about, cancelling,
the budget's history and optimistic locking, the audit rows in the same transaction,
and the spending figures on known data."""

from __future__ import annotations

from decimal import Decimal
from unittest import mock

import pytest

from tests.factories import InstrumentFactory, JobSeekerFactory, UserFactory
from tests.grants.conftest import NOW
from tests.grants.factories import BudgetFactory, GrantFactory
from werkpad.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.grants import selectors, services
from werkpad.grants.models import Budget, BudgetChange, Grant

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


def _award(user, job_seeker, instrument, amount="1500.00", **kwargs):
    return services.grant_award(
        user=user,
        job_seeker_id=job_seeker.pk,
        instrument_id=instrument.pk,
        amount=Decimal(amount),
        reason=kwargs.pop("reason", "Jobcoach voor de eerste maanden."),
        **kwargs,
    )


def test_a_grant_within_the_budget_is_made_without_a_warning_and_audited(
    caseworker, job_seeker, instrument
):
    BudgetFactory(instrument=instrument)
    result = _award(caseworker, job_seeker, instrument)
    grant = result.grant
    assert result.warning == ""
    assert (grant.year, grant.amount, grant.over_budget, grant.non_benefit) == (
        2026,
        Decimal("1500.00"),
        False,
        False,
    )
    event = AuditEvent.objects.get(object_type="grant", action=AuditEvent.Action.CREATE)
    assert event.job_seeker_id == job_seeker.pk and "amount" in event.fields


def test_a_non_benefit_job_seeker_is_recorded_at_granting_time(caseworker, amsterdam, instrument):
    person = JobSeekerFactory(municipality=amsterdam, benefit_type="none")
    grant = _award(caseworker, person, instrument).grant
    assert grant.non_benefit is True
    person.benefit_type = "participatiewet"
    person.save()
    grant.refresh_from_db()
    assert grant.non_benefit is True


def test_a_grant_beyond_the_budget_is_made_marked_and_warned_about(
    caseworker, job_seeker, instrument
):
    BudgetFactory(instrument=instrument, amount=Decimal("2000.00"))
    _award(caseworker, job_seeker, instrument, amount="1500.00")
    result = _award(caseworker, job_seeker, instrument, amount="600.00")
    assert result.grant.over_budget is True
    assert "500,00" in result.warning and "Jobcoaching" in result.warning
    assert Grant.objects.count() == 2


def test_the_non_benefit_line_has_its_own_remainder(caseworker, amsterdam, instrument):
    BudgetFactory(
        instrument=instrument, amount=Decimal("10000.00"), non_benefit_amount=Decimal("500.00")
    )
    person = JobSeekerFactory(municipality=amsterdam, benefit_type="none")
    result = _award(caseworker, person, instrument, amount="800.00")
    assert result.grant.over_budget is True and "500,00" in result.warning


def test_without_a_budget_a_grant_is_recorded_as_beyond_it(caseworker, job_seeker, instrument):
    result = _award(caseworker, job_seeker, instrument)
    assert result.grant.over_budget and result.warning


def test_a_grant_is_refused_with_dutch_messages_for_missing_fields(
    caseworker, job_seeker, amsterdam
):
    other = InstrumentFactory(municipality=amsterdam, inactive=True)
    with pytest.raises(InvalidInputError) as error:
        services.grant_award(
            user=caseworker,
            job_seeker_id=job_seeker.pk,
            instrument_id=other.pk,
            amount=None,
            reason=" ",
        )
    assert set(error.value.errors) == {"instrument", "amount", "reason"}
    assert not Grant.objects.exists()


def test_a_caseworker_of_another_municipality_cannot_grant(job_seeker, instrument, zaandam):
    stranger = UserFactory.with_role(Role.CASEWORKER, municipality=zaandam)
    with pytest.raises(NotFoundError):
        _award(stranger, job_seeker, instrument)
    policy = UserFactory.with_role(Role.POLICY_OFFICER, municipality=job_seeker.municipality)
    with pytest.raises((NotFoundError, PermissionDeniedError)):
        _award(policy, job_seeker, instrument)
    assert not Grant.objects.exists() and not AuditEvent.objects.filter(object_type="grant")


def test_cancelling_returns_the_amount_to_the_budget(caseworker, job_seeker, instrument):
    BudgetFactory(instrument=instrument)
    grant = _award(caseworker, job_seeker, instrument).grant
    services.grant_cancel(
        user=caseworker, grant_id=grant.pk, reason="Niet gestart.", expected_version=1
    )
    grant.refresh_from_db()
    assert grant.status == "cancelled" and grant.version == 2
    [line] = [r for r in selectors.budget_spending(user=caseworker, year=2026) if r.budget]
    assert line.granted == 0 and line.remaining == Decimal("10000.00")
    with pytest.raises(ConflictError):
        services.grant_cancel(user=caseworker, grant_id=grant.pk, reason="Nog eens.")


def test_a_stale_cancel_is_refused(caseworker, job_seeker, instrument):
    grant = GrantFactory(job_seeker=job_seeker, instrument=instrument)
    with pytest.raises(StaleEditError):
        services.grant_cancel(user=caseworker, grant_id=grant.pk, reason="x", expected_version=5)


def test_the_policy_officer_sets_a_budget_with_history_and_locking(policy_officer, instrument):
    budget = services.budget_set(
        user=policy_officer,
        instrument_id=instrument.pk,
        year=2026,
        amount=Decimal("5000"),
        non_benefit_amount=Decimal("1000"),
        reasons="Gelijk aan vorig jaar.",
    )
    services.budget_set(
        user=policy_officer,
        instrument_id=instrument.pk,
        year=2026,
        amount=Decimal("6000"),
        non_benefit_amount=Decimal("1500"),
        reasons="Meer niet-uitkeringsgerechtigden verwacht.",
        expected_version=1,
    )
    budget.refresh_from_db()
    assert (budget.version, budget.amount) == (2, Decimal("6000.00"))
    assert [h.amount for h in budget.history.all()] == [Decimal("6000.00"), Decimal("5000.00")]
    with pytest.raises(StaleEditError):
        services.budget_set(
            user=policy_officer,
            instrument_id=instrument.pk,
            year=2026,
            amount=Decimal("1"),
            non_benefit_amount=Decimal("0"),
            reasons="Oud.",
            expected_version=1,
        )
    assert AuditEvent.objects.filter(object_type="budget").count() == 2


def test_the_non_benefit_part_cannot_exceed_the_budget(policy_officer, instrument):
    with pytest.raises(InvalidInputError) as error:
        services.budget_set(
            user=policy_officer,
            instrument_id=instrument.pk,
            year=2026,
            amount=Decimal("100"),
            non_benefit_amount=Decimal("200"),
            reasons="",
        )
    assert set(error.value.errors) == {"non_benefit_amount", "reasons"}


def test_only_the_policy_officer_sets_budgets(caseworker, instrument):
    with pytest.raises(PermissionDeniedError):
        services.budget_set(
            user=caseworker,
            instrument_id=instrument.pk,
            year=2026,
            amount=Decimal("100"),
            non_benefit_amount=Decimal("0"),
            reasons="x",
        )
    assert not Budget.objects.exists()


def test_an_audit_failure_rolls_the_budget_back(policy_officer, instrument):
    with (
        mock.patch("werkpad.grants.services.audit_record", side_effect=RuntimeError),
        pytest.raises(RuntimeError),
    ):
        services.budget_set(
            user=policy_officer,
            instrument_id=instrument.pk,
            year=2026,
            amount=Decimal("100"),
            non_benefit_amount=Decimal("0"),
            reasons="x",
        )
    assert not Budget.objects.exists() and not BudgetChange.objects.exists()


def test_an_audit_failure_rolls_the_grant_back(caseworker, job_seeker, instrument):
    with (
        mock.patch("werkpad.grants.services.audit_record", side_effect=RuntimeError),
        pytest.raises(RuntimeError),
    ):
        _award(caseworker, job_seeker, instrument)
    assert not Grant.objects.exists()


def test_the_spending_figures_on_known_data(policy_officer, amsterdam, instrument):
    schooling = InstrumentFactory(municipality=amsterdam, type="schooling", name="Scholing")
    BudgetFactory(
        instrument=instrument, amount=Decimal("3000.00"), non_benefit_amount=Decimal("1000.00")
    )
    BudgetFactory(instrument=schooling, amount=Decimal("500.00"), non_benefit_amount=0)
    benefit = JobSeekerFactory(municipality=amsterdam, benefit_type="participatiewet")
    none = JobSeekerFactory(municipality=amsterdam, benefit_type="none")
    GrantFactory(job_seeker=benefit, instrument=instrument, amount=Decimal("1200.00"))
    GrantFactory(job_seeker=none, instrument=instrument, amount=Decimal("400.00"))
    GrantFactory(
        job_seeker=benefit, instrument=instrument, amount=Decimal("999"), status="cancelled"
    )
    GrantFactory(job_seeker=benefit, instrument=instrument, amount=Decimal("50"), year=2025)
    GrantFactory(job_seeker=none, instrument=schooling, amount=Decimal("750.00"))
    lines = {
        r.instrument.name: r for r in selectors.budget_spending(user=policy_officer, year=2026)
    }
    coaching, school = lines["Jobcoaching"], lines["Scholing"]
    assert (coaching.amount, coaching.granted, coaching.remaining, coaching.grants) == (
        Decimal("3000.00"),
        Decimal("1600.00"),
        Decimal("1400.00"),
        2,
    )
    assert (coaching.non_benefit_granted, coaching.non_benefit_remaining) == (
        Decimal("400.00"),
        Decimal("600.00"),
    )
    assert school.overspent and school.remaining == Decimal("-250.00")
    assert school.non_benefit_overspent


def test_the_spending_costs_the_same_queries_for_many_instruments(
    policy_officer, amsterdam, django_assert_num_queries
):
    for n in range(12):
        instrument = InstrumentFactory(municipality=amsterdam, name=f"Instrument {n}")
        BudgetFactory(instrument=instrument)
        GrantFactory(instrument=instrument, job_seeker=JobSeekerFactory(municipality=amsterdam))
    with django_assert_num_queries(4):
        rows = selectors.budget_spending(user=policy_officer, year=2026)
    assert len(rows) == 12
