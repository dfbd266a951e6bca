"""The structured handover (TR1, TR4) and the expertise match (TR9).

The caseworker chooses which job-seeker fields travel to the provider; the
required ones must be chosen and filled in the file before the referral is
sent. Health and psychological items go into it only with the job seeker's consent
or while it is asked. The handover is a snapshot: later edits of the file do not
reach the provider, and what the provider's coach reads of it follows the job
seeker's current consents (``werkpad.consents``; the basis always).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _

from werkpad.core.errors import InvalidInputError
from werkpad.jobseekers.models import JobSeeker
from werkpad.providers import matching
from werkpad.providers.models import Programme, TargetGroup

#: Every field a caseworker may put in a handover, in the order it is shown.
SHAREABLE_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "phone",
    "email",
    "city",
    "education_level",
    "work_experience",
    "work_experience_years",
    "ladder_rung",
    "wishes",
    "knowledge",
    "skills",
    "possibilities",
    "competence_test_results",
    "prefers_no_group_activities",
    "coach_preference",
    "attention_older",
    "attention_higher_educated",
    "labour_disability",
    "sheltered_work",
    "limitations",
    "attention_psychological",
)
#: What a provider needs to start: chosen, and not empty in the file.
REQUIRED_FIELDS = (
    "first_name",
    "last_name",
    "phone",
    "education_level",
    "ladder_rung",
    "wishes",
    "possibilities",
)
#: Special category: shared only with the job seeker's consent (TR4).
HEALTH_FIELDS = ("limitations", "attention_psychological")
#: Chosen unless the caseworker unticks them.
DEFAULT_FIELDS = tuple(f for f in SHAREABLE_FIELDS if f not in HEALTH_FIELDS)


def label(name: str) -> str:
    field = JobSeeker._meta.get_field(name)
    assert isinstance(field, models.Field)  # a handover item is a column of the file
    return str(field.verbose_name)


def _empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _as_json(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def build_snapshot(
    job_seeker: JobSeeker, *, fields: list[str] | tuple[str, ...], health_allowed: bool
) -> dict:
    """The handover as it is sent, or ``InvalidInputError`` naming every missing item."""
    chosen = list(dict.fromkeys(fields))
    errors: dict[str, list[str]] = {}
    unknown = sorted(set(chosen) - set(SHAREABLE_FIELDS))
    if unknown:
        errors["handover_fields"] = [
            _("These fields cannot be shared: %(names)s.") % {"names": ", ".join(unknown)}
        ]
    health = [f for f in chosen if f in HEALTH_FIELDS]
    if health and not health_allowed:
        errors.setdefault("handover_fields", []).append(
            _(
                "%(names)s can only be shared when the job seeker consents to sharing "
                "health and psychological information: ask for their consent."
            )
            % {"names": ", ".join(label(f) for f in health)}
        )
    not_chosen = [f for f in REQUIRED_FIELDS if f not in chosen]
    empty = [f for f in REQUIRED_FIELDS if f in chosen and _empty(getattr(job_seeker, f))]
    if not_chosen:
        errors.setdefault("handover_fields", []).append(
            _("The provider needs these fields; choose them: %(names)s.")
            % {"names": ", ".join(label(f) for f in not_chosen)}
        )
    if empty:
        errors.setdefault("handover_fields", []).append(
            _("These required fields are empty in the file; fill them in first: %(names)s.")
            % {"names": ", ".join(label(f) for f in empty)}
        )
    if errors:
        raise InvalidInputError(errors)
    return {f: _as_json(getattr(job_seeker, f)) for f in SHAREABLE_FIELDS if f in chosen}


def display(
    snapshot: dict, *, readable: frozenset[str] | None = None
) -> list[tuple[str, str, bool]]:
    """(label, shown value, is health item) per field, in the form's order; only the
    ``readable`` fields when named."""
    rows = []
    for name in SHAREABLE_FIELDS:
        if name not in snapshot or (readable is not None and name not in readable):
            continue
        value = snapshot[name]
        field = JobSeeker._meta.get_field(name)
        assert isinstance(field, models.Field)  # a handover item is a column of the file
        if isinstance(value, bool):
            shown = _("yes") if value else _("no")
        elif field.choices and value is not None:
            shown = str(dict(field.flatchoices).get(value, value))
        elif name == "birth_date" and value:
            shown = dt.date.fromisoformat(value).strftime("%d-%m-%Y")
        else:
            shown = "" if value is None else str(value)
        rows.append((label(name), shown or "—", name in HEALTH_FIELDS))
    return rows


@dataclass(frozen=True)
class NeedMatch:
    need: str
    label: str
    covered: bool


#: Job-seeker need -> the staff expertise that answers it (providers.models.Expertise).
NEED_EXPERTISE = {
    "older": "older",
    "young": "young",
    "psychological": "psychological",
    "labour_disability": "labour_disability",
}


def needs_of(job_seeker: JobSeeker, *, include_health: bool, on: dt.date) -> list[tuple[str, str]]:
    needs = []
    age = job_seeker.age_on(on)
    if job_seeker.attention_older or age >= 50:
        needs.append(("older", _("older job seeker")))
    if age < 27:
        needs.append(("young", _("young (under 27)")))
    if include_health and job_seeker.attention_psychological:
        needs.append(("psychological", _("psychologically vulnerable")))
    if job_seeker.labour_disability:
        needs.append(("labour_disability", _("labour disability")))
    return needs


def expertise_match(needs: list[tuple[str, str]], staff_expertise: list[str]) -> list[NeedMatch]:
    """TR9: each need of the job seeker against the programme staff's expertise."""
    have = set(staff_expertise or [])
    return [NeedMatch(key, text, NEED_EXPERTISE[key] in have) for key, text in needs]


#: Target groups defined by age.
AGE_GROUPS = frozenset({"young", "older"})


def outside_target_group(
    job_seeker: JobSeeker, programme: Programme, *, on: dt.date, include_restricted: bool
) -> list[str]:
    """Why the job seeker lies outside the programme's target group (TR1), one phrase per
    reason, or an empty list when they are inside it: the rungs it serves, and its target
    groups as "which programme fits" (PR3) reads them.

    ``include_restricted``: the caller may see the job seeker's special-category items, so
    that psychological vulnerability counts as a group.
    """
    why = []
    rung = job_seeker.ladder_rung
    if not programme.serves_rung(rung):
        why.append(
            _("rung %(rung)s, programme for rungs %(low)s–%(high)s")
            % {"rung": rung, "low": programme.rung_from, "high": programme.rung_to}
        )
    age = job_seeker.age_on(on)
    groups = matching.job_seeker_groups(
        age=age,
        attention_older=job_seeker.attention_older,
        attention_higher_educated=job_seeker.attention_higher_educated,
        attention_psychological=job_seeker.attention_psychological,
        labour_disability=job_seeker.labour_disability,
        benefit_type=job_seeker.benefit_type,
        include_restricted=include_restricted,
    )
    if not matching.serves_groups(programme.target_groups, groups):
        labels = ", ".join(
            str(TargetGroup(g).label) if g in TargetGroup.values else g
            for g in programme.target_groups
        )
        if AGE_GROUPS & set(programme.target_groups):
            why.append(_("age %(age)s, programme for %(groups)s") % {"age": age, "groups": labels})
        else:
            why.append(_("programme for %(groups)s") % {"groups": labels})
    return why
