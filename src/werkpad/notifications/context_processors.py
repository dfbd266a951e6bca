from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial

from django.http import HttpRequest

from werkpad.notifications.selectors import unread_count


def notifications(request: HttpRequest) -> dict[str, Callable[[], int]]:
    """The header's unread count, counted only when a page shows it (once)."""
    return {
        "unread_notifications": cache(partial(unread_count, user=getattr(request, "user", None)))
    }
