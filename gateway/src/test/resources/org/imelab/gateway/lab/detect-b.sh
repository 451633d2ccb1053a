#!/bin/sh
[ -f "$HOME/.imelab-test/b" ] && echo detected
