#!/usr/bin/env bash
# Builds the container images of the cluster as docker-save tars, without a Docker daemon and without an
# image registry:
#   frontend-service/target/jib-image.tar   perdura/frontend-service
#   history-service/target/jib-image.tar    perdura/history-service
#   matching-service/target/jib-image.tar   perdura/matching-service
#   samples/target/jib-image.tar            perdura/samples-worker
# then checks each tar (entrypoint, ports, the application's classes in a layer) with deploy-tests'
# ImageTarTests.
#
# The images' base is a Java runtime tar built here from the local JDK (jlink) plus the few shared
# libraries it needs from this host: target/jib-base/perdura-jre-base.tar (built once, reused).
# With a registry at hand, skip all this: `./mvnw -pl frontend-service jib:build` (or jib:dockerBuild) builds
# on the poms' own base, eclipse-temurin:21-jre. See docs/deploy.md.
#
# Options (environment): MVN_FLAGS (default "-B -q"; add -o to stay offline), REBUILD_BASE=1 to rebuild the
# base tar.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh

MODULES=frontend-service,history-service,matching-service,samples
MVN_FLAGS=${MVN_FLAGS:--B -q}
BASE_DIR=target/jib-base
BASE_TAR=$BASE_DIR/perdura-jre-base.tar
BASE_TAG=perdura/jre-base:local

# Modules of the runtime: what Spring Boot, Tomcat, JDBC, Kafka's client and the JMX/JFR tooling use.
JAVA_MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,\
java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,\
java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto,jdk.crypto.cryptoki,\
jdk.crypto.ec,jdk.jfr,jdk.management,jdk.management.agent,jdk.management.jfr,jdk.naming.dns,jdk.net,\
jdk.unsupported,jdk.zipfs

# Shared libraries of the runtime that only a desktop (X11, sound) would load.
DESKTOP_LIBS='libawt_xawt.so|libjawt.so|libsplashscreen.so|libjsound.so'

sha256() { sha256sum "$1" | cut -d' ' -f1; }

# Copies a host library into the root file system under the name it is linked by (the file, not a symlink).
copy_lib() {
  local lib=$1 rootfs=$2
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
}

build_base() {
  local work rootfs java_home
  work=$(mktemp -d)
  trap 'rm -rf "$work"' RETURN
  rootfs=$work/rootfs
  java_home=$rootfs/opt/java/openjdk

  mkdir -p "$rootfs/opt/java" "$rootfs/etc" "$rootfs/tmp"
  chmod 1777 "$rootfs/tmp"
  local available
  available=$(java --list-modules | sed 's/@.*//' | paste -sd, -)
  local modules
  modules=$(tr ',' '\n' <<<"$JAVA_MODULES" | grep -Fxf <(tr ',' '\n' <<<"$available") | paste -sd, -)
  jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --compress=zip-6 --output "$java_home"

  # bash for health checks and `docker exec` (compose's healthchecks use only its builtins).
  mkdir -p "$rootfs/bin"
  cp -L /bin/bash "$rootfs/bin/bash"
  ln -s bash "$rootfs/bin/sh"

  # The dynamic loader and every library that bash, the launcher and the runtime's own libraries link to.
  { echo /bin/bash; find "$java_home" -type f \( -name '*.so' -o -path '*/bin/*' \); } | grep -Ev "$DESKTOP_LIBS" \
    | xargs ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}' \
    | grep -v "^$work/" | sort -u | while read -r lib; do copy_lib "$lib" "$rootfs"; done

  printf 'root:x:0:0:root:/root:/sbin/nologin\nperdura:x:1000:1000:perdura:/tmp:/sbin/nologin\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nperdura:x:1000:\n' >"$rootfs/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
  printf '127.0.0.1 localhost\n::1 localhost\n' >"$rootfs/etc/hosts"

  local layer=$work/layer.tar
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$rootfs" -cf "$layer" .
  local diff_id
  diff_id=$(sha256 "$layer")
  local java_version
  java_version=$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.version = //p')

  local out=$work/image
  mkdir -p "$out/$diff_id"
  mv "$layer" "$out/$diff_id/layer.tar"
  cat >"$out/config.json" <<EOF
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
   "JAVA_HOME=/opt/java/openjdk","JAVA_VERSION=$java_version","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created_by":"scripts/images.sh: jlink of the local JDK $java_version and its shared libraries"}]}
EOF
  local config_id
  config_id=$(sha256 "$out/config.json")
  mv "$out/config.json" "$out/$config_id.json"
  printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["%s/layer.tar"]}]\n' \
    "$config_id" "$BASE_TAG" "$diff_id" >"$out/manifest.json"

  mkdir -p "$BASE_DIR"
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$out" -cf "$BASE_TAR.part" \
    manifest.json "$config_id.json" "$diff_id/layer.tar"
  mv "$BASE_TAR.part" "$BASE_TAR"
}

started=$(date +%s)
if [ ! -f "$BASE_TAR" ] || [ "${REBUILD_BASE:-0}" = 1 ]; then
  echo "images: building the base image $BASE_TAR from $JAVA_HOME"
  build_base
fi
echo "images: base $BASE_TAR ($(du -h "$BASE_TAR" | cut -f1)) after $(($(date +%s) - started))s"

# The services' classes and their dependencies, installed so that each module's jib:buildTar resolves them.
./mvnw $MVN_FLAGS install -Dmaven.test.skip=true -Dspotless.check.skip=true -pl "$MODULES" -am
./mvnw $MVN_FLAGS -pl "$MODULES" jib:buildTar \
  -Djib.from.image="tar://$PWD/$BASE_TAR" -Djib.disableUpdateChecks=true
echo "images: four image tars after $(($(date +%s) - started))s"
ls -l frontend-service/target/jib-image.tar history-service/target/jib-image.tar \
  matching-service/target/jib-image.tar samples/target/jib-image.tar

# the check's test report stays in the output, -q or not
./mvnw ${MVN_FLAGS//-q/} -pl deploy-tests test -Dtest=ImageTarTests \
  -Dperdura.images.required=true
echo "images: built and checked in $(($(date +%s) - started))s"
