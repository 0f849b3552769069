#!/usr/bin/env bash
# Make sure Debian's Chromium is installed (for end-to-end tests and screenshots).
# Never downloads a browser build of its own: only Debian's `chromium` package.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Chromium is not installed: installing Debian's chromium package (about a minute)..." >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
/usr/bin/chromium --version >&2
