from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    """The client council: advice requests (CO1), results reports (CO2) and the LCR
    checklist answered with evidence from werkpad's own data (CO3)."""

    name = "werkpad.council"
    label = "council"
    verbose_name = _("Client council")

    def ready(self) -> None:
        # Evidence (CO3) and results reports (CO2): the computations register themselves.
        from werkpad.council import evidence_sources  # noqa: F401
        from werkpad.council.reports import notifications as report_notifications

        report_notifications.register()
