"""Every write of matching (MA1, EM6, TR4): one transaction each, the row locked where
it is changed, the audit row in it, notifications after commit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.lifecycle import begin, transition
from werkpad.core.models import AuditEvent, LabourMarketRegion
from werkpad.jobseekers.models import JobSeeker
from werkpad.matching import notifications, selectors
from werkpad.matching.models import (
    IntroductionRequest,
    Limitation,
    Preselection,
    SearchProfile,
    new_pseudonym,
)
from werkpad.matching.workflow import LIFECYCLE, Status

MAX_MESSAGE = 2000
MAX_WORDS = 30


def _words(values: Iterable[str], *, lower: bool = True) -> list[str]:
    found: list[str] = []
    for value in values:
        word = " ".join(str(value).split())
        word = word.lower() if lower else word
        if word and word not in found:
            found.append(word[:100])
    return found


def _hours(raw: object, name: str, errors: dict[str, list[str]]) -> Decimal | None:
    try:
        hours = Decimal(str(raw).replace(",", "."))
    except (InvalidOperation, ValueError):
        hours = None
    if hours is None or not hours.is_finite() or not 0 <= hours <= 60:
        errors[name] = [_("Give the hours per week, from 0 to 60.")]
        return None
    return hours.quantize(Decimal("0.1"))


def _save(obj: SearchProfile | IntroductionRequest, fields: list[str]) -> None:
    obj.version += 1
    obj.updated_at = clock.now()
    obj.save(update_fields=[*fields, "version", "updated_at"])


@transaction.atomic
def search_profile_save(
    *,
    user: User,
    job_seeker_id: int,
    occupation_codes: Iterable[str],
    skills: Iterable[str] = (),
    regions: Iterable[str] = (),
    min_hours: object,
    max_hours: object,
    limitations: Iterable[str] | None = (),
    preferences: Iterable[str] = (),
    expected_version: int | None = None,
) -> SearchProfile:
    """A caseworker of the municipality writes the job seeker's search profile (a new one
    or a change of the version read). Regions default to the municipality's region. The
    limitations are health data: only the contact person (``jobseekers.view_restricted``)
    sets them; ``None`` keeps them as they are."""
    job_seeker = selectors.profile_job_seeker(user=user, job_seeker_id=job_seeker_id)
    errors: dict[str, list[str]] = {}
    codes = _words(occupation_codes)
    if not codes:
        errors["occupation_codes"] = [_("Name at least one occupation (ISCO-08).")]
    elif any(not (code.isdigit() and len(code) == 4) for code in codes):
        errors["occupation_codes"] = [_("Give ISCO-08 codes of four digits.")]
    region_codes = _words(regions, lower=False) or [job_seeker.municipality.region.code]
    known = set(
        LabourMarketRegion.objects.filter(code__in=region_codes).values_list("code", flat=True)
    )
    if set(region_codes) - known:
        errors["regions"] = [_("Choose labour-market regions that exist.")]
    low = _hours(min_hours, "min_hours", errors)
    high = _hours(max_hours, "max_hours", errors)
    if low is not None and high is not None and (high < 1 or low > high):
        errors["max_hours"] = [_("The maximum hours must be at least 1 and not below the minimum.")]
    if limitations is not None and not user.has_perm("jobseekers.view_restricted", job_seeker):
        raise PermissionDeniedError(code="search-profile-limitations-denied")
    current = SearchProfile.objects.filter(job_seeker_id=job_seeker.pk).first()
    limits = (
        _words(limitations)
        if limitations is not None
        else list(current.limitations if current else [])
    )
    if set(limits) - set(Limitation.values):
        errors["limitations"] = [_("Choose limitations from the list.")]
    skill_words = _words(skills)
    wish_words = _words(preferences, lower=False)
    if len(skill_words) > MAX_WORDS or len(wish_words) > MAX_WORDS or len(codes) > MAX_WORDS:
        errors.setdefault("skills", []).append(_("Keep it to at most 30 entries."))
    if errors:
        raise InvalidInputError(errors)
    values = {
        "occupation_codes": codes,
        "skills": skill_words,
        "regions": region_codes,
        "min_hours": low,
        "max_hours": high,
        "limitations": limits,
        "preferences": wish_words,
    }
    profile = SearchProfile.objects.select_for_update().filter(job_seeker_id=job_seeker.pk).first()
    if profile is None:
        profile = _create(job_seeker=job_seeker, values=values)
        event = AuditEvent.Action.CREATE
    else:
        if expected_version is not None and profile.version != expected_version:
            raise StaleEditError(current_version=profile.version)
        for name, value in values.items():
            setattr(profile, name, value)
        _save(profile, list(values))
        event = AuditEvent.Action.UPDATE
    audit_record(
        user=user,
        action=event,
        object_type=selectors.OBJECT_TYPE,
        object_id=profile.pk,
        job_seeker_id=job_seeker.pk,
        municipality_id=job_seeker.municipality_id,
        fields=list(values),
    )
    return profile


def _create(*, job_seeker: JobSeeker, values: Mapping[str, object]) -> SearchProfile:
    """A new profile with a fresh random pseudonym (drawn again on the rare clash)."""
    for _attempt in range(10):
        try:
            with transaction.atomic():
                return SearchProfile.objects.create(
                    municipality_id=job_seeker.municipality_id,
                    job_seeker=job_seeker,
                    pseudonym=new_pseudonym(),
                    **values,
                )
        except IntegrityError:
            if SearchProfile.objects.filter(job_seeker=job_seeker).exists():
                raise
    raise ConflictError(_("No free pseudonym was found; try again."))


@transaction.atomic
def search_profile_confirm(
    *, user: User, job_seeker_id: int, expected_version: int | None = None
) -> SearchProfile:
    """A caseworker confirms that the job seeker's search profile is current (EM6):
    from today it counts for the candidate file for ``models.CURRENT_MONTHS``."""
    job_seeker = selectors.profile_job_seeker(user=user, job_seeker_id=job_seeker_id)
    profile = SearchProfile.objects.select_for_update().filter(job_seeker=job_seeker).first()
    if profile is None:
        raise NotFoundError(code="search-profile-not-found")
    if expected_version is not None and profile.version != expected_version:
        raise StaleEditError(current_version=profile.version)
    profile.confirmed_current_on = clock.today()
    profile.confirmed_by = user
    _save(profile, ["confirmed_current_on", "confirmed_by"])
    audit_record(
        user=user,
        action=AuditEvent.Action.UPDATE,
        object_type=selectors.OBJECT_TYPE,
        object_id=profile.pk,
        job_seeker_id=job_seeker.pk,
        municipality_id=job_seeker.municipality_id,
        fields=["confirmed_current_on", "confirmed_by"],
    )
    return profile


@transaction.atomic
def preselection_add(*, user: User, vacancy_id: int, job_seeker_id: int) -> Preselection:
    """The employer advisor proposes a job seeker with a search profile of the vacancy's
    municipality, still in the file, for an open vacancy."""
    vacancy = selectors.vacancy_for_ranking(user=user, vacancy_id=vacancy_id)
    if not user.has_perm("matching.add_preselection", vacancy):
        raise PermissionDeniedError(code="preselection-denied")
    if not selectors.open_vacancies().filter(pk=vacancy.pk).exists():
        raise ConflictError(
            _("This vacancy is no longer open: no candidates can be proposed."),
            code="vacancy-closed",
        )
    if (
        not selectors.current_profiles()
        .filter(job_seeker_id=job_seeker_id, job_seeker__municipality_id=vacancy.municipality_id)
        .exists()
    ):
        raise InvalidInputError({"job_seeker": [_("This job seeker cannot be proposed here.")]})
    preselection, created = Preselection.objects.get_or_create(
        vacancy=vacancy,
        job_seeker_id=job_seeker_id,
        defaults={"proposed_by": user, "proposed_at": clock.now()},
    )
    if created:
        audit_record(
            user=user,
            action=AuditEvent.Action.CREATE,
            object_type="preselection",
            object_id=preselection.pk,
            job_seeker_id=job_seeker_id,
            municipality_id=vacancy.municipality_id,
            fields=["vacancy", "job_seeker"],
        )
    return preselection


@transaction.atomic
def preselection_remove(*, user: User, vacancy_id: int, job_seeker_id: int) -> None:
    """The employer advisor takes a proposal back."""
    vacancy = selectors.vacancy_for_ranking(user=user, vacancy_id=vacancy_id)
    if not user.has_perm("matching.add_preselection", vacancy):
        raise PermissionDeniedError(code="preselection-denied")
    deleted, _rows = Preselection.objects.filter(
        vacancy=vacancy, job_seeker_id=job_seeker_id
    ).delete()
    if deleted:
        audit_record(
            user=user,
            action=AuditEvent.Action.UPDATE,
            object_type="preselection",
            job_seeker_id=job_seeker_id,
            municipality_id=vacancy.municipality_id,
            fields=["vacancy", "job_seeker"],
        )


def _audit_introduction(
    *, user: User, introduction: IntroductionRequest, event: str, fields: list[str]
) -> None:
    audit_record(
        user=user,
        action=event,
        object_type=selectors.INTRODUCTION_OBJECT_TYPE,
        object_id=introduction.pk,
        job_seeker_id=introduction.job_seeker_id,
        municipality_id=introduction.municipality_id,
        purpose=AuditEvent.Purpose.INTRODUCTION,
        fields=fields,
    )


@transaction.atomic
def introduction_request(
    *, user: User, pseudonym: str, message: str, vacancy_id: int | None = None
) -> IntroductionRequest:
    """An employer asks to meet a candidate of the candidate file, optionally for one of
    its own open vacancies. One open request per employer and candidate."""
    employer, card = selectors.candidate_get(user=user, pseudonym=pseudonym)
    errors: dict[str, list[str]] = {}
    text = message.strip()
    if not text:
        errors["message"] = [_("Write a short message to the job seeker.")]
    elif len(text) > MAX_MESSAGE:
        errors["message"] = [_("Keep it short: at most 2000 characters.")]
    vacancy = None
    if vacancy_id is not None:
        vacancy = selectors.employer_vacancies(employer=employer).filter(pk=vacancy_id).first()
        if vacancy is None:
            errors["vacancy"] = [_("Choose one of your own open vacancies.")]
    if errors:
        raise InvalidInputError(errors)
    if IntroductionRequest.objects.filter(
        employer=employer, job_seeker_id=card.job_seeker_id, status=Status.REQUESTED
    ).exists():
        raise ConflictError(
            _("You asked this candidate already; wait for the answer."),
            code="introduction-open",
        )
    introduction = IntroductionRequest.objects.create(
        municipality_id=employer.municipality_id,
        employer=employer,
        job_seeker_id=card.job_seeker_id,
        pseudonym=card.pseudonym,
        vacancy=vacancy,
        message=text,
        requested_by=user,
        requested_at=clock.now(),
    )
    begin(introduction, Status.REQUESTED, user=user)
    introduction.save(update_fields=["status"])
    _audit_introduction(
        user=user,
        introduction=introduction,
        event=AuditEvent.Action.CREATE,
        fields=["employer", "vacancy", "message"],
    )
    introduction = IntroductionRequest.objects.select_related("job_seeker").get(pk=introduction.pk)
    notifications.notify_asked(introduction, actor=user)
    return introduction


def _locked(
    *, user: User, introduction_id: int, action: str, expected_version: int | None
) -> IntroductionRequest:
    selectors.introduction_get(user=user, id=introduction_id, for_action=action)
    introduction = (
        IntroductionRequest.objects.select_for_update(of=("self",))
        .select_related("employer", "job_seeker")
        .get(pk=introduction_id)
    )
    if expected_version is not None and introduction.version != expected_version:
        raise StaleEditError(current_version=introduction.version)
    return introduction


@transaction.atomic
def introduction_answer(
    *,
    user: User,
    introduction_id: int,
    agreed: bool,
    share_email: bool = False,
    share_phone: bool = False,
    reason: str = "",
    expected_version: int | None = None,
) -> IntroductionRequest:
    """The job seeker agrees (the employer then reads the name and the contact details
    chosen here) or declines. The employer and its contact person hear the answer."""
    introduction = _locked(
        user=user,
        introduction_id=introduction_id,
        action="answer",
        expected_version=expected_version,
    )
    target = Status.AGREED if agreed else Status.DECLINED
    transition(introduction, target, lifecycle=LIFECYCLE, user=user, reason=reason)
    introduction.answered_at = clock.now()
    introduction.share_email = bool(agreed and share_email)
    introduction.share_phone = bool(agreed and share_phone)
    fields = ["status", "answered_at", "share_email", "share_phone"]
    _save(introduction, fields)
    _audit_introduction(
        user=user, introduction=introduction, event=AuditEvent.Action.UPDATE, fields=fields
    )
    notifications.notify_answered(introduction, actor=user)
    return introduction


@transaction.atomic
def introduction_withdraw(
    *, user: User, introduction_id: int, expected_version: int | None = None
) -> IntroductionRequest:
    """The employer takes the request back before the job seeker answered."""
    introduction = _locked(
        user=user,
        introduction_id=introduction_id,
        action="withdraw",
        expected_version=expected_version,
    )
    transition(introduction, Status.WITHDRAWN, lifecycle=LIFECYCLE, user=user)
    _save(introduction, ["status"])
    _audit_introduction(
        user=user, introduction=introduction, event=AuditEvent.Action.UPDATE, fields=["status"]
    )
    return introduction
