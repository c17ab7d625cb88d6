# Sourced by ./mvnw (POSIX sh, under `set -euf`). The Tycho modules need a JDK >= 21 (the
# current Eclipse platform bundles require JavaSE-21) while the default java here may be 17;
# libraries still compile with `release 17`. Keeps the current java when it is new enough,
# otherwise exports JAVA_HOME for the newest JDK >= 21 under /usr/lib/jvm.

reclaim_java_major() {
  # "17.0.15", "21", "25.0.1", or "1.8.0_x" -> 17, 21, 25, 1; 0 when java cannot be run.
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

reclaim_select_jdk() {
  reclaim_current=""
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    reclaim_current="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    reclaim_current="$(command -v java)"
  fi
  if [ -n "$reclaim_current" ]; then
    reclaim_major="$(reclaim_java_major "$reclaim_current")"
    [ "${reclaim_major:-0}" -ge 21 ] && return 0
  fi
  reclaim_best="" reclaim_best_major=0
  set +f # globbing is off in mvnw
  for reclaim_dir in /usr/lib/jvm/*; do
    [ -x "$reclaim_dir/bin/java" ] && [ -x "$reclaim_dir/bin/javac" ] || continue
    reclaim_major="$(reclaim_java_major "$reclaim_dir/bin/java")"
    if [ "${reclaim_major:-0}" -gt "$reclaim_best_major" ]; then
      reclaim_best="$reclaim_dir" reclaim_best_major="$reclaim_major"
    fi
  done
  set -f
  if [ "$reclaim_best_major" -lt 21 ]; then
    echo "mvnw: this build needs a JDK 21 or newer (Eclipse/Tycho modules); none found in JAVA_HOME, on the PATH or under /usr/lib/jvm" >&2
    exit 1
  fi
  JAVA_HOME="$reclaim_best"
  export JAVA_HOME
}

reclaim_select_jdk
