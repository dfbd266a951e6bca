"""Every read of matching (MA1, EM6, EM9, TR4).

The engine's inputs are built from ``values()`` rows: one query for the profiles
and one for the vacancies, however many there are. Nothing but what the engine
compares goes in (no name, birth date, gender, nationality or disability: see
``PROFILE_INPUT_FIELDS``). Rankings and the candidate file are audited as a search
of the municipality; a job seeker's own ranking as a read of their file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.consents import parts
from werkpad.consents.models import Consent
from werkpad.consents.selectors import consenting_job_seekers, shared_parts_by_job_seeker
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.deadlines import add_months
from werkpad.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import scope_of, visible_for
from werkpad.employers.models import Distribution, Employer, Vacancy
from werkpad.employers.workflow import OPEN as OPEN_VACANCY
from werkpad.jobseekers.models import EducationLevel, JobSeeker
from werkpad.matching import engine
from werkpad.matching.models import (
    CURRENT_MONTHS,
    EDUCATION_RANK,
    IntroductionRequest,
    Preselection,
    SearchProfile,
)
from werkpad.matching.rules import (
    ADVISORS,
    INTRODUCTION_VISIBILITY,
    RANKING_ROLES,
    employer_organisations,
    shows_names,
)
from werkpad.matching.workflow import Status

OBJECT_TYPE = "search profile"
RANKING_OBJECT_TYPE = "matching"
CANDIDATE_FILE_OBJECT_TYPE = "candidate file"
INTRODUCTION_OBJECT_TYPE = "introduction"

DEFAULT_TOP = 20
MAX_TOP = 100

#: What the engine reads of a profile: the only fields a ``values()`` row carries.
PROFILE_INPUT_FIELDS = (
    "job_seeker_id",
    "occupation_codes",
    "skills",
    "regions",
    "min_hours",
    "max_hours",
    "limitations",
    "preferences",
    "job_seeker__education_level",
    "job_seeker__municipality__region__code",
)
VACANCY_INPUT_FIELDS = (
    "id",
    "employer_id",
    "employer_name",
    "occupation_code",
    "skills",
    "min_education_level",
    "region__code",
    "hours_per_week",
    "conditions",
)

#: The actions on an introduction request and the permission each needs (``rules.py``).
ACTION_PERMISSIONS = {
    "answer": "matching.answer_introduction",
    "withdraw": "matching.withdraw_introduction",
}


def parse_top(raw: object) -> int:
    """The ``top`` of a ranking: 1..100, 20 when not given; anything else is refused."""
    if raw in (None, ""):
        return DEFAULT_TOP
    text = str(raw).strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 3) or not 1 <= int(text) <= MAX_TOP:
        raise InvalidInputError({"top": [_("Give a whole number from 1 to 100.")]})
    return int(text)


def education_rank(level: str) -> int:
    return EDUCATION_RANK.get(level, 0)


def profile_input(row: Mapping[str, Any]) -> engine.JobSeekerProfile:
    """The engine's view of one profile row (``PROFILE_INPUT_FIELDS``)."""
    regions = row["regions"] or [row["job_seeker__municipality__region__code"]]
    return engine.JobSeekerProfile(
        id=str(row["job_seeker_id"]),
        occupation_codes=frozenset(row["occupation_codes"] or ()),
        skills=frozenset(s.lower() for s in row["skills"] or ()),
        education_level=education_rank(row["job_seeker__education_level"]),
        regions=frozenset(regions),
        min_hours=float(row["min_hours"]),
        max_hours=float(row["max_hours"]),
        limitations=frozenset(row["limitations"] or ()),
        preferences=frozenset(row["preferences"] or ()),
    )


def vacancy_input(row: Mapping[str, Any]) -> engine.Vacancy:
    """The engine's view of one vacancy row (``VACANCY_INPUT_FIELDS``)."""
    return engine.Vacancy(
        id=str(row["id"]),
        employer_id=str(row["employer_id"] or row["employer_name"]),
        occupation_code=row["occupation_code"],
        skills=frozenset(s.lower() for s in row["skills"] or ()),
        min_education_level=education_rank(row["min_education_level"]),
        region=row["region__code"],
        hours=float(row["hours_per_week"]),
        conditions=frozenset(row["conditions"] or ()),
    )


