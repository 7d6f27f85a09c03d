#!/bin/sh
# Per-user install of fitnote-desktop from this unpacked tarball; no root needed.
#
#   ./install.sh              copy the program to ~/.local/opt/fitnote-desktop, put
#                             fitnote-desktop on ~/.local/bin, add the menu entry and icons
#   ./install.sh --uninstall  remove all of that again
#
# Profiles (the encrypted databases) live in ~/.local/share/fitnote-desktop and are
# never touched by this script: uninstalling the program must not delete medical records.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
app=fitnote-desktop
data_home=${XDG_DATA_HOME:-"$HOME/.local/share"}
prefix="$HOME/.local/opt/$app"
bindir="$HOME/.local/bin"
desktop="$data_home/applications/$app.desktop"
icons="$data_home/icons/hicolor"

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 \
    && update-desktop-database -q "$data_home/applications" 2>/dev/null || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 \
    && gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
}

uninstall() {
  rm -rf "$prefix"
  if [ -L "$bindir/$app" ]; then rm -f "$bindir/$app"; fi
  rm -f "$desktop"
  for icon in "$icons"/*/apps/$app.png "$icons"/scalable/apps/$app.svg; do
    rm -f "$icon"
  done
}

case "${1:-}" in
  --uninstall)
    uninstall
    refresh
    echo "$app removed (profiles in $data_home/$app are kept)"
    exit 0
    ;;
  "") ;;
  *) echo "usage: $0 [--uninstall]" >&2; exit 2 ;;
esac

if [ ! -x "$here/$app" ] || [ ! -d "$here/_internal" ]; then
  echo "install.sh: run me from the unpacked $app folder" >&2
  exit 1
fi

uninstall
mkdir -p "$prefix" "$bindir" "$data_home/applications"
cp -R "$here/$app" "$here/_internal" "$prefix/"
ln -s "$prefix/$app" "$bindir/$app"
(cd "$here/icons/hicolor" && find . -type f) | while read -r icon; do
  mkdir -p "$(dirname "$icons/$icon")"
  cp "$here/icons/hicolor/$icon" "$icons/$icon"
done
sed "s|^Exec=.*|Exec=\"$prefix/$app\"|" "$here/$app.desktop" > "$desktop"
refresh
echo "$app installed in $prefix; start it from the applications menu or with: $app"
case ":$PATH:" in
  *":$bindir:"*) ;;
  *) echo "note: $bindir is not on your PATH" ;;
esac
