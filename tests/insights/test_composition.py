"""Composition of the job-seeker file (JS6): counts and shares per dimension."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import JobSeekerFactory
from werkpad.core.errors import InvalidInputError, PermissionDeniedError
from werkpad.core.permissions import Role
from werkpad.insights.selectors import composition_get
from werkpad.jobseekers.models import JobSeeker

AMS = ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 12, tzinfo=AMS)
pytestmark = pytest.mark.django_db

DIMENSIONS = [
    "ageBand",
    "gender",
    "educationLevel",
    "unemploymentDuration",
    "benefitType",
    "ladderRung",
    "policy",
    "labourDisability",
    "shelteredWork",
]


def counts(composition, key):
    (dimension,) = [d for d in composition.dimensions if d.key == key]
    return {cell.key: cell.count for cell in dimension.cells}


@pytest.mark.time_machine(NOW, tick=False)
class TestExactCounts:
    @pytest.fixture
    def population(self, amsterdam, zaandam):
        JobSeekerFactory.create_batch(4, municipality=amsterdam, ladder_rung=1, gender="male")
        JobSeekerFactory.create_batch(3, municipality=amsterdam, ladder_rung=5, benefit_type="ww")
        JobSeekerFactory.create_batch(2, municipality=amsterdam, sheltered=True, young=True)
        JobSeekerFactory.create_batch(5, municipality=zaandam)

    def test_every_dimension_adds_up_to_the_total(self, role_user, population):
        composition = composition_get(user=role_user(Role.POLICY_OFFICER))
        assert composition.total == 9
        assert not composition.suppressed
        assert [d.key for d in composition.dimensions] == DIMENSIONS
        for dimension in composition.dimensions:
            assert sum(c.count for c in dimension.cells) == 9, dimension.key
            assert sum(c.share for c in dimension.cells) == pytest.approx(1.0)

    def test_the_counts_are_right(self, role_user, population):
        composition = composition_get(user=role_user(Role.POLICY_OFFICER))
        assert counts(composition, "ladderRung") == {"1": 4, "2": 0, "3": 0, "4": 2, "5": 3, "6": 0}
        assert counts(composition, "policy") == {"activation": 6, "labour_market": 3}
        assert counts(composition, "gender")["male"] == 4
        assert counts(composition, "benefitType")["ww"] == 3
        assert counts(composition, "shelteredWork") == {"true": 2, "false": 7}
        assert counts(composition, "labourDisability") == {"true": 2, "false": 7}
        assert counts(composition, "ageBand") == {"u27": 2, "27-44": 0, "45-54": 7, "55+": 0}
        assert counts(composition, "unemploymentDuration") == {
            "u1": 0,
            "1-2": 0,
            "2-5": 9,
            "5+": 0,
        }

    def test_only_the_own_municipality_is_counted(self, role_user, zaandam, population):
        officer = role_user(Role.POLICY_OFFICER, municipality=zaandam)
        composition = composition_get(user=officer)
        assert composition.municipality == zaandam
        assert composition.total == 5

    def test_another_municipality_is_refused(self, role_user, zaandam, population):
        with pytest.raises(InvalidInputError):
            composition_get(user=role_user(Role.POLICY_OFFICER), municipality_id=zaandam.pk)

    @pytest.mark.parametrize(
        "role",
        [Role.JOB_SEEKER, Role.COACH, Role.EMPLOYER, Role.ADVISOR, Role.COMPLAINT_HANDLER],
    )
    def test_roles_without_insight_are_refused(self, role_user, role):
        with pytest.raises(PermissionDeniedError):
            composition_get(user=role_user(role))


@pytest.mark.parametrize(
    ("today", "born", "band"),
    [
        (dt.date(2026, 11, 23), dt.date(1999, 11, 24), "u27"),
        (dt.date(2026, 11, 23), dt.date(1999, 11, 23), "27-44"),
        (dt.date(2026, 11, 23), dt.date(1981, 11, 24), "27-44"),
        (dt.date(2026, 11, 23), dt.date(1981, 11, 23), "45-54"),
        (dt.date(2026, 11, 23), dt.date(1971, 11, 23), "55+"),
        (dt.date(2027, 2, 28), dt.date(2000, 2, 29), "u27"),
        (dt.date(2027, 3, 1), dt.date(2000, 2, 29), "27-44"),
    ],
)
def test_the_age_band_follows_the_age_on_the_day(
    time_machine, role_user, amsterdam, today, born, band
):
    time_machine.move_to(dt.datetime.combine(today, dt.time(12), tzinfo=AMS), tick=False)
    JobSeekerFactory(municipality=amsterdam, birth_date=born, unemployed_since=dt.date(2020, 1, 1))
    composition = composition_get(user=role_user(Role.POLICY_OFFICER))
    assert counts(composition, "ageBand")[band] == 1


@pytest.mark.parametrize(
    ("today", "since", "band"),
    [
        (dt.date(2026, 11, 23), dt.date(2025, 11, 24), "u1"),
        (dt.date(2026, 11, 23), dt.date(2025, 11, 23), "1-2"),
        (dt.date(2026, 11, 30), dt.date(2025, 12, 1), "u1"),
        (dt.date(2026, 11, 30), dt.date(2025, 11, 30), "1-2"),
        (dt.date(2026, 11, 30), dt.date(2025, 11, 29), "1-2"),
        (dt.date(2026, 12, 31), dt.date(2025, 12, 30), "1-2"),
        (dt.date(2026, 12, 31), dt.date(2024, 12, 30), "2-5"),
        (dt.date(2026, 12, 31), dt.date(2021, 12, 30), "5+"),
        (dt.date(2026, 12, 31), dt.date(2022, 1, 1), "2-5"),
    ],
)
def test_the_duration_band_follows_the_whole_months_unemployed(
    time_machine, role_user, amsterdam, today, since, band
):
    """The bands agree with JobSeeker.unemployed_months, also at the end of a month."""
    time_machine.move_to(dt.datetime.combine(today, dt.time(12), tzinfo=AMS), tick=False)
    job_seeker = JobSeekerFactory(municipality=amsterdam, unemployed_since=since)
    months = job_seeker.unemployed_months(today)
    expected = "u1" if months < 12 else "1-2" if months < 24 else "2-5" if months < 60 else "5+"
    assert expected == band
    composition = composition_get(user=role_user(Role.POLICY_OFFICER))
    assert counts(composition, "unemploymentDuration")[band] == 1


class TestSuppressedForTheCouncil:
    @pytest.fixture(autouse=True)
    def min_cell_5(self):
        with override_settings(WERKPAD_MIN_CELL=5):
            yield

    def test_no_cell_under_the_minimum_is_shown(self, role_user, amsterdam):
        JobSeekerFactory.create_batch(12, municipality=amsterdam, ladder_rung=3, gender="female")
        JobSeekerFactory.create_batch(2, municipality=amsterdam, ladder_rung=6, gender="male")
        composition = composition_get(user=role_user(Role.COUNCIL_MEMBER))
        assert composition.suppressed
        assert composition.min_cell == 5
        assert composition.total == 14
        for dimension in composition.dimensions:
            for cell in dimension.cells:
                if cell.count is not None:
                    assert cell.count == 0 or cell.count >= 5, (dimension.key, cell.key)
                else:
                    assert cell.suppressed and cell.share is None
            withheld = [c for c in dimension.cells if c.suppressed]
            assert len(withheld) != 1, dimension.key
        assert counts(composition, "gender")["male"] is None
        assert counts(composition, "ladderRung")["6"] is None

    def test_a_population_under_the_minimum_shows_nothing(self, role_user, amsterdam):
        JobSeekerFactory.create_batch(4, municipality=amsterdam)
        composition = composition_get(user=role_user(Role.COUNCIL_MEMBER))
        assert composition.total is None
        assert all(c.count is None for d in composition.dimensions for c in d.cells)

    def test_a_withheld_rung_cannot_be_worked_out_from_the_policy_totals(
        self, role_user, amsterdam
    ):
        """Rungs 1-4 add up to the activation count, rungs 5-6 to the labour-market count."""
        for rung, n in {1: 2, 2: 6, 3: 6, 4: 6, 5: 5, 6: 9}.items():
            JobSeekerFactory.create_batch(n, municipality=amsterdam, ladder_rung=rung)
        composition = composition_get(user=role_user(Role.COUNCIL_MEMBER))
        rungs = counts(composition, "ladderRung")
        policy = counts(composition, "policy")
        assert rungs["1"] is None
        for group, total in (("1234", policy["activation"]), ("56", policy["labour_market"])):
            if total is None:
                continue
            unknown = [r for r in group if rungs[r] is None]
            assert len(unknown) != 1, (group, rungs, policy)

    def test_the_policy_split_is_withheld_when_a_policy_cannot_hide_a_rung_otherwise(
        self, role_user, amsterdam
    ):
        """Rung 5 is withheld beside rung 1 and is the only labour-market rung with
        anyone on it: showing the labour-market count would show rung 5."""
        for rung, n in {1: 2, 2: 20, 5: 12}.items():
            JobSeekerFactory.create_batch(n, municipality=amsterdam, ladder_rung=rung)
        composition = composition_get(user=role_user(Role.COUNCIL_MEMBER))
        rungs = counts(composition, "ladderRung")
        policy = counts(composition, "policy")
        assert composition.total == 34
        assert rungs["1"] is None
        hidden = [r for r, n in rungs.items() if n is None]
        assert len(hidden) >= 2
        for group in ("1234", "56"):
            if len([r for r in group if rungs[r] is None]) == 1:
                assert policy == {"activation": None, "labour_market": None}

    def test_the_policy_officer_sees_the_exact_counts(self, role_user, amsterdam):
        JobSeekerFactory.create_batch(2, municipality=amsterdam, ladder_rung=6)
        composition = composition_get(user=role_user(Role.POLICY_OFFICER))
        assert not composition.suppressed
        assert composition.total == 2
        assert counts(composition, "ladderRung")["6"] == 2

    def test_a_council_member_who_is_also_a_caseworker_sees_exact_counts(
        self, role_user, amsterdam
    ):
        from werkpad.accounts.services import membership_grant
        from werkpad.core.models import Organisation

        user = role_user(Role.COUNCIL_MEMBER)
        organisation = Organisation.objects.filter(
            municipality=amsterdam, kind=Organisation.Kind.MUNICIPALITY
        ).first() or Organisation.objects.create(
            name="Gemeente Amsterdam", kind=Organisation.Kind.MUNICIPALITY, municipality=amsterdam
        )
        membership_grant(user=user, organisation=organisation, role=Role.CASEWORKER)
        JobSeekerFactory.create_batch(2, municipality=amsterdam)
        assert composition_get(user=user).total == 2


def test_the_composition_reads_no_persons(role_user, amsterdam, django_assert_max_num_queries):
    """Aggregates only: one grouped query per dimension plus the total, whatever the size;
    three more for supply and demand (the search profiles' first occupations, the open
    vacancies by occupation and by sector)."""
    JobSeekerFactory.create_batch(30, municipality=amsterdam)
    officer = role_user(Role.POLICY_OFFICER)
    with django_assert_max_num_queries(len(DIMENSIONS) + 7):
        composition_get(user=officer)
    assert JobSeeker.objects.count() == 30


def council_population(municipality):
    """The council's case: 177 men beside 1 X and 1 unknown, 23 HBO graduates beside 4
    university graduates. The men and the HBO graduates are hidden only to protect the
    small cells beside them."""
    make = JobSeekerFactory.create_batch
    make(177, municipality=municipality, gender="male")
    make(224, municipality=municipality, gender="female")
    make(23, municipality=municipality, gender="female", education_level="hbo")
    make(4, municipality=municipality, gender="female", education_level="wo")
    make(1, municipality=municipality, gender="x")
    make(1, municipality=municipality, gender="unknown")


def table_value(page: str, label: str) -> str:
    """The number column of the table row headed ``label``."""
    found = re.search(
        rf'<th scope="row">{re.escape(label)}</th>\s*<td class="wp-num">(.*?)</td>', page, re.S
    )
    assert found, label
    return found.group(1)


@pytest.mark.time_machine(NOW, tick=False)
class TestComplementaryCells:
    """A cell hidden to protect another says it is hidden, never "<10"."""

    def test_the_177_men_are_complementary_and_the_small_cells_small(self, role_user, amsterdam):
        council_population(amsterdam)
        composition = composition_get(user=role_user(Role.COUNCIL_MEMBER))
        (gender,) = [d for d in composition.dimensions if d.key == "gender"]
        assert {c.key: (c.count, c.suppressed) for c in gender.cells} == {
            "male": (None, "complementary"),
            "female": (251, None),
            "x": (None, "small"),
            "unknown": (None, "small"),
        }
        (education,) = [d for d in composition.dimensions if d.key == "educationLevel"]
        reasons = {c.key: c.suppressed for c in education.cells}
        assert (reasons["hbo"], reasons["wo"], reasons["mbo2"]) == ("complementary", "small", None)
        assert composition.suppression_reasons == ["small", "complementary"]

    def test_the_page_says_hidden_for_the_men_and_under_10_for_the_small_cells(
        self, client, role_user, amsterdam
    ):
        council_population(amsterdam)
        client.force_login(role_user(Role.COUNCIL_MEMBER))
        client.cookies["django_language"] = "nl"
        page = client.get(reverse("insights:composition")).content.decode()
        for label in ("Man", "HBO"):
            assert "afgeschermd" in table_value(page, label), label
            assert "&lt;10" not in table_value(page, label), label
        for label in ("X (non-binair)", "Onbekend", "Universiteit (WO)"):
            assert table_value(page, label).strip().endswith("&lt;10</span>"), label
        assert table_value(page, "Vrouw").strip() == "251"
        legend = page[page.index('id="suppression-legend"') :]
        legend = legend[: legend.index("</dl>")]
        assert "&lt;10" in legend and "Minder dan 10 mensen" in legend
        assert "afgeschermd" in legend and "10 mensen of meer" in legend

    def test_the_share_without_a_plan_hidden_to_protect_its_complement_says_so(
        self, client, role_user, amsterdam
    ):
        """3 of 15 have a plan in effect: the 12 without one are hidden only because the
        total minus them would show the 3."""
        from tests.factories import PlanFactory

        caseworker = role_user(Role.CASEWORKER)
        JobSeekerFactory.create_batch(12, municipality=amsterdam, contact_person=caseworker)
        for job_seeker in JobSeekerFactory.create_batch(
            3, municipality=amsterdam, contact_person=caseworker
        ):
            PlanFactory(job_seeker=job_seeker, in_effect=True)
        cell = composition_get(user=role_user(Role.COUNCIL_MEMBER)).without_current_plan
        assert (cell.count, cell.suppressed) == (None, "complementary")
        client.force_login(role_user(Role.COUNCIL_MEMBER))
        client.cookies["django_language"] = "nl"
        page = client.get(reverse("insights:composition")).content.decode()
        card = page[page.index('id="without-plan"') :]
        card = card[: card.index("</section>")]
        assert "afgeschermd" in card and "&lt;10" not in card
        assert "Te weinig werkzoekenden" not in card

    def test_a_small_population_says_under_10_everywhere(self, client, role_user, amsterdam):
        JobSeekerFactory.create_batch(4, municipality=amsterdam, gender="male")
        client.force_login(role_user(Role.COUNCIL_MEMBER))
        client.cookies["django_language"] = "nl"
        page = client.get(reverse("insights:composition")).content.decode()
        assert "afgeschermd" not in page
        assert table_value(page, "Man").strip().endswith("&lt;10</span>")
