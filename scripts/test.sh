#!/usr/bin/env bash
# The README's test command: installs what the tests need (Debian 12 / Ubuntu 24.04), builds,
# checks the translations (scripts/translations.sh --check) and the .deb (scripts/package.sh), installs a real n8n into ~/.cache (scripts/n8n.sh), starts a throwaway PostgreSQL cluster, runs
# ctest for both backends, and stops the cluster even when tests fail. The exit status is the tests'.
#   FLIPTECH_TEST_BUILD_DIR  build folder (default build-test)
#   extra arguments go to ctest (e.g. -R tst_jobqueue)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
source scripts/pgcluster.sh
source scripts/n8n.sh
source scripts/package.sh

fliptech_install_packages "${FLIPTECH_BUILD_PACKAGES[@]}" "${FLIPTECH_TEST_PACKAGES[@]}"
command -v npm >/dev/null || fliptech_install_packages nodejs npm

# Every user-visible string of the source is in the .ts files and translated into Spanish and
# German (lupdate over the source, compared with the committed files; nothing is changed).
scripts/translations.sh --check

build_dir=${FLIPTECH_TEST_BUILD_DIR:-build-test}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DFLIPTECH_WERROR=ON -DFLIPTECH_BENCH=ON "${launcher[@]}"
cmake --build "$build_dir" -j"$(nproc)"

# The OpenAPI linter the API tests run against /api/v1/openapi.json.
tools="$build_dir/tools"
if [ ! -x "$tools/node_modules/.bin/swagger-cli" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent @apidevtools/swagger-cli@4.0.4
fi
export FLIPTECH_OPENAPI_VALIDATOR="$PWD/$tools/node_modules/.bin/swagger-cli"

# The .deb: built from this build, installed into a clean root, started from there.
fliptech_check_deb "$build_dir"

# A real n8n (where it cannot be installed, its tests use a stand-in and say so).
fliptech_n8n_install

trap fliptech_pg_stop EXIT
fliptech_pg_start
export FLIPTECH_TEST_REQUIRE_POSTGRES=1

set +e
ctest --test-dir "$build_dir" -L default -j"$(nproc)" --output-on-failure --timeout 900 "$@"
status=$?
set -e
exit $status
