#!/bin/sh
# detected when the sample installer left its marker
[ -f "${IMELAB_SAMPLE_DIR:-$HOME/.imelab-sample}/hard-reboot" ] && echo "Detected"
