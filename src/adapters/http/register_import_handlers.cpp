// POST /api/v1/register/import (issue 11, item 5): the secretariat loads the register kept before
// this system. The body is JSON {"csv": "..."}: the web page reads the chosen file as text, and
// the JSON-only body rule (and its 1 MiB limit) stays as for every other endpoint. ?dry_run=true
// checks only. Refused rows answer 400 (InvalidArgument) with every problem in `errors`.
#include "adapters/http/call_support.h"
#include "adapters/http/error_mapping.h"
#include "adapters/http/handlers.h"
#include "adapters/http/json_body.h"

namespace sterk::http {

namespace {

nlohmann::json summary_json(RegisterImport const& outcome, ImportMode mode)
{
    auto const& s = outcome.summary;
    return {{"dry_run", mode == ImportMode::CheckOnly},
            {"written", outcome.written},
            {"rows", s.rows},
            {"members_created", s.members_created},
            {"members_matched", s.members_matched},
            {"certificates_imported", s.certificates_imported},
            {"certificates_present", s.certificates_present},
            {"certificates_lapsed", s.certificates_lapsed}};
}

Response refusal(RegisterImport const& outcome)
{
    nlohmann::json errors = nlohmann::json::array();
    for (auto const& p : outcome.problems) {
        errors.push_back({{"line", p.line}, {"field", p.field}, {"message", p.message}});
    }
    auto const& first = outcome.problems.front();
    auto const count = outcome.problems.size();
    std::string const message = (count == 1 ? std::string{"Het bestand heeft 1 fout"}
                                            : "Het bestand heeft " + std::to_string(count) + " fouten") +
                                "; er is niets geïmporteerd. " + describe(first) + ".";
    nlohmann::json body{{"code", code_key(ErrorCode::InvalidArgument)}, {"message", message}, {"errors", errors}};
    if (!first.field.empty()) {
        body["field"] = first.field;
    }
    return Response::json(status_for(ErrorCode::InvalidArgument), body);
}

Result<ImportMode> mode_of(Call const& call)
{
    auto const found = call.request.query.find("dry_run");
    if (found == call.request.query.end() || found->second == "false") {
        return ImportMode::Write;
    }
    if (found->second == "true") {
        return ImportMode::CheckOnly;
    }
    return Error::invalid("dry_run", "dry_run is true of false.");
}

}  // namespace

Result<Response> post_register_import(AppServices& app, Call const& call)
{
    auto const mode = TRY(mode_of(call));
    auto const body = TRY(JsonBody::parse(call.request.body, {"csv"}));
    auto const csv = TRY(body.required_string("csv"));
    RegisterImportOptions options;
    options.mode = mode;
    auto const outcome = TRY(app.certificates->import_register(call.session->principal(), actor_of(call), csv,
                                                               local_date(call.now), call.now, options));
    if (!outcome.problems.empty()) {
        return refusal(outcome);
    }
    return Response::json(200, summary_json(outcome, mode));
}

}  // namespace sterk::http
