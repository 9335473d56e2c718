#!/usr/bin/env bash
# Builds what a release publishes — exactly what .github/workflows/release.yml runs (it calls this script), so a
# release is rehearsed on any machine with a JDK 17 (`.ci/run` does it on every run):
#   dist/sentinelctl-VERSION.jar                  the shaded jar (needs a Java 17+ runtime)
#   dist/sentinelctl-VERSION-linux-x64.tar.gz     bin/sentinelctl, lib/sentinelctl.jar and runtime/, a Java runtime
#                                                 made with jlink: no JDK needed to run it
#   dist/sentinelctl-VERSION.cdx.json             CycloneDX SBOM of the jar's runtime dependencies
#   dist/SHA256SUMS                               checksums of the three
# then starts the image once (--version, fmt --check and check on the bundled content) and prints its size and
# start time. Fails loudly (non-zero and the reason) when any step does.
# Usage: tools/release.sh [VERSION]   (default: the pom's version; a release tag vX.Y.Z must match the pom)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
die() { echo "release: $*" >&2; exit 1; }

pom_version=$(sed -n '0,/<artifactId>sentinelctl<\/artifactId>/d; s:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
version="${1:-$pom_version}"
version="${version#v}"
[ "$version" = "$pom_version" ] || die "version $version does not match pom.xml's $pom_version: set <version> in pom.xml before tagging"
command -v jlink >/dev/null || die "jlink not found: a full JDK 17 is needed (not a JRE)"

dist="$root/dist"
name="sentinelctl-$version"
image="$root/target/release/$name-linux-x64"
rm -rf "$dist" "$root/target/release"
mkdir -p "$dist" "$image/bin" "$image/lib"

echo "== jar"
"$root/sentinelctl" --version >/dev/null   # builds target/sentinelctl.jar when the sources are newer
cp "$root/target/sentinelctl.jar" "$dist/$name.jar"

echo "== SBOM (CycloneDX, runtime dependencies)"
mvn -B -q ${MVN_OFFLINE:-} org.cyclonedx:cyclonedx-maven-plugin:makeBom >/dev/null || die "the CycloneDX plugin failed"
[ -s "$root/target/sentinelctl-sbom.json" ] || die "no SBOM written"
cp "$root/target/sentinelctl-sbom.json" "$dist/$name.cdx.json"

echo "== jlink runtime image"
# Modules the jar needs (jdeps over the jar and its dependencies), plus what is loaded by name at run time: the
# elliptic-curve TLS provider (HTTPS to ARM) and the JDK's HTTP server (the sandbox).
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.unsupported
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
      --output "$image/runtime" || die "jlink failed"
cp "$dist/$name.jar" "$image/lib/sentinelctl.jar"
# A class-data-sharing archive of a normal run, as the source launcher records one: every start is faster.
"$image/runtime/bin/java" -XX:DumpLoadedClassList="$image/lib/classes.lst" -jar "$image/lib/sentinelctl.jar" \
    check "$root/content" --fail-on never >/dev/null 2>&1 || true
"$image/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$image/lib/classes.lst" \
    -XX:SharedArchiveFile="$image/lib/sentinelctl.jsa" -cp "$image/lib/sentinelctl.jar" >/dev/null 2>&1 \
    || echo "release: no class-data archive (start is slower, nothing else changes)" >&2
rm -f "$image/lib/classes.lst"
cat > "$image/bin/sentinelctl" <<'LAUNCHER'
#!/bin/sh
# sentinelctl from a release image: its own Java runtime, no JDK needed.
here=$(cd "$(dirname "$0")/.." && pwd)
set -- -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss8m -Xmn32m -jar "$here/lib/sentinelctl.jar" "$@"
[ -f "$here/lib/sentinelctl.jsa" ] && set -- -XX:SharedArchiveFile="$here/lib/sentinelctl.jsa" -Xshare:auto -Xlog:cds=off "$@"
exec "$here/runtime/bin/java" $SENTINELCTL_JAVA_OPTS "$@"
LAUNCHER
chmod +x "$image/bin/sentinelctl"
tar -C "$root/target/release" -czf "$dist/$name-linux-x64.tar.gz" "$name-linux-x64"

echo "== checksums"
(cd "$dist" && sha256sum "$name.jar" "$name-linux-x64.tar.gz" "$name.cdx.json" > SHA256SUMS && sha256sum -c --quiet SHA256SUMS) \
    || die "checksums do not verify"

echo "== the image, started once"
got=$("$image/bin/sentinelctl" --version) || die "the image does not start"
[ "$got" = "sentinelctl $version" ] || die "the image reports '$got', expected 'sentinelctl $version'"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r "$root/content" "$scratch/content"
"$image/bin/sentinelctl" fmt "$scratch/content" >/dev/null 2>&1 || die "fmt failed in the image"
"$image/bin/sentinelctl" fmt --check "$scratch/content" >/dev/null 2>&1 || die "fmt --check is not clean after fmt in the image"
"$image/bin/sentinelctl" check "$scratch/content" --fail-on never >/dev/null || die "check failed in the image"
start=$( { /usr/bin/time -f '%e' "$image/bin/sentinelctl" --version >/dev/null; } 2>&1 | tail -1)
jar_start=$( { /usr/bin/time -f '%e' java -jar "$dist/$name.jar" --version >/dev/null; } 2>&1 | tail -1)
single=$( { /usr/bin/time -f '%e' "$image/bin/sentinelctl" check "$root/content/Detections/SigninLogs/PasswordSprayFromSingleIp.yaml" >/dev/null; } 2>&1 | tail -1)
echo "release $version: image $(du -sh "$image" | cut -f1) unpacked, $(du -h "$dist/$name-linux-x64.tar.gz" | cut -f1) packed" \
     "(runtime $(du -sh "$image/runtime" | cut -f1), jar $(du -h "$dist/$name.jar" | cut -f1));" \
     "--version ${start} s (java -jar on the build JDK: ${jar_start} s); one-file check ${single} s;" \
     "SBOM $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1])).get("components", [])))' "$dist/$name.cdx.json") components"
ls -l "$dist"
