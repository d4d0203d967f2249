#pragma once

// What linting one batch record gives, as plain data for the record output.

#include <cstddef>
#include <optional>
#include <string>

#include "copydesk/result.hpp"

namespace copydesk {

struct RecordResult {
  std::size_t line = 0;           // 1-based line of the record in its input
  std::optional<std::string> id;  // the record's id as JSON; absent when the line had none
  // The findings, with spans into the record's text (`result.text`), or in `result.error` why
  // the line is no record that could be linted.
  FileResult result;
};

}  // namespace copydesk
