"""The consents section on the caseworker's view of a job seeker's file (RI5, TR4)."""

from django import template

from werkpad.consents import selectors
from werkpad.consents.forms import RecordForm
from werkpad.core.models import AuditEvent

register = template.Library()


@register.inclusion_tag("consents/_file_section.html", takes_context=True)
def file_consents(context, job_seeker):
    user = context["request"].user
    if not user.has_perm("consents.request") or job_seeker.user_id == user.pk:
        return {"shown": False}
    consents = selectors.consent_list(
        user=user, job_seeker_id=job_seeker.pk, purpose=AuditEvent.Purpose.CONSENTS
    )
    return {
        "shown": True,
        "js": job_seeker,
        "consents": list(consents),
        "form": RecordForm(organisations=selectors.recipient_organisations(job_seeker=job_seeker)),
        "csrf_token": context.get("csrf_token"),
    }
