#!/usr/bin/env bash
# The system libraries and programs clusterbench needs, checked and (on Debian or Ubuntu)
# installed.  `make demo`, `make test` and CI all run this one script.
#
#   tools/setup-system.sh            check, then install what is missing
#   tools/setup-system.sh --check    check only: exit 0 when all is present, 1 otherwise
#   tools/setup-system.sh --reports  only what rendering reports needs (`make demo`)
#
# What is needed is checked by capability (a shared library the dynamic loader finds, a
# program on PATH), not by package name, so the check is right on any Linux; installing
# is done with apt-get, as root directly, else with sudo, else the script stops and
# prints the exact command to run.
set -euo pipefail

# for|kind|name|Debian package|why
NEEDS=(
  "reports|lib|libpango-1.0.so.0|libpango-1.0-0|WeasyPrint lays out the PDF reports with Pango"
  "reports|lib|libpangoft2-1.0.so.0|libpangoft2-1.0-0|Pango's FreeType fonts, for the bundled report fonts"
  "reports|lib|libharfbuzz-subset.so.0|libharfbuzz-subset0|font subsetting: a PDF takes 0.3 s with it, 2.5 s without"
  "tests|bin|pdftotext|poppler-utils|the tests read the text of rendered PDFs"
  "tests|bin|pdftoppm|poppler-utils|turning report pages into PNG images to look at"
  "tests|bin|qpdf|qpdf|the tests check every PDF's structure"
  "tests|bin|chromium|chromium|the workbench's browser tests drive Chromium"
)

mode=install
scope=all
for argument in "$@"; do
  case "$argument" in
    --check) mode=check ;;
    --reports) scope=reports ;;
    -h | --help)
      sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "usage: $0 [--check] [--reports]" >&2
      exit 2
      ;;
  esac
done

library_cache=""
have_library() {
  # The loader's cache is read once into a variable: `ldconfig -p | grep -q` under
  # pipefail fails at random when grep stops reading before ldconfig has written all.
  if [ -z "$library_cache" ]; then
    library_cache=$({ ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } || true)
  fi
  grep -q "[[:space:]]$1 " <<<"$library_cache"
}

missing_packages=()
missing_names=()
for need in "${NEEDS[@]}"; do
  IFS='|' read -r purpose kind name package why <<<"$need"
  [ "$scope" = reports ] && [ "$purpose" != reports ] && continue
  if [ "$kind" = lib ]; then
    have_library "$name" && continue
  else
    command -v "$name" >/dev/null 2>&1 && continue
  fi
  missing_names+=("$name ($why)")
  case " ${missing_packages[*]:-} " in
    *" $package "*) ;;
    *) missing_packages+=("$package") ;;
  esac
done

if [ ${#missing_names[@]} -eq 0 ]; then
  [ "$mode" = check ] && echo "system packages: all present"
  exit 0
fi

echo "clusterbench needs, and this machine lacks:" >&2
printf '  - %s\n' "${missing_names[@]}" >&2
command_line="apt-get install -y --no-install-recommends ${missing_packages[*]}"

if ! command -v apt-get >/dev/null 2>&1; then
  cat >&2 <<EOF
This is not a Debian or Ubuntu system, so nothing was installed. Install the equivalents:
  Fedora:  sudo dnf install pango harfbuzz poppler-utils qpdf chromium
  macOS:   brew install pango harfbuzz poppler qpdf  (and Chromium for the browser tests)
  Debian:  sudo $command_line
EOF
  exit 1
fi
if [ "$mode" = check ]; then
  echo "install them with: sudo $command_line" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && { [ -t 0 ] || sudo -n true 2>/dev/null; }; then
  sudo=(sudo)  # asks for a password only when run from a terminal
else
  echo "run this once, then try again:  sudo $command_line" >&2
  exit 1
fi

echo "installing: ${missing_packages[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086  # the package list is meant to split into words
if ! "${sudo[@]}" apt-get install -y -qq --no-install-recommends ${missing_packages[*]} >&2; then
  # A fresh machine or container often has no package lists yet.
  "${sudo[@]}" apt-get update -qq >&2
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends ${missing_packages[*]} >&2
fi
if [ "$scope" = reports ]; then
  exec "$BASH" "$0" --check --reports
fi
exec "$BASH" "$0" --check
