"""The fixed cast of the demo: region, municipalities, organisations and role users.

The municipalities and their CBS codes are real (CBS, Gemeentelijke indeling 2024;
all three belong to labour-market region AM10 Groot Amsterdam); the postcodes are
the real ranges of their places. Providers, employers, the advisor's office and
every person are made up.
"""

from __future__ import annotations

from dataclasses import dataclass

from werkpad.core.models import Organisation
from werkpad.core.permissions import Role

#: The password every demo user shares. Only for demo and bench databases.
DEMO_PASSWORD = "werkpad-demo"

#: The default seed: the same seed gives the same data.
DEFAULT_SEED = 2024

#: Number of job seekers per size.
SIZES = {"small": 500, "medium": 20_000, "large": 200_000}

#: Job seekers who left the file in the demo's three years, per job seeker still in it
#: (a municipality's yearly outflow is about half its file), at most ``FORMER_MOST`` per
#: municipality; each drawn as they stood 9 to 30 months before the anchor.
FORMER_PER_CURRENT = 4
FORMER_MOST = 3_000
FORMER_MONTHS_BACK = (9, 30)

#: The shipped labour-market region the demo municipalities belong to.
REGION_CODE = "AM10"


@dataclass(frozen=True)
class Place:
    name: str
    postcodes: tuple[int, int]  # first and last four-digit postcode, inclusive


@dataclass(frozen=True)
class DemoMunicipality:
    name: str
    cbs_code: str
    share: float  # of the demo's job seekers
    places: tuple[Place, ...]
    email_domain: str


#: The first one is the main municipality: the largest, where the role users work.
MUNICIPALITIES = (
    DemoMunicipality(
        "Amsterdam",
        "GM0363",
        0.86,
        (Place("Amsterdam", (1011, 1109)),),
        "amsterdam.example",
    ),
    DemoMunicipality(
        "Diemen",
        "GM0384",
        0.09,
        (Place("Diemen", (1111, 1113)),),
        "diemen.example",
    ),
    DemoMunicipality(
        "Ouder-Amstel",
        "GM0437",
        0.05,
        (Place("Ouderkerk aan de Amstel", (1191, 1191)), Place("Duivendrecht", (1115, 1115))),
        "ouder-amstel.example",
    ),
)


@dataclass(frozen=True)
class DemoOrganisation:
    key: str
    name: str
    kind: str
    kvk_number: str = ""
    email: str = ""
    phone: str = ""
    municipality: int = 0  # index in MUNICIPALITIES of the municipality it works for


