from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "werkpad.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from werkpad.core.tasks import register_periodic
        from werkpad.notifications.tasks import sweep_terms

        # Terms nearing and passed, every WERKPAD_SWEEP_SECONDS (ADR 0006).
        register_periodic("notifications.sweep-terms", task=sweep_terms)