def profile_inputs(profiles: QuerySet[SearchProfile]) -> list[engine.JobSeekerProfile]:
    """Engine profiles of these search profiles, in one query."""
    return [profile_input(row) for row in profiles.values(*PROFILE_INPUT_FIELDS)]


def vacancy_inputs(vacancies: QuerySet[Vacancy]) -> list[engine.Vacancy]:
    """Engine vacancies, in one query."""
    return [vacancy_input(row) for row in vacancies.values(*VACANCY_INPUT_FIELDS)]


def current_profiles() -> QuerySet[SearchProfile]:
    """Profiles of job seekers still in the file."""
    return SearchProfile.objects.filter(job_seeker__left_on__isnull=True)


def open_vacancies(today: dt.date | None = None) -> QuerySet[Vacancy]:
    """Vacancies open to candidates and not expired."""
    return Vacancy.objects.filter(status__in=OPEN_VACANCY, expires_on__gte=today or clock.today())


def confirmed_since(today: dt.date | None = None) -> dt.date:
    """The earliest confirmation that still counts as current (EM6)."""
    return add_months(today or clock.today(), -CURRENT_MONTHS)


# --- the search profile ------------------------------------------------------------


def profile_job_seeker(*, user: User, job_seeker_id: int) -> JobSeeker:
    """The job seeker whose search profile the user keeps (404 otherwise); not audited."""
    job_seeker = (
        JobSeeker.objects.select_related("municipality__region").filter(pk=job_seeker_id).first()
    )
    return visible_for(user, job_seeker, kind="jobseeker", view="matching.change_searchprofile")


def search_profile_get(
    *, user: User, job_seeker_id: int, purpose: str = AuditEvent.Purpose.SEARCH_PROFILE
) -> tuple[JobSeeker, SearchProfile | None]:
    """A job seeker's search profile (None when there is none yet), for the caseworkers of
    the municipality; the read is audited in the job seeker's log."""
    job_seeker = profile_job_seeker(user=user, job_seeker_id=job_seeker_id)
    profile = (
        SearchProfile.objects.filter(job_seeker=job_seeker).select_related("confirmed_by").first()
    )
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        object_id=profile.pk if profile else "",
        job_seeker_id=job_seeker.pk,
        municipality_id=job_seeker.municipality_id,
        purpose=purpose,
        fields=[
            "occupation_codes",
            "skills",
            "regions",
            "hours",
            "preferences",
            *(["limitations"] if user.has_perm("jobseekers.view_restricted", job_seeker) else []),
        ],
    )
    return job_seeker, profile


def is_current(profile: SearchProfile, today: dt.date | None = None) -> bool:
    return (
        profile.confirmed_current_on is not None
        and profile.confirmed_current_on >= confirmed_since(today)
    )


# --- rankings ------------------------------------------------------------------------


@dataclass(frozen=True)
class RankedCandidate:
    rank: int
    score: float
    explanation: str
    job_seeker_id: int
    pseudonym: str
    #: Empty unless the user may read the files of the municipality (``rules.shows_names``).
    name: str
    preselected: bool


@dataclass(frozen=True)
class RankedVacancy:
    rank: int
    score: float
    explanation: str
    vacancy_id: int
    title: str
    employer_name: str
    expires_on: dt.date


def vacancy_for_ranking(*, user: User, vacancy_id: int) -> Vacancy:
    vacancy = (
        Vacancy.objects.select_related("region", "employer__organisation")
        .filter(pk=vacancy_id)
        .first()
    )
    return visible_for(user, vacancy, kind="vacancy", view="matching.rank_vacancy")


