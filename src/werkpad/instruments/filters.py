"""The instruments list's filters, one definition for the UI and the API."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import django_filters
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from werkpad.core.filters import BooleanFilter, FilterData, without_blanks
from werkpad.instruments.models import Instrument, InstrumentType


def as_query(filters: Mapping[str, object]) -> QueryDict:
    """Filters as a query: a plain dict's value may be one value or a list of them."""
    if isinstance(filters, QueryDict):
        return filters
    query = QueryDict(mutable=True)
    for key, value in filters.items():
        query.setlist(
            key, [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
        )
    return query


class InstrumentFilter(django_filters.FilterSet):
    type = django_filters.MultipleChoiceFilter(choices=InstrumentType.choices, label=_("Type"))
    active = BooleanFilter(label=_("Active"))

    class Meta:
        model = Instrument
        fields: list[str] = []

    def __init__(self, data: FilterData | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(None if data is None else without_blanks(data), *args, **kwargs)
