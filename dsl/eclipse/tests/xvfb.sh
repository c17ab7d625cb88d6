#!/bin/sh
# Starts (or stops) the virtual X server the UI tests draw on. "start DIR" takes the first free
# display from :90 (never one another build, or xvfb-run's default :99, may be using), waits for
# it, and writes DIR/xvfb.properties (xvfb.display=N) for the build to read; "stop DIR" kills only
# the server it started. -terminate ends the server anyway when the test runtime disconnects.
set -eu
dir="$2"
mkdir -p "$dir"
case "$1" in
start)
  display=90
  while [ -e "/tmp/.X${display}-lock" ] || [ -e "/tmp/.X11-unix/X${display}" ]; do
    display=$((display + 1))
    [ "$display" -lt 200 ] || { echo "xvfb.sh: no free X display in :90-:199" >&2; exit 1; }
  done
  Xvfb ":${display}" -screen 0 1400x1000x24 -nolisten tcp -terminate >"$dir/xvfb.log" 2>&1 &
  echo $! >"$dir/xvfb.pid"
  i=0
  while [ ! -e "/tmp/.X11-unix/X${display}" ]; do
    i=$((i + 1))
    if [ $i -gt 100 ] || ! kill -0 "$(cat "$dir/xvfb.pid")" 2>/dev/null; then
      echo "xvfb.sh: Xvfb :${display} did not start:" >&2
      cat "$dir/xvfb.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "xvfb.display=${display}" >"$dir/xvfb.properties"
  echo "xvfb.sh: started Xvfb :${display} (pid $(cat "$dir/xvfb.pid"))"
  ;;
stop)
  if [ -f "$dir/xvfb.pid" ]; then
    kill "$(cat "$dir/xvfb.pid")" 2>/dev/null || true
    rm -f "$dir/xvfb.pid"
  fi
  ;;
esac
