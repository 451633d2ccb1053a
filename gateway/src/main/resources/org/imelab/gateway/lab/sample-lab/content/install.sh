#!/bin/sh
# imelab sample installer: install.sh MARKER EXITCODE [NEEDS]
# Writes MARKER ("-" for none) into the sample folder, then exits with EXITCODE.
# With NEEDS, fails with 1 unless that marker is there (a dependency must be installed first).
# The folder is %ProgramData%\imelab-sample as the agent emulates it ($ProgramData), where the
# apps' file detection rules look. A POSIX exit code has 8 bits, so the full code (3010, 1641,
# 1618) also goes to $IMELAB_EXIT_CODE_FILE, which the agent reports instead.
dir="${IMELAB_SAMPLE_DIR:-${ProgramData:-$HOME}/imelab-sample}"
mkdir -p "$dir" || exit 1
if [ -n "$3" ] && [ ! -f "$dir/$3" ]; then echo "missing dependency $3" >&2; exit 1; fi
if [ "$1" != "-" ]; then date > "$dir/$1" || exit 1; rm -f "$dir/$1.removed"; fi
if [ -n "$IMELAB_EXIT_CODE_FILE" ]; then echo "$2" > "$IMELAB_EXIT_CODE_FILE"; fi
echo "imelab sample: $1 installed, exit code $2"
exit "$2"