def vacancy_candidates(
    *,
    user: User,
    vacancy_id: int,
    top: int = DEFAULT_TOP,
    purpose: str = AuditEvent.Purpose.MATCHING,
) -> tuple[Vacancy, list[RankedCandidate]]:
    """The vacancy's best ``top`` eligible job seekers of its municipality with a search
    profile, still in the file, ranked by the engine; for the employer advisors and the
    caseworkers of the municipality (names for the caseworkers only). Audited as a
    search of the municipality."""
    vacancy = vacancy_for_ranking(user=user, vacancy_id=vacancy_id)
    profiles = current_profiles().filter(job_seeker__municipality_id=vacancy.municipality_id)
    row = {
        "id": vacancy.pk,
        "employer_id": vacancy.employer_id,
        "employer_name": vacancy.employer_name,
        "occupation_code": vacancy.occupation_code,
        "skills": vacancy.skills,
        "min_education_level": vacancy.min_education_level,
        "region__code": vacancy.region.code,
        "hours_per_week": vacancy.hours_per_week,
        "conditions": vacancy.conditions,
    }
    matches = engine.candidates_for(vacancy_input(row), profile_inputs(profiles), top)
    ids = [int(match.job_seeker_id) for match in matches]
    names = shows_names(user, vacancy.municipality_id)
    details = {
        r["job_seeker_id"]: r
        for r in SearchProfile.objects.filter(job_seeker_id__in=ids).values(
            "job_seeker_id",
            "pseudonym",
            *(("job_seeker__first_name", "job_seeker__last_name") if names else ()),
        )
    }
    preselected = set(
        Preselection.objects.filter(vacancy=vacancy, job_seeker_id__in=ids).values_list(
            "job_seeker_id", flat=True
        )
    )
    audit_record(
        user=user,
        action=AuditEvent.Action.SEARCH,
        object_type=RANKING_OBJECT_TYPE,
        object_id=vacancy.pk,
        municipality_id=vacancy.municipality_id,
        purpose=purpose,
        fields=["search_profile", "education_level", *(["name"] if names else [])],
    )
    result = []
    for match in matches:
        job_seeker_id = int(match.job_seeker_id)
        detail = details[job_seeker_id]
        result.append(
            RankedCandidate(
                rank=match.rank,
                score=match.score,
                explanation=match.explanation,
                job_seeker_id=job_seeker_id,
                pseudonym=detail["pseudonym"],
                name=f"{detail['job_seeker__first_name']} {detail['job_seeker__last_name']}"
                if names
                else "",
                preselected=job_seeker_id in preselected,
            )
        )
    return vacancy, result


def job_seeker_vacancy_matches(
    *,
    user: User,
    job_seeker_id: int,
    top: int = DEFAULT_TOP,
    purpose: str = AuditEvent.Purpose.MATCHING,
) -> tuple[JobSeeker, SearchProfile | None, list[RankedVacancy]]:
    """The open, unexpired vacancies best fitting the job seeker's search profile: those
    of the job seeker's municipality and those distributed to the region; for the
    caseworkers of the municipality. The read is audited in the job seeker's log."""
    job_seeker = profile_job_seeker(user=user, job_seeker_id=job_seeker_id)
    rows = list(current_profiles().filter(job_seeker=job_seeker).values(*PROFILE_INPUT_FIELDS))
    profile = SearchProfile.objects.filter(job_seeker=job_seeker).first() if rows else None
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=RANKING_OBJECT_TYPE,
        object_id=profile.pk if profile else "",
        job_seeker_id=job_seeker.pk,
        municipality_id=job_seeker.municipality_id,
        purpose=purpose,
        fields=["search_profile", "education_level"],
    )
    if not rows:
        return job_seeker, None, []
    seeker = profile_input(rows[0])
    vacancies = open_vacancies().filter(
        Q(municipality_id=job_seeker.municipality_id) | ~Q(distribution=Distribution.MUNICIPALITY),
        region__code__in=sorted(seeker.regions),
    )
    matches = engine.vacancies_for(seeker, vacancy_inputs(vacancies), top)
    ids = [int(match.vacancy_id) for match in matches]
    details = {
        r["id"]: r
        for r in Vacancy.objects.filter(pk__in=ids).values(
            "id", "title", "employer_name", "employer__organisation__name", "expires_on"
        )
    }
    return (
        job_seeker,
        profile,
        [
            RankedVacancy(
                rank=match.rank,
                score=match.score,
                explanation=match.explanation,
                vacancy_id=int(match.vacancy_id),
                title=details[int(match.vacancy_id)]["title"],
                employer_name=details[int(match.vacancy_id)]["employer__organisation__name"]
                or details[int(match.vacancy_id)]["employer_name"],
                expires_on=details[int(match.vacancy_id)]["expires_on"],
            )
            for match in matches
        ],
    )


