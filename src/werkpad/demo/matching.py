"""Matching in the demo (MA1, EM6, TR4): search profiles, the candidate file,
introductions and preselections.

Every current job seeker of the main municipality gets a search profile that fits who
they are: the occupations follow their wishes (the work they name) or else their
education; the hours their step on the participation ladder; the limitations their
functional limitations. Most profiles were confirmed current by the contact person in
the past three months, some long ago (they are out of the candidate file), a few never.
Part of the confirmed job seekers with paid work in reach consented at the desk that
employers may see their work and wishes. The ``werkzoekende`` login is in the
candidate file: an employer with an open vacancy that fits what they seek (the bakery
of ``werkgever`` when one of its vacancies does) asked to meet them and waits for the
answer; ``werkgever`` waits for a candidate's answer too, and another candidate agreed
to meet the bakery, so ``werkgever`` sees a name. The
employer advisor proposed the best candidates for some open vacancies.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from werkpad.accounts.models import User
from werkpad.consents import parts as file_parts
from werkpad.consents.models import Consent, ConsentChange
from werkpad.consents.workflow import Channel
from werkpad.consents.workflow import Status as ConsentStatus
from werkpad.core import clock
from werkpad.core.models import Municipality
from werkpad.employers.models import Employer, Vacancy
from werkpad.employers.workflow import OPEN as OPEN_VACANCY
from werkpad.jobseekers.models import EducationLevel, JobSeeker
from werkpad.matching import engine
from werkpad.matching.models import (
    PSEUDONYM_ALPHABET,
    IntroductionChange,
    IntroductionRequest,
    Limitation,
    Preselection,
    SearchProfile,
)
from werkpad.matching.selectors import open_vacancies, profile_inputs, vacancy_inputs
from werkpad.matching.workflow import Status

#: Words in a wish and the occupations (ISCO-08) they point at.
WISH_OCCUPATIONS = (
    ("zorg", ("5321",)),
    ("groen", ("6113", "9214")),
    ("buiten", ("9214",)),
    ("horeca", ("9412", "4224")),
    ("keuken", ("9412",)),
    ("logistiek", ("9333", "4321", "8344")),
    ("administratief", ("4321",)),
    ("techniek", ("7233", "8344")),
    ("kinderen", ("5321",)),
)
#: Without a wish that names work: by education, low to high.
BY_EDUCATION = {
    "low": ("9112", "9412", "9214", "9333", "7512"),
    "middle": ("5223", "9333", "4321", "5321", "4224"),
}
SKILLS = {
    "9112": ("schoonmaken", "zelfstandig werken"),
    "9412": ("schoonmaken", "samenwerken"),
    "4224": ("klantvriendelijk", "engels"),
    "9333": ("orderpicken", "scanner"),
    "4321": ("voorraadbeheer", "computer"),
    "8344": ("heftruck", "veilig werken"),
    "7233": ("techniek", "machines onderhouden", "veilig werken"),
    "5321": ("zorg", "geduld", "samenwerken"),
    "5223": ("klantvriendelijk", "kassa", "samenwerken"),
    "6113": ("tuinonderhoud", "snoeien"),
    "9214": ("tuinonderhoud", "samenwerken"),
    "7512": ("deeg bereiden", "hygiëne", "samenwerken"),
}
#: Words in a functional limitation and the hard limit they mean.
LIMITATION_WORDS = (
    ("tillen", Limitation.NO_HEAVY_LIFTING),
    ("staan", Limitation.NO_STANDING),
    ("nacht", Limitation.NO_NIGHT_WORK),
)
LOW_EDUCATION = {EducationLevel.NONE, EducationLevel.PRIMARY, EducationLevel.VMBO, "mbo1"}
#: Shares of the profiles: confirmed long ago (out of the file) and never confirmed.
OUTDATED_SHARE = 0.1
UNCONFIRMED_SHARE = 0.05
#: Share of the confirmed job seekers on rung 4 or higher who consented to employers.
EMPLOYER_CONSENT_SHARE = 0.45
#: Open vacancies the employer advisor proposed candidates for, and how many each.
PRESELECTED_VACANCIES = 4
PROPOSED = 3


def _moment(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _occupations(rng: random.Random, wishes: str, education: str) -> list[str]:
    text = wishes.lower()
    for word, codes in WISH_OCCUPATIONS:
        if word in text:
            return list(codes[: rng.randint(1, len(codes))])
    pool = BY_EDUCATION["low" if education in LOW_EDUCATION else "middle"]
    return rng.sample(pool, 2)


def _hours(rung: int) -> tuple[Decimal, Decimal]:
    if rung <= 3:
        return Decimal("8"), Decimal("20")
    if rung == 4:
        return Decimal("12"), Decimal("28")
    return Decimal("16"), Decimal("38")


def _limitations(text: str) -> list[str]:
    lowered = text.lower()
    return [code for word, code in LIMITATION_WORDS if word in lowered]


def _pseudonym(rng: random.Random, taken: set[str]) -> str:
    while True:
        pseudonym = "K-" + "".join(rng.choice(PSEUDONYM_ALPHABET) for _ in range(4))
        if pseudonym not in taken:
            taken.add(pseudonym)
            return pseudonym


def create_matching(
    *,
    municipality: Municipality,
    caseworker: User,
    advisor: User,
    bakery: Employer,
    employer_user: User,
    job_seeker_user: User,
    seed: int,
    anchor: dt.date,
) -> dict[str, int]:
    """Search profiles, employer consents, introductions and preselections; the counts."""
    rng = random.Random(seed * 31 + 9)
    login = JobSeeker.objects.get(user=job_seeker_user)
    rows = list(
        JobSeeker.objects.filter(municipality=municipality, left_on__isnull=True)
        .order_by("pk")
        .values(
            "pk", "wishes", "education_level", "ladder_rung", "limitations", "contact_person_id"
        )
    )
    taken = set(SearchProfile.objects.values_list("pseudonym", flat=True))
    profiles = []
    for row in rows:
        own = row["pk"] == login.pk
        codes = _occupations(rng, row["wishes"], row["education_level"])
        low, high = _hours(row["ladder_rung"])
        draw = rng.random()
        if own or draw >= OUTDATED_SHARE + UNCONFIRMED_SHARE:
            confirmed: dt.date | None = anchor - dt.timedelta(days=rng.randint(1, 90))
        elif draw < OUTDATED_SHARE:
            confirmed = anchor - dt.timedelta(days=rng.randint(200, 320))
        else:
            confirmed = None
        made = (confirmed or anchor - dt.timedelta(days=rng.randint(5, 60))) - dt.timedelta(
            days=rng.randint(0, 14)
        )
        skills = sorted({skill for code in codes for skill in SKILLS.get(code, ())})
        profiles.append(
            SearchProfile(
                municipality=municipality,
                job_seeker_id=row["pk"],
                pseudonym=_pseudonym(rng, taken),
                occupation_codes=codes,
                skills=skills,
                regions=[municipality.region.code],
                min_hours=low,
                max_hours=high,
                limitations=_limitations(row["limitations"]),
                preferences=codes[:1] if rng.random() < 0.3 else [],
                confirmed_current_on=confirmed,
                confirmed_by_id=(row["contact_person_id"] or caseworker.pk) if confirmed else None,
                created_at=_moment(made, 10),
                updated_at=_moment(confirmed or made, 11),
            )
        )
    SearchProfile.objects.bulk_create(profiles, batch_size=1000)
    by_job_seeker = {
        p.job_seeker_id: p for p in SearchProfile.objects.filter(municipality=municipality)
    }
    rung = {row["pk"]: row["ladder_rung"] for row in rows}
    consented = _employer_consents(rng, by_job_seeker, rung, login, anchor)
    introductions = _introductions(rng, by_job_seeker, consented, login, bakery, employer_user)
    preselections = _preselections(municipality, advisor)
    return {
        "search profiles": len(profiles),
        "in the candidate file": len(consented),
        "introductions": introductions,
        "preselections": preselections,
    }


def _employer_consents(
    rng: random.Random,
    by_job_seeker: dict[int, SearchProfile],
    rung: dict[int, int],
    login: JobSeeker,
    anchor: dt.date,
) -> list[int]:
    """Job seekers (ids) who consented to employers at the desk when their profile was
    confirmed; the ``werkzoekende`` login for their wishes (their work and skills may be
    asked of them and wait for the answer)."""
    existing = set(
        Consent.objects.filter(recipient=Consent.Recipient.EMPLOYERS).values_list(
            "job_seeker_id", "part"
        )
    )
    consents, chosen = [], []
    for job_seeker_id, profile in by_job_seeker.items():
        own = job_seeker_id == login.pk
        if (
            profile.confirmed_current_on is None
            or profile.confirmed_current_on < anchor - dt.timedelta(days=90)
        ):
            continue
        if not own and (rung[job_seeker_id] < 4 or rng.random() >= EMPLOYER_CONSENT_SHARE):
            continue
        wanted = [file_parts.PREFERENCES] if own else [file_parts.WORK, file_parts.PREFERENCES]
        parts = [part for part in wanted if (job_seeker_id, part) not in existing]
        if not parts:
            continue
        chosen.append(job_seeker_id)
        when = _moment(profile.confirmed_current_on, 14)
        for part in parts:
            consents.append(
                (
                    Consent(
                        municipality_id=profile.municipality_id,
                        job_seeker_id=job_seeker_id,
                        recipient=Consent.Recipient.EMPLOYERS,
                        part=part,
                        status=ConsentStatus.GIVEN,
                        channel=Channel.DESK,
                        requested_reason="Voor het kandidatenbestand van de werkgeversdienst.",
                        created_at=when,
                        updated_at=when,
                    ),
                    profile.confirmed_by_id,
                    when,
                )
            )
    Consent.objects.bulk_create([c for c, _by, _when in consents], batch_size=1000)
    ConsentChange.objects.bulk_create(
        [
            ConsentChange(
                consent=consent,
                from_status="",
                to_status=ConsentStatus.GIVEN,
                channel=Channel.DESK,
                changed_at=when,
                changed_by_id=by,
            )
            for consent, by, when in consents
        ],
        batch_size=1000,
    )
    return chosen


def _fits(
    profile: SearchProfile, vacancies: list[engine.Vacancy], *, occupation: bool = True
) -> list[engine.Vacancy]:
    """The vacancies ``profile`` is eligible for, best first; with ``occupation`` only
    those of an occupation it seeks."""
    (me,) = profile_inputs(SearchProfile.objects.filter(pk=profile.pk))
    by_id = {v.id: v for v in vacancies}
    return [
        by_id[m.vacancy_id]
        for m in engine.vacancies_for(me, vacancies, len(vacancies))
        if not occupation or by_id[m.vacancy_id].occupation_code in me.occupation_codes
    ]


def _introductions(
    rng: random.Random,
    by_job_seeker: dict[int, SearchProfile],
    consented: list[int],
    login: JobSeeker,
    bakery: Employer,
    employer_user: User,
) -> int:
    """The ``werkzoekende`` login is asked to meet an employer with an open vacancy that
    fits what they seek (``werkgever``'s bakery when one of its vacancies fits, otherwise
    the employer whose vacancy fits best): waiting for their answer. ``werkgever``'s bakery
    also waits for another candidate's answer, and a third agreed to meet it; both fit one
    of the bakery's vacancies."""
    now = clock.now()
    made = 0
    open_now = list(
        open_vacancies().filter(municipality_id=bakery.municipality_id, employer__isnull=False)
    )
    inputs = vacancy_inputs(Vacancy.objects.filter(pk__in=[v.pk for v in open_now]))
    rows = {v.pk: v for v in open_now}
    own = by_job_seeker.get(login.pk)
    asked_login = False
    if own is not None and login.pk in consented:
        # An occupation it seeks first; else the best the hard limits allow.
        fitting = sorted(
            (rows[int(v.id)] for v in _fits(own, inputs) or _fits(own, inputs, occupation=False)),
            key=lambda v: v.employer_id != bakery.pk,
        )
        if fitting:
            vacancy = fitting[0]
            employer = vacancy.employer
            assert employer is not None
            _introduction(
                employer,
                own,
                vacancy,
                employer_user if employer.pk == bakery.pk else None,
                f"Wij zoeken een {vacancy.title.lower()} en uw profiel past daarbij. "
                "Zou u kennis willen maken?",
                asked=now - dt.timedelta(hours=20),
            )
            made += 1
            asked_login = employer.pk == bakery.pk
    bakery_inputs = [v for v in inputs if v.employer_id == str(bakery.pk)]
    others = [
        (job_seeker_id, _fits(by_job_seeker[job_seeker_id], bakery_inputs))
        for job_seeker_id in consented
        if job_seeker_id != login.pk
    ]
    fitting_others = [(js, fits[0]) for js, fits in others if fits]
    rng.shuffle(fitting_others)
    if not asked_login and fitting_others:
        job_seeker_id, fit = fitting_others.pop()
        vacancy = rows[int(fit.id)]
        _introduction(
            bakery,
            by_job_seeker[job_seeker_id],
            vacancy,
            employer_user,
            f"Wij zoeken een {vacancy.title.lower()} voor onze bakkerij. "
            "Zou u kennis willen maken?",
            asked=now - dt.timedelta(hours=30),
        )
        made += 1
    if fitting_others:
        job_seeker_id, fit = fitting_others.pop()
        other = by_job_seeker[job_seeker_id]
        vacancy = rows[int(fit.id)]
        introduction = _introduction(
            bakery,
            other,
            vacancy,
            employer_user,
            f"Wij hebben straks plek als {vacancy.title.lower()}. Komt u een keer langs?",
            asked=now - dt.timedelta(days=6),
        )
        answered = now - dt.timedelta(days=4)
        IntroductionChange.objects.create(
            introduction=introduction,
            from_status=Status.REQUESTED,
            to_status=Status.AGREED,
            changed_at=answered,
            changed_by_id=JobSeeker.objects.filter(pk=other.job_seeker_id)
            .values_list("user_id", flat=True)
            .first(),
        )
        IntroductionRequest.objects.filter(pk=introduction.pk).update(
            status=Status.AGREED,
            answered_at=answered,
            share_email=True,
            share_phone=True,
            version=2,
            updated_at=answered,
        )
        made += 1
    return made


