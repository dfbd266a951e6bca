"""View decorators: who may open a page at all, before any object is looked up.

Which object a user may see is decided by each app's rules and selectors; these only
keep a page to the roles it is for.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from werkpad.core.permissions import scope_of

View = Callable[..., HttpResponse]


def role_required(
    *roles: str, others: type[Exception] = PermissionDenied
) -> Callable[[View], View]:
    """Logged in (else the login page) and holding one of ``roles``; anyone else gets
    ``others``: 403, or ``Http404`` for a job seeker's own page of one object, which for
    anyone else does not exist."""

    def decorate(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not scope_of(request.user).has(*roles):
                raise others
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
