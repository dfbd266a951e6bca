"""Every write of a document (WT3): the upload. Everything is checked before anything is
stored - who may upload to which file, plan or trajectory, the type, the size, the kind
of file by name and content, the malware scan - so that a refusal leaves neither a file
nor a row. The file and the row land together: a row that fails removes its file."""

from __future__ import annotations

import hashlib
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import (
    DomainError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import FILE_ROLES, Role, scope_of
from werkpad.documents import filetypes, scanning
from werkpad.documents.models import Document, MalwareCheck, Type, document_storage
from werkpad.documents.rules import coach_reads_health
from werkpad.jobseekers.models import JobSeeker
from werkpad.plans.models import Plan
from werkpad.trajectories.models import Trajectory
from werkpad.trajectories.workflow import RUNNING

OBJECT_TYPE = "document"
DESCRIPTION_MAX_LENGTH = 300


class DocumentTooLargeError(DomainError):
    status = 413
    code = "document-too-large"
    title = gettext_lazy("The file is too large")


class DocumentTypeError(DomainError):
    status = 415
    code = "document-type-not-allowed"
    title = gettext_lazy("This kind of file is not accepted")


class DocumentInfectedError(DomainError):
    status = 400
    code = "document-infected"
    title = gettext_lazy("The file contains malware")


class ScannerUnavailableError(DomainError):
    status = 503
    code = "document-scanner-unavailable"
    title = gettext_lazy("The file could not be checked for malware")


def _allowed_kinds() -> str:
    return ", ".join(filetypes.EXTENSIONS)


def check_file(upload: UploadedFile) -> tuple[bytes, filetypes.Kind]:
    """The content and kind of an acceptable file, or the refusal: empty, over
    ``WERKPAD_DOCUMENT_MAX_BYTES``, a name of a kind werkpad does not accept, or content
    that is not what its name says."""
    limit: int = settings.WERKPAD_DOCUMENT_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise DocumentTooLargeError(
            _("The file is too large: at most %(limit)s is allowed.")
            % {"limit": filesizeformat(limit)},
            field="file",
        )
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise DocumentTooLargeError(
            _("The file is too large: at most %(limit)s is allowed.")
            % {"limit": filesizeformat(limit)},
            field="file",
        )
    if not data:
        raise InvalidInputError({"file": [_("The file is empty.")]}, codes={"file": "empty"})
    named = filetypes.by_extension(upload.name or "")
    if named is None:
        raise DocumentTypeError(
            _("This kind of file is not accepted. Choose a file ending in %(kinds)s.")
            % {"kinds": _allowed_kinds()},
            field="file",
        )
    if filetypes.sniff(data) != named:
        raise DocumentTypeError(
            _(
                "The content of this file is not what its name says (%(ext)s). "
                "Save it again as a real %(ext)s file, or choose another."
            )
            % {"ext": named.extensions[0]},
            field="file",
        )
    return data, named


def scan(data: bytes) -> str:
    """The malware check of the content: clean, or not checked when no scanner is set;
    infected or no answer from the scanner is refused (fail closed)."""
    scanner = scanning.configured_scanner()
    if scanner is None:
        return MalwareCheck.NOT_CHECKED
    try:
        found = scanner.scan(data)
    except scanning.ScannerUnavailable as error:
        raise ScannerUnavailableError(
            _(
                "The file could not be checked for malware just now, so it was not "
                "saved. Try again in a few minutes."
            )
        ) from error
    if found is not None:
        raise DocumentInfectedError(
            _("The file contains malware (%(name)s) and was not saved.") % {"name": found},
            field="file",
        )
    return MalwareCheck.CLEAN


def _target(
    *,
    user: User,
    job_seeker_id: int,
    plan_id: int | None,
    trajectory_id: int | None,
    health: bool,
) -> tuple[JobSeeker, Plan | None, Trajectory | None]:
    """The file, plan or trajectory the user may upload to, or the refusal."""
    if not user.has_perm("documents.upload"):
        raise PermissionDeniedError(code="document-upload-denied")
    scope = scope_of(user)
    job_seeker = JobSeeker.objects.filter(pk=job_seeker_id).first()
    if job_seeker is None:
        raise NotFoundError(code="jobseeker-not-found")
    own = scope.has(Role.JOB_SEEKER) and job_seeker.user_id == user.pk
    caseworker = job_seeker.municipality_id in scope.municipalities(*FILE_ROLES)
    coaches = scope.organisations(Role.COACH)
    if plan_id is not None and trajectory_id is not None:
        raise InvalidInputError(
            {"trajectory": [_("Attach a document to a plan or to a trajectory, not to both.")]}
        )
    plan = None
    if plan_id is not None:
        plan = Plan.objects.filter(pk=plan_id, job_seeker=job_seeker).first()
        if plan is None or not (own or caseworker):
            raise InvalidInputError({"plan": [_("This plan is not of this job seeker.")]})
    trajectory = None
    if trajectory_id is not None:
        trajectory = (
            Trajectory.objects.select_related("provider")
            .filter(pk=trajectory_id, job_seeker=job_seeker)
            .first()
        )
        if trajectory is None:
            raise InvalidInputError(
                {"trajectory": [_("This trajectory is not of this job seeker.")]}
            )
    coach = (
        trajectory is not None
        and trajectory.status in RUNNING
        and trajectory.provider.organisation_id in coaches
    )
    if not (own or caseworker or coach):
        if coaches and trajectory_id is None and not scope.has(Role.JOB_SEEKER, *FILE_ROLES):
            raise InvalidInputError(
                {"trajectory": [_("A coach adds documents to a running trajectory.")]}
            )
        raise NotFoundError(code="jobseeker-not-found")
    if health and not own:
        if caseworker and job_seeker.contact_person_id != user.pk:
            raise InvalidInputError(
                {
                    "health": [
                        _(
                            "Only the contact person adds health documents: the other "
                            "caseworkers do not see them."
                        )
                    ]
                }
            )
        if (
            not caseworker
            and trajectory is not None
            and not coach_reads_health(trajectory=trajectory)
        ):
            raise InvalidInputError(
                {
                    "health": [
                        _(
                            "The job seeker did not consent to sharing health information "
                            "with your organisation."
                        )
                    ]
                }
            )
    return job_seeker, plan, trajectory


def upload_target(
    *, user: User, job_seeker_id: int, plan_id: int | None, trajectory_id: int | None
) -> JobSeeker:
    """The job seeker whose file, plan or trajectory the user may add a document to (the
    upload page asks before showing its form); anyone else finds nothing (404)."""
    try:
        job_seeker, _plan, _trajectory = _target(
            user=user,
            job_seeker_id=job_seeker_id,
            plan_id=plan_id,
            trajectory_id=trajectory_id,
            health=False,
        )
    except InvalidInputError as error:
        raise NotFoundError(code="jobseeker-not-found") from error
    return job_seeker


def document_upload(
    *,
    user: User,
    job_seeker_id: int,
    upload: UploadedFile,
    type: str,
    health: bool = False,
    plan_id: int | None = None,
    trajectory_id: int | None = None,
    description: str = "",
) -> Document:
    """WT3: a document for the job seeker's file, a plan or a trajectory. Refused, with
    nothing stored, for someone who may not upload there, a type not known, a health
    document the uploader would not be allowed to read, a file over the size limit, a
    kind of file not accepted (by name and by content), malware, or a scanner that does
    not answer."""
    job_seeker, plan, trajectory = _target(
        user=user,
        job_seeker_id=job_seeker_id,
        plan_id=plan_id,
        trajectory_id=trajectory_id,
        health=health,
    )
    if type not in Type.values:
        raise InvalidInputError({"type": [_("Choose the type of document.")]})
    description = description.strip()
    if len(description) > DESCRIPTION_MAX_LENGTH:
        raise InvalidInputError(
            {"description": [_("At most %(n)s characters.") % {"n": DESCRIPTION_MAX_LENGTH}]}
        )
    data, kind = check_file(upload)
    malware_check = scan(data)
    storage = document_storage()
    now = clock.now()
    name = storage.save(f"{now:%Y/%m}/{uuid.uuid4().hex}{kind.extensions[0]}", ContentFile(data))
    try:
        with transaction.atomic():
            document = Document.objects.create(
                municipality_id=job_seeker.municipality_id,
                job_seeker=job_seeker,
                plan=plan,
                trajectory=trajectory,
                type=type,
                health=health,
                description=description,
                file=name,
                original_name=filetypes.safe_name(upload.name or "document"),
                content_type=kind.content_type,
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                uploaded_by=user,
                uploaded_at=now,
                malware_check=malware_check,
            )
            audit_record(
                user=user,
                action=AuditEvent.Action.CREATE,
                object_type=OBJECT_TYPE,
                object_id=document.pk,
                job_seeker_id=job_seeker.pk,
                municipality_id=job_seeker.municipality_id,
                purpose=AuditEvent.Purpose.DOCUMENT_UPLOAD,
                fields=["file", "type", *(["health"] if health else [])],
            )
    except BaseException:
        storage.delete(name)
        raise
    return document
