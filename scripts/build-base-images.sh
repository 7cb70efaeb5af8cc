#!/usr/bin/env bash
# Builds the local base images used by tests and local mode, without any container registry:
# debootstrap a Debian root filesystem and `docker import` it. Images that already exist are skipped.
#   subnet2-base/debian:bookworm  minimal Debian 12
#   subnet2-base/jre:17           Debian 12 + OpenJDK 17 JRE (headless)
#   subnet2-base/python:3         Debian 12 + python3-minimal
set -euo pipefail
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
WORK="${BASE_IMAGE_WORK:-/var/tmp/subnet2-base}"

need() { command -v "$1" >/dev/null 2>&1 || { echo "missing command: $1" >&2; exit 1; }; }
need debootstrap
need docker

build() {
  local name="$1" include="$2"
  if docker image inspect "$name" >/dev/null 2>&1; then
    echo "base image $name exists, skipped"
    return
  fi
  local dir="$WORK/$(echo "$name" | tr '/:' '__')"
  rm -rf "$dir" && mkdir -p "$dir"
  local start=$SECONDS
  debootstrap --variant=minbase ${include:+--include=$include} bookworm "$dir" "$MIRROR" >"$dir.log" 2>&1 \
    || { tail -20 "$dir.log" >&2; exit 1; }
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  tar -C "$dir" -c . | docker import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$name" >/dev/null
  rm -rf "$dir" "$dir.log"
  echo "base image $name built in $((SECONDS - start)) s"
}

build subnet2-base/debian:bookworm ""
build subnet2-base/jre:17 "openjdk-17-jre-headless"
build subnet2-base/python:3 "python3-minimal"
