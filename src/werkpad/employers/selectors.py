"""Every read of the employer service (EM1-EM8), scoped to the user by ``rules``.

Employers and vacancies are no job seeker's personal data: reads are not audited in a
job seeker's log; every write is audited by the services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import BooleanField, Case, Count, Q, QuerySet, Value, When
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from werkpad.core.models import LabourMarketRegion
from werkpad.core.permissions import Role, scope_of, visible_for
from werkpad.employers import reference
from werkpad.employers.models import Employer, Size, StatusChange, Vacancy, VacancyUpdate
from werkpad.employers.rules import EMPLOYER_VISIBILITY, VACANCY_VISIBILITY
from werkpad.employers.workflow import OPEN, Status


def employer_scope(*, user: User) -> QuerySet[Employer]:
    """The same definition as the ``employers.view_employer`` rule."""
    return Employer.objects.filter(EMPLOYER_VISIBILITY.q(user))


def vacancy_scope(*, user: User) -> QuerySet[Vacancy]:
    """The same definition as the ``employers.view_vacancy`` rule."""
    return Vacancy.objects.filter(VACANCY_VISIBILITY.q(user))


def _flag(params: Mapping[str, Any], name: str, errors: dict[str, list[str]]) -> bool | None:
    raw = str(params.get(name) or "").strip()
    if raw in ("", None):
        return None
    if raw in ("true", "false"):
        return raw == "true"
    errors[name] = [_("Give true or false, or leave it out.")]
    return None


def _clean_employer_filters(filters: Mapping[str, Any] | None) -> Q:
    params = filters or {}
    errors: dict[str, list[str]] = {}
    query = Q()
    sector = str(params.get("sector") or "").strip()
    if sector:
        if sector in {s.code for s in reference.sbi_sections()}:
            query &= Q(sbi_section=sector)
        else:
            errors["sector"] = [_("Choose an SBI 2008 section (A to U).")]
    size = str(params.get("size") or "").strip()
    if size:
        if size in Size.values:
            query &= Q(size=size)
        else:
            errors["size"] = [_("Choose one of: %(values)s.") % {"values": ", ".join(Size.values)}]
    willing = _flag(params, "willing", errors)
    if willing is not None:
        wants = (
            Q(csr=True) | Q(cao_obligation=True) | Q(sroi_obligation=True) | Q(banenafspraak=True)
        )
        query &= wants if willing else ~wants
    if errors:
        raise InvalidInputError(errors)
    return query


def employer_list(*, user: User, filters: Mapping[str, Any] | None = None) -> QuerySet[Employer]:
    """The employers the user sees, filtered (sector, size, willing), by name, each with
    the number of its open vacancies (``open_vacancies``)."""
    if not user.has_perm("employers.list_employer"):
        raise PermissionDeniedError(code="employer-list-denied")
    return (
        employer_scope(user=user)
        .filter(_clean_employer_filters(filters))
        .select_related("organisation", "contact_person", "region")
        .annotate(open_vacancies=Count("vacancies", filter=Q(vacancies__status__in=OPEN)))
        .order_by("organisation__name", "id")
    )


EMPLOYER_PERMISSIONS = {"change": "employers.change_employer"}


def employer_get(*, user: User, id: int, for_action: str | None = None) -> Employer:
    return visible_for(
        user,
        employer_scope(user=user)
        .select_related("organisation", "contact_person", "region", "municipality")
        .filter(pk=id)
        .first(),
        kind="employer",
        view="employers.view_employer",
        actions=EMPLOYER_PERMISSIONS,
        for_action=for_action,
    )


def own_employer(*, user: User) -> Employer:
    """The register entry of the employer user's organisation (404 for none)."""
    organisations = scope_of(user).organisations(Role.EMPLOYER)
    employer = (
        Employer.objects.select_related("organisation", "contact_person")
        .filter(organisation_id__in=organisations)
        .order_by("pk")
        .first()
    )
    if employer is None:
        raise NotFoundError(
            _("Your organisation is not in the employer register yet: call the employer service."),
            code="employer-not-found",
        )
    return employer


def overdue_q(now: dt.datetime | None = None) -> Q:
    """Still to be answered after its 72-hour term."""
    return Q(status=Status.RECEIVED, answer_due_at__lt=now or clock.now())


def expired_q(today: dt.date | None = None) -> Q:
    """Still open past its expiry date."""
    return Q(status__in=OPEN, expires_on__lt=today or clock.today())


