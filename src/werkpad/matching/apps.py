from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "werkpad.matching"
    label = "matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        from werkpad.core.permissions import Role
        from werkpad.core.worklist import register_sections
        from werkpad.matching import notifications, rules, worklist  # noqa: F401

        register_sections(
            "matching.caseworker",
            roles={Role.CASEWORKER},
            sections=worklist.caseworker_sections,
            order=27,
        )
        register_sections(
            "matching.advisor",
            roles={Role.EMPLOYER_ADVISOR},
            sections=worklist.advisor_sections,
            # After the vacancies to answer within 72 hours (employers, 30).
            order=35,
        )
        notifications.register()
