"""A municipality's settings (issue 7): read and changed by its functional administrator
only, every change audited, bounds and statutory maxima refused, stale edits 409."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from tests.factories import MunicipalitySettingsFactory
from werkpad.core import selectors, services
from werkpad.core.errors import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.models import (
    COMPLAINT_COMMITTEE_TERM_WEEKS,
    COMPLAINT_TERM_WEEKS,
    COUNCIL_ADVICE_DAYS,
    EMPLOYER_ANSWER_HOURS,
    NOTIFICATION_LEAD_WORKING_DAYS,
    PLAN_REVIEW_MONTHS,
    PROFILE_REVIEW_MONTHS,
    REPORT_INTERVAL_WEEKS,
    SECOND_OPINION_TERM_WEEKS,
    AuditEvent,
    MunicipalitySettings,
)
from werkpad.core.permissions import Role

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]
PROBLEM = "application/problem+json"

DEFAULTS = {
    "profile_review_months": PROFILE_REVIEW_MONTHS,
    "plan_review_months": PLAN_REVIEW_MONTHS,
    "report_interval_weeks": REPORT_INTERVAL_WEEKS,
    "notification_lead_working_days": NOTIFICATION_LEAD_WORKING_DAYS,
    "complaint_term_weeks": COMPLAINT_TERM_WEEKS,
    "complaint_committee_term_weeks": COMPLAINT_COMMITTEE_TERM_WEEKS,
    "uses_complaint_committee": False,
    "complaint_dissatisfaction_weeks": 6,
    "complaint_dissatisfaction_route": "ombudsman",
    "ombudsman_name": "Nationale ombudsman",
    "ombudsman_address": "Postbus 93122, 2509 AC Den Haag",
    "ombudsman_website": "https://www.nationaleombudsman.nl",
    "second_opinion_term_weeks": SECOND_OPINION_TERM_WEEKS,
    "council_advice_days": COUNCIL_ADVICE_DAYS,
    "employer_answer_hours": EMPLOYER_ANSWER_HOURS,
}


@pytest.fixture
def admin(role_user):
    return role_user(Role.FUNCTIONAL_ADMIN)


def rows():
    return (
        list(MunicipalitySettings.objects.order_by("pk").values()),
        AuditEvent.objects.filter(object_type=services.OBJECT_TYPE).count(),
    )


def update(user, municipality, version=1, **data):
    return services.municipality_settings_update(
        user=user, municipality_id=municipality.pk, expected_version=version, data=data
    )


def test_the_defaults_are_the_laws_and_the_requirements():
    """RI2 (Awb 9:11: 6 and 10 weeks), RI3 (2 weeks), CO1 (14 days), EM3 (72 hours), the
    notification lead time of 3 working days, and the periods that were constants."""
    assert DEFAULTS == {
        "profile_review_months": 6,
        "plan_review_months": 6,
        "report_interval_weeks": 4,
        "notification_lead_working_days": 3,
        "complaint_term_weeks": 6,
        "complaint_committee_term_weeks": 10,
        "uses_complaint_committee": False,
        "complaint_dissatisfaction_weeks": 6,
        "complaint_dissatisfaction_route": "ombudsman",
        "ombudsman_name": "Nationale ombudsman",
        "ombudsman_address": "Postbus 93122, 2509 AC Den Haag",
        "ombudsman_website": "https://www.nationaleombudsman.nl",
        "second_opinion_term_weeks": 2,
        "council_advice_days": 14,
        "employer_answer_hours": 72,
    }
    assert set(DEFAULTS) == set(MunicipalitySettings.EDITABLE)


def test_every_setting_names_its_bounds_and_source_in_its_help_text():
    with translation.override("en"):
        for name in MunicipalitySettings.TERMS:
            field = MunicipalitySettings._meta.get_field(name)
            low, high = (v.limit_value for v in MunicipalitySettings.bounds(name))
            assert low <= field.default <= high, name
            text = str(field.help_text)
            assert f"From {low} to {high}" in text, name
            assert "statut" in text or "art." in text, name


def test_a_municipality_without_a_row_reads_the_defaults_at_version_one(admin, amsterdam):
    settings = selectors.municipality_settings_get(user=admin, id=amsterdam.pk)
    assert settings._state.adding and settings.version == 1
    assert {name: getattr(settings, name) for name in DEFAULTS} == DEFAULTS
    assert not MunicipalitySettings.objects.exists(), "reading writes nothing"


def test_the_first_change_saves_the_row_and_every_change_is_audited(admin, amsterdam):
    settings = update(admin, amsterdam, plan_review_months=3, complaint_term_weeks=5)
    assert (settings.version, settings.plan_review_months, settings.complaint_term_weeks) == (
        2,
        3,
        5,
    )
    stored = MunicipalitySettings.objects.get(pk=amsterdam.pk)
    assert (stored.version, stored.plan_review_months, stored.report_interval_weeks) == (2, 3, 4)
    event = AuditEvent.objects.get(object_type="municipality-settings")
    assert (event.actor, event.action, event.municipality_id, event.object_id) == (
        admin,
        AuditEvent.Action.UPDATE,
        amsterdam.pk,
        str(amsterdam.pk),
    )
    assert event.fields == ["complaint_term_weeks", "plan_review_months"]
    assert event.actor_role == Role.FUNCTIONAL_ADMIN

    update(admin, amsterdam, version=2, plan_review_months=4, complaint_term_weeks=5)
    latest = AuditEvent.objects.filter(object_type="municipality-settings").first()
    assert latest.fields == ["plan_review_months"] and latest.detail == "version 3"


def test_a_change_to_nothing_saves_nothing(admin, amsterdam):
    settings = update(admin, amsterdam, plan_review_months=PLAN_REVIEW_MONTHS)
    assert settings.version == 1
    assert rows() == ([], 0)


def test_a_stale_version_is_refused_and_nothing_changes(admin, amsterdam):
    MunicipalitySettingsFactory(municipality=amsterdam, version=4)
    before = rows()
    with pytest.raises(StaleEditError) as refused:
        update(admin, amsterdam, version=3, plan_review_months=3)
    assert refused.value.current_version == 4 and refused.value.status == 409
    assert rows() == before


def test_a_first_change_against_a_version_that_never_was_is_stale(admin, amsterdam):
    with pytest.raises(StaleEditError):
        update(admin, amsterdam, version=2, plan_review_months=3)
    assert rows() == ([], 0)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "complaint_term_weeks",
            7,
            "De Awb (art. 9:11, eerste lid) staat ten hoogste 6 weken toe.",
        ),
        (
            "complaint_committee_term_weeks",
            11,
            "De Awb (art. 9:11, eerste lid) staat ten hoogste 10 weken toe wanneer een "
            "adviescommissie de klacht behandelt.",
        ),
        ("employer_answer_hours", 73, "Werkgevers horen het uiterlijk binnen 72 uur."),
        ("profile_review_months", 13, "hoogstens 12"),
        ("plan_review_months", 0, "minstens 1"),
        ("council_advice_days", 6, "minstens 7"),
    ],
)
def test_a_value_outside_its_bounds_is_refused_in_dutch(admin, amsterdam, name, value, message):
    with translation.override("nl"), pytest.raises(InvalidInputError) as refused:
        update(admin, amsterdam, **{name: value})
    assert list(refused.value.errors) == [name]
    assert message in refused.value.errors[name][0]
    assert rows() == ([], 0)


def test_every_invalid_field_is_named_at_once(admin, amsterdam):
    with pytest.raises(InvalidInputError) as refused:
        update(admin, amsterdam, complaint_term_weeks=8, second_opinion_term_weeks=0, colour=1)
    assert set(refused.value.errors) == {"colour"}
    with pytest.raises(InvalidInputError) as refused:
        update(admin, amsterdam, complaint_term_weeks=8, second_opinion_term_weeks=0)
    assert set(refused.value.errors) == {"complaint_term_weeks", "second_opinion_term_weeks"}


@pytest.mark.parametrize("role", [role for role in Role if role != Role.FUNCTIONAL_ADMIN])
def test_anyone_else_who_works_there_is_refused(role_user, amsterdam, role):
    user = role_user(role)
    with pytest.raises(PermissionDeniedError):
        selectors.municipality_settings_get(user=user, id=amsterdam.pk)
    with pytest.raises(PermissionDeniedError):
        update(user, amsterdam, plan_review_months=3)
    assert rows() == ([], 0)


def test_the_administrator_of_another_municipality_finds_nothing(role_user, amsterdam, zaandam):
    other = role_user(Role.FUNCTIONAL_ADMIN, municipality=zaandam)
    with pytest.raises(NotFoundError):
        selectors.municipality_settings_get(user=other, id=amsterdam.pk)
    with pytest.raises(NotFoundError):
        update(other, amsterdam, plan_review_months=3)
    with pytest.raises(NotFoundError):
        selectors.municipality_settings_get(user=other, id=999_999)
    assert rows() == ([], 0)


def test_the_settings_page_lists_only_the_administered_municipalities(
    role_user, amsterdam, zaandam
):
    admin = role_user(Role.FUNCTIONAL_ADMIN)
    assert list(selectors.municipality_settings_administered(user=admin)) == [amsterdam]
    caseworker = role_user(Role.CASEWORKER, municipality=zaandam)
    assert list(selectors.municipality_settings_administered(user=caseworker)) == []


# --- the API ------------------------------------------------------------------


def test_the_api_reads_and_changes_in_camel_case(api, admin, amsterdam):
    url = f"/api/v1/municipalities/{amsterdam.pk}/settings"
    body = api.as_user(admin).get(url).json()
    assert body == {
        "municipality": amsterdam.pk,
        "version": 1,
        "profileReviewMonths": 6,
        "planReviewMonths": 6,
        "reportIntervalWeeks": 4,
        "notificationLeadWorkingDays": 3,
        "complaintTermWeeks": 6,
        "complaintCommitteeTermWeeks": 10,
        "usesComplaintCommittee": False,
        "complaintDissatisfactionWeeks": 6,
        "complaintDissatisfactionRoute": "ombudsman",
        "ombudsmanName": "Nationale ombudsman",
        "ombudsmanAddress": "Postbus 93122, 2509 AC Den Haag",
        "ombudsmanWebsite": "https://www.nationaleombudsman.nl",
        "secondOpinionTermWeeks": 2,
        "councilAdviceDays": 14,
        "employerAnswerHours": 72,
    }
    response = api.patch(url, {"version": 1, "planReviewMonths": 3}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["planReviewMonths"] == 3 and response.json()["version"] == 2
    assert api.get(url).json()["planReviewMonths"] == 3
    response = api.patch(
        url,
        {"version": 2, "usesComplaintCommittee": True, "complaintDissatisfactionRoute": "reopen"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["usesComplaintCommittee"] is True
    assert response.json()["complaintDissatisfactionRoute"] == "reopen"
    bad = api.patch(url, {"version": 3, "complaintDissatisfactionRoute": "court"}, format="json")
    assert bad.status_code == 400


def test_the_api_answers_problem_json_for_each_refusal(api, admin, amsterdam):
    url = f"/api/v1/municipalities/{amsterdam.pk}/settings"
    client = api.as_user(admin)
    missing = client.patch(url, {"planReviewMonths": 3}, format="json")
    assert missing.status_code == 400 and missing["Content-Type"] == PROBLEM
    assert [p["name"] for p in missing.json()["invalidParams"]] == ["version"]

    too_long = client.patch(
        url, {"version": 1, "complaintTermWeeks": 7, "colour": "blue"}, format="json"
    )
    assert too_long.status_code == 400
    assert {p["name"] for p in too_long.json()["invalidParams"]} == {
        "complaintTermWeeks",
        "colour",
    }

    client.patch(url, {"version": 1, "planReviewMonths": 3}, format="json")
    stale = client.patch(url, {"version": 1, "planReviewMonths": 4}, format="json")
    assert stale.status_code == 409 and stale["Content-Type"] == PROBLEM
    assert stale.json()["code"] == "stale-edit"
    assert MunicipalitySettings.objects.get(pk=amsterdam.pk).plan_review_months == 3


def test_no_trailing_slash(api, admin, amsterdam):
    response = api.as_user(admin).get(f"/api/v1/municipalities/{amsterdam.pk}/settings/")
    assert response.status_code == 404
