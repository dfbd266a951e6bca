"""The job-seeker list's filters, one definition for the UI and the API."""

from __future__ import annotations

from typing import Any

import django_filters
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.core.filters import BooleanFilter, FilterData, IdFilter, SearchFilter, without_blanks
from werkpad.jobseekers.models import (
    BenefitType,
    EducationLevel,
    Gender,
    JobSeeker,
    LadderRung,
    current_q,
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


class FileStatus(models.TextChoices):
    """Which files a list shows: those in the file (the default), those that left, or all."""

    CURRENT = "current", _("In the file")
    LEFT = "left", _("Left the file")
    ALL = "all", _("All")


class JobSeekerFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=FileStatus.choices,
        method="filter_status",
        empty_label=None,
        label=_("File"),
        help_text=_("current (the default): in the file; left: left the file; all: both."),
    )
    search = SearchFilter(
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
    labourDisability = BooleanFilter(field_name="labour_disability", label=_("Labour disability"))
    shelteredWork = BooleanFilter(field_name="sheltered_work", label=_("Sheltered work"))
    contactPerson = IdFilter(field_name="contact_person_id", label=_("Contact person (user id)"))

    profileOverdue = BooleanFilter(
        method="filter_profile_overdue", label=_("Profile review overdue")
    )

    class Meta:
        model = JobSeeker
        fields: list[str] = []

    def __init__(self, data: FilterData | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(None if data is None else without_blanks(data), *args, **kwargs)

    def filter_status(self, queryset, name, value):
        if value == FileStatus.LEFT:
            return queryset.exclude(current_q())
        if value == FileStatus.ALL:
            return queryset
        return queryset.filter(current_q())

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
