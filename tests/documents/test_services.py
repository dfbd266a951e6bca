"""The upload (WT3): limits refused with nothing stored, the malware scan through the
scanner seam and through clamav-client against a stand-in clamd, who may upload what."""

from __future__ import annotations

import socket
import struct
import threading

import pytest

from tests.documents.conftest import stored_files
from tests.documents.factories import JPEG, PDF, PNG, docx, make_document, odt, upload_file
from tests.factories import (
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    give_consent,
)
from werkpad.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.documents import scanning, services
from werkpad.documents.models import Document, document_storage
from werkpad.documents.selectors import document_open

pytestmark = pytest.mark.django_db


def upload(user, job_seeker, name="cv.pdf", content=PDF, **kwargs):
    return services.document_upload(
        user=user,
        job_seeker_id=job_seeker.pk,
        upload=upload_file(name, content),
        type=kwargs.pop("type", "cv"),
        **kwargs,
    )


def test_an_upload_is_stored_under_a_random_name_with_its_facts(
    caseworker, job_seeker, document_dir
):
    document = upload(caseworker, job_seeker, name="../../CV Jan.pdf", description=" Nieuw ")
    assert document.original_name == "CV Jan.pdf"
    assert document.content_type == "application/pdf"
    assert document.size == len(PDF)
    assert len(document.sha256) == 64
    assert document.malware_check == "not_checked"
    assert document.description == "Nieuw"
    [path] = stored_files(document_dir)
    assert "Jan" not in str(path) and path.suffix == ".pdf"
    assert (document_dir / path).read_bytes() == PDF
    assert AuditEvent.objects.filter(
        object_type="document", action="create", job_seeker_id=job_seeker.pk
    ).exists()


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("cv.pdf", PDF, "application/pdf"),
        ("cv.docx", docx(), "wordprocessingml"),
        ("cv.odt", odt(), "opendocument.text"),
        ("diploma.JPG", JPEG, "image/jpeg"),
        ("diploma.png", PNG, "image/png"),
        ("brief.txt", "Geachte heer, één regel.\n".encode(), "text/plain"),
    ],
)
def test_the_accepted_kinds(caseworker, job_seeker, document_dir, name, content, kind):
    assert kind in upload(caseworker, job_seeker, name=name, content=content).content_type


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ\x90\x00", "Dit soort bestand wordt niet geaccepteerd"),
        ("cv.pdf", b"MZ\x90\x00 not a pdf", "is niet wat de naam zegt"),
        ("cv.docx", PDF, "is niet wat de naam zegt"),
        ("cv.docx", odt(), "is niet wat de naam zegt"),
        ("foto.png", JPEG, "is niet wat de naam zegt"),
        ("brief.txt", b"\x00\x01binary", "is niet wat de naam zegt"),
        ("cv", PDF, "Dit soort bestand wordt niet geaccepteerd"),
    ],
)
def test_a_forbidden_kind_is_refused_and_nothing_is_stored(
    caseworker, job_seeker, document_dir, name, content, message
):
    with pytest.raises(services.DocumentTypeError) as refused:
        upload(caseworker, job_seeker, name=name, content=content)
    assert refused.value.status == 415 and message in refused.value.message
    assert not Document.objects.exists() and stored_files(document_dir) == []


def test_over_the_size_limit_is_refused_and_nothing_is_stored(
    caseworker, job_seeker, document_dir, settings
):
    settings.WERKPAD_DOCUMENT_MAX_BYTES = len(PDF) - 1
    with pytest.raises(services.DocumentTooLargeError) as refused:
        upload(caseworker, job_seeker)
    assert refused.value.status == 413 and "te groot" in refused.value.message
    assert not Document.objects.exists() and stored_files(document_dir) == []
    settings.WERKPAD_DOCUMENT_MAX_BYTES = len(PDF)
    upload(caseworker, job_seeker)


def test_an_empty_file_is_refused(caseworker, job_seeker, document_dir):
    with pytest.raises(InvalidInputError):
        upload(caseworker, job_seeker, content=b"")
    assert stored_files(document_dir) == []


