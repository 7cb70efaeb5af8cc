#!/usr/bin/env bash
# Builds the local base images used by tests and local mode, without any container registry:
# debootstrap a Debian root filesystem and `docker import` it. Images that already exist are skipped.
#   subnet2-base/debian:bookworm     minimal Debian 12
#   subnet2-base/jre:17              Debian 12 + OpenJDK 17 JRE (headless)
#   subnet2-base/python:3            Debian 12 + python3-minimal
#   subnet2-base/python-data:3       Debian 12 + python3 + pyarrow, pandas, numpy (wheels from the
#                                    package index pip is configured with: PIP_INDEX_URL, pip.conf)
set -euo pipefail
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
WORK="${BASE_IMAGE_WORK:-/var/tmp/subnet2-base}"
# versions of the data stack in subnet2-base/python-data:3 (Debian 12's python3 is CPython 3.11)
PYTHON_DATA_PACKAGES="${PYTHON_DATA_PACKAGES:-pyarrow==25.0.1 pandas==2.3.3 numpy==2.2.6}"

need() { command -v "$1" >/dev/null 2>&1 || { echo "missing command: $1" >&2; exit 1; }; }
need debootstrap
need docker

# build NAME INCLUDE [PREPARE]: debootstrap with the packages INCLUDE, run PREPARE DIR, import
build() {
  local name="$1" include="$2" prepare="${3:-}"
  if docker image inspect "$name" >/dev/null 2>&1; then
    echo "base image $name exists, skipped"
    return
  fi
  local dir="$WORK/$(echo "$name" | tr '/:' '__')"
  rm -rf "$dir" && mkdir -p "$dir"
  local start=$SECONDS
  debootstrap --variant=minbase ${include:+--include=$include} bookworm "$dir" "$MIRROR" >"$dir.log" 2>&1 \
    || { tail -20 "$dir.log" >&2; exit 1; }
  if [ -n "$prepare" ]; then
    "$prepare" "$dir" >>"$dir.log" 2>&1 || { tail -20 "$dir.log" >&2; exit 1; }
  fi
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  tar -C "$dir" -c . | docker import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$name" >/dev/null
  rm -rf "$dir" "$dir.log"
  echo "base image $name built in $((SECONDS - start)) s"
}

# Installs the data stack into the image's site-packages with the host's pip (binary wheels for
# CPython 3.11 on manylinux x86_64, so the host's own Python version does not matter).
install_python_data() {
  local dir="$1" pip
  pip=$(command -v pip3 || command -v pip) || { echo "pip is needed to build subnet2-base/python-data:3"; return 1; }
  # shellcheck disable=SC2086
  "$pip" install --quiet --no-compile --only-binary=:all: --python-version 3.11 --implementation cp \
    --platform manylinux2014_x86_64 --platform manylinux_2_28_x86_64 --abi cp311 \
    --target "$dir/usr/local/lib/python3.11/dist-packages" $PYTHON_DATA_PACKAGES
  chroot "$dir" python3 -c 'import pyarrow.parquet, pandas, numpy; print("pyarrow", pyarrow.__version__)'
}

build subnet2-base/debian:bookworm ""
build subnet2-base/jre:17 "openjdk-17-jre-headless"
build subnet2-base/python:3 "python3-minimal"
build subnet2-base/python-data:3 "python3" install_python_data
