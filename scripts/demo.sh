#!/usr/bin/env bash
# README quick start (1): set up, then start the app in demo mode.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/fitnote-desktop --demo "$@"
