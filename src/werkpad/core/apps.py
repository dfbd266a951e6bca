from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "werkpad.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from werkpad.core.permissions import Role
        from werkpad.core.worklist import minimum_wage_section, register_sections

        register_sections(
            "core.minimum-wage",
            roles={Role.FUNCTIONAL_ADMIN},
            sections=lambda user: [minimum_wage_section(user)],
            order=60,
        )
