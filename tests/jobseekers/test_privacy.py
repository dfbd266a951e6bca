"""Privacy by design: JS2 (no ethnicity or other forbidden attribute anywhere) and JS4
(special-category items reach only the contact person and the job seeker)."""

from __future__ import annotations

import pytest
from django.apps import apps

from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.core.privacy import is_forbidden_attribute
from werkpad.jobseekers import selectors
from werkpad.jobseekers.filters import JobSeekerFilter
from werkpad.jobseekers.models import JobSeeker
from werkpad.jobseekers.serializers import (
    JobSeekerSerializer,
    JobSeekerUpdateSerializer,
    JobSeekerWriteSerializer,
)
from werkpad.jobseekers.services import EDITABLE_FIELDS

FORBIDDEN_NAMES = [
    "ethnicity",
    "Etniciteit",
    "etnische_achtergrond",
    "ethnic_origin",
    "race",
    "Ras",
    "race_code",
    "migration_background",
    "migratieachtergrond",
    "nationality",
    "Nationaliteit",
    "tweede_nationaliteit",
    "second_nationality",
    "country_of_birth",
    "CountryOfBirth",
    "birth_country",
    "geboorteland",
    "geboorteland_moeder",
    "Geboorteland ouders",
    "country_of_origin",
    "originCountry",
    "national_origin",
    "herkomst",
    "land_van_herkomst",
    "afkomst",
    "religion",
    "Religie",
    "godsdienst",
    "geloofsovertuiging",
    "allochtoon",
    "autochtoon",
]

INNOCENT_NAMES = [
    "first_name",
    "birth_date",
    "postcode",
    "city",
    "education_level",
    "work_experience",
    "international_experience",
    "internationale_ervaring",
    "toekomstplan",
    "grasmaaier",
    "tracer",
    "brace",
    "origin",
    "original_file",
    "ladder_rung",
    "contact_person",
    "benefit_type",
]


def werkpad_models():
    for config in apps.get_app_configs():
        if config.name.startswith("werkpad."):
            yield from config.get_models()


@pytest.mark.parametrize("name", FORBIDDEN_NAMES)
def test_forbidden_attributes_are_recognised_in_dutch_and_english(name):
    """JS2: ethnicity, race, migration background, nationality, country of birth, religion."""
    assert is_forbidden_attribute(name)


@pytest.mark.parametrize("name", INNOCENT_NAMES)
def test_innocent_names_are_not_mistaken_for_forbidden_attributes(name):
    assert not is_forbidden_attribute(name)


def test_no_model_of_werkpad_has_a_field_of_a_forbidden_kind():
    """JS2: walk every model of every werkpad app; no field (nor model) records such data."""
    models = list(werkpad_models())
    assert JobSeeker in models and AuditEvent in models
    offending = [
        f"{model._meta.label}.{name}"
        for model in models
        for name in [model.__name__]
        + [field.name for field in model._meta.get_fields()]
        + [getattr(field, "column", None) or "" for field in model._meta.get_fields()]
        if name and is_forbidden_attribute(name)
    ]
    assert offending == []


def test_no_api_field_or_filter_carries_a_forbidden_attribute():
    names = (
        set(JobSeekerSerializer().fields)
        | set(JobSeekerWriteSerializer().fields)
        | set(JobSeekerUpdateSerializer().fields)
        | set(JobSeekerFilter.base_filters)
        | EDITABLE_FIELDS
    )
    assert [name for name in names if is_forbidden_attribute(name)] == []


@pytest.mark.parametrize("name", ["nationality", "etniciteit", "religion", "geboorteland"])
def test_the_api_refuses_a_forbidden_field_and_records_nothing(api, caseworker, name):
    body = {
        "bsn": "123456782",
        "firstName": "Fatima",
        "lastName": "Jansen",
        "birthDate": "1990-04-01",
        "educationLevel": "mbo2",
        "benefitType": "participatiewet",
        "unemployedSince": "2025-01-06",
        "ladderRung": 2,
        name: "x",
    }
    response = api.as_user(caseworker).post("/api/v1/job-seekers", body, format="json")
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == [name]
    assert not JobSeeker.objects.filter(bsn="123456782").exists()


def test_the_service_refuses_a_forbidden_field(caseworker, amsterdam):
    from werkpad.core.errors import InvalidInputError
    from werkpad.jobseekers.services import jobseeker_create

    with pytest.raises(InvalidInputError) as error:
        jobseeker_create(user=caseworker, municipality=amsterdam, data={"nationaliteit": "NL"})
    assert list(error.value.errors) == ["nationaliteit"]
    assert JobSeeker.objects.count() == 0


class TestSpecialCategoryItems:
    """JS4: limitations and psychological vulnerability are restricted."""

    @pytest.fixture
    def file(self, amsterdam, caseworker):
        from tests.factories import JobSeekerFactory

        return JobSeekerFactory(
            municipality=amsterdam, contact_person=caseworker, restricted_items=True
        )

    def test_the_contact_person_sees_them(self, api, caseworker, file):
        data = api.as_user(caseworker).get(f"/api/v1/job-seekers/{file.pk}").json()
        assert data["limitations"] == file.limitations
        assert data["attentionPsychological"] is True

    def test_the_job_seeker_sees_their_own(self, api, file):
        from tests.factories import job_seeker_login

        user = job_seeker_login(file)
        data = api.as_user(user).get(f"/api/v1/job-seekers/{file.pk}").json()
        assert data["limitations"] == file.limitations

    def test_another_caseworker_does_not_see_them_and_the_log_does_not_say_so(
        self, api, colleague, file
    ):
        data = api.as_user(colleague).get(f"/api/v1/job-seekers/{file.pk}").json()
        assert data["limitations"] is None
        assert data["attentionPsychological"] is None
        assert file.limitations not in str(data)
        read = AuditEvent.objects.get(action=AuditEvent.Action.READ, actor=colleague)
        assert "limitations" not in read.fields
        assert "attention_psychological" not in read.fields
        assert "last_name" in read.fields

    def test_the_contact_persons_read_is_logged_with_them(self, caseworker, file):
        selectors.jobseeker_get(user=caseworker, id=file.pk, purpose=AuditEvent.Purpose.FILE)
        read = AuditEvent.objects.get(action=AuditEvent.Action.READ, actor=caseworker)
        assert {"limitations", "attention_psychological"} <= set(read.fields)

    def test_a_caseworker_role_alone_is_not_enough(self, role_user, file):
        """A policy officer of the same municipality sees no file at all."""
        from werkpad.core.errors import NotFoundError

        officer = role_user(Role.POLICY_OFFICER)
        with pytest.raises(NotFoundError):
            selectors.jobseeker_get(user=officer, id=file.pk)
