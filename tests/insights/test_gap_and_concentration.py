"""The gap analysis (PR3: segments no programme fits) and referral concentration (PR4)."""

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
from werkpad.core.errors import InvalidInputError, PermissionDeniedError
from werkpad.core.permissions import Role
from werkpad.insights.fit import programme_gap_list, referral_concentration_list

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture
def provider(amsterdam):
    return ProviderFactory(municipality=amsterdam, name="Amstelwerk")


@pytest.fixture
def offer(provider):
    """Rungs 1-2: group only, for everyone; 3-4: young people only; 5-6: everyone, any format."""
    return [
        ProgrammeFactory(
            provider=provider, name="Dagritme", rung_from=1, rung_to=2, format="group"
        ),
        ProgrammeFactory(
            provider=provider,
            name="Jong aan de slag",
            rung_from=3,
            rung_to=4,
            target_groups=["young"],
        ),
        ProgrammeFactory(provider=provider, name="Werkfit", rung_from=5, rung_to=6, format="both"),
        ProgrammeFactory(provider=provider, name="Gesloten", rung_from=3, rung_to=4, active=False),
    ]


@pytest.fixture
def population(amsterdam, zaandam, offer):
    make = JobSeekerFactory.create_batch
    make(2, municipality=amsterdam, ladder_rung=1, prefers_no_group_activities=True)  # gap
    make(3, municipality=amsterdam, ladder_rung=1)  # the group programme fits
    make(4, municipality=amsterdam, ladder_rung=3, attention_older=True)  # gap
    make(1, municipality=amsterdam, ladder_rung=3, young=True)  # fits
    make(2, municipality=amsterdam, ladder_rung=5, attention_psychological=True)  # fits
    # one person in two segments without a programme
    make(
        1, municipality=amsterdam, ladder_rung=4, attention_older=True, attention_psychological=True
    )
    make(6, municipality=zaandam, ladder_rung=1, prefers_no_group_activities=True)  # elsewhere


def gap_counts(gaps) -> dict[str, int | None]:
    return {row.cell.key: row.cell.count for row in gaps.rows}


def test_the_segments_no_programme_fits(role_user, population):
    gaps = programme_gap_list(user=role_user(Role.POLICY_OFFICER))
    assert not gaps.suppressed
    assert gaps.active_programmes == 3
    assert gap_counts(gaps) == {
        "1-none-1": 2,
        "3-older-0": 4,
        "4-older-0": 1,
        "4-psychological-0": None,  # a special category: small cells withheld for everyone
    }
    assert [(r.segment.rung, r.segment.group, r.segment.no_group) for r in gaps.rows] == [
        (1, "none", True),
        (3, "older", False),
        (4, "older", False),
        (4, "psychological", False),
    ]


def test_a_programme_for_everyone_closes_every_gap_of_its_rungs(role_user, provider, population):
    ProgrammeFactory(provider=provider, name="Voor iedereen", rung_from=1, rung_to=4)
    assert gap_counts(programme_gap_list(user=role_user(Role.CASEWORKER))) == {}


def test_the_council_sees_no_small_cells(role_user, population, settings):
    council = role_user(Role.COUNCIL_MEMBER)
    gaps = programme_gap_list(user=council)
    assert gaps.suppressed
    assert set(gap_counts(gaps).values()) == {None}
    settings.WERKPAD_MIN_CELL = 3
    gaps = programme_gap_list(user=council)
    # 2, 1 and 1 are withheld (together 4, enough not to single anyone out); 4 is shown
    assert gap_counts(gaps) == {
        "1-none-1": None,
        "3-older-0": 4,
        "4-older-0": None,
        "4-psychological-0": None,
    }


def test_another_municipality_is_refused(role_user, zaandam, amsterdam, population):
    officer = role_user(Role.POLICY_OFFICER, municipality=zaandam)
    assert gap_counts(programme_gap_list(user=officer)) == {"1-none-1": 6}
    with pytest.raises(InvalidInputError):
        programme_gap_list(user=officer, municipality_id=amsterdam.pk)


def test_the_gap_page_per_role(
    client, role_user, provider, job_seeker, population, zaandam, amsterdam
):
    client.cookies["django_language"] = "en"
    url = reverse("insights:gaps")
    for role in (Role.CASEWORKER, Role.POLICY_OFFICER, Role.COUNCIL_MEMBER):
        client.force_login(role_user(role))
        response = client.get(url)
        assert response.status_code == 200, role
        assert 'data-segment="3-older-0"' in response.content.decode()
    denied = [
        UserFactory.with_role(Role.COACH, organisation=provider.organisation),
        job_seeker_login(job_seeker),
        role_user(Role.EMPLOYER_ADVISOR),
    ]
    for user in denied:
        client.force_login(user)
        assert client.get(url).status_code == 403
    client.force_login(role_user(Role.POLICY_OFFICER, municipality=zaandam))
    assert client.get(url, {"municipality": amsterdam.pk}).status_code == 403


def test_the_gap_costs_the_same_at_3_and_30_programmes(role_user, provider, population):
    officer = role_user(Role.POLICY_OFFICER)
    programme_gap_list(user=officer)
    with CaptureQueriesContext(connection) as few:
        programme_gap_list(user=officer)
    for i in range(27):
        ProgrammeFactory(provider=provider, name=f"Extra {i}", rung_from=6, rung_to=6)
    with CaptureQueriesContext(connection) as many:
        programme_gap_list(user=officer)
    assert len(few) == len(many)


# --- referral concentration (PR4) -----------------------------------------------------------


