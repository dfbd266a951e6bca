from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "werkpad.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from werkpad.accounts.selectors import active_grants
        from werkpad.core.middleware import remember_login_time
        from werkpad.core.permissions import register_grant_source

        register_grant_source(active_grants)

        user_logged_in.connect(remember_login_time, dispatch_uid="werkpad-login-time")
