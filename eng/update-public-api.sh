#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt of each shipped project from the public API analyzer's findings.
# Run after changing public API on purpose, then review the diff: it is the API change under review.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/*/; do
  [ -f "$project/PublicAPI.Unshipped.txt" ] || continue
  printf '#nullable enable\n' > "$project/PublicAPI.Unshipped.txt"
  csproj=$(cd "$project" && ls *.csproj)
  # Only this project's findings: a build also reports those of the projects it depends on.
  dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 \
    | grep -E 'RS0016|RS0037' | grep -F "/$csproj]" | grep -o "Symbol '[^']*'" | sed -E "s/^Symbol '(.*)'$/\1/" | sort -u \
    >> "$project/PublicAPI.Unshipped.txt" || true
  echo "$project: $(($(wc -l < "$project/PublicAPI.Unshipped.txt") - 1)) public symbols"
done
