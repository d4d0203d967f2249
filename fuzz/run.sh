#!/usr/bin/env bash
# Runs each fuzz target in turn for FUZZ_SECONDS (default 60), seeded from the test fixtures.
# Usage: fuzz/run.sh BUILD_DIR [TARGET...]. Crashes are left as BUILD_DIR/fuzz-artifacts/*; keep
# each as a regression input in tests/corpus/fuzz-regressions/ once fixed.
set -euo pipefail
source_dir="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="$1"
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(document_fuzzer engine_fuzzer markdown_fuzzer wordset_fuzzer config_fuzzer fix_fuzzer)
seconds="${FUZZ_SECONDS:-60}"
mkdir -p "$build_dir/fuzz-artifacts"
for target in "${targets[@]}"; do
  corpus="$build_dir/fuzz-corpus/$target"
  mkdir -p "$corpus"
  seeds=("$source_dir/examples" "$source_dir/tests/corpus/documents"
         "$source_dir/tests/corpus/fuzz-regressions")
  [ "$target" = wordset_fuzzer ] && seeds+=("$source_dir/dictionaries")
  # The config target starts from configurations, not articles.
  [ "$target" = config_fuzzer ] && seeds=("$source_dir/fuzz/config-seeds"
                                          "$source_dir/tests/corpus/fuzz-regressions/config")
  options=()
  if [ "$target" = markdown_fuzzer ]; then
    seeds+=("$source_dir/fuzz/seeds/markdown")
    options+=(-dict="$source_dir/fuzz/markdown.dict")
  fi
  existing=()
  for seed in "${seeds[@]}"; do [ -d "$seed" ] && existing+=("$seed"); done
  echo "== $target: ${seconds}s"
  # -rss_limit_mb: the spell checker's per-word caches grow with every new word the fuzzer makes.
  "$build_dir/fuzz/$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
    -max_len=16384 -print_final_stats=1 -artifact_prefix="$build_dir/fuzz-artifacts/$target-" \
    "${options[@]}" "$corpus" "${existing[@]}"
done
