from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployersConfig(AppConfig):
    name = "werkpad.employers"
    label = "employers"
    verbose_name = _("Employers and vacancies")

    def ready(self) -> None:
        from werkpad.core.permissions import Role
        from werkpad.core.worklist import register_sections
        from werkpad.employers import notifications, rules, worklist  # noqa: F401

        register_sections(
            "employers.advisor",
            roles={Role.EMPLOYER_ADVISOR},
            sections=worklist.advisor_sections,
            order=30,
        )
        notifications.register()

        from werkpad.employers import importer
        from werkpad.jobseekers.importer.registry import register_importer

        register_importer(
            "vacancies", find=importer.import_municipality, run=importer.vacancy_import
        )
