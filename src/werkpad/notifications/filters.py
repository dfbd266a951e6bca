from __future__ import annotations

from typing import Any

import django_filters
from django.utils.translation import gettext_lazy as _

from werkpad.core.filters import BooleanFilter, FilterData, without_blanks
from werkpad.notifications.models import Notification


class NotificationFilter(django_filters.FilterSet):
    unread = BooleanFilter(
        method="filter_unread", label=_("Unread"), help_text="Only unread (true) or read (false)."
    )

    class Meta:
        model = Notification
        fields: list[str] = []

    def __init__(self, data: FilterData | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(None if data is None else without_blanks(data), *args, **kwargs)

    def filter_unread(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(read_at__isnull=value)
