#!/bin/sh
# the retired tool counts as installed until its uninstaller has left retired.removed
[ ! -f "${IMELAB_SAMPLE_DIR:-$HOME/.imelab-sample}/retired.removed" ] && echo "Detected"
