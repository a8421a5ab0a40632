"""The names of the model's controlled vocabularies in Finnish, Swedish and English.

The enum values (``municipal_body``, ``social_health``...) are the file
format's words; these labels are what a person reads in a message.

>>> from lape.model import ActorKind, Sector
>>> label(ActorKind.PARISH, "sv"), label(Sector.SOCIAL_HEALTH, "fi")
('församling', 'sosiaali- ja terveystoimi')
"""

from __future__ import annotations

import enum

from lape.model._actors import ActorKind
from lape.model._checks import Severity
from lape.model._documents import DocumentKind
from lape.model._funding import GrantKind, Priority, Programme
from lape.model._groups import GroupKind, MemberRole
from lape.model._services import Involvement, NetworkKind, Responsibility
from lape.model._text import Lang, Text
from lape.model._vocabulary import Level, Sector, TargetGroup

__all__ = ["label"]

_LABELS: dict[enum.Enum, Text] = {
    ActorKind.MUNICIPALITY: Text("kunta", "kommun", "municipality"),
    ActorKind.MUNICIPAL_BODY: Text("kunnan toimiala", "kommunal förvaltning", "municipal body"),
    ActorKind.JOINT_MUNICIPAL_AUTHORITY: Text(
        "kuntayhtymä", "samkommun", "joint municipal authority"
    ),
    ActorKind.HOSPITAL_DISTRICT: Text(
        "sairaanhoitopiiri", "sjukvårdsdistrikt", "hospital district"
    ),
    ActorKind.REGIONAL_COUNCIL: Text("maakunnan liitto", "landskapsförbund", "regional council"),
    ActorKind.WELLBEING_SERVICES_COUNTY: Text(
        "hyvinvointialue", "välfärdsområde", "wellbeing services county"
    ),
    ActorKind.ORGANISATION: Text("järjestö", "organisation", "organisation"),
    ActorKind.PARISH: Text("seurakunta", "församling", "parish"),
    ActorKind.EDUCATIONAL_INSTITUTION: Text(
        "oppilaitos", "läroinrättning", "educational institution"
    ),
    ActorKind.COMPETENCE_CENTRE: Text(
        "sosiaalialan osaamiskeskus", "kompetenscentrum", "competence centre"
    ),
    ActorKind.YOUTH_COUNCIL: Text("nuorisovaltuusto", "ungdomsfullmäktige", "youth council"),
    ActorKind.COUNTY_YOUTH_COUNCIL: Text(
        "aluenuorisovaltuusto", "välfärdsområdets ungdomsfullmäktige", "county youth council"
    ),
    ActorKind.EXPERIENCE_EXPERT: Text(
        "kokemusasiantuntija", "erfarenhetsexpert", "experience expert"
    ),
    ActorKind.CLIENT_PANEL: Text("asiakasraati", "klientråd", "client panel"),
    ActorKind.MINISTRY: Text("ministeriö", "ministerium", "ministry"),
    ActorKind.GOVERNMENT_AGENCY: Text("virasto", "ämbetsverk", "government agency"),
    ActorKind.ASSOCIATION_OF_MUNICIPALITIES: Text(
        "Kuntaliitto", "Kommunförbundet", "Association of Finnish Municipalities"
    ),
    ActorKind.COMPANY: Text("yritys", "företag", "company"),
    ActorKind.OTHER: Text("muu", "annan", "other"),
    Sector.SOCIAL_HEALTH: Text(
        "sosiaali- ja terveystoimi", "social- och hälsovårdsväsendet", "social and health sector"
    ),
    Sector.EDUCATION_YOUTH: Text(
        "sivistys- ja nuorisotoimi", "bildnings- och ungdomsväsendet", "education and youth sector"
    ),
    Sector.CULTURE_LEISURE: Text(
        "kulttuuri- ja vapaa-aikatoimi", "kultur och fritid", "culture and leisure"
    ),
    Sector.EMPLOYMENT: Text(
        "työllisyys- ja elinkeinotoimi", "sysselsättning och näringsliv", "employment"
    ),
    Sector.POLICE_JUSTICE: Text(
        "poliisi ja oikeustoimi", "polis och rättsväsende", "police and justice"
    ),
    Sector.HOUSING: Text("asuntotoimi", "bostadsväsendet", "housing"),
    Sector.ADMINISTRATION: Text("yleishallinto", "allmän förvaltning", "general administration"),
    Sector.CHURCH: Text("seurakuntatyö", "församlingsarbete", "church"),
    Sector.CIVIL_SOCIETY: Text("järjestötyö", "organisationsarbete", "civil society"),
    TargetGroup.CHILDREN: Text("lapset", "barn", "children"),
    TargetGroup.YOUNG_PEOPLE: Text("nuoret", "unga", "young people"),
    TargetGroup.FAMILIES: Text("perheet", "familjer", "families"),
    TargetGroup.PARENTS: Text("vanhemmat", "föräldrar", "parents"),
    TargetGroup.ADULTS: Text("aikuiset", "vuxna", "adults"),
    TargetGroup.OLDER_PEOPLE: Text("ikääntyneet", "äldre", "older people"),
    TargetGroup.EVERYONE: Text("kaikki", "alla", "everyone"),
    Level.LOCAL: Text("paikallinen", "lokal", "local"),
    Level.REGIONAL: Text("alueellinen", "regional", "regional"),
    Level.NATIONAL: Text("valtakunnallinen", "nationell", "national"),
    GroupKind.MUNICIPAL: Text("kunnan lape-ryhmä", "kommunens grupp", "municipal group"),
    GroupKind.REGIONAL: Text("maakunnan lape-ryhmä", "landskapets grupp", "regional group"),
    GroupKind.NATIONAL: Text(
        "ohjelman kansallinen johto",
        "programmets nationella ledning",
        "national programme leadership",
    ),
    GroupKind.REFORM_PREPARATION: Text(
        "sote-uudistuksen valmistelu", "beredningen av vårdreformen", "reform preparation"
    ),
    GroupKind.OTHER: Text("muu ryhmä", "annan grupp", "other group"),
    MemberRole.CHAIR: Text("puheenjohtaja", "ordförande", "chair"),
    MemberRole.VICE_CHAIR: Text("varapuheenjohtaja", "vice ordförande", "vice chair"),
    MemberRole.MEMBER: Text("jäsen", "medlem", "member"),
    MemberRole.SECRETARY: Text("sihteeri", "sekreterare", "secretary"),
    MemberRole.EXPERT: Text("asiantuntija", "sakkunnig", "expert"),
    MemberRole.YOUTH_REPRESENTATIVE: Text(
        "nuorten edustaja", "representant för de unga", "youth representative"
    ),
    MemberRole.OBSERVER: Text("tarkkailija", "observatör", "observer"),
    GrantKind.STATE_SUBSIDY: Text("valtionavustus", "statsunderstöd", "state subsidy"),
    GrantKind.START_UP_GRANT: Text("käynnistysavustus", "startbidrag", "start-up grant"),
    GrantKind.CHANGE_AGENT_SUBSIDY: Text(
        "muutosagenttiavustus", "understöd för förändringsagenter", "change-agent subsidy"
    ),
    GrantKind.OTHER: Text("muu", "annan", "other"),
    Programme.LAPE: Text("LAPE", "LAPE", "LAPE"),
    Programme.CHILD_STRATEGY: Text("lapsistrategia", "barnstrategin", "child strategy"),
    Programme.FUTURE_HEALTH_SOCIAL_CENTRES: Text(
        "tulevaisuuden sosiaali- ja terveyskeskus",
        "framtidens social- och hälsocentral",
        "Future Health and Social Services Centres",
    ),
    Programme.OTHER: Text("muu", "annat", "other"),
    Priority.FAMILY_CENTRES: Text(
        "perhekeskukset ja varhainen tuki",
        "familjecenter och tidigt stöd",
        "family centres and early support",
    ),
    Priority.MENTAL_HEALTH: Text(
        "matalan kynnyksen mielenterveys- ja päihdepalvelut",
        "mentalvårds- och missbrukartjänster med låg tröskel",
        "low-threshold mental health and substance abuse services",
    ),
    Priority.CHILD_PROTECTION: Text("lastensuojelu", "barnskydd", "child protection"),
    NetworkKind.FAMILY_CENTRE: Text("perhekeskus", "familjecenter", "family centre"),
    NetworkKind.OTHER: Text("muu verkosto", "annat nätverk", "other network"),
    Involvement.PLANNING: Text("suunnittelu", "planering", "planning"),
    Involvement.EVALUATION: Text("arviointi", "utvärdering", "evaluation"),
    Responsibility.MUNICIPALITY: Text("kunta", "kommunen", "municipality"),
    Responsibility.COUNTY: Text("hyvinvointialue", "välfärdsområdet", "county"),
    Responsibility.STATE: Text("valtio", "staten", "state"),
    Responsibility.ORGANISATION: Text("järjestö", "organisation", "organisation"),
    Responsibility.PARISH: Text("seurakunta", "församling", "parish"),
    Severity.ERROR: Text("virhe", "fel", "error"),
    Severity.WARNING: Text("varoitus", "varning", "warning"),
    Severity.INFO: Text("huomio", "anmärkning", "info"),
    DocumentKind.PRESS_RELEASE: Text("tiedote", "pressmeddelande", "press release"),
    DocumentKind.NEWS: Text("uutinen", "nyhet", "news"),
    DocumentKind.BLOG: Text("blogikirjoitus", "blogginlägg", "blog post"),
    DocumentKind.COLUMN: Text("kolumni", "kolumn", "column"),
    DocumentKind.ACT: Text("laki", "lag", "act"),
    DocumentKind.DOCUMENTATION: Text(
        "lapen dokumentaatio", "lapes dokumentation", "lape documentation"
    ),
}


def label(member: enum.Enum, lang: Lang) -> str:
    """The name of a vocabulary member in ``lang``; its value when it has no label."""
    names = _LABELS.get(member)
    return str(member.value) if names is None else names.get(lang)
