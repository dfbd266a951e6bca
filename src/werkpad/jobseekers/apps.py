from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobSeekersConfig(AppConfig):
    name = "werkpad.jobseekers"
    label = "jobseekers"
    verbose_name = _("Job seekers")
