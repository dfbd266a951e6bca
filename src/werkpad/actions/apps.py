from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    name = "werkpad.actions"
    label = "actions"
    verbose_name = _("Agreed actions")

    def ready(self) -> None:
        from werkpad.actions import notifications, rules, worklist  # noqa: F401
        from werkpad.core.permissions import Role
        from werkpad.core.worklist import register_sections

        register_sections(
            "actions.caseworker",
            roles={Role.CASEWORKER},
            sections=worklist.caseworker_sections,
            order=25,
        )
        register_sections(
            "actions.coach", roles={Role.COACH}, sections=worklist.coach_sections, order=45
        )
        notifications.register()
