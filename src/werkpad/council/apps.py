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
        from werkpad.council import evidence_sources, rules  # noqa: F401
        from werkpad.council.advice import notifications as advice_notifications
        from werkpad.council.advice import worklist as advice_worklist
        from werkpad.council.reports import notifications as report_notifications

        # Advice requests (CO1): the council's requests awaiting advice and the policy
        # officer's advice to respond to, before the figures that close the worklist.
        register_sections(
            "council.advice-requests",
            roles={Role.COUNCIL_MEMBER},
            sections=advice_worklist.council_sections,
            order=65,
        )
        register_sections(
            "council.advice-to-respond",
            roles={Role.POLICY_OFFICER},
            sections=advice_worklist.policy_officer_sections,
            order=75,
        )
        advice_notifications.register()
        # Results reports (CO2): the council's members hear of a published report.
        report_notifications.register()
        # Evidence (CO3): the computations in evidence_sources register themselves.
