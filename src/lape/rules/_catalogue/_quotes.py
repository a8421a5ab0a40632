"""Every quote of the catalogue in Finnish, Swedish and English, keyed by the quote itself.

A rule's source quotes its document verbatim, in the document's language
(:attr:`lape.rules.Source.quote`): Swedish for the seed texts and the Swedish
versions of the acts, Finnish for the Finnish act text, English for ``lape``'s
own documentation. Beside each quote this table keeps renderings in the other
two languages, made for ``lape`` and shown marked as translations, never as the
publisher's words; the publishers' own Finnish versions of the press releases
are not what is given here. :func:`~lape.rules._catalogue._common.seed` looks a
quote up here, so the catalogue modules keep declaring only the original.

A test checks that every rule of the catalogue has its quote here, in all three
languages (``tests/rules/test_sources.py``).
"""

from __future__ import annotations

from lape.model import Lang, Text

__all__ = ["QUOTES"]

_G_MUNICIPAL = (
    "I den grupp för utveckling av barn- och familjetjänster som inrättas i kommunen ska "
    "finnas representanter för bl.a. social- och hälsovårdsväsendet, bildnings- och "
    "ungdomsväsendet, representanter för centrala organisationer och församlingar och en "
    "representant för de unga"
)
_G_REGIONAL = (
    "I landskapets grupp för utveckling av barn- och familjetjänster ska bl.a. finnas "
    "representanter för regionens kommuner, sjukvårdsdistrikt, organisationer, "
    "läroinrättningar, kompetenscentrum och församlingar samt en representant för de unga"
)
_F02 = "STM press release 251/2016: 19 MEUR granted 22.12.2016 to 19 projects, work from 1.1.2017."

