// Bijlage 8's example report. The facts of Part A are B8's own (anonymised: "Voor voorbeeld niet
// relevant" where B8 says so); the findings per norm are written for this example: B8 prints the
// findings of VM1 and VM2 only, the others follow their tone (practice first, then evidence).
#include "adapters/demo/example_report.h"

#include "adapters/config/data_files.h"

#include <array>
#include <map>
#include <sstream>
#include <stdexcept>

namespace sterk {

namespace {

std::array<char const*, 7> const PARTLY = {"VM5", "VM7", "DV5", "DV6", "DV8", "OB10", "OB16"};

// B8's own findings for VM1 and VM2 (VM2 shortened to its first half).
std::map<std::string, std::string> const B8_FINDINGS = {
    {"VM1",
     "Nagenoeg alle geïnterviewde professionals maken met de nodige praktijkvoorbeelden en gevolgde opleiding, "
     "aanvullende scholing en deelname aan intervisie aannemelijk dat zij beschikken over de gevraagde competenties "
     "en deze toepassen. De meeste professionals zijn beroepsgeregistreerd."},
    {"VM2",
     "Zowel de geïnterviewde nieuwe medewerkers als medewerkers ingezet in een ander werkgebied en/of andere rol als "
     "de stagiaires geven concrete voorbeelden hoe zij zelf een actieve rol hebben gespeeld in het inwerken on the "
     "job. Soms werden ze hierbij wat gehinderd door het feit dat de vertrokken collega er niet meer was voor "
     "overdracht; dat versterkte de noodzaak tot eigen initiatief."},
};

// What the team saw on the norms with an improvement point (B8's "Zorgpunten" in practice).
std::map<std::string, std::string> const IMPROVEMENT = {
    {"VM5",
     "Afspraken over de bijdrage aan de opdracht worden in het jaargesprek gemaakt, maar bij twee teams zijn ze "
     "niet vastgelegd en konden professionals ze niet benoemen. Verbeterpunt: leg de afspraken per professional "
     "vast en bespreek de voortgang in het teamoverleg."},
    {"VM7",
     "De beroepscode is bekend bij maatschappelijk werkers, maar nog weinig doorleefd bij jongerenwerkers en "
     "begeleiders dagbesteding; de gedragscode van de organisatie werd in casuïstiek zelden genoemd. Verbeterpunt: "
     "maak beroepsethiek een vast onderdeel van intervisie."},
    {"DV5",
     "Incidenten worden gemeld, maar de systematiek rond melden en er samen van leren komt nog niet goed uit de "
     "verf: de analyse blijft vaak bij de melder en verbetermaatregelen worden niet gevolgd. Verbeterpunt: "
     "bespreek meldingen periodiek per team en leg de maatregelen vast."},
    {"DV6",
     "De dossiervorming is bij het maatschappelijk werk op orde, maar bij de dagbesteding en het "
     "opvoedondersteuningsteam onder de maat: doelen en evaluaties ontbreken in vier van de tien ingeziene "
     "dossiers. Verbeterpunt: één werkwijze voor alle werksoorten, met steekproeven door de teamcoach."},
    {"DV8",
     "Evaluaties met klanten vinden plaats, maar de uitkomsten worden wisselend vastgelegd en de prioriteitsstelling "
     "van professionals is deels weinig transparant. Verbeterpunt: leg de evaluatie en de gemaakte keuzes vast en "
     "deel de leerervaringen in het werkoverleg."},
    {"OB10",
     "Jaargesprekken worden gevoerd, maar niet bij elke medewerker jaarlijks: in de ingeziene steekproef ontbrak "
     "bij zes van de twintig medewerkers een verslag van het afgelopen jaar. Verbeterpunt: plan de gesprekken "
     "centraal en monitor de voortgang per kwartaal."},
    {"OB16",
     "De RI&E is actueel, maar het plan van aanpak is voor twee nevenlocaties niet opgevolgd en de BHV-bezetting "
     "in de avonduren is niet geborgd. Verbeterpunt: wijs per locatie een verantwoordelijke aan en rapporteer de "
     "voortgang aan het managementteam."},
};

// Sentences the team used across norms, taken in turn so that no two norms read the same.
std::array<char const*, 12> const EVIDENCE = {
    "In de gesprekken met sociaal werkers, teamcoaches en de bestuurder kwamen dezelfde voorbeelden terug, wat het "
    "beeld bevestigt.",
    "Stagiaires en bedrijfskritische vrijwilligers gaven aan dat zij hierbij goed worden betrokken en weten bij wie "
    "zij terechtkunnen.",
    "Uit de ingeziene verslagen van het werkoverleg blijkt dat het onderwerp regelmatig terugkomt en dat afspraken "
    "worden opgevolgd.",
    "Het team zag tijdens de rondgang op het centraal bureau en de nevenlocatie dat de afspraken ook in de praktijk "
    "worden nageleefd.",
    "De coördinator vrijwilligerscentrale en de coördinator mantelzorg gaven concrete voorbeelden uit het afgelopen "
    "jaar.",
    "Cliënten en deelnemers aan activiteiten die het team sprak, herkenden de werkwijze en waren er tevreden over.",
    "De regiomanagers lieten zien hoe de uitkomsten in de kwartaalrapportage terechtkomen en tot bijsturing leiden.",
    "Ook in het Innovatief VWS-programma en bij welzijn op recept is deze werkwijze zichtbaar – met merkbare "
    "spin-off voor andere teams.",
    "Professionals noemden het model positieve gezondheid als gemeenschappelijke taal die het gesprek met klanten en "
    "collega’s ondersteunt.",
    "De ingeziene documenten zijn actueel, door het managementteam vastgesteld en voor medewerkers vindbaar op het "
    "intranet.",
    "Nieuwe medewerkers gaven aan dat dit onderwerp in hun inwerkprogramma aan bod kwam en dat collega’s hen hierin "
    "coachten.",
    "Buurtwerkers en schoolmaatschappelijk werkers beschreven hoe zij dit met ketenpartners in de wijk afstemmen en "
    "evalueren.",
};

std::array<char const*, 4> const CLOSING = {
    "Het team concludeert dat de organisatie aan deze norm voldoet.",
    "Daarmee is in de praktijk aangetoond dat aan de norm wordt voldaan.",
    "Het team heeft geen verbeterpunten vastgesteld; de organisatie voldoet aan de norm.",
    "De norm is in de praktijk aantoonbaar gerealiseerd.",
};

int word_count(std::string const& text)
{
    std::istringstream in(text);
    std::string word;
    int count = 0;
    while (in >> word) {
        ++count;
    }
    return count;
}

// The first sentence of B3's "Kan blijken uit ...", as what the team looked at.
std::string guidance_sentence(Norm const& norm)
{
    std::string g = norm.guidance;
    std::string const prefix = "Kan blijken uit ";
    if (g.rfind(prefix, 0) == 0) {
        g = g.substr(prefix.size());
    }
    // The first sentence: up to a full stop before a capital or the end of a line ("e.d." goes on).
    for (size_t i = 0; i < g.size(); ++i) {
        bool const stop = g[i] == '\n' ||
                          (g[i] == '.' && (i + 1 == g.size() || g[i + 1] == '\n' ||
                                           (i + 2 < g.size() && g[i + 1] == ' ' && g[i + 2] >= 'A' && g[i + 2] <= 'Z')));
        if (stop) {
            g = g.substr(0, i);
            break;
        }
    }
    while (!g.empty() && (g.back() == '.' || g.back() == ' ')) {
        g.pop_back();
    }
    if (g.empty()) {
        return {};
    }
    return "Het team heeft dit getoetst aan de hand van " + g + ".";
}

std::string findings_for(Norm const& norm, size_t index, bool partly)
{
    std::string text;
    if (auto const it = B8_FINDINGS.find(norm.code); it != B8_FINDINGS.end()) {
        text = it->second;
    } else if (partly) {
        text = "Het team heeft bij deze norm goede voorbeelden gezien, maar ook een duidelijk verbeterpunt.";
    } else {
        text = "De geïnterviewde professionals maken met praktijkvoorbeelden aannemelijk dat zij werken zoals de norm "
               "vraagt.";
    }
    text += " " + guidance_sentence(norm);
    size_t next = index * 5;
    auto const target = partly ? 85 : 108;
    while (word_count(text) < target) {
        text += std::string(" ") + EVIDENCE[next++ % EVIDENCE.size()];
    }
    if (partly) {
        text += " " + IMPROVEMENT.at(norm.code);
    } else {
        text += std::string(" ") + CLOSING[index % CLOSING.size()];
    }
    return text;
}

ReportLine line(std::string key, std::string label, std::string value)
{
    return ReportLine{std::move(key), std::move(label), std::move(value)};
}

std::map<std::string, std::vector<std::string>> const DOCUMENTS = {
    {"VM",
     {"Strategisch opleidingsplan 2024–2026", "Overzicht beroepsregistraties (SKJ, BAMw) per 1 januari",
      "Inwerkprogramma nieuwe medewerkers en stagiaires", "Verslagen intervisie en casuïstiek (steekproef, 6 stuks)",
      "Beroepscode voor de sociaal werker en gedragscode van de organisatie"}},
    {"DV",
     {"Werkinstructie cliëntregistratie en dossiervorming", "Tien cliëntdossiers (maatschappelijk werk, "
                                                             "dagbesteding, opvoedondersteuning)",
      "Meldingen incidenten en analyse 2025", "Protocol meldcode huiselijk geweld en kindermishandeling",
      "Resultaten klanttevredenheidsonderzoek 2025"}},
    {"OB",
     {"Meerjarenbeleidsplan 2024–2027", "Jaarverslag en jaarrekening 2025", "RI&E met plan van aanpak (2024)",
      "Klachtenregeling cliënten en jaarverslag klachtencommissie", "Privacyreglement en register van "
                                                                    "verwerkingen (AVG)",
      "Overzicht jaargesprekken 2025 (steekproef twintig medewerkers)", "Raamovereenkomsten met bedrijfskritische "
                                                                        "leveranciers"}},
};

}  // namespace

VerdictMap example_verdicts(NormFramework const& framework)
{
    VerdictMap verdicts;
    for (auto const& norm : framework.norms) {
        verdicts[norm.code] = Verdict::Met;
    }
    for (auto const* code : PARTLY) {
        verdicts[code] = Verdict::Partly;
    }
    return verdicts;
}

ReportDocument example_report()
{
    auto loaded = load_builtin_framework("2019");
    if (!loaded) {
        throw std::runtime_error(loaded.error().message);
    }
    NormFramework const& framework = *loaded;
    VerdictMap const verdicts = example_verdicts(framework);

    ReportDocument report;
    report.member_name = "Brede Sociaal Werk Organisatie";
    report.ci_name = "CIIO";
    report.stage = ReportStage::Final;
    report.version = 2;
    report.dated = "2026-03-27";
    report.overall = overall_table(framework, verdicts);

    auto const& t = report.overall.totals;
    auto const of = [&](int n, char const* what) {
        return std::to_string(n) + " van de " + std::to_string(report.overall.norm_count) + " normen " + what;
    };
    std::string const conclusion = of(t.met, "voldoen") + "; " + of(t.partly, "voldoen deels") + "; " +
                                   of(t.not_met, "voldoen niet") + "; " + of(t.not_applicable, "niet van toepassing") +
                                   ".";

    report.part_a = {
        ReportSection{"Het onderzoek is uitgevoerd bij",
                      {line("member_name", "Klantnaam", "Brede Sociaal Werk Organisatie (hierna afgekort tot organisatie)"),
                       line("member_address", "Adres", "Voor voorbeeld niet relevant"),
                       line("member_number", "Lidnummer SWN", "Voor voorbeeld niet relevant"),
                       line("contact_name", "Contactpersoon", "Voor voorbeeld niet relevant"),
                       line("contact_phone", "Telefoon", "Voor voorbeeld niet relevant"),
                       line("contact_email", "Email", "Voor voorbeeld niet relevant"),
                       line("member_website", "Website", "Voor voorbeeld niet relevant"),
                       line("fte_staff", "Inzet medewerkers (vast en tijdelijk) in fte", "ca. 95"),
                       line("fte_interns", "Inzet stagiaires in fte", "ca. 15"),
                       line("fte_volunteers", "Inzet bedrijfskritische vrijwilligers in fte",
                            "ca. 30 bedrijfskritische vrijwilligers")}},
        ReportSection{"Het onderzoek is uitgevoerd door",
                      {line("ci_name", "Naam Certificerende instelling", "CIIO"),
                       line("ci_street", "Straat, huisnummer", "Voor voorbeeld niet relevant"),
                       line("ci_town", "Postcode, plaatsnaam", "Voor voorbeeld niet relevant"),
                       line("ci_website", "URL website", "Voor voorbeeld niet relevant"),
                       line("ci_phone", "Telefoonnummer", "Voor voorbeeld niet relevant")}},
        ReportSection{
            "Kerngegevens uitvoering onderzoek",
            {line("audit_kind",
                  "Soort onderzoek ((her)certificering Sterk Sociaal Werk, intercollegiale toetsing, combitoets met "
                  "andere labels)",
                  "Alleen Label; hercertificering"),
             line("previous_expiry", "Expiratiedatum laatste certificaat", "30 april 2026"),
             line("spoken_with", "Gesproken met (functie- en afdelingsnamen)",
                  "Bestuurder, 2 regiomanagers, 2 teamcoaches, stafmedewerker en sociaal werker over innovatie "
                  "primair proces, medewerker en vrijwilligers sociaaljuridische dienstverlening, medewerker "
                  "administratie thuis, coördinator vrijwilligerscentrale, coördinator vrijwillige thuishulp en "
                  "vrijwilliger thuishulp, 4 maatschappelijk werkers, 2 buurtwerkers, 2 schoolmaatschappelijk "
                  "werkers, 3 kinder- en jongerenwerkers, 2 opvoedondersteuning, 4 begeleiders diverse vormen "
                  "dagbesteding, coördinator meldpunt discriminatie, 2 betrokken buurtbemiddelaars, coördinator "
                  "mantelzorg en vrijwilliger mantelzorgondersteuning, 2 stagiaires, 2 vrijwilligers/deelnemers "
                  "participatieproject, tijdens rondgang op locatie enkele deelnemers aan activiteiten."),
             line("execution", "Uitvoering", "3 dagen op zowel het centraal bureau als 1 nevenlocatie."),
             line("plans_closed_on", "Plannen van aanpak rond op", ""),
             line("report", "Verslag", "Definitief verslag met akkoord lid organisatie"),
             line("team_leader", "Teamleider", "<Naam> Teamleider CIIO"),
             line("assessors", "Beoordelaar(s)", "<naam> beoordelaar CIIO"),
             line("read_by", "Verslag tegen gelezen door", "Voor voorbeeld niet relevant"),
             line("hours_on_site", "Tijdsbesteding (in uren onsite, totaal)", "48")}},
        ReportSection{
            "Kerngegevens certificaat en onderzoek vervolg",
            {line("scope", "Scope certificaat",
                  "Het in de regio bieden van opbouwwerk; jeugd- en jongerenwerk; maatschappelijk werk; sociaal "
                  "juridische dienstverlening; wonen-welzijn-mantelzorgondersteuning; lichte zorg en dagbesteding; "
                  "meldpunt discriminatie; beheer vrijwilligerscentrales en vrijwillige inzet."),
             line("sketch", "Schets organisatie",
                  "De getoetste organisatie is een brede welzijnsorganisatie in het midden van het land. Zij werkt "
                  "voor 10 gemeenten en is ook steeds actief op zoek naar aanvullende financieringsbronnen om zo in "
                  "te kunnen spelen op geïdentificeerde kansen en behoeften in het werkgebied, bijvoorbeeld op het "
                  "snijvlak van zorg en welzijn. Ca. 95 fte plus ca. 15 fte aan stagiaires en ca. 30 zgn. "
                  "bedrijfskritische vrijwilligers; ca. 70 werkplekken en uitvalsbases (zoals buurtcentra, "
                  "jongerenketen e.d.) waar en van waaruit wordt gewerkt."),
             line("developments",
                  "Relevante ontwikkelingen (denk aan fusies, nieuwe taken, wisselingen, ander werkgebied e.d.)",
                  "Deelname aan het Innovatief VWS-programma; uitbreiding van welzijn op recept en dagbesteding."),
             line("course", "Verloop onderzoek (locaties onderzoek, live/online, afspraken documenten en dossiers)",
                  "Live, op het centraal bureau en 1 nevenlocatie; documenten vooraf digitaal aangeleverd, dossiers "
                  "ter plaatse ingezien."),
             line("previous_follow_up",
                  "Opvolging verbeterpunten vorig onderzoek (samenvattend wat er met verbeterpunten is gedaan)",
                  "Bij de hertoetsing laat de organisatie goed zien zich verder ontwikkeld te hebben. Alle als voldoet "
                  "niet beoordeelde punten voldoen nu deels of geheel, en ook op punten die nog niet helemaal "
                  "voldoen is voortgang geconstateerd.")}},
        ReportSection{
            "Conclusies",
            {line("conclusion_counts", "Conclusies dit onderzoek (totaal aantal normen wel/ deels/ niet/ niet van "
                                       "toepassing)",
                  conclusion),
             line("conclusion_vm", "Rubriek Vakmanschap",
                  "Voldoet, behalve norm 5 en 7 (deels): afspraken over de eigen bijdrage zijn niet overal "
                  "vastgelegd en de beroepscode is nog weinig doorleefd."),
             line("conclusion_dv", "Rubriek Dienstverlening",
                  "Voldoet, behalve norm 5, 6 en 8 (deels): leren van incidenten, dossiervorming bij een aantal "
                  "werksoorten en het vastleggen van evaluaties."),
             line("conclusion_ob", "Rubriek Organisatie en bestuur",
                  "Voldoet, behalve norm 10 en 16 (deels): jaargesprekken niet bij elke medewerker en de opvolging "
                  "van de RI&E op de nevenlocaties."),
             line("plans_submitted", "Ingediende plannen van aanpak (korte toelichting)",
                  "De opgestelde plannen van aanpak voor de zeven normen die deels voldoen, voldoen.")}},
        ReportSection{"Advies",
                      {line("advice", "Advies (positief/negatief advies met weging verbeterplannen)",
                            "Positief: de verbeterplannen voor de normen die deels voldoen zijn opgesteld en "
                            "goedgekeurd."),
                       line("next_audit", "Tijdsindicatie volgend onderzoek", "Voorjaar 2028"),
                       line("signature", "Ondertekening (plaats, handtekening en naam teamleider audit)",
                            "Teamleider CIIO")}},
    };
    report.strong_points = {
        "Vakvolwassen medewerkers, nemen initiatief en zijn innoverend en maken competenties in praktijk waar",
        "Goed inspelen op kansen ‘in de markt’, bijvoorbeeld op vlak van welzijn op recept en dagbesteding",
        "Veel rendement en spin-off van deelname aan Innovatief VWS-programma",
        "Veel geïnvesteerd in methodiekontwikkeling en het hierbij betrekken van medewerkers; positieve ervaring met "
        "inzet model positieve gezondheid",
        "Weloverwogen inzet bedrijfskritische vrijwilligers en stagiaires met effect 1+1=3",
    };
    report.improvement_points = {
        "Te veel vertrouwen dat implementatie als vanzelf wel goed komt",
        "Dossiervorming bij aantal disciplines/werksoorten onder de maat",
        "Systematiek rond incidentmelden en er uit leren komt nog niet goed uit de verf",
        "Prioriteitsstelling professionals is deels weinig transparant",
        "Beroepscode nog weinig doorleefd en bekend",
    };

    size_t index = 0;
    for (auto const& rubric : framework.rubrics) {
        ReportRubric out;
        out.code = rubric.code;
        out.name = rubric.name;
        for (auto const& norm : framework.norms) {
            if (norm.rubric != rubric.code) {
                continue;
            }
            auto const verdict = verdicts.at(norm.code);
            out.norms.push_back(ReportNorm{norm.code, norm.number, norm.text, verdict, "",
                                           findings_for(norm, index++, verdict == Verdict::Partly)});
        }
        if (auto const it = DOCUMENTS.find(rubric.code); it != DOCUMENTS.end()) {
            out.documents = it->second;
        }
        report.part_b.push_back(std::move(out));
    }
    return report;
}

}  // namespace sterk
