"""The text rules (core.text) and the HTML forms that apply them."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    JobSeekerFactory,
    MunicipalityFactory,
    ProgrammeFactory,
    ProviderFactory,
)
from werkpad.core.permissions import Role
from werkpad.core.text import (
    TEXT_MAX_LENGTH,
    TextRulesMixin,
    validate_one_line,
    validate_web_address,
)
from werkpad.jobseekers.forms import JobSeekerForm
from werkpad.jobseekers.models import JobSeeker
from werkpad.plans.forms import CommentForm, PlanForm
from werkpad.providers.forms import ProgrammeForm, ProviderForm
from werkpad.trajectories.forms import EndReportForm, EvaluationForm, ReferralForm

BAD = ["a\nb", "a\rb", "a\tb", "a\x00b", "a\x1fb", "a\x7fb"] + [
    f"a{chr(c)}b" for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
]


@pytest.mark.parametrize("value", BAD)
def test_one_line_refuses_control_and_direction_characters(value):
    with pytest.raises(ValidationError) as caught:
        validate_one_line(value)
    assert caught.value.code == "control-characters"


@pytest.mark.parametrize("value", ["Jan", "van 't Hoff-Çelik", "Zoë Ünal", "1011 AB", "‏שלום"])
def test_one_line_takes_ordinary_text_in_any_script(value):
    validate_one_line(value)


@pytest.mark.parametrize("value", ["https://a.example.nl/x?y=1", "http://a.example.nl"])
def test_a_web_address_is_http_or_https(value):
    validate_web_address(value)


@pytest.mark.parametrize("value", ["ftp://a.example.nl", "javascript:alert(1)", "file:///etc"])
def test_other_schemes_are_refused(value):
    with pytest.raises(ValidationError):
        validate_web_address(value)


class Sample(TextRulesMixin, forms.Form):
    name = forms.CharField()
    story = forms.CharField(widget=forms.Textarea)
    short = forms.CharField(max_length=50, widget=forms.Textarea)
    email = forms.EmailField(required=False)


def test_the_mixin_applies_both_rules_to_a_form():
    form = Sample({"name": "Piet\u202e", "story": "x" * (TEXT_MAX_LENGTH + 1), "short": "ok\nok"})
    assert not form.is_valid()
    assert set(form.errors) == {"name", "story"}
    assert form.fields["story"].widget.attrs["maxlength"] == str(TEXT_MAX_LENGTH)
    assert form.fields["short"].widget.attrs["maxlength"] == "50"
    assert Sample({"name": "Piet", "story": "a\nb", "short": "ok"}).is_valid()


#: Each form of the UI with text fields, with what its view passes to it.
FORMS = {
    "JobSeekerForm": (JobSeekerForm, lambda: {"municipality": None, "show_restricted": True}),
    "PlanForm": (PlanForm, lambda: {"municipality": MunicipalityFactory()}),
    "CommentForm": (CommentForm, dict),
    "ProgrammeForm": (ProgrammeForm, lambda: {"municipality": MunicipalityFactory()}),
    "ProviderForm": (ProviderForm, lambda: {"instance": ProviderFactory()}),
    "ReferralForm": (ReferralForm, lambda: {"programmes": []}),
    "EndReportForm": (EndReportForm, dict),
    "EvaluationForm": (EvaluationForm, dict),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", FORMS)
def test_every_text_field_of_the_forms_has_a_limit_and_one_line_fields_the_rule(name):
    form_class, kwargs = FORMS[name]
    form = form_class(**kwargs())
    texts = [f for f in form.fields.values() if isinstance(f, forms.CharField)]
    assert texts
    for field in texts:
        assert field.max_length, (form_class.__name__, field.label)
        one_line = not isinstance(field.widget, forms.Textarea) and not isinstance(
            field, (forms.EmailField, forms.URLField)
        )
        assert (validate_one_line in field.validators) == one_line, (
            form_class.__name__,
            field.label,
        )


@pytest.mark.django_db
@pytest.mark.time_machine(dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam")))
class TestThePages:
    def form_data(self, job_seeker, **changes):
        data = {
            "version": job_seeker.version,
            "bsn": job_seeker.bsn,
            "first_name": job_seeker.first_name,
            "last_name": job_seeker.last_name,
            "birth_date": job_seeker.birth_date.isoformat(),
            "gender": job_seeker.gender,
            "education_level": job_seeker.education_level,
            "benefit_type": job_seeker.benefit_type,
            "unemployed_since": job_seeker.unemployed_since.isoformat(),
            "ladder_rung": job_seeker.ladder_rung,
            "contact_person": job_seeker.contact_person_id or "",
        }
        return data | changes

    def post(self, client, job_seeker, **changes):
        with translation.override("nl"):
            return client.post(
                reverse("jobseekers:edit", args=[job_seeker.pk]),
                self.form_data(job_seeker, **changes),
                HTTP_ACCEPT_LANGUAGE="nl",
            )

    def test_a_name_with_a_direction_override_is_refused_in_dutch(
        self, client, job_seeker, caseworker
    ):
        client.force_login(caseworker)
        response = self.post(client, job_seeker, last_name="Bakker\u202e")
        assert response.status_code == 400
        assert "Gebruik één regel gewone tekst" in response.content.decode()
        assert JobSeeker.objects.get(pk=job_seeker.pk).version == 1

    @pytest.mark.parametrize(
        ("birth_date", "message"),
        [
            ("1899-12-31", "Een geboortedatum vóór 1 januari 1900 kan niet kloppen."),
            ("2012-01-01", "Een werkzoekende is op de dag van inschrijving minstens 15 jaar oud."),
        ],
    )
    def test_a_birth_date_out_of_range_is_refused_in_dutch(
        self, client, amsterdam, caseworker, birth_date, message
    ):
        job_seeker = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
        client.force_login(caseworker)
        response = self.post(client, job_seeker, birth_date=birth_date)
        assert response.status_code == 400
        assert message in response.content.decode()
        job_seeker.refresh_from_db()
        assert job_seeker.birth_date == dt.date(1980, 5, 17) and job_seeker.version == 1

    def test_a_paragraph_over_its_limit_is_refused(self, client, job_seeker, caseworker):
        client.force_login(caseworker)
        response = self.post(client, job_seeker, wishes="w" * (TEXT_MAX_LENGTH + 1))
        assert response.status_code == 400
        assert JobSeeker.objects.get(pk=job_seeker.pk).wishes == ""

    def test_a_provider_website_must_be_http_or_https(self, client, role_user, amsterdam):
        provider = ProviderFactory(municipality=amsterdam)
        client.force_login(role_user(Role.POLICY_OFFICER))
        url = reverse("providers:provider-edit", args=[provider.pk])
        data = {
            "version": provider.version,
            "name": provider.name,
            "kvk_number": provider.kvk_number,
            "website": "ftp://werkkracht.example.nl",
        }
        with translation.override("nl"):
            response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="nl")
        assert response.status_code == 400
        assert "Vul een webadres in dat begint met http:// of https://." in (
            response.content.decode()
        )
        provider.refresh_from_db()
        assert provider.website != "ftp://werkkracht.example.nl" and provider.version == 1

    def test_a_programme_name_is_one_line(self, client, role_user, amsterdam):
        programme = ProgrammeFactory(provider=ProviderFactory(municipality=amsterdam))
        client.force_login(role_user(Role.POLICY_OFFICER))
        form = ProgrammeForm(
            {"name": "Werk\nfit"}, instance=programme, municipality=programme.municipality
        )
        assert not form.is_valid() and "name" in form.errors
