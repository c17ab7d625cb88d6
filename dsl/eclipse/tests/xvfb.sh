#!/bin/sh
# Starts (or stops) the virtual X server the UI tests draw on. "start N" reuses a server already
# answering on :N; "stop" kills only the server this script started (its pid file).
set -eu
pidfile="${PIDFILE:-target/xvfb.pid}"
case "$1" in
start)
  display="$2"
  if [ -e "/tmp/.X${display}-lock" ] && kill -0 "$(tr -d ' ' <"/tmp/.X${display}-lock")" 2>/dev/null; then
    echo "xvfb.sh: reusing the X server on :${display}"
    exit 0
  fi
  mkdir -p "$(dirname "$pidfile")"
  Xvfb ":${display}" -screen 0 1400x1000x24 -nolisten tcp >"$(dirname "$pidfile")/xvfb.log" 2>&1 &
  echo $! >"$pidfile"
  i=0
  while [ ! -e "/tmp/.X11-unix/X${display}" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
  echo "xvfb.sh: started Xvfb :${display} (pid $(cat "$pidfile"))"
  ;;
stop)
  if [ -f "$pidfile" ]; then
    kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  fi
  ;;
esac
