"""Login (password, then a second factor for staff) and logout."""

from __future__ import annotations

import time

import segno
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from werkpad.accounts.forms import AwayForm, CodeForm, LoginForm, client_address
from werkpad.accounts.models import User
from werkpad.accounts.selectors import colleagues, second_factor_device, second_factor_key
from werkpad.accounts.services import (
    SecondFactorLockedError,
    profile_set_away,
    second_factor_required,
    two_factor_enrolment_start,
    two_factor_verify,
)
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.decorators import role_required
from werkpad.core.errors import AccessError, DomainError
from werkpad.core.forms import show_refusal
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import STAFF_ROLES

PENDING = "werkpad_pending_login"
PENDING_SECONDS = 300


class LoginView(auth_views.LoginView):
    """Username and password; staff go on to their second factor before they are logged in."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if second_factor_required(user):
            self.request.session[PENDING] = {
                "user": user.pk,
                "backend": user.backend,
                "at": time.time(),
                "next": self.get_success_url(),
            }
            return redirect("accounts:second-factor")
        response = super().form_valid(form)
        with transaction.atomic():
            audit_record(user=user, action=AuditEvent.Action.LOGIN, object_type="session")
        return response

    def form_invalid(self, form):
        # Only a name that belongs to an account is kept: a password typed into
        # the username field must never reach the log.
        typed = (form.data.get("username") or "")[:150]
        known = User.objects.filter(username=typed).exists()
        audit_record(
            user=None,
            action=AuditEvent.Action.LOGIN_FAILED,
            object_type="session",
            result=AuditEvent.Result.FAILED,
            detail=f"username: {typed}" if known else "unknown username",
            client_address=client_address(self.request),
        )
        return super().form_invalid(form)


def _pending_user(request) -> tuple[User | None, dict]:
    pending = request.session.get(PENDING) or {}
    if not pending or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None, {}
    return User.objects.filter(pk=pending["user"], is_active=True).first(), pending


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def second_factor(request):
    """Enter the code of the authenticator app; the first time, set the app up."""
    user, pending = _pending_user(request)
    if user is None:
        request.session.pop(PENDING, None)
        messages.warning(request, _("Log in again: the login took too long."))
        return redirect("accounts:login")
    device = second_factor_device(user=user)
    enrolling = device is None or not device.confirmed
    if enrolling and device is None:
        device = two_factor_enrolment_start(user=user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            two_factor_verify(user=user, code=form.cleaned_data["code"])
        except SecondFactorLockedError as error:
            request.session.pop(PENDING, None)
            messages.error(request, error.message)
            return redirect("accounts:login")
        except AccessError:
            raise
        except DomainError as error:
            form.add_error("code", error.message)
        else:
            del request.session[PENDING]
            login(request, user, backend=pending["backend"])
            audit_record(
                user=user,
                action=AuditEvent.Action.LOGIN,
                object_type="session",
                detail="with second factor",
            )
            target = pending.get("next") or "/"
            if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                target = "/"
            return redirect(target)
    context = {"form": form, "enrolling": enrolling}
    if enrolling:
        context.update(
            {
                "secret_groups": second_factor_key(device),
                "qr_svg": segno.make(device.config_url, error="m").svg_inline(
                    scale=5, dark="#1b1b1b"
                ),
            }
        )
    return render(
        request, "accounts/second_factor.html", context, status=400 if form.errors else 200
    )


class LogoutView(auth_views.LogoutView):
    """Ends the server-side session (POST only)."""

    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            audit_record(user=request.user, action=AuditEvent.Action.LOGOUT, object_type="session")
        return super().post(request, *args, **kwargs)


@role_required(*STAFF_ROLES)
def profile(request):
    """The staff member's profile: away and stand-in (WT2)."""
    user = request.user
    team = list(colleagues(user=user))
    initial = {"away_until": user.away_until, "stand_in": user.stand_in_id}
    form = AwayForm(request.POST or None, initial=initial, colleagues=team)
    if request.method == "POST" and form.is_valid():
        try:
            profile_set_away(
                user=user,
                away_until=form.cleaned_data["away_until"],
                stand_in_id=form.cleaned_data["stand_in"],
            )
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "away": user.is_away(clock.today())},
        status=400 if request.method == "POST" else 200,
    )
