#!/usr/bin/env bash
# Install Taliq's desktop entry and icon for the current user (Linux, freedesktop
# desktops: GNOME, KDE, Xfce, ...), so that Taliq shows up in the application menu
# and in "Open with" for text and HTML files, and files can be opened by double-click.
#
# Usage:
#   assets/install-desktop-entry.sh [PATH/TO/taliq]   install (or reinstall)
#   assets/install-desktop-entry.sh --uninstall       remove what install put there
#
# The binary defaults to `taliq` on PATH, else target/release/taliq in this repository.
# The installed entry's Exec= and TryExec= are rewritten to the binary's absolute path,
# so it works even when the binary is not on PATH.
#
# Files written (under $XDG_DATA_HOME, default ~/.local/share):
#   applications/taliq.desktop
#   icons/hicolor/256x256/apps/taliq.png
#   icons/hicolor/scalable/apps/taliq.svg
# Nothing is installed system-wide and no root rights are needed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
apps_dir="$data_home/applications"
icon_png_dir="$data_home/icons/hicolor/256x256/apps"
icon_svg_dir="$data_home/icons/hicolor/scalable/apps"

# Refresh the desktop's caches where the tools exist; both are optional.
refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$apps_dir" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data_home/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$apps_dir/taliq.desktop" "$icon_png_dir/taliq.png" "$icon_svg_dir/taliq.svg"
    refresh_caches
    echo "Removed Taliq's desktop entry and icons from $data_home"
    exit 0
fi
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi

# Which binary to point the entry at.
if [ $# -ge 1 ]; then
    bin="$1"
elif bin="$(command -v taliq 2>/dev/null)"; then
    :
else
    bin="$(cd "$here/.." && pwd)/target/release/taliq"
fi
if [ ! -f "$bin" ] || [ ! -x "$bin" ]; then
    echo "error: no executable Taliq binary at '$bin'." >&2
    echo "Build it first (cargo build --release) or pass its path: $0 /path/to/taliq" >&2
    exit 1
fi
# Absolute, symlink-free path (realpath is in coreutils; fall back to cd/pwd).
if command -v realpath >/dev/null 2>&1; then
    bin="$(realpath "$bin")"
else
    bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
fi

# Quote the path for Exec= as the Desktop Entry spec asks: inside double quotes,
# escape " ` $ \ with a backslash; then escape each backslash again (string-level
# escaping of .desktop values) and double any % (field codes).
exec_path="$bin"
if [[ "$bin" =~ [^A-Za-z0-9_./+@:-] ]]; then
    q="${bin//\\/\\\\}"
    q="${q//\"/\\\"}"
    q="${q//\`/\\\`}"
    q="${q//\$/\\\$}"
    exec_path="\"$q\""
fi
exec_path="${exec_path//\\/\\\\}"
exec_path="${exec_path//%/%%}"
# TryExec= is a plain string value (no quoting), only string-level escaping.
tryexec_path="${bin//\\/\\\\}"

mkdir -p "$apps_dir" "$icon_png_dir" "$icon_svg_dir"

# Copy the entry, rewriting Exec= and TryExec= to the absolute path.
tmp="$(mktemp "$apps_dir/.taliq.desktop.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
        Exec=*) printf 'Exec=%s %%f\n' "$exec_path" ;;
        TryExec=*) printf 'TryExec=%s\n' "$tryexec_path" ;;
        *) printf '%s\n' "$line" ;;
    esac
done <"$here/taliq.desktop" >"$tmp"
chmod 644 "$tmp"
mv -f "$tmp" "$apps_dir/taliq.desktop"
trap - EXIT

install -m 644 "$here/taliq.png" "$icon_png_dir/taliq.png"
if [ -f "$here/taliq.svg" ]; then
    install -m 644 "$here/taliq.svg" "$icon_svg_dir/taliq.svg"
fi

if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$apps_dir/taliq.desktop" >/dev/null || \
        echo "warning: desktop-file-validate reported problems in $apps_dir/taliq.desktop" >&2
fi
refresh_caches

echo "Installed Taliq desktop entry: $apps_dir/taliq.desktop (Exec=$bin)"
echo "Installed icon: $icon_png_dir/taliq.png"
