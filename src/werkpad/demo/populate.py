"""Filling an empty database with a demo: organisations, a login per role, job seekers.

Users go through the account services like any other user. Password hashing
is deliberately slow, so the shared demo password is hashed once and that hash
given to every demo user.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from django.contrib.auth.hashers import make_password
from django.db import transaction
from faker import Faker

from werkpad.accounts.models import Membership, User
from werkpad.accounts.services import membership_grant, user_create
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.models import (
    AuditEvent,
    LabourMarketRegion,
    Municipality,
    MunicipalitySettings,
    Organisation,
)
from werkpad.core.permissions import Role
from werkpad.demo.actions import create_actions
from werkpad.demo.complaints import create_complaints
from werkpad.demo.consents import create_consents
from werkpad.demo.conversations import create_conversations
from werkpad.demo.council_advice import create_council_advice
from werkpad.demo.council_assessments import create_council_assessments
from werkpad.demo.council_reports import create_council_reports
from werkpad.demo.data import (
    CASELOAD,
    COACHES_PER_PROVIDER,
    COUNCIL_MEMBERS,
    DEFAULT_SEED,
    DEMO_PASSWORD,
    FORMER_MONTHS_BACK,
    FORMER_MOST,
    FORMER_PER_CURRENT,
    JOB_SEEKER_USERNAME,
    MAIN_CASELOAD,
    MUNICIPALITIES,
    ORGANISATIONS,
    REGION_CODE,
    ROLE_USERS,
    SIZES,
)
from werkpad.demo.documents import create_documents
from werkpad.demo.employers import create_employers, create_vacancies
from werkpad.demo.jobseekers import create_job_seeker_logins, create_job_seekers, slug
from werkpad.demo.matching import create_matching
from werkpad.demo.placements import create_placements
from werkpad.demo.plans import create_plans
from werkpad.demo.providers import create_catalogue
from werkpad.demo.secondopinions import create_mediations, create_second_opinions
from werkpad.demo.surveys import create_surveys
from werkpad.demo.trajectories import create_trajectories
from werkpad.jobseekers.models import JobSeeker
from werkpad.notifications.terms import sweep


class DatabaseNotEmptyError(Exception):
    """The demo loads only into a database without municipalities or job seekers."""


def database_holds_data() -> bool:
    return Municipality.objects.exists() or JobSeeker.objects.exists()


def demo_anchor(today: dt.date | None = None) -> dt.date:
    """The date every demo date counts back from: the first of the current month.

    Fixed for a month, so the same seed gives the same rows all month, while
    the data stays current.
    """
    return (today or clock.today()).replace(day=1)


def split(total: int, shares: Sequence[float]) -> list[int]:
    """``total`` divided by ``shares``; the first part takes the rounding."""
    parts = [math.floor(total * share) for share in shares[1:]]
    return [total - sum(parts), *parts]


class Output(Protocol):
    """Where progress goes: a text stream, or a command's ``stdout``."""

    def write(self, text: str, /) -> object: ...
    def flush(self) -> object: ...


class Printer:
    def __init__(self, stdout: Output | None) -> None:
        self.stdout = stdout or sys.stdout

    def line(self, text: str) -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()


@dataclass
class Cast:
    """The people and organisations the demo made, for the job seekers and the summary."""

    municipalities: list[Municipality]
    organisations: dict[str, Organisation]
    users: dict[str, User]
    caseworkers: dict[int, list[User]]  # municipality pk -> its caseworkers, klantmanager first
    policy_officers: dict[int, User]  # municipality pk -> who keeps its catalogue
    coaches: dict[int, list[int]]  # provider organisation pk -> coach user ids, ``coach`` first
    #: council organisation pk -> its members, ``raadslid`` first in the main council
    council_members: dict[int, list[User]]


