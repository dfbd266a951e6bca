from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    """Satisfaction surveys of job seekers and employers, set up with the client
    council; the answers are anonymous (RI6)."""

    name = "werkpad.surveys"
    label = "surveys"
    verbose_name = _("Satisfaction surveys")
