from collections.abc import Iterable

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from werkpad.core import clock
from werkpad.jobseekers.models import BenefitType, JobSeeker, LadderRung

register = template.Library()


@register.filter
def field_labels(names: Iterable[str] | None) -> str:
    """``["ladder_rung", "email"]`` -> "participation-ladder rung, e-mail" in the active language."""
    labels = []
    for name in names or []:
        try:
            field = JobSeeker._meta.get_field(name)
        except FieldDoesNotExist:
            field = None
        labels.append(str(field.verbose_name) if isinstance(field, models.Field) else name)
    return ", ".join(labels)


@register.simple_tag
def job_seeker_rows(job_seekers, labels: dict) -> str:
    """The list's table rows, built in Python.

    A page of the list is the caseworker's most frequent view; rendering its 25
    rows through template nodes cost several times what the rest of the page
    did. Every value is escaped, as the template would; the fixed parts (the
    column labels, the choice labels) are escaped once per page, not per row.
    """
    today = clock.today()
    detail = reverse("jobseekers:detail", args=[0]).removesuffix("0/")
    label = {key: escape(text) for key, text in labels.items()}
    rungs = {value: escape(text) for value, text in LadderRung.choices}
    benefits = {value: escape(text) for value, text in BenefitType.choices}
    row = (
        '<tr><td data-label="{name}"><a href="{detail}{pk}/">{last}, {first}</a>{left}</td>'
        '<td data-label="{bsn}">{masked}</td>'
        '<td data-label="{age}" class="wp-num">{years}</td>'
        '<td data-label="{rung}"><span class="wp-rung" title="{rung_label}">{rung_value}</span></td>'
        '<td data-label="{benefit}">{benefit_label}</td>'
        '<td data-label="{since}">{since_date}</td>'
        '<td data-label="{contact}">{contact_name}</td></tr>'
    )
    left_label = escape(_("left on"))
    html = []
    for js in job_seekers:
        person = js.contact_person
        html.append(
            row.format(
                **label,
                detail=detail,
                pk=js.pk,
                last=escape(js.last_name),
                first=escape(js.first_name),
                left=(
                    f' <span class="wp-badge">{left_label} {js.left_on.strftime("%d-%m-%Y")}</span>'
                    if js.left_on
                    else ""
                ),
                masked=escape(js.masked_bsn),
                years=js.age_on(today),
                rung_label=rungs[js.ladder_rung],
                rung_value=js.ladder_rung,
                benefit_label=benefits[js.benefit_type],
                since_date=js.unemployed_since.strftime("%d-%m-%Y"),
                contact_name=escape(person.get_full_name()) if person is not None else "—",
            )
        )
    return mark_safe("\n".join(html))  # every value above is escaped
