import datetime as dt
import ipaddress

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.core.models import AuditEvent


def client_address(request) -> str | None:
    """The address the request came from, as Django sees it (``REMOTE_ADDR``).

    Behind a reverse proxy that is the proxy's, unless the server in front of
    Django passes the client's own address on as ``REMOTE_ADDR``.
    """
    raw = (request.META.get("REMOTE_ADDR") or "") if request is not None else ""
    try:
        return str(ipaddress.ip_address(raw.strip()))
    except ValueError:
        return None


class LoginForm(AuthenticationForm):
    """Username and password, with one answer for every refusal.

    A wrong password, a name without an account and a login that has to wait
    after too many failures get the same message, so the answer tells nobody
    whether an account exists or is waiting. The password hasher runs in each
    case (Django's ModelBackend does so for an unknown name too), so neither
    does the time the answer takes.
    """

    username = forms.CharField(
        label=_("Username"),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    REFUSED = _(
        "The username and password do not match. After too many failed attempts, "
        "logging in waits for 15 minutes."
    )
    error_messages = {"invalid_login": REFUSED, "inactive": REFUSED}

    #: Failed logins of one account within the window before it waits.
    MAX_FAILURES = 10
    WINDOW = dt.timedelta(minutes=15)

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password and self.must_wait(username):
            make_password(password)  # the time a password check takes
            raise self.get_invalid_login_error()
        return super().clean()

    def must_wait(self, username: str) -> bool:
        """Too many recent failures for this account, or from this client address.

        The audit log is the shared record every web process sees.
        """
        recent = AuditEvent.objects.filter(
            action=AuditEvent.Action.LOGIN_FAILED, occurred_at__gte=clock.now() - self.WINDOW
        )
        if recent.filter(detail=f"username: {username}").count() >= self.MAX_FAILURES:
            return True
        address = client_address(self.request)
        return (
            address is not None
            and recent.filter(client_address=address).count()
            >= settings.WERKPAD_LOGIN_FAILURES_PER_ADDRESS
        )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        help_text=_("Six digits; a new code appears every 30 seconds."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class AwayForm(forms.Form):
    """Away until a date, and who stands in (WT2)."""

    away_until = forms.DateField(
        label=_("Away until and including"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty when you are not away."),
    )
    stand_in = forms.TypedChoiceField(
        label=_("Stand-in"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("A colleague with the same role: messages to you reach them while away."),
    )

    def __init__(self, *args, colleagues=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["stand_in"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Nobody")), *((c.pk, str(c)) for c in colleagues)]
