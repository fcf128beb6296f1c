#!/usr/bin/env bash
# Runs one benchmark: tools/bench/run.sh <latency|coldstart|load|documents|toolsize|pathological|workspaces|watches|team|check|table|all> [options]
# Builds the server in Release first. "coldstart" and "table" also pack the tool with tools/pack.sh (this machine's
# package is the Native AOT binary when clang is installed), install it into a temp tool path, and install the
# references: the Node server from tools/bench/node/package-lock.json (npm ci), and the C# MCP SDK's minimal stdio
# server (tools/bench/MinimalSdkServer), packed and installed as ours is. KIRO_BENCH_FEED=DIR installs the packages
# tools/pack.sh already made in DIR instead of packing again.
set -euo pipefail
cd "$(dirname "$0")/../.."

bench=${1:-}
[ -n "$bench" ] && shift
if [ -z "$bench" ]; then
  echo "Usage: tools/bench/run.sh <latency|coldstart|load|documents|toolsize|pathological|workspaces|watches|team|check|table|all> [options]" >&2
  exit 2
fi

dotnet build -c Release src/Kiro.Mcp.Server -v quiet -nologo
dotnet build -c Release tools/bench/Kiro.Mcp.Bench -v quiet -nologo
run() { dotnet run -c Release --no-build --project tools/bench/Kiro.Mcp.Bench -- "$@"; }

# Packs the tool as a release does (tools/pack.sh: this machine's platform package, Native AOT where a clang links
# it, plus the portable "any"), installs it from that folder only, and installs the reference Node server: the servers
# "coldstart" and "table" compare. Sets $work and the array $servers.
prepare_servers() {
  work=$(mktemp -d)
  # A config with no sources: the tool comes from the folder just packed, never from a feed.
  printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n' > "$work/nuget.config"
  local version rid
  version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Kiro.Mcp.Server/Kiro.Mcp.Server.csproj)
  rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)
  if [ -n "${KIRO_BENCH_FEED:-}" ]; then
    # Packages tools/pack.sh made before (a native compile takes minutes): measured as they are.
    mkdir -p "$work/feed" && cp "$KIRO_BENCH_FEED"/*.nupkg "$work/feed/"
  else
    tools/pack.sh "$work/feed" "$rid" any >/dev/null
  fi
  dotnet tool install Kiro.Mcp --version "$version" --tool-path "$work/tool" --add-source "$work/feed" --configfile "$work/nuget.config" >/dev/null
  local binary
  binary=$(find "$work/tool/.store" -path "*/tools/*/$rid/*" -name Kiro.Mcp.Server -type f | head -1)
  installed_binary=$binary
  echo "packages: $(cd "$work/feed" && du -h ./*.nupkg | sed 's:\./::' | tr '\t\n' ' ')"
  local kind="ReadyToRun (no clang to link the native binary)"
  [ -n "$binary" ] && kind="native binary $(du -h "$binary" | cut -f1)"
  echo "installed tool: $(du -sh "$work/tool" | cut -f1) ($(du -sb "$work/tool" | cut -f1) bytes); $rid package: $kind"
  servers=(--tool "$work/tool/kiro-mcp" --dnx-feed "$work/feed")
  # The floor under both rows: the C# SDK's smallest stdio server, packed (native where ours is) and installed the same way.
  KIRO_PACK_PROJECT=tools/bench/MinimalSdkServer tools/pack.sh "$work/reference-feed" "$rid" >/dev/null
  dotnet tool install MinimalSdkServer --tool-path "$work/reference-tool" --add-source "$work/reference-feed" --configfile "$work/nuget.config" >/dev/null
  echo "reference: the C# MCP SDK's minimal stdio server installed: $(du -sh "$work/reference-tool" | cut -f1) ($(du -sb "$work/reference-tool" | cut -f1) bytes)"
  servers+=(--reference-tool "$work/reference-tool/minimal-sdk-server")
  (cd tools/bench/node && npm ci --no-audit --no-fund --silent)
  servers+=(--node-server tools/bench/node/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js)
}

coldstart() {
  prepare_servers
  trap 'rm -rf "$work"' RETURN
  run coldstart "${servers[@]}" "$@"
}

# Issue 14's table in one command: every row's benchmark in turn, the reference servers measured in the same run.
table() {
  # The steering row: the analysis program steering_generate starts, and the bench that compares it with bare Roslyn.
  dotnet build -c Release src/Kiro.Mcp.Analysis -v quiet -nologo
  dotnet build -c Release tools/bench/Kiro.Mcp.SteeringBench -v quiet -nologo
  prepare_servers
  trap 'rm -rf "$work"' RETURN
  local native=()
  [ -n "$installed_binary" ] && native=(--installed-binary "$installed_binary")
  run table "${servers[@]}" "${native[@]}" --feed "$work/feed" --tool-path "$work/tool" --reference-tool-path "$work/reference-tool" "$@"
}

case "$bench" in
  coldstart) coldstart "$@" ;;
  table) table "$@" ;;
  all)
    for b in toolsize documents latency load; do echo "== $b"; run "$b"; echo; done
    echo "== coldstart"; coldstart
    ;;
  *) run "$bench" "$@" ;;
esac
