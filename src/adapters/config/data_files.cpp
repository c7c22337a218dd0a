#include "adapters/config/data_files.h"

#include "adapters/config/yaml_reader.h"
#include "core/utf8.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace sterk {

std::vector<std::pair<std::string_view, std::string_view>> const& embedded_files();  // generated

namespace {

Result<Period> read_period(YamlReader const& reader, YAML::Node const& node, std::string const& field)
{
    if (!node.IsMap() || node.size() != 1) {
        return reader.error(node, field, "verwacht één van {days: N}, {weeks: N}, {months: N}, {years: N}");
    }
    auto const key = node.begin()->first.as<std::string>();
    PeriodUnit unit = PeriodUnit::Days;
    if (key == "days") {
        unit = PeriodUnit::Days;
    } else if (key == "weeks") {
        unit = PeriodUnit::Weeks;
    } else if (key == "months") {
        unit = PeriodUnit::Months;
    } else if (key == "years") {
        unit = PeriodUnit::Years;
    } else {
        return reader.error(node, field, "onbekende eenheid '" + key + "'");
    }
    int const amount = TRY(reader.int_field(node, key, field + "." + key));
    if (amount < 0) {
        return reader.error(node, field, "mag niet negatief zijn");
    }
    return Period{amount, unit};
}

Result<Period> period_field(YamlReader const& reader, YAML::Node const& parent, std::string const& key,
                            std::string const& field)
{
    auto node = TRY(reader.map_field(parent, key, field));
    return read_period(reader, node, field);
}

Result<ProcedureSettings> read_procedure(YamlReader const& reader, YAML::Node const& root)
{
    auto node = TRY(reader.map_field(root, "procedure", "procedure"));
    ProcedureSettings procedure;
    procedure.max_not_met = TRY(reader.int_field(node, "max_not_met", "procedure.max_not_met"));
    procedure.max_partly = TRY(reader.int_field(node, "max_partly", "procedure.max_partly"));
    procedure.certificate_validity =
        TRY(period_field(reader, node, "certificate_validity", "procedure.certificate_validity"));
    procedure.suspension_max = TRY(period_field(reader, node, "suspension_max", "procedure.suspension_max"));
    procedure.expiry_notice = TRY(period_field(reader, node, "expiry_notice", "procedure.expiry_notice"));
    procedure.postponement_after_self_evaluation = TRY(period_field(
        reader, node, "postponement_after_self_evaluation", "procedure.postponement_after_self_evaluation"));
    auto reminders = TRY(reader.list_field(node, "reminders_before_expiry", "procedure.reminders_before_expiry"));
    for (size_t i = 0; i < reminders.size(); ++i) {
        procedure.reminders_before_expiry.push_back(
            TRY(read_period(reader, reminders[i], "procedure.reminders_before_expiry[" + std::to_string(i) + "]")));
    }
    auto deadlines = TRY(reader.list_field(node, "deadlines", "procedure.deadlines"));
    for (size_t i = 0; i < deadlines.size(); ++i) {
        auto const& d = deadlines[i];
        std::string const field = "procedure.deadlines[" + std::to_string(i) + "]";
        DeadlineRule rule;
        rule.key = TRY(reader.string_field(d, "key", field + ".key"));
        bool known = false;
        for (auto const& spec : deadline_specs()) {
            if (rule.key == spec.key) {
                rule.kind = spec.kind;
                known = true;
            }
        }
        if (!known) {
            return reader.error(d, field + ".key", "onbekende termijn '" + rule.key + "'");
        }
        rule.after = TRY(reader.string_field(d, "after", field + ".after"));
        if (d["after_initial"]) {
            rule.after_initial = TRY(reader.string_field(d, "after_initial", field + ".after_initial"));
        }
        // An agreed due date comes with the event that opens it; every other deadline has a period.
        if (d["due"] && d["due"].IsScalar() && d["due"].as<std::string>() == "agreed") {
            rule.agreed = true;
        } else {
            rule.period = TRY(period_field(reader, d, "period", field + ".period"));
        }
        rule.actor = TRY(reader.string_field(d, "actor", field + ".actor"));
        rule.label = TRY(reader.string_field(d, "label", field + ".label"));
        rule.source = TRY(reader.string_field(d, "source", field + ".source"));
        procedure.deadlines.push_back(std::move(rule));
    }
    auto events = TRY(reader.list_field(node, "events", "procedure.events"));
    for (size_t i = 0; i < events.size(); ++i) {
        std::string const field = "procedure.events[" + std::to_string(i) + "]";
        EventRule rule;
        rule.key = TRY(reader.string_field(events[i], "key", field + ".key"));
        rule.actor = TRY(reader.string_field(events[i], "actor", field + ".actor"));
        rule.label = TRY(reader.string_field(events[i], "label", field + ".label"));
        rule.todo = TRY(reader.string_field(events[i], "todo", field + ".todo"));
        procedure.events.push_back(std::move(rule));
    }
    return procedure;
}

Result<NormFramework> read_framework(YamlReader const& reader, YAML::Node const& root)
{
    NormFramework fw;
    fw.version = TRY(reader.string_field(root, "version", "version"));
    fw.title = TRY(reader.string_field(root, "title", "title"));
    fw.published = TRY(reader.string_field(root, "published", "published"));
    fw.copyright = TRY(reader.string_field(root, "copyright", "copyright"));

    auto rubrics = TRY(reader.list_field(root, "rubrics", "rubrics"));
    for (size_t i = 0; i < rubrics.size(); ++i) {
        auto const& r = rubrics[i];
        std::string const field = "rubrics[" + std::to_string(i) + "]";
        Rubric rubric;
        rubric.code = TRY(reader.string_field(r, "code", field + ".code"));
        rubric.number = TRY(reader.int_field(r, "number", field + ".number"));
        rubric.name = TRY(reader.string_field(r, "name", field + ".name"));
        rubric.description = TRY(reader.string_field(r, "description", field + ".description"));
        rubric.norm_count = TRY(reader.int_field(r, "norm_count", field + ".norm_count"));
        rubric.pos = reader.pos(r);
        fw.rubrics.push_back(std::move(rubric));
    }

    auto norms = TRY(reader.list_field(root, "norms", "norms"));
    for (size_t i = 0; i < norms.size(); ++i) {
        auto const& n = norms[i];
        std::string const field = "norms[" + std::to_string(i) + "]";
        Norm norm;
        norm.code = TRY(reader.string_field(n, "code", field + ".code"));
        std::string const named = field + " (" + norm.code + ")";
        norm.rubric = TRY(reader.string_field(n, "rubric", named + ".rubric"));
        norm.number = TRY(reader.int_field(n, "number", named + ".number"));
        norm.text = TRY(reader.string_field(n, "text", named + ".text"));
        auto const applicability = TRY(reader.string_field(n, "applicability", named + ".applicability"));
        if (applicability == "always") {
            norm.applicability = Applicability::Always;
        } else if (applicability == "where-relevant") {
            norm.applicability = Applicability::WhereRelevant;
        } else {
            return reader.error(n, named + ".applicability", "verwacht 'always' of 'where-relevant'");
        }
        norm.guidance = TRY(reader.string_field(n, "guidance", named + ".guidance"));
        norm.questions = TRY(reader.string_list(n, "questions", named + ".questions"));
        norm.evidence = TRY(reader.string_list(n, "evidence", named + ".evidence"));
        norm.pos = reader.pos(n);
        fw.norms.push_back(std::move(norm));
    }

    auto branchecode = TRY(reader.map_field(root, "branchecode", "branchecode"));
    fw.branchecode_adopted = TRY(reader.string_field(branchecode, "adopted", "branchecode.adopted"));
    auto groups = TRY(reader.list_field(branchecode, "groups", "branchecode.groups"));
    for (size_t i = 0; i < groups.size(); ++i) {
        std::string const field = "branchecode.groups[" + std::to_string(i) + "]";
        BranchecodeGroup group;
        group.name = TRY(reader.string_field(groups[i], "name", field + ".name"));
        group.values = TRY(reader.string_list(groups[i], "values", field + ".values"));
        fw.branchecode.push_back(std::move(group));
    }

    auto terminology = TRY(reader.list_field(root, "terminology", "terminology"));
    for (size_t i = 0; i < terminology.size(); ++i) {
        std::string const field = "terminology[" + std::to_string(i) + "]";
        Term term;
        term.term = TRY(reader.string_field(terminology[i], "term", field + ".term"));
        term.definition = TRY(reader.string_field(terminology[i], "definition", field + ".definition"));
        fw.terminology.push_back(std::move(term));
    }

    auto scope_groups = TRY(reader.list_field(root, "scope_groups", "scope_groups"));
    for (size_t i = 0; i < scope_groups.size(); ++i) {
        std::string const field = "scope_groups[" + std::to_string(i) + "]";
        ScopeGroup group;
        group.key = TRY(reader.string_field(scope_groups[i], "key", field + ".key"));
        group.label = TRY(reader.string_field(scope_groups[i], "label", field + ".label"));
        group.counts = TRY(reader.bool_field(scope_groups[i], "counts", field + ".counts"));
        group.explanation = TRY(reader.string_field(scope_groups[i], "explanation", field + ".explanation"));
        fw.scope_groups.push_back(std::move(group));
    }

    fw.procedure = TRY(read_procedure(reader, root));
    return fw;
}

Result<YAML::Node> parse_yaml(std::string_view text, std::string const& file_name)
{
    // yaml-cpp takes any bytes; its texts end up in JSON, whose writer refuses what is not UTF-8.
    if (auto const at = first_invalid_utf8(text)) {
        auto const line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(*at), '\n') + 1;
        std::string const where = file_name + ":" + std::to_string(line);
        return Error::invalid(where, where + ": geen geldige UTF-8");
    }
    try {
        return YAML::Load(std::string(text));
    } catch (YAML::Exception const& e) {
        std::string const where = file_name + ":" + std::to_string(e.mark.line + 1);
        return Error::invalid(where, where + ": geen geldige YAML: " + e.msg);
    }
}

