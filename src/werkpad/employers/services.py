"""Every write of the employer service (EM1-EM5): one transaction each, the row locked,
the history and the audit row in it, notifications after commit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.deadlines import add_hours
from werkpad.core.errors import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.lifecycle import begin, transition
from werkpad.core.models import AuditEvent, LabourMarketRegion, MunicipalitySettings, Organisation
from werkpad.core.permissions import acting_municipality_id
from werkpad.employers import notifications, reference
from werkpad.employers.models import (
    Channel,
    Distribution,
    Employer,
    Size,
    UpdateKind,
    Vacancy,
    VacancyUpdate,
    validate_kvk_number,
)
from werkpad.employers.rules import ADVISOR_ROLES
from werkpad.employers.workflow import LIFECYCLE, OPEN, Status
from werkpad.jobseekers.models import EducationLevel

EMPLOYER_OBJECT = "employer"
VACANCY_OBJECT = "vacancy"
#: Working-condition codes a vacancy may name; matching refuses a job seeker with
#: the limitation ``no_<code>``.
CONDITIONS = (
    "night_work",
    "heavy_lifting",
    "customer_contact",
    "driving",
    "standing",
    "shift_work",
    "outdoor_work",
    "working_at_height",
)
EMPLOYER_FIELDS = (
    "kvk_number",
    "sbi_section",
    "sbi_division",
    "size",
    "region",
    "contact_person",
    "networks",
    "csr",
    "cao_obligation",
    "sroi_obligation",
    "banenafspraak",
)


def _audit(
    *, user: User | None, obj: Employer | Vacancy, kind: str, event: str, fields: Iterable[str]
) -> None:
    audit_record(
        user=user,
        action=event,
        object_type=kind,
        object_id=obj.pk,
        municipality_id=obj.municipality_id,
        fields=list(fields),
    )


def _bump(obj: Employer | Vacancy, fields: Iterable[str]) -> None:
    obj.version += 1
    obj.updated_at = clock.now()
    obj.save(update_fields=[*fields, "version", "updated_at"])


# --- the employer register (EM1) --------------------------------------------------------


def _check_employer(
    *, municipality_id: int, data: Mapping[str, Any], exclude_id: int | None = None
) -> None:
    errors: dict[str, list[str]] = {}
    kvk = str(data.get("kvk_number") or "").strip()
    try:
        validate_kvk_number(kvk)
    except ValidationError:
        errors["kvk_number"] = [_("A KvK number has exactly 8 digits.")]
    else:
        if (
            Employer.objects.filter(municipality_id=municipality_id, kvk_number=kvk)
            .exclude(pk=exclude_id or 0)
            .exists()
        ):
            errors["kvk_number"] = [
                _("An employer with this KvK number is in your municipality's register already.")
            ]
    errors.update(
        reference.sector_errors(
            str(data.get("sbi_section") or ""), str(data.get("sbi_division") or "")
        )
    )
    if data.get("size") not in Size.values:
        errors["size"] = [_("Choose the size: small or medium-sized, or large.")]
    if not isinstance(data.get("region"), LabourMarketRegion):
        errors["region"] = [_("Choose the labour-market region.")]
    contact = data.get("contact_person")
    if contact is not None and municipality_id not in _advisor_municipalities(contact):
        errors["contact_person"] = [
            _("The fixed contact person is an employer advisor of the municipality.")
        ]
    if errors:
        raise InvalidInputError(errors)


def _advisor_municipalities(user: User) -> frozenset[int]:
    from werkpad.core.permissions import scope_of

    return scope_of(user).municipalities(*ADVISOR_ROLES)


@transaction.atomic
def employer_register(
    *, user: User, name: str, municipality_id: int | None = None, **data: Any
) -> Employer:
    """An employer advisor registers an employer: its organisation (kind employer) and
    its register entry, with the advisor as the fixed contact person unless another
    advisor of the municipality is named."""
    if not user.has_perm("employers.add_employer"):
        raise PermissionDeniedError(code="employer-create-denied")
    municipality = acting_municipality_id(
        user, ADVISOR_ROLES, named=municipality_id, denied_code="employer-create-denied"
    )
    data.setdefault("contact_person", user)
    if not name.strip():
        raise InvalidInputError({"name": [_("Give the employer's name.")]})
    _check_employer(municipality_id=municipality, data=data)
    kvk = str(data["kvk_number"]).strip()
    organisation = Organisation.objects.create(
        name=name.strip(),
        kind=Organisation.Kind.EMPLOYER,
        municipality_id=municipality,
        kvk_number=kvk,
        email=str(data.pop("email", "") or ""),
        phone=str(data.pop("phone", "") or ""),
    )
    employer = Employer.objects.create(
        municipality_id=municipality,
        organisation=organisation,
        **{field: data[field] for field in EMPLOYER_FIELDS if field in data},
    )
    _audit(
        user=user,
        obj=employer,
        kind=EMPLOYER_OBJECT,
        event=AuditEvent.Action.CREATE,
        fields=["name", *EMPLOYER_FIELDS],
    )
    return employer


@transaction.atomic
def employer_update(
    *, user: User, employer_id: int, expected_version: int | None = None, **data: Any
) -> Employer:
    """The employer advisor changes an entry; ``name`` renames the organisation."""
    employer = (
        Employer.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .filter(pk=employer_id)
        .first()
    )
    if employer is None or not user.has_perm("employers.view_employer", employer):
        raise NotFoundError(code="employer-not-found")
    if not user.has_perm("employers.change_employer", employer):
        raise PermissionDeniedError(code="employer-change-denied")
    if expected_version is not None and employer.version != expected_version:
        raise StaleEditError(current_version=employer.version)
    merged = {field: getattr(employer, field) for field in EMPLOYER_FIELDS}
    merged.update({k: v for k, v in data.items() if k in EMPLOYER_FIELDS})
    _check_employer(municipality_id=employer.municipality_id, data=merged, exclude_id=employer.pk)
    changed = [f for f in EMPLOYER_FIELDS if f in data and getattr(employer, f) != merged[f]]
    for field in changed:
        setattr(employer, field, merged[field])
    name = str(data.get("name") or "").strip()
    if "name" in data and not name:
        raise InvalidInputError({"name": [_("Give the employer's name.")]})
    if name and name != employer.organisation.name:
        employer.organisation.name = name
        employer.organisation.save(update_fields=["name"])
        changed.append("name")
    if "kvk_number" in changed:
        employer.organisation.kvk_number = employer.kvk_number
        employer.organisation.save(update_fields=["kvk_number"])
    _bump(employer, [f for f in changed if f != "name"])
    _audit(
        user=user,
        obj=employer,
        kind=EMPLOYER_OBJECT,
        event=AuditEvent.Action.UPDATE,
        fields=changed,
    )
    return employer


# --- vacancies (EM2-EM5) ---------------------------------------------------------------


def clean_vacancy(data: Mapping[str, Any], *, today: dt.date | None = None) -> dict[str, Any]:
    """A vacancy's fields checked and normalised, or ``InvalidInputError`` naming each
    field: the ISCO-08 code against the shipped data, skills as lower-case words,
    known working conditions, 1-60 hours, an expiry date not in the past."""
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, Any] = {}
    title = str(data.get("title") or "").strip()
    if not title:
        errors["title"] = [_("Give the vacancy's title.")]
    elif len(title) > 200:
        errors["title"] = [_("Keep the title to 200 characters.")]
    cleaned["title"] = title
    cleaned["description"] = str(data.get("description") or "").strip()
    code = str(data.get("occupation_code") or "").strip()
    errors.update(reference.isco_errors(code))
    cleaned["occupation_code"] = code
    skills = data.get("skills") or []
    if isinstance(skills, str):
        skills = skills.replace("\n", ";").split(";")
    cleaned["skills"] = list(dict.fromkeys(s.strip().lower() for s in skills if s and s.strip()))
    level = data.get("min_education_level") or EducationLevel.NONE
    if level not in EducationLevel.values:
        errors["min_education_level"] = [_("Choose an education level.")]
    cleaned["min_education_level"] = level
    if not isinstance(data.get("region"), LabourMarketRegion):
        errors["region"] = [_("Choose the labour-market region.")]
    cleaned["region"] = data.get("region")
    try:
        hours = Decimal(str(data.get("hours_per_week")))
    except (InvalidOperation, ValueError):
        hours = Decimal(0)
    if not (1 <= hours <= 60) or hours != hours.quantize(Decimal("0.1")):
        errors["hours_per_week"] = [_("Give 1 to 60 hours a week.")]
    cleaned["hours_per_week"] = hours
    conditions = data.get("conditions") or []
    if isinstance(conditions, str):
        conditions = conditions.split(";")
    conditions = list(dict.fromkeys(c.strip().lower() for c in conditions if c and c.strip()))
    unknown = [c for c in conditions if c not in CONDITIONS]
    if unknown:
        errors["conditions"] = [
            _("Unknown working condition: %(codes)s. Known: %(known)s.")
            % {"codes": ", ".join(unknown), "known": ", ".join(CONDITIONS)}
        ]
    cleaned["conditions"] = conditions
    positions = data.get("positions") or 1
    if not isinstance(positions, int) or not 1 <= positions <= 999:
        errors["positions"] = [_("Give 1 to 999 positions.")]
    cleaned["positions"] = positions
    expires_on = data.get("expires_on")
    if not isinstance(expires_on, dt.date):
        errors["expires_on"] = [_("Give the date the vacancy expires.")]
    elif expires_on < (today or clock.today()):
        errors["expires_on"] = [_("The expiry date cannot be in the past.")]
    cleaned["expires_on"] = expires_on
    distribution = data.get("distribution") or Distribution.REGION
    if distribution not in Distribution.values:
        errors["distribution"] = [_("Choose how far the vacancy is distributed.")]
    cleaned["distribution"] = distribution
    cleaned["preselection"] = bool(data.get("preselection", True))
    if errors:
        raise InvalidInputError(errors)
    return cleaned


def _create_vacancy(
    *, user: User, employer: Employer, channel: str, fields: dict[str, Any]
) -> Vacancy:
    received = clock.now()
    hours = MunicipalitySettings.for_id(employer.municipality_id).employer_answer_hours
    vacancy = Vacancy.objects.create(
        municipality_id=employer.municipality_id,
        employer=employer,
        channel=channel,
        received_at=received,
        answer_due_at=add_hours(received, hours),
        handled_by=employer.contact_person,
        reported_by=user,
        status=Status.RECEIVED,
        **fields,
    )
    begin(vacancy, Status.RECEIVED, user=user)
    _audit(
        user=user,
        obj=vacancy,
        kind=VACANCY_OBJECT,
        event=AuditEvent.Action.CREATE,
        fields=sorted(fields),
    )
    return vacancy


@transaction.atomic
def vacancy_report(*, user: User, employer_id: int, **data: Any) -> Vacancy:
    """The employer reports a vacancy on its own pages (channel web); the 72-hour term
    starts now. The intake agreements are the employer service's defaults until the
    advisor's answer."""
    employer = Employer.objects.select_related("organisation").filter(pk=employer_id).first()
    if employer is None or not user.has_perm("employers.view_employer", employer):
        raise NotFoundError(code="employer-not-found")
    if not user.has_perm("employers.report_vacancy", employer):
        raise PermissionDeniedError(code="vacancy-report-denied")
    data = {**data, "region": data.get("region") or employer.region}
    for agreed in ("distribution", "preselection"):
        data.pop(agreed, None)
    fields = clean_vacancy(data)
    return _create_vacancy(user=user, employer=employer, channel=Channel.WEB, fields=fields)


