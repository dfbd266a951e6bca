"""The computations behind the evidence of the LCR checklist (CO3), one per question.

Each computation answers one checklist question for one municipality from
werkpad's own records: aggregate queries only (a fixed number per question,
however large the file), never a person. A count of persons between 1 and
``ctx.min_cell - 1`` is withheld, and so is a share whose part, or whose rest,
is such a count. Counts of records that are not persons (vacancies,
instruments, employers, budgets) are shown as they are.

docs/council-evidence.md lists every question with what werkpad computes for it,
or why it cannot; imported from ``CouncilConfig.ready``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, F, Max, Q, QuerySet, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from werkpad.accounts.models import Membership
from werkpad.core.deadlines import add_months
from werkpad.core.permissions import Role
from werkpad.council.advice.selectors import consultation_timeliness
from werkpad.council.evidence import Context, Evidence, Figure, evidence
from werkpad.council.models import AdviceKind, ResultsReport
from werkpad.council.reports.workflow import Status as ReportStatus
from werkpad.employers.models import Distribution, Source, Vacancy
from werkpad.employers.workflow import OPEN as OPEN_VACANCY
from werkpad.grants.models import Budget, Grant
from werkpad.grants.models import Status as GrantStatus
from werkpad.instruments.models import Instrument, InstrumentType
from werkpad.jobseekers.models import BenefitType, JobSeeker, current_q, profile_overdue_q
from werkpad.matching.selectors import candidate_file_profiles
from werkpad.placements.models import SelfEmploymentRoute
from werkpad.providers.models import Provider
from werkpad.surveys.selectors import surveys_held
from werkpad.surveys.workflow import Audience
from werkpad.trajectories.models import Trajectory

# --- figures -------------------------------------------------------------------------


def small(ctx: Context, count: int) -> bool:
    """A count of persons that may not be shown: one up to the minimum."""
    return 0 < count < ctx.min_cell


def withheld_value(ctx: Context) -> str:
    return _("fewer than %(n)s") % {"n": ctx.min_cell}


def persons(ctx: Context, label: str, count: int) -> Figure:
    """A count of persons, withheld when small."""
    if small(ctx, count):
        return Figure(label=label, value=withheld_value(ctx), withheld=True)
    return Figure(label=label, value=str(count))


def part_of(ctx: Context, label: str, part: int, whole: int) -> Figure:
    """A count of persons within a group whose size is shown too: withheld when it is a
    small count, and when the rest of the group is (the whole minus this count gives it)."""
    if small(ctx, part):
        return Figure(label=label, value=withheld_value(ctx), withheld=True)
    if small(ctx, whole - part):
        return Figure(label=label, value=_("withheld"), withheld=True)
    return Figure(label=label, value=str(part))


def share(ctx: Context, label: str, part: int, total: int) -> Figure:
    """The share ``part`` of ``total`` persons; withheld when the part, the rest or the
    whole is a small count (the part could then be worked out from the total)."""
    if total == 0:
        return Figure(label=label, value="-")
    if small(ctx, part) or small(ctx, total - part) or small(ctx, total):
        return Figure(label=label, value=_("withheld"), withheld=True)
    return Figure(label=label, value=percent(part, total))


def records(label: str, count: int) -> Figure:
    """A count of records that are not persons (vacancies, instruments)."""
    return Figure(label=label, value=str(count))


def euros(label: str, amount: Decimal | int | None) -> Figure:
    return Figure(label=label, value=money(amount))


def percent(part: int, total: int) -> str:
    return f"{round(100 * part / total)}%" if total else "-"


def money(amount: Decimal | int | None) -> str:
    return "€ " + formats.number_format(
        Decimal(amount or 0), decimal_pos=0, use_l10n=True, force_grouping=True
    )


def shown(figure: Figure) -> str:
    return figure.value


def year_ago(ctx: Context) -> dt.date:
    return add_months(ctx.today, -12)


def current_job_seekers(ctx: Context) -> QuerySet[JobSeeker]:
    return JobSeeker.objects.filter(current_q(), municipality=ctx.municipality)


def make(ctx: Context, question_id: str, summary: str, method: str, *figures: Figure) -> Evidence:
    return Evidence(
        question_id=question_id,
        summary=summary,
        method=method,
        computed_at=ctx.now,
        figures=tuple(figures),
    )


# --- point 1: informing the council -------------------------------------------------


def consultation(ctx: Context, question_id: str, kinds: list[str] | None) -> Evidence:
    """How many advice requests were sent to the council in the last 12 months and how
    many of them in time: with at least the council's term left before the decision date."""
    found = consultation_timeliness(
        municipality=ctx.municipality, since=year_ago(ctx), until=ctx.today, kinds=kinds
    )
    figures = (
        records(_("Advice requests sent to the council (last 12 months)"), found.asked),
        records(_("Sent in time, with the council's term left"), found.in_time),
        records(_("Sent too late for the council's term"), found.late),
        records(_("Advised by the council after its term"), found.advised_late),
    )
    if found.asked:
        summary = _(
            "Of the %(asked)s advice requests the municipality sent the council in the last "
            "12 months, %(in_time)s left the council its full term before the decision "
            "(%(share)s); %(late)s did not."
        ) % {
            "asked": found.asked,
            "in_time": found.in_time,
            "late": found.late,
            "share": percent(found.in_time, found.asked),
        }
    else:
        summary = _("The municipality sent the council no advice request in the last 12 months.")
    method = _(
        "Advice requests recorded in werkpad and sent to the council in the last 12 months "
        "(unasked advice not counted); in time when the decision date lay at least the "
        "council's advice term (a setting of the municipality) after the day it was sent."
    )
    return make(ctx, question_id, summary, method, *figures)


