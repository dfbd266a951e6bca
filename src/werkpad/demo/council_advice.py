"""Demo advice requests to the client councils (CO1).

For Amsterdam's council, over the past two years: a policy plan, the second-opinion
proposal of 2009 asked again in today's terms, the re-integration regulation (sent too
late for the council to be consulted in time), the implementation plan for the
employer service (advised after the term, a longer term refused), unasked advice on the
Werkplein, the wage-cost subsidy regulation advised and awaiting the response (work for
``beleid``), a draft, and one request sent five days ago waiting with its term (work for
``raadslid``). Documents are small real DOCX files made in memory. Diemen's and
Ouder-Amstel's councils each have one request of their own. The same anchor gives the
same rows.
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import docx
from django.core.files.base import ContentFile

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.models import Municipality, Organisation
from werkpad.council.advice.services import term_of
from werkpad.council.advice.workflow import Status
from werkpad.council.models import (
    AdviceAttachment,
    AdviceRequest,
    AdviceRequestStatusChange,
    Recommendation,
    TermExtension,
)
from werkpad.council.rules import council_of_municipality
from werkpad.documents import filetypes
from werkpad.documents.models import document_storage

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
R = Recommendation.Response


@dataclass(frozen=True)
class Rec:
    text: str
    explanation: str
    response: str = ""
    reasons: str = ""


@dataclass(frozen=True)
class Spec:
    kind: str
    title: str
    question: str
    #: Days before the anchor it was sent (or, a draft or unasked advice, begun).
    days_ago: int
    #: Days between sending and the intended decision.
    decision_after: int = 30
    #: Days after sending the council advised (None: not yet).
    advised_after: int | None = None
    answered_after: int | None = None
    unasked: bool = False
    #: False: a draft, or unasked advice (never sent as a request).
    sent: bool = True
    introduction: str = ""
    recommendations: tuple[Rec, ...] = ()
    letter: str = ""
    document: str = ""
    #: A longer term asked: (days after sending, days longer, granted).
    extension: tuple[int, int, bool] | None = None


SECOND_OPINION_RECS = (
    Rec(
        "De klant krijgt twee weken de tijd om een advies te halen.",
        "De voorgestelde één week is erg kort, zeker als de onafhankelijke cliëntadviseur "
        "het druk heeft of tijdelijk afwezig is.",
        R.PARTLY,
        "De termijn wordt tien werkdagen; daarmee is er ook ruimte bij afwezigheid, zonder "
        "dat het traject te lang stilstaat.",
    ),
    Rec(
        "De klant mag in die periode ook andere deskundigen raadplegen.",
        "Bijvoorbeeld een ter zake deskundige vakbondsfunctionaris.",
        R.ADOPTED,
    ),
    Rec(
        "Een afwijzing van de second opinion wordt inhoudelijk gemotiveerd.",
        "Toelichting niet nodig.",
        R.ADOPTED,
    ),
    Rec(
        "Zorg voor goede en aanhoudende publiciteit, extern en intern.",
        "Verwijzing door consulenten is niet vanzelfsprekend; constante aandacht blijft nodig "
        "(nieuwsbrief, website, intermediaire organisaties).",
        R.NOT_ADOPTED,
        "Voorlichting loopt via de bestaande kanalen; een aparte campagne past dit jaar niet "
        "in het budget. Wij nemen het mee bij de evaluatie.",
    ),
)

AMSTERDAM_SPECS = (
    Spec(
        kind=AdviceRequest.Kind.POLICY_PLAN,
        title="Beleidsplan Participatie 2025-2028",
        question="Wij vragen uw advies over het concept-beleidsplan, in het bijzonder over "
        "de keuzes voor werkfit maken en de inzet van beschut werk.",
        days_ago=700,
        decision_after=42,
        advised_after=13,
        answered_after=40,
        introduction="De raad waardeert de aandacht voor maatwerk, maar mist concrete doelen.",
        recommendations=(
            Rec(
                "Neem meetbare doelen op voor uitstroom naar werk.",
                "Zonder doelen is niet te volgen of het plan werkt.",
                R.ADOPTED,
            ),
            Rec(
                "Betrek ervaringsdeskundigen bij de uitvoering.",
                "Zij weten waar de drempels zitten.",
                R.PARTLY,
                "Ervaringsdeskundigen worden betrokken bij de evaluatie; bij de uitvoering nog "
                "niet, omdat daarvoor nu geen formatie is.",
            ),
        ),
        letter="Wij danken de raad voor het zorgvuldige advies en nemen het grotendeels over.",
        document="Concept-beleidsplan Participatie 2025-2028",
    ),
    Spec(
        kind=AdviceRequest.Kind.PROPOSAL,
        title="Doorverwijzing voor een second opinion naar de onafhankelijke cliëntadviseur",
        question="Wij stellen voor klanten die bezwaar hebben tegen een aangeboden "
        "re-integratietraject voor een second opinion door te verwijzen naar de "
        "onafhankelijke cliëntadviseur: de consulent verwijst, de klant krijgt een week om "
        "een advies te halen en bespreekt dat daarna met de consulent.",
        days_ago=540,
        decision_after=21,
        advised_after=20,
        answered_after=35,
        introduction="De Cliëntenraad juicht het toe dat de onafhankelijke cliëntadviseur "
        "structureel een plaats krijgt bij de uitvoering van het re-integratiebeleid. Ten "
        "aanzien van het voorstel stelt de raad de volgende wijzigingen voor.",
        recommendations=SECOND_OPINION_RECS,
        letter="Wij hebben uw advies besproken. Per aanbeveling leest u hieronder wat wij "
        "ermee doen.",
    ),
    Spec(
        kind=AdviceRequest.Kind.REGULATION,
        title="Re-integratieverordening 2026",
        question="Graag uw advies over de concept-verordening, die de raad in zijn "
        "vergadering van volgende week vaststelt.",
        days_ago=400,
        decision_after=9,
        advised_after=8,
        answered_after=30,
        introduction="De raad had graag eerder advies gegeven: de termijn was te kort voor "
        "een goede bespreking.",
        recommendations=(
            Rec(
                "Vraag de raad voortaan tijdig om advies, met de volledige termijn.",
                "De verordening cliëntenparticipatie geeft veertien dagen.",
                R.ADOPTED,
            ),
            Rec(
                "Leg de onkostenvergoeding bij trajecten vast in de verordening.",
                "Reiskosten zijn voor veel deelnemers een drempel.",
                R.NOT_ADOPTED,
                "Dit wordt in beleidsregels geregeld, zodat het sneller kan worden aangepast.",
            ),
        ),
        letter="Wij erkennen dat de termijn te kort was en passen de planning aan.",
        document="Concept Re-integratieverordening 2026",
    ),
    Spec(
        kind=AdviceRequest.Kind.IMPLEMENTATION_PLAN,
        title="Uitvoeringsplan werkgeversdienstverlening",
        question="Hoe kijkt de raad aan tegen het uitvoeringsplan, met name de 72-uurs "
        "reactietermijn richting werkgevers en de nazorg na plaatsing?",
        days_ago=200,
        decision_after=35,
        advised_after=22,
        answered_after=33,
        introduction="De raad steunt de snelle reactie richting werkgevers.",
        recommendations=(
            Rec(
                "Bied nazorg ook na een half jaar aan.",
                "Veel plaatsingen lopen juist na een half jaar mis.",
                R.ADOPTED,
            ),
        ),
        letter="Wij verlengen de nazorg tot twaalf maanden.",
        extension=(10, 7, False),
        document="Uitvoeringsplan werkgeversdienstverlening",
    ),
    Spec(
        kind=AdviceRequest.Kind.OTHER,
        title="Bereikbaarheid van het Werkplein",
        question="",
        days_ago=125,
        unasked=True,
        sent=False,
        advised_after=5,
        answered_after=30,
        introduction="Uit eigen beweging vraagt de raad aandacht voor de bereikbaarheid van "
        "het Werkplein voor wie geen computer heeft.",
        recommendations=(
            Rec(
                "Houd een inloopspreekuur zonder afspraak.",
                "Niet iedereen kan online een afspraak maken.",
                R.ADOPTED,
            ),
            Rec(
                "Zet een telefoonnummer zonder keuzemenu op de brieven.",
                "Keuzemenu's schrikken af.",
                R.PARTLY,
                "Het nummer komt op de brieven; het keuzemenu blijft, maar met een directe "
                "keuze voor een medewerker.",
            ),
        ),
        letter="Dank voor uw ongevraagde advies; wij voeren het inloopspreekuur in.",
    ),
    Spec(
        kind=AdviceRequest.Kind.REGULATION,
        title="Verordening loonkostensubsidie 2026",
        question="Wij vragen uw advies over de wijziging van de verordening, onder meer de "
        "loonwaardebepaling op de werkplek.",
        days_ago=60,
        decision_after=45,
        advised_after=12,
        introduction="De raad is positief over de loonwaardebepaling op de werkplek.",
        recommendations=(
            Rec(
                "Laat de werknemer bij de loonwaardebepaling een vertrouwenspersoon meenemen.",
                "Het gesprek gaat over de eigen mogelijkheden en is spannend.",
            ),
            Rec(
                "Herhaal de loonwaardebepaling jaarlijks.",
                "Loonwaarde groeit vaak in het eerste jaar.",
            ),
        ),
        document="Wijziging Verordening loonkostensubsidie 2026",
    ),
    Spec(
        kind=AdviceRequest.Kind.POLICY_PLAN,
        title="Nota armoedebeleid 2027",
        question="Graag uw advies over de nota.",
        days_ago=2,
        sent=False,
        decision_after=60,
    ),
)

WAITING = Spec(
    kind=AdviceRequest.Kind.REGULATION,
    title="Re-integratieverordening 2027",
    question="Wij vragen uw advies over de concept-verordening: de ontheffing van de "
    "arbeidsverplichtingen, de tegenprestatie en de second opinion bij een aangeboden "
    "traject, nu met tien werkdagen voor het advies van de onafhankelijke cliëntadviseur.",
    days_ago=5,
    decision_after=42,
    document="Concept Re-integratieverordening 2027",
)

#: The requests of the neighbouring councils: Diemen's, then Ouder-Amstel's.
NEIGHBOUR_SPECS = (
    Spec(
        kind=AdviceRequest.Kind.POLICY_PLAN,
        title="Beleidsplan schuldhulpverlening 2026-2029",
        question="Graag uw advies over het beleidsplan.",
        days_ago=20,
        decision_after=40,
        advised_after=12,
        introduction="De raad mist vroegsignalering.",
        recommendations=(Rec("Maak afspraken met woningcorporaties over vroegsignalering.", ""),),
    ),
    Spec(
        kind=AdviceRequest.Kind.IMPLEMENTATION_PLAN,
        title="Uitvoeringsplan beschut werk",
        question="Hoe kijkt de raad aan tegen het aantal plekken?",
        days_ago=150,
        decision_after=30,
        advised_after=14,
        answered_after=28,
        introduction="De raad vraagt meer plekken.",
        recommendations=(Rec("Verhoog het aantal plekken naar twaalf.", "", R.ADOPTED),),
        letter="Wij verhogen het aantal plekken.",
    ),
)


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=AMSTERDAM)


def _document(title: str, question: str) -> bytes:
    document = docx.Document()
    document.add_heading(title, level=1)
    document.add_paragraph(question or title)
    document.add_paragraph(
        "Dit stuk is een concept en wordt aan de cliëntenraad voorgelegd voor advies."
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _make(
    spec: Spec,
    *,
    municipality: Municipality,
    council: Organisation,
    officer: User,
    member: User,
    base: dt.date,
) -> AdviceRequest:
    start = base - dt.timedelta(days=spec.days_ago)
    sent_on = start if spec.sent and not spec.unasked else None
    request = AdviceRequest.objects.create(
        municipality=municipality,
        council=council,
        kind=spec.kind,
        title=spec.title,
        question=spec.question,
        unasked=spec.unasked,
        decision_on=None if spec.unasked else start + dt.timedelta(days=spec.decision_after),
        created_by=member if spec.unasked else officer,
        created_at=_at(start - dt.timedelta(days=3 if sent_on else 0), 9),
    )
    author = member if spec.unasked else officer
    steps: list[tuple[str, dt.datetime, User]] = [(Status.DRAFT, request.created_at, author)]
    if sent_on is not None:
        assert request.decision_on is not None
        request.sent_at = _at(sent_on)
        request.term_days, request.due_on, request.consulted_in_time = term_of(
            municipality_id=municipality.pk, sent_on=sent_on, decision_on=request.decision_on
        )
        request.status = Status.SENT
        steps.append((Status.SENT, request.sent_at, officer))
    if spec.extension is not None and request.due_on is not None:
        asked, longer, granted = spec.extension
        assert sent_on is not None
        TermExtension.objects.create(
            request=request,
            until=request.due_on + dt.timedelta(days=longer),
            reason="De raad vergadert pas na de uiterste datum.",
            requested_at=_at(sent_on + dt.timedelta(days=asked)),
            requested_by=member,
            granted=granted,
            decided_at=_at(sent_on + dt.timedelta(days=asked + 1)),
            decided_by=officer,
            previous_due_on=request.due_on,
        )
        if granted:
            request.due_on = request.due_on + dt.timedelta(days=longer)
    if spec.advised_after is not None:
        request.advised_at = _at(start + dt.timedelta(days=spec.advised_after), 16)
        request.advised_by = member
        request.advised_late = bool(request.due_on and request.advised_at.date() > request.due_on)
        request.advice_introduction = spec.introduction
        request.status = Status.ADVISED
        steps.append((Status.ADVISED, request.advised_at, member))
    if spec.answered_after is not None:
        request.answered_at = _at(start + dt.timedelta(days=spec.answered_after), 11)
        request.response_letter = spec.letter
        request.status = Status.ANSWERED
        steps.append((Status.ANSWERED, request.answered_at, officer))
    request.updated_at = steps[-1][1]
    request.version = len(steps)
    request.save()
    previous = ""
    for status, when, who in steps:
        AdviceRequestStatusChange.objects.create(
            request=request, from_status=previous, to_status=status, changed_at=when, changed_by=who
        )
        previous = status
    if spec.advised_after is not None:
        Recommendation.objects.bulk_create(
            Recommendation(
                request=request,
                number=number,
                text=rec.text,
                explanation=rec.explanation,
                response=rec.response if spec.answered_after is not None else "",
                response_reasons=rec.reasons if spec.answered_after is not None else "",
            )
            for number, rec in enumerate(spec.recommendations, start=1)
        )
    if spec.document:
        data = _document(spec.document, spec.question)
        name = document_storage().save(
            f"council/{request.pk}/{uuid.uuid4().hex}.docx", ContentFile(data)
        )
        AdviceAttachment.objects.create(
            request=request,
            file=name,
            name=f"{spec.document}.docx",
            content_type=filetypes.DOCX.content_type,
            size=len(data),
            uploaded_at=request.created_at,
            uploaded_by=officer,
        )
    return request


def create_council_advice(
    *,
    municipalities: list[Municipality],
    policy_officers: dict[int, User],
    council_members: dict[int, list[User]],
    anchor: dt.date,
) -> int:
    """The advice requests of the demo; how many were made."""
    made = 0
    main = municipalities[0]
    council = council_of_municipality(main.pk)
    if council is None:
        return 0
    officer, member = policy_officers[main.pk], council_members[council.pk][0]
    for spec in AMSTERDAM_SPECS:
        _make(spec, municipality=main, council=council, officer=officer, member=member, base=anchor)
        made += 1
    _make(
        WAITING,
        municipality=main,
        council=council,
        officer=officer,
        member=member,
        base=clock.today(),
    )
    made += 1
    for municipality, spec in zip(municipalities[1:], NEIGHBOUR_SPECS, strict=False):
        neighbour = council_of_municipality(municipality.pk)
        if neighbour is None or not council_members.get(neighbour.pk):
            continue
        _make(
            spec,
            municipality=municipality,
            council=neighbour,
            officer=policy_officers[municipality.pk],
            member=council_members[neighbour.pk][0],
            base=anchor,
        )
        made += 1
    return made
