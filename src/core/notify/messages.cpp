#include "core/notify/messages.h"

#include <array>
#include <map>

namespace sterk {

namespace {

bool english(std::string const& language)
{
    return language == "en";
}

std::map<std::string, std::string> const& english_events()
{
    static std::map<std::string, std::string> const labels{
        {"self_evaluation_completed", "Self-evaluation completed"},
        {"self_evaluation_feedback_requested", "Feedback on the self-evaluation requested"},
        {"self_evaluation_feedback_given", "Feedback on the self-evaluation given"},
        {"audit_requested", "Audit requested"},
        {"audit_declined", "Audit request declined by the certification body"},
        {"audit_accepted", "Audit request accepted by the certification body"},
        {"membership_confirmed", "Membership confirmed and audit registered"},
        {"audit_planned", "Audit planned"},
        {"last_audit_day", "Last audit day"},
        {"concept_sent", "Concept report sent"},
        {"corrections_received", "Corrections to the concept received"},
        {"findings_final", "Findings final"},
        {"plan_submitted", "Improvement plan submitted"},
        {"plan_rejected", "Improvement plan rejected"},
        {"revision_submitted", "Revised improvement plan submitted"},
        {"plan_approved", "Improvement plan approved"},
        {"next_steps_agreed", "Next step agreed"},
        {"final_report_with_plans_sent", "Final report with the plans sent"},
        {"additional_audit_planned", "Additional audit planned"},
        {"additional_audit_held", "Additional audit held"},
        {"additional_audit_declined", "Additional audit declined"},
        {"positive_advice", "Positive advice"},
        {"negative_advice", "Negative advice"},
        {"part_a_received", "Part A received by the secretariat"},
        {"part_a_found_incomplete", "Part A found incomplete"},
        {"part_a_returned", "Part A returned to the certification body"},
        {"part_a_resubmitted", "Completed Part A resubmitted"},
        {"receipt_confirmed", "Receipt of Part A confirmed"},
        {"certificate_issued", "Certificate issued"},
        {"trajectory_withdrawn", "Trajectory withdrawn"},
    };
    return labels;
}

std::map<std::string, std::string> const& english_todos()
{
    static std::map<std::string, std::string> const todos{
        // Events, as the next step.
        {"self_evaluation_completed", "Complete the self-evaluation"},
        {"self_evaluation_feedback_requested", "Request feedback on the self-evaluation"},
        {"self_evaluation_feedback_given", "Give feedback on the self-evaluation"},
        {"audit_requested", "Request an audit from a certification body"},
        {"audit_declined", "Decline the request"},
        {"audit_accepted", "Accept or decline the audit request"},
        {"membership_confirmed", "Confirm the membership and membership number"},
        {"audit_planned", "Plan the audit (dates and team)"},
        {"last_audit_day", "Record the last audit day"},
        {"concept_sent", "Send the concept report (Part A and B)"},
        {"corrections_received", "Report factual errors in the concept"},
        {"findings_final", "Issue the final report"},
        {"plan_submitted", "Submit the improvement plan"},
        {"plan_rejected", "Reject the improvement plan"},
        {"revision_submitted", "Submit the revised improvement plan"},
        {"plan_approved", "Assess the improvement plan"},
        {"next_steps_agreed", "Give negative advice or agree a next step"},
        {"final_report_with_plans_sent", "Send the final report with the approved plans"},
        {"additional_audit_planned", "Plan the additional on-site audit"},
        {"additional_audit_held", "Record the findings of the additional audit"},
        {"additional_audit_declined", "Decline the additional audit"},
        {"positive_advice", "Record positive advice"},
        {"negative_advice", "Record negative advice"},
        {"part_a_received", "Send Part A to the secretariat"},
        {"part_a_found_incomplete", "Check Part A"},
        {"part_a_returned", "Return Part A with remarks to the certification body"},
        {"part_a_resubmitted", "Complete Part A and submit it again"},
        {"receipt_confirmed", "Check Part A and confirm its receipt"},
        {"certificate_issued", "Issue the certificate"},
        {"trajectory_withdrawn", "Withdraw the trajectory"},
        // Deadlines (procedure.deadlines[].key).
        {"concept_report", "Concept report (Part A and B) to the organisation"},
        {"factual_corrections", "Corrections of factual errors in the concept report to the certification body"},
        {"final_report", "Final report after the corrections of factual errors"},
        {"improvement_plan", "Improvement plan for every norm partly met or not met"},
        {"plan_assessment", "Assessment of the improvement plan by the certification body"},
        {"plan_revision", "Revised improvement plan after rejection"},
        {"revision_assessment", "Assessment of the revised improvement plan by the certification body"},
        {"final_report_with_plans", "Final report (Part A and B) with the assessed plans to the organisation"},
        {"part_a_to_secretariat", "Summary of the audit outcome (Part A) with positive advice to the secretariat"},
        {"secretariat_check", "Check of Part A for completeness and formal correctness"},
        {"part_a_return", "Incomplete or incorrect Part A back to the certification body"},
        {"part_a_completion", "Completed or corrected Part A back to the secretariat"},
        {"certificate_issue", "Certificate, entry in the quality register and informing the member"},
        {"over_threshold_plans", "Improvement plan for every norm not or partly met (scenario c)"},
        {"additional_audit", "Additional on-site audit (scenario c)"},
        {"next_steps", "Agreed next step after the second rejection of the improvement plan"},
    };
    return todos;
}

std::string or_key(std::string const& text, std::string const& key)
{
    return text.empty() ? key : text;
}

std::string party_name(std::string const& actor, bool en)
{
    if (actor == "member") {
        return en ? "member" : "lid";
    }
    if (actor == "ci") {
        return en ? "certification body" : "CI";
    }
    if (actor == "secretariat") {
        return en ? "secretariat" : "secretariaat";
    }
    return actor;
}

std::string greeting(std::string const& name, bool en)
{
    if (name.empty()) {
        return en ? "Hello," : "Beste,";
    }
    return (en ? "Dear " : "Beste ") + name + ",";
}

std::string closing(bool en)
{
    return en ? "Kind regards,\nSterklabel\n\n(An automatic message. You can choose the language of these messages in "
                "Sterklabel.)\n"
              : "Met vriendelijke groet,\nSterklabel\n\n(Dit bericht is automatisch verstuurd. De taal van deze "
                "berichten kiest u in Sterklabel.)\n";
}

std::string long_date(Date date, bool en)
{
    return en ? english_date(date) : date.dutch_long();
}

}  // namespace

std::string english_event_label(std::string const& event_key)
{
    auto const found = english_events().find(event_key);
    return found == english_events().end() ? std::string{} : found->second;
}

std::string english_todo(std::string const& key)
{
    auto const found = english_todos().find(key);
    return found == english_todos().end() ? std::string{} : found->second;
}

std::string english_date(Date date)
{
    static std::array<char const*, 7> const days{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                                "Sunday"};
    static std::array<char const*, 12> const months{"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};
    return std::string{days[static_cast<size_t>(date.weekday())]} + " " + std::to_string(date.day()) + " " +
           months[static_cast<size_t>(date.month() - 1)] + " " + std::to_string(date.year());
}

std::string trajectory_path(Id trajectory_id)
{
    return "/trajecten/" + std::to_string(trajectory_id);
}

MessageText event_message(EventMessageInput const& input, std::string const& language)
{
    bool const en = english(language);
    std::string const label =
        en ? or_key(english_event_label(input.event_key), input.event_key) : or_key(input.event_label_nl, input.event_key);
    MessageText out;
    out.link = trajectory_path(input.trajectory_id);
    out.subject = "Sterklabel: " + label + " – " + input.member_name;
    std::string body = greeting(input.recipient_name, en) + "\n\n";
    body += en ? "In the trajectory of " + input.member_name + " this has been recorded: " + label + " (" +
                     long_date(input.on, en) + ").\n\n"
               : "In het traject van " + input.member_name + " is vastgelegd: " + label + " (" +
                     long_date(input.on, en) + ").\n\n";
    if (input.must_act && !input.actions.empty()) {
        body += en ? "What is now asked of you:\n" : "Wat er nu van u gevraagd wordt:\n";
        for (auto const& action : input.actions) {
            std::string const todo = en ? or_key(english_todo(action.key), action.todo) : action.todo;
            body += "- " + todo;
            if (action.due) {
                body += en ? " (by " + long_date(*action.due, en) + ")" : " (uiterlijk " + long_date(*action.due, en) + ")";
            }
            if (!action.source.empty()) {
                body += en ? "; handbook " + action.source : "; handboek " + action.source;
            }
            body += "\n";
        }
        body += "\n";
    } else {
        body += en ? "This message is for your information; nothing is asked of you now.\n\n"
                   : "Dit bericht is ter informatie; er wordt nu niets van u gevraagd.\n\n";
    }
    body += (en ? "View the trajectory: " : "Bekijk het traject: ") + input.base_url + out.link + "\n\n";
    body += closing(en);
    out.body = std::move(body);
    return out;
}

MessageText overdue_message(OverdueItem const& item, std::string const& recipient_name, std::string const& base_url,
                            std::string const& language)
{
    bool const en = english(language);
    std::string const label = en ? or_key(english_todo(item.deadline_key), item.label) : item.label;
    MessageText out;
    out.link = trajectory_path(item.trajectory_id);
    out.subject = (en ? "Sterklabel: deadline passed – " : "Sterklabel: termijn verstreken – ") + label;
    std::string body = greeting(recipient_name, en) + "\n\n";
    if (en) {
        body += "In the trajectory of " + item.member_name + " this was due by " + long_date(item.due, en) + ":\n- " +
                label + (item.source.empty() ? "" : " (handbook " + item.source + ")") +
                "\n\nIt has not been recorded yet. This is the only reminder; the deadline stays on your list of "
                "open actions until it is met.\n\n";
    } else {
        body += "In het traject van " + item.member_name + " moest dit uiterlijk " + long_date(item.due, en) +
                " gebeuren:\n- " + label + (item.source.empty() ? "" : " (handboek " + item.source + ")") +
                "\n\nDat is nog niet vastgelegd. Dit is de enige herinnering; de termijn blijft op uw lijst van "
                "openstaande acties tot hij is afgerond.\n\n";
    }
    body += (en ? "View the trajectory: " : "Bekijk het traject: ") + base_url + out.link + "\n\n";
    body += closing(en);
    out.body = std::move(body);
    return out;
}

MessageText digest_message(std::vector<OverdueItem> const& items, Date today, std::string const& recipient_name,
                           std::string const& base_url, std::string const& language)
{
    bool const en = english(language);
    MessageText out;
    out.link = "/trajecten";
    out.subject = en ? "Sterklabel: overdue deadlines on " + today.iso()
                     : "Sterklabel: verstreken termijnen op " + today.iso();
    std::string body = greeting(recipient_name, en) + "\n\n";
    body += en ? "These deadlines have passed (" + std::to_string(items.size()) + "; new ones marked *):\n"
               : "Deze termijnen zijn verstreken (" + std::to_string(items.size()) + "; nieuwe met *):\n";
    for (auto const& item : items) {
        std::string const label = en ? or_key(english_todo(item.deadline_key), item.label) : item.label;
        body += std::string(item.new_today ? "* " : "- ") + item.member_name + " (" +
                (en ? "trajectory " : "traject ") + std::to_string(item.trajectory_id) + "): " + label + "; " +
                party_name(item.actor, en) + ", " + (en ? "due " : "uiterlijk ") + item.due.iso() + "\n";
    }
    body += "\n" + std::string(en ? "All trajectories: " : "Alle trajecten: ") + base_url + out.link + "\n\n";
    body += closing(en);
    out.body = std::move(body);
    return out;
}

MessageText certificate_message(CertificateEffect const& effect, std::string const& recipient_name,
                                std::string const& base_url, std::string const& language)
{
    bool const en = english(language);
    auto const& c = effect.certificate;
    MessageText out;
    out.link = "/register/" + c.number;
    std::string const which = (en ? "certificate " : "certificaat ") + c.number + (en ? " of " : " van ") + c.member_name;
    std::string const expires = long_date(c.expires, en);
    std::string text;
    switch (effect.kind) {
    case CertificateEffectKind::Reminder:
        out.subject = en ? "Sterklabel: your certificate expires on " + expires
                         : "Sterklabel: uw certificaat verloopt op " + expires;
        text = en ? "The " + which + " expires on " + expires +
                        ". Request the re-certification in time and agree the audit with a certification body: "
                        "without a re-certification under way the certificate lapses on that day."
                  : "Het " + which + " verloopt op " + expires +
                        ". Vraag tijdig de hercertificering aan en spreek de toetsing af met een certificerende "
                        "instelling: zonder lopende hercertificering vervalt het certificaat op die dag.";
        break;
    case CertificateEffectKind::Notice: {
        out.subject = en ? "Sterklabel: what happens to your certificate on " + expires
                         : "Sterklabel: wat er op " + expires + " met uw certificaat gebeurt";
        std::string outcome;
        if (c.renewal.positive_on) {
            outcome = en ? "it is renewed: the new certificate starts on that day."
                         : "wordt het verlengd: het nieuwe certificaat gaat op die dag in.";
        } else if (effect.outcome.status == CertificateStatus::Suspended) {
            std::string const through = effect.outcome.suspended_through
                                            ? long_date(*effect.outcome.suspended_through, en)
                                            : std::string{"?"};
            outcome = en ? "it is suspended while the re-certification runs, until " + through +
                               " at the latest. While suspended you may not refer to the certificate or use the "
                               "label's logo."
                         : "wordt het geschorst zolang de hercertificering loopt, uiterlijk tot en met " + through +
                               ". Zolang het geschorst is, mag u niet naar het certificaat verwijzen en het logo niet "
                               "gebruiken.";
        } else {
            outcome = en ? "it lapses: your organisation leaves the Kwaliteitsregister and may no longer use the "
                           "label's logo."
                         : "vervalt het: uw organisatie staat dan niet meer in het Kwaliteitsregister en mag het logo "
                           "niet meer gebruiken.";
        }
        text = en ? "The " + which + " expires in two weeks, on " + expires + ". On that day " + outcome
                  : "Het " + which + " verloopt over twee weken, op " + expires + ". Op die dag " + outcome;
        break;
    }
    case CertificateEffectKind::Suspended: {
        std::string const through =
            effect.outcome.suspended_through ? long_date(*effect.outcome.suspended_through, en) : std::string{"?"};
        out.subject = en ? "Sterklabel: certificate " + c.number + " suspended"
                         : "Sterklabel: certificaat " + c.number + " geschorst";
        text = en ? "The " + which + " is suspended from " + long_date(effect.due, en) +
                        " while the re-certification runs, until " + through +
                        " at the latest. The register marks it as suspended; the label's logo may not be used meanwhile."
                  : "Het " + which + " is geschorst vanaf " + long_date(effect.due, en) +
                        " zolang de hercertificering loopt, uiterlijk tot en met " + through +
                        ". Het register toont het als geschorst; het logo mag in die tijd niet worden gebruikt.";
        break;
    }
    case CertificateEffectKind::Lapsed:
        out.subject = en ? "Sterklabel: certificate " + c.number + " lapsed"
                         : "Sterklabel: certificaat " + c.number + " vervallen";
        text = en ? "The " + which + " lapsed on " + long_date(effect.due, en) +
                        ". It has left the Kwaliteitsregister, and the label's logo may no longer be used from that day."
                  : "Het " + which + " is vervallen op " + long_date(effect.due, en) +
                        ". Het staat niet meer in het Kwaliteitsregister, en het logo mag vanaf die dag niet meer "
                        "worden gebruikt.";
        break;
    }
    out.body = greeting(recipient_name, en) + "\n\n" + text + "\n\n" +
               (en ? "The certificate in the register: " : "Het certificaat in het register: ") + base_url + out.link +
               "\n\n" + closing(en);
    return out;
}

MessageText certificate_change_message(CertificateChange const& change, std::string const& recipient_name,
                                       std::string const& base_url, std::string const& language)
{
    bool const en = english(language);
    auto const& c = change.certificate;
    MessageText out;
    out.link = "/register/" + c.number;
    std::string text;
    if (change.kind == CertificateChangeKind::Reissued) {
        out.subject = en ? "Sterklabel: certificate " + change.previous_number + " reissued as " + c.number
                         : "Sterklabel: certificaat " + change.previous_number + " opnieuw uitgegeven als " + c.number;
        text = en ? "On " + long_date(change.on, en) + " the secretariat corrected certificate " + change.previous_number +
                        " of " + c.member_name + ": " + c.reason + ". It has been replaced by certificate " + c.number +
                        ", valid through " + long_date(c.valid_through, en) +
                        ". The old certificate no longer counts; use the new one."
                  : "Op " + long_date(change.on, en) + " heeft het secretariaat certificaat " + change.previous_number +
                        " van " + c.member_name + " gecorrigeerd: " + c.reason + ". Het is vervangen door certificaat " +
                        c.number + ", geldig tot en met " + long_date(c.valid_through, en) +
                        ". Het oude certificaat telt niet meer; gebruik het nieuwe.";
    } else {
        out.subject = en ? "Sterklabel: certificate " + c.number + " withdrawn"
                         : "Sterklabel: certificaat " + c.number + " ingetrokken";
        text = en ? "On " + long_date(change.on, en) + " the secretariat withdrew certificate " + c.number + " of " +
                        c.member_name + ". Reason: " + c.reason +
                        ". It has left the Kwaliteitsregister, and the label's logo may no longer be used from that day."
                  : "Op " + long_date(change.on, en) + " heeft het secretariaat certificaat " + c.number + " van " +
                        c.member_name + " ingetrokken. Reden: " + c.reason +
                        ". Het staat niet meer in het Kwaliteitsregister, en het logo mag vanaf die dag niet meer "
                        "worden gebruikt.";
    }
    out.body = greeting(recipient_name, en) + "\n\n" + text + "\n\n" +
               (en ? "The certificate in the register: " : "Het certificaat in het register: ") + base_url + out.link +
               "\n\n" + closing(en);
    return out;
}

}  // namespace sterk