@transaction.atomic
def vacancy_intake(*, user: User, employer_id: int, channel: str, **data: Any) -> Vacancy:
    """The employer advisor takes in a vacancy by e-mail, phone or visit, with the intake
    agreements: distribution, preselection and the expiry date."""
    employer = Employer.objects.select_related("organisation").filter(pk=employer_id).first()
    if employer is None or not user.has_perm("employers.view_employer", employer):
        raise NotFoundError(code="employer-not-found")
    if not user.has_perm("employers.change_employer", employer):
        raise PermissionDeniedError(code="vacancy-intake-denied")
    if channel not in (Channel.EMAIL, Channel.PHONE, Channel.VISIT):
        raise InvalidInputError(
            {"channel": [_("Choose how the vacancy came in: e-mail, phone or visit.")]}
        )
    data = {**data, "region": data.get("region") or employer.region}
    fields = clean_vacancy(data)
    return _create_vacancy(user=user, employer=employer, channel=channel, fields=fields)


def _locked(
    *, user: User, vacancy_id: int, permission: str, step: str, expected_version: int | None
) -> Vacancy:
    vacancy = (
        Vacancy.objects.select_for_update(of=("self",))
        .select_related("employer__organisation")
        .filter(pk=vacancy_id)
        .first()
    )
    if vacancy is None or not user.has_perm("employers.view_vacancy", vacancy):
        raise NotFoundError(code="vacancy-not-found")
    if not user.has_perm(permission, vacancy):
        raise PermissionDeniedError(code=f"vacancy-{step}-denied")
    if expected_version is not None and vacancy.version != expected_version:
        raise StaleEditError(current_version=vacancy.version)
    return vacancy