class CastBuilder:
    """Creates the municipalities, organisations and users, names drawn from one Faker."""

    def __init__(self, *, seed: int) -> None:
        self.fake = Faker("nl_NL")
        self.fake.seed_instance(seed)
        self.rng = random.Random(seed)
        self.password_hash = make_password(DEMO_PASSWORD)
        self.usernames: set[str] = set()

    def municipalities(self) -> list[Municipality]:
        """The demo's municipalities, each with its settings row at the defaults, so that
        the functional administrator's settings page shows real values."""
        region = LabourMarketRegion.objects.get(code=REGION_CODE)
        made = [
            Municipality.objects.create(name=m.name, cbs_code=m.cbs_code, region=region)
            for m in MUNICIPALITIES
        ]
        MunicipalitySettings.objects.bulk_create(
            MunicipalitySettings(municipality=municipality) for municipality in made
        )
        return made

    def organisations(self, municipalities: list[Municipality]) -> dict[str, Organisation]:
        organisations = {
            m.cbs_code: Organisation.objects.create(
                name=f"Gemeente {m.name}",
                kind=Organisation.Kind.MUNICIPALITY,
                municipality=m,
                email=f"werkeninkomen@{spec.email_domain}",
                phone=f"020-55501{index}0",
            )
            for index, (m, spec) in enumerate(zip(municipalities, MUNICIPALITIES, strict=True))
        }
        organisations["main"] = organisations[municipalities[0].cbs_code]
        for spec in ORGANISATIONS:
            organisations[spec.key] = Organisation.objects.create(
                name=spec.name,
                kind=spec.kind,
                municipality=municipalities[spec.municipality],
                kvk_number=spec.kvk_number,
                email=spec.email,
                phone=spec.phone,
            )
        return organisations

    def user(
        self,
        *,
        username: str | None,
        organisation: Organisation,
        role: str,
        domain: str,
        first_name: str | None = None,
        last_name: str | None = None,
        email: str | None = None,
        phone: str | None = None,
    ) -> User:
        first_name = first_name or self.fake.first_name()
        last_name = last_name or self.fake.last_name()
        if username is None:
            username = self.free_username(f"{slug(first_name)[:1]}.{slug(last_name)}")
        self.usernames.add(username)
        user = user_create(
            username=username,
            password=None,
            first_name=first_name,
            last_name=last_name,
            email=email if email is not None else f"{username}@{domain}",
            phone=phone if phone is not None else f"020-{self.rng.randint(5_550_000, 5_559_999)}",
        )
        user.password = self.password_hash
        user.save(update_fields=["password"])
        membership_grant(user=user, organisation=organisation, role=role)
        return user

    def free_username(self, base: str) -> str:
        username, n = base, 1
        while username in self.usernames:
            n += 1
            username = f"{base}{n}"
        return username

    def role_users(self, organisations: dict[str, Organisation]) -> dict[str, User]:
        return {
            spec.username: self.user(
                username=spec.username,
                organisation=organisations[spec.organisation],
                role=spec.role,
                domain=domain_of(organisations[spec.organisation]),
            )
            for spec in ROLE_USERS
        }

    def caseworkers(self, organisation: Organisation, count: int) -> list[User]:
        return self.staff(organisation, Role.CASEWORKER, count)

    def staff(self, organisation: Organisation, role: str, count: int) -> list[User]:
        return [
            self.user(
                username=None, organisation=organisation, role=role, domain=domain_of(organisation)
            )
            for _ in range(count)
        ]


def domain_of(organisation: Organisation) -> str:
    return organisation.email.partition("@")[2] or "example.nl"


def caseworker_counts(sizes: Sequence[int]) -> list[int]:
    """Further caseworkers per municipality: klantmanager holds MAIN_CASELOAD of the first."""
    counts = []
    for index, size in enumerate(sizes):
        rest = size - MAIN_CASELOAD if index == 0 else size
        counts.append(max(1, math.ceil(max(rest, 0) / CASELOAD)))
    return counts


