"""Every write on a consent (RI5, TR4): one transaction each, the row locked, audited
in the job seeker's log so each change shows in "who looked at my file".

The job seeker answers on their own pages (channel: own pages); a caseworker of their
municipality asks for a consent and records one the job seeker gave or withdrew on
paper, at the desk or by phone, naming how.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.consents import parts as file_parts
from werkpad.consents.models import Consent
from werkpad.consents.notifications import notify_request
from werkpad.consents.workflow import LIFECYCLE, RECORDED_CHANNELS, Channel, Status
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.lifecycle import begin, transition
from werkpad.core.models import AuditEvent, Organisation
from werkpad.jobseekers.models import JobSeeker
from werkpad.jobseekers.selectors import jobseeker_scope

OBJECT_TYPE = "consent"

#: The kind of organisation each recipient is.
RECIPIENT_KINDS: dict[str, str] = {
    Consent.Recipient.PROVIDER: Organisation.Kind.PROVIDER,
    Consent.Recipient.ADVISOR: Organisation.Kind.ADVISOR_OFFICE,
}


def _audit(*, user: User, consent: Consent, action: str, channel: str) -> None:
    organisation = consent.organisation.name if consent.organisation else ""
    audit_record(
        user=user,
        action=action,
        object_type=OBJECT_TYPE,
        object_id=consent.pk,
        job_seeker_id=consent.job_seeker_id,
        municipality_id=consent.municipality_id,
        purpose=AuditEvent.Purpose.CONSENT_CHANGE,
        fields=["status"],
        detail=(
            f"{consent.part} -> {consent.recipient}"
            f"{' ' + organisation if organisation else ''}: {consent.status}"
            f"{' (' + channel + ')' if channel else ''}"
        )[:300],
    )


def _save(consent: Consent, fields: list[str]) -> None:
    consent.version += 1
    consent.updated_at = clock.now()
    consent.save(update_fields=[*fields, "version", "updated_at"])


def _channel(user: User, job_seeker: JobSeeker, channel: str) -> str:
    """How this change reaches the municipality: the job seeker on their own pages, a
    caseworker naming how the job seeker told them."""
    if job_seeker.user_id == user.pk:
        if channel not in ("", Channel.PORTAL):
            raise InvalidInputError(
                {"channel": [_("You give or withdraw a consent on your own pages.")]}
            )
        return Channel.PORTAL
    if channel not in RECORDED_CHANNELS:
        raise InvalidInputError(
            {"channel": [_("Say how the job seeker gave it: on paper, at the desk or by phone.")]},
            codes={"channel": "consent-channel-required"},
        )
    return channel


def _job_seeker_for(user: User, job_seeker_id: int) -> JobSeeker:
    """The job seeker, locked, if this user answers for them: themselves, or a caseworker
    of their municipality."""
    job_seeker = jobseeker_scope(user=user).select_for_update().filter(pk=job_seeker_id).first()
    if job_seeker is None:
        raise NotFoundError(code="jobseeker-not-found")
    is_own = job_seeker.user_id == user.pk
    if not (is_own or user.has_perm("jobseekers.change_jobseeker", job_seeker)):
        raise NotFoundError(code="jobseeker-not-found")
    return job_seeker


def _organisation(
    job_seeker: JobSeeker, recipient: str, organisation_id: int | None, part: str
) -> Organisation | None:
    errors: dict[str, list[str]] = {}
    if recipient not in Consent.Recipient.values:
        errors["recipient"] = [_("Choose who receives it: a provider, an advisor or employers.")]
    if part not in file_parts.CODES:
        errors["part"] = [_("Choose a part of the file.")]
    organisation = None
    if recipient == Consent.Recipient.EMPLOYERS:
        if organisation_id is not None:
            errors["organisation"] = [_("A consent for employers names no organisation.")]
        if part == file_parts.HEALTH:
            errors["part"] = [_("Health information never goes to employers.")]
    elif recipient in RECIPIENT_KINDS:
        organisation = Organisation.objects.filter(
            pk=organisation_id or 0,
            kind=RECIPIENT_KINDS[recipient],
            municipality_id=job_seeker.municipality_id,
        ).first()
        if organisation is None:
            errors["organisation"] = [
                _("Choose an organisation of the job seeker's municipality that receives it.")
            ]
    if errors:
        raise InvalidInputError(errors)
    return organisation


def _locked(*, user: User, consent_id: int, expected_version: int | None) -> Consent:
    consent = (
        # only the consent row is locked: the organisation is an outer join (employers
        # have none), which PostgreSQL cannot lock
        Consent.objects.select_for_update(of=("self",))
        .select_related("job_seeker", "organisation")
        .filter(pk=consent_id)
        .first()
    )
    if consent is None or not user.has_perm("consents.view_consent", consent):
        raise NotFoundError(code="consent-not-found")
    if not user.has_perm("consents.answer", consent):
        raise PermissionDeniedError(code="consent-change-denied")
    if expected_version is not None and consent.version != expected_version:
        raise StaleEditError(current_version=consent.version)
    return consent


def _move(consent: Consent, target: str, *, user: User, channel: str, reason: str = "") -> Consent:
    change = transition(consent, target, lifecycle=LIFECYCLE, user=user, reason=reason)
    change_channel = "" if target == Status.REQUESTED else channel
    change.channel = change_channel  # type: ignore[attr-defined]
    change.save(update_fields=["channel"])
    consent.channel = change_channel
    _save(consent, ["status", "channel"])
    _audit(user=user, consent=consent, action=AuditEvent.Action.UPDATE, channel=change_channel)
    return consent


def _create(
    *,
    user: User,
    job_seeker: JobSeeker,
    recipient: str,
    organisation: Organisation | None,
    part: str,
    status: str,
    channel: str,
    reason: str = "",
) -> Consent:
    consent = Consent.objects.create(
        municipality_id=job_seeker.municipality_id,
        job_seeker=job_seeker,
        recipient=recipient,
        organisation=organisation,
        part=part,
        status=status,
        channel=channel,
        requested_reason=reason.strip() if status == Status.REQUESTED else "",
    )
    change = begin(consent, status, user=user, reason=reason.strip())
    change.channel = channel  # type: ignore[attr-defined]
    change.save(update_fields=["channel"])
    _audit(user=user, consent=consent, action=AuditEvent.Action.CREATE, channel=channel)
    return consent


def _current(
    job_seeker: JobSeeker, recipient: str, organisation: Organisation | None, part: str
) -> Consent | None:
    return (
        Consent.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .filter(
            job_seeker=job_seeker,
            recipient=recipient,
            organisation=organisation,
            part=part,
        )
        .first()
    )


@transaction.atomic
def consent_request(
    *,
    user: User,
    job_seeker: JobSeeker,
    recipient: str,
    organisation: Organisation | None,
    parts: Iterable[str],
    reason: str,
) -> list[Consent]:
    """Ask the job seeker for consent to share ``parts`` with the recipient; they answer
    on their own pages and hear of it. Idempotent for parts already asked or given; a
    part refused or withdrawn before is asked again."""
    if not user.has_perm("consents.request"):
        raise PermissionDeniedError(code="consent-request-denied")
    job_seeker = _job_seeker_for(user, job_seeker.pk)
    if job_seeker.user_id == user.pk:
        raise PermissionDeniedError(code="consent-request-denied")
    wanted = list(dict.fromkeys(parts))
    if not wanted:
        raise InvalidInputError({"parts": [_("Choose at least one part of the file.")]})
    organisation_id = organisation.pk if organisation is not None else None
    found: list[Consent] = []
    asked: list[int] = []
    for part in wanted:
        target = _organisation(job_seeker, recipient, organisation_id, part)
        consent = _current(job_seeker, recipient, target, part)
        if consent is None:
            consent = _create(
                user=user,
                job_seeker=job_seeker,
                recipient=recipient,
                organisation=target,
                part=part,
                status=Status.REQUESTED,
                channel="",
                reason=reason,
            )
            asked.append(consent.pk)
        elif consent.status in (Status.REFUSED, Status.WITHDRAWN):
            consent.requested_reason = reason.strip()
            consent.save(update_fields=["requested_reason"])
            _move(consent, Status.REQUESTED, user=user, channel="", reason=reason)
            asked.append(consent.pk)
        found.append(consent)
    notify_request(job_seeker_user_id=job_seeker.user_id, consent_ids=asked, actor=user)
    return found


@transaction.atomic
def consent_give(
    *,
    user: User,
    consent_id: int | None = None,
    job_seeker_id: int | None = None,
    recipient: str = "",
    organisation_id: int | None = None,
    part: str = "",
    channel: str = "",
    reason: str = "",
    expected_version: int | None = None,
) -> Consent:
    """The job seeker gives a consent (asked or not, or again after refusing or
    withdrawing it), or a caseworker records one given on paper, at the desk or by phone.

    Either ``consent_id`` (an existing consent) or the job seeker, recipient, organisation
    and part (a consent not asked for)."""
    if consent_id is not None:
        consent = _locked(user=user, consent_id=consent_id, expected_version=expected_version)
        how = _channel(user, consent.job_seeker, channel)
        return _move(consent, Status.GIVEN, user=user, channel=how, reason=reason)
    if job_seeker_id is None:
        raise InvalidInputError({"consent": [_("Name the consent.")]})
    job_seeker = _job_seeker_for(user, job_seeker_id)
    how = _channel(user, job_seeker, channel)
    organisation = _organisation(job_seeker, recipient, organisation_id, part)
    existing = _current(job_seeker, recipient, organisation, part)
    if existing is not None:
        if expected_version is not None and existing.version != expected_version:
            raise StaleEditError(current_version=existing.version)
        return _move(existing, Status.GIVEN, user=user, channel=how, reason=reason)
    return _create(
        user=user,
        job_seeker=job_seeker,
        recipient=recipient,
        organisation=organisation,
        part=part,
        status=Status.GIVEN,
        channel=how,
        reason=reason,
    )


@transaction.atomic
def consent_refuse(
    *,
    user: User,
    consent_id: int,
    channel: str = "",
    reason: str = "",
    expected_version: int | None = None,
) -> Consent:
    """The job seeker says no to a request (or a caseworker records that they did)."""
    consent = _locked(user=user, consent_id=consent_id, expected_version=expected_version)
    how = _channel(user, consent.job_seeker, channel)
    return _move(consent, Status.REFUSED, user=user, channel=how, reason=reason)


@transaction.atomic
def consent_withdraw(
    *,
    user: User,
    consent_id: int,
    channel: str = "",
    reason: str = "",
    expected_version: int | None = None,
) -> Consent:
    """The job seeker withdraws a consent (or a caseworker records that they did). It takes
    effect at once: the recipient's next read no longer contains that part."""
    consent = _locked(user=user, consent_id=consent_id, expected_version=expected_version)
    how = _channel(user, consent.job_seeker, channel)
    return _move(consent, Status.WITHDRAWN, user=user, channel=how, reason=reason)
