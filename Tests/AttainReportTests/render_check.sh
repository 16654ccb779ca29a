#!/usr/bin/env bash
# Renders an HTML report with headless Chromium and checks that the page is not blank and that the
# browser logged no console errors (uncaught script errors, failed resource loads).
#
# Usage: render_check.sh REPORT.html SCREENSHOT.png [WIDTHxHEIGHT]
#
# Installs Debian's `chromium` with apt-get when no Chromium/Chrome binary is found (needs root or sudo
# and network; `apt-get update` first); without apt-get it fails (exit 1) rather than skipping.
# Network access from the page is blocked with a host-resolver rule,
# and a report whose HTML references remote resources (src/href/url() to http(s) or //) fails.
# The PNG is decoded with python3's zlib (no Pillow): the check needs at least 16 distinct colours and
# at least 1 % non-white pixels.
set -euo pipefail

html=${1:?usage: render_check.sh REPORT.html SCREENSHOT.png [WIDTHxHEIGHT]}
png=${2:?usage: render_check.sh REPORT.html SCREENSHOT.png [WIDTHxHEIGHT]}
size=${3:-1100x3000}
[[ -f "$html" ]] || { echo "render_check: no such file: $html" >&2; exit 2; }

find_browser() {
  for b in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$b" >/dev/null 2>&1; then command -v "$b"; return 0; fi
  done
  return 1
}

browser=$(find_browser || true)
if [[ -z "$browser" ]]; then
  command -v apt-get >/dev/null 2>&1 || {
    echo "render_check: no Chromium installed and no apt-get to install it; install chromium" >&2; exit 1; }
  sudo=""
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { echo "render_check: installing chromium needs root or sudo" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "render_check: installing chromium with apt-get" >&2
  $sudo apt-get update -qq >&2 || { echo "render_check: apt-get update failed" >&2; exit 1; }
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 || {
    echo "render_check: apt-get install chromium failed" >&2; exit 1; }
  browser=$(find_browser) || { echo "render_check: chromium installed but not found on PATH" >&2; exit 1; }
fi

# A self-contained report references nothing remote (headless Chromium does not log blocked loads).
if grep -Eiq '(src|href)[[:space:]]*=[[:space:]]*["'"'"']?(https?:)?//|url\([[:space:]]*["'"'"']?(https?:)?//|@import' "$html"; then
  echo "render_check: $html references remote resources" >&2
  exit 1
fi

abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
mkdir -p "$(dirname "$png")"
log=$(mktemp)
profile=$(mktemp -d)
trap 'rm -rf "$log" "$profile"' EXIT
rm -f "$png"

timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
  --no-first-run --user-data-dir="$profile" --host-resolver-rules="MAP * ~NOTFOUND" \
  --enable-logging=stderr --v=0 --window-size="${size/x/,}" \
  --screenshot="$png" "file://$abs_html" 2>"$log" >/dev/null || {
    echo "render_check: browser failed:" >&2; tail -20 "$log" >&2; exit 1; }

if grep -E "Uncaught|ERROR:CONSOLE|CONSOLE\(.*(Error|Failed)|Failed to load resource" "$log" >&2; then
  echo "render_check: console errors while rendering $html" >&2
  exit 1
fi
[[ -s "$png" ]] || { echo "render_check: no screenshot written" >&2; tail -20 "$log" >&2; exit 1; }

python3 - "$png" <<'PY'
import struct, sys, zlib

path = sys.argv[1]
data = open(path, "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("render_check: not a PNG")
pos, idat, width = 8, b"", 0
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        if depth != 8 or colour not in (2, 6) or interlace != 0:
            sys.exit(f"render_check: unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
        bpp = 3 if colour == 2 else 4
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
raw = zlib.decompress(idat)
stride = width * bpp
zero = bytes(stride)
prev = bytes(stride)
colours, nonwhite, i = set(), 0, 0
for y in range(height):
    f = raw[i]; cur = raw[i + 1:i + 1 + stride]; i += 1 + stride
    # Fast paths for the common cases (PNG spec §9): None, and Up with an all-zero difference.
    if f == 0:
        line = cur
    elif f == 2:
        line = prev if cur == zero else bytes(map(lambda u, v: (u + v) & 255, cur, prev))
    else:
        line = bytearray(cur)
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
                continue
            b = prev[x]
            if f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            else:
                c = prev[x - bpp] if x >= bpp else 0
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        line = bytes(line)
    prev = line
    if y % 2 == 0:  # every other row and column is plenty for the statistics
        for x in range(0, stride, bpp * 2):
            px = line[x:x + 3]
            colours.add(px)
            if px != b"\xff\xff\xff":
                nonwhite += 1
sampled = ((height + 1) // 2) * ((width + 1) // 2)
share = nonwhite / max(sampled, 1)
print(f"render_check: {width}x{height}, {len(colours)} distinct colours, {share:.1%} non-white")
if len(colours) < 16 or share < 0.01:
    sys.exit("render_check: the page looks blank")
PY
