"""Matching on real data (MA1): the engine's inputs come from the database in a flat
number of queries, carry no protected attribute, and the rankings respect the hard
limits, the municipality and who may see names."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from django.utils.html import escape

from tests.factories import JobSeekerFactory, UserFactory, VacancyFactory
from tests.matching.conftest import NOW
from tests.matching.factories import SearchProfileFactory
from werkpad.core.errors import InvalidInputError, NotFoundError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.employers.workflow import Status as VacancyStatus
from werkpad.matching import engine, selectors
from werkpad.matching.models import SearchProfile

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]

PROTECTED = {"gender", "birth_date", "age", "nationality", "labour_disability", "sheltered_work"}


def _profiles(amsterdam, n, **kwargs):
    return [
        SearchProfileFactory(job_seeker=JobSeekerFactory(municipality=amsterdam), **kwargs)
        for _ in range(n)
    ]


def test_engine_inputs_from_the_database_carry_no_protected_attribute(amsterdam):
    _profiles(amsterdam, 2)
    VacancyFactory(municipality=amsterdam)
    names = {f.name for f in dataclasses.fields(engine.JobSeekerProfile)}
    assert not names & PROTECTED
    assert not {field.split("__")[-1] for field in selectors.PROFILE_INPUT_FIELDS} & PROTECTED
    for profile in selectors.profile_inputs(SearchProfile.objects.all()):
        values = {str(v) for v in dataclasses.asdict(profile).values()}
        assert "female" not in values and "1980-05-17" not in values
    for vacancy in selectors.vacancy_inputs(selectors.open_vacancies()):
        assert vacancy.occupation_code == "9112"


def test_education_is_compared_in_order():
    assert selectors.education_rank("none") < selectors.education_rank("mbo2")
    assert selectors.education_rank("mbo2") < selectors.education_rank("hbo")
    assert selectors.education_rank("hbo") < selectors.education_rank("wo")


def test_candidates_are_ranked_and_the_hard_limits_hold(amsterdam, caseworker):
    vacancy = VacancyFactory(municipality=amsterdam, skills=["schoonmaken"])
    fits = SearchProfileFactory(job_seeker=JobSeekerFactory(municipality=amsterdam))
    other_job = SearchProfileFactory(
        job_seeker=JobSeekerFactory(municipality=amsterdam), occupation_codes=["5223"]
    )
    SearchProfileFactory(
        job_seeker=JobSeekerFactory(municipality=amsterdam), limitations=["no_standing"]
    )
    SearchProfileFactory(
        job_seeker=JobSeekerFactory(municipality=amsterdam),
        min_hours=Decimal("30"),
        max_hours=Decimal("40"),
    )
    SearchProfileFactory(job_seeker=JobSeekerFactory(municipality=amsterdam, left=True))
    SearchProfileFactory(job_seeker=JobSeekerFactory(other_municipality=True))
    _vacancy, ranked = selectors.vacancy_candidates(user=caseworker, vacancy_id=vacancy.pk)
    assert [c.job_seeker_id for c in ranked] == [fits.job_seeker_id, other_job.job_seeker_id]
    assert ranked[0].rank == 1 and ranked[0].score > ranked[1].score
    assert "beroep past (9112)" in ranked[0].explanation
    assert ranked[0].name == fits.job_seeker.full_name
    assert AuditEvent.objects.filter(object_type="matching", action="search").count() == 1


def test_the_employer_advisor_sees_pseudonyms_only(amsterdam, employer):
    vacancy = VacancyFactory(employer=employer)
    profile = SearchProfileFactory(job_seeker=JobSeekerFactory(municipality=amsterdam))
    _vacancy, ranked = selectors.vacancy_candidates(
        user=employer.contact_person, vacancy_id=vacancy.pk
    )
    assert ranked[0].name == "" and ranked[0].pseudonym == profile.pseudonym


def test_limitations_never_appear_in_an_explanation(amsterdam, employer):
    vacancy = VacancyFactory(employer=employer, conditions=[])
    SearchProfileFactory(
        job_seeker=JobSeekerFactory(municipality=amsterdam), limitations=["no_night_work"]
    )
    _vacancy, ranked = selectors.vacancy_candidates(
        user=employer.contact_person, vacancy_id=vacancy.pk
    )
    assert ranked and all(
        "night" not in c.explanation and "nacht" not in c.explanation for c in ranked
    )


def test_top_limits_the_ranking(amsterdam, caseworker):
    vacancy = VacancyFactory(municipality=amsterdam)
    _profiles(amsterdam, 5)
    _vacancy, ranked = selectors.vacancy_candidates(user=caseworker, vacancy_id=vacancy.pk, top=3)
    assert [c.rank for c in ranked] == [1, 2, 3]


@pytest.mark.parametrize("raw", ["0", "101", "-1", "twee", "1.5", "²", "9" * 50])
def test_a_bad_top_is_refused(raw):
    with pytest.raises(InvalidInputError) as refused:
        selectors.parse_top(raw)
    assert "top" in refused.value.errors


def test_top_defaults_to_20():
    assert selectors.parse_top(None) == 20
    assert selectors.parse_top("100") == 100


@pytest.mark.parametrize("n", [1, 10, 50])
def test_the_candidate_ranking_takes_a_flat_number_of_queries(
    amsterdam, caseworker, n, django_assert_num_queries
):
    vacancy = VacancyFactory(municipality=amsterdam)
    _profiles(amsterdam, n)
    caseworker = type(caseworker).objects.get(pk=caseworker.pk)
    # grants, the vacancy, the profiles, the details, the preselections, the audit row
    with django_assert_num_queries(6):
        selectors.vacancy_candidates(user=caseworker, vacancy_id=vacancy.pk, top=100)


@pytest.mark.parametrize("n", [1, 10, 50])
def test_the_vacancy_ranking_takes_a_flat_number_of_queries(
    amsterdam, caseworker, job_seeker, n, django_assert_num_queries
):
    SearchProfileFactory(job_seeker=job_seeker)
    vacancy = VacancyFactory(municipality=amsterdam)
    for _ in range(n - 1):
        VacancyFactory(employer=vacancy.employer)
    caseworker = type(caseworker).objects.get(pk=caseworker.pk)
    # grants, the job seeker, the profile row, the profile, the audit row, vacancies, details
    with django_assert_num_queries(7):
        _js, _profile, ranked = selectors.job_seeker_vacancy_matches(
            user=caseworker, job_seeker_id=job_seeker.pk, top=100
        )
    assert len(ranked) == n


def test_the_vacancy_ranking_leaves_out_closed_expired_and_far_vacancies(
    amsterdam, caseworker, job_seeker
):
    SearchProfileFactory(job_seeker=job_seeker)
    open_one = VacancyFactory(municipality=amsterdam)
    VacancyFactory(employer=open_one.employer, status=VacancyStatus.FILLED)
    VacancyFactory(employer=open_one.employer, expires_on=dt.date(2026, 11, 22))
    _js, _profile, ranked = selectors.job_seeker_vacancy_matches(
        user=caseworker, job_seeker_id=job_seeker.pk
    )
    assert [v.vacancy_id for v in ranked] == [open_one.pk]
    event = AuditEvent.objects.get(object_type="matching")
    assert event.job_seeker_id == job_seeker.pk and event.action == "read"


def test_without_a_profile_there_is_no_ranking(caseworker, job_seeker):
    _js, profile, ranked = selectors.job_seeker_vacancy_matches(
        user=caseworker, job_seeker_id=job_seeker.pk
    )
    assert profile is None and ranked == []


def test_others_do_not_reach_a_ranking(amsterdam, zaandam, job_seeker):
    vacancy = VacancyFactory(municipality=amsterdam)
    for user in (
        UserFactory.with_role(Role.CASEWORKER, municipality=zaandam),
        UserFactory.with_role(Role.COACH, municipality=amsterdam),
        UserFactory.with_role(Role.POLICY_OFFICER, municipality=amsterdam),
    ):
        with pytest.raises(NotFoundError):
            selectors.vacancy_candidates(user=user, vacancy_id=vacancy.pk)
        with pytest.raises(NotFoundError):
            selectors.job_seeker_vacancy_matches(user=user, job_seeker_id=job_seeker.pk)


def test_the_pages_show_the_rankings(client, amsterdam, caseworker, job_seeker, employer):
    vacancy = VacancyFactory(employer=employer)
    profile = SearchProfileFactory(job_seeker=job_seeker)
    client.force_login(caseworker)
    page = client.get(f"/matching/vacatures/{vacancy.pk}/kandidaten/").content.decode()
    assert escape(job_seeker.last_name) in page and profile.pseudonym in page
    page = client.get(f"/matching/werkzoekenden/{job_seeker.pk}/vacatures/").content.decode()
    assert vacancy.title in page
    client.force_login(employer.contact_person)
    page = client.get(f"/matching/vacatures/{vacancy.pk}/kandidaten/").content.decode()
    assert profile.pseudonym in page and escape(job_seeker.last_name) not in page
    assert vacancy.title in client.get("/matching/vacatures/").content.decode()


def test_the_advisor_proposes_and_takes_back(client, amsterdam, job_seeker, employer):
    from werkpad.matching.models import Preselection

    vacancy = VacancyFactory(employer=employer)
    SearchProfileFactory(job_seeker=job_seeker)
    client.force_login(employer.contact_person)
    url = f"/matching/vacatures/{vacancy.pk}/voordracht/"
    assert client.post(url, {"job_seeker": job_seeker.pk}).status_code == 302
    preselection = Preselection.objects.get()
    assert preselection.proposed_by == employer.contact_person
    _v, ranked = selectors.vacancy_candidates(user=employer.contact_person, vacancy_id=vacancy.pk)
    assert ranked[0].preselected
    assert client.post(url, {"job_seeker": job_seeker.pk, "remove": "on"}).status_code == 302
    assert not Preselection.objects.exists()
