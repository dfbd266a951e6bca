"""Reads of core's configuration that depend on who asks: a municipality's settings."""

from __future__ import annotations

from django.db.models import QuerySet

from werkpad.core.errors import NotFoundError, PermissionDeniedError
from werkpad.core.models import AuditEvent, Municipality, MunicipalitySettings
from werkpad.core.permissions import AnyUser, Role, scope_of

#: How a change of a municipality's settings is named in the audit log.
OBJECT_TYPE = "municipality-settings"


def municipality_visible(*, user: AnyUser, id: int) -> Municipality:
    """A municipality the user works in or for, in any role; any other is not found."""
    if id not in scope_of(user).municipalities(*Role.values):
        raise NotFoundError(code="municipality-not-found")
    municipality = Municipality.objects.select_related("settings").filter(pk=id).first()
    if municipality is None:
        raise NotFoundError(code="municipality-not-found")
    return municipality


def municipality_settings_get(*, user: AnyUser, id: int) -> MunicipalitySettings:
    """The settings of municipality ``id``, for its functional administrator.

    Not found (404) for a municipality the user does not work in or for; refused
    (403) for anyone else who works there. A municipality without a row yet has
    the defaults, unsaved, at version 1: the first change saves them.
    """
    settings = MunicipalitySettings.of(municipality_visible(user=user, id=id))
    if not user.has_perm("core.view_municipality_settings", settings):
        raise PermissionDeniedError(code="municipality-settings-denied")
    return settings


def municipality_settings_administered(*, user: AnyUser) -> QuerySet[Municipality]:
    """The municipalities whose settings the user changes, by name."""
    ids = scope_of(user).municipalities(Role.FUNCTIONAL_ADMIN)
    return Municipality.objects.filter(pk__in=ids).order_by("name", "pk")


#: How many of the latest changes the settings page shows.
CHANGES_SHOWN = 10


def municipality_settings_changes(*, user: AnyUser, id: int) -> list[AuditEvent]:
    """The latest changes of municipality ``id``'s settings, from the audit log, newest
    first: who changed which settings when. For its functional administrator only."""
    municipality_settings_get(user=user, id=id)
    return list(
        AuditEvent.objects.filter(
            object_type=OBJECT_TYPE,
            object_id=str(id),
            action=AuditEvent.Action.UPDATE,
        ).order_by("-occurred_at", "-id")[:CHANGES_SHOWN]
    )
