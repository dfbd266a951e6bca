"""The job-seeker list's filters, one definition for the UI and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from werkpad.core import clock
from werkpad.jobseekers.models import (
    BenefitType,
    EducationLevel,
    Gender,
    JobSeeker,
    LadderRung,
    profile_overdue_q,
)

#: A search may hold at most this many digits of a BSN (as many as a list shows); the whole number never
#: travels in an address (NL API Design Rules: no BSN in a URI).
MAX_BSN_DIGITS_IN_SEARCH = 3


def validate_no_bsn(value: str) -> None:
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) > MAX_BSN_DIGITS_IN_SEARCH:
        raise ValidationError(
            _(
                "Search with at most the last %(n)s digits of a BSN. Look up a whole BSN with "
                "the BSN lookup, which does not put it in the address."
            )
            % {"n": MAX_BSN_DIGITS_IN_SEARCH},
            code="bsn-in-uri",
        )


def _without_blanks(data):
    """Drop empty values: a form sends ``ladderRung=`` for "all", which is no filter."""
    if hasattr(data, "getlist"):
        cleaned = data.copy()
        for key in list(cleaned.keys()):
            values = [value for value in data.getlist(key) if str(value).strip()]
            if values:
                cleaned.setlist(key, values)
            else:
                del cleaned[key]
        return cleaned
    return {key: value for key, value in data.items() if value not in ("", None, [])}


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(django_filters.NumberFilter):
    """An id: a whole number, documented as an integer."""

    field_class = forms.IntegerField


class JobSeekerFilter(django_filters.FilterSet):
    search = django_filters.CharFilter(
        method="filter_search",
        validators=[validate_no_bsn],
        label=_("Search"),
        help_text=_("A name, or the last three digits of the BSN."),
    )
    ladderRung = django_filters.MultipleChoiceFilter(
        field_name="ladder_rung", choices=LadderRung.choices, label=_("Rung")
    )
    benefitType = django_filters.MultipleChoiceFilter(
        field_name="benefit_type", choices=BenefitType.choices, label=_("Benefit")
    )
    gender = django_filters.MultipleChoiceFilter(choices=Gender.choices, label=_("Gender"))
    educationLevel = django_filters.MultipleChoiceFilter(
        field_name="education_level", choices=EducationLevel.choices, label=_("Education")
    )
    labourDisability = django_filters.BooleanFilter(
        field_name="labour_disability", label=_("Labour disability")
    )
    shelteredWork = django_filters.BooleanFilter(
        field_name="sheltered_work", label=_("Sheltered work")
    )
    contactPerson = IdFilter(field_name="contact_person_id", label=_("Contact person (user id)"))

    profileOverdue = django_filters.BooleanFilter(
        method="filter_profile_overdue", label=_("Profile review overdue")
    )

    class Meta:
        model = JobSeeker
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(None if data is None else _without_blanks(data), *args, **kwargs)

    def filter_profile_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(
            profile_overdue_q(clock.today()) if value else ~profile_overdue_q(clock.today())
        )

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        if value.isdigit():
            return queryset.filter(bsn__endswith=value)
        query = Q()
        for word in value.split():
            query &= Q(first_name__icontains=word) | Q(last_name__icontains=word)
        return queryset.filter(query)
