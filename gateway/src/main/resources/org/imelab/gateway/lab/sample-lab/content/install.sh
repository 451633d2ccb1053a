#!/bin/sh
# imelab sample installer: install.sh MARKER EXITCODE [NEEDS]
# Writes MARKER ("-" for none) into the sample folder, then exits with EXITCODE.
# With NEEDS, fails with 1 unless that marker is there (a dependency must be installed first).
dir="${IMELAB_SAMPLE_DIR:-$HOME/.imelab-sample}"
mkdir -p "$dir" || exit 1
if [ -n "$3" ] && [ ! -f "$dir/$3" ]; then echo "missing dependency $3" >&2; exit 1; fi
if [ "$1" != "-" ]; then date > "$dir/$1" || exit 1; rm -f "$dir/$1.removed"; fi
echo "imelab sample: $1 installed, exit code $2"
exit "$2"
