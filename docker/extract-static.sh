#!/usr/bin/env bash
# Copies what nginx serves itself out of the WAR: the site's /static files and the WebJars'
# contents under /webjars, at the same paths the application uses.
# Usage: docker/extract-static.sh ROOT.war OUTPUT_DIR
set -euo pipefail
war=${1:?usage: extract-static.sh ROOT.war OUTPUT_DIR}
out=${2:?usage: extract-static.sh ROOT.war OUTPUT_DIR}
[ -f "$war" ] || { echo "extract-static: no such WAR: $war" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

unzip -q "$war" 'static/*' 'WEB-INF/lib/*' -d "$work/war"
for jar in "$work"/war/WEB-INF/lib/*.jar; do
    # Only WebJars have this folder; for the other jars there is nothing to extract.
    unzip -q -o "$jar" 'META-INF/resources/webjars/*' -d "$work/webjars" 2>/dev/null || true
done
rm -rf "$out"
mkdir -p "$out/webjars"
cp -R "$work/war/static" "$out/static"
cp -R "$work/webjars/META-INF/resources/webjars/." "$out/webjars/"
echo "extract-static: $(find "$out/static" -type f | wc -l) site files, $(find "$out/webjars" -type f | wc -l) WebJar files in $out"
