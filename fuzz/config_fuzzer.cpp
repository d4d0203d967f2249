// Fuzzes the copydesk.toml reader: arbitrary bytes go through parsing and validation, and a
// configuration that loads goes through resolution, --print-config and glob matching. Every
// input must either load or throw ConfigError; anything else (a crash, another exception, a
// hang) is a bug.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "copydesk/workspace.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  copydesk::ProjectConfig config;
  try {
    // A directory that does not exist: word files named by the input are not found, rather
    // than read from wherever the fuzzer runs.
    config =
        copydesk::ProjectConfig::parse(text, "/nonexistent-copydesk-fuzz/copydesk.toml",
                                       "/nonexistent-copydesk-fuzz", copydesk::Registry::builtin());
  } catch (const copydesk::ConfigError&) {
    return 0;
  }
  for (const char* file : {"/nonexistent-copydesk-fuzz/a.txt",
                           "/nonexistent-copydesk-fuzz/news/deep/b.md", "/elsewhere/c.txt"}) {
    (void)config.walks_into(file);
    (void)config.excluded(file);
    copydesk::Resolution resolution;
    resolution.config = &config;
    resolution.overrides = config.overrides_for(file);
    (void)copydesk::describe(copydesk::Registry::builtin(), resolution, file, false);
  }
  return 0;
}
