from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo data and its ``demo`` command; above every other app, which it fills."""

    name = "werkpad.demo"
    label = "demo"
    verbose_name = _("Demo data")
