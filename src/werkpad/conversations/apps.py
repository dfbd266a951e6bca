from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "werkpad.conversations"
    label = "conversations"
    verbose_name = _("Messages")

    def ready(self) -> None:
        from werkpad.conversations import notifications, rules  # noqa: F401

        notifications.register()