@evidence("1.1")
def consulted_on_policy(ctx: Context) -> Evidence:
    return consultation(ctx, "1.1", None)


@evidence("1.2")
def consulted_on_regulations(ctx: Context) -> Evidence:
    return consultation(ctx, "1.2", [AdviceKind.REGULATION])


@evidence("1.3")
def results_reports(ctx: Context) -> Evidence:
    reports = ResultsReport.objects.filter(
        municipality=ctx.municipality,
        status=ReportStatus.PUBLISHED,
        published_at__date__gte=year_ago(ctx),
    ).aggregate(n=Count("id"), latest=Max("published_at"))
    latest = (
        formats.date_format(timezone.localtime(reports["latest"]), "SHORT_DATE_FORMAT")
        if reports["latest"]
        else "-"
    )
    figures = (
        records(_("Results reports published to the council (last 12 months)"), reports["n"]),
        Figure(label=_("Latest published on"), value=latest),
    )
    summary = _(
        "The municipality published %(n)s results reports to the council in the last 12 "
        "months; the latest on %(latest)s."
    ) % {"n": reports["n"], "latest": latest}
    method = _(
        "Results reports of the municipality (a quarter or a year of figures, small groups "
        "withheld) published to its client council in werkpad in the last 12 months."
    )
    return make(ctx, "1.3", summary, method, *figures)


# --- point 2: the job-seeker file ------------------------------------------------------


@evidence("2.1")
def file_size_and_composition(ctx: Context) -> Evidence:
    twelve = add_months(ctx.today, -12)
    counts = current_job_seekers(ctx).aggregate(
        total=Count("id"),
        activation=Count("id", filter=Q(ladder_rung__lte=4)),
        no_benefit=Count("id", filter=Q(benefit_type=BenefitType.NONE)),
        long_term=Count("id", filter=Q(unemployed_since__lte=twelve)),
        overdue=Count("id", filter=profile_overdue_q(ctx.today)),
    )
    total = counts["total"]
    size = persons(ctx, _("Job seekers in the file"), total)
    activation = share(ctx, _("On rungs 1-4 (activation)"), counts["activation"], total)
    no_benefit = share(ctx, _("Without benefit"), counts["no_benefit"], total)
    long_term = share(ctx, _("Unemployed one year or longer"), counts["long_term"], total)
    up_to_date = share(ctx, _("Profile review up to date"), total - counts["overdue"], total)
    summary = _(
        "The file holds %(size)s job seekers; %(activation)s are on rungs 1-4, %(no_benefit)s "
        "have no benefit, %(long_term)s have been unemployed a year or longer; the profile of "
        "%(up_to_date)s was reviewed within its period."
    ) % {
        "size": size.value,
        "activation": activation.value,
        "no_benefit": no_benefit.value,
        "long_term": long_term.value,
        "up_to_date": up_to_date.value,
    }
    method = _(
        "Job seekers of the municipality still in the file (not left) on the day of "
        "computation; rung, benefit and unemployed-since as recorded; a profile is up to date "
        "when it was reviewed within the municipality's review period."
    )
    return make(ctx, "2.1", summary, method, size, activation, no_benefit, long_term, up_to_date)


