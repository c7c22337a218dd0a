// The steps follow pango 1.50.12's process_item for a paragraph of one item, with every width taken
// from the one measurement (pango re-measures a candidate line near the end by shaping it again,
// which gives the same sum of advances: the characters' glyphs do not change at a break after a
// space or a dash).
#include "adapters/pdf/line_breaking.h"

#include <algorithm>

namespace sterk::pdf {

namespace {

// What ending a line at `at` adds to the width of the text before it: minus the trailing space.
int trailing_space(Paragraph const& p, int at)
{
    return at > 0 && p.white_before[static_cast<size_t>(at)] ? -p.widths[static_cast<size_t>(at - 1)] : 0;
}

}  // namespace

std::optional<std::vector<int>> break_lines(Paragraph const& p)
{
    int const n = static_cast<int>(p.widths.size());
    int const room = p.line_width;
    std::vector<int> ends;
    int start = 0;
    while (start < n) {
        int const rest = n - start;
        int total = 0;
        for (int i = start; i < n; ++i) {
            total += p.widths[static_cast<size_t>(i)];
        }
        // The rest fits whole (a single character always does).
        int end_extra = 0;
        if (p.can_break[static_cast<size_t>(n)]) {
            if (p.hyphen_at[static_cast<size_t>(n)]) {
                return std::nullopt;
            }
            end_extra = trailing_space(p, n);
        }
        if (total + end_extra <= room || rest == 1) {
            ends.push_back(n);
            return ends;
        }

        // The candidates, left to right, until they are past the end of the line by more than
        // the safe distance: the first is taken in any case, later ones when they fit.
        int chosen = rest;
        int chosen_width = total;
        int chosen_extra = end_extra;
        int width = 0;
        for (int k = 0; k <= rest; ++k) {
            int const at = start + k;
            int const extra = p.hyphen_at[static_cast<size_t>(at)] ? 0 : trailing_space(p, at);
            if (std::min(width + extra, width) > room + p.safe_distance && chosen < rest) {
                break;
            }
            if (k > 0 && p.can_break[static_cast<size_t>(at)]) {
                if (p.hyphen_at[static_cast<size_t>(at)]) {
                    return std::nullopt;  // pango would measure it with a hyphen added
                }
                if (width + extra < room - p.safe_distance) {
                    chosen = k;
                    chosen_width = width;
                    chosen_extra = extra;
                } else {
                    // Measured: at the paragraph's very end pango keeps a trailing space.
                    int const measured_extra = k < rest ? extra : 0;
                    if (chosen == rest || width + measured_extra <= room ||
                        width + measured_extra < chosen_width + chosen_extra) {
                        chosen = k;
                        chosen_width = width;
                        chosen_extra = measured_extra;
                    }
                }
            }
            if (k < rest) {
                width += p.widths[static_cast<size_t>(at)];
            }
        }
        if (chosen_width + chosen_extra > room) {
            return std::nullopt;  // no break fits: pango breaks inside the word (with a hyphen)
        }
        if (chosen == rest) {
            ends.push_back(n);
            return ends;
        }
        ends.push_back(start + chosen);
        start += chosen;
    }
    if (ends.empty()) {
        ends.push_back(n);
    }
    return ends;
}

}  // namespace sterk::pdf
