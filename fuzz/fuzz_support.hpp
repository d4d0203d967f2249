#pragma once

// What the fuzz targets share: how an invariant fails, and the built-in engine they lint with.

#include <cstdio>
#include <cstdlib>

#include "copydesk/engine.hpp"
#include "copydesk/registry.hpp"

namespace copydesk::fuzz {

// Aborts, naming the invariant, so that libFuzzer keeps the input that broke it.
inline void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

// The built-in rules with default options, made once per process.
inline const Engine& builtin_engine() {
  static const Engine instance(Registry::builtin(), EngineOptions{});
  return instance;
}

}  // namespace copydesk::fuzz