_SWEDISH: dict[str, tuple[str, str]] = {
    # quote: (Finnish, English)
    _G_MUNICIPAL: (
        "Kuntaan perustettavassa lapsi- ja perhepalveluiden kehittämisryhmässä tulee olla "
        "edustajia muun muassa sosiaali- ja terveystoimesta, sivistys- ja nuorisotoimesta, "
        "keskeisten järjestöjen ja seurakuntien edustajia sekä nuorten edustaja",
        "The group for developing child and family services set up in the municipality shall "
        "include representatives of, among others, the social and health sector and the "
        "education and youth sector, representatives of central organisations and parishes, "
        "and a representative of young people",
    ),
    "en representant för de unga, t.ex. en medlem i ungdomsfullmäktige eller en "
    "erfarenhetsexpert": (
        "nuorten edustaja, esimerkiksi nuorisovaltuuston jäsen tai kokemusasiantuntija",
        "a representative of young people, e.g. a member of the youth council or an "
        "experience expert",
    ),
    _G_REGIONAL: (
        "Maakunnan lapsi- ja perhepalveluiden kehittämisryhmässä tulee olla muun muassa "
        "alueen kuntien, sairaanhoitopiirien, järjestöjen, oppilaitosten, osaamiskeskusten ja "
        "seurakuntien edustajia sekä nuorten edustaja",
        "The region's group for developing child and family services shall include, among "
        "others, representatives of the region's municipalities, hospital districts, "
        "organisations, educational institutions, competence centres and parishes, and a "
        "representative of young people",
    ),
    "Kommunerna och landskapen ska ge grupperna fullmakt att styra utvecklingsarbetet i "
    "regionen.": (
        "Kuntien ja maakuntien on annettava ryhmille valtuudet ohjata alueen kehittämistyötä.",
        "The municipalities and regions shall give the groups a mandate to steer the "
        "development work in the region.",
    ),
    "Kommunens grupp för utveckling av barn- och familjetjänster ska samverka med den grupp "
    "som inrättats på landskapsnivå.": (
        "Kunnan lapsi- ja perhepalveluiden kehittämisryhmän tulee toimia yhteistyössä "
        "maakunnan tasolle perustetun ryhmän kanssa.",
        "The municipality's group for developing child and family services shall work "
        "together with the group set up at the regional level.",
    ),
    "Den grupp som företräder landskapet ska i sin tur samarbeta med dem som för landskapets "
    "del bereder vårdreformen och med den nationella ledningen för utvecklingsprogrammet.": (
        "Maakuntaa edustavan ryhmän tulee puolestaan tehdä yhteistyötä maakunnan sote-"
        "uudistusta valmistelevien sekä kehittämisohjelman kansallisen johdon kanssa.",
        "The group that represents the region shall in turn cooperate with those preparing "
        "the health and social services reform for the region and with the national "
        "leadership of the development programme.",
    ),
    "De landskap som har inrättat grupper kan anställa en förändringsagent som stöd i arbetet": (
        "Ryhmät perustaneet maakunnat voivat palkata työn tueksi muutosagentin",
        "The regions that have set up groups may hire a change agent to support the work",
    ),
    "Varje landskap som inrättar grupper av ovannämnda slag kan som stöd i arbetet anställa "
    "en förändringsagent": (
        "Jokainen edellä kuvatun kaltaiset ryhmät perustava maakunta voi palkata työn tueksi "
        "muutosagentin",
        "Each region that sets up groups of the kind described above may hire a change agent "
        "to support the work",
    ),
    "anställa en förändringsagent för spetsprojektets mandatperiod 2016–2018": (
        "palkata muutosagentin kärkihankkeen toimikaudeksi 2016–2018",
        "hire a change agent for the key project's term 2016–2018",
    ),
    "Målet är att de första förändringsagenterna ska kunna påbörja arbetet i oktober 2016.": (
        "Tavoitteena on, että ensimmäiset muutosagentit voivat aloittaa työnsä lokakuussa 2016.",
        "The aim is that the first change agents can start work in October 2016.",
    ),
    "Kommunerna i landskapet utser tillsammans den organisation som är förändringsagentens "
    "arbetsgivare.": (
        "Maakunnan kunnat valitsevat yhdessä organisaation, joka toimii muutosagentin "
        "työnantajana.",
        "The municipalities of the region together choose the organisation that employs the "
        "change agent.",
    ),
    "Landskapen uppmuntras också att i sina egna organisationer fortsätta med den "
    "förändringsagentsverksamhet som tidigare inletts.": (
        "Maakuntia kannustetaan myös jatkamaan aiemmin aloitettua muutosagenttitoimintaa "
        "omissa organisaatioissaan.",
        "The regions are also encouraged to continue, in their own organisations, the "
        "change-agent work begun earlier.",
    ),
    "Det har reserverats 20 miljoner euro i statsunderstöd": (
        "Valtionavustuksiin on varattu 20 miljoonaa euroa",
        "20 million euros have been set aside for state subsidies",
    ),
    "Statsunderstöd kan beviljas för regionalt utvecklingsarbete där olika aktörer "
    "tillsammans förbättrar barnens och föräldrarnas välbefinnande": (
        "Valtionavustusta voidaan myöntää alueelliseen kehittämistyöhön, jossa eri toimijat "
        "yhdessä parantavat lasten ja vanhempien hyvinvointia",
        "State subsidies may be granted for regional development work in which different "
        "actors together improve the wellbeing of children and parents",
    ),
    "Införandet av nya servicehelheter stöds med startbidrag åren 2016–2017": (
        "Uusien palvelukokonaisuuksien käyttöönottoa tuetaan käynnistysavustuksilla vuosina "
        "2016–2017",
        "The introduction of new service packages is supported with start-up grants in 2016–2017",
    ),
    "Ansökningsomgången öppnas på hösten": (
        "Hakukierros avautuu syksyllä",
        "The application round opens in the autumn",
    ),
    "Utvecklingen är inte begränsad till social- och hälsotjänster, utan täcker alla "
    "tjänster för barn och familjer": (
        "Kehittäminen ei rajoitu sosiaali- ja terveyspalveluihin, vaan kattaa kaikki lasten "
        "ja perheiden palvelut",
        "The development is not limited to social and health services but covers all "
        "services for children and families",
    ),
    "För barnstrategin har det reserverats ett eget anslag": (
        "Lapsistrategialle on varattu oma määrärahansa",
        "The child strategy has an appropriation of its own",
    ),
    "Huvudprioriteringarna i utvecklandet är familjecenter och tidigt stöd i vardagen, "
    "mentalvårds- och missbrukartjänster med låg tröskel samt utveckling av barnskyddet": (
        "Kehittämisen pääpainopisteet ovat perhekeskukset ja varhainen tuki arjessa, matalan "
        "kynnyksen mielenterveys- ja päihdepalvelut sekä lastensuojelun kehittäminen",
        "The main priorities of the development are family centres and early support in "
        "everyday life, low-threshold mental health and substance abuse services, and the "
        "development of child protection",
    ),
    "ett ungdomsfullmäktige eller en motsvarande påverkansgrupp för unga (ungdomsfullmäktige)": (
        "nuorisovaltuusto tai vastaava nuorten vaikuttajaryhmä (nuorisovaltuusto)",
        "a youth council or a corresponding influence group for young people (youth council)",
    ),
    "från varje sådant kommunalt organ väljs minst en representant": (
        "kustakin tällaisesta kunnan toimielimestä valitaan vähintään yksi edustaja",
        "at least one representative is chosen from each such municipal body",
    ),
    "Familjecentret leds som en helhet.": (
        "Perhekeskusta johdetaan kokonaisuutena.",
        "The family centre is led as a whole.",
    ),
    "Därigenom stärks stödtjänsterna med låg tröskel samt tillgången till stöd och vård i ett "
    "tidigt skede i samband med småbarnspedagogiken och den grundläggande utbildningen.": (
        "Näin vahvistetaan matalan kynnyksen tukipalveluja sekä varhaisen tuen ja hoidon "
        "saatavuutta varhaiskasvatuksen ja perusopetuksen yhteydessä.",
        "This strengthens low-threshold support services and access to early support and "
        "care in connection with early childhood education and basic education.",
    ),
    "Som en del av samordningen bör man också beakta partnerskap med organisationer och "
    "församlingar.": (
        "Osana yhteensovittamista tulee ottaa huomioon myös kumppanuudet järjestöjen ja "
        "seurakuntien kanssa.",
        "As part of the coordination, partnerships with organisations and parishes should "
        "also be taken into account.",
    ),
    "familjecentrets servicenätverk är en del av den sektorsövergripande social- och "
    "hälsocentralens verksamhet": (
        "perhekeskuksen palveluverkosto on osa monialaisen sosiaali- ja terveyskeskuksen toimintaa",
        "the family centre's service network is part of the work of the cross-sector social "
        "and health centre",
    ),
    "förutsätter att åtminstone varje aktörs roll identifieras": (
        "edellyttää, että vähintään jokaisen toimijan rooli tunnistetaan",
        "requires that at least each actor's role is identified",
    ),
    "antalet överlappande och fristående processer minskar": (
        "päällekkäisten ja erillisten prosessien määrä vähenee",
        "the number of overlapping and separate processes falls",
    ),
    "När ansvaret för att ordna tjänster för samma målgrupp fördelas mellan kommunen och "
    "välfärdsområdet måste kontaktytorna identifieras.": (
        "Kun vastuu saman kohderyhmän palvelujen järjestämisestä jakautuu kunnan ja "
        "hyvinvointialueen kesken, yhdyspinnat on tunnistettava.",
        "Where the responsibility for organising services for the same target group is "
        "divided between the municipality and the wellbeing services county, the interfaces "
        "must be identified.",
    ),
    "Utöver att familjerna deltar i planeringen av tjänsterna ska barnskyddets klienter "
    "också tas med i utvärderingen av de befintliga tjänsterna.": (
        "Sen lisäksi, että perheet osallistuvat palvelujen suunnitteluun, lastensuojelun "
        "asiakkaat on otettava mukaan myös nykyisten palvelujen arviointiin.",
        "Besides families taking part in planning the services, child protection clients "
        "shall also be included in evaluating the existing services.",
    ),
    "Varje välfärdsområde ansvarar för organiseringen av välfärdsområdena och organiseringen "
    "av tjänsterna.": (
        "Kukin hyvinvointialue vastaa hyvinvointialueiden organisoinnista ja palvelujen "
        "järjestämisestä.",
        "Each wellbeing services county is responsible for organising the wellbeing services "
        "counties and for organising the services.",
    ),
}

