#!/usr/bin/env bash
# Packs the kiro-mcp tool: tools/pack.sh OUTPUT [RID...]
#
# Makes the pointer package Kiro.Mcp (it lists every platform package; the installer picks the best match) and one
# package per RID given (default: every RID in ToolPackageRuntimeIdentifiers, src/Kiro.Mcp.Server/Kiro.Mcp.Server.csproj):
#   - this machine's own RID: the Native AOT binary (no .NET runtime needed, no JIT at start-up). On Linux it needs a
#     clang (apt-get install clang); on macOS Xcode's command line tools; on Windows the C++ build tools.
#   - any other RID: ReadyToRun (framework-dependent, precompiled), because Native AOT cannot cross-compile to
#     another OS or, without a cross toolchain, another architecture. A release runs this script on one runner per
#     platform ("tools/pack.sh feed osx-arm64" on macOS/arm64, and so on) and publishes every runner's package.
#   - "any": the portable framework-dependent package, for every platform without a package of its own.
# KIRO_PACK_NATIVE=0 packs this machine's RID as ReadyToRun too (where no linker is installed, or to compare).
# KIRO_PACK_PROJECT=DIR packs another tool project the same way (the benchmarks' reference, tools/bench/MinimalSdkServer).
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:?usage: tools/pack.sh OUTPUT [RID...]}
shift
mkdir -p "$out"
out=$(cd "$out" && pwd)
project=${KIRO_PACK_PROJECT:-src/Kiro.Mcp.Server}
if [ $# -gt 0 ]; then
  rids=("$@")
else
  read -r -a rids <<<"$(sed -n 's:.*<ToolPackageRuntimeIdentifiers>\(.*\)</ToolPackageRuntimeIdentifiers>.*:\1:p' "$project"/*.csproj | tr ';' ' ')"
fi
host=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)

# Native AOT links with the platform's C toolchain; on Linux the SDK looks for "clang" by name, and Debian/Ubuntu
# may only have clang-N.
linker=()
if [ "$(uname -s)" = Linux ] && ! command -v clang >/dev/null 2>&1; then
  clang=$(compgen -c clang- | grep -E '^clang-[0-9]+$' | sort -t- -k2 -n | tail -1 || true)
  [ -n "$clang" ] && linker=("-p:CppCompilerAndLinker=$clang")
fi
can_link() {
  [ "$(uname -s)" != Linux ] || command -v clang >/dev/null 2>&1 || [ ${#linker[@]} -gt 0 ]
}

common=(-c Release -o "$out" -nologo -v quiet)
name=$(sed -n 's:.*<PackageId>\(.*\)</PackageId>.*:\1:p' "$project"/*.csproj | head -1)
echo "$name: the pointer package (ToolPackageRuntimeIdentifiers)"
dotnet pack "$project" "${common[@]}"
for rid in "${rids[@]}"; do
  # A publish folder of its own per package: the package takes the whole folder, so nothing stale gets in.
  publish=(-r "$rid" "-p:PublishDir=$out/.publish/$rid/")
  if [ "$rid" = any ]; then
    echo "$name.any: portable, framework-dependent"
    dotnet pack "$project" "${common[@]}" "${publish[@]}"
  elif [ "$rid" = "$host" ] && [ "${KIRO_PACK_NATIVE:-1}" != 0 ] && can_link; then
    echo "$name.$rid: Native AOT"
    dotnet pack "$project" "${common[@]}" "${publish[@]}" "${linker[@]}"
  else
    echo "$name.$rid: ReadyToRun, framework-dependent"
    dotnet pack "$project" "${common[@]}" "${publish[@]}" -p:PublishAot=false
  fi
done
rm -rf "$out/.publish"
ls -l "$out"/*.nupkg
