"""Writes on the provider register (PR1) and the catalogue (PR2): audited, versioned,
validated, all or nothing, and only by a policy officer or functional administrator."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from tests.factories import (
    InstrumentFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProviderFactory,
)
from werkpad.core.errors import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.models import AuditEvent, Organisation
from werkpad.core.permissions import Role
from werkpad.providers import services
from werkpad.providers.models import Programme, Provider

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture
def officer(role_user):
    return role_user(Role.POLICY_OFFICER)


@pytest.fixture
def provider_organisation(amsterdam):
    return OrganisationFactory(
        municipality=amsterdam,
        kind=Organisation.Kind.PROVIDER,
        name="Werkwijs B.V.",
        kvk_number="12345678",
        email="info@werkwijs.example",
    )


def programme_data(**changes):
    data = {
        "name": "Werkfit in de zorg",
        "lot": 1,
        "goal": "Een baan in de zorg.",
        "content": "Leren en werken in een zorginstelling.",
        "plain_summary": "U leert het werk in de zorg kennen.",
        "target_groups": ["everyone", "single_parents"],
        "rung_from": 4,
        "rung_to": 5,
        "duration_weeks": 26,
        "price": Decimal("4800.00"),
        "format": "both",
        "staff_expertise": ["older"],
    }
    data.update(changes)
    return data


# --- providers ---------------------------------------------------------------


def test_register_a_provider_takes_the_organisation_s_details_and_audits(
    officer, provider_organisation
):
    provider = services.provider_create(
        user=officer,
        organisation=provider_organisation,
        data={"certified": True, "certification_expires_on": dt.date(2027, 6, 30)},
    )
    assert provider.name == "Werkwijs B.V." and provider.kvk_number == "12345678"
    assert provider.email == "info@werkwijs.example"
    assert provider.municipality_id == provider_organisation.municipality_id
    event = AuditEvent.objects.get(object_type="provider")
    assert event.action == "create" and event.actor == officer


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"certified": True}, "certification_expires_on"),
        ({"kvk_number": "1234"}, "kvk_number"),
        ({"website": "not a url"}, "website"),
        ({"affiliated_organisations": [999_999]}, "affiliated_organisations"),
        ({"subcontractors": [999_999]}, "subcontractors"),
        ({"bank_account": "NL00"}, "bank_account"),
    ],
)
def test_invalid_provider_input_writes_nothing(officer, provider_organisation, data, field):
    with pytest.raises(InvalidInputError) as error:
        services.provider_create(user=officer, organisation=provider_organisation, data=data)
    assert field in error.value.errors
    assert not Provider.objects.exists()
    assert not AuditEvent.objects.filter(object_type="provider").exists()


def test_only_a_provider_organisation_is_registered_once(officer, amsterdam, provider_organisation):
    employer = OrganisationFactory(municipality=amsterdam, kind=Organisation.Kind.EMPLOYER)
    with pytest.raises(InvalidInputError):
        services.provider_create(user=officer, organisation=employer, data={})
    services.provider_create(user=officer, organisation=provider_organisation, data={})
    with pytest.raises(InvalidInputError):
        services.provider_create(user=officer, organisation=provider_organisation, data={})
    assert Provider.objects.count() == 1


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.COACH, Role.COUNCIL_MEMBER])
def test_other_roles_may_not_register(role_user, provider_organisation, role):
    with pytest.raises(PermissionDeniedError):
        services.provider_create(user=role_user(role), organisation=provider_organisation, data={})
    assert not Provider.objects.exists()


def test_update_links_subcontractors_and_affiliations(officer, amsterdam):
    provider = ProviderFactory(municipality=amsterdam)
    sub = ProviderFactory(municipality=amsterdam)
    agency = OrganisationFactory(
        municipality=amsterdam, kind=Organisation.Kind.EMPLOYER, name="Uitzendbureau Snel"
    )
    updated = services.provider_update(
        user=officer,
        provider_id=provider.pk,
        expected_version=1,
        data={"subcontractors": [sub], "affiliated_organisations": [agency.pk], "phone": "020-1"},
    )
    assert updated.version == 2
    assert list(updated.subcontractors.all()) == [sub]
    assert list(updated.affiliated_organisations.all()) == [agency]
    event = AuditEvent.objects.get(object_type="provider", action="update")
    assert event.fields == ["affiliated_organisations", "phone", "subcontractors"]


def test_a_provider_is_not_its_own_subcontractor(officer, amsterdam):
    provider = ProviderFactory(municipality=amsterdam)
    with pytest.raises(InvalidInputError) as error:
        services.provider_update(
            user=officer,
            provider_id=provider.pk,
            expected_version=1,
            data={"subcontractors": [provider.pk]},
        )
    assert "subcontractors" in error.value.errors
    provider.refresh_from_db()
    assert provider.version == 1 and not provider.subcontractors.exists()


def test_a_stale_provider_update_is_refused(officer, amsterdam):
    provider = ProviderFactory(municipality=amsterdam, version=2)
    with pytest.raises(StaleEditError):
        services.provider_update(
            user=officer, provider_id=provider.pk, expected_version=1, data={"phone": "020-2"}
        )
    provider.refresh_from_db()
    assert provider.phone == "" and provider.version == 2


def test_another_municipality_s_provider_is_not_found(officer, zaandam):
    provider = ProviderFactory(municipality=zaandam)
    with pytest.raises(NotFoundError):
        services.provider_update(
            user=officer, provider_id=provider.pk, expected_version=1, data={"phone": "1"}
        )


# --- programmes --------------------------------------------------------------


def test_create_a_programme_with_instruments_gives_it_a_public_address(officer, amsterdam):
    provider = ProviderFactory(municipality=amsterdam)
    coaching = InstrumentFactory(municipality=amsterdam)
    programme = services.programme_create(
        user=officer, provider=provider, data=programme_data(instruments=[coaching])
    )
    assert programme.slug == "werkfit-in-de-zorg"
    assert programme.municipality_id == amsterdam.pk
    assert list(programme.instruments.all()) == [coaching]
    assert programme.target_groups == ["everyone", "single_parents"]
    second = services.programme_create(user=officer, provider=provider, data=programme_data())
    assert second.slug == "werkfit-in-de-zorg-2"
    assert AuditEvent.objects.filter(object_type="programme", action="create").count() == 2


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rung_from": 5, "rung_to": 3}, "rung_to"),
        ({"rung_to": 7}, "rung_to"),
        ({"target_groups": ["martians"]}, "target_groups"),
        ({"staff_expertise": ["juggling"]}, "staff_expertise"),
        ({"job_guarantee": True, "job_guarantee_terms": " "}, "job_guarantee_terms"),
        ({"format": "online"}, "format"),
        ({"lot": 3}, "lot"),
        ({"duration_weeks": 0}, "duration_weeks"),
        ({"ethnicity_target": "x"}, "ethnicity_target"),
    ],
)
def test_invalid_programme_input_writes_nothing(officer, amsterdam, changes, field):
    provider = ProviderFactory(municipality=amsterdam)
    with pytest.raises(InvalidInputError) as error:
        services.programme_create(user=officer, provider=provider, data=programme_data(**changes))
    assert field in error.value.errors
    assert not Programme.objects.exists()
    assert not AuditEvent.objects.filter(object_type="programme").exists()


def test_an_instrument_of_another_municipality_is_refused(officer, amsterdam, zaandam):
    provider = ProviderFactory(municipality=amsterdam)
    foreign = InstrumentFactory(municipality=zaandam)
    with pytest.raises(InvalidInputError) as error:
        services.programme_create(
            user=officer, provider=provider, data=programme_data(instruments=[foreign.pk])
        )
    assert "instruments" in error.value.errors


def test_update_keeps_the_public_address_and_audits(role_user, amsterdam):
    admin = role_user(Role.FUNCTIONAL_ADMIN)
    programme = ProgrammeFactory(provider=ProviderFactory(municipality=amsterdam), slug="werkfit")
    updated = services.programme_update(
        user=admin,
        programme_id=programme.pk,
        expected_version=1,
        data={"name": "Werkfit Plus", "active": False, "target_groups": ["older", "older"]},
    )
    assert updated.slug == "werkfit" and updated.version == 2
    assert updated.target_groups == ["older"] and not updated.active
    event = AuditEvent.objects.get(object_type="programme", action="update")
    assert event.fields == ["active", "name", "target_groups"]


def test_a_stale_programme_update_is_refused(officer, amsterdam):
    programme = ProgrammeFactory(provider=ProviderFactory(municipality=amsterdam), version=4)
    with pytest.raises(StaleEditError) as error:
        services.programme_update(
            user=officer, programme_id=programme.pk, expected_version=3, data={"name": "X"}
        )
    assert error.value.current_version == 4
    programme.refresh_from_db()
    assert programme.name != "X"


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.COACH])
def test_readers_may_not_change_a_programme(role_user, amsterdam, role):
    provider = ProviderFactory(municipality=amsterdam)
    programme = ProgrammeFactory(provider=provider)
    user = (
        role_user(role, organisation=provider.organisation)
        if role == Role.COACH
        else role_user(role)
    )
    with pytest.raises((PermissionDeniedError, NotFoundError)):
        services.programme_update(
            user=user, programme_id=programme.pk, expected_version=1, data={"name": "X"}
        )
    programme.refresh_from_db()
    assert programme.name != "X" and programme.version == 1
