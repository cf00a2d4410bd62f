#!/usr/bin/env bash
# Installs the Debian packages the build and tests need. Idempotent: packages
# already present are skipped, so a second run costs a few seconds.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git lld
  libtorch-dev libgloo-dev libopenblas0-openmp libdnnl-dev
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite
  libqscintilla2-qt6-dev qt6-qpa-plugins libqt6opengl6-dev
  nlohmann-json3-dev libpcre2-dev libsentencepiece-dev libcli11-dev zlib1g-dev
  python3 python3-numpy libseccomp-dev libsqlite3-dev
  # scripts/fuzz.sh: clang with libFuzzer and the sanitizers, and its OpenMP (LibTorch's
  # CMake package asks for it; GCC brings its own).
  clang-14 libclang-rt-14-dev libomp-14-dev
  # A monospace font Qt reports fixed-pitch (DejaVu Sans Mono): fontconfig's
  # "monospace" can be Noto Sans Mono, which Qt does not (widgets/code_editor.cpp).
  fonts-dejavu-core
  # packaging/desktop: the icon's PNG sizes from its SVG, and the validators of the
  # desktop entry and the AppStream file the tests run.
  librsvg2-bin desktop-file-utils appstream
  # scripts/package.sh: CPack's dependency list (dpkg-shlibdeps), the changelog's version,
  # lintian; packaging/check_package.sh looks the installed pages up with man.
  dpkg-dev lintian man-db
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# LibTorch links libblas.so.3; Debian's default alternative is netlib's reference
# BLAS (~25x slower). Pin it to the OpenMP OpenBLAS so it shares LibTorch's pool.
openblas=$(update-alternatives --list libblas.so.3-x86_64-linux-gnu 2>/dev/null | grep openblas-openmp || true)
if [ -n "$openblas" ]; then
  current=$(readlink -f /etc/alternatives/libblas.so.3-x86_64-linux-gnu || true)
  if [ "$current" != "$(readlink -f "$openblas")" ]; then
    $SUDO update-alternatives --set libblas.so.3-x86_64-linux-gnu "$openblas" >&2
  fi
fi
openlapack=$(update-alternatives --list liblapack.so.3-x86_64-linux-gnu 2>/dev/null | grep openblas-openmp || true)
if [ -n "$openlapack" ]; then
  $SUDO update-alternatives --set liblapack.so.3-x86_64-linux-gnu "$openlapack" >&2 || true
fi
