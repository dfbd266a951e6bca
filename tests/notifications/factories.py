import factory
from factory.django import DjangoModelFactory

from werkpad.notifications.models import Kind, Notification


class NotificationFactory(DjangoModelFactory):
    """A notification about a plan's review; trait ``read``."""

    class Meta:
        model = Notification

    kind = Kind.TERM_NEAR
    topic = "plan-review"
    url = "/plannen/1/"
    due_on = factory.Faker("date_between", start_date="+1d", end_date="+3d")
    key = factory.Sequence(lambda n: f"plan-review:term_near:{n}:2026-11-26")

    class Params:
        read = factory.Trait(read_at=factory.Faker("date_time", tzinfo=__import__("datetime").UTC))