# --- point 3: the demand side -----------------------------------------------------------


@evidence("3.1")
def regional_demand(ctx: Context) -> Evidence:
    region_id = ctx.municipality.region_id
    open_q = Q(status__in=OPEN_VACANCY, expires_on__gte=ctx.today)
    vacancies = Vacancy.objects.filter(region_id=region_id)
    counts = vacancies.aggregate(
        open=Count("id", filter=open_q),
        received=Count("id", filter=Q(received_at__date__gte=year_ago(ctx))),
        imported=Count(
            "id", filter=Q(received_at__date__gte=year_ago(ctx), source=Source.IMPORTED)
        ),
    )
    sectors = (
        vacancies.filter(open_q, employer__isnull=False)
        .values_list("employer__sbi_section")
        .annotate(n=Count("id"))
        .order_by("-n", "employer__sbi_section")[:3]
    )
    top = ", ".join(f"{section} ({n})" for section, n in sectors) or "-"
    figures = [
        records(_("Open vacancies in the region"), counts["open"]),
        records(_("Vacancies received in the last 12 months"), counts["received"]),
        Figure(
            label=_("Of which imported (UWV, other sources)"),
            value=percent(counts["imported"], counts["received"]),
        ),
        Figure(label=_("Largest sectors among open vacancies (SBI section)"), value=top),
    ]
    summary = _(
        "The labour-market region has %(open)s open vacancies; %(received)s were received in "
        "the last 12 months, %(imported)s of them imported."
    ) % {"open": counts["open"], "received": counts["received"], "imported": figures[2].value}
    method = _(
        "Vacancies of the municipality's labour-market region: open (received or in progress, "
        "not expired) today; received in the last 12 months by day of receipt; imported means "
        "read in from another source rather than reported to the employer service; sectors by "
        "the employer's SBI section."
    )
    return make(ctx, "3.1", summary, method, *figures)


# --- point 5: plans -------------------------------------------------------------------


def _plan_counts(ctx: Context) -> dict[str, int]:
    return current_job_seekers(ctx).aggregate(
        total=Count("id"),
        with_plan=Count("id", filter=Q(plan__current_version__isnull=False)),
        agreed=Count(
            "id",
            filter=Q(
                plan__current_version__answered_at__isnull=False,
                plan__current_version__disagreement_reason="",
            ),
        ),
    )


@evidence("5.1")
def current_plans(ctx: Context) -> Evidence:
    counts = _plan_counts(ctx)
    total = persons(ctx, _("Job seekers in the file"), counts["total"])
    with_plan = share(ctx, _("With a plan in effect"), counts["with_plan"], counts["total"])
    summary = _("%(share)s of the %(total)s job seekers in the file have a plan in effect.") % {
        "share": with_plan.value,
        "total": total.value,
    }
    method = _(
        "Job seekers still in the file today whose plan has a version in effect (an activation "
        "or integration plan that was proposed, answered and took effect)."
    )
    return make(ctx, "5.1", summary, method, total, with_plan)


