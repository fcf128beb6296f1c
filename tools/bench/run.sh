#!/usr/bin/env bash
# Builds the server in Release, then runs the benchmark against it; arguments go to the benchmark.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release src/Kiro.Mcp.Server
dotnet run -c Release --project tools/bench/Kiro.Mcp.Bench -- "$@"