def preselection_list(*, vacancy: Vacancy) -> QuerySet[Preselection]:
    """The candidates proposed for a vacancy the caller obtained through
    ``vacancy_for_ranking``."""
    return Preselection.objects.filter(vacancy=vacancy).select_related("job_seeker__search_profile")


# --- the candidate file (EM6, TR4) ---------------------------------------------------------


@dataclass(frozen=True)
class CandidateCard:
    """What an employer reads of a candidate: the pseudonymised profile and the parts
    the job seeker consented to for employers. Never anything of the health part."""

    pseudonym: str
    occupation_codes: tuple[str, ...]
    regions: tuple[str, ...]
    min_hours: Decimal
    max_hours: Decimal
    education_level: str
    shared_parts: frozenset[str]
    skills: tuple[str, ...] = ()
    knowledge: str = ""
    competences: str = ""
    work_experience_years: int | None = None
    preferences: tuple[str, ...] = ()
    wishes: str = ""
    labour_disability: bool | None = None
    sheltered_work: bool | None = None
    #: The titles of the employer's vacancies the employer advisor proposed them for.
    proposed_for: tuple[str, ...] = ()
    #: Filled only once the job seeker agreed to an introduction.
    name: str = ""
    email: str = ""
    phone: str = ""
    job_seeker_id: int = field(default=0, compare=False, repr=False)

    @property
    def education_label(self) -> str:
        return str(EducationLevel(self.education_level).label) if self.education_level else ""


#: The ``JobSeeker`` fields a card reads, by the consent part that holds them.
CARD_FIELDS = {
    parts.WORK: ("knowledge", "competence_test_results", "work_experience_years"),
    parts.PREFERENCES: ("wishes",),
    parts.CIRCUMSTANCES: ("labour_disability", "sheltered_work"),
}
_CARD_ROW = (
    "job_seeker_id",
    "pseudonym",
    "occupation_codes",
    "regions",
    "min_hours",
    "max_hours",
    "skills",
    "preferences",
    "job_seeker__education_level",
    "job_seeker__municipality__region__code",
    *(f"job_seeker__{name}" for fields in CARD_FIELDS.values() for name in fields),
)


def card_from(row: Mapping[str, Any], shared: frozenset[str]) -> CandidateCard:
    """The card of one profile row (``_CARD_ROW``) with only the consented parts; the
    health part is never read."""
    shared = shared & frozenset(parts.EMPLOYER_PARTS)
    values: dict[str, Any] = {}
    if parts.WORK in shared:
        values.update(
            skills=tuple(row["skills"] or ()),
            knowledge=row["job_seeker__knowledge"],
            competences=row["job_seeker__competence_test_results"],
            work_experience_years=row["job_seeker__work_experience_years"],
        )
    if parts.PREFERENCES in shared:
        values.update(preferences=tuple(row["preferences"] or ()), wishes=row["job_seeker__wishes"])
    if parts.CIRCUMSTANCES in shared:
        values.update(
            labour_disability=row["job_seeker__labour_disability"],
            sheltered_work=row["job_seeker__sheltered_work"],
        )
    return CandidateCard(
        pseudonym=row["pseudonym"],
        occupation_codes=tuple(row["occupation_codes"] or ()),
        regions=tuple(row["regions"] or [row["job_seeker__municipality__region__code"]]),
        min_hours=row["min_hours"],
        max_hours=row["max_hours"],
        education_level=row["job_seeker__education_level"],
        shared_parts=shared,
        job_seeker_id=row["job_seeker_id"],
        **values,
    )


