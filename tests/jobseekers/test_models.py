"""The job-seeker file's row invariants (JS1): age, duration, rung, profile review."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import JobSeekerFactory, MunicipalityFactory, MunicipalitySettingsFactory
from werkpad.jobseekers.models import JobSeeker, LadderRung, profile_overdue_q

NOW = dt.datetime(2026, 11, 23, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (dt.date(1980, 5, 17), dt.date(2026, 5, 16), 45),
        (dt.date(1980, 5, 17), dt.date(2026, 5, 17), 46),
        (dt.date(2000, 2, 29), dt.date(2026, 2, 28), 25),
        (dt.date(2000, 2, 29), dt.date(2026, 3, 1), 26),
    ],
)
def test_age_turns_on_the_birthday(born, on, age):
    assert JobSeeker(birth_date=born).age_on(on) == age


@pytest.mark.parametrize(
    ("since", "on", "months"),
    [
        (dt.date(2025, 11, 23), dt.date(2026, 11, 23), 12),
        (dt.date(2025, 11, 24), dt.date(2026, 11, 23), 11),
        (dt.date(2026, 11, 23), dt.date(2026, 11, 23), 0),
        (dt.date(2026, 12, 1), dt.date(2026, 11, 23), 0),
    ],
)
def test_unemployment_duration_counts_whole_months(since, on, months):
    assert JobSeeker(unemployed_since=since).unemployed_months(on) == months


@pytest.mark.parametrize(
    ("rung", "policy"),
    [(1, "activation"), (4, "activation"), (5, "labour_market"), (6, "labour_market")],
)
def test_rungs_1_to_4_are_activation_and_5_to_6_labour_market_policy(rung, policy):
    assert LadderRung.policy(rung) == policy
    assert JobSeeker(ladder_rung=rung).policy == policy


def test_the_list_shows_a_masked_bsn_and_the_full_name():
    job_seeker = JobSeeker(bsn="123456782", first_name="Sanne", last_name="de Vries")
    assert job_seeker.masked_bsn == "******782"
    assert job_seeker.full_name == "Sanne de Vries"
    assert str(job_seeker) == "Sanne de Vries"


@pytest.mark.time_machine(NOW)
class TestProfileReview:
    """JS1: a profile not reviewed for the municipality's period is flagged."""

    def test_a_profile_is_due_the_period_after_its_last_review(self):
        job_seeker = JobSeekerFactory(profile_reviewed_on=dt.date(2026, 5, 23))
        assert job_seeker.profile_review_due() == dt.date(2026, 11, 23)
        assert not job_seeker.profile_overdue()
        assert job_seeker.profile_overdue(dt.date(2026, 11, 24))

    def test_the_period_is_a_setting_of_the_municipality(self):
        strict = MunicipalityFactory(name="Zaanstad", cbs_code="GM0479")
        MunicipalitySettingsFactory(municipality=strict, profile_review_months=3)
        job_seeker = JobSeekerFactory(municipality=strict, profile_reviewed_on=dt.date(2026, 8, 1))
        assert job_seeker.profile_review_due() == dt.date(2026, 11, 1)
        assert job_seeker.profile_overdue()

    def test_the_database_query_agrees_with_the_model_for_every_municipality(self):
        """Municipalities with a settings row and one without (the default, 6 months)."""
        strict = MunicipalityFactory(name="Zaanstad", cbs_code="GM0479")
        MunicipalitySettingsFactory(municipality=strict, profile_review_months=3)
        lenient = MunicipalityFactory(name="Diemen", cbs_code="GM0384")
        MunicipalitySettingsFactory(municipality=lenient, profile_review_months=12)
        files = [
            JobSeekerFactory(municipality=lenient, profile_reviewed_on=dt.date(2026, 1, 5)),
            JobSeekerFactory(municipality=lenient, profile_reviewed_on=dt.date(2025, 11, 22)),
            JobSeekerFactory(profile_reviewed_on=dt.date(2026, 5, 22)),  # 6 months: overdue
            JobSeekerFactory(profile_reviewed_on=dt.date(2026, 5, 23)),  # due today
            JobSeekerFactory(profile_overdue=True),
            JobSeekerFactory(),
            JobSeekerFactory(municipality=strict, profile_reviewed_on=dt.date(2026, 8, 22)),
            JobSeekerFactory(municipality=strict, profile_reviewed_on=dt.date(2026, 8, 23)),
        ]
        today = dt.date(2026, 11, 23)
        expected = {js.pk for js in files if js.profile_overdue(today)}
        found = set(JobSeeker.objects.filter(profile_overdue_q(today)).values_list("pk", flat=True))
        assert found == expected
        assert len(expected) == 4


@pytest.mark.time_machine(NOW)
class TestClean:
    def make(self, **kwargs):
        values = {
            "municipality": MunicipalityFactory(name="Amsterdam", cbs_code="GM0363"),
            "bsn": "123456782",
            "first_name": "Sanne",
            "last_name": "de Vries",
            "birth_date": dt.date(1990, 1, 1),
            "education_level": "mbo2",
            "benefit_type": "participatiewet",
            "unemployed_since": dt.date(2025, 1, 6),
            "ladder_rung": 3,
        }
        values.update(kwargs)
        return JobSeeker(**values)

    def errors(self, job_seeker) -> dict:
        with pytest.raises(ValidationError) as error:
            job_seeker.full_clean()
        return error.value.message_dict

    def test_a_complete_file_is_valid(self):
        self.make().full_clean()

    def test_a_birth_date_in_the_future_is_refused(self):
        assert "birth_date" in self.errors(self.make(birth_date=dt.date(2026, 11, 24)))

    def test_a_job_seeker_is_at_least_15(self):
        assert "birth_date" in self.errors(self.make(birth_date=dt.date(2011, 11, 24)))
        self.make(birth_date=dt.date(2011, 11, 23)).full_clean()

    def test_unemployment_cannot_start_in_the_future_or_before_birth(self):
        assert "unemployed_since" in self.errors(self.make(unemployed_since=dt.date(2026, 11, 24)))
        assert "unemployed_since" in self.errors(
            self.make(birth_date=dt.date(1990, 1, 1), unemployed_since=dt.date(1989, 12, 31))
        )

    @pytest.mark.parametrize("rung", [0, 7])
    def test_the_rung_is_1_to_6(self, rung):
        assert "ladder_rung" in self.errors(self.make(ladder_rung=rung))

    def test_the_bsn_must_pass_the_elfproef(self):
        assert "bsn" in self.errors(self.make(bsn="123456789"))


def test_the_database_refuses_a_rung_outside_1_to_6():
    job_seeker = JobSeekerFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        JobSeeker.objects.filter(pk=job_seeker.pk).update(ladder_rung=7)


def test_a_bsn_is_registered_once_per_municipality():
    first = JobSeekerFactory()
    JobSeekerFactory(other_municipality=True, bsn=first.bsn)
    with pytest.raises(IntegrityError), transaction.atomic():
        JobSeekerFactory(bsn=first.bsn)
