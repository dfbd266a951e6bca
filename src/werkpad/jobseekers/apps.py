from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobSeekersConfig(AppConfig):
    name = "werkpad.jobseekers"
    label = "jobseekers"
    verbose_name = _("Job seekers")

    def ready(self) -> None:
        from werkpad.core.permissions import Role
        from werkpad.core.worklist import register_sections
        from werkpad.jobseekers import notifications
        from werkpad.jobseekers.worklist import caseworker_sections

        register_sections(
            "jobseekers.caseworker", roles={Role.CASEWORKER}, sections=caseworker_sections, order=10
        )
        notifications.register()
