"""Paging long lists without paying for their length.

* ``IdFirstPaginator`` fetches a page's primary keys first, through the
  list's covering index, and then loads only those rows with their joins: a
  late page costs the same as the first.
* A count the caller already knows (a tally kept by the database) replaces
  ``COUNT(*)`` over the whole list.
"""

from __future__ import annotations

from django.core.paginator import Paginator as DjangoPaginator
from django.utils.functional import cached_property
from rest_framework import pagination


class IdFirstPaginator(DjangoPaginator):
    def __init__(self, object_list, per_page, *args, known_count: int | None = None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self._known_count = known_count

    @cached_property
    def count(self) -> int:
        if self._known_count is not None:
            return self._known_count
        return super().count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count) if self.count else bottom + self.per_page
        queryset = self.object_list
        if not hasattr(queryset, "values_list"):
            return super().page(number)
        ids = list(queryset.values_list("pk", flat=True)[bottom:top])
        # No ORDER BY: the ids carry the order, and sorting would walk the index again.
        rows = {row.pk: row for row in queryset.filter(pk__in=ids).order_by()} if ids else {}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)


class PageNumberPagination(pagination.PageNumberPagination):
    """``page`` and ``pageSize`` (at most 100); answers ``{count, next, previous, results}``.

    A view may set ``known_count`` (for example from a tally) to spare the count.
    """

    page_size = 25
    page_query_param = "page"
    page_size_query_param = "pageSize"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        known = getattr(view, "known_count", None)
        self.django_paginator_class = lambda *args, **kwargs: IdFirstPaginator(
            *args, known_count=known, **kwargs
        )
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
                parameter["description"] = (
                    f"Rows per page: {self.page_size} unless given, at most {self.max_page_size}."
                )
        return parameters
