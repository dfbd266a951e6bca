"""The demo data: who is in it, how the population is shaped, and that a seed repeats it."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import statistics

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from tests.factories import JobSeekerFactory, MunicipalityFactory, UserFactory
from werkpad.accounts.models import Membership, User
from werkpad.core import clock
from werkpad.core.models import AuditEvent, Municipality, MunicipalitySettings, Organisation
from werkpad.core.permissions import Role
from werkpad.demo import texts
from werkpad.demo.data import DEFAULT_SEED, DEMO_PASSWORD
from werkpad.demo.jobseekers import create_job_seekers
from werkpad.demo.populate import demo_anchor, populate, print_logins
from werkpad.jobseekers.bsn import is_valid_bsn
from werkpad.jobseekers.models import JobSeeker, LadderRungChange, current_q, profile_overdue_q

ROLES = {
    "klantmanager": Role.CASEWORKER,
    "coach": Role.COACH,
    "werkgeversadviseur": Role.EMPLOYER_ADVISOR,
    "werkgever": Role.EMPLOYER,
    "adviseur": Role.ADVISOR,
    "klachtbehandelaar": Role.COMPLAINT_HANDLER,
    "klachten-werkbrug": Role.COMPLAINT_HANDLER,
    "raadslid": Role.COUNCIL_MEMBER,
    "beleid": Role.POLICY_OFFICER,
    "beheer": Role.FUNCTIONAL_ADMIN,
    "werkzoekende": Role.JOB_SEEKER,
}
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def share(items, predicate) -> float:
    items = list(items)
    return sum(1 for item in items if predicate(item)) / len(items)


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """The small demo, loaded once per class in a transaction rolled back after it.

    Each test reads it inside its own savepoint; ``demo["stdout"]`` is what it printed.
    """
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHER),
        transaction.atomic(),
    ):
        out = io.StringIO()
        populate(size="small", seed=7, stdout=out)
        yield {"stdout": out.getvalue()}
        transaction.set_rollback(True)


@pytest.mark.django_db
class TestSmallDemo:
    def test_small_demo_has_500_job_seekers_over_three_municipalities_of_one_region(self, demo):
        counts = {
            m.cbs_code: m.job_seekers.filter(current_q()).count()
            for m in Municipality.objects.all()
        }
        assert sum(counts.values()) == JobSeeker.objects.filter(current_q()).count() == 500
        assert set(counts) == {"GM0363", "GM0384", "GM0437"}
        assert counts["GM0363"] > counts["GM0384"] + counts["GM0437"]
        assert set(Municipality.objects.values_list("region__code", flat=True)) == {"AM10"}
        assert "job seekers: 500/500" in demo["stdout"]

    def test_every_municipality_has_its_settings_at_the_defaults(self, demo):
        rows = MunicipalitySettings.objects.select_related("municipality")
        assert {row.municipality.cbs_code for row in rows} == {"GM0363", "GM0384", "GM0437"}
        for row in rows:
            assert row.version == 1
            for name in MunicipalitySettings.EDITABLE:
                assert getattr(row, name) == MunicipalitySettings._meta.get_field(name).default

    def test_organisations_of_every_kind(self, demo):
        kinds = Organisation.Kind
        by_kind = {kind: list(Organisation.objects.filter(kind=kind)) for kind in kinds}
        assert len(by_kind[kinds.MUNICIPALITY]) == 3
        assert len(by_kind[kinds.PROVIDER]) == 5
        assert {p.municipality.cbs_code for p in by_kind[kinds.PROVIDER]} == {
            "GM0363",
            "GM0384",
            "GM0437",
        }
        assert len(by_kind[kinds.EMPLOYER]) >= 5
        # Each municipality of the region has its client council, with members.
        assert {c.municipality.cbs_code for c in by_kind[kinds.COUNCIL]} == {
            "GM0363",
            "GM0384",
            "GM0437",
        }
        for council in by_kind[kinds.COUNCIL]:
            assert council.memberships.filter(role=Role.COUNCIL_MEMBER).count() >= 3
        assert len(by_kind[kinds.ADVISOR_OFFICE]) == 1
        for provider in by_kind[kinds.PROVIDER]:
            assert len(provider.kvk_number) == 8 and provider.kvk_number.isdigit()

    def test_one_login_per_role_with_the_shared_password(self, demo):
        for username, role in ROLES.items():
            user = User.objects.get(username=username)
            assert list(user.memberships.values_list("role", flat=True)) == [role], username
            assert user.first_name and user.last_name and user.email and user.phone
        klantmanager = User.objects.get(username="klantmanager")
        with override_settings(PASSWORD_HASHERS=FAST_HASHER):
            assert klantmanager.check_password(DEMO_PASSWORD)
        coach = Membership.objects.get(user__username="coach")
        assert coach.organisation.kind == Organisation.Kind.PROVIDER
        assert (
            Membership.objects.get(user__username="klantmanager").organisation.municipality.cbs_code
            == "GM0363"
        )

    def test_the_logins_table_lists_every_demo_login(self, demo):
        out = io.StringIO()
        print_logins(out)
        table = out.getvalue()
        for username in ROLES:
            assert f"  {username} " in table
        assert table.count(DEMO_PASSWORD) == len(ROLES)

    def test_caseloads_are_spread_and_werkzoekende_is_on_klantmanagers_caseload(self, demo):
        klantmanager = User.objects.get(username="klantmanager")
        assert klantmanager.caseload.filter(current_q()).count() == 80
        own = JobSeeker.objects.get(user__username="werkzoekende")
        assert own.contact_person == klantmanager
        assert own.municipality.cbs_code == "GM0363"
        caseworkers = dict(
            Membership.objects.filter(role=Role.CASEWORKER).values_list(
                "user_id", "organisation__municipality_id"
            )
        )
        assert len(caseworkers) >= 5
        for person_id, municipality_id in JobSeeker.objects.values_list(
            "contact_person_id", "municipality_id"
        ):
            assert caseworkers[person_id] == municipality_id

    def test_every_file_is_valid_with_a_ladder_history_ending_at_its_rung(self, demo):
        today = clock.today()
        bsns = list(JobSeeker.objects.values_list("bsn", flat=True))
        assert len(set(bsns)) == len(bsns) and all(is_valid_bsn(b) for b in bsns)
        for job_seeker in JobSeeker.objects.prefetch_related("rung_history", "trajectories"):
            job_seeker.full_clean(exclude=["user", "contact_person", "municipality"])
            history = sorted(job_seeker.rung_history.all(), key=lambda r: (r.changed_on, r.id))
            # the intake, up to three measured changes, and a step up per trajectory at most
            assert 1 <= len(history) <= 4 + len(job_seeker.trajectories.all())
            assert history[0].from_rung is None and history[0].reason == "intake"
            assert history[-1].to_rung == job_seeker.ladder_rung
            for before, after in itertools.pairwise(history):
                assert after.from_rung == before.to_rung
            assert job_seeker.unemployed_since <= history[0].changed_on <= today
            assert job_seeker.profile_reviewed_on <= today
            assert job_seeker.age_on(today) >= 18

    def test_the_population_looks_like_a_dutch_citys(self, demo):
        """JS1/JS6: shares close to CBS's national picture of the Participatiewet population
        (of the job seekers in the file; those who left are the subject of the evidence)."""
        today = clock.today()
        rows = list(JobSeeker.objects.filter(current_q()))
        assert 0.50 <= share(rows, lambda j: j.gender == "female") <= 0.62
        assert 0.38 <= share(rows, lambda j: j.gender == "male") <= 0.50
        assert 0.05 <= share(rows, lambda j: j.age_on(today) < 27) <= 0.16
        assert 0.48 <= share(rows, lambda j: j.age_on(today) >= 45) <= 0.64
        assert all(j.age_on(today) < 67 for j in rows)
        assert 0.38 <= share(rows, lambda j: j.unemployed_months(today) >= 60) <= 0.58
        low = {"none", "primary", "vmbo", "mbo1", "mbo2"}
        assert share(rows, lambda j: j.education_level in low) >= 0.55
        assert share(rows, lambda j: j.benefit_type == "participatiewet") >= 0.75
        assert share(rows, lambda j: j.benefit_type != "participatiewet") >= 0.03
        assert 0.70 <= share(rows, lambda j: j.ladder_rung <= 4) <= 0.92
        assert 0.12 <= share(rows, lambda j: j.labour_disability) <= 0.28
        assert 0.005 <= share(rows, lambda j: j.sheltered_work) <= 0.06
        assert all(j.labour_disability for j in rows if j.sheltered_work)
        long = [j.ladder_rung for j in rows if j.unemployed_months(today) >= 60]
        short = [j.ladder_rung for j in rows if j.unemployed_months(today) < 24]
        assert statistics.mean(long) < statistics.mean(short)
        overdue = JobSeeker.objects.filter(current_q(), profile_overdue_q(today)).count() / len(
            rows
        )
        assert 0.15 <= overdue <= 0.5
        assert 0.4 <= share(rows, lambda j: bool(j.wishes)) <= 0.85

    @pytest.mark.parametrize(
        "username",
        [
            "klantmanager",
            "coach",
            "beleid",
            "beheer",
            "raadslid",
            "klachtbehandelaar",
            "klachten-werkbrug",
            "adviseur",
        ],
    )
    def test_every_staff_login_finds_work_waiting_on_the_home_worklist(self, demo, username):
        client = Client()
        client.force_login(User.objects.get(username=username))
        response = client.get(reverse("core:home"))
        assert response.status_code == 200
        waiting = [s.key for s in response.context["worklist"] if s.count or s.items]
        assert waiting, f"{username} has nothing waiting"

    @pytest.mark.parametrize("username", ["klantmanager", "coach"])
    def test_the_demo_ran_the_sweep_so_the_header_counts_notifications(self, demo, username):
        """Issue 7: the caseworker's and the coach's terms nearing and passed."""
        from werkpad.notifications.models import Notification

        user = User.objects.get(username=username)
        unread = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        assert unread > 0
        assert "notifications: " in demo["stdout"]
        client = Client()
        client.force_login(user)
        page = client.get(reverse("core:home")).content.decode()
        assert f'<span class="wp-count-badge">{unread}</span>' in page

    def test_complaints_in_every_state_coherent_and_work_waiting(self, demo):
        """RI2: every state, about providers and the municipality, one postponed, one
        handled again, one from the employer; the dates in order, the terms the Atw's."""
        from werkpad.complaints.models import Complaint
        from werkpad.complaints.services import postponed_end, term_end
        from werkpad.complaints.workflow import Status
        from werkpad.core.deadlines import is_working_day

        complaints = list(Complaint.objects.select_related("routed_to", "about"))
        assert {c.status for c in complaints} == set(Status.values)
        kinds = {c.about.kind for c in complaints}
        assert kinds == {Organisation.Kind.MUNICIPALITY, Organisation.Kind.PROVIDER}
        assert any(c.routed_to.kind == Organisation.Kind.PROVIDER for c in complaints)
        assert sum(1 for c in complaints if c.postponed_on) >= 1
        assert any(c.follow_up == "reopened" for c in complaints)
        assert any(c.employer_id for c in complaints)
        for c in complaints:
            settings = MunicipalitySettings.for_id(c.municipality_id)
            start = c.reopened_on or c.received_on
            assert c.original_term_ends_on == term_end(start, settings)[0]
            assert is_working_day(c.term_ends_on)
            if c.postponed_on:
                assert c.term_ends_on == postponed_end(c.original_term_ends_on, 4)
            dates = [
                d
                for d in (c.received_on, c.acknowledged_on, c.hearing_held_on, c.decided_on)
                if d is not None
            ]
            assert dates == sorted(dates), c
            assert c.received_on <= dt.date.today()
            history = [h.changed_at for h in c.history.all()]
            assert history == sorted(history)
        client = Client()
        client.force_login(User.objects.get(username="klachtbehandelaar"))
        page = client.get("/klachten/")
        assert page.status_code == 200 and page.context["page"].paginator.count >= 5
        overview = client.get("/klachten/jaaroverzicht/")
        assert overview.status_code == 200

    def test_the_job_seeker_login_finds_a_plan_waiting_for_an_answer(self, demo):
        client = Client()
        client.force_login(User.objects.get(username="werkzoekende"))
        response = client.get(reverse("core:home"), follow=True)
        assert response.status_code == 200
        assert response.context["summary"].waiting_for_answer
        assert reverse("myplan:plan") in response.content.decode()

    def test_second_opinions_followed_partly_and_rejected_with_a_real_motivation(self, demo):
        """RI3: every motivation answers its advice (the rule accepts it); dates in order."""
        from werkpad.secondopinions import motivation
        from werkpad.secondopinions.models import SecondOpinion

        decided = SecondOpinion.objects.filter(status="decided")
        assert set(decided.values_list("decision", flat=True)) == {
            "follows",
            "partly_follows",
            "rejects",
        }
        for so in decided.exclude(decision="follows"):
            assert motivation.check(so.motivation, advice=so.advice) == so.motivation
        for so in SecondOpinion.objects.exclude(advised_at=None):
            assert so.requested_on <= so.advised_at.date()
            if so.meeting_held_on:
                assert so.advised_at.date() <= so.meeting_held_on
            if so.decided_on:
                assert so.meeting_held_on <= so.decided_on
        assert len(set(decided.exclude(motivation="").values_list("motivation", flat=True))) == (
            decided.exclude(motivation="").count()
        )

    def test_the_advisor_has_work_waiting_one_near_its_term(self, demo):
        client = Client()
        client.force_login(User.objects.get(username="adviseur"))
        response = client.get(reverse("core:home"))
        (section,) = [
            s for s in response.context["worklist"] if s.key == "second-opinions-to-advise"
        ]
        assert section.count == 3
        assert min(item.due_on for item in section.items) <= clock.today() + dt.timedelta(days=4)
        assert client.get(reverse("secondopinions:list")).status_code == 200
        # RI3: on each waiting one, the advisor reads what the job seeker shares with them
        from werkpad.secondopinions import selectors
        from werkpad.secondopinions.models import SecondOpinion
        from werkpad.secondopinions.workflow import WAITING_FOR_ADVICE

        advisor = User.objects.get(username="adviseur")
        waiting = SecondOpinion.objects.filter(advisor=advisor, status__in=WAITING_FOR_ADVICE)
        views = [selectors.advisor_file(user=advisor, second_opinion=so) for so in waiting]
        assert all(view is not None for view in views)
        assert sum(len(view.shared) for view in views) >= 1

    def test_the_job_seeker_reads_the_advice_and_a_mediation_runs(self, demo):
        from werkpad.mediations.models import MediationRequest

        client = Client()
        client.force_login(User.objects.get(username="werkzoekende"))
        page = client.get(reverse("mysecondopinions:list")).content.decode()
        assert "Advies gegeven" in page or "Advice given" in page
        assert set(MediationRequest.objects.values_list("status", flat=True)) == {
            "requested",
            "in_progress",
            "concluded",
        }

    @pytest.mark.parametrize("username", ["klantmanager", "coach", "werkzoekende"])
    def test_messages_wait_unread_for_the_three_logins(self, demo, username):
        from werkpad.conversations.selectors import unread_count

        user = User.objects.get(username=username)
        assert unread_count(user=user) >= 1
        client = Client()
        client.force_login(user)
        page = client.get(reverse("core:home"), follow=True).content.decode()
        assert "Berichten" in page and 'class="wp-count-badge"' in page

    def test_the_job_seeker_talks_with_klantmanager_and_the_coach_login(self, demo):
        from werkpad.conversations.models import Conversation
        from werkpad.trajectories.workflow import RUNNING

        job_seeker = JobSeeker.objects.get(user__username="werkzoekende")
        conversations = Conversation.objects.filter(job_seeker=job_seeker)
        assert {c.kind for c in conversations} == {"contact", "trajectory"}
        contact = conversations.get(kind="contact")
        assert job_seeker.contact_person.username == "klantmanager"
        assert {m.author.username for m in contact.messages.all()} == {
            "klantmanager",
            "werkzoekende",
        }
        coach = User.objects.get(username="coach")
        with_coach = conversations.get(kind="trajectory")
        assert with_coach.trajectory.status in RUNNING and with_coach.trajectory.coach == coach
        assert with_coach.provider_organisation_id == coach.memberships.get().organisation_id
        assert with_coach.trajectory.provider.organisation_id == (
            with_coach.provider_organisation_id
        )
        # every message is dated in order, and none in the future
        for conversation in Conversation.objects.all():
            sent = list(conversation.messages.values_list("sent_at", flat=True))
            assert sent == sorted(sent) and conversation.last_message_at == sent[-1]
        assert Conversation.objects.count() > 2

    def test_the_job_seeker_has_a_cv_and_a_certificate_the_coach_reads_the_cv(self, demo):
        from werkpad.documents.models import Document
        from werkpad.documents.selectors import document_scope

        werkzoekende = User.objects.get(username="werkzoekende")
        own = Document.objects.filter(job_seeker__user=werkzoekende)
        assert sorted(own.values_list("type", flat=True)) == ["certificate", "cv"]
        client = Client()
        client.force_login(werkzoekende)
        page = client.get(reverse("mydocuments:list")).content.decode()
        assert "Certificaat VCA Basis.pdf" in page
        for document in own:
            response = client.get(reverse("documents:download", args=[document.pk]))
            assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
        coach = User.objects.get(username="coach")
        seen = document_scope(user=coach).filter(type="cv")
        assert seen.exists()
        trajectory = (
            seen.first()
            .job_seeker.trajectories.filter(
                status__in=["accepted", "started", "suspended"],
                provider__organisation__memberships__user=coach,
            )
            .first()
        )
        with override_settings(WERKPAD_STAFF_2FA=False):
            client.force_login(coach)
            page = client.get(reverse("trajectories:detail", args=[trajectory.pk]))
        assert seen.first().original_name in page.content.decode()

    def test_consents_given_withdrawn_and_asked_with_their_history_in_order(self, demo):
        """RI5, TR4: every demo referral recorded its consents; some were withdrawn later
        and some questions wait; each history starts at the consent and runs forward."""
        from werkpad.consents.models import Consent, ConsentChange

        statuses = set(Consent.objects.values_list("status", flat=True))
        assert {"given", "withdrawn", "requested"} <= statuses
        assert Consent.objects.filter(part="health", status="given").exists()
        assert "consents: " in demo["stdout"]
        for consent in Consent.objects.prefetch_related("history"):
            changes = list(consent.history.all())
            assert changes[0].from_status == "" and changes[-1].to_status == consent.status
            assert [c.changed_at for c in changes] == sorted(c.changed_at for c in changes)
            assert changes[0].changed_at == consent.created_at
        assert not ConsentChange.objects.filter(
            to_status="given", consent__recipient="employers", consent__part="health"
        ).exists()

    def test_the_job_seeker_login_finds_a_consent_question_waiting(self, demo):
        client = Client()
        client.force_login(User.objects.get(username="werkzoekende"))
        home = client.get(reverse("portal:home"))
        assert home.context["consent_requests"] >= 1
        assert reverse("portal:consents") in home.content.decode()
        page = client.get(reverse("portal:consents"))
        assert page.status_code == 200 and page.context["requests"]

    def test_work_experience_texts_agree_with_the_recorded_years(self, demo):
        """A line saying "five years" needs at least five recorded years of work."""
        least = dict(texts.WORK_EXPERIENCE)
        with_text = JobSeeker.objects.exclude(work_experience="")
        assert with_text.count() > 50
        for job_seeker in with_text:
            lines = [line for line in least if line in job_seeker.work_experience]
            assert lines and len(" ".join(lines)) == len(job_seeker.work_experience)
            assert sum(least[line] for line in lines) <= (job_seeker.work_experience_years or 0)
        assert (
            not JobSeeker.objects.filter(work_experience_years__in=(0, None))
            .exclude(work_experience="")
            .exists()
        )

    def test_the_load_is_audited_once(self, demo):
        events = AuditEvent.objects.filter(object_type="demo")
        assert events.count() == 1
        event = events.get()
        assert event.action == AuditEvent.Action.IMPORT and event.origin == AuditEvent.Origin.CLI
        assert "500 job seekers" in event.detail
        # one summary, not an event per job seeker created; the demo's complaints go
        # through the services as they are filed and handled, audited as such, and so do
        # the demo's documents as they are uploaded
        assert not (
            AuditEvent.objects.filter(job_seeker_id__isnull=False)
            .exclude(object_type__in=["complaint", "document"])
            .exists()
        )


