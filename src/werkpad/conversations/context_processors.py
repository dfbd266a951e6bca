from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest

from werkpad.conversations.selectors import unread_count


def conversations(request: HttpRequest) -> dict[str, Callable[[], int]]:
    """The header's count of unread messages, counted only when a page shows it (once)."""
    user = getattr(request, "user", None)
    cache: list[int] = []

    def count() -> int:
        if not cache:
            cache.append(unread_count(user=user))
        return cache[0]

    return {"unread_messages": count}
