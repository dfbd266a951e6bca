"""Demo documents (WT3): a CV and a certificate for the ``werkzoekende`` login, small real
PDFs made here, uploaded through the documents service (so they are stored in the
configured storage, checked and audited as any upload). The coach of a running
trajectory reads the CV when the job seeker shares the part "work" with its provider."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from werkpad.accounts.models import User
from werkpad.consents import parts
from werkpad.consents.models import Consent
from werkpad.consents.workflow import Status as ConsentStatus
from werkpad.documents.models import Document, Type
from werkpad.documents.services import document_upload
from werkpad.jobseekers.models import JobSeeker
from werkpad.trajectories.models import Trajectory
from werkpad.trajectories.workflow import RUNNING

#: How many job seekers of the coach login's running trajectories get a CV.
SHARED_CVS = 3


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf(lines: list[str]) -> bytes:
    """A one-page PDF (A4, Helvetica) with these lines of Latin-1 text: small and valid."""
    stream = ["BT", "/F1 12 Tf", "72 770 Td", "16 TL"]
    for index, line in enumerate(lines):
        size = "18" if index == 0 else "12"
        stream.append(f"/F1 {size} Tf ({_escape(line)}) Tj T*")
    stream.append("ET")
    content = "\n".join(stream).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def cv_lines(job_seeker: JobSeeker) -> list[str]:
    return [
        f"Curriculum vitae - {job_seeker.first_name} {job_seeker.last_name}",
        f"Woonplaats: {job_seeker.city or '-'}",
        f"Opleiding: {job_seeker.get_education_level_display()}",
        "Werkervaring: " + (job_seeker.work_experience or "-")[:80],
        "Vaardigheden: " + (job_seeker.skills or "-")[:80],
        "Wensen: " + (job_seeker.wishes or "-")[:80],
    ]


def create_documents(*, job_seeker_user: User, caseworker: User, coach: User) -> list[Document]:
    """The werkzoekende's CV (uploaded by themselves) and a certificate (uploaded by their
    contact person, klantmanager); and a CV for a few job seekers of the ``coach`` login's
    running trajectories who share "work" with its provider, so that the coach reads them
    (and finds them in the handover) through that consent."""
    made = _werkzoekende(job_seeker_user=job_seeker_user, caseworker=caseworker)
    organisation = coach.memberships.get().organisation_id
    shared = Consent.objects.filter(
        recipient=Consent.Recipient.PROVIDER,
        organisation_id=organisation,
        part=parts.WORK,
        status=ConsentStatus.GIVEN,
    ).values("job_seeker_id")
    trajectories = (
        Trajectory.objects.filter(
            provider__organisation_id=organisation,
            status__in=RUNNING,
            job_seeker_id__in=shared,
            job_seeker__contact_person__isnull=False,
        )
        .select_related("job_seeker__contact_person")
        .order_by("pk")
    )
    seen: set[int] = set()
    for trajectory in trajectories:
        job_seeker = trajectory.job_seeker
        if job_seeker.pk in seen or job_seeker.user_id == job_seeker_user.pk:
            continue
        seen.add(job_seeker.pk)
        assert job_seeker.contact_person is not None
        made.append(
            document_upload(
                user=job_seeker.contact_person,
                job_seeker_id=job_seeker.pk,
                upload=SimpleUploadedFile(
                    f"CV {job_seeker.first_name} {job_seeker.last_name}.pdf",
                    pdf(cv_lines(job_seeker)),
                ),
                type=Type.CV,
                description="Cv uit het intakegesprek.",
            )
        )
        if len(seen) == SHARED_CVS:
            break
    return made


def _werkzoekende(*, job_seeker_user: User, caseworker: User) -> list[Document]:
    job_seeker = JobSeeker.objects.get(user=job_seeker_user)
    cv = document_upload(
        user=job_seeker_user,
        job_seeker_id=job_seeker.pk,
        upload=SimpleUploadedFile(
            f"CV {job_seeker.first_name} {job_seeker.last_name}.pdf",
            pdf(cv_lines(job_seeker)),
            content_type="application/pdf",
        ),
        type=Type.CV,
        description="Mijn cv, bijgewerkt.",
    )
    certificate = document_upload(
        user=caseworker,
        job_seeker_id=job_seeker.pk,
        upload=SimpleUploadedFile(
            "Certificaat VCA Basis.pdf",
            pdf(
                [
                    "Certificaat VCA Basis",
                    f"Uitgereikt aan {job_seeker.first_name} {job_seeker.last_name}",
                    "Basisveiligheid VCA - geslaagd",
                ]
            ),
            content_type="application/pdf",
        ),
        type=Type.CERTIFICATE,
        description="Behaald tijdens de oriëntatie op werk in de bouw.",
    )
    return [cv, certificate]