@evidence("5.2")
def agreed_plans(ctx: Context) -> Evidence:
    counts = _plan_counts(ctx)
    # 5.1 shows the file's size: the plans are withheld when those without one are few.
    plans = part_of(
        ctx, _("Job seekers with a plan in effect"), counts["with_plan"], counts["total"]
    )
    agreed = share(
        ctx, _("Of which agreed by the job seeker"), counts["agreed"], counts["with_plan"]
    )
    summary = _(
        "Of the %(plans)s plans in effect, %(agreed)s were agreed by the job seeker; the others "
        "took effect with the job seeker's disagreement recorded."
    ) % {"plans": plans.value, "agreed": agreed.value}
    method = _(
        "The version in effect of the plans of job seekers still in the file: agreed when the "
        "job seeker answered the proposal and recorded no disagreement."
    )
    return make(ctx, "5.2", summary, method, plans, agreed)


# --- point 6: services to job seekers ---------------------------------------------------


@evidence("6.2")
def fixed_contact_person(ctx: Context) -> Evidence:
    counts = current_job_seekers(ctx).aggregate(
        total=Count("id"), with_contact=Count("id", filter=Q(contact_person__isnull=False))
    )
    total = persons(ctx, _("Job seekers in the file"), counts["total"])
    with_contact = share(
        ctx, _("With a fixed contact person"), counts["with_contact"], counts["total"]
    )
    summary = _(
        "%(share)s of the %(total)s job seekers in the file have a fixed contact person."
    ) % {
        "share": with_contact.value,
        "total": total.value,
    }
    method = _(
        "Job seekers still in the file today with a contact person (klantmanager) recorded in "
        "their file."
    )
    return make(ctx, "6.2", summary, method, total, with_contact)


@evidence("6.3")
def uwv_registration_help(ctx: Context) -> Evidence:
    counts = current_job_seekers(ctx).aggregate(
        total=Count("id"),
        helped=Count("id", filter=Q(uwv_registration_help=True)),
        registered=Count("id", filter=Q(uwv_registered=True)),
    )
    helped = persons(ctx, _("Helped to register with UWV digitally"), counts["helped"])
    registered = share(ctx, _("Registered with UWV"), counts["registered"], counts["total"])
    summary = _(
        "%(helped)s job seekers in the file are recorded as having needed help to register "
        "with UWV digitally; %(registered)s of the file is registered with UWV."
    ) % {"helped": helped.value, "registered": registered.value}
    method = _(
        "Job seekers still in the file today, by what their file records: registered with UWV "
        "(werk.nl), and needed help registering digitally."
    )
    return make(ctx, "6.3", summary, method, helped, registered)


@evidence("6.6")
def vacancy_register(ctx: Context) -> Evidence:
    open_q = Q(status__in=OPEN_VACANCY, expires_on__gte=ctx.today)
    counts = Vacancy.objects.filter(municipality=ctx.municipality).aggregate(
        open=Count("id", filter=open_q),
        imported=Count("id", filter=open_q & Q(source=Source.IMPORTED)),
        shared=Count("id", filter=open_q & Q(distribution=Distribution.REGION_AND_UWV)),
    )
    figures = (
        records(_("Open vacancies in the register"), counts["open"]),
        records(_("Of which imported"), counts["imported"]),
        records(_("Of which shared with the region and UWV"), counts["shared"]),
    )
    summary = (
        _(
            "The municipality's vacancy register holds %(open)s open vacancies, %(imported)s of "
            "them imported; %(shared)s are shared with the region and UWV (werk.nl)."
        )
        % counts
    )
    method = _(
        "Vacancies kept by the municipality's employer service, open (received or in "
        "progress, not expired) today; imported ones were read in from another source."
    )
    return make(ctx, "6.6", summary, method, *figures)


