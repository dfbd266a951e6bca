from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediationsConfig(AppConfig):
    name = "werkpad.mediations"
    label = "mediations"
    verbose_name = _("Mediations")

    def ready(self) -> None:
        from werkpad.core.permissions import Role
        from werkpad.core.worklist import register_sections
        from werkpad.mediations import notifications, rules, worklist  # noqa: F401

        register_sections(
            "mediations.caseworker",
            roles={Role.CASEWORKER},
            sections=worklist.caseworker_sections,
            order=36,
        )
        notifications.register()
