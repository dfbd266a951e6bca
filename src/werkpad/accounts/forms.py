import datetime as dt

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.core.models import AuditEvent


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Username"),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    #: Failed logins of one account within the window before it waits.
    MAX_FAILURES = 10
    WINDOW = dt.timedelta(minutes=15)

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and self._recent_failures(username) >= self.MAX_FAILURES:
            raise forms.ValidationError(
                _("Too many failed attempts for this account. Try again in 15 minutes."),
                code="too-many-attempts",
            )
        return super().clean()

    def _recent_failures(self, username: str) -> int:
        # The audit log is the shared record every web process sees.
        return AuditEvent.objects.filter(
            action=AuditEvent.Action.LOGIN_FAILED,
            occurred_at__gte=clock.now() - self.WINDOW,
            detail=f"username: {username}",
        ).count()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        help_text=_("Six digits; a new code appears every 30 seconds."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
