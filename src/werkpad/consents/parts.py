"""The parts of a job seeker's file a consent covers (RI5, TR4).

Each part has a code, a label and a plain explanation for the job seeker, and the
``JobSeeker`` fields it holds. The basis (name, contact details, date of birth,
education level, ladder rung) goes to a trajectory's provider by law (the
Participatiewet's task of the municipality), not by consent, and is shown as such.
The health part is a consent of its own and never goes to employers.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

WORK = "work"
PREFERENCES = "preferences"
CIRCUMSTANCES = "circumstances"
HEALTH = "health"


@dataclass(frozen=True)
class Part:
    code: str
    label: object
    explanation: object
    fields: tuple[str, ...]


#: What a trajectory's provider always receives: not by consent, by law.
BASIS_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "phone",
    "email",
    "city",
    "education_level",
    "ladder_rung",
)
BASIS_EXPLANATION = _(
    "Your name, how to reach you, your date of birth, your education and your step on the "
    "participation ladder. The provider of your trajectory always gets these: without them "
    "they cannot help you. The law allows this."
)

PARTS: dict[str, Part] = {
    WORK: Part(
        WORK,
        _("Work and skills"),
        _("The work you did, what you know and can do, and the results of tests you took."),
        (
            "work_experience",
            "work_experience_years",
            "knowledge",
            "skills",
            "competence_test_results",
        ),
    ),
    PREFERENCES: Part(
        PREFERENCES,
        _("Wishes and preferences"),
        _(
            "What you would like to do, what is possible for you, and whether you prefer "
            "to work alone or in a group, or with a certain coach."
        ),
        ("wishes", "possibilities", "prefers_no_group_activities", "coach_preference"),
    ),
    CIRCUMSTANCES: Part(
        CIRCUMSTANCES,
        _("Your circumstances"),
        _(
            "Whether you need extra attention because of your age or your education, and "
            "whether you can work fully or need a sheltered place."
        ),
        ("attention_older", "attention_higher_educated", "labour_disability", "sheltered_work"),
    ),
    HEALTH: Part(
        HEALTH,
        _("Health"),
        _(
            "Your health and what you cannot do because of it, and whether you need extra "
            "attention for how you feel. This is sensitive information: it is only shared "
            "when you say yes to it separately. It never goes to employers."
        ),
        ("limitations", "attention_psychological"),
    ),
}
CODES = tuple(PARTS)
CHOICES = [(code, part.label) for code, part in PARTS.items()]
#: Employers never receive the health part (TR4).
EMPLOYER_PARTS = (WORK, PREFERENCES, CIRCUMSTANCES)


def part_of(field: str) -> str | None:
    """The part a ``JobSeeker`` field belongs to, or None for the basis (or a field no part
    holds)."""
    for part in PARTS.values():
        if field in part.fields:
            return part.code
    return None


def parts_of(fields: list[str] | tuple[str, ...]) -> list[str]:
    """The parts the given fields fall in, in the order of ``PARTS``."""
    found = {part_of(field) for field in fields}
    return [code for code in CODES if code in found]


def readable(field: str, shared: frozenset[str]) -> bool:
    """Whether a recipient with these consented parts reads ``field``: the basis always."""
    part = part_of(field)
    return part is None or part in shared
