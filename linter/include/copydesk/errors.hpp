#pragma once

#include <stdexcept>

namespace copydesk {

// A problem with the options or configuration: reported with exit code 2.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace copydesk
