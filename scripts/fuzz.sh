#!/bin/sh
# Runs the mutation fuzzer (tests/fuzz.rs) for a set time, in release mode.
#   scripts/fuzz.sh [MINUTES] [SEED]      default: 30 minutes, seed from the clock
# Failing inputs are saved under target/fuzz-failures/; the run ends with the
# number of executions and the corpus size.
set -eu
cd "$(dirname "$0")/.."
minutes=${1:-30}
export BAOCAO_FUZZ_SECS=$((minutes * 60))
if [ -n "${2:-}" ]; then export BAOCAO_FUZZ_SEED="$2"; fi
exec cargo test --release --test fuzz -- --ignored --nocapture fuzz_for_a_while
