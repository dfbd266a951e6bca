"""Paging long lists without paying for their length.

* ``IdFirstPaginator`` fetches a page's primary keys first, through the
  list's covering index, and then loads only those rows with their joins: a
  late page costs the same as the first.
* A count the caller already knows (a tally kept by the database) replaces
  ``COUNT(*)`` over the whole list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.core.paginator import Page
from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import Model, QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.views import APIView

if TYPE_CHECKING:
    from django.core.paginator import _SupportsPagination

_Row = TypeVar("_Row")
_Model = TypeVar("_Model", bound=Model)


class IdFirstPaginator(DjangoPaginator[_Row]):
    def __init__(
        self,
        object_list: _SupportsPagination[_Row],
        per_page: int | str,
        *args: Any,
        known_count: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(object_list, per_page, *args, **kwargs)
        self._known_count = known_count

    @cached_property
    def count(self) -> int:
        if self._known_count is not None:
            return self._known_count
        return super().count

    def page(self, number: int | str) -> Page[_Row]:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count) if self.count else bottom + self.per_page
        queryset = self.object_list
        if not isinstance(queryset, QuerySet):
            return super().page(number)
        ids = list(queryset.values_list("pk", flat=True)[bottom:top])
        # No ORDER BY: the ids carry the order, and sorting would walk the index again.
        rows = {row.pk: row for row in queryset.filter(pk__in=ids).order_by()} if ids else {}
        # django-stubs leaves out Paginator._get_page, which makes the Page.
        page: Page[_Row] = self._get_page([rows[pk] for pk in ids if pk in rows], number, self)  # type: ignore[attr-defined]
        return page


def _whole_number(raw: str) -> int | None:
    """A query value of ASCII digits as a number (capped, so a page number of a thousand
    digits is simply past the end), or None."""
    text = raw.strip()
    if not (text.isascii() and text.isdigit()):
        return None
    return int(text) if len(text) <= 18 else 10**18


class PageNumberPagination(pagination.PageNumberPagination):
    """``page`` and ``pageSize`` (at most 100); answers ``{count, next, previous, results}``.

    A page or page size that is not a whole number, below 1, over the maximum or
    (a page) past the end answers 400 naming it, rather than a silent default.
    A view may set ``known_count`` (for example from a tally) to spare the count.
    """

    page_size = 25
    page_query_param = "page"
    page_size_query_param = "pageSize"
    max_page_size = 100
    last_page_strings = ()

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        size = _whole_number(raw)
        if size is None or not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Give a whole number from 1 to %(max)s.") % {"max": self.max_page_size}
                    ]
                }
            )
        return size

    def paginate_queryset(
        self, queryset: QuerySet[_Model, _Row], request: Request, view: APIView | None = None
    ) -> list[_Row]:
        self.request = request
        page_size = self.get_page_size(request)
        raw = request.query_params.get(self.page_query_param)
        number = 1 if raw is None else _whole_number(raw)
        if number is None or number < 1:
            raise ValidationError(
                {self.page_query_param: [_("Give a page number: a whole number from 1.")]}
            )
        paginator = IdFirstPaginator(
            queryset, page_size, known_count=getattr(view, "known_count", None)
        )
        if raw is not None and number > paginator.num_pages:
            raise ValidationError(
                {
                    self.page_query_param: [
                        _("There is no page %(number)s: the last page is %(last)s.")
                        % {"number": raw.strip(), "last": paginator.num_pages}
                    ]
                }
            )
        self.page = paginator.page(number)
        return list(self.page)

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"].update({"minimum": 1})
                parameter["description"] = (
                    "The page number, from 1; a page past the end answers 400."
                )
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
                parameter["description"] = (
                    f"Rows per page: {self.page_size} unless given, at most {self.max_page_size}."
                )
        return parameters