def acting_employer(user: User) -> Employer:
    """The register entry of the organisation the user acts for as an employer (403
    for anyone else)."""
    employer = (
        Employer.objects.select_related("organisation", "municipality")
        .filter(organisation_id__in=employer_organisations(user))
        .order_by("id")
        .first()
    )
    if employer is None:
        raise PermissionDeniedError(code="candidates-denied")
    return employer


def candidate_file_profiles(*, municipality_id: int) -> QuerySet[SearchProfile]:
    """The profiles in a municipality's candidate file: still in the file, confirmed
    current, with a current consent to employers (read through the consents app)."""
    return current_profiles().filter(
        job_seeker__municipality_id=municipality_id,
        confirmed_current_on__gte=confirmed_since(),
        job_seeker_id__in=consenting_job_seekers(recipient=Consent.Recipient.EMPLOYERS),
    )


@dataclass(frozen=True)
class CandidateFilters:
    occupation: str = ""
    skill: str = ""
    region: str = ""
    hours: Decimal | None = None

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> CandidateFilters:
        errors: dict[str, list[str]] = {}
        occupation = str(raw.get("occupation") or "").strip()
        if occupation and not (occupation.isdigit() and len(occupation) == 4):
            errors["occupation"] = [_("Give ISCO-08 codes of four digits.")]
        hours_text = str(raw.get("hours") or "").strip().replace(",", ".")
        hours = None
        if hours_text:
            try:
                hours = Decimal(hours_text)
            except ArithmeticError:
                hours = None
            if hours is None or not hours.is_finite() or not 1 <= hours <= 60:
                errors["hours"] = [_("Give the hours per week, from 1 to 60.")]
        if errors:
            raise InvalidInputError(errors)
        return cls(
            occupation=occupation,
            skill=str(raw.get("skill") or "").strip().lower()[:100],
            region=str(raw.get("region") or "").strip()[:8],
            hours=hours,
        )

    def admits(self, card: CandidateCard) -> bool:
        return (
            (not self.occupation or self.occupation in card.occupation_codes)
            and (not self.skill or self.skill in card.skills)
            and (not self.region or self.region in card.regions)
            and (self.hours is None or card.min_hours <= self.hours <= card.max_hours)
        )

    @property
    def used(self) -> list[str]:
        return [name for name in ("occupation", "skill", "region") if getattr(self, name)] + (
            ["hours"] if self.hours is not None else []
        )


def _cards(profiles: QuerySet[SearchProfile]) -> list[CandidateCard]:
    rows = list(profiles.values(*_CARD_ROW))
    shared = shared_parts_by_job_seeker(
        job_seeker_ids=[row["job_seeker_id"] for row in rows],
        recipient=Consent.Recipient.EMPLOYERS,
    )
    return [
        card_from(row, shared[row["job_seeker_id"]])
        for row in rows
        if row["job_seeker_id"] in shared
    ]


def _with_proposals(employer: Employer, cards: list[CandidateCard]) -> list[CandidateCard]:
    """The employer advisor's preselections for the employer's vacancies, on the cards of
    the candidates proposed, and those cards first: one query."""
    proposed: dict[int, list[str]] = {}
    for job_seeker_id, title in (
        Preselection.objects.filter(
            vacancy__employer=employer, job_seeker_id__in=[c.job_seeker_id for c in cards]
        )
        .order_by("vacancy__title", "vacancy_id")
        .values_list("job_seeker_id", "vacancy__title")
    ):
        proposed.setdefault(job_seeker_id, []).append(title)
    marked = [
        dataclasses.replace(card, proposed_for=tuple(proposed.get(card.job_seeker_id, ())))
        for card in cards
    ]
    return sorted(marked, key=lambda card: (not card.proposed_for, card.pseudonym))


