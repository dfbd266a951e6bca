from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "werkpad.plans"
    label = "plans"
    verbose_name = _("Plans")

    def ready(self) -> None:
        from werkpad.core.permissions import Role
        from werkpad.core.worklist import register_sections
        from werkpad.plans import notifications
        from werkpad.plans.worklist import caseworker_sections

        register_sections(
            "plans.caseworker", roles={Role.CASEWORKER}, sections=caseworker_sections, order=20
        )
        notifications.register()