class FakeScanner:
    def __init__(self, answer=None, fail=False):
        self.answer, self.fail, self.scanned = answer, fail, []

    def scan(self, data):
        self.scanned.append(data)
        if self.fail:
            raise scanning.ScannerUnavailable("down")
        return self.answer


def test_a_clean_scan_is_recorded(caseworker, job_seeker, document_dir, monkeypatch):
    scanner = FakeScanner()
    monkeypatch.setattr(scanning, "configured_scanner", lambda: scanner)
    assert upload(caseworker, job_seeker).malware_check == "clean"
    assert scanner.scanned == [PDF]


def test_malware_is_refused_and_nothing_is_stored(
    caseworker, job_seeker, document_dir, monkeypatch
):
    monkeypatch.setattr(scanning, "configured_scanner", lambda: FakeScanner("Eicar-Signature"))
    with pytest.raises(services.DocumentInfectedError) as refused:
        upload(caseworker, job_seeker)
    assert "Eicar-Signature" in refused.value.message
    assert not Document.objects.exists() and stored_files(document_dir) == []


def test_a_scanner_that_does_not_answer_refuses_the_upload(
    caseworker, job_seeker, document_dir, monkeypatch
):
    monkeypatch.setattr(scanning, "configured_scanner", lambda: FakeScanner(fail=True))
    with pytest.raises(services.ScannerUnavailableError) as refused:
        upload(caseworker, job_seeker)
    assert refused.value.status == 503 and "Probeer het over een paar minuten" in str(
        refused.value.message
    )
    assert not Document.objects.exists() and stored_files(document_dir) == []


def test_without_clamav_url_there_is_no_scanner(settings):
    settings.CLAMAV_URL = ""
    assert scanning.configured_scanner() is None
    settings.CLAMAV_URL = "tcp://clamav.example:3310"
    scanner = scanning.configured_scanner()
    assert isinstance(scanner, scanning.ClamdScanner)
    assert (scanner.address.hostname, scanner.address.port) == ("clamav.example", 3310)