def build_cast(builder: CastBuilder, job_seekers_per_municipality: Sequence[int]) -> Cast:
    municipalities = builder.municipalities()
    organisations = builder.organisations(municipalities)
    users = builder.role_users(organisations)
    caseworkers: dict[int, list[User]] = {}
    counts = caseworker_counts(job_seekers_per_municipality)
    for index, (municipality, count) in enumerate(zip(municipalities, counts, strict=True)):
        organisation = organisations[municipality.cbs_code]
        own = builder.caseworkers(organisation, count)
        caseworkers[municipality.pk] = [users["klantmanager"], *own] if index == 0 else own
    policy_officers = {municipalities[0].pk: users["beleid"]}
    for municipality in municipalities[1:]:
        (officer,) = builder.staff(organisations[municipality.cbs_code], Role.POLICY_OFFICER, 1)
        policy_officers[municipality.pk] = officer
    coaches: dict[int, list[int]] = {}
    for spec in ORGANISATIONS:
        if spec.kind != Organisation.Kind.PROVIDER:
            continue
        organisation = organisations[spec.key]
        own_login = [u.pk for k, u in users.items() if k == "coach" and role_org(k) == spec.key]
        further = builder.staff(organisation, Role.COACH, COACHES_PER_PROVIDER)
        coaches[organisation.pk] = [*own_login, *(u.pk for u in further)]
    council_members: dict[int, list[User]] = {}
    for spec in ORGANISATIONS:
        if spec.kind != Organisation.Kind.COUNCIL:
            continue
        organisation = organisations[spec.key]
        logins = [u for k, u in users.items() if role_org(k) == spec.key]
        members = builder.staff(organisation, Role.COUNCIL_MEMBER, COUNCIL_MEMBERS)
        council_members[organisation.pk] = [*logins, *members]
    return Cast(
        municipalities,
        organisations,
        users,
        caseworkers,
        policy_officers,
        coaches,
        council_members,
    )


def role_org(username: str) -> str:
    return next(spec.organisation for spec in ROLE_USERS if spec.username == username)


def link_job_seeker_login(builder: CastBuilder, cast: Cast) -> User:
    """The ``werkzoekende`` login: a job seeker of klantmanager's caseload with a full profile."""
    caseload = JobSeeker.objects.filter(contact_person=cast.users["klantmanager"])
    job_seeker = (
        caseload.filter(ladder_rung__in=(2, 3, 4))
        .exclude(wishes="")
        .exclude(email="")
        .exclude(phone="")
        .order_by("id")
        .first()
        or caseload.order_by("id").first()
    )
    if job_seeker is None:
        raise ValueError("klantmanager has no caseload to take the job seeker's login from.")
    user = builder.user(
        username=JOB_SEEKER_USERNAME,
        organisation=cast.organisations["main"],
        role=Role.JOB_SEEKER,
        domain="example.com",
        first_name=job_seeker.first_name,
        last_name=job_seeker.last_name,
        email=job_seeker.email,
        phone=job_seeker.phone,
    )
    job_seeker.user = user
    job_seeker.save(update_fields=["user"])
    return user