@evidence("6.8")
def self_employment(ctx: Context) -> Evidence:
    routes = SelfEmploymentRoute.objects.filter(
        municipality=ctx.municipality, information_given_on__gte=year_ago(ctx)
    ).aggregate(
        begun=Count("job_seeker", distinct=True),
        bbz=Count("job_seeker", distinct=True, filter=Q(bbz_referred_on__isnull=False)),
        started=Count(
            "job_seeker", distinct=True, filter=Q(outcome=SelfEmploymentRoute.Outcome.STARTED)
        ),
    )
    begun = persons(
        ctx, _("Job seekers informed about self-employment (last 12 months)"), routes["begun"]
    )
    bbz = part_of(ctx, _("Of whom referred to the Bbz desk"), routes["bbz"], routes["begun"])
    started = part_of(
        ctx, _("Of whom started as self-employed"), routes["started"], routes["begun"]
    )
    summary = _(
        "In the last 12 months %(begun)s job seekers were given information about working for "
        "themselves; %(bbz)s were referred to the Bbz desk and %(started)s started as "
        "self-employed."
    ) % {"begun": begun.value, "bbz": bbz.value, "started": started.value}
    method = _(
        "Self-employment routes of the municipality's job seekers whose information was given "
        "in the last 12 months: referred when a referral to the Bbz desk (Besluit "
        "bijstandverlening zelfstandigen) is recorded, started by the route's outcome."
    )
    return make(ctx, "6.8", summary, method, begun, bbz, started)


def survey_evidence(ctx: Context, question_id: str, audience: str) -> Evidence:
    """Whether a satisfaction survey of ``audience`` set up with the council was opened in
    the last 12 months (6.9 job seekers, 9.9 employers), with its responses."""
    held = [
        s
        for s in surveys_held(municipality=ctx.municipality, audience=audience, since=year_ago(ctx))
        if s.council_involved
    ]
    latest = held[-1] if held else None
    responses = sum(s.responses for s in held)
    opened = formats.date_format(latest.opened_on, "SHORT_DATE_FORMAT") if latest else "-"
    figures = (
        records(_("Surveys with the council opened (last 12 months)"), len(held)),
        Figure(label=_("Latest opened on"), value=opened),
        persons(ctx, _("Responses"), responses),
    )
    if latest is None:
        summary = _(
            "No satisfaction survey set up with the council was opened in the last 12 months."
        )
    else:
        summary = _(
            "%(n)s satisfaction survey(s) set up with the council opened in the last 12 "
            'months, the latest on %(opened)s ("%(title)s"), with %(responses)s responses.'
        ) % {"n": len(held), "opened": opened, "title": latest.title, "responses": figures[2].value}
    method = _(
        "Surveys in werkpad of this municipality, open or closed, that the council proposed or "
        "approved, opened in the last 12 months; responses are anonymous and counted together."
    )
    return make(ctx, question_id, summary, method, *figures)


@evidence("6.9")
def job_seeker_survey(ctx: Context) -> Evidence:
    return survey_evidence(ctx, "6.9", Audience.JOB_SEEKERS)


# --- point 9: services to employers -----------------------------------------------------


@evidence("9.1")
def employer_answers(ctx: Context) -> Evidence:
    counts = Vacancy.objects.filter(
        municipality=ctx.municipality,
        received_at__date__gte=year_ago(ctx),
        answer_due_at__lt=ctx.now,
    ).aggregate(
        due=Count("id"),
        met=Count("id", filter=Q(answered_at__isnull=False, answered_at__lte=F("answer_due_at"))),
    )
    due = records(_("Vacancies whose 72-hour term has passed (last 12 months)"), counts["due"])
    met = Figure(label=_("Answered within 72 hours"), value=percent(counts["met"], counts["due"]))
    summary = _(
        "Of the %(due)s vacancies received in the last 12 months whose term has passed, "
        "%(met)s were answered within 72 hours."
    ) % {"due": counts["due"], "met": met.value}
    method = _(
        "Vacancies received by the municipality's employer service in the last 12 months "
        "whose answer term (72 hours, by werkpad's term rules) has passed: met when the "
        "employer was answered before the term ended."
    )
    return make(ctx, "9.1", summary, method, due, met)


