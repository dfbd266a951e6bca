"""A document sent with a message (WT2 with WT3): it lands on the trajectory in the
coach's conversation and on the file in the contact person's; each reader of the thread
opens it only as far as the document's own visibility allows (a health document never
reaches the coach without the health consent, and nothing once the trajectory ended); a
refused attachment refuses the message and stores nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from tests.conversations.conftest import MONDAY
from tests.documents.conftest import stored_files
from tests.documents.factories import PDF, make_document
from tests.factories import JobSeekerFactory, give_consent
from werkpad.conversations import services
from werkpad.conversations.models import Conversation, Message
from werkpad.core.errors import InvalidInputError
from werkpad.documents.models import Document

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(MONDAY, tick=False)]


@pytest.fixture(autouse=True)
def _staff_without_second_step(settings, document_dir):
    settings.WERKPAD_STAFF_2FA = False


def _page(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _coach_conversation(job_seeker, coach, trajectory) -> Conversation:
    return services.message_start(
        user=coach, job_seeker_id=job_seeker.pk, trajectory_id=trajectory.pk, body="Welkom"
    ).conversation


def test_a_cv_sent_to_the_coach_lands_on_the_trajectory_and_the_coach_opens_it(
    job_seeker, job_seeker_user, coach, trajectory, document_dir
):
    conversation = _coach_conversation(job_seeker, coach, trajectory)
    response = _page(job_seeker_user).post(
        f"/mijn/berichten/{conversation.pk}/",
        {
            "body": "Hierbij mijn cv.",
            "attachment": SimpleUploadedFile("mijn-cv.pdf", PDF),
            "attachment_type": "cv",
        },
    )
    assert response.status_code == 302
    message = Message.objects.get(body="Hierbij mijn cv.")
    document = message.attachment
    assert (document.trajectory_id, document.type, document.uploaded_by) == (
        trajectory.pk,
        "cv",
        job_seeker_user,
    )
    assert len(stored_files(document_dir)) == 1

    coach_page = _page(coach)
    thread = coach_page.get(f"/berichten/{conversation.pk}/").content.decode()
    assert f'href="/documenten/{document.pk}/download/"' in thread
    assert "mijn-cv.pdf" in thread
    download = coach_page.get(f"/documenten/{document.pk}/download/")
    assert b"".join(download.streaming_content) == PDF

    # The trajectory ends: the coach loses the conversation and the document with it.
    trajectory.status = "completed"
    trajectory.save()
    assert coach_page.get(f"/berichten/{conversation.pk}/").status_code == 404
    assert coach_page.get(f"/documenten/{document.pk}/download/").status_code == 404


def test_a_document_sent_to_the_contact_person_lands_on_the_file(
    job_seeker, job_seeker_user, caseworker
):
    message = services.message_start(
        user=job_seeker_user,
        job_seeker_id=job_seeker.pk,
        body="Mijn diploma",
        attachment=services.Attachment(
            upload=SimpleUploadedFile("diploma.pdf", PDF), type="diploma"
        ),
    )
    document = message.attachment
    assert (document.job_seeker_id, document.trajectory_id, document.plan_id) == (
        job_seeker.pk,
        None,
        None,
    )
    thread = _page(caseworker).get(f"/berichten/{message.conversation_id}/").content.decode()
    assert "diploma.pdf" in thread


def test_a_health_attachment_stays_closed_to_the_coach_without_the_health_consent(
    job_seeker, job_seeker_user, coach, trajectory, provider
):
    conversation = _coach_conversation(job_seeker, coach, trajectory)
    message = services.message_send(
        user=job_seeker_user,
        conversation_id=conversation.pk,
        body="Brief van de bedrijfsarts",
        attachment=services.Attachment(
            upload=SimpleUploadedFile("bedrijfsarts.pdf", PDF), type="letter", health=True
        ),
    )
    document = message.attachment
    coach_page = _page(coach)
    thread = coach_page.get(f"/berichten/{conversation.pk}/").content.decode()
    assert "bedrijfsarts.pdf" not in thread
    assert "een document dat u niet mag openen" in thread
    assert coach_page.get(f"/documenten/{document.pk}/download/").status_code == 404
    messages = _api(coach).get(f"/api/v1/conversations/{conversation.pk}/messages").json()
    assert messages[-1]["attachment"] == {
        "id": document.pk,
        "readable": False,
        "name": None,
        "type": None,
    }

    give_consent(job_seeker, part="health", organisation=provider.organisation)
    thread = coach_page.get(f"/berichten/{conversation.pk}/").content.decode()
    assert "bedrijfsarts.pdf" in thread
    assert coach_page.get(f"/documenten/{document.pk}/download/").status_code == 200


def test_a_refused_attachment_refuses_the_message_and_stores_nothing(
    job_seeker, job_seeker_user, coach, trajectory, document_dir
):
    conversation = _coach_conversation(job_seeker, coach, trajectory)
    before = Message.objects.count()
    response = _page(job_seeker_user).post(
        f"/mijn/berichten/{conversation.pk}/",
        {
            "body": "Mijn programma",
            "attachment": SimpleUploadedFile("programma.exe", b"MZ\x90\x00" + b"\x00" * 60),
            "attachment_type": "other",
        },
    )
    assert response.status_code == 415
    assert "bestand" in response.content.decode().lower()
    assert Message.objects.count() == before
    assert not Document.objects.exists()
    assert stored_files(document_dir) == []


def test_a_message_that_fails_after_the_upload_leaves_no_file(
    job_seeker, job_seeker_user, document_dir, monkeypatch
):
    def broken(**kwargs):
        raise InvalidInputError({"body": ["kapot"]})

    monkeypatch.setattr(services, "_record", broken)
    with pytest.raises(InvalidInputError):
        services.message_start(
            user=job_seeker_user,
            job_seeker_id=job_seeker.pk,
            body="Hoi",
            attachment=services.Attachment(upload=SimpleUploadedFile("cv.pdf", PDF), type="cv"),
        )
    assert not Document.objects.exists()
    assert stored_files(document_dir) == []


def test_the_api_sends_a_document_of_the_same_file_only(
    job_seeker, job_seeker_user, coach, trajectory, amsterdam, caseworker
):
    conversation = _coach_conversation(job_seeker, coach, trajectory)
    api = _api(job_seeker_user)
    cv = make_document(user=job_seeker_user, job_seeker=job_seeker, trajectory_id=trajectory.pk)
    created = api.post(
        f"/api/v1/conversations/{conversation.pk}/messages",
        {"body": "Zie bijlage", "document": cv.pk},
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["attachment"] == {
        "id": cv.pk,
        "readable": True,
        "name": "cv.pdf",
        "type": "cv",
    }
    seen = _api(coach).get(f"/api/v1/conversations/{conversation.pk}/messages").json()
    assert seen[-1]["attachment"]["readable"] is True

    someone_else = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    theirs = make_document(user=caseworker, job_seeker=someone_else)
    count = Message.objects.count()
    for document_id in (theirs.pk, 999_999):
        refused = _api(caseworker).post(
            f"/api/v1/conversations/{Conversation.objects.get(kind='trajectory').pk}/messages",
            {"body": "Zie bijlage", "document": document_id},
            format="json",
        )
        assert refused.status_code in (400, 403), refused.content
    refused = api.post(
        f"/api/v1/conversations/{conversation.pk}/messages",
        {"body": "Zie bijlage", "document": theirs.pk},
        format="json",
    )
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["name"] == "document"
    assert Message.objects.count() == count


def test_the_thread_reads_its_attachments_in_one_query(
    job_seeker, job_seeker_user, coach, trajectory, django_assert_max_num_queries
):
    conversation = _coach_conversation(job_seeker, coach, trajectory)

    def send_letters(numbers: range) -> None:
        for number in numbers:
            services.message_send(
                user=job_seeker_user,
                conversation_id=conversation.pk,
                body=f"Bijlage {number}",
                attachment=services.Attachment(
                    upload=SimpleUploadedFile(f"brief-{number}.pdf", PDF), type="letter"
                ),
            )

    send_letters(range(3))
    client = _page(coach)
    client.get(f"/berichten/{conversation.pk}/")
    with django_assert_max_num_queries(30) as captured:
        client.get(f"/berichten/{conversation.pk}/")
    few = len(captured)
    send_letters(range(3, 8))
    client.get(f"/berichten/{conversation.pk}/")  # read up to the new ones
    with django_assert_max_num_queries(few) as captured:
        page = client.get(f"/berichten/{conversation.pk}/").content.decode()
    assert page.count("/download/") == 8


def test_the_api_starts_the_conversation_with_the_coach_with_a_document(
    job_seeker, job_seeker_user, coach, trajectory
):
    cv = make_document(user=job_seeker_user, job_seeker=job_seeker, trajectory_id=trajectory.pk)
    response = _api(job_seeker_user).post(
        "/api/v1/conversations",
        {
            "jobSeeker": job_seeker.pk,
            "trajectory": trajectory.pk,
            "body": "Mijn cv, voor de kennismaking.",
            "document": cv.pk,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    conversation = Conversation.objects.get()
    assert response.json() | {"lastMessageAt": None} == {
        "id": conversation.pk,
        "kind": "trajectory",
        "jobSeekerId": job_seeker.pk,
        "trajectoryId": trajectory.pk,
        "title": f"Met de trajectbegeleider van {trajectory.programme.name}",
        "lastMessageAt": None,
        "unread": 0,
        "canWrite": True,
        "joined": False,
    }
    assert conversation.messages.get().attachment == cv
    seen = _api(coach).get(f"/api/v1/conversations/{conversation.pk}/messages").json()
    assert seen[0]["attachment"] == {"id": cv.pk, "readable": True, "name": "cv.pdf", "type": "cv"}
