"""Which files werkpad accepts as documents (WT3): the kind is read twice, from the name's
extension and from the content itself, and both must agree. A renamed program, a script
called ``cv.pdf`` or an archive called ``cv.docx`` is refused.

Only the kinds job seekers and staff exchange are accepted: PDF, Word (.docx),
OpenDocument text (.odt), JPEG and PNG photos (a diploma photographed with a phone) and
plain text.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath


@dataclass(frozen=True)
class Kind:
    code: str
    extensions: tuple[str, ...]
    content_type: str


PDF = Kind("pdf", (".pdf",), "application/pdf")
DOCX = Kind(
    "docx",
    (".docx",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
ODT = Kind("odt", (".odt",), "application/vnd.oasis.opendocument.text")
JPEG = Kind("jpeg", (".jpg", ".jpeg"), "image/jpeg")
PNG = Kind("png", (".png",), "image/png")
TXT = Kind("txt", (".txt",), "text/plain")
KINDS = (PDF, DOCX, ODT, JPEG, PNG, TXT)
#: The extensions accepted, for a file input's ``accept`` and the messages.
EXTENSIONS = tuple(ext for kind in KINDS for ext in kind.extensions)


def by_extension(name: str) -> Kind | None:
    suffix = PurePath(name).suffix.lower()
    return next((kind for kind in KINDS if suffix in kind.extensions), None)


def _zip_names(data: bytes) -> set[str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return None


def _odt(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.read("mimetype").strip() == ODT.content_type.encode()
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return False


def _text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    # Printable text with line breaks and tabs; no other control characters.
    return all(ch.isprintable() or ch in "\r\n\t\f" for ch in text)


def sniff(data: bytes) -> Kind | None:
    """The kind the content is, by its own bytes; None when it is none werkpad accepts."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"PK\x03\x04"):
        names = _zip_names(data)
        if names is None:
            return None
        if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
            return DOCX
        if "mimetype" in names and _odt(data):
            return ODT
        return None
    if data and _text(data):
        return TXT
    return None


def safe_name(name: str) -> str:
    """The uploaded file's own name as shown and offered on download: its last path part,
    without control characters, at most 200 characters with its extension kept."""
    base = PurePath(name.replace("\\", "/")).name
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '"<>').strip() or "document"
    if len(base) > 200:
        suffix = PurePath(base).suffix[:20]
        base = base[: 200 - len(suffix)] + suffix
    return base
