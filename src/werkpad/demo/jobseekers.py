"""Bulk-creating demo job seekers: fast, and the same rows for the same seed.

Rows go in with ``bulk_create`` in batches, each job seeker with its ladder
history (an intake row plus the changes since). No service is called per row:
at 200,000 rows the per-row checks would cost minutes, and the generator makes
only values those checks accept.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.hashers import make_password
from faker import Faker

from werkpad.accounts.models import Membership, User
from werkpad.core.deadlines import add_months
from werkpad.core.models import Municipality
from werkpad.core.permissions import Role
from werkpad.demo import texts
from werkpad.demo.data import MUNICIPALITIES, Place
from werkpad.demo.distributions import HIGH_EDUCATION, Situation, draw_situation
from werkpad.jobseekers.bsn import make_bsn
from werkpad.jobseekers.models import Gender, JobSeeker, LadderRungChange

BATCH_SIZE = 5_000

#: Letters Dutch postcodes use (PostNL leaves out F, I, O, Q, U and Y).
POSTCODE_LETTERS = "ABCEGHJKLMNPRSTVWXZ"
EMAIL_DOMAINS = ("example.com", "example.net", "example.org")

#: Share of files with profile texts filled in (the rest: facts only).
PROFILE_SHARE = 0.65


@dataclass(frozen=True)
class NamePools:
    """Names drawn once from Faker (nl_NL) and reused: Faker per row is slow."""

    female: tuple[str, ...]
    male: tuple[str, ...]
    last: tuple[str, ...]

    @classmethod
    def draw(cls, seed: int, size: int = 1_500) -> NamePools:
        fake = Faker("nl_NL")
        fake.seed_instance(seed)
        return cls(
            female=tuple(fake.first_name_female() for _ in range(size)),
            male=tuple(fake.first_name_male() for _ in range(size)),
            last=tuple(fake.last_name() for _ in range(2 * size)),
        )

    def first_name(self, rng: random.Random, gender: str) -> str:
        if gender == Gender.FEMALE:
            return rng.choice(self.female)
        if gender == Gender.MALE:
            return rng.choice(self.male)
        return rng.choice(self.female if rng.random() < 0.5 else self.male)


def slug(text: str) -> str:
    """ASCII letters and digits only, lower case: for e-mail addresses and usernames."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in ascii_text.lower() if ch.isalnum())


def places_of(municipality: Municipality) -> tuple[Place, ...]:
    for known in MUNICIPALITIES:
        if known.cbs_code == municipality.cbs_code:
            return known.places
    return (Place(municipality.name, (1000, 9999)),)


def draw_postcode(rng: random.Random, place: Place) -> str:
    digits = rng.randint(*place.postcodes)
    return f"{digits} {rng.choice(POSTCODE_LETTERS)}{rng.choice(POSTCODE_LETTERS)}"


def draw_phone(rng: random.Random) -> str:
    return f"06-{rng.randint(10_000_000, 99_999_999)}"


def draw_email(rng: random.Random, first_name: str, last_name: str) -> str:
    suffix = str(rng.randint(1, 99)) if rng.random() < 0.3 else ""
    return f"{slug(first_name)}.{slug(last_name)}{suffix}@{rng.choice(EMAIL_DOMAINS)}"


def pick_texts(rng: random.Random, pool: Sequence[str], most: int) -> str:
    return " ".join(rng.sample(pool, rng.randint(1, most)))


def pick_experience(rng: random.Random, years: int) -> str:
    """One or two work-experience lines that together take no more than ``years`` years."""
    lines = [text for text, least in texts.WORK_EXPERIENCE if least <= years]
    first = rng.choice(lines)
    left = years - dict(texts.WORK_EXPERIENCE)[first]
    more = [text for text, least in texts.WORK_EXPERIENCE if least <= left and text != first]
    if more and rng.random() < 0.5:
        return f"{first} {rng.choice(more)}"
    return first


