# Sourced by ./mvnw and ./lararena: make JAVA_HOME point at a JDK 21 or newer.
# Keeps JAVA_HOME when it already is one; otherwise looks at `java` on the PATH and the
# usual install places, newest first. Leaves JAVA_HOME alone (and the build's enforcer
# names the problem) when no JDK 21+ is installed.
lararena_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
lararena_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(lararena_java_major "$JAVA_HOME"); [ "${v:-0}" -ge 21 ] && return 0
  fi
  candidates=""
  if command -v javac >/dev/null 2>&1; then
    candidates=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  fi
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$d/bin/javac" ] && candidates="$candidates
$d"
  done
  best=""; best_v=0
  for d in $candidates; do
    v=$(lararena_java_major "$d")
    if [ "${v:-0}" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  if [ "$best_v" -ge 21 ]; then
    JAVA_HOME="$best"; export JAVA_HOME
    return 0
  fi
  return 1
}
lararena_find_jdk || true
