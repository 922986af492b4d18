# Sourced by ./mvnw: Chartroom compiles for Java 21, so when JAVA_HOME is unset or names an older
# JDK (Debian's default is 17) pick the newest JDK >= 21 installed under /usr/lib/jvm.
chartroom_java_major() {
  # The JDK's release file says it without starting a JVM (a few hundred ms each); ask the JVM otherwise.
  if [ -f "$1/release" ] && grep -q '^JAVA_VERSION="[0-9]' "$1/release"; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
  fi
}
if [ -z "${JAVA_HOME-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] ||
   [ "$(chartroom_java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  chartroom_best=
  chartroom_best_major=0
  set +f # mvnw runs with globbing off
  for chartroom_jdk in /usr/lib/jvm/*; do
    [ -x "$chartroom_jdk/bin/javac" ] || continue
    chartroom_major=$(chartroom_java_major "$chartroom_jdk")
    if [ -n "$chartroom_major" ] && [ "$chartroom_major" -ge 21 ] && [ "$chartroom_major" -gt "$chartroom_best_major" ]; then
      chartroom_best=$chartroom_jdk
      chartroom_best_major=$chartroom_major
    fi
  done
  set -f
  if [ -n "$chartroom_best" ]; then
    JAVA_HOME=$chartroom_best
    export JAVA_HOME
  else
    echo "Chartroom needs a JDK 21 or newer: set JAVA_HOME to one (none found under /usr/lib/jvm)." >&2
    exit 1
  fi
fi
# JDK 24 and newer warn at every build that Maven's Guice calls sun.misc.Unsafe: allow it, for
# Maven's own JVM only. (A .mvn/jvm.config with this flag would stop a JDK 21 from starting.)
if [ "$(chartroom_java_major "$JAVA_HOME")" -ge 24 ] 2>/dev/null; then
  case " ${MAVEN_OPTS-} " in
    *" --sun-misc-unsafe-memory-access="*) ;;
    *) MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;;
  esac
fi
