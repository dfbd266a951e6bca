from django import template
from django.core.exceptions import FieldDoesNotExist

from werkpad.jobseekers.models import JobSeeker

register = template.Library()


@register.filter
def field_labels(names) -> str:
    """``["ladder_rung", "email"]`` -> "participation-ladder rung, e-mail" in the active language."""
    labels = []
    for name in names or []:
        try:
            labels.append(str(JobSeeker._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            labels.append(name)
    return ", ".join(labels)
