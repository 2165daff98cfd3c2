#!/usr/bin/env bash
# Installs what is missing, quickly when everything is present; needs root (or sudo) for
# apt-get and pip the first time.
#
#   scripts/setup.sh          what building and exporting need: libical, tzdata, jemalloc,
#                             zlib and OpenSSL's libcrypto; and poppler-utils, whose
#                             pdftotext `samverkan minutes import` reads PDF minutes with
#   scripts/setup.sh --test   that, plus the test tools: curl, nginx, khal, headless
#                             Chromium, wrk, the python oracles (icalendar, vobject, ical,
#                             feedparser) and axe-core for the pages
#                             (axe-playwright-python); for the digest's mail test msmtp as
#                             sendmail (msmtp-mta) and a local SMTP server (aiosmtpd)
set -euo pipefail

apt_packages=(libical-dev libjemalloc-dev libssl-dev zlib1g-dev tzdata pkg-config poppler-utils)
python_modules=()
if [[ ${1:-} == --test ]]; then
    apt_packages+=(curl khal nginx-light chromium-headless-shell wrk msmtp-mta)
    # pip normalises `_` to `-`, so the import name installs the package.
    python_modules+=(icalendar vobject ical feedparser axe_playwright_python aiosmtpd)
fi

missing=()
for package in "${apt_packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

for module in "${python_modules[@]}"; do
    if ! python3 -c "import $module" 2>/dev/null; then
        echo "setup: installing python module $module"
        python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "$module"
    fi
done
