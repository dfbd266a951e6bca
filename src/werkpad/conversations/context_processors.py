from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial

from django.http import HttpRequest

from werkpad.conversations.selectors import unread_count


def conversations(request: HttpRequest) -> dict[str, Callable[[], int]]:
    """The header's count of unread messages, counted only when a page shows it (once)."""
    return {"unread_messages": cache(partial(unread_count, user=getattr(request, "user", None)))}
