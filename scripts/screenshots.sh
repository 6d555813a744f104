#!/usr/bin/env bash
# Screenshots of every page of the desktop, as a new user sees them with a little data, taken
# under Xvfb into docs/screenshots/ (linked from the README). Run it whenever pages change:
#   scripts/screenshots.sh [BUILD_DIR]      (default: build)
# Needs xvfb, xdotool and imagemagick (it installs them when missing, as root).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
app="$build/bin/fliptech"
out="$here/docs/screenshots"
[[ -x "$app" ]] || { echo "screenshots: build first ($app missing)" >&2; exit 1; }
source "$here/scripts/packages.sh"
for tool in xvfb-run xdotool import curl; do
  if ! command -v "$tool" >/dev/null; then
    fliptech_install_packages xvfb xauth xdotool imagemagick curl
    break
  fi
done

work="$(mktemp -d)"
trap '[[ -n "${server:-}" ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config" LANG=en_US.UTF-8
mkdir -p "$HOME"
db="sqlite://$work/fliptech.db"
email=owner@studio.example password='Screenshots-pass-1'
mkdir -p "$out"

# The first start: the wizard a fresh install opens (its first two pages).
cat >"$work/wizard.sh" <<WIZARD
"$app" --database "sqlite://$work/fresh.db" >"$work/wizard.log" 2>&1 &
pid=\$!
for _ in \$(seq 60); do w=\$(xdotool search --onlyvisible --name 'Welcome to FlipTech' 2>/dev/null | head -1); [ -n "\$w" ] && break; sleep 0.5; done
[ -n "\$w" ] || { cat "$work/wizard.log" >&2; exit 1; }
sleep 1
import -window root -crop 1280x800+0+0 "$out/00-first-run.png"
kill \$pid
WIZARD
xvfb-run -a -s "-screen 0 1280x800x24" bash "$work/wizard.sh"
FLIPTECH_ADMIN_PASSWORD="$password" "$app" --database "$db" --create-admin "$email" >/dev/null

# A little data through the API, as a user would make it.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$app" --headless --database "$db" --listen "127.0.0.1:$port" --workers 0 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.2; done
token=$(curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" \
  "http://127.0.0.1:$port/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
api() { curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -X "$1" -d "$3" "http://127.0.0.1:$port$2"; }
while IFS="|" read -r lname lcompany lemail lphone lcity lstatus; do
  api POST /api/v1/leads "{\"name\":\"$lname\",\"company\":\"$lcompany\",\"email\":\"$lemail\",\"phone\":\"$lphone\",\"city\":\"$lcity\",\"status\":\"$lstatus\",\"source\":\"manual\"}"
done <<'LEADS'
Joe Rivera|Joe's Plumbing|joe@joesplumbing.example|+15122004999|Austin|new
Ana Lopez|Lopez Bakery|ana@lopezbakery.example|+15125550123|Austin|contacted
Sam Patel|Patel Dental|office@pateldental.example|+15125550188|Round Rock|qualified
Kim Nguyen|Nguyen Auto Repair|kim@nguyenauto.example|+15125550142|Austin|new
Lee Carter|Carter Landscaping|lee@carterlandscape.example|+15125550177|Cedar Park|contacted
LEADS
api POST /api/v1/templates '{"name":"First contact","subject":"A new website for {{company}}","body_text":"Hi {{first_name}},\n\nI looked at your site..."}'
kill "$server"; wait "$server" 2>/dev/null || true; unset server

# The desktop: sign in, then every page of the sidebar (Ctrl+1 .. Ctrl+0), one picture each.
cat >"$work/shoot.sh" <<SHOOT
set -e
"$app" --database "$db" >"$work/desktop.log" 2>&1 &
pid=\$!
waitfor() { for _ in \$(seq 60); do w=\$(xdotool search --onlyvisible --name "\$1" 2>/dev/null | head -1); [ -n "\$w" ] && { echo "\$w"; return; }; sleep 0.5; done; echo "screenshots: no window '\$1'" >&2; cat "$work/desktop.log" >&2; exit 1; }
dialog=\$(waitfor 'Sign in to FlipTech')
sleep 0.5
# No window manager gives the dialog the keyboard: a click in its first field does.
xdotool mousemove --window "\$dialog" 200 20 click 1
sleep 0.3
xdotool type --delay 20 '$email'; xdotool key Tab; xdotool type --delay 20 '$password'; xdotool key Return
wid=\$(waitfor '^FlipTech Pro')
sleep 2
xdotool windowsize "\$wid" 1280 800; xdotool windowmove "\$wid" 0 0
sleep 0.5
xdotool mousemove --window "\$wid" 640 790 click 1 # the status bar: the window takes the keyboard
i=0
for page in dashboard leads scraper campaigns templates conversations automation content analytics settings; do
  i=\$((i + 1)); key=\$((i % 10))
  xdotool key "ctrl+\$key"; sleep 1.5
  import -window root -crop 1280x800+0+0 "$out/\$(printf '%02d' \$i)-\$page.png"
done
xdotool key F1; sleep 1
import -window root -crop 1280x800+0+0 "$out/11-keyboard-shortcuts.png"
kill \$pid
SHOOT
xvfb-run -a -s "-screen 0 1280x800x24" bash "$work/shoot.sh"
echo "screenshots: $(ls "$out" | wc -l) pictures in $out"
