#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600) each, JOBS at a time
# (default 2), seeding each corpus from the repository's own inputs first.
# Needs cargo-fuzz and a nightly toolchain: cargo install cargo-fuzz;
# rustup toolchain install nightly. Findings go to fuzz/artifacts/<target>/.
#   fuzz/run.sh             # 10 minutes a target
#   SECONDS_EACH=60 fuzz/run.sh listing plan_json
set -euo pipefail
cd "$(dirname "$0")/.."
each=${SECONDS_EACH:-600}
jobs=${JOBS:-2}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(catalogue plain_toml programme plan_json previous_calendar listing audience_text)

seed() {
  local dir=fuzz/corpus/$1; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/$(basename "$f")"; done
}
seed catalogue data/films/*.toml tests/fixtures/good/films/*.toml tests/fixtures/bad/*/films.toml
seed plain_toml data/films/*.toml tests/fixtures/good/films/*.toml
seed programme programmes/*.toml tests/fixtures/programmes/*.toml
cargo run --quiet --release -- plan programmes/weekend.toml --format json -o fuzz/corpus/plan.json.tmp 2>/dev/null || true
seed plan_json fuzz/corpus/plan.json.tmp; rm -f fuzz/corpus/plan.json.tmp
seed previous_calendar tests/golden/*.ics
seed listing tests/fixtures/listings/* tests/corpus/import/dev/*.txt
mkdir -p fuzz/corpus/audience_text
for t in en pt-BR zh-Hant-TW sr-Latn es-419 x-private "£8, £6 concessions" "6,50 €" Free "R\$ 20,00"; do
  printf '%s' "$t" > "fuzz/corpus/audience_text/$(printf '%s' "$t" | md5sum | cut -c1-12)"
done

cargo +nightly fuzz build -O
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} sh -c \
  "cargo +nightly fuzz run -O {} fuzz/corpus/{} -- -max_total_time=$each -rss_limit_mb=4096 > fuzz/{}.log 2>&1; echo \"{}: exit \$? (fuzz/{}.log)\"; tail -3 fuzz/{}.log"
