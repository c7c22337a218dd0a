// File: messages.h
// The text of a notification, in the recipient's language (Dutch, English): a subject, a plain
// text body that ends with the link to the page, and that page's path for the app's own list.
// Dutch wording of events and deadlines comes from the framework (procedure.events[].label/todo,
// procedure.deadlines[].label); the English wording is kept here, keyed by the same keys.
//
// Example:
//   auto text = event_message(input, "en");  // text.subject "Sterklabel: Concept report sent – …"
#pragma once

#include "core/certificate/certificate_change.h"
#include "core/certificate/certificate_lifecycle.h"
#include "core/notify/notify_rules.h"

#include <string>
#include <vector>

namespace sterk {

struct MessageText {
    std::string subject;
    std::string body;  // plain text, '\n' line ends
    std::string link;  // the app's path: "/trajecten/12"
};

// trajectory_path: "/trajecten/{id}", the trajectory's page in the web app.
std::string trajectory_path(Id trajectory_id);

// EventMessageInput: what an event message says.
struct EventMessageInput {
    std::string event_key;  // "concept_sent"
    std::string event_label_nl;  // the framework's label: "Conceptrapport verstuurd"
    Date on = Date::from_days_since_epoch(0);  // the day it happened
    Id trajectory_id = 0;
    std::string member_name;
    std::string recipient_name;
    bool must_act = false;
    std::vector<OpenAction> actions;  // the recipient's party's open actions after the event
    std::string base_url;  // "https://sterk.example" (no trailing slash)
};

MessageText event_message(EventMessageInput const& input, std::string const& language);

// overdue_message: the one reminder of an overdue deadline to the party responsible.
MessageText overdue_message(OverdueItem const& item, std::string const& recipient_name, std::string const& base_url,
                            std::string const& language);

// digest_message: the secretariat's list of every overdue deadline on `today`.
MessageText digest_message(std::vector<OverdueItem> const& items, Date today, std::string const& recipient_name,
                           std::string const& base_url, std::string const& language);

// certificate_message: a reminder before expiry, the two-week notice of what happens at expiry,
// or that the certificate is now suspended or lapsed (to the member; the last two also to the
// secretariat). The link is the certificate's page in the public register.
MessageText certificate_message(CertificateEffect const& effect, std::string const& recipient_name,
                                std::string const& base_url, std::string const& language);

// certificate_change_message: a certificate reissued under a new number (what was corrected) or
// withdrawn (the public reason), to the member, its CI and the committee.
MessageText certificate_change_message(CertificateChange const& change, std::string const& recipient_name,
                                       std::string const& base_url, std::string const& language);

// english_label: the English wording of an event's label or an action/deadline key's todo
// ("concept_sent" → "Concept report sent"); empty when unknown.
std::string english_event_label(std::string const& event_key);
std::string english_todo(std::string const& key);

// english_date: "Sunday 29 November 2026".
std::string english_date(Date date);

}  // namespace sterk
