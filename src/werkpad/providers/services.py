"""Every write on the provider register (PR1) and the catalogue (PR2).

One transaction each, the row locked when it is read to be changed, the audit
event written in the same transaction; an edit names the version it started
from and is refused when the record moved on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
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
from werkpad.core.models import AuditEvent, Organisation
from werkpad.core.permissions import scope_of
from werkpad.instruments.models import Instrument
from werkpad.providers.models import Expertise, Programme, Provider, TargetGroup
from werkpad.providers.rules import EDITORS, READERS

PROVIDER = "provider"
PROGRAMME = "programme"

PROVIDER_FIELDS = frozenset(
    {
        "name",
        "kvk_number",
        "certified",
        "certification_expires_on",
        "email",
        "phone",
        "website",
        "complaint_regulation",
        "privacy_statement",
    }
)
#: Many-to-many fields: lists of providers and organisations.
PROVIDER_LINKS = frozenset({"subcontractors", "affiliated_organisations"})
PROVIDER_EDITABLE = PROVIDER_FIELDS | PROVIDER_LINKS

PROGRAMME_FIELDS = frozenset(
    {
        "name",
        "lot",
        "goal",
        "content",
        "plain_summary",
        "target_groups",
        "rung_from",
        "rung_to",
        "duration_weeks",
        "price",
        "format",
        "schooling_level",
        "job_guarantee",
        "job_guarantee_terms",
        "staff_expertise",
        "report_interval_weeks",
        "active",
    }
)
PROGRAMME_EDITABLE = PROGRAMME_FIELDS | {"instruments"}


def _check_fields(data: Mapping[str, Any], allowed: frozenset[str]) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise InvalidInputError({name: [_("Unknown field.")] for name in unknown})


def _may_edit(user: User, municipality_id: int) -> bool:
    return municipality_id in scope_of(user).municipalities(*EDITORS)


def _ids(values: Iterable[Any]) -> list[int]:
    return sorted({getattr(value, "pk", value) for value in values})


# --- providers ---------------------------------------------------------------


def _validate_provider(provider: Provider, links: Mapping[str, list[int]]) -> None:
    errors: dict[str, list[str]] = {}
    try:
        provider.full_clean(exclude=["municipality", "organisation"], validate_unique=False)
    except ValidationError as error:
        errors.update(error.message_dict)
    if provider.kvk_number and not (
        len(provider.kvk_number) == 8 and provider.kvk_number.isdigit()
    ):
        errors.setdefault("kvk_number", []).append(_("A KvK number has eight digits."))
    if provider.certified and provider.certification_expires_on is None:
        errors.setdefault("certification_expires_on", []).append(
            _("A certified provider needs the date its certification expires.")
        )
    subcontractors = links.get("subcontractors")
    if subcontractors is not None:
        if provider.pk in subcontractors:
            errors.setdefault("subcontractors", []).append(
                _("A provider is not its own subcontractor.")
            )
        found = Provider.objects.filter(
            pk__in=subcontractors, municipality_id=provider.municipality_id
        ).count()
        if found != len(subcontractors):
            errors.setdefault("subcontractors", []).append(
                _("Every subcontractor must be a registered provider of the same municipality.")
            )
    affiliated = links.get("affiliated_organisations")
    if affiliated is not None:
        found = Organisation.objects.filter(
            pk__in=affiliated, kind=Organisation.Kind.EMPLOYER
        ).count()
        if found != len(affiliated):
            errors.setdefault("affiliated_organisations", []).append(
                _("Every affiliated organisation must be a registered employer or temp agency.")
            )
    if errors:
        raise InvalidInputError(errors)


def _split_links(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, list[int]]]:
    fields = {k: v for k, v in data.items() if k not in PROVIDER_LINKS}
    links = {k: _ids(v) for k, v in data.items() if k in PROVIDER_LINKS}
    return fields, links


@transaction.atomic
def provider_create(*, user: User, organisation: Organisation, data: Mapping[str, Any]) -> Provider:
    """Register a provider organisation as a provider of its municipality."""
    if not _may_edit(user, organisation.municipality_id):
        raise PermissionDeniedError(code="provider-create-denied")
    _check_fields(data, PROVIDER_EDITABLE)
    if organisation.kind != Organisation.Kind.PROVIDER:
        raise InvalidInputError(
            {
                "organisation": [
                    _("Only a re-integration provider's organisation can be registered.")
                ]
            }
        )
    if Provider.objects.filter(organisation=organisation).exists():
        raise InvalidInputError({"organisation": [_("This organisation is already registered.")]})
    fields, links = _split_links(data)
    fields.setdefault("name", organisation.name)
    fields.setdefault("kvk_number", organisation.kvk_number)
    fields.setdefault("email", organisation.email)
    fields.setdefault("phone", organisation.phone)
    provider = Provider(municipality_id=organisation.municipality_id, organisation=organisation)
    for name, value in fields.items():
        setattr(provider, name, value)
    _validate_provider(provider, links)
    provider.save()
    for name, ids in links.items():
        getattr(provider, name).set(ids)
    audit_record(
        user=user,
        action=AuditEvent.Action.CREATE,
        object_type=PROVIDER,
        object_id=provider.pk,
        municipality_id=provider.municipality_id,
        fields=data.keys(),
    )
    return provider


@transaction.atomic
def provider_update(
    *, user: User, provider_id: int, expected_version: int, data: Mapping[str, Any]
) -> Provider:
    """Change a provider. Refused when someone else changed it since ``expected_version``."""
    provider = (
        Provider.objects.select_for_update()
        .filter(pk=provider_id, municipality_id__in=scope_of(user).municipalities(*READERS))
        .first()
    )
    if provider is None:
        raise NotFoundError(code="provider-not-found")
    if not user.has_perm("providers.change_provider", provider):
        raise PermissionDeniedError(code="provider-change-denied")
    if provider.version != expected_version:
        raise StaleEditError(current_version=provider.version)
    _check_fields(data, PROVIDER_EDITABLE)
    fields, links = _split_links(data)
    changed = []
    for name, value in fields.items():
        if getattr(provider, name) != value:
            setattr(provider, name, value)
            changed.append(name)
    for name, ids in links.items():
        if _ids(getattr(provider, name).all()) != ids:
            changed.append(name)
    if not changed:
        return provider
    _validate_provider(provider, {k: v for k, v in links.items() if k in changed})
    provider.version += 1
    provider.updated_at = clock.now()
    provider.save()
    for name in set(changed) & PROVIDER_LINKS:
        getattr(provider, name).set(links[name])
    audit_record(
        user=user,
        action=AuditEvent.Action.UPDATE,
        object_type=PROVIDER,
        object_id=provider.pk,
        municipality_id=provider.municipality_id,
        fields=changed,
    )
    return provider


# --- programmes --------------------------------------------------------------


def _free_slug(name: str, *, exclude: int | None = None) -> str:
    base = (slugify(name) or "traject")[:110]
    others = Programme.objects.filter(slug__startswith=base)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    taken = set(others.values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _validate_programme(programme: Programme, instruments: list[int] | None) -> None:
    errors: dict[str, list[str]] = {}
    try:
        programme.full_clean(
            exclude=["municipality", "provider", "slug"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        errors.update(error.message_dict)
    for name, choices in (("target_groups", TargetGroup), ("staff_expertise", Expertise)):
        values = getattr(programme, name)
        if not isinstance(values, list) or not all(v in choices.values for v in values):
            errors.setdefault(name, []).append(
                _("Choose from: %(choices)s.") % {"choices": ", ".join(choices.values)}
            )
    if isinstance(programme.duration_weeks, int) and programme.duration_weeks < 1:
        errors.setdefault("duration_weeks", []).append(_("A programme lasts at least a week."))
    if (
        isinstance(programme.rung_from, int)
        and isinstance(programme.rung_to, int)
        and programme.rung_from > programme.rung_to
    ):
        errors.setdefault("rung_to", []).append(
            _("The highest rung served cannot lie below the lowest.")
        )
    if programme.job_guarantee and not (programme.job_guarantee_terms or "").strip():
        errors.setdefault("job_guarantee_terms", []).append(
            _("Say what the job guarantee promises: which job, for how long, when.")
        )
    if instruments is not None:
        found = Instrument.objects.filter(
            pk__in=instruments, municipality_id=programme.municipality_id
        ).count()
        if found != len(instruments):
            errors.setdefault("instruments", []).append(
                _("Every instrument must come from the municipality's own catalogue.")
            )
    if errors:
        raise InvalidInputError(errors)


def _normalise(data: Mapping[str, Any]) -> tuple[dict[str, Any], list[int] | None]:
    fields = {k: v for k, v in data.items() if k != "instruments"}
    for name in ("target_groups", "staff_expertise"):
        if isinstance(fields.get(name), (list, tuple, set)):
            fields[name] = sorted(set(fields[name]))
    instruments = _ids(data["instruments"]) if "instruments" in data else None
    return fields, instruments


@transaction.atomic
def programme_create(*, user: User, provider: Provider, data: Mapping[str, Any]) -> Programme:
    """Add a programme of ``provider`` to its municipality's catalogue."""
    if not _may_edit(user, provider.municipality_id):
        raise PermissionDeniedError(code="programme-create-denied")
    _check_fields(data, PROGRAMME_EDITABLE)
    fields, instruments = _normalise(data)
    programme = Programme(provider=provider, municipality_id=provider.municipality_id, **fields)
    _validate_programme(programme, instruments)
    programme.slug = _free_slug(programme.name)
    programme.save()
    if instruments:
        programme.instruments.set(instruments)
    audit_record(
        user=user,
        action=AuditEvent.Action.CREATE,
        object_type=PROGRAMME,
        object_id=programme.pk,
        municipality_id=programme.municipality_id,
        fields=data.keys(),
    )
    return programme


