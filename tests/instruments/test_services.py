"""The instruments catalogue (IN1): seeded with every type, edited by the functional
administrator only, audited, versioned, all or nothing."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import InstrumentFactory
from werkpad.core.errors import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.instruments import services
from werkpad.instruments.catalogue import default_catalogue, source
from werkpad.instruments.models import Instrument, InstrumentType

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture
def admin(role_user):
    return role_user(Role.FUNCTIONAL_ADMIN)


def test_the_shipped_catalogue_has_every_type_once_with_its_source():
    defaults = default_catalogue()
    assert [d.type for d in defaults] == list(InstrumentType.values)
    by_type = {d.type: d for d in defaults}
    assert by_type["wage_cost_subsidy_lasting"].legal_basis == "Participatiewet art. 10d"
    assert by_type["job_coaching"].legal_basis == "Participatiewet art. 10da"
    assert "Ziektewet art. 29b" in by_type["no_risk_policy"].legal_basis
    assert all(d.name and d.description for d in defaults)
    assert "Participatiewet" in source()


def test_seeding_gives_every_type_once_and_is_idempotent(admin, amsterdam):
    created = services.instrument_catalogue_seed(user=admin, municipality=amsterdam)
    assert sorted(i.type for i in created) == sorted(InstrumentType.values)
    assert AuditEvent.objects.filter(object_type="instrument", action="create").count() == len(
        InstrumentType.values
    )
    assert services.instrument_catalogue_seed(user=admin, municipality=amsterdam) == []
    assert Instrument.objects.filter(municipality=amsterdam).count() == len(InstrumentType.values)


def test_seeding_keeps_what_the_administrator_already_has(admin, amsterdam):
    own = InstrumentFactory(municipality=amsterdam, type="job_coaching", name="Eigen jobcoach")
    created = services.instrument_catalogue_seed(user=admin, municipality=amsterdam)
    assert "job_coaching" not in {i.type for i in created}
    own.refresh_from_db()
    assert own.name == "Eigen jobcoach"


def test_seeding_by_the_system_needs_no_user(amsterdam):
    services.instrument_catalogue_seed(municipality=amsterdam, origin=AuditEvent.Origin.CLI)
    event = AuditEvent.objects.filter(object_type="instrument").first()
    assert event.actor is None and event.origin == "cli"


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.POLICY_OFFICER, Role.COACH])
def test_only_the_functional_administrator_seeds(role_user, amsterdam, role):
    with pytest.raises(PermissionDeniedError):
        services.instrument_catalogue_seed(user=role_user(role), municipality=amsterdam)
    assert not Instrument.objects.exists()


def test_an_administrator_of_another_municipality_may_not_seed(amsterdam, zaandam, role_user):
    with pytest.raises(PermissionDeniedError):
        services.instrument_catalogue_seed(
            user=role_user(Role.FUNCTIONAL_ADMIN, municipality=zaandam), municipality=amsterdam
        )


def test_create_is_audited(admin, amsterdam):
    instrument = services.instrument_create(
        user=admin,
        municipality=amsterdam,
        data={"type": "training", "name": "Heftruckcertificaat", "legal_basis": "Pw art. 10"},
    )
    assert instrument.version == 1 and instrument.active
    event = AuditEvent.objects.get(object_type="instrument", object_id=str(instrument.pk))
    assert event.action == "create" and event.actor == admin
    assert event.fields == ["legal_basis", "name", "type"]


def test_invalid_input_writes_nothing(admin, amsterdam):
    InstrumentFactory(municipality=amsterdam, type="training", name="Heftruck")
    before = AuditEvent.objects.count()
    with pytest.raises(InvalidInputError) as error:
        services.instrument_create(
            user=admin, municipality=amsterdam, data={"type": "training", "name": "Heftruck"}
        )
    assert "name" in error.value.errors
    with pytest.raises(InvalidInputError) as error:
        services.instrument_create(
            user=admin, municipality=amsterdam, data={"type": "teleportation", "name": "X"}
        )
    assert "type" in error.value.errors
    with pytest.raises(InvalidInputError):
        services.instrument_create(
            user=admin, municipality=amsterdam, data={"type": "training", "budget": 5}
        )
    assert Instrument.objects.count() == 1
    assert AuditEvent.objects.count() == before


def test_update_bumps_the_version_and_audits_the_changed_fields(admin, amsterdam):
    instrument = InstrumentFactory(municipality=amsterdam)
    updated = services.instrument_update(
        user=admin,
        instrument_id=instrument.pk,
        expected_version=1,
        data={"name": "Jobcoaching intern", "description": instrument.description},
    )
    assert updated.version == 2 and updated.name == "Jobcoaching intern"
    event = AuditEvent.objects.get(object_type="instrument", action="update")
    assert event.fields == ["name"]


def test_a_stale_update_is_refused_and_changes_nothing(admin, amsterdam):
    instrument = InstrumentFactory(municipality=amsterdam, version=3)
    with pytest.raises(StaleEditError) as error:
        services.instrument_update(
            user=admin, instrument_id=instrument.pk, expected_version=2, data={"name": "Nieuw"}
        )
    assert error.value.current_version == 3
    instrument.refresh_from_db()
    assert instrument.name != "Nieuw" and instrument.version == 3
    assert not AuditEvent.objects.filter(action="update").exists()


def test_deactivate_keeps_the_row_and_is_audited(admin, amsterdam):
    instrument = InstrumentFactory(municipality=amsterdam)
    services.instrument_deactivate(user=admin, instrument_id=instrument.pk, expected_version=1)
    instrument.refresh_from_db()
    assert not instrument.active and instrument.version == 2
    assert AuditEvent.objects.get(action="update").detail == "deactivated"


def test_a_caseworker_reads_but_may_not_change(role_user, amsterdam):
    instrument = InstrumentFactory(municipality=amsterdam)
    with pytest.raises(PermissionDeniedError):
        services.instrument_deactivate(
            user=role_user(Role.CASEWORKER), instrument_id=instrument.pk, expected_version=1
        )
    instrument.refresh_from_db()
    assert instrument.active


def test_another_municipality_s_instrument_is_not_found(amsterdam, zaandam, role_user):
    instrument = InstrumentFactory(municipality=zaandam)
    with pytest.raises(NotFoundError):
        services.instrument_update(
            user=role_user(Role.FUNCTIONAL_ADMIN),
            instrument_id=instrument.pk,
            expected_version=1,
            data={"name": "X"},
        )
