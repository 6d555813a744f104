#!/usr/bin/env bash
# Debian/Ubuntu packages FlipTech Pro needs. Sourced by run.sh, test.sh and bench.sh.
FLIPTECH_BUILD_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
  qt6-websockets-dev qt6-httpserver-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
  qtkeychain-qt6-dev libcrypt-dev libgl-dev libvulkan-dev libxkbcommon-dev
  libcurl4-openssl-dev libssl-dev libxml2-dev libargon2-dev libpq-dev libsqlite3-dev
  qt6-qpa-plugins
  dpkg-dev librsvg2-bin appstream gzip
)
FLIPTECH_TEST_PACKAGES=(
  postgresql postgresql-client xvfb xauth curl python3 python3-aiosmtpd python3-dkim dovecot-imapd procps iproute2 openssl
  dbus-daemon dbus-bin gnome-keyring
)
FLIPTECH_BENCH_PACKAGES=(
  wrk hyperfine
)

# fliptech_install_packages PKG... : install what dpkg says is missing (sudo when not root).
fliptech_install_packages() {
  local missing=()
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq || true
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
