from django.contrib.auth import views as auth_views
from django.db import transaction

from werkpad.accounts.forms import LoginForm
from werkpad.core.audit import audit_record
from werkpad.core.models import AuditEvent


class LoginView(auth_views.LoginView):
    """Username and password; Django gives the session a new id at login."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        with transaction.atomic():
            audit_record(user=form.get_user(), action=AuditEvent.Action.LOGIN,
                         object_type="session")
        return response

    def form_invalid(self, form):
        username = (form.data.get("username") or "")[:150]
        audit_record(user=None, action=AuditEvent.Action.LOGIN_FAILED, object_type="session",
                     result=AuditEvent.Result.FAILED, detail=f"username: {username}")
        return super().form_invalid(form)


class LogoutView(auth_views.LogoutView):
    """Ends the server-side session (POST only)."""

    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            audit_record(user=request.user, action=AuditEvent.Action.LOGOUT, object_type="session")
        return super().post(request, *args, **kwargs)
