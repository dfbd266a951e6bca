"""The demo's providers, their programme catalogue and each municipality's instruments.

The provider organisations of ``data.ORGANISATIONS`` become registered
providers: three for the main municipality and one for each of the others, so
that every municipality has programmes to refer to. One certification expires
within the warning period, so the policy officer's worklist shows it. The
programmes spread over both lots, every rung, target group and format. Everything is fixed data: the same for every seed,
with dates counted from the demo's anchor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from werkpad.accounts.models import User
from werkpad.core.models import AuditEvent, Municipality, Organisation
from werkpad.instruments.models import Instrument
from werkpad.instruments.services import instrument_catalogue_seed
from werkpad.providers import services
from werkpad.providers.models import Provider


@dataclass(frozen=True)
class DemoProvider:
    key: str  # a DemoOrganisation key
    website: str
    certification_days: int  # from the anchor; within 60 days: a warning in the worklist
    affiliated: tuple[str, ...] = ()  # DemoOrganisation keys of employers
    subcontractors: tuple[str, ...] = ()  # DemoProvider keys
    complaint_regulation: str = ""
    privacy_statement: str = ""


PROVIDERS = (
    DemoProvider(
        "provider-1",
        "https://www.amstelwerk.example",
        certification_days=40,
        affiliated=("employer-3",),
        complaint_regulation=(
            "Bent u niet tevreden over uw begeleider of over ons? Zeg het eerst tegen uw "
            "begeleider. Komt u er samen niet uit? Stuur dan een e-mail naar "
            "klachten@amstelwerk.example of bel 020-5550141. Binnen een week hoort u wie uw "
            "klacht behandelt; binnen zes weken krijgt u een schriftelijk antwoord."
        ),
        privacy_statement=(
            "Amstelwerk bewaart alleen de gegevens die nodig zijn voor uw traject. Na het "
            "traject bewaren wij uw dossier twee jaar; daarna vernietigen wij het."
        ),
    ),
    DemoProvider(
        "provider-2",
        "https://www.stapsteen.example",
        certification_days=420,
        subcontractors=("provider-3",),
        complaint_regulation=(
            "Heeft u een klacht? Vul het klachtenformulier in op onze website of bel "
            "020-5550177 en vraag naar de klachtenfunctionaris. U krijgt binnen vijf werkdagen "
            "een bevestiging en binnen zes weken een antwoord. Bent u het daarna niet eens met "
            "ons antwoord, dan kunt u naar de onafhankelijke klachtencommissie van Blik op Werk."
        ),
        privacy_statement=(
            "Stapsteen deelt uw gegevens alleen met de gemeente en, als u dat goed vindt, met "
            "een werkgever. U mag altijd vragen welke gegevens wij van u hebben."
        ),
    ),
    DemoProvider(
        "provider-3",
        "https://www.werkbrug.example",
        certification_days=610,
        complaint_regulation=(
            "Praat eerst met uw coach. Lukt dat niet, mail dan naar klacht@werkbrug.example. "
            "Een collega die niet bij uw traject betrokken is, belt u binnen een week."
        ),
        privacy_statement=(
            "De Werkbrug gebruikt uw gegevens alleen voor uw traject en geeft gegevens over uw "
            "gezondheid nooit door aan een werkgever."
        ),
    ),
    DemoProvider(
        "provider-4",
        "https://www.diemenwerkt.example",
        certification_days=540,
        complaint_regulation=(
            "Niet tevreden? Bel of mail uw coach. Komt u er samen niet uit, mail dan naar "
            "klacht@diemenwerkt.example. U krijgt binnen zes weken een antwoord."
        ),
        privacy_statement=(
            "Diemen Werkt gebruikt uw gegevens alleen voor uw traject en bewaart ze twee jaar "
            "na het einde ervan."
        ),
    ),
    DemoProvider(
        "provider-5",
        "https://www.amstellandactivering.example",
        certification_days=700,
        complaint_regulation=(
            "Heeft u een klacht? Bel 020-5550418 en vraag naar de klachtenfunctionaris. Binnen "
            "zes weken krijgt u een schriftelijk antwoord."
        ),
        privacy_statement=(
            "Amstelland Activering deelt uw gegevens alleen met de gemeente. Gegevens over uw "
            "gezondheid delen wij alleen als u dat goed vindt."
        ),
    ),
)


@dataclass(frozen=True)
class DemoProgramme:
    provider: str
    name: str
    lot: int
    rungs: tuple[int, int]
    weeks: int
    price: int
    format: str
    summary: str
    goal: str
    content: str
    target_groups: tuple[str, ...] = ("everyone",)
    expertise: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()
    schooling_level: str = ""
    job_guarantee: str = ""  # the terms, when a job is promised
    #: None: the programme follows its municipality's progress report interval.
    report_weeks: int | None = None
    active: bool = True


P1, P2, P3, P4, P5 = "provider-1", "provider-2", "provider-3", "provider-4", "provider-5"
WORK, SOCIAL = 1, 2

#: The offer of a small municipality's own provider, every rung served; ``{place}`` in a
#: name is the municipality.
LOCAL_OFFER = (
    DemoProgramme(
        "",
        "Dagbesteding {place}",
        SOCIAL,
        (1, 2),
        26,
        2000,
        "group",
        "U komt een paar ochtenden per week naar onze ontmoetingsplek. Zo krijgt u weer een vast ritme.",
        "Weer een vast dagritme en contact met anderen.",
        "Drie ochtenden per week meedoen in de werkplaats of de tuin, met een vaste begeleider.",
        ("everyone",),
        ("psychological",),
        ("volunteer_work",),
        "",
        "",
        8,
    ),
    DemoProgramme(
        "",
        "Meedoen in {place}",
        SOCIAL,
        (2, 4),
        26,
        1900,
        "individual",
        "Een coach zoekt met u vrijwilligerswerk of een werkervaringsplek in uw eigen dorp of wijk.",
        "Meedoen, mensen ontmoeten en ervaring opdoen.",
        "Een vaste coach, een vrijwilligersplek in de buurt en elke maand een gesprek over de volgende stap.",
        ("everyone",),
        (),
        ("volunteer_work", "learn_work_place"),
        "",
        "",
        6,
    ),
    DemoProgramme(
        "",
        "Werkervaring {place}",
        WORK,
        (3, 5),
        20,
        2800,
        "both",
        "U doet werkervaring op bij een werkgever in de buurt en krijgt hulp bij solliciteren.",
        "Een betaalde baan in de regio.",
        "Een werkervaringsplek van twaalf weken, daarna acht weken hulp bij solliciteren.",
        ("everyone",),
        (),
        ("learn_work_place", "application_training"),
        "",
        "Een arbeidscontract van minstens zes maanden als u de werkervaringsplek goed afrondt.",
    ),
    DemoProgramme(
        "",
        "Naar werk {place}",
        WORK,
        (5, 6),
        12,
        2300,
        "individual",
        "Een jobhunter zoekt met u vacatures die bij u passen en stelt u voor aan werkgevers.",
        "Een baan die past bij wat u kunt en wilt.",
        "Elke week een gesprek met uw jobhunter, die werkgevers in de regio benadert.",
        ("everyone",),
        (),
        ("application_training",),
    ),
    DemoProgramme(
        "",
        "Jong in {place}",
        WORK,
        (2, 5),
        16,
        2500,
        "both",
        "Voor jongeren tot 27 jaar. U ontdekt wat bij u past en gaat aan het werk of terug naar school.",
        "Werk of een opleiding.",
        "Een jongerencoach, snuffelstages bij werkgevers en hulp bij het kiezen van een opleiding.",
        ("young",),
        ("young",),
        ("internship", "schooling"),
    ),
)


def _local_offer(provider: str, place: str) -> tuple[DemoProgramme, ...]:
    return tuple(
        replace(spec, provider=provider, name=spec.name.format(place=place)) for spec in LOCAL_OFFER
    )


PROGRAMMES = (
    # --- lot 1: work ---------------------------------------------------------------
    DemoProgramme(
        P1,
        "Werkfit in de logistiek",
        WORK,
        (4, 5),
        16,
        3400,
        "both",
        "U leert het werk in een magazijn kennen en haalt uw heftruckcertificaat. Daarna gaat u aan de slag bij een werkgever.",
        "Een betaalde baan in de logistiek.",
        "Vier weken training in ons leerwerkbedrijf, het heftruckcertificaat en daarna een proefplaatsing van acht weken bij een logistiek bedrijf.",
        ("everyone",),
        (),
        ("training", "trial_placement"),
        "mbo 1",
        "Een arbeidscontract van minstens zes maanden als u de proefplaatsing goed afrondt.",
    ),
    DemoProgramme(
        P1,
        "Sollicitatiekracht",
        WORK,
        (5, 6),
        6,
        950,
        "group",
        "In een kleine groep oefent u met uw cv, een sollicitatiebrief en een gesprek.",
        "Zelf sterker solliciteren en binnen drie maanden op gesprek.",
        "Zes bijeenkomsten van een dagdeel in een groep van hoogstens acht mensen, met oefengesprekken met echte werkgevers.",
        ("everyone",),
        (),
        ("application_training",),
    ),
    DemoProgramme(
        P1,
        "Jobhunting op maat",
        WORK,
        (5, 6),
        12,
        2600,
        "individual",
        "Een jobhunter zoekt samen met u naar vacatures die bij u passen en stelt u voor aan werkgevers.",
        "Een baan die past bij wat u kunt en wilt.",
        "Wekelijks een gesprek met uw jobhunter, die actief werkgevers benadert. Geen groepsbijeenkomsten.",
        ("everyone", "higher_educated"),
        (),
        (),
        "",
        "",
        4,
    ),
    DemoProgramme(
        P1,
        "Vakkracht Schoonmaak",
        WORK,
        (4, 5),
        10,
        2100,
        "both",
        "U leert professioneel schoonmaken en haalt het diploma Basis Schoonmaak. Daarna werkt u bij een schoonmaakbedrijf.",
        "Een betaalde baan in de schoonmaak.",
        "Zes weken leren en werken, het diploma Basis Schoonmaak en vier weken werken met een jobcoach.",
        ("everyone", "language"),
        ("language",),
        ("learn_work_place", "job_coaching"),
        "geen vooropleiding nodig",
        "Een contract van minstens twaalf uur per week bij een schoonmaakbedrijf.",
    ),
    DemoProgramme(
        P1,
        "Horeca Startbaan",
        WORK,
        (4, 5),
        14,
        2900,
        "group",
        "U werkt en leert in een leerrestaurant. U krijgt een certificaat en hulp bij het vinden van werk in de horeca.",
        "Een betaalde baan in de horeca.",
        "Tien weken leren in ons leerrestaurant (keuken en bediening) en vier weken stage bij een horecabedrijf.",
        ("young", "everyone"),
        ("young",),
        ("learn_work_place", "internship"),
        "mbo 1",
    ),
    DemoProgramme(
        P1,
        "Zorg en welzijn: instromen",
        WORK,
        (4, 6),
        26,
        4800,
        "both",
        "U volgt een opleiding tot helpende zorg en welzijn en werkt tegelijk in een zorginstelling.",
        "Een baan in de zorg met een diploma op mbo-niveau 2.",
        "Een leerwerkplek bij een zorginstelling, drie dagen werken en een dag naar school.",
        ("everyone", "single_parents"),
        (),
        ("schooling", "learn_work_place", "childcare"),
        "mbo 2",
        "Een baan bij de zorginstelling na het behalen van het diploma.",
    ),
    DemoProgramme(
        P1,
        "Werk met loonkostensubsidie",
        WORK,
        (5, 5),
        26,
        3100,
        "individual",
        "Voor mensen die niet het hele minimumloon kunnen verdienen. U krijgt een baan; de werkgever krijgt een bijdrage in uw loon.",
        "Duurzaam werk bij een gewone werkgever.",
        "Wij zoeken een passende werkplek, regelen de loonwaardemeting en begeleiden u en uw werkgever met een jobcoach.",
        ("labour_disability",),
        ("labour_disability",),
        ("wage_cost_subsidy_lasting", "job_coaching", "workplace_adaptation"),
    ),
    DemoProgramme(
        P1,
        "Techniek Instap",
        WORK,
        (4, 5),
        20,
        3900,
        "group",
        "U leert de basis van installatietechniek in een praktijkwerkplaats en loopt stage bij een installateur.",
        "Een leerbaan of baan in de techniek.",
        "Twaalf weken praktijkwerkplaats, VCA-certificaat en acht weken stage.",
        ("young", "everyone"),
        ("young",),
        ("training", "internship"),
        "vmbo of mbo 1",
        "Een leerwerkbaan bij een installatiebedrijf als u de stage goed afrondt.",
    ),
    DemoProgramme(
        P1,
        "Bouw op je toekomst",
        WORK,
        (4, 5),
        18,
        3600,
        "both",
        "U leert werken op de bouwplaats en haalt uw VCA. Daarna gaat u aan het werk via een bouwbedrijf.",
        "Een betaalde baan in de bouw.",
        "Acht weken praktijkopleiding, het VCA-certificaat en tien weken werken met begeleiding.",
        ("everyone",),
        (),
        ("training", "sroi"),
        "geen vooropleiding nodig",
    ),
    DemoProgramme(
        P1,
        "Kansrijk beroep ICT",
        WORK,
        (5, 6),
        24,
        5200,
        "individual",
        "Een omscholing naar servicedesk-medewerker, met een erkend certificaat en een stage.",
        "Een baan in de ICT voor mensen die willen omscholen.",
        "Online en klassikale lessen in uw eigen tempo, een persoonlijke coach en een stage van zes weken.",
        ("higher_educated", "older"),
        ("older",),
        ("schooling", "internship"),
        "havo/mbo 4 of hoger",
        "",
        4,
        False,
    ),
    DemoProgramme(
        P2,
        "Ervaring telt (50+)",
        WORK,
        (5, 6),
        12,
        2400,
        "both",
        "Voor werkzoekenden van 50 jaar en ouder. Een ervaren coach helpt u laten zien wat u waard bent.",
        "Werk dat past bij uw ervaring.",
        "Individuele gesprekken met een coach van uw eigen generatie en bijeenkomsten met andere vijftigplussers; netwerken met werkgevers.",
        ("older",),
        ("older",),
        ("application_training", "no_risk_policy"),
    ),
    DemoProgramme(
        P2,
        "Hoger opgeleid aan het werk",
        WORK,
        (5, 6),
        16,
        3200,
        "individual",
        "Voor mensen met een hbo- of universitaire opleiding. U maakt een plan om snel werk op uw niveau te vinden.",
        "Een baan op niveau.",
        "Een persoonlijke loopbaancoach, een netwerkplan en introducties bij werkgevers in de regio.",
        ("higher_educated",),
        (),
        (),
        "hbo of wo",
    ),
    DemoProgramme(
        P2,
        "Job coaching na plaatsing",
        WORK,
        (5, 6),
        26,
        2800,
        "individual",
        "U heeft net een baan. Een jobcoach helpt u en uw werkgever zodat u uw baan houdt.",
        "Uw nieuwe baan houden.",
        "Een jobcoach komt op uw werk, eerst elke week, daarna minder. Ook uw werkgever kan de jobcoach bellen.",
        ("labour_disability", "psychological"),
        ("psychological", "labour_disability"),
        ("job_coaching",),
        "",
        "",
        8,
    ),
    DemoProgramme(
        P2,
        "Eigen baas",
        WORK,
        (5, 6),
        13,
        2500,
        "both",
        "Wilt u een eigen bedrijf beginnen? U maakt een ondernemingsplan en leert wat ondernemen vraagt.",
        "Een haalbaar plan voor een eigen bedrijf, of een bewuste keuze voor loondienst.",
        "Workshops over ondernemen, een persoonlijke begeleider en een toets van uw plan door een ervaren ondernemer.",
        ("everyone",),
        (),
        ("personal_budget",),
    ),
    DemoProgramme(
        P2,
        "Werkstart Nederlands",
        WORK,
        (3, 5),
        20,
        3000,
        "group",
        "U leert Nederlands op de werkvloer en doet werkervaring op. Zo wordt de stap naar een baan kleiner.",
        "Beter Nederlands spreken en een baan vinden.",
        "Twee dagen per week taalles gericht op werk, twee dagen werkervaring bij een werkgever.",
        ("language",),
        ("language",),
        ("training", "internship"),
    ),
    DemoProgramme(
        P2,
        "Jongeren aan de slag",
        WORK,
        (3, 5),
        16,
        2700,
        "group",
        "Voor jongeren tot 27 jaar. U ontdekt wat bij u past en gaat aan het werk of terug naar school.",
        "Werk of een opleiding.",
        "Groepsbijeenkomsten met andere jongeren, een persoonlijke coach en snuffelstages bij werkgevers.",
        ("young",),
        ("young",),
        ("internship", "schooling"),
        "",
        "Een leerbaan of een plek op een opleiding voor iedereen die het traject afmaakt.",
    ),
    DemoProgramme(
        P2,
        "Werk en schulden",
        WORK,
        (4, 5),
        20,
        3300,
        "individual",
        "U zoekt werk en krijgt tegelijk hulp om uw schulden op een rij te zetten.",
        "Werk vinden zonder dat geldzorgen in de weg zitten.",
        "Een coach voor werk en een schuldhulpmaatje. Samen maken zij met u één plan.",
        ("everyone",),
        ("debt",),
        ("debt_help", "application_training"),
    ),
    DemoProgramme(
        P2,
        "Alleenstaande ouders: werk en zorg",
        WORK,
        (4, 6),
        16,
        2900,
        "both",
        "Voor alleenstaande ouders. U zoekt werk dat te combineren is met de zorg voor uw kinderen.",
        "Een baan die past bij uw gezin.",
        "Gesprekken met een coach, hulp bij het regelen van kinderopvang en bijeenkomsten met andere ouders.",
        ("single_parents",),
        (),
        ("childcare", "application_training"),
    ),
    # --- lot 2: social activation and care ------------------------------------------
    DemoProgramme(
        P3,
        "Dagritme",
        SOCIAL,
        (1, 2),
        26,
        2200,
        "group",
        "U komt een paar ochtenden per week naar onze werkplaats. Zo krijgt u weer een vast ritme en ontmoet u andere mensen.",
        "Weer een vast dagritme en contact met anderen.",
        "Drie ochtenden per week meedoen in de werkplaats (hout, fietsen of tuin), met een vaste begeleider.",
        ("everyone", "psychological"),
        ("psychological",),
        ("volunteer_work",),
        "",
        "",
        8,
    ),
    DemoProgramme(
        P3,
        "Meedoen in de wijk",
        SOCIAL,
        (2, 3),
        26,
        1800,
        "group",
        "U doet vrijwilligerswerk in uw eigen buurt, bijvoorbeeld in een buurthuis of bij de voedselbank.",
        "Meedoen, mensen ontmoeten en ervaring opdoen.",
        "Een begeleider zoekt met u een vrijwilligersplek in de wijk en komt regelmatig langs.",
        ("everyone", "older"),
        ("older",),
        ("volunteer_work",),
        "",
        "",
        8,
    ),
    DemoProgramme(
        P3,
        "Stap voor stap",
        SOCIAL,
        (1, 3),
        39,
        4100,
        "individual",
        "Een coach komt bij u thuis. Samen kijkt u wat u nodig heeft om weer mee te doen.",
        "Stap voor stap weer meedoen in de maatschappij.",
        "Huisbezoeken door een vaste coach, hulp bij praktische zaken en samen de eerste stappen buiten de deur.",
        ("psychological",),
        ("psychological", "debt"),
        ("debt_help",),
        "",
        "",
        6,
    ),
    DemoProgramme(
        P3,
        "Groen aan het werk",
        SOCIAL,
        (2, 4),
        26,
        2600,
        "group",
        "U werkt buiten in een groene ploeg: in parken, tuinen en natuurgebieden.",
        "Buiten werken, een ritme opbouwen en de stap naar betaald werk voorbereiden.",
        "Vier dagdelen per week in een groenploeg met een werkbegeleider. Na drie maanden kijken we samen naar de volgende stap.",
        ("everyone", "labour_disability"),
        ("labour_disability",),
        ("learn_work_place", "volunteer_work"),
    ),
    DemoProgramme(
        P3,
        "Herstel en werk",
        SOCIAL,
        (2, 4),
        26,
        3800,
        "individual",
        "Voor mensen die herstellen van psychische klachten. In uw eigen tempo werkt u aan meedoen en later aan werk.",
        "Herstellen en weer grip krijgen op uw dag, met werk als doel op termijn.",
        "Begeleiding door een coach met ervaring in de ggz, samenwerking met uw behandelaar als u dat wilt, en een rustige werkplek.",
        ("psychological",),
        ("psychological",),
        ("job_coaching",),
        "",
        "",
        6,
    ),
    DemoProgramme(
        P3,
        "Taal en meedoen",
        SOCIAL,
        (1, 3),
        26,
        2000,
        "group",
        "U oefent Nederlands in gewone situaties, zoals bij de dokter of op school van uw kinderen.",
        "Beter Nederlands spreken en zelfstandig meedoen.",
        "Twee keer per week een taalgroep en een taalmaatje dat met u de stad in gaat.",
        ("language",),
        ("language",),
        ("training",),
    ),
    DemoProgramme(
        P3,
        "Werkervaringsplek De Kringloop",
        SOCIAL,
        (3, 4),
        26,
        2400,
        "group",
        "U werkt mee in een kringloopwinkel: in de winkel, het magazijn of de werkplaats.",
        "Werkervaring opdoen en de stap naar betaald werk voorbereiden.",
        "Werken in een team met een werkbegeleider; elke maand een gesprek over uw voortgang en uw volgende stap.",
        ("everyone", "labour_disability"),
        ("labour_disability",),
        ("learn_work_place",),
    ),
    DemoProgramme(
        P3,
        "Vrijwillig aan de slag 55+",
        SOCIAL,
        (2, 4),
        26,
        1500,
        "individual",
        "Voor mensen van 55 jaar en ouder. U vindt vrijwilligerswerk dat past bij uw ervaring.",
        "Zinvol meedoen en uw ervaring inzetten.",
        "Een coach zoekt met u een vrijwilligersplek en blijft bereikbaar voor vragen.",
        ("older",),
        ("older",),
        ("volunteer_work",),
        "",
        "",
        8,
    ),
    DemoProgramme(
        P2,
        "Activering met zorg",
        SOCIAL,
        (1, 2),
        26,
        3500,
        "individual",
        "Voor mensen met meerdere problemen tegelijk. Eén coach helpt u met geld, gezondheid en meedoen.",
        "Rust en overzicht, zodat u weer kunt meedoen.",
        "Eén vaste coach die samenwerkt met schuldhulp, wijkteam en zorg. Geen groepsbijeenkomsten.",
        ("psychological", "everyone"),
        ("psychological", "debt"),
        ("debt_help",),
        "",
        "",
        6,
    ),
    DemoProgramme(
        P2,
        "Moeders aan zet",
        SOCIAL,
        (2, 3),
        20,
        1900,
        "group",
        "Voor moeders die lang thuis zijn geweest. In een groep werkt u aan zelfvertrouwen en aan uw volgende stap.",
        "Meer zelfvertrouwen en een eerste stap naar vrijwilligerswerk, opleiding of werk.",
        "Wekelijkse groepsbijeenkomsten met kinderopvang, en een persoonlijk gesprek per maand.",
        ("single_parents", "language"),
        (),
        ("childcare", "volunteer_work"),
    ),
    DemoProgramme(
        P1,
        "Jong en op weg",
        SOCIAL,
        (2, 3),
        20,
        2300,
        "both",
        "Voor jongeren die even niet weten hoe het verder moet. U krijgt een coach en doet mee aan activiteiten.",
        "Weer een doel hebben: school, werk of vrijwilligerswerk.",
        "Een vaste jongerencoach, sport- en groepsactiviteiten en hulp bij praktische zaken.",
        ("young",),
        ("young",),
        ("volunteer_work",),
    ),
    DemoProgramme(
        P1,
        "Werkplaats Noord",
        SOCIAL,
        (3, 4),
        26,
        2700,
        "group",
        "U werkt in een werkplaats aan echte opdrachten voor bedrijven, met begeleiding.",
        "Werknemersvaardigheden opdoen en doorstromen naar betaald werk.",
        "Werken in een productieteam, elke week een voortgangsgesprek en na drie maanden een stage buiten de werkplaats.",
        ("labour_disability", "everyone"),
        ("labour_disability",),
        ("learn_work_place", "internship"),
    ),
    DemoProgramme(
        P3,
        "Fietsenwerkplaats",
        SOCIAL,
        (2, 4),
        26,
        2100,
        "group",
        "U leert fietsen repareren in onze werkplaats. U werkt in een kleine groep met een vaste begeleider.",
        "Een ritme opbouwen, een vak leren en meedoen.",
        "Drie dagdelen per week in de werkplaats; wie wil, haalt het certificaat Fietstechnicus niveau 1.",
        ("everyone", "young"),
        ("young",),
        ("training",),
        "",
        "",
        8,
        False,
    ),
    # --- the providers of Diemen and Ouder-Amstel: every rung served ------------------
    *_local_offer(P4, "Diemen"),
    *_local_offer(P5, "Ouder-Amstel"),
)


def _programme_data(spec: DemoProgramme, instruments: dict[str, Instrument]) -> dict:
    return {
        "name": spec.name,
        "lot": spec.lot,
        "goal": spec.goal,
        "content": spec.content,
        "plain_summary": spec.summary,
        "target_groups": list(spec.target_groups),
        "rung_from": spec.rungs[0],
        "rung_to": spec.rungs[1],
        "duration_weeks": spec.weeks,
        "price": Decimal(spec.price),
        "format": spec.format,
        "schooling_level": spec.schooling_level,
        "job_guarantee": bool(spec.job_guarantee),
        "job_guarantee_terms": spec.job_guarantee,
        "staff_expertise": list(spec.expertise),
        "report_interval_weeks": spec.report_weeks,
        "instruments": [instruments[kind] for kind in spec.instruments],
        "active": spec.active,
    }


def create_catalogue(
    *, organisations: dict[str, Organisation], users: dict[int, User], anchor: dt.date
) -> None:
    """Seed every municipality's instruments, then register the providers and their
    programmes through the catalogue services, each as the policy officer of its
    municipality (``users``: municipality pk -> user)."""
    for municipality in Municipality.objects.order_by("pk"):
        instrument_catalogue_seed(municipality=municipality, origin=AuditEvent.Origin.CLI)
    providers: dict[str, Provider] = {}
    for spec in PROVIDERS:
        organisation = organisations[spec.key]
        providers[spec.key] = services.provider_create(
            user=users[organisation.municipality_id],
            organisation=organisation,
            data={
                "website": spec.website,
                "certified": True,
                "certification_expires_on": anchor + dt.timedelta(days=spec.certification_days),
                "complaint_regulation": spec.complaint_regulation,
                "privacy_statement": spec.privacy_statement,
                "affiliated_organisations": [organisations[key] for key in spec.affiliated],
            },
        )
    for spec in PROVIDERS:
        if spec.subcontractors:
            provider = providers[spec.key]
            services.provider_update(
                user=users[provider.municipality_id],
                provider_id=provider.pk,
                expected_version=provider.version,
                data={"subcontractors": [providers[key] for key in spec.subcontractors]},
            )
    for programme_spec in PROGRAMMES:
        provider = providers[programme_spec.provider]
        instruments = {
            i.type: i for i in Instrument.objects.filter(municipality_id=provider.municipality_id)
        }
        services.programme_create(
            user=users[provider.municipality_id],
            provider=provider,
            data=_programme_data(programme_spec, instruments),
        )
