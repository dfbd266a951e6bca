"""/mijn/inzage/: the job seeker's access log names every purpose in Dutch."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import job_seeker_login
from werkpad.core.audit import audit_record
from werkpad.core.models import AuditEvent

NOW = dt.datetime(2026, 11, 23, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


def why_column(page: str) -> list[str]:
    marker = 'data-label="Waarom">'
    return [part.split("</td>", 1)[0] for part in page.split(marker)[1:]]


def test_every_purpose_shows_as_its_dutch_label(client, api, caseworker, job_seeker):
    user = job_seeker_login(job_seeker)
    for purpose in AuditEvent.Purpose:
        audit_record(
            user=caseworker,
            action=AuditEvent.Action.READ,
            object_type="jobseeker",
            object_id=job_seeker.pk,
            job_seeker_id=job_seeker.pk,
            purpose=purpose,
        )
    api.as_user(caseworker).get(f"/api/v1/job-seekers/{job_seeker.pk}")
    client.force_login(user)
    client.cookies["django_language"] = "nl"
    client.get(reverse("portal:home"))
    page = client.get(reverse("portal:access-log")).content.decode()

    with translation.override("nl"):
        dutch = {str(p.label) for p in AuditEvent.Purpose}
    with translation.override("en"):
        english = {str(p.label) for p in AuditEvent.Purpose}
    shown = why_column(page)
    # the purposes outnumber a page of the log (50 rows): the rest are on the next one
    rest = client.get(reverse("portal:access-log") + "?page=2").content.decode()
    assert set(shown + why_column(rest)) == dutch
    # the job seeker's own visits (home and this page) and the caseworker's API read
    assert shown.count("eigen dossier") == 3
    assert (shown + why_column(rest)).count("dossier inzien (API)") == 2
    for text in english | {p.value for p in AuditEvent.Purpose if " " in p.value}:
        assert text not in page, text
