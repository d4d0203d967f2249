// RuleOptions (rule.hpp): a rule's option values, its declared defaults read as TOML.

#include <stdexcept>
#include <string>

#include "option_values.hpp"

namespace copydesk {

std::string_view type_name(OptionType type) {
  switch (type) {
    case OptionType::Boolean:
      return "a boolean (true or false)";
    case OptionType::Integer:
      return "an integer";
    case OptionType::String:
      return "a string";
    case OptionType::StringList:
      return "an array of strings";
  }
  return "a value";
}

// The node's value as an option of `type`; nullopt when it has another type.
std::optional<OptionValue> to_option_value(const toml::node& node, OptionType type) {
  switch (type) {
    case OptionType::Boolean:
      if (node.is_boolean()) return node.as_boolean()->get();
      return std::nullopt;
    case OptionType::Integer:
      if (node.is_integer()) return node.as_integer()->get();
      return std::nullopt;
    case OptionType::String:
      if (node.is_string()) return node.as_string()->get();
      return std::nullopt;
    case OptionType::StringList: {
      const toml::array* array = node.as_array();
      if (array == nullptr) return std::nullopt;
      std::vector<std::string> strings;
      for (const toml::node& element : *array) {
        if (!element.is_string()) return std::nullopt;
        strings.push_back(element.as_string()->get());
      }
      return strings;
    }
  }
  return std::nullopt;
}

RuleOptions RuleOptions::defaults(std::span<const OptionSpec> specs) {
  RuleOptions options;
  for (const OptionSpec& spec : specs) {
    std::optional<OptionValue> value;
    try {
      const toml::table parsed = toml::parse("value = " + std::string(spec.default_value));
      value = to_option_value(*parsed.get("value"), spec.type);
    } catch (const toml::parse_error&) {
    }
    if (!value) {
      throw std::logic_error("option " + std::string(spec.name) + ": default " +
                             std::string(spec.default_value) + " is not " +
                             std::string(type_name(spec.type)));
    }
    options.values_[std::string(spec.name)] = std::move(*value);
  }
  return options;
}

void RuleOptions::set(std::string_view name, OptionValue value) {
  values_[std::string(name)] = std::move(value);
}

template <typename T>
const T& RuleOptions::get(std::string_view name) const {
  const auto found = values_.find(name);
  if (found == values_.end() || !std::holds_alternative<T>(found->second)) {
    throw std::logic_error("rule option " + std::string(name) + " is not declared with this type");
  }
  return std::get<T>(found->second);
}

bool RuleOptions::boolean(std::string_view name) const { return get<bool>(name); }
std::int64_t RuleOptions::integer(std::string_view name) const { return get<std::int64_t>(name); }
const std::string& RuleOptions::string(std::string_view name) const {
  return get<std::string>(name);
}
const std::vector<std::string>& RuleOptions::strings(std::string_view name) const {
  return get<std::vector<std::string>>(name);
}

}  // namespace copydesk
