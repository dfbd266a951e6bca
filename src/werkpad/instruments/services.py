"""Every write on the instruments catalogue (IN1): one transaction each, audited in it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.models import AuditEvent, Municipality
from werkpad.core.permissions import scope_of
from werkpad.instruments.catalogue import default_catalogue
from werkpad.instruments.models import Instrument
from werkpad.instruments.rules import EDITORS, READERS

OBJECT_TYPE = "instrument"

#: The fields a functional administrator sets.
EDITABLE_FIELDS = frozenset({"type", "name", "description", "legal_basis", "active"})


def _check_fields(data: Mapping[str, Any]) -> None:
    unknown = sorted(set(data) - EDITABLE_FIELDS)
    if unknown:
        raise InvalidInputError({name: [_("Unknown field.")] for name in unknown})


def _validate(instrument: Instrument) -> None:
    try:
        instrument.full_clean(exclude=["municipality"], validate_unique=False)
    except ValidationError as error:
        raise InvalidInputError(error.message_dict) from error
    duplicate = Instrument.objects.filter(
        municipality_id=instrument.municipality_id, type=instrument.type, name=instrument.name
    ).exclude(pk=instrument.pk)
    if duplicate.exists():
        raise InvalidInputError(
            {"name": [_("The catalogue already holds an instrument of this type with this name.")]}
        )


def _may_edit(user: User, municipality_id: int) -> bool:
    return municipality_id in scope_of(user).municipalities(*EDITORS)


@transaction.atomic
def instrument_catalogue_seed(
    *, user: User | None = None, municipality: Municipality, origin: str | None = None
) -> list[Instrument]:
    """Give a municipality one instrument of every type it does not have yet.

    Idempotent: a type the catalogue already holds (active or not) is left as it
    is. ``user`` is the functional administrator asking, or None when werkpad
    itself seeds a new municipality (demo, command line). Returns what was added.
    """
    if user is not None and not _may_edit(user, municipality.pk):
        raise PermissionDeniedError(code="instrument-change-denied")
    present = set(
        Instrument.objects.filter(municipality=municipality).values_list("type", flat=True)
    )
    created = []
    for default in default_catalogue():
        if default.type in present:
            continue
        instrument = Instrument.objects.create(
            municipality=municipality,
            type=default.type,
            name=default.name,
            legal_basis=default.legal_basis,
            description=default.description,
        )
        created.append(instrument)
        audit_record(
            user=user,
            action=AuditEvent.Action.CREATE,
            object_type=OBJECT_TYPE,
            object_id=instrument.pk,
            municipality_id=municipality.pk,
            fields=["type", "name", "legal_basis", "description"],
            detail="default catalogue",
            origin=origin,
        )
    return created


@transaction.atomic
def instrument_create(
    *, user: User, municipality: Municipality, data: Mapping[str, Any]
) -> Instrument:
    if not _may_edit(user, municipality.pk):
        raise PermissionDeniedError(code="instrument-create-denied")
    _check_fields(data)
    instrument = Instrument(municipality=municipality, **data)
    _validate(instrument)
    instrument.save()
    audit_record(
        user=user,
        action=AuditEvent.Action.CREATE,
        object_type=OBJECT_TYPE,
        object_id=instrument.pk,
        municipality_id=municipality.pk,
        fields=data.keys(),
    )
    return instrument


def _locked(*, user: User, instrument_id: int, expected_version: int) -> Instrument:
    instrument = (
        Instrument.objects.select_for_update()
        .filter(pk=instrument_id, municipality_id__in=scope_of(user).municipalities(*READERS))
        .first()
    )
    if instrument is None:
        raise NotFoundError(code="instrument-not-found")
    if not user.has_perm("instruments.change_instrument", instrument):
        raise PermissionDeniedError(code="instrument-change-denied")
    if instrument.version != expected_version:
        raise StaleEditError(current_version=instrument.version)
    return instrument


def _save(*, user: User, instrument: Instrument, changed: list[str], detail: str = "") -> None:
    instrument.version += 1
    instrument.updated_at = clock.now()
    instrument.save()
    audit_record(
        user=user,
        action=AuditEvent.Action.UPDATE,
        object_type=OBJECT_TYPE,
        object_id=instrument.pk,
        municipality_id=instrument.municipality_id,
        fields=changed,
        detail=detail,
    )


@transaction.atomic
def instrument_update(
    *, user: User, instrument_id: int, expected_version: int, data: Mapping[str, Any]
) -> Instrument:
    """Change an instrument. Refused when someone else changed it since ``expected_version``."""
    instrument = _locked(user=user, instrument_id=instrument_id, expected_version=expected_version)
    _check_fields(data)
    changed = []
    for name, value in data.items():
        if getattr(instrument, name) != value:
            setattr(instrument, name, value)
            changed.append(name)
    if not changed:
        return instrument
    _validate(instrument)
    _save(user=user, instrument=instrument, changed=changed)
    return instrument


@transaction.atomic
def instrument_deactivate(*, user: User, instrument_id: int, expected_version: int) -> Instrument:
    """Take an instrument out of use: existing plans keep it, new ones cannot choose it."""
    instrument = _locked(user=user, instrument_id=instrument_id, expected_version=expected_version)
    if not instrument.active:
        return instrument
    instrument.active = False
    _save(user=user, instrument=instrument, changed=["active"], detail="deactivated")
    return instrument