#: Organisations besides the municipalities; most work for the main municipality, one
#: provider for each of the others.
ORGANISATIONS = (
    DemoOrganisation(
        "provider-1",
        "Amstelwerk Re-integratie B.V.",
        Organisation.Kind.PROVIDER,
        "81734592",
        "info@amstelwerk.example",
        "020-5550141",
    ),
    DemoOrganisation(
        "provider-2",
        "Stapsteen Werk & Coaching",
        Organisation.Kind.PROVIDER,
        "74019268",
        "contact@stapsteen.example",
        "020-5550177",
    ),
    DemoOrganisation(
        "provider-3",
        "De Werkbrug Noord-Holland",
        Organisation.Kind.PROVIDER,
        "69358104",
        "hallo@werkbrug.example",
        "020-5550193",
    ),
    DemoOrganisation(
        "provider-4",
        "Diemen Werkt Stichting",
        Organisation.Kind.PROVIDER,
        "80462917",
        "info@diemenwerkt.example",
        "020-5550391",
        municipality=1,
    ),
    DemoOrganisation(
        "provider-5",
        "Amstelland Activering B.V.",
        Organisation.Kind.PROVIDER,
        "77315048",
        "contact@amstellandactivering.example",
        "020-5550418",
        municipality=2,
    ),
    DemoOrganisation(
        "employer-1",
        "Bakkerij Van der Molen B.V.",
        Organisation.Kind.EMPLOYER,
        "33817462",
        "personeel@vandermolen.example",
        "020-5550212",
    ),
    DemoOrganisation(
        "employer-2",
        "Schoonmaakbedrijf Helder B.V.",
        Organisation.Kind.EMPLOYER,
        "58204731",
        "werken@helder.example",
        "020-5550236",
    ),
    DemoOrganisation(
        "employer-3",
        "Logistiek Centrum Westpoort B.V.",
        Organisation.Kind.EMPLOYER,
        "62947105",
        "hr@lcwestpoort.example",
        "020-5550258",
    ),
    DemoOrganisation(
        "employer-4",
        "Zorggroep Amstelzicht",
        Organisation.Kind.EMPLOYER,
        "41173986",
        "vacatures@amstelzicht.example",
        "020-5550274",
    ),
    DemoOrganisation(
        "employer-5",
        "Hotel De Blauwe Gracht",
        Organisation.Kind.EMPLOYER,
        "70536219",
        "jobs@blauwegracht.example",
        "020-5550289",
    ),
    DemoOrganisation(
        "employer-6",
        "Groenbeheer Diemen B.V.",
        Organisation.Kind.EMPLOYER,
        "86420357",
        "info@groenbeheerdiemen.example",
        "020-5550297",
    ),
    DemoOrganisation(
        "employer-7",
        "Supermarkt Oosterpark B.V.",
        Organisation.Kind.EMPLOYER,
        "29475318",
        "werken@supermarktoosterpark.example",
        "020-5550311",
    ),
    DemoOrganisation(
        "employer-8",
        "Bouwbedrijf Noord B.V.",
        Organisation.Kind.EMPLOYER,
        "53186402",
        "personeelszaken@bouwnoord.example",
        "020-5550327",
    ),
    DemoOrganisation(
        "employer-9",
        "Metaalbewerking Westhaven B.V.",
        Organisation.Kind.EMPLOYER,
        "67304185",
        "hr@metaalwesthaven.example",
        "020-5550343",
    ),
    DemoOrganisation(
        "council",
        "Cliëntenraad Werk en Inkomen Amsterdam",
        Organisation.Kind.COUNCIL,
        "",
        "secretariaat@clientenraad.example",
        "020-5550315",
    ),
    DemoOrganisation(
        "council-diemen",
        "Participatieraad Diemen",
        Organisation.Kind.COUNCIL,
        "",
        "participatieraad@diemen.example",
        "020-5550351",
        municipality=1,
    ),
    DemoOrganisation(
        "council-ouder-amstel",
        "Adviesraad Sociaal Domein Ouder-Amstel",
        Organisation.Kind.COUNCIL,
        "",
        "adviesraad@ouder-amstel.example",
        "020-5550367",
        municipality=2,
    ),
    DemoOrganisation(
        "advisor-office",
        "Bureau Onafhankelijk Arbeidsadvies Amstel",
        Organisation.Kind.ADVISOR_OFFICE,
        "52689140",
        "advies@boaa.example",
        "020-5550332",
    ),
)


@dataclass(frozen=True)
class RoleUser:
    username: str
    role: str
    organisation: str  # a DemoOrganisation key, or "main" for the main municipality


#: One login per role. The coach works for the provider of lot 2 (social activation).
ROLE_USERS = (
    RoleUser("klantmanager", Role.CASEWORKER, "main"),
    RoleUser("coach", Role.COACH, "provider-3"),
    RoleUser("werkgeversadviseur", Role.EMPLOYER_ADVISOR, "main"),
    RoleUser("werkgever", Role.EMPLOYER, "employer-1"),
    RoleUser("adviseur", Role.ADVISOR, "advisor-office"),
    RoleUser("klachtbehandelaar", Role.COMPLAINT_HANDLER, "main"),
    RoleUser("klachten-werkbrug", Role.COMPLAINT_HANDLER, "provider-3"),
    RoleUser("raadslid", Role.COUNCIL_MEMBER, "council"),
    RoleUser("beleid", Role.POLICY_OFFICER, "main"),
    RoleUser("beheer", Role.FUNCTIONAL_ADMIN, "main"),
)

#: The login linked to a job seeker of klantmanager's caseload.
JOB_SEEKER_USERNAME = "werkzoekende"

#: klantmanager's caseload; the other caseworkers share the rest.
MAIN_CASELOAD = 80

#: About how many job seekers each further caseworker holds.
CASELOAD = 100

#: Coaches per provider besides the ``coach`` login.
COACHES_PER_PROVIDER = 2

#: Members of each client council besides the ``raadslid`` login.
COUNCIL_MEMBERS = 3