Result<Tariffs> read_tariffs(YamlReader const& reader, YAML::Node const& root)
{
    Tariffs tariffs;
    auto bands = TRY(reader.list_field(root, "bands", "bands"));
    for (size_t i = 0; i < bands.size(); ++i) {
        std::string const field = "bands[" + std::to_string(i) + "]";
        FteBand band;
        band.label = TRY(reader.string_field(bands[i], "label", field + ".label"));
        band.upper = TRY(reader.number_field(bands[i], "upper", field + ".upper"));
        tariffs.bands.push_back(std::move(band));
    }
    tariffs.above_bands_note = TRY(reader.string_field(root, "above_bands_note", "above_bands_note"));

    auto variants = TRY(reader.list_field(root, "variants", "variants"));
    for (size_t i = 0; i < variants.size(); ++i) {
        auto const& v = variants[i];
        std::string const field = "variants[" + std::to_string(i) + "]";
        AuditVariant variant;
        variant.key = TRY(reader.string_field(v, "key", field + ".key"));
        variant.label = TRY(reader.string_field(v, "label", field + ".label"));
        variant.on_top_of = reader.optional_string(v, "on_top_of").value_or("");
        variant.no_figure_note = reader.optional_string(v, "no_figure_note").value_or("");
        if (v["days"].IsDefined()) {
            auto days = TRY(reader.list_field(v, "days", field + ".days"));
            for (size_t d = 0; d < days.size(); ++d) {
                double value = 0;
                if (!days[d].IsScalar() || !YAML::convert<double>::decode(days[d], value) || value <= 0) {
                    return reader.error(days[d], field + ".days[" + std::to_string(d) + "]", "verwacht een getal > 0");
                }
                variant.day_tenths.push_back(static_cast<int>(value * 10 + 0.5));
            }
        }
        tariffs.variants.push_back(std::move(variant));
    }

    auto bodies = TRY(reader.list_field(root, "certification_bodies", "certification_bodies"));
    for (size_t i = 0; i < bodies.size(); ++i) {
        auto const& b = bodies[i];
        std::string const field = "certification_bodies[" + std::to_string(i) + "]";
        CertificationBody body;
        body.code = TRY(reader.string_field(b, "code", field + ".code"));
        body.name = TRY(reader.string_field(b, "name", field + ".name"));
        auto rates = TRY(reader.list_field(b, "day_rates", field + ".day_rates"));
        for (size_t r = 0; r < rates.size(); ++r) {
            std::string const rate_field = field + ".day_rates[" + std::to_string(r) + "]";
            DayRate rate;
            if (auto from = reader.optional_string(rates[r], "valid_from")) {
                auto date = Date::parse(*from, rate_field + ".valid_from");
                if (!date) {
                    return reader.error(rates[r], rate_field + ".valid_from", date.error().message);
                }
                rate.valid_from = *date;
            }
            rate.cents = std::lround(TRY(reader.number_field(rates[r], "eur", rate_field + ".eur")) * 100);
            body.day_rates.push_back(rate);
        }
        if (b["travel_per_km_eur"].IsDefined()) {
            body.travel_cents_per_km =
                std::lround(TRY(reader.number_field(b, "travel_per_km_eur", field + ".travel_per_km_eur")) * 100);
        }
        body.travel_note = reader.optional_string(b, "travel_note").value_or("");
        auto feedback = TRY(reader.map_field(b, "self_evaluation_feedback_eur", field + ".self_evaluation_feedback_eur"));
        body.feedback_min_cents = std::lround(TRY(reader.number_field(feedback, "min", field + ".self_evaluation_feedback_eur.min")) * 100);
        body.feedback_max_cents = std::lround(TRY(reader.number_field(feedback, "max", field + ".self_evaluation_feedback_eur.max")) * 100);
        body.feedback_terms = TRY(reader.string_field(feedback, "terms", field + ".self_evaluation_feedback_eur.terms"));
        tariffs.bodies.push_back(std::move(body));
    }
    return tariffs;
}

