from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvidersConfig(AppConfig):
    name = "werkpad.providers"
    label = "providers"
    verbose_name = _("Providers and programmes")

    def ready(self) -> None:
        from werkpad.core.permissions import Role
        from werkpad.core.worklist import register_sections
        from werkpad.providers import worklist

        register_sections(
            "providers.register",
            roles={Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN},
            sections=worklist.policy_officer_sections,
            order=50,
        )