@evidence("9.6")
def candidate_file_access(ctx: Context) -> Evidence:
    employers = (
        Membership.objects.filter(
            role=Role.EMPLOYER,
            is_active=True,
            organisation__employer__municipality=ctx.municipality,
        )
        .values("organisation_id")
        .distinct()
        .count()
    )
    candidates = candidate_file_profiles(municipality_id=ctx.municipality.pk).count()
    figures = (
        records(_("Employers with access to the candidate file"), employers),
        persons(ctx, _("Candidates in the file (consent given, profile current)"), candidates),
    )
    summary = _(
        "%(employers)s employers can search the candidate file, which holds %(candidates)s "
        "pseudonymised candidates who consented and whose profile is current."
    ) % {"employers": employers, "candidates": figures[1].value}
    method = _(
        "Employers in the municipality's register with an active employer login; candidates "
        "are job seekers still in the file with a search profile confirmed current and a "
        "current consent to show it to employers."
    )
    return make(ctx, "9.6", summary, method, *figures)


@evidence("9.9")
def employer_survey(ctx: Context) -> Evidence:
    return survey_evidence(ctx, "9.9", Audience.EMPLOYERS)


# --- point 11: instruments and budget ------------------------------------------------------


def _granted(ctx: Context) -> QuerySet[Grant]:
    return Grant.objects.filter(
        municipality=ctx.municipality, year=ctx.today.year, status=GrantStatus.GRANTED
    )


@evidence("11.1")
def instruments_and_budget(ctx: Context) -> Evidence:
    year = ctx.today.year
    instruments = Instrument.objects.filter(municipality=ctx.municipality, active=True).count()
    budget = Budget.objects.filter(municipality=ctx.municipality, year=year).aggregate(
        amount=Sum("amount"), lines=Count("id")
    )
    granted = _granted(ctx).aggregate(amount=Sum("amount"), n=Count("id"))
    figures = (
        records(_("Instruments in the catalogue"), instruments),
        records(_("Instruments with a budget this year"), budget["lines"]),
        euros(_("Budget this year"), budget["amount"]),
        euros(_("Granted this year"), granted["amount"]),
    )
    summary = _(
        "The catalogue holds %(instruments)s active instruments, %(lines)s with a budget for "
        "%(year)s totalling %(budget)s; %(granted)s has been granted so far this year."
    ) % {
        "instruments": instruments,
        "lines": budget["lines"],
        "year": year,
        "budget": figures[2].value,
        "granted": figures[3].value,
    }
    method = _(
        "Active instruments of the municipality's catalogue; budgets set for the current "
        "year; grants of this budget year not cancelled."
    )
    return make(ctx, "11.1", summary, method, *figures)


@evidence("11.2")
def non_benefit_support(ctx: Context) -> Evidence:
    year = ctx.today.year
    budget = Budget.objects.filter(municipality=ctx.municipality, year=year).aggregate(
        amount=Sum("non_benefit_amount")
    )
    granted = (
        _granted(ctx)
        .filter(non_benefit=True)
        .aggregate(amount=Sum("amount"), people=Count("job_seeker", distinct=True))
    )
    in_trajectory = (
        Trajectory.objects.filter(
            municipality=ctx.municipality,
            job_seeker__benefit_type=BenefitType.NONE,
            started_on__gte=year_ago(ctx),
        )
        .values("job_seeker")
        .distinct()
        .count()
    )
    # What a few persons were granted together is close to what each of them was granted.
    granted_amount = (
        Figure(
            label=_("Granted to non-benefit job seekers this year"),
            value=withheld_value(ctx),
            withheld=True,
        )
        if small(ctx, granted["people"])
        else euros(_("Granted to non-benefit job seekers this year"), granted["amount"])
    )
    figures = (
        euros(_("Budget for non-benefit job seekers this year"), budget["amount"]),
        granted_amount,
        persons(ctx, _("Non-benefit job seekers with a grant this year"), granted["people"]),
        persons(
            ctx,
            _("Non-benefit job seekers who started a trajectory (last 12 months)"),
            in_trajectory,
        ),
    )
    summary = _(
        "For %(year)s %(budget)s is budgeted for job seekers without benefit and %(granted)s "
        "granted, to %(people)s of them; %(trajectories)s started a trajectory in the last 12 "
        "months."
    ) % {
        "year": year,
        "budget": figures[0].value,
        "granted": figures[1].value,
        "people": figures[2].value,
        "trajectories": figures[3].value,
    }
    method = _(
        "The non-benefit part of this year's budgets; grants of this budget year paid from "
        "the non-benefit line, not cancelled; trajectories started in the last 12 months by "
        "job seekers whose file records no benefit."
    )
    return make(ctx, "11.2", summary, method, *figures)


