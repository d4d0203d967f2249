#pragma once

#include <cstdint>
#include <filesystem>

namespace copydesk {

// How a text is read: as plain text, or as Markdown or HTML, of which only the prose is linted.
enum class Syntax : std::uint8_t { Text, Markdown, Html };

// Markdown for names ending in ".md" or ".markdown", HTML for ".html" or ".htm" (in any case),
// plain text otherwise.
Syntax syntax_of(const std::filesystem::path& path);

}  // namespace copydesk
