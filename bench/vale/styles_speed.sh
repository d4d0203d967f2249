#!/bin/bash
# Throughput and start-up with the Vale Microsoft and Google packages, against the built-in rules
# alone, in one session (so that the machine's load is the same for all). Usage:
#   bench/vale/styles_speed.sh [build/copydesk] [../shared]
# Prints the best of three CPU times (user + sys) on the news set and perf's task-clock for
# start-up on a three-line file.
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

cpu() {  # best of three user+sys seconds over the news set, run in directory $1
  for _ in 1 2 3; do
    (cd "$1" && /usr/bin/time -f '%U %S' -o "$work/time" "$binary" --format jsonl --lang en_GB \
      --jobs 1 "$shared/eval/news" > /dev/null) || true
    awk '{ print $1 + $2 }' "$work/time" | tail -1
  done | sort -n | head -1
}

for setup in builtin packages both; do
  echo "news set, $setup: $(cpu "$work/$setup") s CPU"
done
for setup in builtin packages both; do
  (cd "$work/$setup" && perf stat -r 20 "$binary" --format line "$work/tiny.md" 2>&1 > /dev/null |
    awk -v s="$setup" '/task-clock/ { print "start-up, " s ": " $1 " ms task-clock" }') || true
done