def _instrument_kinds(
    ctx: Context, question_id: str, kinds: list[InstrumentType], summary: str, method: str
) -> Evidence:
    available = dict(
        Instrument.objects.filter(municipality=ctx.municipality, active=True, type__in=kinds)
        .values_list("type")
        .annotate(n=Count("id"))
        .order_by()
    )
    granted = dict(
        _granted(ctx)
        .filter(instrument__type__in=kinds)
        .values_list("instrument__type")
        .annotate(n=Count("id"))
        .order_by()
    )
    figures = [
        records(
            _("%(kind)s: instruments in the catalogue") % {"kind": kind.label},
            available.get(kind, 0),
        )
        for kind in kinds
    ]
    figures += [
        persons(ctx, _("%(kind)s: grants this year") % {"kind": kind.label}, granted.get(kind, 0))
        for kind in kinds
    ]
    offered = ", ".join(str(kind.label) for kind in kinds if available.get(kind)) or _("none")
    text = summary % {"offered": offered, "grants": sum(granted.values())}
    return make(ctx, question_id, text, method, *figures)


@evidence("11.4")
def jobcarving_sroi_volunteering(ctx: Context) -> Evidence:
    return _instrument_kinds(
        ctx,
        "11.4",
        [InstrumentType.JOB_CARVING, InstrumentType.SROI, InstrumentType.VOLUNTEER_WORK],
        _("Of job carving, SROI and volunteer work the catalogue offers: %(offered)s."),
        _(
            "Active instruments of the municipality's catalogue of the types job carving, "
            "social return on investment and volunteer work; grants of this budget year of "
            "those instruments, not cancelled (counts of persons under the minimum withheld)."
        ),
    )


@evidence("11.5")
def flanking_support(ctx: Context) -> Evidence:
    return _instrument_kinds(
        ctx,
        "11.5",
        [InstrumentType.DEBT_HELP, InstrumentType.CHILDCARE, InstrumentType.JOB_COACHING],
        _("Of flanking support the catalogue offers: %(offered)s."),
        _(
            "Active instruments of the municipality's catalogue of the types debt help, "
            "childcare and job coaching; grants of this budget year of those instruments, "
            "not cancelled (counts of persons under the minimum withheld)."
        ),
    )


# --- point 14: working with others ---------------------------------------------------------


@evidence("14.4")
def providers_used(ctx: Context) -> Evidence:
    used = Provider.objects.filter(
        trajectories__municipality=ctx.municipality,
        trajectories__referred_on__gte=year_ago(ctx),
    ).distinct()
    counts = Provider.objects.filter(pk__in=used.values("pk")).aggregate(
        total=Count("id"),
        certified=Count(
            "id",
            filter=Q(certified=True)
            & (
                Q(certification_expires_on__isnull=True)
                | Q(certification_expires_on__gte=ctx.today)
            ),
        ),
    )
    figures = (
        records(_("Providers referred to (last 12 months)"), counts["total"]),
        records(_("Of which Blik op Werk certified today"), counts["certified"]),
    )
    summary = (
        _(
            "In the last 12 months job seekers were referred to %(total)s providers; %(certified)s "
            "of them hold a current Blik op Werk certification."
        )
        % counts
    )
    method = _(
        "Providers to which the municipality referred a job seeker for a trajectory in the "
        "last 12 months; certified when the Blik op Werk certification is recorded and not "
        "expired today."
    )
    return make(ctx, "14.4", summary, method, *figures)
