#pragma once

// Private to the library: one factory per output format, each in its own file.

#include <memory>
#include <ostream>

#include <nlohmann/json.hpp>

#include "copydesk/formatter.hpp"
#include "copydesk/source_view.hpp"

namespace copydesk {

std::unique_ptr<Formatter> make_text_formatter(std::ostream& out, const FormatOptions& options);
std::unique_ptr<Formatter> make_json_formatter(std::ostream& out);
std::unique_ptr<Formatter> make_jsonl_formatter(std::ostream& out);
std::unique_ptr<Formatter> make_sarif_formatter(std::ostream& out, const FormatOptions& options);
std::unique_ptr<Formatter> make_github_formatter(std::ostream& out);
std::unique_ptr<Formatter> make_junit_formatter(std::ostream& out);
std::unique_ptr<Formatter> make_checkstyle_formatter(std::ostream& out);
std::unique_ptr<Formatter> make_line_formatter(std::ostream& out);

// `text` escaped for XML character data and attribute values (both quotes escaped). Characters
// XML 1.0 forbids (most C0 controls) become U+FFFD; tabs and line breaks in attributes become
// character references so that attribute normalisation keeps them. Shared by junit and
// checkstyle.
std::string xml_escape(std::string_view text);

// The members of the JSON object for one diagnostic, compact, without the braces, appended to
// `out`; shared by the json and jsonl formats.
void append_diagnostic_members(std::string& out, const Diagnostic& diagnostic,
                               const SourceView& source);

}  // namespace copydesk
