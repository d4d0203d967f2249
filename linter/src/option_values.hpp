#pragma once

// Private to the library: rule option values read from TOML, shared by the configuration
// parser and RuleOptions::defaults.

#include <toml++/toml.h>

#include <optional>
#include <string_view>

#include "copydesk/rule.hpp"

namespace copydesk {

// "a boolean (true or false)", "an integer"...: for messages.
std::string_view type_name(OptionType type);

// The node's value as an option of `type`; nullopt when it has another type.
std::optional<OptionValue> to_option_value(const toml::node& node, OptionType type);

}  // namespace copydesk
