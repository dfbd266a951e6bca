"""Reading the catalogue (PR2) and the register (PR1): scope, filters, conflicts of interest."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import OrganisationFactory, ProgrammeFactory, ProviderFactory
from werkpad.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from werkpad.core.models import Organisation
from werkpad.core.permissions import Role
from werkpad.providers import selectors

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture
def catalogue(amsterdam, zaandam):
    """A small catalogue of Amsterdam and one programme of Zaanstad."""
    werkbrug = ProviderFactory(municipality=amsterdam, name="De Werkbrug")
    stapsteen = ProviderFactory(municipality=amsterdam, name="Stapsteen")
    return {
        "werkbrug": werkbrug,
        "stapsteen": stapsteen,
        "logistics": ProgrammeFactory(
            provider=werkbrug,
            name="Werkfit in de logistiek",
            lot=1,
            rung_from=4,
            rung_to=5,
            duration_weeks=16,
            format="both",
            target_groups=["everyone"],
            staff_expertise=[],
            job_guarantee=True,
        ),
        "older": ProgrammeFactory(
            provider=stapsteen,
            name="Ervaring telt",
            lot=1,
            rung_from=5,
            rung_to=6,
            duration_weeks=12,
            format="group",
            target_groups=["older"],
            staff_expertise=["older"],
            goal="Werk dat past bij uw ervaring als vijftigplusser.",
        ),
        "rhythm": ProgrammeFactory(
            provider=werkbrug,
            name="Dagritme",
            lot=2,
            rung_from=1,
            rung_to=2,
            duration_weeks=26,
            format="individual",
            target_groups=["psychological", "everyone"],
            staff_expertise=["psychological"],
            active=False,
        ),
        "elsewhere": ProgrammeFactory(
            provider=ProviderFactory(municipality=zaandam, name="Zaanwerk"), name="Zaans traject"
        ),
    }


def names(queryset) -> list[str]:
    return [p.name for p in queryset]


def test_a_caseworker_sees_the_own_municipality_s_catalogue_by_name(catalogue, caseworker):
    assert names(selectors.programme_list(user=caseworker)) == [
        "Dagritme",
        "Ervaring telt",
        "Werkfit in de logistiek",
    ]


def test_a_coach_sees_only_the_own_provider_s_programmes(catalogue, role_user):
    coach = role_user(Role.COACH, organisation=catalogue["stapsteen"].organisation)
    assert names(selectors.programme_list(user=coach)) == ["Ervaring telt"]
    with pytest.raises(NotFoundError):
        selectors.programme_get(user=coach, id=catalogue["logistics"].pk)
    assert names(selectors.provider_list(user=coach)) == ["Stapsteen"]


@pytest.mark.parametrize("role", [Role.EMPLOYER, Role.JOB_SEEKER, Role.COUNCIL_MEMBER])
def test_roles_outside_the_catalogue_are_refused(catalogue, role_user, role):
    user = role_user(role)
    with pytest.raises(PermissionDeniedError):
        selectors.programme_list(user=user)
    with pytest.raises(NotFoundError):
        selectors.programme_get(user=user, id=catalogue["logistics"].pk)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"lot": "2"}, ["Dagritme"]),
        ({"rung": "5"}, ["Ervaring telt", "Werkfit in de logistiek"]),
        ({"rung": "1"}, ["Dagritme"]),
        ({"targetGroup": "older"}, ["Ervaring telt"]),
        ({"targetGroup": "psychological"}, ["Dagritme"]),
        ({"format": "group"}, ["Ervaring telt", "Werkfit in de logistiek"]),
        ({"format": "individual"}, ["Dagritme", "Werkfit in de logistiek"]),
        ({"maxWeeks": "16"}, ["Ervaring telt", "Werkfit in de logistiek"]),
        ({"maxWeeks": "11"}, []),
        ({"search": "vijftigplusser"}, ["Ervaring telt"]),
        ({"search": "werkbrug"}, ["Dagritme", "Werkfit in de logistiek"]),
        ({"expertise": "psychological"}, ["Dagritme"]),
        ({"jobGuarantee": "true"}, ["Werkfit in de logistiek"]),
        ({"active": "false"}, ["Dagritme"]),
        ({"lot": "1", "rung": "6", "format": "group"}, ["Ervaring telt"]),
        (
            {"lot": "", "rung": "", "search": ""},
            ["Dagritme", "Ervaring telt", "Werkfit in de logistiek"],
        ),
    ],
)
def test_filters(catalogue, caseworker, filters, expected):
    assert names(selectors.programme_list(user=caseworker, filters=filters)) == expected


def test_filter_by_provider(catalogue, caseworker):
    filters = {"provider": str(catalogue["stapsteen"].pk)}
    assert names(selectors.programme_list(user=caseworker, filters=filters)) == ["Ervaring telt"]


@pytest.mark.parametrize(
    "filters", [{"rung": "7"}, {"lot": "9"}, {"maxWeeks": "veel"}, {"targetGroup": "aliens"}]
)
def test_an_invalid_filter_is_refused_by_name(catalogue, caseworker, filters):
    with pytest.raises(InvalidInputError) as error:
        list(selectors.programme_list(user=caseworker, filters=filters))
    assert set(error.value.errors) == set(filters)


def test_public_reads_show_only_active_programmes(catalogue):
    public = names(selectors.programme_public_list())
    assert "Dagritme" not in public and "Werkfit in de logistiek" in public
    assert selectors.programme_public_get(slug=catalogue["older"].slug) == catalogue["older"]
    with pytest.raises(NotFoundError):
        selectors.programme_public_get(slug=catalogue["rhythm"].slug)


# --- conflicts of interest ------------------------------------------------------


def test_an_affiliated_employer_is_a_conflict_of_interest(amsterdam):
    provider = ProviderFactory(municipality=amsterdam, name="Amstelwerk")
    agency = OrganisationFactory(
        municipality=amsterdam, kind=Organisation.Kind.EMPLOYER, name="Uitzendbureau Amstel"
    )
    other = OrganisationFactory(municipality=amsterdam, kind=Organisation.Kind.EMPLOYER)
    provider.affiliated_organisations.add(agency)
    assert selectors.provider_conflicts(provider=provider, organisation=other) == []
    (conflict,) = selectors.provider_conflicts(provider=provider, organisation=agency)
    assert not conflict.via_subcontractor
    assert conflict.provider_name == "Amstelwerk"
    assert "Uitzendbureau Amstel" in conflict.message


def test_an_employer_affiliated_with_a_subcontractor_is_a_conflict_too(amsterdam):
    provider = ProviderFactory(municipality=amsterdam)
    sub = ProviderFactory(municipality=amsterdam, name="Onderaannemer")
    provider.subcontractors.add(sub)
    employer = OrganisationFactory(municipality=amsterdam, kind=Organisation.Kind.EMPLOYER)
    sub.affiliated_organisations.add(employer)
    (conflict,) = selectors.provider_conflicts(provider=provider, organisation=employer)
    assert conflict.via_subcontractor and conflict.provider_id == sub.pk
    # the other way round there is none: the main contractor is not the subcontractor's
    assert selectors.provider_conflicts(provider=sub, organisation=employer)
    assert not selectors.provider_conflicts(
        provider=ProviderFactory(municipality=amsterdam), organisation=employer
    )


def test_conflicts_cost_two_queries(amsterdam, django_assert_num_queries):
    provider = ProviderFactory(municipality=amsterdam)
    for _ in range(3):
        sub = ProviderFactory(municipality=amsterdam)
        provider.subcontractors.add(sub)
    employer = OrganisationFactory(municipality=amsterdam, kind=Organisation.Kind.EMPLOYER)
    with django_assert_num_queries(2):
        selectors.provider_conflicts(provider=provider, organisation=employer)
