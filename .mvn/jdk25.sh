# Sourced by ./canopy and ./mvnw (POSIX sh): exports JAVA_HOME as a JDK 25 or newer, so both
# commands work on a fresh machine whose default java is older. Prefers JAVA_HOME when it is
# new enough, then /usr/lib/jvm/*25*. Fails with a clear message when there is none.
canopy_java_feature() {
  [ -x "$1/bin/java" ] || return 0
  _v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true)"
  if [ -z "$_v" ]; then
    _v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
  fi
  printf '%s' "$_v"
}
canopy_is_jdk25() {
  _f="$(canopy_java_feature "$1")"
  [ -n "$_f" ] && [ "$_f" -ge 25 ] && [ -x "$1/bin/javac" ]
}
canopy_jdk=""
if [ -n "${JAVA_HOME:-}" ] && canopy_is_jdk25 "$JAVA_HOME"; then
  canopy_jdk="$JAVA_HOME"
else
  for _d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    if [ -d "$_d" ] && canopy_is_jdk25 "$_d"; then canopy_jdk="$_d"; break; fi
  done
fi
if [ -z "$canopy_jdk" ]; then
  echo "canopy: needs JDK 25 or newer; none found (JAVA_HOME=${JAVA_HOME:-unset}, nothing in /usr/lib/jvm/*25*)." >&2
  echo "canopy: install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  exit 1
fi
JAVA_HOME="$canopy_jdk"
export JAVA_HOME
