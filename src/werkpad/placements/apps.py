from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "werkpad.placements"
    label = "placements"
    verbose_name = _("Referrals to vacancies and placements")

    def ready(self) -> None:
        from werkpad.core.permissions import Role
        from werkpad.core.worklist import register_sections
        from werkpad.placements import rules, worklist  # noqa: F401

        register_sections(
            "placements.caseworker",
            roles={Role.CASEWORKER},
            sections=worklist.caseworker_sections,
            order=45,
        )
