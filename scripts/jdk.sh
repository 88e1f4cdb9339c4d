#!/usr/bin/env bash
# Sourced by ./perdura and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Keeps a JAVA_HOME that is already new enough; otherwise takes the newest JDK under /usr/lib/jvm.

jdk_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(jdk_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "Perdura needs a JDK 21 or newer: set JAVA_HOME to one." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

pick_jdk && export PATH="$JAVA_HOME/bin:$PATH"
