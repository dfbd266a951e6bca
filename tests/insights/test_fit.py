"""Which programme fits a job seeker (PR3): the filter, the ranking by outcomes of similar
job seekers, the page on the file, the audit and who may see it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    JobSeekerFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.core.errors import PermissionDeniedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.insights.fit import programme_fit_list
from werkpad.jobseekers.models import LadderRungChange
from werkpad.providers import matching
from werkpad.trajectories.models import EndReport

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture
def provider(amsterdam):
    return ProviderFactory(municipality=amsterdam, name="Amstelwerk")


@pytest.fixture
def min_cell(settings):
    settings.WERKPAD_MIN_CELL = 3
    return 3


def programme(provider, name, **kwargs):
    return ProgrammeFactory(provider=provider, name=name, **kwargs)


def names(fit) -> list[str]:
    return [row.programme.name for row in fit]


def finish(programme, outcomes, *, status="completed", **job_seeker):
    """One finished trajectory of a job seeker like the default one per outcome
    (None: ended early without an end report)."""
    job_seeker.setdefault("municipality", programme.municipality)
    for outcome in outcomes:
        trajectory = TrajectoryFactory(
            job_seeker=JobSeekerFactory(**job_seeker),
            programme=programme,
            **({"ended_early": True} if outcome is None else {status: True}),
        )
        if outcome is not None:
            EndReport.objects.create(trajectory=trajectory, outcome=outcome)


# --- the pure rules ---------------------------------------------------------------------


def test_groups_are_derived_from_the_file():
    base = {
        "age": 40,
        "attention_older": False,
        "attention_higher_educated": False,
        "attention_psychological": False,
        "labour_disability": False,
        "benefit_type": "participatiewet",
        "include_restricted": True,
    }
    assert matching.job_seeker_groups(**base) == frozenset()
    assert matching.job_seeker_groups(**{**base, "age": 26}) == {"young"}
    assert matching.job_seeker_groups(**{**base, "age": 27}) == frozenset()
    assert matching.job_seeker_groups(
        **{
            **base,
            "attention_older": True,
            "attention_higher_educated": True,
            "labour_disability": True,
            "benefit_type": "none",
        }
    ) == {"older", "higher_educated", "labour_disability", "non_benefit"}
    assert matching.job_seeker_groups(**{**base, "attention_psychological": True}) == {
        "psychological"
    }
    assert (
        matching.job_seeker_groups(
            **{**base, "attention_psychological": True, "include_restricted": False}
        )
        == frozenset()
    )


def test_the_bands_are_those_of_insights():
    assert [matching.band_of(v, matching.AGE_BANDS)[0] for v in (15, 26, 27, 44, 45, 55)] == [
        "u27",
        "u27",
        "27-44",
        "27-44",
        "45-54",
        "55+",
    ]
    assert [matching.band_of(v, matching.DURATION_BANDS)[0] for v in (0, 11, 12, 59, 60)] == [
        "u1",
        "u1",
        "1-2",
        "2-5",
        "5+",
    ]


def test_evidence_below_the_minimum_gives_no_share():
    few = matching.Evidence(n=2, work=2, positive=2, min_cell=3)
    assert not few.enough and few.work_share is None and few.positive_percent is None
    enough = matching.Evidence(n=4, work=1, positive=3, min_cell=3)
    assert enough.work_percent == 25 and enough.positive_percent == 75


# --- the filter -----------------------------------------------------------------------------


def test_only_active_programmes_of_the_municipality_serving_the_rung(
    caseworker, job_seeker, provider, zaandam
):
    programme(provider, "Laag", rung_from=1, rung_to=2)
    programme(provider, "Midden", rung_from=3, rung_to=4)
    programme(provider, "Hoog", rung_from=5, rung_to=6)
    programme(provider, "Gesloten", rung_from=3, rung_to=3, active=False)
    ProgrammeFactory(provider=ProviderFactory(municipality=zaandam), name="Elders", rung_from=1)
    assert names(programme_fit_list(user=caseworker, job_seeker=job_seeker)) == ["Midden"]


def test_target_groups_match_or_everyone(caseworker, amsterdam, provider):
    programme(provider, "Voor ouderen", target_groups=["older"])
    programme(provider, "Voor jongeren", target_groups=["young"])
    programme(provider, "Voor iedereen", target_groups=["everyone"])
    programme(provider, "Zonder doelgroep", target_groups=[])
    programme(provider, "Zonder uitkering", target_groups=["non_benefit", "language"])
    older = JobSeekerFactory(municipality=amsterdam, attention_older=True)
    assert names(programme_fit_list(user=caseworker, job_seeker=older)) == [
        "Voor iedereen",
        "Voor ouderen",
        "Zonder doelgroep",
    ]
    young = JobSeekerFactory(municipality=amsterdam, young=True, benefit_type="none")
    assert names(programme_fit_list(user=caseworker, job_seeker=young)) == [
        "Voor iedereen",
        "Voor jongeren",
        "Zonder doelgroep",
        "Zonder uitkering",
    ]


def test_no_group_activities_leaves_group_only_programmes_out(caseworker, amsterdam, provider):
    programme(provider, "Groep", format="group")
    programme(provider, "Alleen", format="individual")
    programme(provider, "Beide", format="both")
    solo = JobSeekerFactory(municipality=amsterdam, prefers_no_group_activities=True)
    assert names(programme_fit_list(user=caseworker, job_seeker=solo)) == ["Alleen", "Beide"]
    anyone = JobSeekerFactory(municipality=amsterdam)
    assert names(programme_fit_list(user=caseworker, job_seeker=anyone)) == [
        "Alleen",
        "Beide",
        "Groep",
    ]


def test_psychological_attention_counts_for_the_contact_person_only(
    caseworker, colleague, amsterdam, provider
):
    programme(provider, "Psychisch sterk", target_groups=["psychological"])
    vulnerable = JobSeekerFactory(
        municipality=amsterdam, contact_person=caseworker, restricted_items=True
    )
    own = programme_fit_list(user=caseworker, job_seeker=vulnerable)
    assert names(own) == ["Psychisch sterk"]
    assert [group for group, _label in own.groups] == ["psychological"]
    other = programme_fit_list(user=colleague, job_seeker=vulnerable)
    assert names(other) == [] and other.groups == []
    fields = list(
        AuditEvent.objects.filter(purpose="programme fit", job_seeker_id=vulnerable.pk)
        .order_by("id")
        .values_list("fields", flat=True)
    )
    assert "attention_psychological" in fields[0]
    assert "attention_psychological" not in fields[1]


# --- the ranking --------------------------------------------------------------------------


def test_evidence_ranks_first_then_too_few_by_name(caseworker, job_seeker, provider, min_cell):
    alpha = programme(provider, "Alpha")
    bravo = programme(provider, "Bravo")
    charlie = programme(provider, "Charlie")
    programme(provider, "Delta")
    echo = programme(provider, "Echo")
    finish(alpha, ["work", "none", "none"])
    finish(bravo, ["work", "work", "work", "none"])
    finish(echo, ["work", "work", "work", "schooling"])
    finish(charlie, ["work", "work"])
    fit = programme_fit_list(user=caseworker, job_seeker=job_seeker)
    assert names(fit) == ["Echo", "Bravo", "Alpha", "Charlie", "Delta"]
    evidence = {row.programme.name: row.evidence for row in fit}
    assert (evidence["Echo"].n, evidence["Echo"].work_percent) == (4, 75)
    assert evidence["Echo"].positive_percent == 100
    assert (evidence["Bravo"].n, evidence["Bravo"].positive_percent) == (4, 75)
    assert (evidence["Alpha"].n, evidence["Alpha"].work_percent) == (3, 33)
    assert (evidence["Charlie"].n, evidence["Charlie"].work_share) == (2, None)
    assert (evidence["Delta"].n, evidence["Delta"].enough) == (0, False)


def test_only_finished_trajectories_of_similar_job_seekers_count(
    caseworker, job_seeker, amsterdam, provider, min_cell
):
    """The job seeker: rung 3, 46 years old, unemployed since January 2023 (2-5 years)."""
    target = programme(provider, "Werkfit")
    finish(target, ["work", "none"])  # similar: counted
    finish(target, [None])  # ended early without an end report: counted, no outcome
    finish(target, ["work"], ladder_rung=5)  # another rung
    finish(target, ["work"], young=True)  # another age band
    finish(target, ["work"], unemployed_since=dt.date(2026, 3, 1))  # under a year
    TrajectoryFactory(
        job_seeker=JobSeekerFactory(municipality=amsterdam), programme=target, started=True
    )
    (row,) = programme_fit_list(user=caseworker, job_seeker=job_seeker)
    assert (row.evidence.n, row.evidence.work, row.evidence.positive) == (3, 1, 1)


def test_similarity_is_taken_at_referral(caseworker, amsterdam, provider, min_cell):
    """Rung, age and unemployment duration as they were on the day of referral (1 September
    2026), to the day, on both databases."""
    target = programme(provider, "Werkfit")
    twenty_seven = JobSeekerFactory(municipality=amsterdam, birth_date=dt.date(1999, 6, 1))
    finish(target, ["work"], birth_date=dt.date(1999, 9, 1))  # 27 that day: similar
    finish(target, ["work"], birth_date=dt.date(1999, 9, 2))  # 26 that day: not
    moved_up = JobSeekerFactory(
        municipality=amsterdam, ladder_rung=5, birth_date=dt.date(1999, 9, 1)
    )
    LadderRungChange.objects.create(
        job_seeker=moved_up, to_rung=3, changed_on=dt.date(2026, 1, 5), reason="intake"
    )
    trajectory = TrajectoryFactory(job_seeker=moved_up, programme=target, completed=True)
    EndReport.objects.create(trajectory=trajectory, outcome="work")
    # unemployed 12 months on the referral day is 1-2 years, 11 months is under one
    finish(target, ["work"], birth_date=dt.date(1999, 9, 1), unemployed_since=dt.date(2025, 9, 1))
    finish(target, ["work"], birth_date=dt.date(1999, 9, 1), unemployed_since=dt.date(2025, 9, 2))
    (row,) = programme_fit_list(user=caseworker, job_seeker=twenty_seven)
    assert row.evidence.n == 2  # the 27-year-old and the job seeker then on rung 3
    recent = JobSeekerFactory(
        municipality=amsterdam, birth_date=dt.date(1999, 6, 1), unemployed_since=dt.date(2025, 6, 1)
    )
    (row,) = programme_fit_list(user=caseworker, job_seeker=recent)
    assert row.evidence.n == 1


def fit_queries(user, job_seeker) -> int:
    user = type(user).objects.get(pk=user.pk)  # a fresh scope
    with CaptureQueriesContext(connection) as queries:
        fit = programme_fit_list(user=user, job_seeker=job_seeker)
    return len(queries), len(fit)


def test_queries_do_not_grow_with_the_programmes(caseworker, job_seeker, provider, min_cell):
    for i in range(3):
        finish(programme(provider, f"Eerste {i}"), ["work"] * 3)
    few, shown = fit_queries(caseworker, job_seeker)
    assert shown == 3
    for i in range(27):
        finish(programme(provider, f"Later {i}"), ["none"])
    many, shown = fit_queries(caseworker, job_seeker)
    assert shown == 30
    assert few == many


def test_the_read_is_audited(caseworker, job_seeker, provider):
    programme(provider, "Werkfit")
    programme_fit_list(user=caseworker, job_seeker=job_seeker)
    event = AuditEvent.objects.get(purpose="programme fit")
    assert event.job_seeker_id == job_seeker.pk
    assert event.action == AuditEvent.Action.READ
    assert event.actor == caseworker
    assert "ladder_rung" in event.fields


# --- the pages and who may see them ----------------------------------------------------------


def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_the_page_shows_the_n_and_the_plain_statement(
    client, caseworker, job_seeker, provider, min_cell
):
    finish(programme(provider, "Bewezen"), ["work", "work", "none", "none"])
    finish(programme(provider, "Nieuw"), ["work"])
    english(client).force_login(caseworker)
    response = client.get(reverse("insights:programme-fit", args=[job_seeker.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert [row.programme.name for row in response.context["fit"]] == ["Bewezen", "Nieuw"]
    assert html.count("Too few similar job seekers finished this programme to say.") == 1
    assert '<td class="wp-num">4</td>' in html and '<td class="wp-num">50%</td>' in html
    assert '<td class="wp-num">1</td>' in html


def test_the_file_shows_the_section_with_a_link(client, caseworker, job_seeker, provider):
    programme(provider, "Werkfit")
    english(client).force_login(caseworker)
    html = client.get(reverse("jobseekers:detail", args=[job_seeker.pk])).content.decode()
    assert 'id="programme-fit"' in html and "Programmes that fit" in html
    assert reverse("insights:programme-fit", args=[job_seeker.pk]) in html
    assert AuditEvent.objects.filter(purpose="programme fit", job_seeker_id=job_seeker.pk).exists()


def test_the_page_costs_the_same_at_3_and_30_programmes(client, caseworker, job_seeker, provider):
    client.force_login(caseworker)
    url = reverse("insights:programme-fit", args=[job_seeker.pk])
    for i in range(3):
        programme(provider, f"Eerste {i}")
    client.get(url)  # the first request of a session does its own bookkeeping
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for i in range(27):
        programme(provider, f"Later {i}")
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(few) == len(many)


@pytest.mark.parametrize(
    "who, status",
    [
        ("caseworker_elsewhere", 404),
        ("coach", 404),
        ("council", 404),
        ("policy_officer", 404),
        ("job_seeker", 403),
    ],
)
def test_who_may_not_see_the_fit(client, who, status, job_seeker, zaandam, provider, role_user):
    programme(provider, "Werkfit")
    user = {
        "caseworker_elsewhere": lambda: role_user(Role.CASEWORKER, municipality=zaandam),
        "coach": lambda: UserFactory.with_role(Role.COACH, organisation=provider.organisation),
        "council": lambda: role_user(Role.COUNCIL_MEMBER),
        "policy_officer": lambda: role_user(Role.POLICY_OFFICER),
        "job_seeker": lambda: job_seeker_login(job_seeker),
    }[who]()
    client.force_login(user)
    response = client.get(reverse("insights:programme-fit", args=[job_seeker.pk]))
    assert response.status_code == status
    assert not AuditEvent.objects.filter(purpose="programme fit").exists()
    with pytest.raises(PermissionDeniedError):
        programme_fit_list(user=user, job_seeker=job_seeker)


def test_the_job_seeker_reading_their_file_sees_no_section(client, job_seeker, provider):
    programme(provider, "Werkfit")
    client.force_login(job_seeker_login(job_seeker))
    response = client.get(reverse("jobseekers:detail", args=[job_seeker.pk]))
    assert response.status_code == 200
    assert 'id="programme-fit"' not in response.content.decode()
    assert not AuditEvent.objects.filter(purpose="programme fit").exists()


def test_anonymous_is_sent_to_the_login(client, job_seeker):
    response = client.get(reverse("insights:programme-fit", args=[job_seeker.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
