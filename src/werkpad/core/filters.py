"""Filters every list shares, in the UI and the API, so a query never reaches the
database with a value it cannot hold.

* an id or a number is a whole number within the range of a 64-bit database
  integer (SQLite raises an overflow beyond it, PostgreSQL a data error);
* a boolean is ``true`` or ``false``, nothing else: ``maybe`` is refused, not
  read as "no filter";
* a search has a maximum length.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

#: What a filter set reads: a query (``QueryDict``) or a plain mapping.
FilterData: TypeAlias = MultiValueDict[str, Any] | Mapping[str, Any]

#: The largest value a 64-bit database integer (``BigAutoField``, ``bigint``) holds.
MAX_INT64 = 2**63 - 1
MIN_INT64 = -(2**63)
#: The longest search a list accepts.
SEARCH_MAX_LENGTH = 100


def parse_id(raw: object) -> int | None:
    """``raw`` as an id (a whole number from 1 to ``MAX_INT64``), or None when it is not one.

    Only ASCII digits count: ``"²".isdigit()`` is true, but ``int("²")`` fails.
    """
    text = str(raw).strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_INT64)):
        return None
    value = int(text)
    return value if 1 <= value <= MAX_INT64 else None


def without_blanks(data: FilterData) -> MultiValueDict[str, Any] | dict[str, Any]:
    """Drop empty values: a form sends ``ladderRung=`` for "all", which is no filter."""
    if isinstance(data, MultiValueDict):
        cleaned = data.copy()
        for key in list(cleaned.keys()):
            values = [value for value in data.getlist(key) if str(value).strip()]
            if values:
                cleaned.setlist(key, values)
            else:
                del cleaned[key]
        return cleaned
    return {key: value for key, value in data.items() if value not in ("", None, [])}


@extend_schema_field(OpenApiTypes.INT64)
class IntegerFilter(django_filters.NumberFilter):
    """A whole number, by default within the range of a 64-bit database integer.

    ``min_value`` and ``max_value`` narrow it; the OpenAPI document shows both.
    """

    field_class = forms.IntegerField  # type: ignore[assignment]  # the stub pins DecimalField
    default_min = MIN_INT64

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["min_value"] = max(kwargs.get("min_value", self.default_min), MIN_INT64)
        kwargs["max_value"] = min(kwargs.get("max_value", MAX_INT64), MAX_INT64)
        super().__init__(*args, **kwargs)


class IdFilter(IntegerFilter):
    """An id: a whole number from 1 to the largest 64-bit integer."""

    default_min = 1


class StrictBooleanField(forms.Field):
    """``true`` or ``false`` (any case); empty is no filter; anything else is refused."""

    widget = forms.TextInput
    default_error_messages = {"invalid": _("Give true or false.")}

    def to_python(self, value: object) -> bool | None:
        if value is None or isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text == "":
            return None
        if text in ("true", "false"):
            return text == "true"
        raise ValidationError(self.error_messages["invalid"], code="invalid")


class BooleanFilter(django_filters.BooleanFilter):
    """A yes/no filter that refuses what is neither."""

    field_class = StrictBooleanField  # type: ignore[assignment]  # the stub pins NullBooleanField


class SearchFilter(django_filters.CharFilter):
    """Free text, at most ``SEARCH_MAX_LENGTH`` characters."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", SEARCH_MAX_LENGTH)
        super().__init__(*args, **kwargs)
