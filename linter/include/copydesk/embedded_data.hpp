#pragma once

#include <string_view>

namespace copydesk {

// Embedded data files from dictionaries/, by file name ("house-words.txt"); empty for a name
// that is not one.
std::string_view embedded_data(std::string_view name);

}  // namespace copydesk
