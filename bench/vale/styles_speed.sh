#!/bin/bash
# Throughput and start-up with the Vale Microsoft and Google packages, against the built-in rules
# alone, in one session (so that the machine's load is the same for all). Usage:
#   bench/vale/styles_speed.sh [build/copydesk] [../shared]
# Prints, for the news set, the best of three CPU times (user + sys), and for start-up on a
# three-line file the instructions callgrind counts.
set -euo pipefail
binary=$(realpath "${1:-build/copydesk}")
shared=$(realpath "${2:-../shared}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/styles" "$work/builtin" "$work/packages" "$work/both"
ln -s "$shared/vale-packages/Microsoft/Microsoft" "$work/styles/Microsoft"
ln -s "$shared/vale-packages/Google/Google" "$work/styles/Google"
printf 'StylesPath = ../styles\nMinAlertLevel = suggestion\n[*]\nBasedOnStyles = Microsoft, Google\n' \
  > "$work/packages/.vale.ini"
printf 'StylesPath = ../styles\nMinAlertLevel = suggestion\n[*]\nBasedOnStyles = copydesk, Microsoft, Google\n' \
  > "$work/both/.vale.ini"
printf '# Title\n\nA short note.\n' > "$work/tiny.md"

# Styles are found per file from its own folder, so files outside the setup's folder are given
# its settings with --config.
config_of() { if [ -f "$1/.vale.ini" ]; then echo "--config=$1/.vale.ini"; fi; }
cpu() {  # best of three user+sys seconds over the news set, run in directory $1
  for _ in 1 2 3; do
    # shellcheck disable=SC2046
    (cd "$1" && /usr/bin/time -f '%U %S' -o "$work/time" "$binary" $(config_of "$1") \
      --format jsonl --lang en_GB --jobs 1 "$shared/eval/news" > /dev/null) || true
    awk '{ print $1 + $2 }' "$work/time" | tail -1
  done | sort -n | head -1
}

# Start-up in instructions (callgrind: steady however loaded the shared machine is; perf's
# hardware counters are not available in every VM).
startup() {
  # shellcheck disable=SC2046
  (cd "$1" && valgrind --tool=callgrind --callgrind-out-file=/dev/null "$binary" \
    $(config_of "$1") --format line "$work/tiny.md" 2>&1 > /dev/null |
    awk '/Collected/ { print $4 }')
}

for setup in builtin packages both; do
  echo "news set, $setup: $(cpu "$work/$setup") s CPU (best of 3)"
done
for setup in builtin packages both; do
  echo "start-up, $setup: $(startup "$work/$setup") instructions"
done