@transaction.atomic
def programme_update(
    *, user: User, programme_id: int, expected_version: int, data: Mapping[str, Any]
) -> Programme:
    """Change a programme. Refused when someone else changed it since ``expected_version``.

    Its public address (slug) stays the same when the name changes, so links
    given to job seekers keep working.
    """
    programme = (
        Programme.objects.select_for_update()
        .filter(pk=programme_id, municipality_id__in=scope_of(user).municipalities(*READERS))
        .first()
    )
    if programme is None:
        raise NotFoundError(code="programme-not-found")
    if not user.has_perm("providers.change_programme", programme):
        raise PermissionDeniedError(code="programme-change-denied")
    if programme.version != expected_version:
        raise StaleEditError(current_version=programme.version)
    _check_fields(data, PROGRAMME_EDITABLE)
    fields, instruments = _normalise(data)
    changed = []
    for name, value in fields.items():
        if getattr(programme, name) != value:
            setattr(programme, name, value)
            changed.append(name)
    if instruments is not None and _ids(programme.instruments.all()) != instruments:
        changed.append("instruments")
    if not changed:
        return programme
    _validate_programme(programme, instruments if "instruments" in changed else None)
    programme.version += 1
    programme.updated_at = clock.now()
    programme.save()
    if "instruments" in changed:
        programme.instruments.set(instruments or [])
    audit_record(
        user=user,
        action=AuditEvent.Action.UPDATE,
        object_type=PROGRAMME,
        object_id=programme.pk,
        municipality_id=programme.municipality_id,
        fields=changed,
    )
    return programme
