#!/bin/sh
# imelab sample uninstaller: uninstall.sh MARKER - removes MARKER and leaves MARKER.removed
dir="${IMELAB_SAMPLE_DIR:-${ProgramData:-$HOME}/imelab-sample}"
mkdir -p "$dir" || exit 1
rm -f "$dir/$1" && date > "$dir/$1.removed" || exit 1
echo "imelab sample: $1 removed"
