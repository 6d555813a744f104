#!/usr/bin/env bash
# The README's run command: installs missing packages (Debian 12 / Ubuntu 24.04), builds a
# Release into build/, and starts FlipTech Pro on the embedded SQLite database in your data
# folder: the desktop window when a display exists, else the headless server (the binary
# decides). Arguments go to fliptech, e.g. ./scripts/run.sh --headless --listen 127.0.0.1:9000
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
fliptech_install_packages "${FLIPTECH_BUILD_PACKAGES[@]}"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DFLIPTECH_TESTS=OFF -DFLIPTECH_BENCH=OFF "${launcher[@]}" >/dev/null
cmake --build build -j"$(nproc)"
exec build/bin/fliptech "$@"
