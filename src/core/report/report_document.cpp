// The report's stage names, for the API and the printed heading.
#include "core/report/report_document.h"

namespace sterk {

std::string report_stage_key(ReportStage stage)
{
    switch (stage) {
    case ReportStage::Draft: return "draft";
    case ReportStage::Concept: return "concept";
    case ReportStage::Final: return "final";
    }
    return "draft";
}

std::string report_stage_dutch(ReportStage stage)
{
    switch (stage) {
    case ReportStage::Draft: return "werkversie";
    case ReportStage::Concept: return "concept";
    case ReportStage::Final: return "definitief";
    }
    return "werkversie";
}

}  // namespace sterk
