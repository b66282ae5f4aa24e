#!/usr/bin/env bash
# One command: set up and run the whole test suite (options go to pytest).
# The browser tests need Debian's chromium; as root on Debian this installs it, else they skip.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-beng >/dev/null) \
        || echo "note: chromium could not be installed; browser tests will be skipped" >&2
fi
exec .venv/bin/python -m pytest -q "$@"