def populate(
    *,
    size: str = "small",
    seed: int = DEFAULT_SEED,
    stdout: Output | None = None,
    anchor: dt.date | None = None,
) -> Cast:
    """Fill an empty database with the demo; raises ``DatabaseNotEmptyError`` otherwise.

    Everything happens in one transaction: a failure leaves the database empty.
    """
    if size not in SIZES:
        raise ValueError(f"Unknown size {size!r}; choose from {', '.join(SIZES)}.")
    printer = Printer(stdout)
    started = time.perf_counter()
    anchor = anchor or demo_anchor()
    total = SIZES[size]
    per_municipality = split(total, [m.share for m in MUNICIPALITIES])
    with transaction.atomic():
        if database_holds_data():
            raise DatabaseNotEmptyError("The database already holds municipalities or job seekers.")
        builder = CastBuilder(seed=seed)
        cast = build_cast(builder, per_municipality)
        printer.line(
            f"municipalities: {len(cast.municipalities)}, organisations: "
            f"{len(MUNICIPALITIES) + len(ORGANISATIONS)}, users: {len(builder.usernames)}"
        )
        create_catalogue(
            organisations=cast.organisations, users=cast.policy_officers, anchor=anchor
        )
        load_job_seekers(cast, per_municipality, seed=seed, anchor=anchor, printer=printer)
        job_seeker_user = link_job_seeker_login(builder, cast)
        for municipality in cast.municipalities:
            create_job_seeker_logins(
                municipality=municipality, organisation=cast.organisations[municipality.cbs_code]
            )
        create_plans(
            municipalities=cast.municipalities, seed=seed, anchor=anchor, progress=printer.line
        )
        former_ids = load_former_job_seekers(cast, per_municipality, seed=seed, anchor=anchor)
        create_trajectories(
            municipalities=cast.municipalities,
            coaches=cast.coaches,
            coach_login=cast.users["coach"],
            seed=seed,
            anchor=anchor,
            former_ids=former_ids,
            progress=printer.line,
        )
        create_conversations(
            municipality=cast.municipalities[0],
            users=cast.users,
            job_seeker_user=job_seeker_user,
            seed=seed,
            anchor=anchor,
        )
        second_opinions = create_second_opinions(
            office=cast.organisations[role_org("adviseur")],
            advisor=cast.users["adviseur"],
            caseworker=cast.users["klantmanager"],
            job_seeker_login=job_seeker_user,
            seed=seed,
            anchor=anchor,
        )
        mediations = create_mediations(
            caseworker=cast.users["klantmanager"], seed=seed, anchor=anchor
        )
        printer.line(f"second opinions: {len(second_opinions)}, mediations: {len(mediations)}")
        create_consents(
            municipalities=cast.municipalities,
            job_seeker_user=job_seeker_user,
            seed=seed,
            anchor=anchor,
            progress=printer.line,
        )
        create_documents(
            job_seeker_user=job_seeker_user,
            caseworker=cast.users["klantmanager"],
            coach=cast.users["coach"],
        )
        actions = create_actions(
            municipalities=cast.municipalities,
            caseworker=cast.users["klantmanager"],
            coach=cast.users["coach"],
            job_seeker_user=job_seeker_user,
            seed=seed,
        )
        printer.line(f"actions: {actions}")
        employers = create_employers(
            municipality=cast.municipalities[0],
            organisations=cast.organisations,
            advisor=cast.users["werkgeversadviseur"],
            employer_user=cast.users["werkgever"],
        )
        vacancies = create_vacancies(
            employers=employers,
            advisor=cast.users["werkgeversadviseur"],
            employer_user=cast.users["werkgever"],
        )
        printer.line(f"employers: {len(employers)}, vacancies: {len(vacancies)}")
        matched = create_matching(
            municipality=cast.municipalities[0],
            caseworker=cast.users["klantmanager"],
            advisor=cast.users["werkgeversadviseur"],
            bakery=employers["employer-1"],
            employer_user=cast.users["werkgever"],
            job_seeker_user=job_seeker_user,
            seed=seed,
            anchor=anchor,
        )
        printer.line("matching: " + ", ".join(f"{k} {v:,}" for k, v in matched.items()))
        placed = create_placements(
            municipality=cast.municipalities[0],
            vacancies=vacancies,
            employers=employers,
            caseworker=cast.users["klantmanager"],
            advisor=cast.users["werkgeversadviseur"],
            policy_officer=cast.users["beleid"],
        )
        printer.line(", ".join(f"{key}: {n}" for key, n in placed.items()))
        made = create_complaints(
            municipality_organisation=cast.organisations[cast.municipalities[0].cbs_code],
            users=cast.users,
        )
        printer.line(f"complaints: {made}")
        reports = create_council_reports(
            municipality=cast.municipalities[0], policy_officer=cast.users["beleid"]
        )
        printer.line(f"council results reports: {reports}")
        surveyed = create_surveys(
            municipality=cast.municipalities[0],
            policy_officer=cast.users["beleid"],
            council_member=cast.users["raadslid"],
            job_seeker_user=job_seeker_user,
            seed=seed,
            anchor=anchor,
        )
        printer.line(", ".join(f"{key}: {n}" for key, n in surveyed.items()))
        assessments = create_council_assessments(
            organisations=cast.organisations,
            council_members=cast.council_members,
            anchor=anchor,
            seed=seed,
        )
        printer.line(f"council assessments: {assessments}")
        advice_requests = create_council_advice(
            municipalities=cast.municipalities,
            policy_officers=cast.policy_officers,
            council_members=cast.council_members,
            anchor=anchor,
        )
        printer.line(f"council advice requests: {advice_requests}")
        # The sweep of terms once, as the worker would: the header's count is real
        # from the first login. The demo's own notifications are not e-mailed.
        notified = sweep(today=clock.today())
        printer.line(f"notifications: {len(notified):,}")
        audit_record(
            user=None,
            action=AuditEvent.Action.IMPORT,
            object_type="demo",
            origin=AuditEvent.Origin.CLI,
            municipality_id=cast.municipalities[0].pk,
            detail=(
                f"Demo data (size {size}, seed {seed}): {total} job seekers in "
                f"{len(cast.municipalities)} municipalities, {len(builder.usernames)} users."
            ),
        )
    printer.line(f"demo data loaded in {time.perf_counter() - started:.1f} s")
    return cast


