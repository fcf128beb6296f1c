#!/usr/bin/env bash
# Regenerates every golden file (tool schema snapshot, parser and validator goldens) from the
# current code. Review the diff before committing: a golden changes only when behaviour should.
set -euo pipefail
cd "$(dirname "$0")/.."
UPDATE_GOLDEN=1 dotnet test Kiro.Mcp.sln "$@"
git status --short -- '*TestData*'
