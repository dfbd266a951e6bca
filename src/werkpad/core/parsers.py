"""The API's request parser (the DRF default, see settings.REST_FRAMEWORK).

Kept apart from ``core.api``: DRF reads its default parsers while its views
module loads, so this module must not import DRF's views.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from django.utils.translation import gettext as _
from rest_framework import exceptions, parsers

#: The deepest nesting of arrays and objects a request body may have.
MAX_JSON_DEPTH = 32


class JSONParser(parsers.JSONParser):
    """JSON bodies, nested at most ``MAX_JSON_DEPTH`` deep: deeper answers 400, never a
    recursion error."""

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        try:
            data = super().parse(stream, media_type, parser_context)
            too_deep = _depth(data) > MAX_JSON_DEPTH
        except RecursionError:
            too_deep = True
        if too_deep:
            raise exceptions.ParseError(
                _("The body is nested deeper than %(depth)s levels.") % {"depth": MAX_JSON_DEPTH},
                code="too-deep",
            )
        return data


def _depth(data: Any) -> int:
    """How deep arrays and objects nest in ``data`` (a scalar is 0), without recursion."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict):
            children = list(value.values())
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, level)
        if deepest > MAX_JSON_DEPTH:
            break
        stack.extend((child, level + 1) for child in children)
    return deepest