def load_job_seekers(
    cast: Cast, per_municipality: Sequence[int], *, seed: int, anchor: dt.date, printer: Printer
) -> None:
    total = sum(per_municipality)
    offset = 0
    for index, (municipality, count) in enumerate(
        zip(cast.municipalities, per_municipality, strict=True)
    ):

        def report(done: int, offset: int = offset) -> None:
            printer.line(f"job seekers: {offset + done:,}/{total:,}")

        create_job_seekers(
            municipality=municipality,
            count=count,
            contact_persons=cast.caseworkers[municipality.pk],
            seed=seed * 100 + index,
            anchor=anchor,
            first_number=offset,
            first_caseload=MAIN_CASELOAD if index == 0 else None,
            progress=report,
        )
        offset += count


def load_former_job_seekers(
    cast: Cast, per_municipality: Sequence[int], *, seed: int, anchor: dt.date
) -> frozenset[int]:
    """The job seekers who left the file in the demo's years (outflow), drawn as they
    stood when they were in it; their trajectories are what "which programme fits"
    learns from along with the others'. Returns their ids; they leave with their
    trajectories (``create_trajectories``)."""
    before = JobSeeker.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    offset = sum(per_municipality)
    for index, (municipality, count) in enumerate(
        zip(cast.municipalities, per_municipality, strict=True)
    ):
        former = min(round(count * FORMER_PER_CURRENT), FORMER_MOST)
        create_job_seekers(
            municipality=municipality,
            count=former,
            contact_persons=cast.caseworkers[municipality.pk],
            seed=seed * 100 + 50 + index,
            anchor=anchor,
            first_number=offset,
            months_back=FORMER_MONTHS_BACK,
        )
        offset += former
    return frozenset(JobSeeker.objects.filter(pk__gt=before).values_list("pk", flat=True))


@dataclass(frozen=True)
class Login:
    username: str
    role: str
    organisation: str


def demo_logins() -> list[Login]:
    """The demo's role logins present in the database, in the order of ``ROLE_USERS``."""
    usernames = [spec.username for spec in ROLE_USERS] + [JOB_SEEKER_USERNAME]
    memberships = Membership.objects.filter(
        user__username__in=usernames, is_active=True
    ).select_related("user", "organisation")
    by_username = {m.user.username: m for m in memberships}
    return [
        Login(name, str(Role(by_username[name].role).label), by_username[name].organisation.name)
        for name in usernames
        if name in by_username
    ]


def print_logins(stdout: Output | None = None, password: str = DEMO_PASSWORD) -> None:
    """The table ``make run`` shows: who to log in as, in which role, with which password."""
    printer = Printer(stdout)
    logins = demo_logins()
    if not logins:
        return
    width = max(len(login.username) for login in logins)
    role_width = max(len(login.role) for login in logins)
    printer.line("")
    printer.line("Demo logins:")
    printer.line(f"  {'username':<{width}}  {'role':<{role_width}}  password")
    for login in logins:
        printer.line(
            f"  {login.username:<{width}}  {login.role:<{role_width}}  {password}"
            f"    ({login.organisation})"
        )
