from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecondOpinionsConfig(AppConfig):
    name = "werkpad.secondopinions"
    label = "secondopinions"
    verbose_name = _("Second opinions")

    def ready(self) -> None:
        from werkpad.core.permissions import Role
        from werkpad.core.worklist import register_sections
        from werkpad.secondopinions import notifications, rules, worklist  # noqa: F401

        register_sections(
            "secondopinions.advisor",
            roles={Role.ADVISOR},
            sections=worklist.advisor_sections,
            order=10,
        )
        register_sections(
            "secondopinions.caseworker",
            roles={Role.CASEWORKER},
            sections=worklist.caseworker_sections,
            order=35,
        )
        notifications.register()
