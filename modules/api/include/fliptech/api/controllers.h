#pragma once
// The controllers: one per API area (as qBittorrent's WebAPI controllers). Each registers its
// routes in the RouteTable; a handler parses the request, calls one service method and
// serialises the result.

#include "fliptech/api/routetable.h"

namespace fliptech::engine {
class Engine;
}

namespace fliptech::leads {
struct Actor;
}

namespace fliptech::api {

class HttpMetrics;

// Shared shapes: {"items": [...], "total": N, "next_cursor": ...}.
QJsonObject listSchema(const QJsonObject &item);
QHttpServerResponse listResponse(const QJsonArray &items);
// A service's answer as the response: its JSON (with `status`) or its list, or its error.
QHttpServerResponse jsonOrError(const core::Result<QJsonObject> &result, int status = 200);
QHttpServerResponse listOrError(const core::Result<QJsonArray> &result);
// 204 No Content, or the error.
QHttpServerResponse noContentOrError(const core::Status &status);
// Who is calling, for the lead services' permissions and activity log.
leads::Actor actorOf(const RequestContext &c);

void registerHealthRoutes(RouteTable &table, engine::Engine &engine, HttpMetrics &metrics, bool loopbackMetrics);
void registerAuthRoutes(RouteTable &table, auth::AuthService &auth);
void registerUserRoutes(RouteTable &table, auth::AuthService &auth);
// Leads, bulk, export, duplicates/merge, tags on leads, saved segments (leadscontroller.cpp).
void registerLeadRoutes(RouteTable &table, engine::Engine &engine);
// Tags, notes, activity, locations, search, uploads and files (workspacecontroller.cpp).
void registerWorkspaceRoutes(RouteTable &table, engine::Engine &engine);
// A job's state and progress, and cancelling it (jobscontroller.cpp).
void registerJobRoutes(RouteTable &table, engine::Engine &engine);
// Scraper: categories (jobs and the queue follow with the scrape jobs).
void registerScraperRoutes(RouteTable &table, engine::Engine &engine);
// Message templates: CRUD, duplicate, preview, bulk, performance (templatescontroller.cpp).
void registerTemplateRoutes(RouteTable &table, engine::Engine &engine);
// Sender accounts: CRUD and a connection test (sendercontroller.cpp).
void registerSenderRoutes(RouteTable &table, engine::Engine &engine);
// Open pixel, click redirect, unsubscribe: public (trackingcontroller.cpp).
void registerTrackingRoutes(RouteTable &table, engine::Engine &engine);
// /api/v1/campaigns...: campaigns, their launch, stats and recipients.
void registerCampaignRoutes(RouteTable &table, engine::Engine &engine);
// /api/v1/ai-mvp/... and /api/v1/ai/...: analysis with a summary, the writer, performance, settings, prices, prompts.
void registerAiRoutes(RouteTable &table, engine::Engine &engine);
// /api/v1/conversations...: the inbox (conversationscontroller.cpp).
void registerConversationRoutes(RouteTable &table, engine::Engine &engine);
// Revenue, costs, ROI and the analytics figures (revenuecontroller.cpp).
void registerRevenueRoutes(RouteTable &table, engine::Engine &engine);
// /api/v1/usage/...: use per day and its limits (revenuecontroller.cpp).
void registerUsageRoutes(RouteTable &table, engine::Engine &engine);
// /api/v1/schedules...: cron schedules and their runs (automationcontroller.cpp).
void registerScheduleRoutes(RouteTable &table, engine::Engine &engine);
// /api/v1/rules...: rules, their dry runs and executions (automationcontroller.cpp).
void registerRuleRoutes(RouteTable &table, engine::Engine &engine);
void registerWebhookRoutes(RouteTable &table, engine::Engine &engine);
void registerApprovalRoutes(RouteTable &table, engine::Engine &engine);
// Notifications (spec "Notifications"): list, read, preferences.
void registerNotificationRoutes(RouteTable &table, engine::Engine &engine);
void registerN8nRoutes(RouteTable &table, engine::Engine &engine);

} // namespace fliptech::api
