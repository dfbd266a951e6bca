#!/usr/bin/env bash
# What WeasyPrint needs for werkpad's PDFs (complaint letters, the council's reports and
# assessments; ADR 0008): Pango and a font with the Dutch characters. On Debian, as
# root (or with sudo without a password), installs what is missing; elsewhere says
# what to install and goes on, since werkpad runs without it until a PDF is asked for.
set -uo pipefail

PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)

command -v dpkg >/dev/null || {
  echo "werkpad's PDFs need Pango and a TrueType font (WeasyPrint); install them with your package manager"
  exit 0
}
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
((${#missing[@]})) || exit 0

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo -n "$@"; fi
}
echo "installing for werkpad's PDFs: ${missing[*]}"
if as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
  || { as_root apt-get update -qq >/dev/null 2>&1 \
    && as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; }; then
  echo "installed: ${missing[*]}"
else
  echo "could not install ${missing[*]}; PDFs need them: apt-get install ${missing[*]}"
fi