def _clean_vacancy_filters(filters: Mapping[str, Any] | None) -> Q:
    params = filters or {}
    errors: dict[str, list[str]] = {}
    query = Q()
    status = str(params.get("status") or "").strip()
    if status:
        wanted = [s for s in status.split(",") if s]
        if set(wanted) - set(Status.values):
            errors["status"] = [_("Unknown status.")]
        else:
            query &= Q(status__in=wanted)
    occupation = str(params.get("occupation") or "").strip()
    if occupation:
        if reference.is_isco_code(occupation):
            query &= Q(occupation_code=occupation)
        else:
            errors["occupation"] = [
                _("This is not an ISCO-08 occupation code (4 digits, unit group).")
            ]
    region = str(params.get("region") or "").strip()
    if region:
        if LabourMarketRegion.objects.filter(code=region).exists():
            query &= Q(region__code=region)
        else:
            errors["region"] = [_("Unknown labour-market region: give its code, e.g. AM20.")]
    employer = str(params.get("employer") or "").strip()
    if employer:
        if employer.isascii() and employer.isdigit() and len(employer) < 19:
            query &= Q(employer_id=int(employer))
        else:
            errors["employer"] = [_("Give an employer's id (a number).")]
    overdue = _flag(params, "overdue", errors)
    if overdue is not None:
        query &= overdue_q() if overdue else ~overdue_q()
    if errors:
        raise InvalidInputError(errors)
    return query


def vacancy_list(*, user: User, filters: Mapping[str, Any] | None = None) -> QuerySet[Vacancy]:
    """The vacancies the user sees (the regional file for the staff, their own for an
    employer), filtered (status, occupation, region, employer, overdue): those past
    their 72-hour term first, then the newest."""
    if not user.has_perm("employers.list_vacancy"):
        raise PermissionDeniedError(code="vacancy-list-denied")
    return (
        vacancy_scope(user=user)
        .filter(_clean_vacancy_filters(filters))
        .select_related("employer__organisation", "region")
        .annotate(
            is_overdue=Case(
                When(overdue_q(), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("-is_overdue", "-received_at", "id")
    )


VACANCY_PERMISSIONS = {
    "answer": "employers.handle_vacancy",
    "update": "employers.handle_vacancy",
    "fill": "employers.handle_vacancy",
    "close": "employers.handle_vacancy",
    "withdraw": "employers.withdraw_vacancy",
}


def vacancy_get(*, user: User, id: int, for_action: str | None = None) -> Vacancy:
    return visible_for(
        user,
        vacancy_scope(user=user)
        .select_related("employer__organisation", "region", "handled_by", "reported_by")
        .filter(pk=id)
        .first(),
        kind="vacancy",
        view="employers.view_vacancy",
        actions=VACANCY_PERMISSIONS,
        for_action=for_action,
    )


def vacancy_history(*, vacancy: Vacancy) -> QuerySet[StatusChange]:
    return vacancy.history.select_related("changed_by").order_by("changed_at", "id")


def vacancy_updates(*, vacancy: Vacancy) -> QuerySet[VacancyUpdate]:
    return vacancy.updates.select_related("written_by").order_by("written_at", "id")


def employer_vacancies(*, user: User, employer: Employer) -> QuerySet[Vacancy]:
    """The employer's vacancies the user sees, the newest first."""
    return (
        vacancy_scope(user=user)
        .filter(employer=employer)
        .select_related("region")
        .order_by("-received_at", "id")
    )


def own_vacancies(*, user: User, employer: Employer) -> list[Vacancy]:
    """The employer's own vacancies for /werkgever/, open first, each with what it was
    told (``told``: its updates, in order)."""
    vacancies = list(
        vacancy_scope(user=user)
        .filter(employer=employer)
        .prefetch_related("updates")
        .order_by("-received_at", "id")
    )
    return sorted(vacancies, key=lambda v: v.status not in OPEN)


def offers(*, user: User, vacancy: Vacancy) -> set[str]:
    """The steps this user may take on the vacancy now, for the buttons."""
    from werkpad.employers.workflow import ALLOWED_TRANSITIONS

    allowed = ALLOWED_TRANSITIONS[vacancy.status]
    steps: set[str] = set()
    if user.has_perm("employers.handle_vacancy", vacancy):
        if vacancy.status == Status.RECEIVED:
            steps.add("answer")
        if vacancy.status != Status.WITHDRAWN:
            steps.add("update")
        if Status.FILLED in allowed:
            steps.add("fill")
        if Status.NOT_FILLED in allowed:
            steps.add("close")
    if Status.WITHDRAWN in allowed and user.has_perm("employers.withdraw_vacancy", vacancy):
        steps.add("withdraw")
    return steps
