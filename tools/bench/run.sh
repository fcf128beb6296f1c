#!/usr/bin/env bash
# Runs one benchmark: tools/bench/run.sh <latency|coldstart|load|documents|toolsize|pathological|workspaces|watches|team|check|table|all> [options]
# Builds the server in Release first. "coldstart" also packs the tool, installs it into a temp tool path,
# publishes the Native AOT binary (when clang is installed), and installs the reference Node server from tools/bench/node/package-lock.json (npm ci).
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

# Packs the tool, installs it from that folder only, publishes the Native AOT binary when a linker is here, and installs
# the reference Node server: the servers "coldstart" and "table" compare. Sets $work and the array $servers.
prepare_servers() {
  work=$(mktemp -d)
  # A config with no sources: the tool comes from the folder just packed, never from a feed.
  printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n' > "$work/nuget.config"
  dotnet pack -c Release src/Kiro.Mcp.Server -o "$work/feed" -v quiet -nologo
  local version
  version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Kiro.Mcp.Server/Kiro.Mcp.Server.csproj)
  dotnet tool install Kiro.Mcp --version "$version" --tool-path "$work/tool" --add-source "$work/feed" --configfile "$work/nuget.config" >/dev/null
  servers=(--tool "$work/tool/kiro-mcp")
  # The Native AOT binary beside the installed tool, when a linker is here (Native AOT links with clang).
  local clang
  clang=$(command -v clang || compgen -c clang- | grep -E '^clang-[0-9]+$' | sort -t- -k2 -n | tail -1 || true)
  if [ -n "$clang" ]; then
    dotnet publish -c Release -r linux-x64 -p:PublishAot=true -p:CppCompilerAndLinker="$(basename "$clang")" src/Kiro.Mcp.Server -o "$work/native" -v quiet -nologo
    echo "native binary: $(du -sh "$work/native/Kiro.Mcp.Server" | cut -f1) (+ $(du -ch "$work"/native/*.so | tail -1 | cut -f1) libgit2); installed tool: $(du -sh "$work/tool" | cut -f1)"
    servers+=(--native "$work/native/Kiro.Mcp.Server")
  else
    echo "no clang: the native AOT binary is not measured"
  fi
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
  prepare_servers
  trap 'rm -rf "$work"' RETURN
  run table "${servers[@]}" --feed "$work/feed" --tool-path "$work/tool" "$@"
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
