"""Reads of the provider register (PR1) and the catalogue (PR2).

Staff reads start from ``provider_list``/``provider_get`` and
``programme_list``/``programme_get``, which scope to what the user may see.
The public pages read ``programme_public_list``/``programme_public_get``:
active programmes only, and nothing but what a job seeker may read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

import django_filters
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from werkpad.core.models import Organisation
from werkpad.core.permissions import visible_for
from werkpad.instruments.filters import as_query
from werkpad.providers.filters import ProgrammeFilter, ProviderFilter
from werkpad.providers.models import CERTIFICATION_WARNING_DAYS, Programme, Provider
from werkpad.providers.rules import PROGRAMME_VISIBILITY, PROVIDER_VISIBILITY

_M = TypeVar("_M", bound=Model)


def _filtered(
    filterset_class: type[django_filters.FilterSet],
    filters: Mapping[str, object] | None,
    queryset: QuerySet[_M],
) -> QuerySet[_M]:
    if not filters:
        return queryset
    filterset = filterset_class(as_query(filters), queryset=queryset)
    if not filterset.is_valid():
        raise InvalidInputError({name: list(msgs) for name, msgs in filterset.errors.items()})
    return filterset.qs


# --- providers ---------------------------------------------------------------


def provider_scope(*, user: User) -> QuerySet[Provider]:
    """The providers this user may see: their municipality's, or a coach's own (the same
    definition as the ``providers.view_provider`` rule)."""
    return Provider.objects.filter(PROVIDER_VISIBILITY.q(user))


def provider_list(*, user: User, filters: Mapping[str, object] | None = None) -> QuerySet[Provider]:
    if not user.has_perm("providers.list_provider"):
        raise PermissionDeniedError(code="provider-list-denied")
    queryset = provider_scope(user=user).select_related("organisation").order_by("name", "id")
    return _filtered(ProviderFilter, filters, queryset)


#: The permission (``rules.py``) each action on the catalogue needs: ``provider_get`` and
#: ``programme_get`` with ``for_action`` refuse it (403) before anything is read.
PROVIDER_ACTIONS = {"change": "providers.change_provider"}
PROGRAMME_ACTIONS = {"change": "providers.change_programme"}


def provider_get(*, user: User, id: int, for_action: str | None = None) -> Provider:
    """One provider with its subcontractors and affiliated organisations; with
    ``for_action`` only for someone who may take it (403 otherwise)."""
    return visible_for(
        user,
        provider_scope(user=user)
        .select_related("organisation", "municipality")
        .prefetch_related("subcontractors", "affiliated_organisations")
        .filter(pk=id)
        .first(),
        kind="provider",
        view="providers.view_provider",
        actions=PROVIDER_ACTIONS,
        for_action=for_action,
    )


def provider_certification_due(
    *, municipality_ids: Iterable[int], today: dt.date, days: int = CERTIFICATION_WARNING_DAYS
) -> QuerySet[Provider]:
    """Certified providers whose Blik op Werk certification expires within ``days`` of
    ``today``, or expired less than ``days`` ago; the longest expired first."""
    return Provider.objects.filter(
        municipality_id__in=municipality_ids,
        certified=True,
        certification_expires_on__gte=today - dt.timedelta(days=days),
        certification_expires_on__lte=today + dt.timedelta(days=days),
    ).order_by("certification_expires_on", "name", "id")


@dataclass(frozen=True)
class ConflictOfInterest:
    """An organisation affiliated with the provider, or with one of its subcontractors."""

    organisation_id: int
    organisation_name: str
    provider_id: int
    provider_name: str
    via_subcontractor: bool

    @property
    def message(self) -> str:
        if self.via_subcontractor:
            return _(
                "%(organisation)s is affiliated with %(provider)s, a subcontractor of this provider."
            ) % {"organisation": self.organisation_name, "provider": self.provider_name}
        return _("%(organisation)s is affiliated with %(provider)s.") % {
            "organisation": self.organisation_name,
            "provider": self.provider_name,
        }


def provider_conflicts(
    *, provider: Provider, organisation: Organisation
) -> list[ConflictOfInterest]:
    """Whether placing a job seeker of ``provider`` with ``organisation`` is a conflict of interest.

    ``organisation`` is the employer or temp agency a job seeker would work for
    (a vacancy's employer, a trial placement's host). It conflicts when the
    provider, or one of its subcontractors, lists it among its affiliated temp
    agencies and employers (PR1; the client council's warning that the job
    seeker's future must come before the interest of the provider and an
    affiliated temp agency or employer).

    Returns one ``ConflictOfInterest`` per affiliation found, the provider's own
    first; an empty list means no conflict, so the result can be used as a
    boolean. Each has a translated ``message`` to show at referral. Two queries,
    whatever the number of subcontractors; no access check: the caller already
    holds the provider it refers to.
    """
    direct = provider.affiliated_organisations.filter(pk=organisation.pk).exists()
    conflicts = []
    if direct:
        conflicts.append(
            ConflictOfInterest(
                organisation_id=organisation.pk,
                organisation_name=organisation.name,
                provider_id=provider.pk,
                provider_name=provider.name,
                via_subcontractor=False,
            )
        )
    through = (
        Provider.affiliated_organisations.through.objects.filter(
            organisation_id=organisation.pk,
            provider__in=provider.subcontractors.exclude(pk=provider.pk),
        )
        .select_related("provider")
        .order_by("provider__name")
    )
    conflicts.extend(
        ConflictOfInterest(
            organisation_id=organisation.pk,
            organisation_name=organisation.name,
            provider_id=link.provider_id,
            provider_name=link.provider.name,
            via_subcontractor=True,
        )
        for link in through
    )
    return conflicts


# --- programmes --------------------------------------------------------------

#: What a row of the catalogue shows (UI and API).
PROGRAMME_LIST_FIELDS = (
    "id",
    "version",
    "slug",
    "name",
    "lot",
    "goal",
    "plain_summary",
    "target_groups",
    "rung_from",
    "rung_to",
    "duration_weeks",
    "price",
    "format",
    "schooling_level",
    "job_guarantee",
    "staff_expertise",
    "active",
    "municipality",
    "provider",
    "provider__id",
    "provider__name",
    "provider__organisation_id",
    "provider__municipality_id",
)


def programme_scope(*, user: User) -> QuerySet[Programme]:
    """The programmes this user may see: their municipality's, or a coach's own provider's
    (the same definition as the ``providers.view_programme`` rule)."""
    return Programme.objects.filter(PROGRAMME_VISIBILITY.q(user))


def programme_list(
    *, user: User, filters: Mapping[str, object] | None = None
) -> QuerySet[Programme]:
    """The catalogue as this user may see it, filtered (``ProgrammeFilter``), by name.

    Raises ``PermissionDeniedError`` for a role that does not read the catalogue
    and ``InvalidInputError`` for a filter value that is not valid.
    """
    if not user.has_perm("providers.list_programme"):
        raise PermissionDeniedError(code="programme-list-denied")
    queryset = (
        programme_scope(user=user)
        .select_related("provider")
        .only(*PROGRAMME_LIST_FIELDS)
        .order_by("name", "id")
    )
    return _filtered(ProgrammeFilter, filters, queryset)


def programme_get(*, user: User, id: int, for_action: str | None = None) -> Programme:
    """One programme with its provider and instruments, if the user may see it; with
    ``for_action`` only for someone who may take it (403 otherwise)."""
    return visible_for(
        user,
        programme_scope(user=user)
        .select_related("provider", "municipality__settings")
        .prefetch_related("instruments")
        .filter(pk=id)
        .first(),
        kind="programme",
        view="providers.view_programme",
        actions=PROGRAMME_ACTIONS,
        for_action=for_action,
    )


def programme_public_list() -> QuerySet[Programme]:
    """Every programme open for referrals, for the public index: no login needed."""
    return (
        Programme.objects.filter(active=True)
        .select_related("provider", "municipality__settings")
        .order_by("municipality__name", "lot", "name", "id")
    )


def programme_public_get(*, slug: str) -> Programme:
    """An active programme by its address name, for its public page."""
    programme = programme_public_list().filter(slug=slug).first()
    if programme is None:
        raise NotFoundError(code="programme-not-found")
    return programme


def municipality_contacts(*, municipality_id: int) -> dict[str, Organisation | None]:
    """The organisations a public page points to: the municipality itself (its complaint
    route) and the independent advisor's office working for it."""
    organisations = Organisation.objects.filter(
        municipality_id=municipality_id,
        kind__in=[Organisation.Kind.MUNICIPALITY, Organisation.Kind.ADVISOR_OFFICE],
    ).order_by("id")
    found: dict[str, Organisation | None] = {"municipality": None, "advisor": None}
    for organisation in organisations:
        key = "municipality" if organisation.kind == Organisation.Kind.MUNICIPALITY else "advisor"
        found[key] = found[key] or organisation
    return found
