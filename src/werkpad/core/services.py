"""Writes of core's configuration: a municipality's settings, one transaction each,
audited in it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import InvalidInputError, PermissionDeniedError, StaleEditError
from werkpad.core.models import AuditEvent, MunicipalitySettings
from werkpad.core.permissions import AnyUser
from werkpad.core.selectors import OBJECT_TYPE, municipality_visible


@transaction.atomic
def municipality_settings_update(
    *, user: AnyUser, municipality_id: int, expected_version: int, data: Mapping[str, Any]
) -> MunicipalitySettings:
    """Change a municipality's settings, by its functional administrator.

    ``data`` holds only the settings that change (``MunicipalitySettings.EDITABLE``);
    ``expected_version`` is the version the administrator read (1 while the
    municipality has the defaults). Refused when someone changed them since
    (``StaleEditError``), when a value is outside its bounds (``InvalidInputError``,
    every field at once) and for anyone but the municipality's functional
    administrator. The first change saves the row; a change to nothing saves nothing.
    """
    municipality = municipality_visible(user=user, id=municipality_id)
    if not user.has_perm(
        "core.change_municipality_settings", MunicipalitySettings(municipality=municipality)
    ):
        raise PermissionDeniedError(code="municipality-settings-denied")
    unknown = sorted(set(data) - set(MunicipalitySettings.EDITABLE))
    if unknown:
        raise InvalidInputError({name: [_("Unknown field.")] for name in unknown})
    settings = MunicipalitySettings.objects.select_for_update().filter(
        pk=municipality_id
    ).first() or MunicipalitySettings(municipality=municipality)
    if settings.version != expected_version:
        raise StaleEditError(current_version=settings.version)
    changed = [name for name, value in data.items() if getattr(settings, name) != value]
    if not changed:
        return settings
    for name in changed:
        setattr(settings, name, data[name])
    try:
        settings.full_clean(exclude=["municipality"], validate_unique=False)
    except ValidationError as error:
        raise InvalidInputError(error.message_dict) from error
    if settings._state.adding:
        _insert(settings)
    else:
        settings.version += 1
        settings.updated_at = clock.now()
        settings.save()
    audit_record(
        user=user,
        action=AuditEvent.Action.UPDATE,
        object_type=OBJECT_TYPE,
        object_id=municipality_id,
        municipality_id=municipality_id,
        fields=changed,
        detail=f"version {settings.version}",
    )
    return settings


def _insert(settings: MunicipalitySettings) -> None:
    """Save a municipality's first settings at version 2 (version 1 being the defaults
    it had); another first change that came in between makes this one stale."""
    settings.version = 2
    settings.created_at = settings.updated_at = clock.now()
    try:
        with transaction.atomic():
            settings.save(force_insert=True)
    except IntegrityError as error:
        current = MunicipalitySettings.objects.get(pk=settings.municipality_id).version
        raise StaleEditError(current_version=current) from error