def draw_profile(rng: random.Random, situation: Situation) -> dict[str, object]:
    """JS4: texts for part of the files; the attention flags follow the facts."""
    profile: dict[str, object] = {
        "prefers_no_group_activities": rng.random() < 0.12,
        "attention_older": situation.age >= 55 and rng.random() < 0.8,
        "attention_higher_educated": (
            situation.education_level in HIGH_EDUCATION and rng.random() < 0.8
        ),
        "attention_psychological": rng.random() < (0.2 if situation.labour_disability else 0.1),
    }
    if situation.work_experience_years and rng.random() < 0.6:
        profile["work_experience"] = pick_experience(rng, situation.work_experience_years)
    if situation.labour_disability or rng.random() < 0.05:
        profile["limitations"] = pick_texts(rng, texts.LIMITATIONS, 2)
    if rng.random() < PROFILE_SHARE:
        profile["wishes"] = pick_texts(rng, texts.WISHES, 1)
        profile["knowledge"] = pick_texts(rng, texts.KNOWLEDGE, 2)
        profile["skills"] = pick_texts(rng, texts.SKILLS, 3)
        profile["possibilities"] = pick_texts(rng, texts.POSSIBILITIES, 1)
        if rng.random() < 0.3:
            profile["competence_test_results"] = pick_texts(rng, texts.COMPETENCE_TESTS, 2)
        if rng.random() < 0.12:
            profile["coach_preference"] = rng.choice(texts.COACH_PREFERENCES)
    return profile


class JobSeekerDrawer:
    """Draws complete job seekers with their history for one municipality."""

    def __init__(self, *, municipality: Municipality, seed: int, anchor: dt.date) -> None:
        self.municipality = municipality
        self.anchor = anchor
        self.rng = random.Random(seed)
        self.names = NamePools.draw(seed)
        self.places = places_of(municipality)
        self.zone = ZoneInfo(settings.TIME_ZONE)

    def moment(self, day: dt.date) -> dt.datetime:
        """A time during office hours on ``day``."""
        minutes = self.rng.randint(8 * 60 + 30, 17 * 60)
        return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), tzinfo=self.zone)

    def draw(
        self, *, number: int, contact_person_id: int | None, months_back: int = 0
    ) -> tuple[JobSeeker, list[LadderRungChange]]:
        """A job seeker as they stand on the anchor, or, ``months_back`` given, as they stood
        that many months before it (a job seeker who has left the file since)."""
        rng = self.rng
        situation = draw_situation(rng, add_months(self.anchor, -months_back))
        first_name = self.names.first_name(rng, situation.gender)
        last_name = rng.choice(self.names.last)
        history = self.history(situation, contact_person_id)
        email = draw_email(rng, first_name, last_name) if rng.random() < 0.7 else ""
        phone = draw_phone(rng) if rng.random() < 0.9 else ""
        place = rng.choice(self.places)
        job_seeker = JobSeeker(
            municipality_id=self.municipality.pk,
            bsn=make_bsn(number),
            first_name=first_name,
            last_name=last_name,
            birth_date=situation.birth_date,
            gender=situation.gender,
            email=email,
            phone=phone,
            postcode=draw_postcode(rng, place),
            city=place.name,
            education_level=situation.education_level,
            work_experience_years=situation.work_experience_years,
            benefit_type=situation.benefit_type,
            unemployed_since=situation.unemployed_since,
            ladder_rung=situation.ladder_rung,
            labour_disability=situation.labour_disability,
            sheltered_work=situation.sheltered_work,
            profile_reviewed_on=situation.reviewed_on,
            contact_person_id=contact_person_id,
            uwv_registered=situation.uwv_registered,
            uwv_registration_help=situation.uwv_registration_help,
            version=len(history),
            created_at=history[0].recorded_at,
            updated_at=history[-1].recorded_at,
            **draw_profile(rng, situation),
        )
        return job_seeker, history

    def history(self, situation: Situation, changed_by_id: int | None) -> list[LadderRungChange]:
        rows = []
        previous = None
        for day, rung in situation.rung_history:
            if previous is None:
                reason = texts.INTAKE
            else:
                reasons = texts.RUNG_UP[rung] if rung > previous else texts.RUNG_DOWN
                reason = self.rng.choice(reasons)
            rows.append(
                LadderRungChange(
                    from_rung=previous,
                    to_rung=rung,
                    changed_on=day,
                    recorded_at=self.moment(day),
                    changed_by_id=changed_by_id,
                    reason=reason,
                )
            )
            previous = rung
        return rows


