#!/bin/sh
# detected when the sample installer left its marker (see content/install.sh)
[ -f "${IMELAB_SAMPLE_DIR:-${ProgramData:-$HOME}/imelab-sample}/available" ] && echo "Detected"