@pytest.fixture
def referrals(amsterdam, zaandam, offer, role_user):
    dagritme, jong, werkfit, _closed = offer
    anna = role_user(Role.CASEWORKER, first_name="Anna", last_name="de Vries")
    bram = role_user(Role.CASEWORKER, first_name="Bram", last_name="Bakker")

    def refer(caseworker, programme, times=1, **kwargs):
        for _ in range(times):
            TrajectoryFactory(
                job_seeker=JobSeekerFactory(municipality=programme.municipality),
                programme=programme,
                referred_by=caseworker,
                **kwargs,
            )

    refer(anna, dagritme, 2)
    refer(anna, dagritme, 1, completed=True)
    refer(anna, jong, 1)
    refer(bram, werkfit, 1)
    refer(bram, jong, 1)
    refer(None, werkfit, 3)  # imported without a referrer: no caseworker to count
    elsewhere = role_user(Role.CASEWORKER, municipality=zaandam)
    refer(elsewhere, ProgrammeFactory(provider=ProviderFactory(municipality=zaandam)), 5)
    return anna, bram


def test_the_concentration_figures(role_user, referrals, offer):
    anna, bram = referrals
    result = referral_concentration_list(user=role_user(Role.POLICY_OFFICER))
    assert [
        (r.caseworker_name, r.referrals, r.programmes, r.top_programme, r.top_percent)
        for r in result.rows
    ] == [
        ("Anna de Vries", 4, 2, "Dagritme", 75),
        ("Bram Bakker", 2, 2, "Jong aan de slag", 50),  # a tie: the programme registered first
    ]
    assert [r.caseworker_id for r in result.rows] == [anna.pk, bram.pk]
    assert result.referrals == 6
    assert result.programmes_referred_to == 3
    assert result.active_programmes == 3


def test_the_concentration_costs_the_same_for_more_caseworkers(role_user, referrals, offer):
    officer = role_user(Role.POLICY_OFFICER)
    referral_concentration_list(user=officer)
    with CaptureQueriesContext(connection) as few:
        referral_concentration_list(user=officer)
    for i in range(10):
        TrajectoryFactory(
            job_seeker=JobSeekerFactory(),
            programme=offer[i % 3],
            referred_by=role_user(Role.CASEWORKER, first_name=f"Extra{i}"),
        )
    with CaptureQueriesContext(connection) as many:
        result = referral_concentration_list(user=officer)
    assert len(result.rows) == 12
    assert len(few) == len(many)


def test_the_concentration_page_is_for_policy_officers(
    client, role_user, provider, job_seeker, referrals
):
    client.cookies["django_language"] = "en"
    url = reverse("insights:concentration")
    client.force_login(role_user(Role.POLICY_OFFICER))
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Anna de Vries" in html and "75%" in html
    for user in (
        role_user(Role.COUNCIL_MEMBER),
        role_user(Role.CASEWORKER),
        UserFactory.with_role(Role.COACH, organisation=provider.organisation),
        job_seeker_login(job_seeker),
    ):
        client.force_login(user)
        assert client.get(url).status_code == 403
        with pytest.raises(PermissionDeniedError):
            referral_concentration_list(user=user)


@pytest.fixture
def protected_gap(amsterdam, offer):
    """2 people in one gap and 12 in another: the 12 are hidden only to protect the 2."""
    make = JobSeekerFactory.create_batch
    make(2, municipality=amsterdam, ladder_rung=1, prefers_no_group_activities=True)
    make(12, municipality=amsterdam, ladder_rung=3, attention_older=True)
    make(30, municipality=amsterdam, ladder_rung=3, attention_higher_educated=True)


def test_a_gap_hidden_to_protect_a_small_one_is_complementary(role_user, protected_gap):
    gaps = programme_gap_list(user=role_user(Role.COUNCIL_MEMBER))
    assert {r.cell.key: (r.cell.count, r.cell.suppressed) for r in gaps.rows} == {
        "1-none-1": (None, "small"),
        "3-older-0": (None, "complementary"),
        "3-higher_educated-0": (30, None),
    }
    assert gaps.suppression_reasons == ["small", "complementary"]
    exact = programme_gap_list(user=role_user(Role.POLICY_OFFICER))
    assert {r.cell.key: r.cell.suppressed for r in exact.rows} == dict.fromkeys(
        ["1-none-1", "3-older-0", "3-higher_educated-0"]
    )


def test_the_gap_page_says_hidden_for_a_protecting_gap_and_under_10_for_a_small_one(
    client, role_user, protected_gap
):
    client.force_login(role_user(Role.COUNCIL_MEMBER))
    client.cookies["django_language"] = "nl"
    page = client.get(reverse("insights:gaps")).content.decode()

    def count_cell(key):
        row = page[page.index(f'data-segment="{key}"') :]
        return row[: row.index("</tr>")].rsplit('<td class="wp-num">', 1)[1]

    assert "afgeschermd" in count_cell("3-older-0")
    assert "&lt;10" not in count_cell("3-older-0")
    assert count_cell("1-none-1").startswith('<span data-suppressed="small">&lt;10</span>')
    assert count_cell("3-higher_educated-0").startswith("30")
    legend = page[page.index('id="suppression-legend"') :]
    legend = legend[: legend.index("</dl>")]
    assert "Minder dan 10 mensen" in legend and "10 mensen of meer" in legend


def test_a_small_psychological_gap_says_under_10_for_everyone(client, role_user, population):
    client.force_login(role_user(Role.POLICY_OFFICER))
    client.cookies["django_language"] = "nl"
    page = client.get(reverse("insights:gaps")).content.decode()
    row = page[page.index('data-segment="4-psychological-0"') :]
    assert 'data-suppressed="small">&lt;10' in row[: row.index("</tr>")]
    assert "afgeschermd" not in page
