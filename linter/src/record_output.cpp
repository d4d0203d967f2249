// The record output of `check --input jsonl`: findings keyed by record id, a summary per record
// linted, an error record per line that was not.

#include "copydesk/record_output.hpp"

#include <charconv>

#include "formatters.hpp"

namespace copydesk {
namespace {

void append_number(std::string& out, std::uint64_t number) {
  char digits[20];
  const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
  out.append(digits, end);
}

// Error messages and input names may quote bytes that are not UTF-8: replaced, not fatal.
void append_string(std::string& out, std::string_view text) {
  out += nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void append_error(std::string& out, const RecordResult& record, std::string_view input_name) {
  out += "{\"input\":";
  append_string(out, input_name);
  out += ",\"line\":";
  append_number(out, record.line);
  if (record.id) {
    out += ",\"id\":";
    out += *record.id;
  }
  out += ",\"error\":";
  append_string(out, *record.result.error);
  out += "}\n";
}

void append_summary(std::string& out, const RecordResult& record) {
  Summary counts;
  count_into(counts, record.result);
  out += "{\"id\":";
  out += *record.id;
  out += ",\"line\":";
  append_number(out, record.line);
  out += ",\"summary\":{\"diagnostics\":";
  append_number(out, counts.diagnostics());
  out += ",\"errors\":";
  append_number(out, counts.errors);
  out += ",\"warnings\":";
  append_number(out, counts.warnings);
  out += ",\"infos\":";
  append_number(out, counts.infos);
  out += "}}\n";
}

}  // namespace

void RecordWriter::write(const RecordResult& record, std::string_view input_name) {
  lines_.clear();
  if (record.result.error || !record.id) {
    append_error(lines_, record, input_name);
  } else {
    const SourceView source(record.result);
    for (const auto& diagnostic : record.result.diagnostics) {
      lines_ += "{\"id\":";
      lines_ += *record.id;
      lines_ += ',';
      append_diagnostic_members(lines_, diagnostic, source);
      lines_ += "}\n";
    }
    append_summary(lines_, record);
  }
  out_ << lines_;
}

}  // namespace copydesk
