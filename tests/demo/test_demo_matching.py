"""The demo's matching (MA1, EM6): search profiles that fit, the candidate file with the
``werkzoekende`` login in it, introductions waiting and agreed, preselections."""

from __future__ import annotations

import pytest
from django.utils.html import escape

from tests.access import page_client
from tests.demo.test_demo import demo  # noqa: F401  (the class-scoped demo fixture)
from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.employers.models import Vacancy
from werkpad.jobseekers.models import JobSeeker
from werkpad.matching import engine, selectors
from werkpad.matching.models import IntroductionRequest, Preselection, SearchProfile
from werkpad.matching.workflow import Status


@pytest.mark.django_db
class TestDemoMatching:
    def test_current_job_seekers_of_the_main_municipality_have_a_fitting_profile(
        self,
        demo,  # noqa: F811
    ):
        login = JobSeeker.objects.get(user__username="werkzoekende")
        current = JobSeeker.objects.filter(municipality=login.municipality, left_on__isnull=True)
        profiles = SearchProfile.objects.filter(job_seeker__in=current)
        assert profiles.count() == current.count()
        for profile in profiles.select_related("job_seeker"):
            assert profile.occupation_codes and all(
                len(c) == 4 and c.isdigit() for c in profile.occupation_codes
            )
            assert profile.min_hours <= profile.max_hours
            if "zorg" in profile.job_seeker.wishes.lower():
                assert profile.occupation_codes[0] == "5321"
            if profile.confirmed_current_on:
                assert profile.created_at.date() <= profile.confirmed_current_on <= clock.today()
        current_share = sum(selectors.is_current(p) for p in profiles) / profiles.count()
        assert current_share > 0.7

    def test_the_login_is_in_the_candidate_file_with_a_request_waiting(self, demo):  # noqa: F811
        employer = User.objects.get(username="werkgever")
        login = JobSeeker.objects.get(user__username="werkzoekende")
        _employer, cards = selectors.candidate_list(user=employer)
        assert login.search_profile.pseudonym in {c.pseudonym for c in cards}
        waiting = IntroductionRequest.objects.get(job_seeker=login)
        assert waiting.status == Status.REQUESTED
        # The employer asks for an open vacancy that fits the login: no hard limit broken.
        (me,) = selectors.profile_inputs(SearchProfile.objects.filter(job_seeker=login))
        (asked,) = selectors.vacancy_inputs(Vacancy.objects.filter(pk=waiting.vacancy_id))
        assert engine.eligible(me, asked)
        assert waiting.vacancy.employer == waiting.employer
        own = page_client(login.user).get("/mijn/kennismakingen/")
        assert own.status_code == 200 and waiting.employer.name in own.content.decode()
        # werkgever waits for an answer too.
        assert IntroductionRequest.objects.filter(
            employer__organisation__name="Bakkerij Van der Molen B.V.", status=Status.REQUESTED
        ).exists()
        home = page_client(login.user).get("/mijn/").content.decode()
        assert 'id="introduction-requests"' in home
        page = page_client(employer).get("/kandidaten/").content.decode()
        assert login.last_name not in page and login.bsn not in page

    def test_werkgever_sees_a_name_after_an_agreement(self, demo):  # noqa: F811
        employer = User.objects.get(username="werkgever")
        agreed = IntroductionRequest.objects.get(status=Status.AGREED)
        assert agreed.requested_at < agreed.answered_at <= clock.now()
        page = page_client(employer).get(f"/kandidaten/kennismakingen/{agreed.pk}/")
        assert escape(agreed.job_seeker.last_name) in page.content.decode()
        assert agreed.job_seeker.bsn not in page.content.decode()

    def test_the_advisor_proposed_candidates(self, demo):  # noqa: F811
        advisor = User.objects.get(username="werkgeversadviseur")
        proposals = Preselection.objects.filter(proposed_by=advisor).select_related("vacancy")
        assert proposals.count() >= 3
        for proposal in proposals:
            assert proposal.vacancy.received_at <= proposal.proposed_at <= clock.now()
        vacancy = proposals.first().vacancy
        _v, ranked = selectors.vacancy_candidates(user=advisor, vacancy_id=vacancy.pk)
        assert any(c.preselected for c in ranked)
        assert page_client(advisor).get("/matching/marktplan/").status_code == 200
