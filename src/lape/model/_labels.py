"""The names of the model's controlled vocabularies in Finnish, Swedish and English.

The enum values (``municipal_body``, ``social_health``...) are the file
format's words; these labels are what a person reads in a message.

>>> from lape.model import ActorKind, Sector
>>> label(ActorKind.PARISH, "sv"), label(Sector.SOCIAL_HEALTH, "fi")
('församling', 'sosiaali- ja terveystoimi')
"""

from __future__ import annotations

import enum
from typing import Literal

from lape.model._actors import ActorKind
from lape.model._checks import Severity
from lape.model._funding import GrantKind, Priority, Programme
from lape.model._groups import GroupKind, MemberRole
from lape.model._services import Involvement, NetworkKind, Responsibility
from lape.model._vocabulary import Level, Sector, TargetGroup

__all__ = ["label"]

_Lang = Literal["fi", "sv", "en"]

_LABELS: dict[enum.Enum, tuple[str, str, str]] = {
    ActorKind.MUNICIPALITY: ("kunta", "kommun", "municipality"),
    ActorKind.MUNICIPAL_BODY: ("kunnan toimiala", "kommunal förvaltning", "municipal body"),
    ActorKind.JOINT_MUNICIPAL_AUTHORITY: ("kuntayhtymä", "samkommun", "joint municipal authority"),
    ActorKind.HOSPITAL_DISTRICT: ("sairaanhoitopiiri", "sjukvårdsdistrikt", "hospital district"),
    ActorKind.REGIONAL_COUNCIL: ("maakunnan liitto", "landskapsförbund", "regional council"),
    ActorKind.WELLBEING_SERVICES_COUNTY: (
        "hyvinvointialue",
        "välfärdsområde",
        "wellbeing services county",
    ),
    ActorKind.ORGANISATION: ("järjestö", "organisation", "organisation"),
    ActorKind.PARISH: ("seurakunta", "församling", "parish"),
    ActorKind.EDUCATIONAL_INSTITUTION: ("oppilaitos", "läroinrättning", "educational institution"),
    ActorKind.COMPETENCE_CENTRE: (
        "sosiaalialan osaamiskeskus",
        "kompetenscentrum",
        "competence centre",
    ),
    ActorKind.YOUTH_COUNCIL: ("nuorisovaltuusto", "ungdomsfullmäktige", "youth council"),
    ActorKind.COUNTY_YOUTH_COUNCIL: (
        "aluenuorisovaltuusto",
        "välfärdsområdets ungdomsfullmäktige",
        "county youth council",
    ),
    ActorKind.EXPERIENCE_EXPERT: ("kokemusasiantuntija", "erfarenhetsexpert", "experience expert"),
    ActorKind.CLIENT_PANEL: ("asiakasraati", "klientråd", "client panel"),
    ActorKind.MINISTRY: ("ministeriö", "ministerium", "ministry"),
    ActorKind.GOVERNMENT_AGENCY: ("virasto", "ämbetsverk", "government agency"),
    ActorKind.ASSOCIATION_OF_MUNICIPALITIES: (
        "Kuntaliitto",
        "Kommunförbundet",
        "Association of Finnish Municipalities",
    ),
    ActorKind.COMPANY: ("yritys", "företag", "company"),
    ActorKind.OTHER: ("muu", "annan", "other"),
    Sector.SOCIAL_HEALTH: (
        "sosiaali- ja terveystoimi",
        "social- och hälsovårdsväsendet",
        "social and health sector",
    ),
    Sector.EDUCATION_YOUTH: (
        "sivistys- ja nuorisotoimi",
        "bildnings- och ungdomsväsendet",
        "education and youth sector",
    ),
    Sector.CULTURE_LEISURE: (
        "kulttuuri- ja vapaa-aikatoimi",
        "kultur och fritid",
        "culture and leisure",
    ),
    Sector.EMPLOYMENT: (
        "työllisyys- ja elinkeinotoimi",
        "sysselsättning och näringsliv",
        "employment",
    ),
    Sector.POLICE_JUSTICE: (
        "poliisi ja oikeustoimi",
        "polis och rättsväsende",
        "police and justice",
    ),
    Sector.HOUSING: ("asuntotoimi", "bostadsväsendet", "housing"),
    Sector.ADMINISTRATION: ("yleishallinto", "allmän förvaltning", "general administration"),
    Sector.CHURCH: ("seurakuntatyö", "församlingsarbete", "church"),
    Sector.CIVIL_SOCIETY: ("järjestötyö", "organisationsarbete", "civil society"),
    TargetGroup.CHILDREN: ("lapset", "barn", "children"),
    TargetGroup.YOUNG_PEOPLE: ("nuoret", "unga", "young people"),
    TargetGroup.FAMILIES: ("perheet", "familjer", "families"),
    TargetGroup.PARENTS: ("vanhemmat", "föräldrar", "parents"),
    TargetGroup.ADULTS: ("aikuiset", "vuxna", "adults"),
    TargetGroup.OLDER_PEOPLE: ("ikääntyneet", "äldre", "older people"),
    TargetGroup.EVERYONE: ("kaikki", "alla", "everyone"),
    Level.LOCAL: ("paikallinen", "lokal", "local"),
    Level.REGIONAL: ("alueellinen", "regional", "regional"),
    Level.NATIONAL: ("valtakunnallinen", "nationell", "national"),
    GroupKind.MUNICIPAL: ("kunnan lape-ryhmä", "kommunens grupp", "municipal group"),
    GroupKind.REGIONAL: ("maakunnan lape-ryhmä", "landskapets grupp", "regional group"),
    GroupKind.NATIONAL: (
        "ohjelman kansallinen johto",
        "programmets nationella ledning",
        "national programme leadership",
    ),
    GroupKind.REFORM_PREPARATION: (
        "sote-uudistuksen valmistelu",
        "beredningen av vårdreformen",
        "reform preparation",
    ),
    GroupKind.OTHER: ("muu ryhmä", "annan grupp", "other group"),
    MemberRole.CHAIR: ("puheenjohtaja", "ordförande", "chair"),
    MemberRole.VICE_CHAIR: ("varapuheenjohtaja", "vice ordförande", "vice chair"),
    MemberRole.MEMBER: ("jäsen", "medlem", "member"),
    MemberRole.SECRETARY: ("sihteeri", "sekreterare", "secretary"),
    MemberRole.EXPERT: ("asiantuntija", "sakkunnig", "expert"),
    MemberRole.YOUTH_REPRESENTATIVE: (
        "nuorten edustaja",
        "representant för de unga",
        "youth representative",
    ),
    MemberRole.OBSERVER: ("tarkkailija", "observatör", "observer"),
    GrantKind.STATE_SUBSIDY: ("valtionavustus", "statsunderstöd", "state subsidy"),
    GrantKind.START_UP_GRANT: ("käynnistysavustus", "startbidrag", "start-up grant"),
    GrantKind.CHANGE_AGENT_SUBSIDY: (
        "muutosagenttiavustus",
        "understöd för förändringsagenter",
        "change-agent subsidy",
    ),
    GrantKind.OTHER: ("muu", "annan", "other"),
    Programme.LAPE: ("LAPE", "LAPE", "LAPE"),
    Programme.CHILD_STRATEGY: ("lapsistrategia", "barnstrategin", "child strategy"),
    Programme.FUTURE_HEALTH_SOCIAL_CENTRES: (
        "tulevaisuuden sosiaali- ja terveyskeskus",
        "framtidens social- och hälsocentral",
        "Future Health and Social Services Centres",
    ),
    Programme.OTHER: ("muu", "annat", "other"),
    Priority.FAMILY_CENTRES: (
        "perhekeskukset ja varhainen tuki",
        "familjecenter och tidigt stöd",
        "family centres and early support",
    ),
    Priority.MENTAL_HEALTH: (
        "matalan kynnyksen mielenterveys- ja päihdepalvelut",
        "mentalvårds- och missbrukartjänster med låg tröskel",
        "low-threshold mental health and substance abuse services",
    ),
    Priority.CHILD_PROTECTION: ("lastensuojelu", "barnskydd", "child protection"),
    NetworkKind.FAMILY_CENTRE: ("perhekeskus", "familjecenter", "family centre"),
    NetworkKind.OTHER: ("muu verkosto", "annat nätverk", "other network"),
    Involvement.PLANNING: ("suunnittelu", "planering", "planning"),
    Involvement.EVALUATION: ("arviointi", "utvärdering", "evaluation"),
    Responsibility.MUNICIPALITY: ("kunta", "kommunen", "municipality"),
    Responsibility.COUNTY: ("hyvinvointialue", "välfärdsområdet", "county"),
    Responsibility.STATE: ("valtio", "staten", "state"),
    Responsibility.ORGANISATION: ("järjestö", "organisation", "organisation"),
    Responsibility.PARISH: ("seurakunta", "församling", "parish"),
    Severity.ERROR: ("virhe", "fel", "error"),
    Severity.WARNING: ("varoitus", "varning", "warning"),
    Severity.INFO: ("huomio", "anmärkning", "info"),
}

_INDEX = {"fi": 0, "sv": 1, "en": 2}


def label(member: enum.Enum, lang: _Lang) -> str:
    """The name of a vocabulary member in ``lang``; its value when it has no label."""
    names = _LABELS.get(member)
    return str(member.value) if names is None else names[_INDEX[lang]]
