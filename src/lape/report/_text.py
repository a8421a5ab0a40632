"""The report's words in Finnish, Swedish and English, and text made safe for HTML.

Every string that comes from a snapshot (a title, a name, an ID, a message built
from them) goes through :func:`esc`: control, bidirectional and invisible
characters are written as visible escapes (``\\x1b``, ``\\u202e``), lone
surrogates too (they cannot be written as UTF-8), then the HTML specials are
escaped, quotes included.

>>> esc('<b title="x">Kuopio</b>\\x1b[2J\\u202e')
'&lt;b title=&quot;x&quot;&gt;Kuopio&lt;/b&gt;\\\\x1b[2J\\\\u202e'
>>> w("errors", "sv"), w("rules_with_findings", "fi")
('fel', 'Säännöt, joista on havaintoja')
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Final

from lape._printable import printable
from lape.model import Text
from lape.rules import Lang

__all__ = ["esc", "w"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def esc(value: object) -> str:
    """``value`` as HTML text: printable (see :mod:`lape._printable`), then escaped;
    ``None`` as an empty string, a date as its ISO text."""
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", printable(text))
    return html.escape(text, quote=True)


_WORDS: Final[dict[str, Text]] = {
    "title": Text(fi="LAPE-tarkistusraportti", sv="LAPE-kontrollrapport", en="LAPE check report"),
    "as_of": Text(fi="Tilanne", sv="Läget", en="As of"),
    "contents": Text(fi="Sisältö", sv="Innehåll", en="Contents"),
    "summary": Text(fi="Yhteenveto", sv="Sammanfattning", en="Summary"),
    "conforms": Text(
        fi="Täyttää säännöt: ei virheitä",
        sv="Uppfyller reglerna: inga fel",
        en="Conforms: no errors",
    ),
    "not": Text(fi="Ei täytä sääntöjä", sv="Uppfyller inte reglerna", en="Does not conform"),
    "errors": Text(fi="virheet", sv="fel", en="errors"),
    "warnings": Text(fi="varoitukset", sv="varningar", en="warnings"),
    "infos": Text(fi="huomiot", sv="anmärkningar", en="info"),
    "unknowns": Text(fi="ratkaisematta", sv="oavgjorda", en="unknown"),
    "error": Text(fi="virhe", sv="fel", en="error"),
    "warning": Text(fi="varoitus", sv="varning", en="warning"),
    "info": Text(fi="huomio", sv="anmärkning", en="info"),
    "unknown": Text(fi="ratkaisematta", sv="oavgjord", en="unknown"),
    "unknown_note": Text(
        fi="ratkaisematta: säännön tarvitsema tieto puuttuu aineistosta",
        sv="oavgjord: uppgiften som regeln behöver saknas i materialet",
        en="unknown: the snapshot lacks a fact the rule needs",
    ),
    "rules_in_force": Text(
        fi="Tarkistuspäivänä voimassa olevat säännöt",
        sv="Regler i kraft på kontrolldagen",
        en="Rules in force on the day",
    ),
    "rules_in_force_n": Text(
        fi="{n} sääntöä {total}:stä voimassa",
        sv="{n} av {total} regler i kraft",
        en="{n} of {total} rules in force",
    ),
    "rules_in_force_n_1": Text(
        fi="1 sääntö {total}:stä voimassa",
        sv="1 av {total} regler i kraft",
        en="1 of {total} rules in force",
    ),
    "rules_with_findings": Text(
        fi="Säännöt, joista on havaintoja",
        sv="Regler med iakttagelser",
        en="Rules with findings",
    ),
    "no_findings": Text(fi="Ei havaintoja.", sv="Inga iakttagelser.", en="No findings."),
    "snapshot": Text(fi="Aineisto", sv="Materialet", en="Snapshot"),
    "illustrative": Text(
        fi="Havainnollistava aineisto: keksittyä, ei todellisia tietoja.",
        sv="Illustrativt material: påhittat, inte verkliga uppgifter.",
        en="Illustrative data: invented, not real records.",
    ),
    "by_rule": Text(
        fi="Havainnot säännöittäin", sv="Iakttagelser per regel", en="Findings by rule"
    ),
    "by_subject": Text(
        fi="Havainnot kohteittain", sv="Iakttagelser per föremål", en="Findings by subject"
    ),
    "rule": Text(fi="Sääntö", sv="Regel", en="Rule"),
    "title_col": Text(fi="Otsikko", sv="Rubrik", en="Title"),
    "severity": Text(fi="Vakavuus", sv="Allvarlighetsgrad", en="Severity"),
    "failed": Text(fi="ei täyty", sv="uppfylls inte", en="failed"),
    "examined": Text(fi="tarkistettu", sv="kontrollerade", en="examined"),
    "subject": Text(fi="Kohde", sv="Föremål", en="Subject"),
    "message": Text(fi="Viesti", sv="Meddelande", en="Message"),
    "path": Text(fi="Kohta tiedostossa", sv="Ställe i filen", en="Path in the file"),
    "findings": Text(fi="Havainnot", sv="Iakttagelser", en="Findings"),
    "condition": Text(fi="Ehto", sv="Villkor", en="Condition"),
    "source": Text(fi="Lähde", sv="Källa", en="Source"),
    "quote": Text(fi="Lainaus", sv="Citat", en="Quote"),
    "original": Text(fi="alkuperäinen", sv="original", en="original"),
    "translation": Text(fi="käännös", sv="översättning", en="translation"),
    "publisher": Text(fi="Julkaisija", sv="Utgivare", en="Publisher"),
    "date": Text(fi="Päivämäärä", sv="Datum", en="Date"),
    "address": Text(fi="Osoite", sv="Adress", en="Address"),
    "document": Text(fi="Asiakirja", sv="Dokument", en="Document"),
    "not_shown": Text(
        fi="{n} havaintoa lisää ei näytetä tässä tiedostossa; kaikki: {command}",
        sv="{n} iakttagelser till visas inte i den här filen; alla: {command}",
        en="{n} more findings not shown in this file; all of them: {command}",
    ),
    "more_rows": Text(
        fi="{n} riviä lisää ei näytetä.",
        sv="{n} rader till visas inte.",
        en="{n} more rows not shown.",
    ),
    "not_shown_1": Text(
        fi="{n} havainto lisää ei näytetä tässä tiedostossa; kaikki: {command}",
        sv="{n} iakttagelse till visas inte i den här filen; alla: {command}",
        en="{n} more finding not shown in this file; all of them: {command}",
    ),
    "more_rows_1": Text(
        fi="{n} rivi lisää ei näytetä.",
        sv="{n} rad till visas inte.",
        en="{n} more row not shown.",
    ),
    "subjects_n_1": Text(fi="{n} kohde", sv="{n} föremål", en="{n} subject"),
    "subjects_n": Text(
        fi="{n} kohdetta, vakavin ensin",
        sv="{n} föremål, det allvarligaste först",
        en="{n} subjects, the most serious first",
    ),
    "coverage": Text(fi="Kattavuus", sv="Täckning", en="Coverage"),
    "groups_by_region": Text(
        fi="Kuntien edustus ryhmissä maakunnittain",
        sv="Kommunernas företrädare i grupperna per landskap",
        en="Municipalities in the groups, by region",
    ),
    "no_groups": Text(
        fi="Tarkistuspäivänä ei ole voimassa olevia lape-ryhmiä.",
        sv="Inga utvecklingsgrupper är verksamma på kontrolldagen.",
        en="No development groups are in effect on the day.",
    ),
    "municipality": Text(fi="Kunta", sv="Kommun", en="Municipality"),
    "code": Text(fi="Koodi", sv="Kod", en="Code"),
    "municipal_group": Text(fi="Kunnan lape-ryhmä", sv="Kommunens grupp", en="Municipal group"),
    "members": Text(fi="Jäseniä", sv="Medlemmar", en="Members"),
    "in_regional": Text(
        fi="Edustettu maakunnan ryhmässä",
        sv="Företrädd i landskapets grupp",
        en="In the regional group",
    ),
    "none": Text(fi="ei ole", sv="ingen", en="none"),
    "yes": Text(fi="kyllä", sv="ja", en="yes"),
    "no": Text(fi="ei", sv="nej", en="no"),
    "region_line": Text(
        fi="{n} kuntaa; kunnan ryhmä {groups} kunnalla; maakunnan ryhmässä {regional}",
        sv="{n} kommuner; egen grupp i {groups}; i landskapets grupp {regional}",
        en="{n} municipalities; {groups} with a municipal group; {regional} in the regional group",
    ),
    "region_line_1": Text(
        fi="1 kunta; kunnan ryhmä {groups} kunnalla; maakunnan ryhmässä {regional}",
        sv="1 kommun; egen grupp i {groups}; i landskapets grupp {regional}",
        en="1 municipality; {groups} with a municipal group; {regional} in the regional group",
    ),
    "region_note": Text(
        fi="Kunta on edustettu maakunnan ryhmässä, kun ryhmän jäsenenä on tarkistuspäivänä "
        "kunta, sen toimiala tai kuntayhtymä, joka mainitsee kunnan.",
        sv="En kommun är företrädd i landskapets grupp när en medlem på kontrolldagen är "
        "kommunen, en av dess förvaltningar eller en samkommun som nämner kommunen.",
        en="A municipality is in the regional group when, on the day, a member is the "
        "municipality, one of its bodies, or a joint municipal authority that lists it.",
    ),
    "family_centres": Text(
        fi="Perhekeskukset: palvelut ja rajapinnat",
        sv="Familjecenter: tjänster och kontaktytor",
        en="Family centres: services and interfaces",
    ),
    "no_networks": Text(
        fi="Tarkistuspäivänä ei ole voimassa olevia palveluverkostoja.",
        sv="Inga servicenätverk är verksamma på kontrolldagen.",
        en="No service networks are in effect on the day.",
    ),
    "network_line": Text(
        fi="{services} palvelua, {members} jäsentä; rajapinnat tunnistettu {identified}/{splits}",
        sv="{services} tjänster, {members} medlemmar; kontaktytor identifierade {identified}/"
        "{splits}",
        en="{services} services, {members} members; interfaces identified {identified} of {splits}",
    ),
    "description": Text(fi="Kuvaus", sv="Beskrivning", en="Description"),
    "county": Text(fi="Hyvinvointialue", sv="Välfärdsområde", en="County"),
    "lead": Text(fi="Johtaja", sv="Ledare", en="Lead"),
    "services": Text(fi="Palvelut", sv="Tjänster", en="Services"),
    "service": Text(fi="Palvelu", sv="Tjänst", en="Service"),
    "type": Text(fi="Tyyppi", sv="Typ", en="Type"),
    "provider": Text(fi="Tuottaja", sv="Producent", en="Provider"),
    "organiser": Text(fi="Järjestäjä", sv="Anordnare", en="Organiser"),
    "target_groups": Text(fi="Kohderyhmät", sv="Målgrupper", en="Target groups"),
    "where": Text(fi="Missä", sv="Var", en="Where"),
    "county_wide": Text(fi="koko alue", sv="hela området", en="county-wide"),
    "interfaces": Text(fi="Rajapinnat", sv="Kontaktytor", en="Interfaces"),
    "target_group": Text(fi="Kohderyhmä", sv="Målgrupp", en="Target group"),
    "municipal_side": Text(
        fi="Kunnan palvelut", sv="Kommunens tjänster", en="Municipality's services"
    ),
    "county_side": Text(
        fi="Hyvinvointialueen palvelut", sv="Välfärdsområdets tjänster", en="County's services"
    ),
    "identified": Text(fi="Tunnistettu", sv="Identifierad", en="Identified"),
    "no_splits": Text(
        fi="Ei vastuunjakoja kunnan ja hyvinvointialueen välillä.",
        sv="Inget ansvar delat mellan kommunen och välfärdsområdet.",
        en="No responsibility split between municipality and county.",
    ),
    "network": Text(fi="Yhteistyöverkosto", sv="Samarbetsnätverket", en="Collaboration network"),
    "measures": Text(fi="Keskeiset tunnusluvut", sv="Nyckeltal", en="Key measures"),
    "nodes": Text(fi="toimijat (solmut)", sv="aktörer (noder)", en="actors (nodes)"),
    "ties": Text(fi="yhteydet", sv="band", en="ties"),
    "density": Text(fi="tiheys", sv="täthet", en="density"),
    "centralization": Text(
        fi="keskittyneisyys (aste)", sv="centralisering (grad)", en="degree centralisation"
    ),
    "components": Text(fi="erilliset osat", sv="separata delar", en="components"),
    "largest_share": Text(
        fi="suurimman osan osuus",
        sv="den största delens andel",
        en="share in the largest component",
    ),
    "isolated": Text(fi="eristyneet toimijat", sv="isolerade aktörer", en="isolated actors"),
    "siloed": Text(
        fi="toimijat ilman sektorirajat ylittävää yhteyttä",
        sv="aktörer utan band över sektorsgränsen",
        en="actors without a cross-sector tie",
    ),
    "bridging": Text(
        fi="yhteydet sote- ja sivistystoimen välillä",
        sv="band mellan social- och hälsovården och bildningsväsendet",
        en="ties between the social and health and the education and youth sectors",
    ),
    "change_agents": Text(fi="muutosagentit", sv="förändringsagenter", en="change agents"),
    "linked_groups": Text(
        fi="kuntien ryhmät yhteydessä maakunnan ryhmään",
        sv="kommunernas grupper i kontakt med landskapets grupp",
        en="municipal groups linked to their regional group",
    ),
    "of": Text(fi="{a} / {b}", sv="{a} av {b}", en="{a} of {b}"),
    "picture": Text(fi="Verkoston kuva", sv="Bild av nätverket", en="Picture of the network"),
    "picture_all": Text(
        fi="Jokainen toimija on yksi piste ({n} pistettä); väri ja muoto kertovat sektorin, "
        "paksu reunus eristyneen ja katkoviivareunus sektorirajoja ylittämättömän toimijan. "
        "Sijoittelu on laskettu voimamallilla (siemen 0), joten kuva on aina sama.",
        sv="Varje aktör är en punkt ({n} punkter); färg och form anger sektorn, en tjock "
        "kant en isolerad aktör och en streckad kant en aktör utan band över sektorsgränsen. "
        "Placeringen är beräknad med en kraftmodell (frö 0), så bilden är alltid densamma.",
        en="Each actor is one dot ({n} dots); colour and shape give the sector, a thick ring "
        "marks an isolated actor and a dashed ring an actor without a cross-sector tie. The "
        "layout is computed by a force model (seed 0), so the picture is always the same.",
    ),
    "picture_all_1": Text(
        fi="Jokainen toimija on yksi piste (1 piste); väri ja muoto kertovat sektorin, "
        "paksu reunus eristyneen ja katkoviivareunus sektorirajoja ylittämättömän toimijan. "
        "Sijoittelu on laskettu voimamallilla (siemen 0), joten kuva on aina sama.",
        sv="Varje aktör är en punkt (1 punkt); färg och form anger sektorn, en tjock "
        "kant en isolerad aktör och en streckad kant en aktör utan band över sektorsgränsen. "
        "Placeringen är beräknad med en kraftmodell (frö 0), så bilden är alltid densamma.",
        en="Each actor is one dot (1 dot); colour and shape give the sector, a thick ring "
        "marks an isolated actor and a dashed ring an actor without a cross-sector tie. The "
        "layout is computed by a force model (seed 0), so the picture is always the same.",
    ),
    "picture_areas": Text(
        fi="Verkostossa on {n} solmua, liian monta yhteen kuvaan: kuvassa on yksi ympyrä "
        "maakuntaa kohden (pinta-ala toimijoiden määrän mukaan, sektorit siivuina) ja "
        "viivat maakuntien välisistä yhteyksistä. Kaikki toimijat ovat mukana luvuissa ja "
        "luetteloissa.",
        sv="Nätverket har {n} noder, för många för en bild: bilden har en cirkel per landskap "
        "(ytan efter antalet aktörer, sektorerna som tårtbitar) och linjer för banden "
        "mellan landskapen. Alla aktörer räknas i talen och listorna.",
        en="The network has {n} nodes, too many for one picture: it shows one circle per "
        "region (its area by the number of actors, the sectors as slices) and lines for the "
        "ties between regions. Every actor is counted in the figures and the lists.",
    ),
    "outside_regions": Text(fi="ei maakuntaa", sv="inget landskap", en="no region"),
    "legend": Text(fi="Selite", sv="Förklaring", en="Legend"),
    "brokers": Text(
        fi="Välittäjät (välillisyyskeskeisyys)",
        sv="Förmedlare (mellanhetscentralitet)",
        en="Brokers (betweenness)",
    ),
    "brokers_sampled": Text(
        fi="arvio {k} lähtösolmusta (siemen 0)",
        sv="uppskattning från {k} källnoder (frö 0)",
        en="estimated from {k} sampled sources (seed 0)",
    ),
    "brokers_exact": Text(fi="tarkka", sv="exakt", en="exact"),
    "betweenness": Text(fi="välillisyyskeskeisyys", sv="mellanhetscentralitet", en="betweenness"),
    "measure": Text(fi="Tunnusluku", sv="Nyckeltal", en="Measure"),
    "value": Text(fi="Arvo", sv="Värde", en="Value"),
    "name": Text(fi="Nimi", sv="Namn", en="Name"),
    "kind": Text(fi="Laji", sv="Typ", en="Kind"),
    "sector": Text(fi="Sektori", sv="Sektor", en="Sector"),
    "degree": Text(fi="Yhteyksiä", sv="Band", en="Ties"),
    "status": Text(fi="Huomio", sv="Notering", en="Note"),
    "node_table": Text(
        fi="Toimijat taulukkona", sv="Aktörerna som tabell", en="The actors as a table"
    ),
    "timeline": Text(fi="Kehitys ajassa", sv="Utvecklingen över tid", en="Over time"),
    "timeline_note": Text(
        fi="Sama aineisto tarkistettuna kunakin päivänä: havainnot ja verkoston yhteydet.",
        sv="Samma material kontrollerat på varje dag: iakttagelser och nätverkets band.",
        en="The same snapshot checked on each date: the findings, and the network's ties.",
    ),
    "chart_findings": Text(fi="Havainnot", sv="Iakttagelser", en="Findings"),
    "chart_ties": Text(fi="Verkoston yhteydet", sv="Nätverkets band", en="The network's ties"),
    "table_of_values": Text(
        fi="Luvut taulukkona", sv="Värdena som tabell", en="The values as a table"
    ),
    "about": Text(fi="Tästä raportista", sv="Om rapporten", en="About this report"),
    "made_by": Text(
        fi="Tehty ohjelmalla lape {version} ({day}). Tiedosto on itsenäinen: se ei hae "
        "mitään verkosta.",
        sv="Gjord med lape {version} ({day}). Filen är fristående: den hämtar inget från nätet.",
        en="Made with lape {version} ({day}). The file is self-contained: it fetches "
        "nothing from the network.",
    ),
    "all_findings": Text(
        fi="Kaikki havainnot koneluettavina: {command}",
        sv="Alla iakttagelser maskinläsbart: {command}",
        en="All findings, machine-readable: {command}",
    ),
    "skip": Text(fi="Siirry sisältöön", sv="Hoppa till innehållet", en="Skip to the content"),
    "actors_n": Text(fi="toimijat", sv="aktörer", en="actors"),
    "day": Text(fi="Päivä", sv="Dag", en="Date"),
    "checked_day": Text(fi="tarkistuspäivä", sv="kontrolldagen", en="the checked day"),
}


def w(key: str, lang: Lang, **values: object) -> str:
    """The report's word ``key`` in ``lang`` (plain text: escape it), ``{name}`` filled;
    for a count ``n`` of one, the singular ``key_1`` where there is one."""
    if values.get("n") == 1 and f"{key}_1" in _WORDS:
        key = f"{key}_1"
    text = _WORDS[key].get(lang)
    return text.format(**values) if values else text
