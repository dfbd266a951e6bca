"""/api/v1/job-seekers: list, filters, create, read, update and the access log."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import JobSeekerFactory, UserFactory
from werkpad.core.models import AuditEvent
from werkpad.jobseekers.models import JobSeeker

NOW = dt.datetime(2026, 11, 23, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]
LIST = "/api/v1/job-seekers"


def detail(job_seeker):
    return f"/api/v1/job-seekers/{job_seeker.pk}"


class TestAuthentication:
    def test_a_system_authenticates_with_a_token(self, token_api, caseworker, job_seeker):
        client = token_api(caseworker)
        response = client.get(detail(job_seeker))
        assert response.status_code == 200
        event = AuditEvent.objects.get(action=AuditEvent.Action.READ)
        assert (event.actor, event.origin) == (caseworker, "api")

    def test_a_token_of_an_inactive_user_is_refused(self, token_api, caseworker):
        client = token_api(caseworker)
        caseworker.is_active = False
        caseworker.save()
        assert client.get(LIST).status_code == 401

    def test_the_ui_session_works_for_the_api_too(self, client, caseworker, job_seeker):
        client.force_login(caseworker)
        assert client.get(detail(job_seeker)).status_code == 200


class TestList:
    def test_the_list_shape_and_masked_bsn(self, api, caseworker, job_seeker):
        body = api.as_user(caseworker).get(LIST).json()
        assert set(body) == {"count", "next", "previous", "results"}
        assert (body["count"], body["next"], body["previous"]) == (1, None, None)
        (row,) = body["results"]
        assert row["bsn"] == "******" + job_seeker.bsn[-3:]
        assert job_seeker.bsn not in str(body)
        assert row["contactPerson"]["id"] == caseworker.pk
        assert row["ladderRung"] == 3
        assert "limitations" not in row

    def test_the_file_shows_the_whole_bsn(self, api, caseworker, job_seeker):
        body = api.as_user(caseworker).get(detail(job_seeker)).json()
        assert body["bsn"] == job_seeker.bsn
        assert body["version"] == 1
        assert body["contactPerson"] == {
            "id": caseworker.pk,
            "name": caseworker.get_full_name(),
            "email": caseworker.email,
            "phone": caseworker.phone,
        }

    def test_pages_of_25_by_default_and_page_size_on_request(self, api, caseworker, amsterdam):
        JobSeekerFactory.create_batch(30, municipality=amsterdam)
        client = api.as_user(caseworker)
        first = client.get(LIST).json()
        assert (first["count"], len(first["results"]), first["previous"]) == (30, 25, None)
        assert first["next"].endswith("/api/v1/job-seekers?page=2")
        second = client.get(first["next"]).json()
        assert len(second["results"]) == 5
        assert second["next"] is None
        seen = [r["id"] for r in first["results"] + second["results"]]
        assert len(set(seen)) == 30
        small = client.get(LIST, {"pageSize": 7, "page": 2}).json()
        assert len(small["results"]) == 7
        assert "pageSize=7" in small["next"] and "page=3" in small["next"]

    def test_page_size_is_at_most_100(self, api, caseworker, amsterdam):
        JobSeekerFactory.create_batch(105, municipality=amsterdam)
        body = api.as_user(caseworker).get(LIST, {"pageSize": 100}).json()
        assert body["count"] == 105
        assert len(body["results"]) == 100
        over = api.as_user(caseworker).get(LIST, {"pageSize": 101})
        assert over.status_code == 400
        assert [p["name"] for p in over.json()["invalidParams"]] == ["pageSize"]

    def test_sorted_by_name(self, api, caseworker, amsterdam):
        for last, first in (
            ("Visser", "Eva"),
            ("Bakker", "Piet"),
            ("Jansen", "Kees"),
            ("Bakker", "Ans"),
        ):
            JobSeekerFactory(municipality=amsterdam, last_name=last, first_name=first)
        body = api.as_user(caseworker).get(LIST).json()
        assert [(r["lastName"], r["firstName"]) for r in body["results"]] == [
            ("Bakker", "Ans"),
            ("Bakker", "Piet"),
            ("Jansen", "Kees"),
            ("Visser", "Eva"),
        ]

    def test_a_search_is_audited(self, api, caseworker, job_seeker):
        api.as_user(caseworker).get(LIST, {"search": "Jansen"})
        event = AuditEvent.objects.get(action=AuditEvent.Action.SEARCH)
        assert event.origin == "api"
        assert event.fields == ["search"]
        assert event.purpose


class TestFilters:
    @pytest.fixture
    def files(self, amsterdam, caseworker, colleague):
        return {
            "anna": JobSeekerFactory(
                municipality=amsterdam,
                first_name="Anna",
                last_name="Visser",
                bsn="111222333",
                ladder_rung=2,
                benefit_type="participatiewet",
                contact_person=caseworker,
            ),
            "bram": JobSeekerFactory(
                municipality=amsterdam,
                first_name="Bram",
                last_name="de Boer",
                bsn="123456782",
                ladder_rung=5,
                benefit_type="ww",
                contact_person=colleague,
                profile_overdue=True,
            ),
            "cem": JobSeekerFactory(
                municipality=amsterdam,
                first_name="Cem",
                last_name="Yilmaz",
                bsn="999999990",
                ladder_rung=5,
                benefit_type="none",
                contact_person=caseworker,
                sheltered=True,
            ),
        }

    def found(self, api, user, **query):
        response = api.as_user(user).get(LIST, query)
        assert response.status_code == 200, response.json()
        return {row["firstName"] for row in response.json()["results"]}

    def test_by_rung(self, api, caseworker, files):
        assert self.found(api, caseworker, ladderRung=5) == {"Bram", "Cem"}
        assert self.found(api, caseworker, ladderRung=[2, 5]) == {"Anna", "Bram", "Cem"}

    def test_by_benefit(self, api, caseworker, files):
        assert self.found(api, caseworker, benefitType="ww") == {"Bram"}
        assert self.found(api, caseworker, benefitType=["none", "participatiewet"]) == {
            "Anna",
            "Cem",
        }

    def test_by_name(self, api, caseworker, files):
        assert self.found(api, caseworker, search="visser") == {"Anna"}
        assert self.found(api, caseworker, search="bram boer") == {"Bram"}
        assert self.found(api, caseworker, search="nobody") == set()

    def test_by_the_last_three_digits_of_the_bsn_never_the_whole(self, api, caseworker, files):
        assert self.found(api, caseworker, search="782") == {"Bram"}
        assert self.found(api, caseworker, search="456") == set()
        whole = api.as_user(caseworker).get("/api/v1/job-seekers", {"search": "123456782"})
        assert whole.status_code == 400  # a whole BSN goes to POST /job-seekers/lookup

    def test_by_contact_person(self, api, caseworker, colleague, files):
        assert self.found(api, caseworker, contactPerson=caseworker.pk) == {"Anna", "Cem"}
        assert self.found(api, caseworker, contactPerson=colleague.pk) == {"Bram"}

    def test_by_overdue_profile(self, api, caseworker, files):
        assert self.found(api, caseworker, profileOverdue="true") == {"Bram"}
        assert self.found(api, caseworker, profileOverdue="false") == {"Anna", "Cem"}

    def test_by_disability_and_sheltered_work(self, api, caseworker, files):
        assert self.found(api, caseworker, shelteredWork="true") == {"Cem"}
        assert self.found(api, caseworker, labourDisability="true") == {"Cem"}

    def test_filters_combine(self, api, caseworker, files):
        assert self.found(api, caseworker, ladderRung=5, contactPerson=caseworker.pk) == {"Cem"}

    def test_filters_never_reach_another_municipality(self, api, caseworker, zaandam, files):
        JobSeekerFactory(
            municipality=zaandam, first_name="Anna", last_name="Visser", bsn="100000009"
        )
        assert self.found(api, caseworker, search="Visser") == {"Anna"}
        assert api.as_user(caseworker).get(LIST, {"search": "Visser"}).json()["count"] == 1


class TestCreate:
    BODY = {
        "bsn": "123456782",
        "firstName": "Sanne",
        "lastName": "de Vries",
        "birthDate": "1988-06-02",
        "gender": "female",
        "educationLevel": "mbo3",
        "benefitType": "participatiewet",
        "unemployedSince": "2024-03-01",
        "ladderRung": 2,
        "labourDisability": True,
        "uwvRegistered": True,
        "uwvRegistrationHelp": True,
        "wishes": "Werken in de zorg",
    }

    def test_registers_a_file_answering_201_with_it(self, api, caseworker, amsterdam):
        response = api.as_user(caseworker).post(LIST, self.BODY, format="json")
        assert response.status_code == 201
        body = response.json()
        job_seeker = JobSeeker.objects.get(pk=body["id"])
        assert job_seeker.municipality == amsterdam
        assert job_seeker.contact_person == caseworker
        assert (job_seeker.uwv_registered, job_seeker.uwv_registration_help) == (True, True)
        assert body["bsn"] == "123456782"
        assert body["ladderRung"] == 2
        assert body["version"] == 1
        assert job_seeker.rung_history.get().reason == "intake"
        event = AuditEvent.objects.get(action=AuditEvent.Action.CREATE)
        assert event.origin == "api"
        assert "wishes" in event.fields and "Werken in de zorg" not in str(event.fields)

    def test_a_caseworker_of_two_municipalities_names_one(self, api, caseworker, zaandam):
        from werkpad.accounts.services import membership_grant
        from werkpad.core.models import Organisation
        from werkpad.core.permissions import Role

        organisation = Organisation.objects.create(
            name="Zaanstad", kind=Organisation.Kind.MUNICIPALITY, municipality=zaandam
        )
        membership_grant(user=caseworker, organisation=organisation, role=Role.CASEWORKER)
        client = api.as_user(caseworker)
        response = client.post(LIST, self.BODY, format="json")
        assert response.status_code == 400
        assert [p["name"] for p in response.json()["invalidParams"]] == ["municipality"]
        response = client.post(LIST, {**self.BODY, "municipality": zaandam.pk}, format="json")
        assert response.status_code == 201
        assert JobSeeker.objects.get().municipality == zaandam

    def test_a_municipality_you_do_not_work_for_is_refused(self, api, caseworker, zaandam):
        response = api.as_user(caseworker).post(
            LIST, {**self.BODY, "municipality": zaandam.pk}, format="json"
        )
        assert response.status_code == 400
        assert not JobSeeker.objects.exists()

    def test_a_contact_person_from_elsewhere_is_refused(self, api, caseworker, zaandam_caseworker):
        response = api.as_user(caseworker).post(
            LIST, {**self.BODY, "contactPerson": zaandam_caseworker.pk}, format="json"
        )
        assert response.status_code == 400
        assert [p["name"] for p in response.json()["invalidParams"]] == ["contactPerson"]
        assert not JobSeeker.objects.exists()


class TestUpdate:
    def test_changes_the_file_and_its_rung_history(self, api, caseworker, job_seeker):
        response = api.as_user(caseworker).patch(
            detail(job_seeker),
            {"version": 1, "ladderRung": 4, "rungReason": "Vrijwilligerswerk gestart"},
            format="json",
        )
        assert response.status_code == 200
        assert response.json()["version"] == 2
        assert response.json()["ladderRung"] == 4
        step = job_seeker.rung_history.first()
        assert (step.from_rung, step.to_rung, step.reason) == (3, 4, "Vrijwilligerswerk gestart")
        assert AuditEvent.objects.get(action=AuditEvent.Action.UPDATE).fields == ["ladder_rung"]

    def test_a_partial_update_leaves_the_other_fields_alone(self, api, caseworker, job_seeker):
        job_seeker.gender = "male"
        job_seeker.labour_disability = True
        job_seeker.save()
        api.as_user(caseworker).patch(
            detail(job_seeker), {"version": 1, "city": "Diemen"}, format="json"
        )
        job_seeker.refresh_from_db()
        assert (job_seeker.gender, job_seeker.labour_disability) == ("male", True)
        assert job_seeker.city == "Diemen"

    def test_a_stale_version_is_409_and_changes_nothing(
        self, api, caseworker, colleague, job_seeker
    ):
        api.as_user(colleague).patch(
            detail(job_seeker), {"version": 1, "city": "Diemen"}, format="json"
        )
        response = api.as_user(caseworker).patch(
            detail(job_seeker), {"version": 1, "city": "Weesp", "ladderRung": 6}, format="json"
        )
        assert response.status_code == 409
        assert response["Content-Type"] == "application/problem+json"
        problem = response.json()
        assert problem["status"] == 409
        assert problem["code"] == "stale-edit"
        assert "2" in problem["detail"]
        job_seeker.refresh_from_db()
        assert (job_seeker.version, job_seeker.city, job_seeker.ladder_rung) == (2, "Diemen", 3)

    def test_a_colleague_may_not_change_restricted_items(self, api, colleague, job_seeker):
        response = api.as_user(colleague).patch(
            detail(job_seeker), {"version": 1, "limitations": "Geen tilwerk"}, format="json"
        )
        assert response.status_code == 403
        assert response.json()["code"] == "jobseeker-restricted"
        job_seeker.refresh_from_db()
        assert (job_seeker.version, job_seeker.limitations) == (1, "")


class TestAccessLog:
    def test_lists_who_read_and_changed_the_file_when_and_from_where(
        self, api, client, caseworker, colleague, job_seeker
    ):
        """The job seeker can see who looked at their file (AVG art. 15; BIO access log)."""
        api.as_user(colleague).get(detail(job_seeker))
        api.as_user(caseworker).patch(
            detail(job_seeker), {"version": 1, "city": "Diemen"}, format="json"
        )
        other = JobSeekerFactory(municipality=job_seeker.municipality)
        api.as_user(caseworker).get(detail(other))
        body = api.as_user(caseworker).get(f"{detail(job_seeker)}/access-log").json()
        assert set(body) == {"count", "next", "previous", "results"}
        assert body["count"] == 2
        changed, read = body["results"]
        assert (changed["action"], changed["actor"]) == ("update", caseworker.get_full_name())
        assert changed["fields"] == ["city"]
        assert (read["action"], read["actor"]) == ("read", colleague.get_full_name())
        assert read["role"] == "caseworker"
        assert read["organisation"]
        assert read["origin"] == "api"
        assert (read["purpose"], read["purposeLabel"]) == ("file (API)", "dossier inzien (API)")
        assert (changed["purpose"], changed["purposeLabel"]) == ("", "")
        assert read["occurredAt"].startswith("2026-11-23T")
        assert "Diemen" not in str(body)

    def test_a_purpose_stored_before_the_set_was_closed_reads_as_its_member(
        self, api, caseworker, job_seeker
    ):
        """Rows are never rewritten (append-only): a purpose built from an API view's name
        or summary reads as the change of a plan or trajectory it was, in Dutch, and the
        API answers a code from the documented list."""
        from werkpad.core.models import AuditEvent

        for old in ("plan PlanAgreementView (API)", "accept the referral (API)"):
            AuditEvent.objects.create(
                actor=caseworker,
                action=AuditEvent.Action.READ,
                object_type="jobseeker",
                object_id=str(job_seeker.pk),
                job_seeker_id=job_seeker.pk,
                purpose=old,
            )
        body = api.as_user(caseworker).get(f"{detail(job_seeker)}/access-log").json()
        assert [(e["purpose"], e["purposeLabel"]) for e in body["results"]] == [
            ("trajectory changed (API)", "traject gewijzigd (API)"),
            ("plan changed (API)", "plan gewijzigd (API)"),
        ]

    def test_the_job_seeker_reads_their_own_log(self, api, caseworker, job_seeker):
        from tests.factories import job_seeker_login

        api.as_user(caseworker).get(detail(job_seeker))
        user = job_seeker_login(job_seeker)
        body = api.as_user(user).get(f"{detail(job_seeker)}/access-log").json()
        assert [e["actor"] for e in body["results"]] == [caseworker.get_full_name()]

    def test_the_purpose_label_is_dutch_unless_english_was_chosen(
        self, api, caseworker, job_seeker
    ):
        api.as_user(caseworker).get(detail(job_seeker))
        client = api.as_user(caseworker)
        url = f"{detail(job_seeker)}/access-log"
        (read,) = client.get(url).json()["results"]
        assert (read["purpose"], read["purposeLabel"]) == ("file (API)", "dossier inzien (API)")
        client.cookies["django_language"] = "en"
        (read,) = client.get(url).json()["results"]
        assert (read["purpose"], read["purposeLabel"]) == ("file (API)", "view the file (API)")

    def test_pages_like_every_list(self, api, caseworker, job_seeker):
        client = api.as_user(caseworker)
        for _ in range(3):
            client.get(detail(job_seeker))
        body = client.get(f"{detail(job_seeker)}/access-log", {"pageSize": 2}).json()
        assert body["count"] == 3
        assert len(body["results"]) == 2
        assert body["next"]


def test_a_user_with_two_roles_gets_the_union_of_what_they_may_see(api, amsterdam, job_seeker):
    """A caseworker who also sits on the policy team keeps their caseworker access."""
    from werkpad.accounts.services import membership_grant
    from werkpad.core.permissions import Role

    user = UserFactory.with_role(Role.POLICY_OFFICER, municipality=amsterdam)
    organisation = user.memberships.get().organisation
    membership_grant(user=user, organisation=organisation, role=Role.CASEWORKER)
    assert api.as_user(user).get(detail(job_seeker)).status_code == 200