def caseload_plan(
    rng: random.Random,
    count: int,
    people: int,
    first_caseload: int | None,
) -> list[int]:
    """Which contact person (by index) each new job seeker gets, in a shuffled order.

    The first person holds exactly ``first_caseload`` files when given; the rest
    are spread evenly over the others (over everyone when it is not given).
    """
    if people == 0:
        return []
    if first_caseload is None or people == 1:
        plan = [i % people for i in range(count)]
    else:
        first = min(first_caseload, count)
        plan = [0] * first + [1 + i % (people - 1) for i in range(count - first)]
    rng.shuffle(plan)
    return plan


def create_job_seekers(
    *,
    municipality: Municipality,
    count: int,
    contact_persons: Sequence,
    seed: int,
    anchor: dt.date,
    first_number: int = 0,
    first_caseload: int | None = None,
    months_back: tuple[int, int] | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Create ``count`` job seekers of ``municipality`` with their ladder history.

    Call it inside a transaction. BSNs are ``make_bsn(first_number + i)``, so
    give each call its own range of numbers. ``contact_persons`` are caseworkers
    of the municipality (see ``caseload_plan``). ``progress`` is called with the
    number created so far after each batch. ``months_back`` (fewest, most): draw each
    job seeker as they stood that many months ago, for job seekers who have left the
    file since. Returns the number created.
    """
    drawer = JobSeekerDrawer(municipality=municipality, seed=seed, anchor=anchor)
    plan = caseload_plan(drawer.rng, count, len(contact_persons), first_caseload)
    person_ids = [person.pk for person in contact_persons]
    done = 0
    while done < count:
        size = min(BATCH_SIZE, count - done)
        drawn = [
            drawer.draw(
                number=first_number + done + i,
                contact_person_id=person_ids[plan[done + i]] if plan else None,
                months_back=drawer.rng.randint(*months_back) if months_back else 0,
            )
            for i in range(size)
        ]
        created = JobSeeker.objects.bulk_create(
            [job_seeker for job_seeker, _h in drawn], batch_size=BATCH_SIZE
        )
        rows = []
        for job_seeker, (_drawn, history) in zip(created, drawn, strict=True):
            for row in history:
                row.job_seeker_id = job_seeker.pk
                rows.append(row)
        LadderRungChange.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        done += size
        if progress is not None:
            progress(done)
    return done


def create_job_seeker_logins(*, municipality: Municipality, organisation) -> int:
    """A login for every job seeker of ``municipality`` who has none yet.

    In production job seekers log in with DigiD, so these logins have no usable
    password; they are who answers and comments on a plan in the demo's history.
    Bulk-created with their job-seeker membership. Returns how many were made.
    """
    unusable = make_password(None)
    waiting = list(
        JobSeeker.objects.filter(municipality=municipality, user__isnull=True)
        .only("id", "bsn", "first_name", "last_name", "email", "phone")
        .order_by("id")
    )
    made = 0
    for start in range(0, len(waiting), BATCH_SIZE):
        batch = waiting[start : start + BATCH_SIZE]
        users = User.objects.bulk_create(
            [
                User(
                    username=f"digid-{municipality.cbs_code.lower()}-{job_seeker.pk}",
                    password=unusable,
                    first_name=job_seeker.first_name,
                    last_name=job_seeker.last_name,
                    email=job_seeker.email,
                    phone=job_seeker.phone,
                )
                for job_seeker in batch
            ],
            batch_size=BATCH_SIZE,
        )
        Membership.objects.bulk_create(
            [Membership(user=u, organisation=organisation, role=Role.JOB_SEEKER) for u in users],
            batch_size=BATCH_SIZE,
        )
        for job_seeker, user in zip(batch, users, strict=True):
            job_seeker.user = user
        JobSeeker.objects.bulk_update(batch, ["user"], batch_size=BATCH_SIZE)
        made += len(batch)
    return made
