#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium. Install it when it is missing and we can (root with
# apt-get), so `npm test` works on a fresh machine; otherwise say exactly what to run.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "depinsim: installing Debian's chromium for the browser tests (apt-get)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "depinsim: the browser tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install -y chromium' first" >&2
exit 1
