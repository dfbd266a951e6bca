"""Request-wide behaviour: API headers and CORS, origin for the audit log, idle timeout,
no caching of personal data, a page's domain error as its HTTP answer."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeAlias

from django.conf import settings
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from werkpad.core.context import reset_origin, set_origin
from werkpad.core.errors import DomainError, NotFoundError, PermissionDeniedError
from werkpad.core.permissions import AnyUser

GetResponse: TypeAlias = Callable[[HttpRequest], HttpResponse]

API_PREFIX = "/api/"
OPENAPI_PATH = "/api/v1/openapi.json"


class ApiMiddleware:
    """Marks the origin (UI or API), and gives every API response its API-Version header."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        is_api = request.path.startswith(API_PREFIX)
        token = set_origin("api" if is_api else "ui")
        try:
            response = self.get_response(request)
        finally:
            reset_origin(token)
        if is_api:
            response["API-Version"] = settings.API_VERSION
            if request.path == OPENAPI_PATH:
                response["Access-Control-Allow-Origin"] = "*"
        return response


LOGIN_AT = "werkpad_login_at"


def remember_login_time(
    sender: object, request: HttpRequest | None, user: AnyUser, **kwargs: Any
) -> None:
    """Every login, whatever its backend, starts the absolute session clock."""
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT] = int(time.time())


class SessionTimeoutMiddleware:
    """Ends a session that was idle for WERKPAD_SESSION_IDLE_SECONDS, or that is
    older than SESSION_COOKIE_AGE since its login, whatever happened in between.

    API clients with a token have no session here; the UI and session-based
    API calls both count.
    """

    KEY = "werkpad_last_seen"

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and hasattr(request, "session") and user.is_authenticated:
            now = int(time.time())
            last = request.session.get(self.KEY)
            login_at = request.session.get(LOGIN_AT)
            if (last is not None and now - last > settings.WERKPAD_SESSION_IDLE_SECONDS) or (
                login_at is not None and now - login_at > settings.SESSION_COOKIE_AGE
            ):
                logout(request)
            elif last is None or now - last >= 60:
                # Written at most once a minute: no session write on every request.
                request.session[self.KEY] = now
        return self.get_response(request)


class LanguageMiddleware:
    """Dutch unless the user chose English (the language cookie set by /i18n/setlang/).

    The browser's Accept-Language is deliberately not followed: werkpad is a
    Dutch public service whose pages are Dutch first.
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every API response and on every page served to
    someone logged in, so that no browser or proxy keeps a copy of personal data.

    What an anonymous visitor sees (the public programme pages under /aanbod/,
    accessibility, privacy) holds none and may be cached; static files are served
    before this middleware by WhiteNoise, with their own long-lived headers.
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if request.path.startswith(API_PREFIX) or (user is not None and user.is_authenticated):
            add_never_cache_headers(response)
        return response


class DomainErrorMiddleware:
    """A domain error a page lets through becomes its HTTP answer here, in one place, as
    the API's exception handler does for the API: not found is 404, not allowed 403, and
    any other refusal the refusal page with its status (400, 409) and its Dutch message.
    Nothing was written: every service runs in one transaction. Views that show a
    refusal in a form catch it themselves."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DomainError) or request.path.startswith(API_PREFIX):
            return None
        if isinstance(exception, NotFoundError):
            raise Http404(exception.message) from exception
        if isinstance(exception, PermissionDeniedError):
            raise PermissionDenied(exception.message) from exception
        return render(
            request, "refused.html", {"message": exception.message}, status=exception.status
        )