// combine_errors: every problem in one message, one per line; the field is the first one's.
Error combine_errors(Errors const& errors)
{
    std::string message;
    for (auto const& e : errors) {
        message += (message.empty() ? "" : "\n") + e.message;
    }
    return Error{ErrorCode::InvalidArgument, message, errors.front().field};
}

std::optional<std::string_view> embedded(std::string_view name)
{
    for (auto const& [file, content] : embedded_files()) {
        if (file == name) {
            return content;
        }
    }
    return std::nullopt;
}

}  // namespace

Result<NormFramework> parse_framework_yaml(std::string_view text, std::string const& file_name)
{
    YamlReader const reader(file_name);
    auto root = TRY(parse_yaml(text, file_name));
    if (!root.IsMap()) {
        return Error::invalid(file_name, file_name + ": verwacht een normenkader (YAML-map)");
    }
    auto framework = TRY(read_framework(reader, root));
    auto const errors = validate_framework(framework);
    if (!errors.empty()) {
        return combine_errors(errors);
    }
    return framework;
}

Result<Tariffs> parse_tariffs_yaml(std::string_view text, std::string const& file_name)
{
    YamlReader const reader(file_name);
    auto root = TRY(parse_yaml(text, file_name));
    if (!root.IsMap()) {
        return Error::invalid(file_name, file_name + ": verwacht tarieven (YAML-map)");
    }
    auto tariffs = TRY(read_tariffs(reader, root));
    auto const errors = validate_tariffs(tariffs);
    if (!errors.empty()) {
        Errors located;
        for (auto const& e : errors) {
            located.push_back(Error::invalid(e.field, file_name + ": " + e.message));
        }
        return combine_errors(located);
    }
    return tariffs;
}

