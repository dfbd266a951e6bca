from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from werkpad.core.permissions import Role, scope_of


def werkpad(request: HttpRequest) -> dict[str, Any]:
    scope = scope_of(getattr(request, "user", None))
    return {
        "werkpad_version": settings.WERKPAD_VERSION,
        "scope": scope,
        "Role": Role,
        "user_roles": scope.roles,
    }