def digest(municipality) -> str:
    rows = (
        JobSeeker.objects.filter(municipality=municipality)
        .order_by("bsn")
        .values_list(
            "bsn",
            "first_name",
            "last_name",
            "birth_date",
            "gender",
            "ladder_rung",
            "unemployed_since",
            "profile_reviewed_on",
            "email",
            "wishes",
            "contact_person__username",
        )
    )
    history = (
        LadderRungChange.objects.filter(job_seeker__municipality=municipality)
        .order_by("job_seeker__bsn", "changed_on", "id")
        .values_list(
            "job_seeker__bsn", "from_rung", "to_rung", "changed_on", "recorded_at", "reason"
        )
    )
    return hashlib.sha256(repr((list(rows), list(history))).encode()).hexdigest()


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_rows_and_another_seed_others():
    municipality = MunicipalityFactory(name="Amsterdam", cbs_code="GM0363")
    caseworkers = [
        UserFactory.with_role(Role.CASEWORKER, municipality=municipality, username=f"km{i}")
        for i in range(3)
    ]
    anchor = demo_anchor(dt.date(2026, 3, 18))

    def generate(seed: int) -> str:
        JobSeeker.objects.filter(municipality=municipality).delete()
        create_job_seekers(
            municipality=municipality,
            count=300,
            contact_persons=caseworkers,
            seed=seed,
            anchor=anchor,
        )
        return digest(municipality)

    first = generate(11)
    assert JobSeeker.objects.count() == 300
    assert generate(11) == first
    assert generate(12) != first