std::vector<std::string> builtin_framework_versions()
{
    // Framework files are named ssw-<version>.yaml.
    std::vector<std::string> versions;
    for (auto const& [file, content] : embedded_files()) {
        if (file.starts_with("ssw-") && file.ends_with(".yaml")) {
            versions.emplace_back(file.substr(4, file.size() - 9));
        }
    }
    return versions;
}

Result<NormFramework> load_builtin_framework(std::string const& version)
{
    auto const text = embedded("ssw-" + version + ".yaml");
    if (!text) {
        return Error{ErrorCode::NotFound, "onbekende versie van het normenkader: '" + version + "'", "framework"};
    }
    return parse_framework_yaml(*text, "frameworks/ssw-" + version + ".yaml");
}

Result<Tariffs> load_builtin_tariffs()
{
    auto const text = embedded("tariffs.yaml");
    if (!text) {
        return Error::internal("tariffs.yaml ontbreekt in dit programma");
    }
    return parse_tariffs_yaml(*text, "frameworks/tariffs.yaml");
}

Result<NormFramework> load_framework_file(std::string const& path)
{
    std::ifstream in(path);
    if (!in) {
        return Error{ErrorCode::NotFound, "kan " + path + " niet lezen", "framework"};
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parse_framework_yaml(buffer.str(), path);
}

}  // namespace sterk