def _write(vacancy: Vacancy, *, user: User, kind: str, text: str) -> VacancyUpdate:
    if not text.strip():
        raise InvalidInputError({"text": [_("Write what you tell the employer.")]})
    return VacancyUpdate.objects.create(
        vacancy=vacancy, kind=kind, text=text.strip(), written_by=user
    )


def answered_late(vacancy: Vacancy) -> bool:
    """Answered after its 72-hour term (recorded, not refused)."""
    return vacancy.answered_at is not None and vacancy.answered_at > vacancy.answer_due_at


@transaction.atomic
def vacancy_answer(
    *,
    user: User,
    vacancy_id: int,
    text: str,
    expected_fill_by: dt.date | None,
    expected_version: int | None = None,
) -> Vacancy:
    """The employer hears the fill possibilities and the term: in progress, answered now
    (after the 72 hours it is recorded as late), an ANSWER update written."""
    vacancy = _locked(
        user=user,
        vacancy_id=vacancy_id,
        permission="employers.handle_vacancy",
        step="answer",
        expected_version=expected_version,
    )
    LIFECYCLE.check(vacancy.status, Status.IN_PROGRESS, step="answer")
    if expected_fill_by is None:
        raise InvalidInputError(
            {"expected_fill_by": [_("Give the date by which it can be filled.")]}
        )
    if expected_fill_by < clock.today():
        raise InvalidInputError({"expected_fill_by": [_("The date cannot be in the past.")]})
    now = clock.now()
    late = now > vacancy.answer_due_at
    transition(
        vacancy,
        Status.IN_PROGRESS,
        lifecycle=LIFECYCLE,
        user=user,
        reason=_("Answered after the 72-hour term.") if late else "",
        step="answer",
    )
    _write(vacancy, user=user, kind=UpdateKind.ANSWER, text=text)
    vacancy.answered_at = now
    vacancy.expected_fill_by = expected_fill_by
    vacancy.handled_by = vacancy.handled_by or user
    fields = ["status", "answered_at", "expected_fill_by", "handled_by"]
    _bump(vacancy, fields)
    _audit(
        user=user,
        obj=vacancy,
        kind=VACANCY_OBJECT,
        event=AuditEvent.Action.UPDATE,
        fields=[*fields, "late"] if late else fields,
    )
    notifications.notify_answered(vacancy, actor=user)
    return vacancy


