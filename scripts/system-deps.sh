#!/usr/bin/env bash
# Install the Debian packages listed in debian-packages.txt for the given groups, when missing.
# Usage: scripts/system-deps.sh runtime [test]
set -euo pipefail
cd "$(dirname "$0")/.."
groups=" $* "
missing=()
while read -r group pkg; do
  case "$group" in ''|'#'*) continue ;; esac
  [[ "$groups" == *" $group "* ]] || continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < debian-packages.txt
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "civcas: please install these system packages: ${missing[*]}" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing Debian packages: ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
