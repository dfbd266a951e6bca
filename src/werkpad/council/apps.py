from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    """The client council: advice requests (CO1), results reports (CO2) and the LCR
    checklist answered with evidence from werkpad's own data (CO3)."""

    name = "werkpad.council"
    label = "council"
    verbose_name = _("Client council")
