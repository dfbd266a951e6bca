from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    """The client council: advice requests (CO1), results reports (CO2) and the LCR
    checklist answered with evidence from werkpad's own data (CO3)."""

    name = "werkpad.council"
    label = "council"
    verbose_name = _("Client council")

    def ready(self) -> None:
        from werkpad.core.permissions import Role
        from werkpad.core.worklist import register_sections
        from werkpad.council import rules  # noqa: F401

        # Advice requests (CO1).
        from werkpad.council.advice import notifications as advice_notifications
        from werkpad.council.advice import worklist as advice_worklist

        register_sections(
            "council.advice-requests",
            roles={Role.COUNCIL_MEMBER},
            sections=advice_worklist.council_sections,
            order=65,  # the requests awaiting advice before the figures
        )
        register_sections(
            "council.advice-to-respond",
            roles={Role.POLICY_OFFICER},
            sections=advice_worklist.policy_officer_sections,
            order=75,  # before the composition that closes the page
        )
        advice_notifications.register()
