"""The plan pages: the caseworker writes and shares, the job seeker reads, comments and answers
on their own pages (PL3, PL5)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import JobSeekerFactory, MunicipalitySettingsFactory, PlanFactory
from werkpad.core.models import AuditEvent
from werkpad.plans import services
from werkpad.plans.models import Plan
from werkpad.plans.workflow import Status

pytestmark = pytest.mark.django_db


def form_data(instrument, **changes):
    data = {
        "kind": "activation",
        "target_rung": "4",
        "approach": "",
        "goals": "Vrijwilligerswerk bij de voedselbank.",
        "activities": "Twee ochtenden per week meedoen.",
        "rights_and_obligations": "U komt naar afspraken.",
        "instruments": [instrument.pk],
        "personal_budget": "",
        "review_due_on": "",
    }
    data.update(changes)
    return data


def test_the_file_shows_no_plan_yet_and_a_link_to_write_one(client, caseworker, job_seeker):
    client.force_login(caseworker)
    page = client.get(reverse("jobseekers:detail", args=[job_seeker.pk])).content.decode()
    assert reverse("plans:create", args=[job_seeker.pk]) in page


def test_caseworker_writes_changes_and_shares_a_plan(client, caseworker, job_seeker, instrument):
    client.force_login(caseworker)
    response = client.post(reverse("plans:create", args=[job_seeker.pk]), form_data(instrument))
    assert response.status_code == 302, response.content.decode()[:3000]
    plan = Plan.objects.get(job_seeker=job_seeker)
    assert response["Location"] == reverse("plans:detail", args=[plan.pk])
    version = plan.versions.get()
    assert list(version.instruments.all()) == [instrument]

    edit = client.get(reverse("plans:edit", args=[plan.pk]))
    assert edit.status_code == 200
    response = client.post(
        reverse("plans:edit", args=[plan.pk]),
        form_data(instrument, goals="Eerst een dagritme.", version=plan.version, reason=""),
    )
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.goals == "Eerst een dagritme."

    plan.refresh_from_db()
    response = client.post(reverse("plans:propose", args=[plan.pk]), {"version": plan.version})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == Status.PROPOSED
    page = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "Eerst een dagritme." in page
    # the file shows the plan's state and links it
    file_page = client.get(reverse("jobseekers:detail", args=[job_seeker.pk])).content.decode()
    assert reverse("plans:detail", args=[plan.pk]) in file_page


def test_an_invalid_plan_is_refused_with_the_reasons_and_nothing_written(
    client, caseworker, job_seeker, instrument
):
    client.force_login(caseworker)
    response = client.post(
        reverse("plans:create", args=[job_seeker.pk]),
        form_data(instrument, kind="integration", approach="", goals=""),
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "goals" in errors and "approach" in errors
    assert not Plan.objects.exists()


def test_a_stale_edit_is_refused_with_409(client, caseworker, job_seeker, instrument):
    plan = PlanFactory(job_seeker=job_seeker)
    client.force_login(caseworker)
    Plan.objects.filter(pk=plan.pk).update(version=plan.version + 1)
    response = client.post(
        reverse("plans:edit", args=[plan.pk]),
        form_data(instrument, goals="Iets anders", version=plan.version),
    )
    assert response.status_code == 409
    assert plan.versions.get().goals != "Iets anders"


def test_a_refused_transition_shows_a_message_and_changes_nothing(client, caseworker, job_seeker):
    plan = PlanFactory(job_seeker=job_seeker, in_effect=True)
    client.force_login(caseworker)
    response = client.post(reverse("plans:propose", args=[plan.pk]), follow=True)
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "De werkzoekende heeft al antwoord gegeven op deze versie. Begin een nieuwe versie "
        "om het plan te veranderen."
    ]
    plan.refresh_from_db()
    assert plan.status == Status.IN_EFFECT


def test_the_job_seeker_reads_comments_and_agrees_on_their_own_page(
    client, caseworker, job_seeker, seeker_user
):
    plan = PlanFactory(job_seeker=job_seeker, proposed=True)
    client.force_login(seeker_user)
    home = client.get(reverse("portal:home")).content.decode()
    assert reverse("myplan:plan") in home

    page = client.get(reverse("myplan:plan"))
    assert page.status_code == 200
    content = page.content.decode()
    assert "Vrijwilligerswerk bij de voedselbank." in content
    assert reverse("myplan:agree") in content
    assert caseworker.get_full_name() in content  # PL5: their contact person
    assert "44a" in content

    client.post(reverse("myplan:comment"), {"text": "Kan het ook op dinsdag?"})
    plan.refresh_from_db()
    client.post(reverse("myplan:agree"), {"version": plan.version})
    plan.refresh_from_db()
    assert plan.status == Status.IN_EFFECT and plan.current_version.number == 1

    client.force_login(caseworker)
    staff = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "Kan het ook op dinsdag?" in staff
    assert AuditEvent.objects.filter(
        object_type="plan", action="update", actor=seeker_user, detail="agreed"
    ).exists()


def test_a_disagreement_without_a_reason_is_refused_on_the_own_page(
    client, job_seeker, seeker_user
):
    plan = PlanFactory(job_seeker=job_seeker, proposed=True)
    client.force_login(seeker_user)
    response = client.post(
        reverse("myplan:disagree"), {"version": plan.version, "reason": ""}, follow=True
    )
    assert response.status_code == 200
    plan.refresh_from_db()
    assert plan.status == Status.PROPOSED
    client.post(reverse("myplan:disagree"), {"version": plan.version, "reason": "Te veel uren."})
    plan.refresh_from_db()
    assert plan.status == Status.IN_EFFECT
    assert plan.current_version.disagreement_reason == "Te veel uren."


def test_the_own_page_without_a_plan_explains_what_a_plan_is(client, job_seeker, seeker_user):
    PlanFactory(job_seeker=job_seeker)  # a draft: not shared yet
    client.force_login(seeker_user)
    response = client.get(reverse("myplan:plan"))
    assert response.status_code == 200
    assert response.context["plan"] is None
    assert "Vrijwilligerswerk bij de voedselbank." not in response.content.decode()
    assert client.post(reverse("myplan:agree"), {"version": 1}).status_code == 404


def test_the_job_seeker_is_sent_from_the_caseworkers_page_to_their_own(
    client, job_seeker, seeker_user
):
    plan = PlanFactory(job_seeker=job_seeker, proposed=True)
    client.force_login(seeker_user)
    response = client.get(reverse("plans:detail", args=[plan.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("myplan:plan")


def test_a_review_and_a_new_version_from_the_plan_page(client, caseworker, job_seeker):
    plan = PlanFactory(job_seeker=job_seeker, review_overdue=True)
    client.force_login(caseworker)
    response = client.post(
        reverse("plans:review", args=[plan.pk]),
        {"rung_reconsidered": "on", "notes": "Trede blijft 3.", "changes_needed": "on"},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    review = plan.reviews.get()
    assert review.rung_reconsidered and not review.instruments_reconsidered
    assert review.new_version.number == 2
    page = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "Trede blijft 3." in page


def test_the_plans_page_lists_the_municipalitys_plans(client, caseworker, amsterdam, zaandam):
    own = PlanFactory(job_seeker=JobSeekerFactory(municipality=amsterdam, last_name="Eigen"))
    PlanFactory(job_seeker=JobSeekerFactory(municipality=zaandam, last_name="Zaans"))
    client.force_login(caseworker)
    page = client.get(reverse("plans:list"), {"status": "draft"}).content.decode()
    assert "Eigen" in page and "Zaans" not in page
    assert reverse("plans:detail", args=[own.pk]) in page


def test_the_composition_page_shows_the_share_without_a_current_plan(client, role_user, amsterdam):
    from werkpad.core.permissions import Role

    PlanFactory(job_seeker=JobSeekerFactory(municipality=amsterdam), in_effect=True)
    JobSeekerFactory.create_batch(3, municipality=amsterdam)
    client.force_login(role_user(Role.POLICY_OFFICER))
    response = client.get(reverse("insights:composition"))
    assert response.context["composition"].without_current_plan.count == 3
    page = response.content.decode()
    assert 'id="without-plan"' in page and "75%" in page


@pytest.mark.parametrize("answer", ["agree", "disagree"])
def test_an_answer_to_a_plan_changed_since_the_page_showed_it_is_refused_with_the_new_text(
    answer, client, caseworker, job_seeker, seeker_user
):
    """PL3: the page posts the version it showed; a changed plan answers 409 with a Dutch
    message and the plan as it is now, and nothing changes."""
    from werkpad.plans import services

    plan = PlanFactory(job_seeker=job_seeker, proposed=True)
    client.force_login(seeker_user)
    page = client.get(reverse("myplan:plan")).content.decode()
    assert f'name="version" value="{plan.version}"' in page

    services.plan_withdraw(user=caseworker, plan_id=plan.pk)
    services.plan_update(
        user=caseworker,
        plan_id=plan.pk,
        expected_version=Plan.objects.get(pk=plan.pk).version,
        data={"goals": "Drie ochtenden per week bij de kringloopwinkel."},
    )
    services.plan_propose(user=caseworker, plan_id=plan.pk)
    before = (list(Plan.objects.values()), list(plan.versions.values()))

    data = {"version": plan.version}
    if answer == "disagree":
        data["reason"] = "Te veel uren."
    response = client.post(reverse(f"myplan:{answer}"), data)
    assert response.status_code == 409
    content = response.content.decode()
    assert "Uw plan is veranderd nadat u het opende" in content
    assert "Drie ochtenden per week bij de kringloopwinkel." in content
    assert "Vrijwilligerswerk bij de voedselbank." not in content
    current = Plan.objects.get(pk=plan.pk).version
    assert f'name="version" value="{current}"' in content
    if answer == "disagree":
        assert "Te veel uren." in content, "the reason typed is kept"
    assert (list(Plan.objects.values()), list(plan.versions.values())) == before

    client.post(reverse(f"myplan:{answer}"), {**data, "version": current})
    plan.refresh_from_db()
    assert plan.status == Status.IN_EFFECT


def test_an_answer_without_the_version_shown_is_refused(client, job_seeker, seeker_user):
    plan = PlanFactory(job_seeker=job_seeker, proposed=True)
    client.force_login(seeker_user)
    response = client.post(reverse("myplan:agree"), follow=True)
    assert any("Open uw plan opnieuw" in str(m) for m in response.context["messages"])
    plan.refresh_from_db()
    assert plan.status == Status.PROPOSED


def test_the_pages_name_the_review_period_of_the_municipality(client, caseworker, job_seeker):
    """PL4: the plan page and the form speak of the municipality's period, not a fixed one."""
    MunicipalitySettingsFactory(municipality=job_seeker.municipality, plan_review_months=3)
    plan = PlanFactory(job_seeker=job_seeker, in_effect=True)
    client.force_login(caseworker)
    page = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "Na een evaluatie volgt de volgende 3 maanden later." in page
    services.plan_revise(user=caseworker, plan_id=plan.pk, reason="Nieuwe trede")
    form = client.get(reverse("plans:edit", args=[plan.pk])).content.decode()
    assert "Laat dit leeg voor 3 maanden nadat het plan van kracht wordt." in form
