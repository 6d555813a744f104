# Source it, then: fliptech_check_deb BUILD_DIR — builds the .deb from that build (CPack), checks
# its AppStream metainfo and its contents, checks that apt can install it on this machine (its
# dependencies resolve; simulated, nothing installed), unpacks it into a clean root and runs what it
# installed there with nothing else on PATH: `fliptech --version`, then a headless start answering
# /api/v1/health. Prints the package's size. Fails (non-zero) on the first thing that is wrong.

fliptech_check_deb() {
  local build_dir=$1
  local out="$build_dir/package"
  rm -rf "$out" && mkdir -p "$out"
  (cd "$build_dir" && cpack -G DEB -B "$PWD/package" >/dev/null) || { echo "cpack failed" >&2; return 1; }
  local deb
  deb=$(ls "$out"/*.deb 2>/dev/null | head -1 || true)
  [ -n "$deb" ] || { echo "cpack made no .deb" >&2; return 1; }
  echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"

  appstreamcli validate --no-net installer/fliptech.metainfo.xml >/dev/null || { echo "the AppStream metainfo is not valid" >&2; return 1; }
  local contents
  contents=$(dpkg-deb -c "$deb")
  local f
  for f in ./usr/bin/fliptech ./usr/share/applications/fliptech.desktop ./usr/share/metainfo/fliptech.metainfo.xml \
           ./usr/share/icons/hicolor/scalable/apps/fliptech.svg ./usr/share/icons/hicolor/48x48/apps/fliptech.png \
           ./usr/share/man/man1/fliptech.1.gz; do
    grep -q " $f\$" <<<"$contents" || { echo "the package lacks $f" >&2; return 1; }
  done
  local dep
  for dep in libqt6core6 libqt6sql6-sqlite libqt6sql6-psql; do # linked, and loaded as plugins
    dpkg-deb -f "$deb" Depends | grep -q "$dep" || { echo "the package's Depends misses $dep: $(dpkg-deb -f "$deb" Depends)" >&2; return 1; }
  done
  # Its dependencies resolve here (simulated: nothing is installed).
  apt-get install -s -q "$(realpath "$deb")" >/dev/null || { echo "apt cannot install $deb" >&2; return 1; }

  local root
  root=$(mktemp -d)
  dpkg-deb -x "$deb" "$root"
  local clean=(env -i "HOME=$root/home" "PATH=/usr/sbin:/usr/bin:/sbin:/bin" "QT_QPA_PLATFORM=offscreen" "XDG_RUNTIME_DIR=$root/run")
  mkdir -p "$root/home" "$root/run" && chmod 700 "$root/run"
  local version
  version=$("${clean[@]}" "$root/usr/bin/fliptech" --version 2>/dev/null) || { echo "the installed fliptech --version failed" >&2; rm -rf "$root"; return 1; }
  echo "installed: $version"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${clean[@]}" "$root/usr/bin/fliptech" --headless --database "sqlite://$root/home/f.db" --listen "127.0.0.1:$port" --workers 0 \
    >"$root/headless.log" 2>&1 &
  local pid=$! ok=
  local _
  for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1; then ok=1; break; fi
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -z "$ok" ]; then
    echo "the installed fliptech --headless did not answer /api/v1/health:" >&2
    tail -20 "$root/headless.log" >&2
    rm -rf "$root"
    return 1
  fi
  echo "installed: headless start answered /api/v1/health"
  rm -rf "$root"
}
