"""Referrals to vacancies and placements (MA2-MA4): the referral's result and history,
the conflict of interest from the provider register, the minimum-wage check by age and
date with the wage-cost subsidy exception, the referral hired with its placement, the
follow-ups at 6 and 12 months, the audit rows in the same transaction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from unittest import mock

import pytest
import time_machine

from tests.factories import JobSeekerFactory, ProviderFactory, UserFactory, VacancyFactory
from tests.grants.factories import GrantFactory
from tests.placements.conftest import NOW
from tests.placements.factories import PlacementFactory
from werkpad.core.errors import (
    ConflictError,
    DomainError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.lifecycle import TransitionRefusedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.placements import services
from werkpad.placements.models import FollowUp, Placement, SelfEmploymentRoute, VacancyReferral

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


def _refer(user, job_seeker, vacancy, **kwargs):
    return services.referral_create(
        user=user, job_seeker_id=job_seeker.pk, vacancy_id=vacancy.pk, **kwargs
    )


# --- referrals ---------------------------------------------------------------------------


def test_a_caseworker_refers_with_the_support_given_and_it_is_audited(
    caseworker, job_seeker, vacancy
):
    referral = _refer(caseworker, job_seeker, vacancy, support="Sollicitatiegesprek geoefend.")
    assert (referral.status, referral.conflict_of_interest) == ("pending", False)
    assert [h.to_status for h in referral.history.all()] == ["pending"]
    assert AuditEvent.objects.filter(
        object_type="vacancy referral", action="create", job_seeker_id=job_seeker.pk
    ).exists()


def test_the_employer_advisor_refers_to_the_vacancies_of_the_register(
    employer_advisor, job_seeker, vacancy
):
    referral = _refer(employer_advisor, job_seeker, vacancy)
    assert referral.referred_by == employer_advisor


def test_a_second_open_referral_to_the_same_vacancy_is_refused(caseworker, job_seeker, vacancy):
    _refer(caseworker, job_seeker, vacancy)
    with pytest.raises(InvalidInputError) as error:
        _refer(caseworker, job_seeker, vacancy)
    assert "vacancy" in error.value.errors


def test_a_filled_vacancy_takes_no_referral(caseworker, job_seeker, employer):
    filled = VacancyFactory(employer=employer, status="filled")
    with pytest.raises(InvalidInputError):
        _refer(caseworker, job_seeker, filled)


def test_a_conflict_of_interest_needs_confirming_and_is_recorded_with_the_reason(
    caseworker, job_seeker, vacancy, provider, running_trajectory
):
    provider.affiliated_organisations.add(vacancy.employer.organisation)
    with pytest.raises(InvalidInputError) as error:
        _refer(caseworker, job_seeker, vacancy)
    message = error.value.errors["conflict_confirmed"][0]
    assert "belangenverstrengeling" in message and "Werkkracht BV" in message
    assert not VacancyReferral.objects.exists()
    referral = _refer(caseworker, job_seeker, vacancy, conflict_confirmed=True)
    assert referral.conflict_of_interest and referral.conflict_confirmed
    assert "Werkkracht BV" in referral.conflict_reason


def test_a_conflict_through_a_subcontractor_counts_too(
    caseworker, job_seeker, vacancy, provider, running_trajectory, amsterdam
):
    sub = ProviderFactory(municipality=amsterdam, name="Onderaannemer BV")
    provider.subcontractors.add(sub)
    sub.affiliated_organisations.add(vacancy.employer.organisation)
    conflict = services.referral_conflict(job_seeker=job_seeker, vacancy=vacancy)
    assert conflict.found and "Onderaannemer BV" in conflict.reason


def test_no_conflict_without_a_running_trajectory(caseworker, job_seeker, vacancy, provider):
    provider.affiliated_organisations.add(vacancy.employer.organisation)
    assert not services.referral_conflict(job_seeker=job_seeker, vacancy=vacancy).found


def test_the_result_steps_follow_the_lifecycle(caseworker, job_seeker, vacancy):
    referral = _refer(caseworker, job_seeker, vacancy)
    services.referral_result(
        user=caseworker, referral_id=referral.pk, step="invite", expected_version=1
    )
    with pytest.raises(StaleEditError):
        services.referral_result(
            user=caseworker, referral_id=referral.pk, step="reject", expected_version=1
        )
    with pytest.raises(InvalidInputError):
        services.referral_result(user=caseworker, referral_id=referral.pk, step="reject")
    services.referral_result(
        user=caseworker, referral_id=referral.pk, step="reject", reason="Ander gekozen."
    )
    referral.refresh_from_db()
    assert [h.to_status for h in referral.history.all()] == ["pending", "invited", "rejected"]
    with pytest.raises(TransitionRefusedError):
        services.referral_result(
            user=caseworker, referral_id=referral.pk, step="withdraw", reason="x"
        )


def test_someone_of_another_municipality_sees_no_referral(job_seeker, vacancy, caseworker, zaandam):
    referral = _refer(caseworker, job_seeker, vacancy)
    stranger = UserFactory.with_role(Role.CASEWORKER, municipality=zaandam)
    with pytest.raises(NotFoundError):
        services.referral_result(user=stranger, referral_id=referral.pk, step="invite")
    with pytest.raises(NotFoundError):
        _refer(stranger, job_seeker, vacancy)
    referral.refresh_from_db()
    assert referral.status == "pending"


# --- the minimum-wage check ---------------------------------------------------------------


def _place(user, job_seeker, wage, *, start=dt.date(2026, 3, 2), grants=(), **kwargs):
    data = services.PlacementInput(
        start_date=start,
        contract_type=kwargs.pop("contract_type", "fixed_term"),
        hours_per_week=Decimal("32"),
        hourly_wage=Decimal(wage),
        job_title=kwargs.pop("job_title", "Magazijnmedewerker"),
        employer_name=kwargs.pop("employer_name", "Groothandel Noord"),
        grant_ids=[g.pk for g in grants],
        **kwargs,
    )
    return services.placement_create(user=user, job_seeker_id=job_seeker.pk, data=data)


@pytest.mark.parametrize(
    ("born", "at_minimum", "just_under"),
    [
        # 21 on the start date: the adult minimum of 1 January 2026
        (dt.date(2005, 3, 1), "14.71", "14.70"),
        # 30: the same adult minimum
        (dt.date(1996, 1, 15), "14.71", "14.70"),
    ],
)
def test_the_wage_is_checked_against_the_minimum_for_the_age_on_the_start_date(
    caseworker, amsterdam, born, at_minimum, just_under
):
    person = JobSeekerFactory(municipality=amsterdam, birth_date=born)
    with pytest.raises(DomainError) as error:
        _place(caseworker, person, just_under)
    assert error.value.code == "below-minimum-wage" and error.value.field == "hourly_wage"
    assert "14,71" in error.value.message and "loonkostensubsidie" in error.value.message
    assert not Placement.objects.exists()
    placement = _place(caseworker, person, at_minimum).placement
    assert (placement.wage_check, placement.minimum_wage) == ("passed", Decimal("14.71"))


def test_the_minimum_of_the_start_date_applies(caseworker, amsterdam):
    """The minimum changes by date: 14.40 in the second half of 2025."""
    person = JobSeekerFactory(municipality=amsterdam, birth_date=dt.date(1996, 1, 15))
    with time_machine.travel(dt.datetime(2025, 10, 1, 10, tzinfo=NOW.tzinfo), tick=False):
        placement = _place(caseworker, person, "14.40", start=dt.date(2025, 10, 1)).placement
        assert placement.minimum_wage == Decimal("14.40")
        with pytest.raises(DomainError):
            _place(caseworker, person, "14.39", start=dt.date(2025, 10, 1))


def test_a_twenty_year_old_has_the_youth_minimum(caseworker, amsterdam):
    person = JobSeekerFactory(municipality=amsterdam, birth_date=dt.date(2005, 6, 1))
    placement = _place(caseworker, person, "11.77").placement
    assert placement.minimum_wage == Decimal("11.77")


def test_below_the_minimum_with_a_wage_cost_subsidy_is_recorded(caseworker, job_seeker, subsidy):
    grant = GrantFactory(job_seeker=job_seeker, instrument=subsidy, granted_on=dt.date(2026, 2, 1))
    placement = _place(caseworker, job_seeker, "12.00", grants=[grant]).placement
    assert placement.wage_check == "below_minimum" and placement.below_minimum_with_subsidy
    assert list(placement.grants.all()) == [grant]


def test_another_instrument_does_not_lift_the_minimum(caseworker, job_seeker, amsterdam):
    grant = GrantFactory(job_seeker=job_seeker)
    with pytest.raises(DomainError):
        _place(caseworker, job_seeker, "12.00", grants=[grant])


def test_a_start_after_the_table_waits_for_the_rate(caseworker, job_seeker):
    placement = _place(caseworker, job_seeker, "10.00", start=dt.date(2026, 7, 6)).placement
    assert placement.wage_check == "waiting_for_rate" and placement.minimum_wage is None


# --- placements and follow-ups --------------------------------------------------------------


def test_a_placement_from_a_referral_hires_and_tells_when_the_vacancy_is_filled(
    caseworker, job_seeker, vacancy
):
    referral = _refer(caseworker, job_seeker, vacancy)
    result = services.placement_create(
        user=caseworker,
        job_seeker_id=job_seeker.pk,
        data=services.PlacementInput(
            referral_id=referral.pk,
            start_date=dt.date(2026, 3, 9),
            contract_type="fixed_term",
            hours_per_week=Decimal("24"),
            hourly_wage=Decimal("15.10"),
        ),
    )
    placement = result.placement
    referral.refresh_from_db()
    assert referral.status == "hired" and placement.referral == referral
    assert placement.employer == vacancy.employer and placement.job_title == vacancy.title
    assert result.vacancy_filled
    vacancy.refresh_from_db()
    assert vacancy.status == "received"  # the employer service closes it, not placements


def test_the_follow_ups_are_due_at_6_and_12_months(caseworker, job_seeker):
    placement = _place(caseworker, job_seeker, "15.00", start=dt.date(2026, 3, 2)).placement
    assert [(f.months, f.due_on) for f in placement.follow_ups.all()] == [
        (6, dt.date(2026, 9, 2)),
        (12, dt.date(2027, 3, 2)),
    ]


def test_a_follow_up_turns_overdue_past_its_due_date(caseworker, job_seeker):
    placement = PlacementFactory(job_seeker=job_seeker)
    six = placement.follow_ups.get(months=6)
    assert six.due_on == dt.date(2026, 9, 1)
    with time_machine.travel(dt.datetime(2026, 8, 31, 10, tzinfo=NOW.tzinfo), tick=False):
        assert not six.overdue()
    with time_machine.travel(dt.datetime(2026, 9, 1, 10, tzinfo=NOW.tzinfo), tick=False):
        assert not six.overdue()
    with time_machine.travel(dt.datetime(2026, 9, 2, 11, tzinfo=NOW.tzinfo), tick=False):
        assert six.overdue()


def test_recording_a_follow_up(caseworker, job_seeker):
    placement = PlacementFactory(job_seeker=job_seeker)
    with pytest.raises(InvalidInputError) as error:
        services.follow_up_record(
            user=caseworker, placement_id=placement.pk, months=6, still_in_work=True
        )
    assert "working_for" in error.value.errors
    follow_up = services.follow_up_record(
        user=caseworker,
        placement_id=placement.pk,
        months=6,
        still_in_work=True,
        working_for="Bakkerij Van der Molen",
        notes="Gaat goed.",
    )
    assert follow_up.done and follow_up.done_by == caseworker
    with pytest.raises(ConflictError):
        services.follow_up_record(
            user=caseworker, placement_id=placement.pk, months=6, still_in_work=False
        )


def test_an_employer_advisor_records_no_placement_or_follow_up(
    employer_advisor, job_seeker, employer
):
    with pytest.raises((NotFoundError, PermissionDeniedError)):
        _place(employer_advisor, job_seeker, "15.00")
    placement = PlacementFactory(job_seeker=job_seeker, employer=employer)
    with pytest.raises(PermissionDeniedError):
        services.follow_up_record(
            user=employer_advisor, placement_id=placement.pk, months=6, still_in_work=False
        )
    assert not FollowUp.objects.filter(done_on__isnull=False).exists()


def test_a_self_found_job_needs_the_employers_name(caseworker, job_seeker):
    with pytest.raises(InvalidInputError) as error:
        _place(caseworker, job_seeker, "15.00", employer_name="", self_found=True)
    assert "employer_name" in error.value.errors
    placement = _place(caseworker, job_seeker, "15.00", self_found=True).placement
    assert placement.self_found and placement.employer_label == "Groothandel Noord"


def test_an_audit_failure_rolls_the_placement_back(caseworker, job_seeker, vacancy):
    referral = _refer(caseworker, job_seeker, vacancy)
    with (
        mock.patch("werkpad.placements.services.audit_record", side_effect=RuntimeError),
        pytest.raises(RuntimeError),
    ):
        services.placement_create(
            user=caseworker,
            job_seeker_id=job_seeker.pk,
            data=services.PlacementInput(
                referral_id=referral.pk,
                start_date=dt.date(2026, 3, 9),
                contract_type="permanent",
                hours_per_week=Decimal("24"),
                hourly_wage=Decimal("15.10"),
            ),
        )
    referral.refresh_from_db()
    assert referral.status == "pending"
    assert not Placement.objects.exists() and not FollowUp.objects.exists()


def test_the_self_employment_route(caseworker, job_seeker):
    route = services.self_employment_route_create(
        user=caseworker,
        job_seeker_id=job_seeker.pk,
        information_given_on=dt.date(2026, 2, 1),
        bbz_referred_on=dt.date(2026, 2, 15),
        notes="Wil een schoonmaakbedrijf beginnen.",
    )
    assert route.outcome == "open"
    with pytest.raises(InvalidInputError):
        services.self_employment_route_create(
            user=caseworker,
            job_seeker_id=job_seeker.pk,
            information_given_on=dt.date(2026, 2, 1),
            bbz_referred_on=dt.date(2026, 1, 15),
        )
    assert SelfEmploymentRoute.objects.count() == 1


def test_a_waiting_check_runs_again_when_the_rate_is_entered(caseworker, job_seeker):
    from werkpad.core.minimum_wage import minimum_wage_add, waiting_checks

    low = _place(caseworker, job_seeker, "14.80", start=dt.date(2026, 7, 6)).placement
    high = _place(caseworker, job_seeker, "16.00", start=dt.date(2026, 8, 3)).placement
    assert waiting_checks()[dt.date(2026, 7, 1)] >= 2
    found = minimum_wage_add(
        valid_from=dt.date(2026, 7, 1), adult_hourly=Decimal("15.00"), source="SZW"
    )
    assert found.recheck.below_minimum >= 1
    low.refresh_from_db()
    high.refresh_from_db()
    assert (low.wage_check, low.minimum_wage) == ("below_minimum", Decimal("15.00"))
    assert high.wage_check == "passed"
