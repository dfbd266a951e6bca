"""Outflow: a job seeker leaves the file and can come back.

The file stays readable; lists, caseloads, the worklist, the tally and the
council's figures leave it out, while its finished trajectories keep counting
as evidence of what works. Every write is one transaction, versioned and audited.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.factories import JobSeekerFactory, PlanFactory, TrajectoryFactory
from werkpad.core.errors import ConflictError, InvalidInputError, StaleEditError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.core.worklist import worklist_for
from werkpad.jobseekers import selectors, services
from werkpad.jobseekers.models import JobSeeker, JobSeekerTally
from werkpad.plans import services as plan_services
from werkpad.trajectories import services as trajectory_services

NOW = dt.datetime(2026, 11, 23, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))
TODAY = NOW.date()
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


def a_year_old_file(**kwargs) -> JobSeeker:
    return JobSeekerFactory(created_at=NOW - dt.timedelta(days=365), **kwargs)


def leave(user, job_seeker, *, left_on=dt.date(2026, 11, 20), reason="work", version=None):
    return services.jobseeker_leave(
        user=user,
        job_seeker_id=job_seeker.pk,
        expected_version=job_seeker.version if version is None else version,
        left_on=left_on,
        reason=reason,
    )


def tally(municipality) -> int:
    row = JobSeekerTally.objects.filter(municipality=municipality).first()
    return row.count if row else 0


class TestLeaving:
    def test_records_the_day_and_reason_raises_the_version_and_is_audited(self, caseworker):
        job_seeker = a_year_old_file(contact_person=caseworker)
        left = leave(caseworker, job_seeker)
        job_seeker.refresh_from_db()
        assert (job_seeker.left_on, job_seeker.leave_reason) == (dt.date(2026, 11, 20), "work")
        assert job_seeker.version == left.version == 2
        event = AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE).latest("id")
        assert (event.actor, event.job_seeker_id) == (caseworker, job_seeker.pk)
        assert set(event.fields) == {"left_on", "leave_reason"}

    @pytest.mark.parametrize(
        ("left_on", "code"),
        [
            (dt.date(2026, 11, 24), "left-on-in-future"),
            (dt.date(2025, 11, 1), "left-on-before-file"),
        ],
    )
    def test_a_day_in_the_future_or_before_the_file_is_refused(self, caseworker, left_on, code):
        job_seeker = a_year_old_file(contact_person=caseworker)
        with pytest.raises(InvalidInputError) as refused:
            leave(caseworker, job_seeker, left_on=left_on)
        assert refused.value.codes == {"left_on": code}
        job_seeker.refresh_from_db()
        assert job_seeker.left_on is None and job_seeker.version == 1

    def test_an_unknown_reason_is_refused(self, caseworker):
        job_seeker = a_year_old_file(contact_person=caseworker)
        with pytest.raises(InvalidInputError):
            leave(caseworker, job_seeker, reason="deceased-or-whatever")

    def test_a_stale_version_is_refused(self, caseworker):
        job_seeker = a_year_old_file(contact_person=caseworker)
        with pytest.raises(StaleEditError):
            leave(caseworker, job_seeker, version=7)
        job_seeker.refresh_from_db()
        assert job_seeker.left_on is None

    @pytest.mark.parametrize("state", ["referred", "accepted", "started", "suspended"])
    def test_refused_while_a_trajectory_is_open(self, caseworker, state):
        job_seeker = a_year_old_file(contact_person=caseworker)
        TrajectoryFactory(job_seeker=job_seeker, **({state: True} if state != "referred" else {}))
        with pytest.raises(ConflictError) as refused:
            leave(caseworker, job_seeker)
        assert refused.value.code == "jobseeker-trajectory-open"
        job_seeker.refresh_from_db()
        assert job_seeker.left_on is None

    def test_not_before_the_last_trajectory_ended(self, caseworker):
        job_seeker = a_year_old_file(contact_person=caseworker)
        TrajectoryFactory(job_seeker=job_seeker, completed=True)  # ended 2 November
        with pytest.raises(InvalidInputError) as refused:
            leave(caseworker, job_seeker, left_on=dt.date(2026, 11, 1))
        assert refused.value.codes == {"left_on": "left-on-before-trajectory-end"}
        assert leave(caseworker, job_seeker, left_on=dt.date(2026, 11, 2)).has_left

    def test_twice_is_a_conflict(self, caseworker):
        job_seeker = a_year_old_file(contact_person=caseworker)
        job_seeker = leave(caseworker, job_seeker)
        with pytest.raises(ConflictError) as refused:
            leave(caseworker, job_seeker)
        assert refused.value.code == "jobseeker-already-left"

    def test_no_new_plan_or_referral_for_a_file_that_left(self, caseworker):
        job_seeker = JobSeekerFactory(contact_person=caseworker, left=True)
        with pytest.raises(ConflictError) as plan_refused:
            plan_services.plan_create(
                user=caseworker, job_seeker_id=job_seeker.pk, data={"goal": "Werk in de zorg"}
            )
        assert plan_refused.value.code == "jobseeker-left"
        programme = TrajectoryFactory(completed=True).programme
        with pytest.raises(ConflictError) as referral_refused:
            trajectory_services.trajectory_refer(
                user=caseworker,
                job_seeker_id=job_seeker.pk,
                programme_id=programme.pk,
                reason="Past goed.",
                handover_fields=(),
            )
        assert referral_refused.value.code == "jobseeker-left"


class TestComingBack:
    def test_clears_the_outflow_and_keeps_the_old_one_in_the_access_log(self, caseworker):
        job_seeker = JobSeekerFactory(contact_person=caseworker, left=True)
        back = services.jobseeker_reenter(
            user=caseworker, job_seeker_id=job_seeker.pk, expected_version=job_seeker.version
        )
        assert (back.left_on, back.leave_reason) == (None, "")
        event = AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE).latest("id")
        assert "2026-10-01" in event.detail and "work" in event.detail

    def test_a_file_in_the_file_cannot_come_back(self, caseworker):
        job_seeker = JobSeekerFactory(contact_person=caseworker)
        with pytest.raises(ConflictError) as refused:
            services.jobseeker_reenter(
                user=caseworker, job_seeker_id=job_seeker.pk, expected_version=1
            )
        assert refused.value.code == "jobseeker-not-left"


class TestWhoSeesWhat:
    def test_lists_show_the_file_by_default_and_those_who_left_on_request(self, caseworker):
        staying = JobSeekerFactory(contact_person=caseworker)
        gone = JobSeekerFactory(contact_person=caseworker, left=True)

        def ids(filters):
            return set(
                selectors.jobseeker_list(user=caseworker, filters=filters).values_list(
                    "pk", flat=True
                )
            )

        assert ids({}) == ids({"status": "current"}) == {staying.pk}
        assert ids({"status": "left"}) == {gone.pk}
        assert ids({"status": "all"}) == {staying.pk, gone.pk}
        with pytest.raises(InvalidInputError):
            ids({"status": "gone"})

    def test_the_file_of_someone_who_left_stays_readable(self, caseworker):
        gone = JobSeekerFactory(contact_person=caseworker, left=True)
        assert selectors.jobseeker_get(user=caseworker, id=gone.pk).has_left

    def test_the_tally_counts_the_file_and_follows_leaving_and_coming_back(
        self, caseworker, amsterdam
    ):
        job_seekers = [a_year_old_file(contact_person=caseworker) for _ in range(3)]
        JobSeekerFactory(left=True)
        assert tally(amsterdam) == 3
        assert selectors.jobseeker_list_count(user=caseworker) == 3
        gone = leave(caseworker, job_seekers[0])
        assert tally(amsterdam) == 2
        services.jobseeker_reenter(
            user=caseworker, job_seeker_id=gone.pk, expected_version=gone.version
        )
        assert tally(amsterdam) == 3
        JobSeeker.objects.filter(pk=job_seekers[1].pk).delete()
        JobSeeker.objects.filter(left_on__isnull=False).delete()
        assert tally(amsterdam) == 2

    def test_the_tally_is_right_after_a_left_file_moves_municipality(self, amsterdam, zaandam):
        gone = JobSeekerFactory(left=True)
        JobSeeker.objects.filter(pk=gone.pk).update(municipality=zaandam)
        assert (tally(amsterdam), tally(zaandam)) == (0, 0)
        staying = JobSeekerFactory()
        JobSeeker.objects.filter(pk=staying.pk).update(municipality=zaandam)
        assert (tally(amsterdam), tally(zaandam)) == (0, 1)

    def test_the_caseworkers_worklist_leaves_out_who_left(self, caseworker):
        JobSeekerFactory(contact_person=caseworker, profile_overdue=True)
        JobSeekerFactory(contact_person=caseworker, profile_overdue=True, left=True)
        sections = {s.key: s for s in worklist_for(caseworker)}
        assert sections["profile-review"].count == 1
        assert sections["caseload"].count == 1

    def test_overdue_plan_reviews_leave_out_who_left(self, caseworker):
        from werkpad.plans.selectors import plan_overdue_reviews

        PlanFactory(job_seeker=JobSeekerFactory(contact_person=caseworker), review_overdue=True)
        PlanFactory(
            job_seeker=JobSeekerFactory(contact_person=caseworker, left=True), review_overdue=True
        )
        count, _rows = plan_overdue_reviews(user=caseworker)
        assert count == 1

    def test_a_coach_may_not_record_an_outflow(self, role_user):
        coach = role_user(Role.COACH)
        job_seeker = a_year_old_file()
        with pytest.raises(Exception) as refused:
            leave(coach, job_seeker)
        assert refused.value.code in {"jobseeker-not-found", "jobseeker-change-denied"}


class TestApi:
    def test_outflow_and_re_entry_with_problem_json_refusals(self, api, caseworker):
        job_seeker = a_year_old_file(contact_person=caseworker)
        url = f"/api/v1/job-seekers/{job_seeker.pk}"
        client = api.as_user(caseworker)
        bad = client.post(
            f"{url}/outflow",
            {"version": 1, "leftOn": "2026-12-01", "reason": "work"},
            format="json",
        )
        assert bad.status_code == 400
        assert bad["Content-Type"].startswith("application/problem+json")
        unknown = client.post(
            f"{url}/outflow", {"version": 1, "leftOn": "2026-11-20", "reason": "x"}, format="json"
        )
        assert unknown.status_code == 400
        left = client.post(
            f"{url}/outflow",
            {"version": 1, "leftOn": "2026-11-20", "reason": "work"},
            format="json",
        )
        assert left.status_code == 200
        assert (left.json()["leftOn"], left.json()["leaveReason"]) == ("2026-11-20", "work")
        again = client.post(
            f"{url}/outflow",
            {"version": 2, "leftOn": "2026-11-20", "reason": "work"},
            format="json",
        )
        assert again.status_code == 409 and again.json()["code"] == "jobseeker-already-left"
        listed = client.get("/api/v1/job-seekers").json()
        assert job_seeker.pk not in [row["id"] for row in listed["results"]]
        former = client.get("/api/v1/job-seekers", {"status": "left"}).json()["results"]
        assert [(r["id"], r["leftOn"], r["leaveReason"]) for r in former] == [
            (job_seeker.pk, "2026-11-20", "work")
        ]
        stale = client.post(f"{url}/re-entry", {"version": 1}, format="json")
        assert stale.status_code == 409
        back = client.post(f"{url}/re-entry", {"version": 2}, format="json")
        assert back.status_code == 200
        assert (back.json()["leftOn"], back.json()["leaveReason"]) == (None, None)

    def test_the_job_seeker_cannot_record_their_own_outflow(self, api, job_seeker, job_seeker_user):
        response = api.as_user(job_seeker_user).post(
            f"/api/v1/job-seekers/{job_seeker.pk}/outflow",
            {"version": job_seeker.version, "leftOn": "2026-11-23", "reason": "work"},
            format="json",
        )
        assert response.status_code == 403
        job_seeker.refresh_from_db()
        assert job_seeker.left_on is None


class TestPages:
    def test_the_caseworker_records_an_outflow_and_takes_the_job_seeker_back(
        self, client, caseworker
    ):
        job_seeker = a_year_old_file(contact_person=caseworker, last_name="Vertrokken")
        client.force_login(caseworker)
        page = client.get(reverse("jobseekers:detail", args=[job_seeker.pk])).content.decode()
        assert "Uitstroom vastleggen" in page
        response = client.post(
            reverse("jobseekers:outflow", args=[job_seeker.pk]),
            {"version": 1, "left_on": "2026-11-20", "reason": "schooling"},
            follow=True,
        )
        page = response.content.decode()
        assert "Uitgestroomd op 20-11-2026: opleiding of scholing gaan volgen" in page
        assert "Weer opnemen in het bestand" in page
        listed = client.get(reverse("jobseekers:list")).content.decode()
        assert "Vertrokken" not in listed
        former = client.get(reverse("jobseekers:list"), {"status": "left"}).content.decode()
        assert "Vertrokken" in former and "uitgestroomd op 20-11-2026" in former
        client.post(reverse("jobseekers:reentry", args=[job_seeker.pk]), {"version": 2})
        job_seeker.refresh_from_db()
        assert job_seeker.left_on is None and job_seeker.version == 3

    def test_a_refusal_is_shown_in_dutch_and_nothing_is_written(self, client, caseworker):
        job_seeker = a_year_old_file(contact_person=caseworker)
        TrajectoryFactory(job_seeker=job_seeker, started=True)
        client.force_login(caseworker)
        response = client.post(
            reverse("jobseekers:outflow", args=[job_seeker.pk]),
            {"version": 1, "left_on": "2026-11-20", "reason": "work"},
            follow=True,
        )
        assert "nog een traject dat niet is afgelopen" in response.content.decode()
        missing = client.post(
            reverse("jobseekers:outflow", args=[job_seeker.pk]), {"version": 1}, follow=True
        )
        assert "Geef de datum waarop de werkzoekende is uitgestroomd." in missing.content.decode()
        job_seeker.refresh_from_db()
        assert job_seeker.left_on is None and job_seeker.version == 1
