from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentsConfig(AppConfig):
    name = "werkpad.consents"
    label = "consents"
    verbose_name = _("Consents")

    def ready(self) -> None:
        from werkpad.consents import notifications, rules  # noqa: F401

        notifications.register()
