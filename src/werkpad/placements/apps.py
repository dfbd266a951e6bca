from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "werkpad.placements"
    label = "placements"
    verbose_name = _("Referrals to vacancies and placements")

    def ready(self) -> None:
        from werkpad.placements import rules  # noqa: F401
