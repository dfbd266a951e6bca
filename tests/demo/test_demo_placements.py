"""The demo's grants, budgets, referrals and placements (IN2, MA2-MA4): budgets with
reasons, grants for non-benefit job seekers and a budget overspent, referrals in every
state with one conflict of interest, a placement for every filled vacancy with a fitting
job seeker, and follow-ups due, done and overdue for ``klantmanager``."""

from __future__ import annotations

import pytest

from tests.demo.test_demo import demo  # noqa: F401  (the class-scoped demo fixture)
from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.permissions import scope_of
from werkpad.core.worklist import worklist_for
from werkpad.employers.models import Vacancy
from werkpad.employers.workflow import Status as VacancyStatus
from werkpad.grants import selectors as grant_selectors
from werkpad.grants.models import Budget, Grant
from werkpad.instruments.models import Instrument
from werkpad.jobseekers.models import EducationLevel
from werkpad.placements.models import FollowUp, Placement, SelfEmploymentRoute, VacancyReferral
from werkpad.placements.workflow import Status

LEVELS = list(EducationLevel.values)


@pytest.mark.django_db
class TestDemoPlacements:
    def test_every_active_instrument_has_this_years_budget_with_reasons(self, demo):  # noqa: F811
        policy = User.objects.get(username="beleid")
        municipality_id = scope_of(policy).primary.municipality_id
        instruments = Instrument.objects.filter(municipality_id=municipality_id, active=True)
        budgets = Budget.objects.filter(year=clock.today().year, instrument__in=instruments)
        assert budgets.count() == instruments.count()
        assert all(b.reasons and b.history.exists() for b in budgets)
        assert all(b.non_benefit_amount <= b.amount for b in budgets)

    def test_grants_for_non_benefit_job_seekers_and_a_budget_overspent(self, demo):  # noqa: F811
        assert Grant.objects.filter(non_benefit=True, job_seeker__benefit_type="none").exists()
        assert (
            not Grant.objects.filter(non_benefit=True)
            .exclude(job_seeker__benefit_type="none")
            .exists()
        )
        assert Grant.objects.filter(status="cancelled").exclude(cancel_reason="").exists()
        policy = User.objects.get(username="beleid")
        rows = grant_selectors.budget_spending(user=policy, year=clock.today().year)
        assert any(r.overspent for r in rows)
        assert any(r.non_benefit_granted > 0 for r in rows)

    def test_referrals_in_every_state_and_one_conflict_of_interest(self, demo):  # noqa: F811
        assert set(VacancyReferral.objects.values_list("status", flat=True)) == set(Status.values)
        conflict = VacancyReferral.objects.get(conflict_of_interest=True)
        assert conflict.conflict_confirmed and conflict.conflict_reason
        assert conflict.vacancy.employer.name == "Logistiek Centrum Westpoort B.V."
        for referral in VacancyReferral.objects.all():
            history = list(referral.history.order_by("changed_at", "pk"))
            assert history[0].to_status == Status.PENDING
            assert history[-1].to_status == referral.status
            assert [h.changed_at for h in history] == sorted(h.changed_at for h in history)

    def test_every_filled_vacancy_has_a_placement_from_its_hired_referral(self, demo):  # noqa: F811
        filled = Vacancy.objects.filter(status=VacancyStatus.FILLED)
        assert filled.exists()
        for vacancy in filled:
            placement = Placement.objects.get(vacancy=vacancy)
            assert placement.referral.status == Status.HIRED
            assert placement.referral.referred_on <= placement.start_date <= clock.today()
            assert placement.employer == vacancy.employer

    def test_the_people_fit_the_vacancies(self, demo):  # noqa: F811
        rows = [
            (r.job_seeker.education_level, r.vacancy.min_education_level)
            for r in VacancyReferral.objects.select_related("job_seeker", "vacancy")
        ]
        for have, asked in rows:
            assert LEVELS.index(have) >= LEVELS.index(asked)
        for placement in Placement.objects.all():
            assert 18 <= placement.job_seeker.age_on(placement.start_date) <= 67

    def test_follow_ups_due_done_and_overdue_for_klantmanager(self, demo):  # noqa: F811
        today = clock.today()
        caseworker = User.objects.get(username="klantmanager")
        theirs = FollowUp.objects.filter(placement__job_seeker__contact_person=caseworker)
        assert theirs.filter(done_on__isnull=False, still_in_work=True).exists()
        assert theirs.filter(done_on__isnull=True, due_on__lt=today).exists()
        assert theirs.filter(done_on__isnull=True, due_on__gte=today).exists()
        section = next(s for s in worklist_for(caseworker) if s.key == "placements-follow-ups")
        assert section.count >= 2
        assert any(i.overdue for i in section.items) and any(not i.overdue for i in section.items)

    def test_a_self_found_job_with_an_instrument_and_one_under_the_minimum_subsidised(
        self,
        demo,  # noqa: F811
    ):
        found = Placement.objects.get(self_found=True)
        assert found.employer is None and found.employer_name and found.grants.exists()
        subsidised = Placement.objects.get(below_minimum_with_subsidy=True)
        assert subsidised.grants.filter(instrument__type="wage_cost_subsidy_lasting").exists()
        assert subsidised.minimum_wage > subsidised.hourly_wage

    def test_werkgever_sees_the_placement_at_the_bakery(self, demo):  # noqa: F811
        from werkpad.placements.selectors import placement_scope

        employer = User.objects.get(username="werkgever")
        assert placement_scope(user=employer).exists()

    def test_a_route_to_self_employment(self, demo):  # noqa: F811
        route = SelfEmploymentRoute.objects.get()
        assert route.information_given_on <= route.bbz_referred_on <= clock.today()
