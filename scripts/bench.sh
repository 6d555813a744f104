#!/usr/bin/env bash
# Benchmarks (not tests): a Release build, a throwaway PostgreSQL cluster, every executable in
# tests/bench, each printing a table of figures. Nothing here is timed inside ctest.
#   ./scripts/bench.sh [bench_name ...]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
source scripts/pgcluster.sh
fliptech_install_packages "${FLIPTECH_BUILD_PACKAGES[@]}" "${FLIPTECH_TEST_PACKAGES[@]}" "${FLIPTECH_BENCH_PACKAGES[@]}"
build_dir=${FLIPTECH_BENCH_BUILD_DIR:-build-release}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFLIPTECH_BENCH=ON "${launcher[@]}" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
trap fliptech_pg_stop EXIT
fliptech_pg_start
benches=("$@")
[ ${#benches[@]} -eq 0 ] && benches=(bench_migrations bench_jobqueue bench_coldstart bench_api bench_leads bench_leadspage bench_scraper bench_campaigns bench_sending bench_ai bench_inbox bench_analytics bench_automation bench_desktopstart)
for b in "${benches[@]}"; do
  echo
  echo "== $b =="
  "$build_dir/bin/$b"
done
