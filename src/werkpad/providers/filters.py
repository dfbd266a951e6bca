"""The catalogue's filters (PR2), one definition for the UI and the API."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from werkpad.core.filters import (
    BooleanFilter,
    FilterData,
    IdFilter,
    IntegerFilter,
    SearchFilter,
    without_blanks,
)
from werkpad.providers.models import Expertise, Format, Lot, Programme, Provider, TargetGroup


def json_list_contains(field: str, values) -> Q:
    """Rows whose JSON list ``field`` holds any of ``values`` (choice values, no quotes).

    Matches the quoted value in the list's text, which reads the same on SQLite
    and PostgreSQL.
    """
    query = Q(pk__in=[])
    for value in values:
        query |= Q(**{f"{field}__icontains": f'"{value}"'})
    return query


class ProgrammeFilter(django_filters.FilterSet):
    search = SearchFilter(
        method="filter_search",
        label=_("Search"),
        help_text=_("Words in the name, goal, content or provider."),
    )
    lot = django_filters.MultipleChoiceFilter(choices=Lot.choices, label=_("Lot"))
    rung = IntegerFilter(
        method="filter_rung",
        label=_("Serves rung"),
        help_text=_("Programmes whose rungs include this one (1-6)."),
        min_value=1,
        max_value=6,
    )
    targetGroup = django_filters.MultipleChoiceFilter(
        method="filter_target_group", choices=TargetGroup.choices, label=_("Target group")
    )
    format = django_filters.ChoiceFilter(
        method="filter_format",
        choices=Format.choices,
        label=_("Format"),
        help_text=_("Group or individual; programmes offering both match either."),
    )
    maxWeeks = IntegerFilter(
        field_name="duration_weeks",
        lookup_expr="lte",
        label=_("At most (weeks)"),
        min_value=1,
    )
    provider = IdFilter(field_name="provider_id", label=_("Provider (id)"))
    expertise = django_filters.MultipleChoiceFilter(
        method="filter_expertise", choices=Expertise.choices, label=_("Staff expertise")
    )
    jobGuarantee = BooleanFilter(field_name="job_guarantee", label=_("Job guarantee"))
    active = BooleanFilter(field_name="active", label=_("Open for referrals"))

    class Meta:
        model = Programme
        fields: list[str] = []

    def __init__(self, data: FilterData | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(None if data is None else without_blanks(data), *args, **kwargs)

    def filter_search(self, queryset, name, value):
        query = Q()
        for word in value.split():
            query &= (
                Q(name__icontains=word)
                | Q(goal__icontains=word)
                | Q(content__icontains=word)
                | Q(plain_summary__icontains=word)
                | Q(provider__name__icontains=word)
            )
        return queryset.filter(query)

    def filter_rung(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(rung_from__lte=value, rung_to__gte=value)

    def filter_target_group(self, queryset, name, value):
        return queryset.filter(json_list_contains("target_groups", value)) if value else queryset

    def filter_expertise(self, queryset, name, value):
        return queryset.filter(json_list_contains("staff_expertise", value)) if value else queryset

    def filter_format(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(format__in={value, Format.BOTH})


class ProviderFilter(django_filters.FilterSet):
    search = SearchFilter(
        method="filter_search", label=_("Search"), help_text=_("A name or KvK number.")
    )
    certified = BooleanFilter(field_name="certified", label=_("Certified"))

    class Meta:
        model = Provider
        fields: list[str] = []

    def __init__(self, data: FilterData | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(None if data is None else without_blanks(data), *args, **kwargs)

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if value.isdigit():
            return queryset.filter(kvk_number__startswith=value)
        return queryset.filter(name__icontains=value)
