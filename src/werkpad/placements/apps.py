from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "werkpad.placements"
    label = "placements"
    verbose_name = _("Referrals to vacancies and placements")

    def ready(self) -> None:
        from werkpad.core.minimum_wage import WageChecks, register_wage_checks
        from werkpad.core.permissions import Role
        from werkpad.core.worklist import register_sections
        from werkpad.placements import rules, worklist  # noqa: F401
        from werkpad.placements.wage_check import placement_recheck, placements_waiting

        # MA3: entering a minimum-wage rate runs the placements' waiting checks again.
        register_wage_checks(
            "placements", WageChecks(waiting=placements_waiting, recheck=placement_recheck)
        )

        register_sections(
            "placements.caseworker",
            roles={Role.CASEWORKER},
            sections=worklist.caseworker_sections,
            order=45,
        )
