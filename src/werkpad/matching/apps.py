from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "werkpad.matching"
    label = "matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        from werkpad.matching import notifications, rules  # noqa: F401

        notifications.register()
