from django import template
from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from django.utils.html import format_html_join

from werkpad.core import clock
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


@register.simple_tag
def job_seeker_rows(job_seekers, labels: dict) -> str:
    """The list's table rows, built in Python.

    A page of the list is the caseworker's most frequent view; rendering its 25
    rows through template nodes cost several times what the rest of the page
    did. ``format_html`` escapes every value as the template would.
    """
    today = clock.today()
    detail = reverse("jobseekers:detail", args=[0]).removesuffix("0/")
    return format_html_join(
        "\n",
        '<tr><td data-label="{}"><a href="{}{}/">{}, {}</a></td>'
        '<td data-label="{}">{}</td>'
        '<td data-label="{}" class="wp-num">{}</td>'
        '<td data-label="{}"><span class="wp-rung" title="{}">{}</span></td>'
        '<td data-label="{}">{}</td>'
        '<td data-label="{}">{}</td>'
        '<td data-label="{}">{}</td></tr>',
        (
            (
                labels["name"],
                detail,
                js.pk,
                js.last_name,
                js.first_name,
                labels["bsn"],
                js.masked_bsn,
                labels["age"],
                js.age_on(today),
                labels["rung"],
                js.ladder_rung_label,
                js.ladder_rung,
                labels["benefit"],
                js.benefit_type_label,
                labels["since"],
                js.unemployed_since.strftime("%d-%m-%Y"),
                labels["contact"],
                (js.contact_person.get_full_name() if js.contact_person else "") or "—",
            )
            for js in job_seekers
        ),
    )
