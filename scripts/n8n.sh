#!/usr/bin/env bash
# A real n8n for the tests (../shared/recipes/n8n.md): n8n 2.8.4 from npm, installed once into a
# cache folder outside the clone (2,090 packages, 2.3 GB; ~6 minutes the first time). Source it,
# then: fliptech_n8n_install (exports FLIPTECH_N8N_DIR and FLIPTECH_TEST_REQUIRE_N8N=1 when n8n is
# there). Where it cannot be installed (node older than 20, no network), it says why and the
# tests that need n8n skip.

fliptech_n8n_install() {
  local version=2.8.4
  local dir=${FLIPTECH_N8N_DIR:-$HOME/.cache/fliptech/n8n-$version}
  if [ -n "${FLIPTECH_SKIP_N8N:-}" ]; then
    echo "n8n: FLIPTECH_SKIP_N8N is set: the tests that need n8n skip"
    return 0
  fi
  if [ ! -x "$dir/node_modules/.bin/n8n" ]; then
    local major
    major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
    if [ "$major" -lt 20 ]; then
      echo "n8n: node $major here, n8n $version needs node 20 or later: the tests that need n8n skip"
      return 0
    fi
    echo "n8n: installing n8n $version into $dir (once; about 6 minutes)"
    mkdir -p "$dir"
    # n8n-nodes-base asks for xlsx from a CDN tarball npm cannot always reach: the registry's.
    printf '{"name":"fliptech-n8n","private":true,"dependencies":{"n8n":"%s"},"overrides":{"xlsx":"0.18.5"}}\n' "$version" > "$dir/package.json"
    local nodedir=()
    [ -f /usr/include/node/node.h ] && nodedir=(env npm_config_nodedir=/usr)
    if ! (cd "$dir" && "${nodedir[@]}" npm install --no-audit --no-fund --loglevel=error > install.log 2>&1); then
      echo "n8n: the install failed (see $dir/install.log): the tests that need n8n skip"
      tail -5 "$dir/install.log" || true
      return 0
    fi
  fi
  export FLIPTECH_N8N_DIR="$dir"
  export FLIPTECH_TEST_REQUIRE_N8N=1
  echo "n8n: $dir"
}
