// File: label_logo.h
// The label's logo with the year of certification (core/certificate/logo_use.h), drawn in-process
// with cairo and pango as SVG (text as outlines, so it needs no font on the member's side; a
// <title> names it for screen readers) or as PNG (1200 × 1200 pixels, for print and the web).
//
// Example:
//   auto svg = TRY(render_label_logo(logo, LogoFormat::Svg));
#pragma once

#include "core/certificate/logo_use.h"
#include "core/result.h"

#include <string>

namespace sterk {

enum class LogoFormat { Svg, Png };

// render_label_logo: the file's bytes. Internal when cairo fails.
Result<std::string> render_label_logo(LabelLogo const& logo, LogoFormat format);

}  // namespace sterk
