from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "werkpad.grants"
    label = "grants"
    verbose_name = _("Grants and budgets")

    def ready(self) -> None:
        from werkpad.grants import rules  # noqa: F401