def _introduction(
    employer: Employer,
    profile: SearchProfile,
    vacancy: Vacancy | None,
    user: User | None,
    message: str,
    *,
    asked: dt.datetime,
) -> IntroductionRequest:
    introduction = IntroductionRequest.objects.create(
        municipality_id=employer.municipality_id,
        employer=employer,
        job_seeker_id=profile.job_seeker_id,
        pseudonym=profile.pseudonym,
        vacancy=vacancy,
        message=message,
        status=Status.REQUESTED,
        requested_by=user,
        requested_at=asked,
        created_at=asked,
        updated_at=asked,
    )
    IntroductionChange.objects.create(
        introduction=introduction,
        from_status="",
        to_status=Status.REQUESTED,
        changed_at=asked,
        changed_by=user,
    )
    return introduction


def _preselections(municipality: Municipality, advisor: User) -> int:
    """The employer advisor proposed the engine's best candidates for some open vacancies."""
    today = clock.today()
    vacancies = Vacancy.objects.filter(
        municipality=municipality, status__in=OPEN_VACANCY, expires_on__gte=today, preselection=True
    ).order_by("received_at", "pk")[:PRESELECTED_VACANCIES]
    received = {v.pk: v.received_at for v in vacancies}
    seekers = profile_inputs(
        SearchProfile.objects.filter(municipality=municipality, job_seeker__left_on__isnull=True)
    )
    index = engine.MatchIndex(seekers, vacancy_inputs(Vacancy.objects.filter(pk__in=received)))
    now = clock.now()
    made: list[Preselection] = []
    for vacancy in index.vacancies:
        at = received[int(vacancy.id)] + (now - received[int(vacancy.id)]) / 2
        made.extend(
            Preselection(
                vacancy_id=int(vacancy.id),
                job_seeker_id=int(match.job_seeker_id),
                proposed_by=advisor,
                proposed_at=at,
            )
            for match in index.candidates_for(vacancy, PROPOSED)
        )
    Preselection.objects.bulk_create(made)
    return len(made)
