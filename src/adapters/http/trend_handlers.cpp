// Trend analysis (issue 12): the anonymised view for the committee and the secretariat, as JSON
// and CSV, and a member's calibration of its self-evaluation against its audits. Every figure
// comes from TrendView, so a group the view suppresses is "te weinig gegevens" everywhere.
#include "adapters/http/call_support.h"
#include "adapters/http/export_response.h"
#include "adapters/http/handlers.h"
#include "adapters/http/json_body.h"

namespace sterk::http {

namespace {

TrendService& service(AppServices& app)
{
    return *app.trends;
}

std::string query_value(Call const& call, char const* name, std::string fallback)
{
    auto const found = call.request.query.find(name);
    return found == call.request.query.end() || found->second.empty() ? fallback : found->second;
}

TrendSelection selection_of(Call const& call)
{
    return {query_value(call, "variant", "*"), query_value(call, "band", "*")};
}

std::string column_label(TrendColumn const& column)
{
    return column.year == 0 ? std::string{"alle jaren"} : std::to_string(column.year);
}

nlohmann::json counts_json(std::optional<VerdictTally> const& counts)
{
    if (!counts) {
        return nullptr;
    }
    return {{"met", counts->met},
            {"partly", counts->partly},
            {"not_met", counts->not_met},
            {"not_applicable", counts->not_applicable},
            {"total", counts->total()}};
}

nlohmann::json ranked_json(std::vector<RankedNorm> const& norms)
{
    nlohmann::json out = nlohmann::json::array();
    for (auto const& n : norms) {
        out.push_back({{"code", n.code}, {"text", n.text}, {"count", n.count}, {"partly", n.partly}, {"out_of", n.out_of}});
    }
    return out;
}

nlohmann::json steps_json(std::vector<StepTrend> const& steps)
{
    nlohmann::json out = nlohmann::json::array();
    for (auto const& s : steps) {
        out.push_back({{"deadline", s.deadline},
                       {"label", s.label},
                       {"party", s.party},
                       {"met", s.met},
                       {"mean_days", s.mean_days},
                       {"mean_allowed", s.mean_allowed},
                       {"late", s.late}});
    }
    return out;
}

nlohmann::json trend_json(TrendView const& view)
{
    nlohmann::json columns = nlohmann::json::array();
    for (auto const& c : view.columns) {
        // A suppressed group does not even say how small it is.
        columns.push_back({{"year", c.year == 0 ? nlohmann::json(nullptr) : nlohmann::json(c.year)},
                           {"label", column_label(c)},
                           {"suppressed", c.suppressed},
                           {"organisations", c.suppressed ? nlohmann::json(nullptr) : nlohmann::json(c.organisations)},
                           {"reports", c.suppressed ? nlohmann::json(nullptr) : nlohmann::json(c.reports)}});
    }
    auto const rows = [](auto const& items, bool with_rubric) {
        nlohmann::json out = nlohmann::json::array();
        for (auto const& item : items) {
            nlohmann::json cells = nlohmann::json::array();
            for (auto const& counts : item.columns) {
                cells.push_back(counts_json(counts));
            }
            nlohmann::json row{{"code", item.code}, {"columns", cells}};
            if constexpr (requires { item.rubric; }) {
                if (with_rubric) {
                    row["rubric"] = item.rubric;
                }
            }
            if constexpr (requires { item.name; }) {
                row["name"] = item.name;
            }
            out.push_back(row);
        }
        return out;
    };
    nlohmann::json calibration = nlohmann::json::array();
    for (auto const& c : view.calibration) {
        calibration.push_back({{"code", c.code}, {"agree", c.agree}, {"compared", c.compared}});
    }
    nlohmann::json per_ci = nlohmann::json::array();
    for (auto const& ci : view.per_ci) {
        per_ci.push_back({{"ci_id", ci.ci_id},
                          {"name", ci.name},
                          {"suppressed", ci.suppressed},
                          {"organisations", ci.suppressed ? nlohmann::json(nullptr) : nlohmann::json(ci.organisations)},
                          {"steps", steps_json(ci.steps)}});
    }
    return {{"selection", {{"variant", view.selection.variant}, {"band", view.selection.band}}},
            {"min_organisations", view.min_organisations},
            {"too_few", TOO_FEW},
            {"bands", size_bands()},
            {"columns", columns},
            {"norms", rows(view.norms, true)},
            {"rubrics", rows(view.rubrics, false)},
            {"most_not_met", ranked_json(view.most_not_met)},
            {"strong_points", ranked_json(view.strong_points)},
            {"improvement_points", ranked_json(view.improvement_points)},
            {"steps", steps_json(view.steps)},
            {"calibration", calibration},
            {"per_ci", per_ci}};
}

}  // namespace

Result<Response> get_trends(AppServices& app, Call const& call)
{
    auto const view = TRY(service(app).view(call.session->principal(), selection_of(call)));
    auto body = trend_json(view);
    body["variants"] = nlohmann::json::array();
    for (auto const& variant : app.tariffs.variants) {
        body["variants"].push_back({{"key", variant.key}, {"label", variant.label}});
    }
    return Response::json(200, body);
}

// get_trends_export: per norm and column the verdict counts with Dutch headings, as CSV or XLSX;
// a suppressed column says "te weinig gegevens" and gives no figure, not even its size.
Result<Response> get_trends_export(AppServices& app, Call const& call)
{
    auto const view = TRY(service(app).view(call.session->principal(), selection_of(call)));
    ExportTable table{"trendanalyse",
                      {"Jaar", "Rubriek", "Norm", "Voldoet (+)", "Deels (+/-)", "Voldoet niet (-)", "N.v.t.", "Totaal",
                       "Organisaties"},
                      {}};
    for (auto const& norm : view.norms) {
        for (size_t i = 0; i < view.columns.size(); ++i) {
            auto const& column = view.columns[i];
            std::vector<ExportCell> row{column.year == 0 ? ExportCell{column_label(column)}
                                                         : ExportCell{static_cast<double>(column.year)},
                                        norm.rubric, norm.code};
            if (auto const& counts = norm.columns[i]) {
                for (long const n : {static_cast<long>(counts->met), static_cast<long>(counts->partly),
                                     static_cast<long>(counts->not_met), static_cast<long>(counts->not_applicable),
                                     static_cast<long>(counts->total()), static_cast<long>(column.organisations)}) {
                    row.emplace_back(static_cast<double>(n));
                }
            } else {
                row.emplace_back(std::string{TOO_FEW});
            }
            table.rows.push_back(std::move(row));
        }
    }
    return table_download(table, call.request.path);
}

Result<Response> get_member_calibration(AppServices& app, Call const& call)
{
    Id const member = TRY(path_id(call, Error::not_found("Dit lid bestaat niet.")));
    nlohmann::json audits = nlohmann::json::array();
    for (auto const& one : TRY(service(app).calibration(call.session->principal(), member))) {
        nlohmann::json norms = nlohmann::json::array();
        for (auto const& n : one.norms) {
            nlohmann::json branch = nullptr;
            if (n.branch && n.branch->compared >= TREND_MIN_ORGANISATIONS) {
                branch = {{"agree", n.branch->agree}, {"compared", n.branch->compared}};
            }
            norms.push_back({{"code", n.code},
                             {"text", n.text},
                             {"self", n.self ? nlohmann::json(verdict_symbol(*n.self)) : nlohmann::json(nullptr)},
                             {"audit", n.audit ? nlohmann::json(verdict_symbol(*n.audit)) : nlohmann::json(nullptr)},
                             {"branch", branch}});
        }
        audits.push_back({{"trajectory_id", one.trajectory_id},
                          {"year", one.year},
                          {"agree", one.agree},
                          {"compared", one.compared},
                          {"norms", norms}});
    }
    return Response::json(200, {{"audits", audits}});
}

}  // namespace sterk::http
