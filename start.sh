#!/usr/bin/env bash
# One command: set up, build the graph from corpus/, and serve it on http://127.0.0.1:8000/
#   ./start.sh                 (extra options go to `kutniti serve`, e.g. --port 9000)
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
export KUTNITI_STORE=${KUTNITI_STORE:-$PWD/var/store}
.venv/bin/kutniti build corpus
exec .venv/bin/kutniti serve "$@"