#: Which updates fit which status: after-care only once filled; the rest while open.
UPDATE_STATUSES: dict[str, frozenset[str]] = {
    UpdateKind.PROGRESS: OPEN,
    UpdateKind.ADVICE: OPEN | {Status.NOT_FILLED},
    UpdateKind.JOB_CARVING: OPEN | {Status.NOT_FILLED},
    UpdateKind.AFTERCARE: frozenset({Status.FILLED}),
}


@transaction.atomic
def vacancy_update_send(
    *, user: User, vacancy_id: int, kind: str, text: str, expected_version: int | None = None
) -> VacancyUpdate:
    """Progress, advice when it cannot be filled as it is, job-carving advice for
    unrealistic requirements, or after-care once filled; the employer is notified."""
    vacancy = _locked(
        user=user,
        vacancy_id=vacancy_id,
        permission="employers.handle_vacancy",
        step="update",
        expected_version=expected_version,
    )
    if kind not in UPDATE_STATUSES:
        raise InvalidInputError({"kind": [_("Choose the kind of update.")]})
    if vacancy.status not in UPDATE_STATUSES[kind]:
        raise InvalidInputError(
            {
                "kind": [
                    _("This kind of update does not fit a vacancy that is %(status)s.")
                    % {"status": str(vacancy.get_status_display()).lower()}
                ]
            }
        )
    update = _write(vacancy, user=user, kind=kind, text=text)
    _bump(vacancy, [])
    _audit(
        user=user,
        obj=vacancy,
        kind=VACANCY_OBJECT,
        event=AuditEvent.Action.UPDATE,
        fields=["updates"],
    )
    notifications.notify_update(vacancy, update_id=update.pk, actor=user)
    return update


