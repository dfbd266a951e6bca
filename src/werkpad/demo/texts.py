"""Short Dutch profile texts for demo job seekers (JS4), drawn in combinations.

Limitations are functional limitations only, never a diagnosis, as the real
field demands.
"""

from __future__ import annotations

#: Work-experience lines, each with the years of work it takes at least.
WORK_EXPERIENCE = (
    ("Vijf jaar orderpicker in een distributiecentrum.", 5),
    ("Schoonmaakwerk in kantoren, in de avonduren.", 1),
    ("Kassamedewerker bij een supermarkt.", 1),
    ("Bezorger voor een maaltijdservice.", 1),
    ("Productiemedewerker in een voedingsmiddelenfabriek.", 1),
    ("Afwasser en hulpkok in een restaurant.", 1),
    ("Thuiszorg als helpende, drie jaar.", 3),
    ("Administratief medewerker bij een woningcorporatie.", 1),
    ("Beveiliger bij evenementen.", 1),
    ("Chauffeur met rijbewijs C, tot de rugklachten.", 2),
    ("Medewerker groenvoorziening via een uitzendbureau.", 1),
    ("Twee jaar zelfstandig kapper, daarna de zaak gesloten.", 2),
    ("Callcentermedewerker, klantenservice energie.", 1),
    ("Vakkenvuller en later teamleider in de nachtploeg.", 2),
)

WISHES = (
    "Wil graag in de zorg werken, het liefst met ouderen.",
    "Zoekt werk buiten, bijvoorbeeld in de groenvoorziening.",
    "Wil parttime werken, tijdens schooltijden.",
    "Wil terug naar de horeca, in de keuken.",
    "Zoekt een vaste baan in de logistiek.",
    "Wil een opleiding tot doktersassistent afronden.",
    "Wil als zelfstandige een klein naaiatelier beginnen.",
    "Wil eerst vrijwilligerswerk doen om weer ritme op te bouwen.",
    "Zoekt administratief werk, achter de computer.",
    "Wil met kinderen werken, bijvoorbeeld als onderwijsassistent.",
    "Wil graag in de buurt werken, op de fiets bereikbaar.",
    "Zoekt werk in de techniek, heeft interesse in installatiewerk.",
)

KNOWLEDGE = (
    "Basiskennis Word en Excel.",
    "VCA-basis behaald.",
    "Heftruckcertificaat, verlopen.",
    "Spreekt Nederlands op niveau B1, Engels goed.",
    "Kennis van HACCP uit de horeca.",
    "Diploma mbo 2 helpende zorg en welzijn.",
    "Startkwalificatie ontbreekt.",
    "Rijbewijs B.",
    "Kennis van kassasystemen en voorraadbeheer.",
    "Taalcursus Nederlands gevolgd bij de bibliotheek.",
)

SKILLS = (
    "Punctueel en betrouwbaar.",
    "Werkt graag met de handen.",
    "Goed in contact met klanten.",
    "Kan zelfstandig werken.",
    "Werkt nauwkeurig en netjes.",
    "Handig met computers.",
    "Rustig en geduldig, ook met lastige mensen.",
    "Sterk in plannen en organiseren.",
    "Kan goed in een team werken.",
    "Creatief en oplossingsgericht.",
)

POSSIBILITIES = (
    "Beschikbaar voor 24 uur per week.",
    "Beschikbaar voor 32 uur per week, niet in het weekend.",
    "Kan direct starten.",
    "Beschikbaar vanaf de zomer, na afronding van de schuldhulp.",
    "Kan ochtenden werken, 's middags mantelzorg.",
    "Fulltime beschikbaar.",
    "Kan met begeleiding 16 uur per week werken.",
    "Wil starten met een proefplaatsing.",
)

LIMITATIONS = (
    "Kan niet langer dan vier uur per dag werken.",
    "Geen zwaar tillen, hooguit tien kilo.",
    "Heeft een rustige werkplek met weinig prikkels nodig.",
    "Kan niet lang achter elkaar staan.",
    "Beperkt in het gebruik van de rechterhand.",
    "Heeft vaste pauzes nodig.",
    "Geen werk op hoogte.",
    "Kan niet werken in nachtdiensten.",
    "Heeft duidelijke, schriftelijke instructies nodig.",
)

COMPETENCE_TESTS = (
    "Beroepskeuzetest: voorkeur voor praktische en sociale beroepen.",
    "Werkfit-assessment: sterk in zorgvuldigheid, aandachtspunt tempo.",
    "Taaltoets Nederlands: niveau A2 schriftelijk, B1 mondeling.",
    "Rekentoets: niveau 2F.",
    "Capaciteitentest: gemiddeld, sterk ruimtelijk inzicht.",
    "Arbeidsmarktscan: goede kansen in logistiek en schoonmaak.",
)

COACH_PREFERENCES = (
    "Liever een vrouwelijke coach.",
    "Liever een coach met ervaring met oudere werkzoekenden.",
    "Graag een vaste coach, niet steeds iemand anders.",
    "Liever een coach die ook Engels spreekt.",
    "Graag afspraken in de buurt, niet in het centrum.",
)

#: Why a job seeker went up to a rung, per rung reached.
RUNG_UP = {
    2: ("Periodieke meting: meer contacten buitenshuis.", "Gaat weer naar het buurthuis."),
    3: (
        "Neemt deel aan een taalcursus in de wijk.",
        "Gestart met dagbesteding.",
        "Doet mee aan een activeringstraject.",
    ),
    4: ("Gestart met vrijwilligerswerk.", "Gestart met een werkervaringsplek."),
    5: ("Parttime werk gevonden met loonkostensubsidie.", "Aan het werk met een jobcoach."),
    6: ("Werk gevonden zonder ondersteuning.", "Loonkostensubsidie beëindigd, werkt zelfstandig."),
}

RUNG_DOWN = (
    "Periodieke meting: gestopt met de dagbesteding.",
    "Werkervaringsplek beëindigd om gezondheidsredenen.",
    "Tijdelijk contract niet verlengd.",
    "Periodieke meting: minder activiteiten door mantelzorg.",
)

INTAKE = "intake"
