"""Documents for tests: real small files, uploaded through the service or stored directly."""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from werkpad.demo.documents import pdf
from werkpad.documents.services import document_upload

PDF = pdf(["Curriculum vitae", "Test"])
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 40


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def upload_file(name: str = "cv.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def make_document(*, user, job_seeker, type="cv", health=False, name="cv.pdf", **kwargs):
    """A document uploaded by ``user`` (who must be allowed to)."""
    return document_upload(
        user=user,
        job_seeker_id=job_seeker.pk,
        upload=upload_file(name),
        type=type,
        health=health,
        **kwargs,
    )