def candidate_list(
    *,
    user: User,
    filters: Mapping[str, Any] | None = None,
    purpose: str = AuditEvent.Purpose.CANDIDATE_FILE,
) -> tuple[Employer, list[CandidateCard]]:
    """The employer's search of the candidate file: pseudonymised cards, filtered on
    occupation, skill (only where the work part is shared), region and hours. Audited
    as a search of the municipality."""
    employer = acting_employer(user)
    parsed = CandidateFilters.parse(filters or {})
    cards = [
        card
        for card in _cards(
            candidate_file_profiles(municipality_id=employer.municipality_id).order_by("pseudonym")
        )
        if parsed.admits(card)
    ]
    cards = _with_proposals(employer, cards)
    audit_record(
        user=user,
        action=AuditEvent.Action.SEARCH,
        object_type=CANDIDATE_FILE_OBJECT_TYPE,
        municipality_id=employer.municipality_id,
        purpose=purpose,
        fields=parsed.used,
    )
    return employer, cards


def candidate_get(*, user: User, pseudonym: str) -> tuple[Employer, CandidateCard]:
    """One card of the employer's candidate file by its pseudonym (404 when it is not
    in the file, or no longer)."""
    employer = acting_employer(user)
    cards = _cards(
        candidate_file_profiles(municipality_id=employer.municipality_id).filter(
            pseudonym=pseudonym
        )
    )
    if not cards:
        raise NotFoundError(code="candidate-not-found")
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=CANDIDATE_FILE_OBJECT_TYPE,
        object_id=pseudonym,
        job_seeker_id=cards[0].job_seeker_id,
        municipality_id=employer.municipality_id,
        purpose=AuditEvent.Purpose.CANDIDATE_FILE,
        fields=sorted(cards[0].shared_parts),
    )
    return employer, cards[0]


# --- introductions ---------------------------------------------------------------------


def introduction_scope(*, user: User) -> QuerySet[IntroductionRequest]:
    """The introduction requests this user may see: the same definition as
    ``matching.view_introduction``."""
    return IntroductionRequest.objects.filter(INTRODUCTION_VISIBILITY.q(user))


def introduction_list(*, user: User) -> QuerySet[IntroductionRequest]:
    """The employer's own requests, the job seeker's, or the employer advisor's
    municipality's; newest first."""
    return (
        introduction_scope(user=user)
        .select_related("employer__organisation", "vacancy")
        .order_by("-requested_at", "-id")
    )


def introduction_get(*, user: User, id: int, for_action: str | None = None) -> IntroductionRequest:
    """One introduction request if the user may see it (404), with ``for_action`` 403
    for someone who sees it but may not act."""
    return visible_for(
        user,
        introduction_scope(user=user)
        .select_related(
            "employer__organisation", "employer__contact_person", "vacancy", "job_seeker"
        )
        .filter(pk=id)
        .first(),
        kind="introduction",
        view="matching.view_introduction",
        actions=ACTION_PERMISSIONS,
        for_action=for_action,
    )


def disclosure(introduction: IntroductionRequest, *, preview: bool = False) -> CandidateCard | None:
    """What the employer reads of the job seeker of this request: the card with the
    parts consented now, and once agreed (or, for the job seeker's ``preview``, as it
    would be) the name and the contact details shared. None when the job seeker is no
    longer in the candidate file and no agreement was made."""
    rows = list(
        SearchProfile.objects.filter(job_seeker_id=introduction.job_seeker_id).values(*_CARD_ROW)
    )
    shared = shared_parts_by_job_seeker(
        job_seeker_ids=[introduction.job_seeker_id], recipient=Consent.Recipient.EMPLOYERS
    ).get(introduction.job_seeker_id, frozenset())
    agreed = introduction.status == Status.AGREED
    if not rows or (not shared and not agreed and not preview):
        return None
    card = card_from(rows[0], shared)
    if not (agreed or preview):
        return card
    job_seeker = introduction.job_seeker
    return CandidateCard(
        **{
            **{name: getattr(card, name) for name in card.__dataclass_fields__},
            "name": job_seeker.full_name,
            "email": job_seeker.email if introduction.share_email or preview else "",
            "phone": job_seeker.phone if introduction.share_phone or preview else "",
        }
    )


def open_introduction_count(*, job_seeker_id: int) -> int:
    """How many requests wait for the job seeker's answer: for their own home page."""
    return IntroductionRequest.objects.filter(
        job_seeker_id=job_seeker_id, status=Status.REQUESTED
    ).count()


# --- the market plan (EM9) -------------------------------------------------------------


