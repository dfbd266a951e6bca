"""One access decision per object kind: every permission is declared once, in the
``rules.py`` of the app it names, and checked somewhere (a permission nothing checks is
removed); one function answers which municipality a user acts for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rules.permissions

import werkpad
from tests.factories import MunicipalityFactory, OrganisationFactory, UserFactory
from werkpad.accounts.models import Membership
from werkpad.core.errors import InvalidInputError, PermissionDeniedError
from werkpad.core.models import Organisation
from werkpad.core.permissions import FILE_ROLES, Role, acting_municipality_id

SRC = Path(werkpad.__file__).parent
DECLARED = re.compile(r'rules\.add_perm\(\s*"([a-z_]+)\.([a-z_]+)"')


def _sources(*suffixes: str) -> dict[Path, str]:
    return {
        path: path.read_text(encoding="utf-8")
        for path in SRC.rglob("*")
        if path.suffix in suffixes and "migrations" not in path.parts
    }


def test_every_permission_is_declared_in_the_rules_of_the_app_it_names():
    declared = {}
    for path, text in _sources(".py").items():
        for app, codename in DECLARED.findall(text):
            name = f"{app}.{codename}"
            assert name not in declared, f"{name} is declared twice"
            declared[name] = path
            assert path.name == "rules.py" and path.parent.name == app, (name, path)
    assert set(declared) == set(rules.permissions.permissions), "declared outside rules.add_perm"


def test_every_registered_permission_is_checked_somewhere():
    code = {
        path: text for path, text in _sources(".py", ".html").items() if path.name != "rules.py"
    }
    unchecked = []
    for name in sorted(rules.permissions.permissions):
        app, codename = name.split(".")
        needles = (f'"{name}"', f"'{name}'", f"perms.{app}.{codename}")
        if not any(needle in text for text in code.values() for needle in needles):
            unchecked.append(name)
    assert not unchecked, f"permissions nothing checks: {unchecked}"


def also_caseworker_of(user, municipality) -> None:
    organisation = OrganisationFactory(
        municipality=municipality, kind=Organisation.Kind.MUNICIPALITY
    )
    Membership.objects.create(user=user, organisation=organisation, role=Role.CASEWORKER)


@pytest.mark.django_db
class TestActingMunicipality:
    def test_the_first_of_their_grants_or_the_one_named(self):
        amsterdam, zaandam = MunicipalityFactory(), MunicipalityFactory()
        user = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
        also_caseworker_of(user, zaandam)
        assert acting_municipality_id(user, FILE_ROLES) == amsterdam.pk
        assert acting_municipality_id(user, FILE_ROLES, named=zaandam.pk) == zaandam.pk

    def test_someone_who_works_for_several_names_one_when_asked(self):
        amsterdam, zaandam = MunicipalityFactory(), MunicipalityFactory()
        user = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
        also_caseworker_of(user, zaandam)
        with pytest.raises(InvalidInputError) as refused:
            acting_municipality_id(user, FILE_ROLES, ask_when_several=True)
        assert refused.value.codes == {"municipality": "municipality-required"}

    def test_a_municipality_not_theirs_or_no_role_is_refused(self):
        amsterdam, zaandam = MunicipalityFactory(), MunicipalityFactory()
        user = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
        with pytest.raises(InvalidInputError) as refused:
            acting_municipality_id(user, FILE_ROLES, named=zaandam.pk)
        assert refused.value.codes == {"municipality": "municipality-not-yours"}
        coach = UserFactory.with_role(Role.COACH, municipality=amsterdam)
        with pytest.raises(PermissionDeniedError) as denied:
            acting_municipality_id(coach, FILE_ROLES, denied_code="x-denied")
        assert denied.value.code == "x-denied"


def test_no_other_module_picks_a_municipality_for_a_user():
    """The municipality a user acts for is chosen by ``acting_municipality_id`` only."""
    choosing = re.compile(r"next\(iter\(allowed\)\)|municipalities\)\.order_by\(\"pk\"\)\.first")
    offenders = [
        str(path.relative_to(SRC))
        for path, text in _sources(".py").items()
        if choosing.search(text) and path.name != "permissions.py"
    ]
    assert not offenders, offenders


def _complaints(seeker, programme):
    """A job seeker's complaint about the municipality, one about a provider's coach
    (routed to the provider) and an employer's."""
    from tests.factories import TrajectoryFactory
    from werkpad.complaints import services
    from werkpad.complaints.models import Subject

    job_seeker = seeker.job_seeker
    TrajectoryFactory(job_seeker=job_seeker, programme=programme, started=True)
    municipal = Organisation.objects.get(
        memberships__user=seeker, kind=Organisation.Kind.MUNICIPALITY
    )
    employer = UserFactory.with_role(
        Role.EMPLOYER,
        organisation=OrganisationFactory(
            municipality=job_seeker.municipality, kind=Organisation.Kind.EMPLOYER
        ),
    )

    def file(user, about, subject):
        return services.complaint_file(
            user=user,
            filing=services.Filing(subject=subject, about_id=about.pk, description="Klacht."),
        )

    return [
        file(seeker, municipal, Subject.MUNICIPALITY_CONDUCT),
        file(seeker, programme.provider.organisation, Subject.PROVIDER_CONDUCT),
        file(employer, municipal, Subject.EMPLOYER_SERVICE),
    ]


