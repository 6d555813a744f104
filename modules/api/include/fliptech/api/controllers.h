#pragma once
// The controllers: one per API area (as qBittorrent's WebAPI controllers). Each registers its
// routes in the RouteTable; a handler parses the request, calls one service method and
// serialises the result.

#include "fliptech/api/routetable.h"

namespace fliptech::engine {
class Engine;
}

namespace fliptech::api {

class HttpMetrics;

void registerHealthRoutes(RouteTable &table, engine::Engine &engine, HttpMetrics &metrics);
void registerAuthRoutes(RouteTable &table, auth::AuthService &auth);
void registerUserRoutes(RouteTable &table, auth::AuthService &auth);

} // namespace fliptech::api
