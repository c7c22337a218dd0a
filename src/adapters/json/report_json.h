// File: report_json.h
// The JSON of the audit report: the stored text forms (JsonReportCodec) and the API's shapes of
// findings, Part A fields, the report, its versions, remarks and Part B requests
// (api/openapi.json, tag "reports").
#pragma once

#include "core/services/report_service.h"

#include <nlohmann/json.hpp>

namespace sterk {

class JsonReportCodec final : public ReportCodec {
public:
    std::string encode_sources(std::vector<FindingSource> const& sources) const override;
    Result<std::vector<FindingSource>> decode_sources(std::string const& text) const override;
    std::string encode_items(std::vector<std::string> const& items) const override;
    Result<std::vector<std::string>> decode_items(std::string const& text) const override;
    std::string encode_report(ReportDocument const& report) const override;
    Result<ReportDocument> decode_report(std::string const& text) const override;
    void scope_facts(std::string const& scope_json, ReportFacts& facts) const override;
    std::map<std::string, double> scope_fte_groups(std::string const& scope_json) const override;
};

// sources_from_json: a request's "sources" (or "documents") list; InvalidArgument naming `field`.
Result<std::vector<FindingSource>> sources_from_json(nlohmann::json const& list, std::string const& field);

// finding_from_json: a FindingInput body over `current`: the verdict, reason, text and sources it
// names change, the others are kept; InvalidArgument naming the field.
Result<Finding> finding_from_json(nlohmann::json const& body, std::string const& norm, Finding current);

// finding_to_json: `updated_at` already as ISO 8601 text (empty: never saved).
nlohmann::ordered_json finding_to_json(FindingView const& view, std::string const& updated_at);
nlohmann::ordered_json rubric_documents_to_json(RubricDocuments const& documents);
nlohmann::ordered_json overall_to_json(OverallTable const& table);
nlohmann::ordered_json part_a_field_to_json(PartAFieldSpec const& spec, PartAValue const& value);
nlohmann::ordered_json report_to_json(ReportDocument const& report, bool with_part_b);
nlohmann::ordered_json remark_to_json(RemarkView const& remark);

}  // namespace sterk
