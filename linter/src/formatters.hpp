#pragma once

// Private to the library: one factory per output format, each in its own file.

#include <memory>
#include <ostream>

#include <nlohmann/json.hpp>

#include "copydesk/formatter.hpp"
#include "copydesk/source_map.hpp"

namespace copydesk {

std::unique_ptr<Formatter> make_text_formatter(std::ostream& out, const FormatOptions& options);
std::unique_ptr<Formatter> make_json_formatter(std::ostream& out);
std::unique_ptr<Formatter> make_jsonl_formatter(std::ostream& out);

// The JSON object for one diagnostic, shared by the json and jsonl formats.
nlohmann::ordered_json diagnostic_json(const Diagnostic& diagnostic, const SourceMap& map,
                                       std::string_view text);

}  // namespace copydesk
