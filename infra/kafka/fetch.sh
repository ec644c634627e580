#!/usr/bin/env bash
# Fetch the Kafka broker jars (pinned in pom.xml) from Maven Central into infra/kafka/lib.
# Idempotent: does nothing when the jars are already there. Re-fetch with --force.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lib="$here/lib"

if [[ "${1:-}" != "--force" ]] && compgen -G "$lib/kafka_2.13-*.jar" >/dev/null \
  && compgen -G "$lib/slf4j-reload4j-*.jar" >/dev/null; then
  exit 0
fi

command -v mvn >/dev/null || { echo "fetch.sh: mvn not found (install Maven 3)" >&2; exit 1; }
command -v java >/dev/null || { echo "fetch.sh: java not found (install a JDK/JRE 17+)" >&2; exit 1; }

tmp="$lib.tmp.$$"
rm -rf "$tmp"
trap 'rm -rf "$tmp"' EXIT
mvn -q -B -Dstyle.color=never -f "$here/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp"
rm -rf "$lib"
mv "$tmp" "$lib"
trap - EXIT
echo "fetch.sh: $(ls "$lib" | wc -l) jars in $lib" >&2
