from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    """Satisfaction surveys of job seekers and employers, set up with the client
    council; the answers are anonymous (RI6)."""

    name = "werkpad.surveys"
    label = "surveys"
    verbose_name = _("Satisfaction surveys")

    def ready(self) -> None:
        from werkpad.core.permissions import Role
        from werkpad.core.worklist import register_sections
        from werkpad.surveys import notifications, rules, worklist  # noqa: F401

        register_sections(
            "surveys.parties",
            roles={Role.POLICY_OFFICER, Role.COUNCIL_MEMBER},
            sections=worklist.party_sections,
            order=80,
        )
        register_sections(
            "surveys.respondents",
            roles={Role.EMPLOYER},
            sections=worklist.respondent_sections,
            order=5,
        )
        notifications.register()
