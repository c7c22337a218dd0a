// File: trend_rebuild.h
// with_trends: a TrendService over a store, with the built-in frameworks and tariffs, for the
// commands that rebuild or check the trend analysis (`trends`, `demo-data`).
#pragma once

#include "core/ports/store.h"
#include "core/services/trend_service.h"

#include <functional>

namespace sterk::cli {

Status with_trends(Store& store, std::function<Status(TrendService&)> const& work);

}  // namespace sterk::cli