@dataclass(frozen=True)
class MarketPlanRow:
    employer_id: int
    name: str
    weight: float
    job_seekers: int
    open_vacancies: int
    reasons: tuple[str, ...]


def _willingness(row: Mapping[str, Any]) -> list[str]:
    words = []
    if row["banenafspraak"]:
        words.append(_("takes part in the banenafspraak"))
    if row["sroi_obligation"]:
        words.append(_("has an SROI obligation"))
    if row["cao_obligation"]:
        words.append(_("has a CAO agreement on inclusive hiring"))
    if row["csr"]:
        words.append(_("has a CSR policy"))
    return words


def market_plan(*, user: User) -> list[MarketPlanRow]:
    """Which employers of the advisor's municipalities to visit first (EM9): those whose
    vacancies' occupations (their open ones, else their past ones) meet the supply of
    job seekers (occupations in current search profiles, counted), weighted by their
    willingness to hire. Counts only, never a name; four queries however many rows."""
    municipalities = scope_of(user).municipalities(*ADVISORS)
    if not municipalities:
        raise PermissionDeniedError(code="market-plan-denied")
    supply: Counter[str] = Counter()
    for codes in (
        current_profiles()
        .filter(job_seeker__municipality_id__in=municipalities)
        .values_list("occupation_codes", flat=True)
    ):
        supply.update(set(codes or ()))
    today = clock.today()
    open_codes: dict[int, Counter[str]] = {}
    past_codes: dict[int, set[str]] = {}
    for vacancy in Vacancy.objects.filter(employer__municipality_id__in=municipalities).values(
        "employer_id", "occupation_code", "status", "expires_on"
    ):
        if vacancy["status"] in OPEN_VACANCY and vacancy["expires_on"] >= today:
            open_codes.setdefault(vacancy["employer_id"], Counter())[
                vacancy["occupation_code"]
            ] += 1
        else:
            past_codes.setdefault(vacancy["employer_id"], set()).add(vacancy["occupation_code"])
    rows = []
    for employer in Employer.objects.filter(municipality_id__in=municipalities).values(
        "id",
        "organisation__name",
        "banenafspraak",
        "sroi_obligation",
        "cao_obligation",
        "csr",
    ):
        reasons: list[str] = []
        current = open_codes.get(employer["id"], Counter())
        codes = set(current) if current else past_codes.get(employer["id"], set())
        matched = sum(supply[code] for code in codes)
        for code in sorted(codes, key=lambda c: (-supply[c], c)):
            if supply[code]:
                reasons.append(
                    (
                        _("%(count)s job seekers seek work as %(code)s, asked in an open vacancy")
                        if current
                        else _(
                            "%(count)s job seekers seek work as %(code)s, asked in an earlier "
                            "vacancy"
                        )
                    )
                    % {"count": supply[code], "code": code}
                )
        willing = _willingness(employer)
        if willing:
            reasons.append(_("willing to hire: %(how)s") % {"how": ", ".join(willing)})
        if not matched and not willing:
            continue
        weight = matched * (1 + 0.25 * len(willing)) + len(willing)
        rows.append(
            MarketPlanRow(
                employer_id=employer["id"],
                name=employer["organisation__name"],
                weight=round(weight, 2),
                job_seekers=matched,
                open_vacancies=sum(current.values()),
                reasons=tuple(reasons),
            )
        )
    rows.sort(key=lambda row: (-row.weight, row.name, row.employer_id))
    return rows


def employer_vacancies(*, employer: Employer) -> QuerySet[Vacancy]:
    """The employer's own open vacancies, to name in an introduction request."""
    return open_vacancies().filter(employer=employer).order_by("title", "id")


def ranking_municipalities(user: User) -> frozenset[int]:
    return scope_of(user).municipalities(*RANKING_ROLES)


def vacancies_to_rank(*, user: User) -> QuerySet[Vacancy]:
    """The open vacancies of the municipalities whose rankings the user reads."""
    return (
        open_vacancies()
        .filter(municipality_id__in=ranking_municipalities(user))
        .select_related("employer__organisation")
        .order_by("expires_on", "id")
    )
