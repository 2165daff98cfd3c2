#!/usr/bin/env bash
# Installs what building, exporting and testing need, when it is missing. Quick when
# everything is present; needs root (or sudo) for apt-get and pip the first time.
set -euo pipefail

apt_packages=(libical-dev libjemalloc-dev tzdata pkg-config curl khal nginx-light chromium wrk)
python_modules=(icalendar vobject ical)

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
