#pragma once

// The output of batch records (`check --input jsonl`): JSON Lines keyed by record id, in three
// kinds told apart by their members (docs/json-output.md):
//   a finding  {"id":..., "rule":..., ...}   as the jsonl format's, with "id" for "path";
//   a summary  {"id":..., "line":N, "summary":{"diagnostics":...}}, one per record linted;
//   an error   {"input":..., "line":N, ["id":...,] "error":...}, one per line not linted.

#include <ostream>
#include <string>
#include <string_view>

#include "copydesk/record_result.hpp"

namespace copydesk {

class RecordWriter {
 public:
  explicit RecordWriter(std::ostream& out) : out_(out) {}
  // Writes a record's findings and its summary, or its error record naming `input_name`.
  void write(const RecordResult& record, std::string_view input_name);

 private:
  std::ostream& out_;
  std::string lines_;  // kept between records for its capacity
};

}  // namespace copydesk
