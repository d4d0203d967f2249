#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace copydesk {

// A trained model compiled into the binary (dictionaries/models/<name>); empty when the build
// had none. The bytes are aligned to 16 and live as long as the program.
std::span<const std::byte> embedded_model(std::string_view name);

}  // namespace copydesk
