from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "werkpad.insights"
    label = "insights"
    verbose_name = _("Insights")

    def ready(self) -> None:
        from werkpad.core.permissions import Role
        from werkpad.core.worklist import register_sections
        from werkpad.insights.worklist import composition_sections, gap_sections

        register_sections(
            "insights.gaps", roles={Role.COUNCIL_MEMBER}, sections=gap_sections, order=70
        )
        register_sections(
            "insights.composition",
            roles={Role.POLICY_OFFICER, Role.COUNCIL_MEMBER, Role.FUNCTIONAL_ADMIN},
            sections=composition_sections,
            order=80,
        )
