// File: web_root.h
// Where `sterklabel serve` finds the built web app when --web-root (STERK_WEB_ROOT) is not given:
// beside the binary, so a deployed binary and a fresh build both serve it without flags.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

namespace sterk::http {

// web_root_candidates: in order, <exe dir>/web (a binary shipped with its app), <exe dir>/../share/
// sterklabel/web (an install prefix: bin/ and share/), <exe dir>/../web/dist (the source tree:
// build/sterklabel beside web/).
std::vector<std::filesystem::path> web_root_candidates(std::filesystem::path const& executable);

// find_web_root: the first candidate that is a directory holding index.html.
std::optional<std::filesystem::path> find_web_root(std::vector<std::filesystem::path> const& candidates);

}  // namespace sterk::http
