from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "werkpad.complaints"
    label = "complaints"
    verbose_name = _("Complaints")

    def ready(self) -> None:
        from werkpad.complaints import notifications, worklist
        from werkpad.core.permissions import Role
        from werkpad.core.worklist import register_sections

        register_sections(
            "complaints.handler",
            roles={Role.COMPLAINT_HANDLER},
            sections=worklist.handler_sections,
            order=60,
        )
        notifications.register()