@pytest.mark.django_db
def test_each_scope_and_its_rule_agree_on_every_object(role_user):
    """The selectors' scopes and the ``view`` rules come from one ``Visibility`` per object
    kind: for every role, an object is in the scope exactly when the rule lets them see it."""
    from tests.factories import (
        JobSeekerFactory,
        PlanFactory,
        ProgrammeFactory,
        TrajectoryFactory,
        job_seeker_login,
    )
    from werkpad.complaints.selectors import complaint_scope
    from werkpad.jobseekers.selectors import jobseeker_scope
    from werkpad.plans.selectors import plan_scope
    from werkpad.providers.selectors import programme_scope, provider_scope
    from werkpad.trajectories.selectors import trajectory_scope

    own = JobSeekerFactory()
    seeker = job_seeker_login(own)
    other = JobSeekerFactory(other_municipality=True)
    objects = {
        "jobseekers.view_jobseeker": (jobseeker_scope, [own, other]),
        "plans.view_plan": (
            plan_scope,
            [PlanFactory(job_seeker=own), PlanFactory(job_seeker=other, proposed=True)],
        ),
        "trajectories.view_trajectory": (
            trajectory_scope,
            [
                TrajectoryFactory(job_seeker=own, started=True),
                TrajectoryFactory(job_seeker=other, completed=True),
            ],
        ),
    }
    from tests.factories import give_consent
    from werkpad.consents.selectors import consent_scope

    objects["consents.view_consent"] = (
        consent_scope,
        [give_consent(own, part="work"), give_consent(other, part="preferences")],
    )
    programme = ProgrammeFactory()
    objects["providers.view_programme"] = (programme_scope, [programme])
    objects["providers.view_provider"] = (provider_scope, [programme.provider])
    objects["complaints.view_complaint"] = (complaint_scope, _complaints(seeker, programme))
    provider_handler = UserFactory.with_role(
        Role.COMPLAINT_HANDLER, organisation=programme.provider.organisation
    )
    from tests.secondopinions.factories import MediationFactory, SecondOpinionFactory
    from werkpad.mediations.selectors import mediation_scope
    from werkpad.secondopinions.selectors import second_opinion_scope

    advisor = role_user(Role.ADVISOR)
    objects["secondopinions.view_secondopinion"] = (
        second_opinion_scope,
        [
            SecondOpinionFactory(job_seeker=own, advisor=advisor, assigned=True),
            SecondOpinionFactory(job_seeker=own),
            SecondOpinionFactory(job_seeker=other, advised=True),
        ],
    )
    mediated = TrajectoryFactory(job_seeker=own, started=True)
    objects["mediations.view_mediation"] = (
        mediation_scope,
        [
            MediationFactory(trajectory=mediated),
            MediationFactory(trajectory=TrajectoryFactory(job_seeker=other, started=True)),
        ],
    )
    provider_coach = UserFactory.with_role(Role.COACH, organisation=mediated.provider.organisation)
    users = [role_user(role) for role in Role if role != Role.JOB_SEEKER] + [
        seeker,
        advisor,
        provider_coach,
        provider_handler,
    ]
    for user in users:
        for permission, (scope, items) in objects.items():
            visible = set(scope(user=user).values_list("pk", flat=True))
            for item in items:
                assert (item.pk in visible) is user.has_perm(permission, item), (
                    user,
                    permission,
                    item,
                )
