"""The complaints API beyond the access matrix: what the filer gets back."""

from __future__ import annotations

import pytest

from werkpad.complaints.models import Complaint, Subject

pytestmark = pytest.mark.django_db


def test_a_complaint_the_handler_files_for_the_provider_is_answered_with_what_was_filed(
    api, handler, seeker, provider
):
    """A complaint about a coach, taken by phone by the municipality's handler, goes to the
    provider: the handler cannot open it afterwards, but the answer to the filing is the
    complaint as filed, with who handles it and the term (no 404 after a write)."""
    api.force_authenticate(handler)
    response = api.post(
        "/api/v1/complaints",
        {
            "subject": Subject.PROVIDER_CONDUCT,
            "about": provider.organisation.pk,
            "description": "De coach kwam drie keer niet opdagen.",
            "channel": "phone",
            "jobSeeker": seeker.pk,
            "trajectory": seeker.trajectories.get().pk,
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    complaint = Complaint.objects.get()
    assert complaint.routed_to == provider.organisation
    assert response.json()["id"] == complaint.pk
    assert response.json()["termEndsOn"] == complaint.term_ends_on.isoformat()
    assert api.get(f"/api/v1/complaints/{complaint.pk}").status_code == 404
