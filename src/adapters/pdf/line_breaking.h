// File: line_breaking.h
// Where a paragraph's lines end, decided from the width of each character measured once (the
// paragraph shaped whole), by the rule pango 1.50's own wrapping applies (pango-layout.c,
// process_item) for a paragraph of one run: the last break opportunity whose text, without one
// trailing space, fits the width; when none fits, the first one. Pango reaches the same breaks but
// shapes the text of every line two or three times more while trying them; this is the cheap half.
// Pure: no pango types, so that the rule can be tested on its own.
//
// Example:
//   auto ends = break_lines(paragraph);  // {12, 31, 40}: lines [0,12), [12,31), [31,40)
//   if (!ends) { /* a word wider than the line, or a hyphen to add: let pango wrap it */ }
#pragma once

#include <optional>
#include <vector>

namespace sterk::pdf {

// One paragraph, in pango units (1/1024 point). Position i is the place before character i;
// position n (the paragraph's end) is included.
struct Paragraph {
    std::vector<int> widths;           // n: the logical width of each character
    std::vector<bool> can_break;       // n + 1: a line may end here (pango's can_break_at, word wrap)
    std::vector<bool> white_before;    // n + 1: the character before this position is white space
    std::vector<bool> hyphen_at;       // n + 1: a line ending here would get a hyphen (or lose a char)
    int line_width = 0;                // the layout's width
    int safe_distance = 0;             // pango's margin: three approximate character widths of the font
};

// break_lines: the end of each line (the last one is n), or nothing when pango would have to break
// inside a word (wrap by character) or add a hyphen: the caller then lets pango do it.
std::optional<std::vector<int>> break_lines(Paragraph const& paragraph);

}  // namespace sterk::pdf