@pytest.fixture
def fake_clamd():
    """A stand-in clamd on a local port, speaking INSTREAM: ``answer`` is what it says."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    state = {"answer": b"stream: OK\n", "received": b""}

    def serve():
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            with connection:
                command = b""
                while not command.endswith(b"\n"):
                    command += connection.recv(1)
                data = b""
                while True:
                    header = b""
                    while len(header) < 4:
                        header += connection.recv(4 - len(header))
                    (size,) = struct.unpack("!L", header)
                    if size == 0:
                        break
                    chunk = b""
                    while len(chunk) < size:
                        chunk += connection.recv(size - len(chunk))
                    data += chunk
                state["received"] = data
                connection.sendall(state["answer"])

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    state["url"] = f"tcp://127.0.0.1:{server.getsockname()[1]}"
    yield state
    server.close()


def test_clamav_client_against_a_clamd(fake_clamd):
    scanner = scanning.ClamdScanner(fake_clamd["url"], timeout=5)
    assert scanner.scan(PDF) is None
    assert fake_clamd["received"] == PDF
    fake_clamd["answer"] = b"stream: Win.Test.EICAR_HDB-1 FOUND\n"
    assert scanner.scan(b"X5O!P%@AP") == "Win.Test.EICAR_HDB-1"
    fake_clamd["answer"] = b"INSTREAM size limit exceeded. ERROR\n"
    with pytest.raises(scanning.ScannerUnavailable):
        scanner.scan(PDF)


def test_clamav_unreachable_is_unavailable():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    with pytest.raises(scanning.ScannerUnavailable):
        scanning.ClamdScanner(f"tcp://127.0.0.1:{port}", timeout=2).scan(PDF)


def test_the_upload_scans_through_clamav_when_clamav_url_is_set(
    caseworker, job_seeker, document_dir, fake_clamd, settings
):
    settings.CLAMAV_URL = fake_clamd["url"]
    assert upload(caseworker, job_seeker).malware_check == "clean"
    fake_clamd["answer"] = b"stream: Eicar-Signature FOUND\n"
    with pytest.raises(services.DocumentInfectedError):
        upload(caseworker, job_seeker)
    assert Document.objects.count() == 1 and len(stored_files(document_dir)) == 1


# --- who uploads what ----------------------------------------------------------------


def test_a_health_document_only_by_the_contact_person(
    caseworker, colleague, job_seeker, document_dir
):
    with pytest.raises(InvalidInputError) as refused:
        upload(colleague, job_seeker, health=True)
    assert "health" in refused.value.errors
    assert upload(caseworker, job_seeker, health=True).health


def test_the_job_seeker_uploads_only_their_own(job_seeker_user, amsterdam, document_dir):
    from tests.factories import JobSeekerFactory

    assert upload(job_seeker_user, job_seeker_user.job_seeker, health=True).health
    with pytest.raises(NotFoundError):
        upload(job_seeker_user, JobSeekerFactory(municipality=amsterdam))


def test_a_coach_uploads_to_their_running_trajectory_only(amsterdam, job_seeker, document_dir):
    provider = ProviderFactory(municipality=amsterdam)
    coach = UserFactory.with_role(Role.COACH, organisation=provider.organisation)
    running = TrajectoryFactory(
        job_seeker=job_seeker, started=True, programme=ProgrammeFactory(provider=provider)
    )
    ended = TrajectoryFactory(
        job_seeker=job_seeker, completed=True, programme=ProgrammeFactory(provider=provider)
    )
    assert upload(coach, job_seeker, trajectory_id=running.pk).trajectory == running
    with pytest.raises(NotFoundError):
        upload(coach, job_seeker, trajectory_id=ended.pk)
    with pytest.raises(InvalidInputError):
        upload(coach, job_seeker)
    with pytest.raises(InvalidInputError) as refused:
        upload(coach, job_seeker, trajectory_id=running.pk, health=True)
    assert "health" in refused.value.errors
    give_consent(job_seeker, part="health", organisation=provider.organisation)
    assert upload(coach, job_seeker, trajectory_id=running.pk, health=True).health


def test_other_roles_upload_nothing(role_user, job_seeker, document_dir):
    with pytest.raises(PermissionDeniedError):
        upload(role_user(Role.POLICY_OFFICER), job_seeker)
    assert not Document.objects.exists()


def test_a_plan_or_a_trajectory_of_another_job_seeker_is_refused(
    caseworker, job_seeker, amsterdam, document_dir
):
    from tests.factories import JobSeekerFactory, PlanFactory

    other = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    plan = PlanFactory(job_seeker=other)
    with pytest.raises(InvalidInputError):
        upload(caseworker, job_seeker, plan_id=plan.pk)
    own_plan = PlanFactory(job_seeker=job_seeker)
    trajectory = TrajectoryFactory(job_seeker=job_seeker)
    with pytest.raises(InvalidInputError):
        upload(caseworker, job_seeker, plan_id=own_plan.pk, trajectory_id=trajectory.pk)
    assert upload(caseworker, job_seeker, plan_id=own_plan.pk).plan == own_plan


def test_a_download_is_audited_in_the_job_seekers_log(caseworker, job_seeker, document_dir):
    document = make_document(user=caseworker, job_seeker=job_seeker)
    _found, content = document_open(user=caseworker, id=document.pk)
    with content:
        assert content.read() == PDF
    assert AuditEvent.objects.filter(
        object_type="document",
        object_id=str(document.pk),
        job_seeker_id=job_seeker.pk,
        purpose="document content",
        fields=["content"],
    ).exists()


def test_a_failed_row_leaves_no_file(caseworker, job_seeker, document_dir, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(services, "audit_record", broken)
    with pytest.raises(RuntimeError):
        upload(caseworker, job_seeker)
    assert stored_files(document_dir) == [] and not Document.objects.exists()
    assert document_storage().listdir("")  # the month folders may stay; no file