def _finish(
    *,
    user: User,
    vacancy_id: int,
    target: str,
    permission: str,
    step: str,
    reason: str = "",
    kind: str | None = None,
    text: str = "",
    expected_version: int | None = None,
) -> Vacancy:
    vacancy = _locked(
        user=user,
        vacancy_id=vacancy_id,
        permission=permission,
        step=step,
        expected_version=expected_version,
    )
    transition(vacancy, target, lifecycle=LIFECYCLE, user=user, reason=reason, step=step)
    update = _write(vacancy, user=user, kind=kind, text=text) if kind else None
    _bump(vacancy, ["status"])
    _audit(
        user=user,
        obj=vacancy,
        kind=VACANCY_OBJECT,
        event=AuditEvent.Action.UPDATE,
        fields=["status"],
    )
    if update is not None:
        notifications.notify_update(vacancy, update_id=update.pk, actor=user)
    return vacancy


@transaction.atomic
def vacancy_fill(
    *, user: User, vacancy_id: int, text: str = "", expected_version: int | None = None
) -> Vacancy:
    """The vacancy is filled; a message (the after-care agreed) goes to the employer."""
    return _finish(
        user=user,
        vacancy_id=vacancy_id,
        target=Status.FILLED,
        permission="employers.handle_vacancy",
        step="fill",
        kind=UpdateKind.AFTERCARE if text.strip() else None,
        text=text,
        expected_version=expected_version,
    )


@transaction.atomic
def vacancy_close(
    *, user: User, vacancy_id: int, reason: str, advice: str, expected_version: int | None = None
) -> Vacancy:
    """Closed, not filled: with the reason, and the advice the employer is given."""
    if not advice.strip():
        raise InvalidInputError({"advice": [_("Give the employer your advice.")]})
    return _finish(
        user=user,
        vacancy_id=vacancy_id,
        target=Status.NOT_FILLED,
        permission="employers.handle_vacancy",
        step="close",
        reason=reason,
        kind=UpdateKind.ADVICE,
        text=advice,
        expected_version=expected_version,
    )


@transaction.atomic
def vacancy_withdraw(
    *, user: User, vacancy_id: int, reason: str, expected_version: int | None = None
) -> Vacancy:
    """Withdrawn before it is filled, by the employer (its own) or the advisor, with the
    reason."""
    return _finish(
        user=user,
        vacancy_id=vacancy_id,
        target=Status.WITHDRAWN,
        permission="employers.withdraw_vacancy",
        step="withdraw",
        reason=reason,
        expected_version=expected_version,
    )
