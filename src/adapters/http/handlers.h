// File: handlers.h
// The handlers named in the route table (routes.cpp). Each is thin: decode → service → respond.
// Grouped by resource: system_handlers.cpp, session_handlers.cpp, directory_handlers.cpp,
// framework_handlers.cpp, password_reset_handlers.cpp, user_handlers.cpp.
#pragma once

#include "adapters/http/app.h"
#include "adapters/http/router.h"

namespace sterk::http {

Result<Response> get_health(AppServices& app, Call const& call);
// get_ready: 200 when the database answers with this program's schema, else 503 (for a proxy).
Result<Response> get_ready(AppServices& app, Call const& call);
Result<Response> get_openapi(AppServices& app, Call const& call);

Result<Response> post_session(AppServices& app, Call const& call);
Result<Response> delete_session(AppServices& app, Call const& call);
Result<Response> get_me(AppServices& app, Call const& call);
Result<Response> get_session(AppServices& app, Call const& call);

Result<Response> get_users(AppServices& app, Call const& call);
Result<Response> get_organisations(AppServices& app, Call const& call);
Result<Response> get_organisation(AppServices& app, Call const& call);
Result<Response> get_audit_log(AppServices& app, Call const& call);

Result<Response> post_user(AppServices& app, Call const& call);
Result<Response> put_user_role(AppServices& app, Call const& call);
Result<Response> post_user_deactivate(AppServices& app, Call const& call);
Result<Response> post_user_activate(AppServices& app, Call const& call);
Result<Response> post_user_link(AppServices& app, Call const& call);

Result<Response> get_frameworks(AppServices& app, Call const& call);
Result<Response> get_framework(AppServices& app, Call const& call);

Result<Response> post_password_reset(AppServices& app, Call const& call);
Result<Response> post_password_reset_confirm(AppServices& app, Call const& call);
Result<Response> get_password_reset_check(AppServices& app, Call const& call);

Result<Response> get_trajectories(AppServices& app, Call const& call);
Result<Response> get_trajectories_export(AppServices& app, Call const& call);  // .csv and .xlsx
Result<Response> post_trajectory(AppServices& app, Call const& call);
Result<Response> get_trajectory(AppServices& app, Call const& call);
Result<Response> post_trajectory_event(AppServices& app, Call const& call);

Result<Response> get_estimate(AppServices& app, Call const& call);
Result<Response> get_members(AppServices& app, Call const& call);
Result<Response> get_member(AppServices& app, Call const& call);
Result<Response> post_member(AppServices& app, Call const& call);
Result<Response> put_member(AppServices& app, Call const& call);
Result<Response> get_cis(AppServices& app, Call const& call);
Result<Response> get_ci(AppServices& app, Call const& call);
Result<Response> post_ci(AppServices& app, Call const& call);
Result<Response> put_ci(AppServices& app, Call const& call);
Result<Response> get_self_evaluations(AppServices& app, Call const& call);
Result<Response> post_self_evaluation(AppServices& app, Call const& call);
Result<Response> get_self_evaluation(AppServices& app, Call const& call);
Result<Response> put_self_evaluation_answer(AppServices& app, Call const& call);
Result<Response> post_self_evaluation_complete(AppServices& app, Call const& call);
Result<Response> get_auditors(AppServices& app, Call const& call);
Result<Response> get_auditor(AppServices& app, Call const& call);
Result<Response> post_auditor(AppServices& app, Call const& call);
Result<Response> put_auditor(AppServices& app, Call const& call);
Result<Response> get_auditor_organisations(AppServices& app, Call const& call);
Result<Response> get_team_candidates(AppServices& app, Call const& call);

Result<Response> get_self_evaluation_feedback_offers(AppServices& app, Call const& call);
Result<Response> post_self_evaluation_feedback_request(AppServices& app, Call const& call);
Result<Response> put_self_evaluation_feedback(AppServices& app, Call const& call);
Result<Response> post_document(AppServices& app, Call const& call);
Result<Response> get_document(AppServices& app, Call const& call);
Result<Response> get_document_meta(AppServices& app, Call const& call);
Result<Response> get_peer_pools(AppServices& app, Call const& call);
Result<Response> post_peer_pool(AppServices& app, Call const& call);
Result<Response> get_peer_pool(AppServices& app, Call const& call);
Result<Response> put_peer_pool(AppServices& app, Call const& call);
Result<Response> get_peer_pool_candidates(AppServices& app, Call const& call);

Result<Response> get_audit_request(AppServices& app, Call const& call);
Result<Response> get_organisation_users(AppServices& app, Call const& call);
Result<Response> get_findings(AppServices& app, Call const& call);
Result<Response> put_finding(AppServices& app, Call const& call);
Result<Response> put_rubric_documents(AppServices& app, Call const& call);
Result<Response> get_part_a(AppServices& app, Call const& call);
Result<Response> put_part_a_field(AppServices& app, Call const& call);
Result<Response> get_report(AppServices& app, Call const& call);
Result<Response> get_report_versions(AppServices& app, Call const& call);
Result<Response> get_report_pdf(AppServices& app, Call const& call);
Result<Response> get_remarks(AppServices& app, Call const& call);
Result<Response> post_remark(AppServices& app, Call const& call);
Result<Response> delete_remark(AppServices& app, Call const& call);
Result<Response> post_remark_decision(AppServices& app, Call const& call);
Result<Response> get_part_b_requests(AppServices& app, Call const& call);

// addendum_handlers.cpp (tag "reports")
Result<Response> get_addendum(AppServices& app, Call const& call);
Result<Response> put_addendum_finding(AppServices& app, Call const& call);
Result<Response> put_addendum_passage(AppServices& app, Call const& call);

// plan_handlers.cpp (tag "plans")
Result<Response> get_plan(AppServices& app, Call const& call);
Result<Response> put_plan_item(AppServices& app, Call const& call);
Result<Response> put_plan_assessment(AppServices& app, Call const& call);

// action_handlers.cpp (tag "notifications": the caller's open actions and calendar feed)
Result<Response> get_my_actions(AppServices& app, Call const& call);
Result<Response> get_my_calendar(AppServices& app, Call const& call);
Result<Response> post_my_calendar(AppServices& app, Call const& call);
Result<Response> delete_my_calendar(AppServices& app, Call const& call);
Result<Response> get_calendar_feed(AppServices& app, Call const& call);
Result<Response> post_part_b_request(AppServices& app, Call const& call);

// openapi_document: api/openapi.json, embedded at build time.
std::string_view openapi_document();

Result<Response> get_my_language(AppServices& app, Call const& call);
Result<Response> put_my_language(AppServices& app, Call const& call);
Result<Response> get_my_notifications(AppServices& app, Call const& call);
Result<Response> get_outbox(AppServices& app, Call const& call);
Result<Response> post_outbox_retry(AppServices& app, Call const& call);

// Certificates and the public register (issue 11).
Result<Response> get_part_a_check(AppServices& app, Call const& call);
Result<Response> get_certificate_pdf(AppServices& app, Call const& call);
Result<Response> get_certificate_logo(AppServices& app, Call const& call);
Result<Response> get_members_export(AppServices& app, Call const& call);
Result<Response> get_audit_log_export(AppServices& app, Call const& call);
Result<Response> post_certificate_reissue(AppServices& app, Call const& call);
Result<Response> post_certificate_withdraw(AppServices& app, Call const& call);
Result<Response> get_register(AppServices& app, Call const& call);
Result<Response> get_register_export(AppServices& app, Call const& call);  // .csv and .xlsx
Result<Response> get_register_certificate(AppServices& app, Call const& call);
Result<Response> get_register_public_key(AppServices& app, Call const& call);
// The register kept before this system, loaded by the secretariat (issue 11, item 5).
Result<Response> post_register_import(AppServices& app, Call const& call);

// Trend analysis (issue 12).
Result<Response> get_trends(AppServices& app, Call const& call);
Result<Response> get_trends_export(AppServices& app, Call const& call);  // .csv and .xlsx
Result<Response> get_member_calibration(AppServices& app, Call const& call);

}  // namespace sterk::http
