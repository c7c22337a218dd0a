#include "runner/case_file.h"

#include <sstream>

namespace sterk::rules_test {

namespace {

struct SourceLine {
    int number;
    std::string text;
};

std::string rtrim(std::string s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) {
        s.pop_back();
    }
    return s;
}

std::vector<std::string> words(std::string const& s)
{
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) {
        out.push_back(w);
    }
    return out;
}

std::string substitute(std::string text, std::string const& var, std::string const& value)
{
    std::string const token = "${" + var + "}";
    for (size_t at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size())) {
        text.replace(at, token.size(), value);
    }
    return text;
}

// Expands foreach/endloop blocks (nesting allowed); comments are dropped.
bool expand(std::vector<SourceLine> const& in, std::vector<SourceLine>& out, std::string& error)
{
    for (size_t i = 0; i < in.size(); ++i) {
        auto const& line = in[i];
        if (line.text.rfind("#", 0) == 0) {
            continue;
        }
        if (line.text.rfind("foreach ", 0) != 0) {
            out.push_back(line);
            continue;
        }
        auto const w = words(line.text);
        if (w.size() < 3) {
            error = "regel " + std::to_string(line.number) + ": foreach VAR waarde...";
            return false;
        }
        int depth = 1;
        size_t end = i + 1;
        for (; end < in.size(); ++end) {
            depth += in[end].text.rfind("foreach ", 0) == 0 ? 1 : 0;
            depth -= in[end].text == "endloop" ? 1 : 0;
            if (depth == 0) {
                break;
            }
        }
        if (end == in.size()) {
            error = "regel " + std::to_string(line.number) + ": foreach zonder endloop";
            return false;
        }
        std::vector<SourceLine> body(in.begin() + static_cast<long>(i) + 1, in.begin() + static_cast<long>(end));
        for (size_t v = 2; v < w.size(); ++v) {
            std::vector<SourceLine> instance;
            for (auto const& b : body) {
                instance.push_back({b.number, substitute(b.text, w[1], w[v])});
            }
            // Each iteration is its own record group.
            instance.push_back({line.number, ""});
            if (!expand(instance, out, error)) {
                return false;
            }
        }
        i = end;
    }
    return true;
}

}  // namespace

CaseFile parse_case_file(std::string const& path, std::string const& text, std::string& error)
{
    CaseFile file;
    file.name = path;
    std::vector<SourceLine> raw;
    std::istringstream in(text);
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        raw.push_back({number, rtrim(line)});
    }
    std::vector<SourceLine> lines;
    if (!expand(raw, lines, error)) {
        return file;
    }
    CaseRecord current;
    bool open = false;
    bool in_expected = false;
    auto const flush = [&] {
        if (open) {
            file.records.push_back(current);
        }
        current = CaseRecord{};
        open = false;
        in_expected = false;
    };
    for (auto const& line : lines) {
        if (line.text.empty()) {
            flush();
            continue;
        }
        if (!open) {
            current.line = line.number;
            current.command = line.text;
            open = true;
            continue;
        }
        if (line.text == "----" && !in_expected) {
            in_expected = true;
            current.has_expectation = true;
            continue;
        }
        if (!in_expected) {
            error = path + ":" + std::to_string(line.number) + ": één opdracht per record; verwacht '----' of een lege regel";
            return file;
        }
        current.expected.push_back(line.text);
    }
    flush();
    return file;
}

}  // namespace sterk::rules_test