_FINNISH: dict[str, tuple[str, str]] = {
    # quote: (Swedish, English)
    "Suomi jakaantuu hyvinvointialueisiin. Niiden itsehallinnosta säädetään "
    "hyvinvointialueesta annetussa laissa (611/2021).": (
        "Finland är indelat i välfärdsområden. Om deras självstyrelse föreskrivs i lagen om "
        "välfärdsområden (611/2021).",
        "Finland is divided into wellbeing services counties. Their self-government is laid "
        "down in the Act on Wellbeing Services Counties (611/2021).",
    ),
}

_ENGLISH: dict[str, tuple[str, str]] = {
    # quote: (Finnish, Swedish)
    _F02: (
        "STM:n tiedote 251/2016: 19 miljoonaa euroa myönnetty 22.12.2016 19 hankkeelle, työ "
        "alkaen 1.1.2017.",
        "SHM:s pressmeddelande 251/2016: 19 miljoner euro beviljade 22.12.2016 till 19 "
        "projekt, arbete från 1.1.2017.",
    ),
    '"about 20 MEUR", one multi-actor consortium per area. ' + _F02: (
        "”noin 20 miljoonaa euroa”, yksi monitoimijainen konsortio aluetta kohden. STM:n "
        "tiedote 251/2016: 19 miljoonaa euroa myönnetty 22.12.2016 19 hankkeelle, työ alkaen "
        "1.1.2017.",
        "”cirka 20 miljoner euro”, ett konsortium av flera aktörer per område. SHM:s "
        "pressmeddelande 251/2016: 19 miljoner euro beviljade 22.12.2016 till 19 projekt, "
        "arbete från 1.1.2017.",
    ),
    "Euro amounts, at most two decimals (cents).": (
        "Euromäärät, enintään kaksi desimaalia (sentit).",
        "Eurobelopp, högst två decimaler (cent).",
    ),
    "Entities refer to each other by ID.": (
        "Kohteet viittaavat toisiinsa tunnisteella (ID).",
        "Enheterna hänvisar till varandra med ID.",
    ),
    "IDs must be unique **within their kind**: an actor and a group may share an ID, two "
    "actors may not.": (
        "Tunnisteiden on oltava yksilöllisiä **lajinsa sisällä**: toimijalla ja ryhmällä voi "
        "olla sama tunniste, kahdella toimijalla ei.",
        "ID:n måste vara unika **inom sin typ**: en aktör och en grupp får ha samma ID, två "
        "aktörer får inte.",
    ),
    "A period ends on or after the day it starts.": (
        "Jakso päättyy samana päivänä kuin se alkaa tai sen jälkeen.",
        "En period slutar samma dag som den börjar eller senare.",
    ),
}


def _table() -> dict[str, tuple[Lang, Text]]:
    table: dict[str, tuple[Lang, Text]] = {}
    for quote, (fi, en) in _SWEDISH.items():
        table[quote] = ("sv", Text(fi=fi, sv=quote, en=en))
    for quote, (sv, en) in _FINNISH.items():
        table[quote] = ("fi", Text(fi=quote, sv=sv, en=en))
    for quote, (fi, sv) in _ENGLISH.items():
        table[quote] = ("en", Text(fi=fi, sv=sv, en=quote))
    return table


QUOTES: dict[str, tuple[Lang, Text]] = _table()
"""Each quote of the catalogue: the language it is written in, and the quote in all
three languages (the original in its own language's place)."""