@pytest.mark.django_db
def test_if_empty_leaves_a_non_empty_database_untouched():
    JobSeekerFactory()
    before = (JobSeeker.objects.count(), User.objects.count(), Organisation.objects.count())
    out = io.StringIO()
    call_command("demo", "--if-empty", stdout=out)
    assert "already holds data" in out.getvalue()
    assert (JobSeeker.objects.count(), User.objects.count(), Organisation.objects.count()) == before


@pytest.mark.django_db
def test_without_if_empty_a_non_empty_database_is_refused():
    JobSeekerFactory()
    with pytest.raises(CommandError, match="already holds data"):
        call_command("demo", stdout=io.StringIO())
    assert JobSeeker.objects.count() == 1
    assert not User.objects.filter(username="klantmanager").exists()


@pytest.mark.django_db
@override_settings(PASSWORD_HASHERS=FAST_HASHER)
@pytest.mark.parametrize("seed", [DEFAULT_SEED, 7, 11])
def test_whatever_the_seed_the_job_seeker_login_works_with_the_coach_login_now(seed):
    """`make run` loads the default seed: there too, the job seeker login follows a
    running trajectory of the coach login's provider, after their earlier ones ended,
    with its conversation and actions; and each of the three logins has an unread
    message."""
    from werkpad.actions.models import Action
    from werkpad.conversations.models import Conversation
    from werkpad.conversations.selectors import unread_count
    from werkpad.trajectories.workflow import RUNNING

    populate(size="small", seed=seed, stdout=io.StringIO())
    job_seeker = JobSeeker.objects.get(user__username="werkzoekende")
    coach = User.objects.get(username="coach")
    running = job_seeker.trajectories.get(status__in=RUNNING)
    assert running.coach == coach
    assert running.provider.organisation_id == coach.memberships.get().organisation_id
    earlier = job_seeker.trajectories.exclude(pk=running.pk)
    assert all((t.ended_on or t.referred_on) < running.referred_on for t in earlier)
    assert Conversation.objects.filter(trajectory=running).exists()
    assert Action.objects.filter(trajectory=running).exists()
    for username in ("klantmanager", "coach", "werkzoekende"):
        assert unread_count(user=User.objects.get(username=username)) >= 1, username
