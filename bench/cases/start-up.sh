#!/usr/bin/env bash
# Issue 13: from launch to the first healthy answer, on the embedded default (H2, a scratch data
# folder, unloaded), and the resident memory right after. Three starts each: the plain jar
# (java -jar target/chartroom.jar) and the README's start command (./chartroom: the unpacked jar
# with the AOT cache it records on its first start after a build; that first start is not counted).
#
#   bench/run start-up            # as one of the cases
#   bench/cases/start-up.sh       # alone, with the jar already built
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA=${JAVA:-$(cd "$ROOT" && . .mvn/select-jdk.sh && echo "$JAVA_HOME/bin/java")}
STARTS=${STARTS:-3}

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start LABEL COMMAND...: one start; prints seconds to healthy, Spring's own "Started in", RSS in MB.
start() {
  local label=$1; shift
  local p; p=$(port)
  local data; data=$(mktemp -d /tmp/chartroom-start.XXXX)
  local t0; t0=$(date +%s.%N)
  CHARTROOM_DATA_DIR=$data SERVER_PORT=$p "$@" >"$data.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$p/actuator/health" 2>/dev/null | grep -q UP && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  local t1; t1=$(date +%s.%N)
  # Both commands end in the java process itself (./chartroom execs it), so $pid is the JVM.
  local rss; rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || echo "?")
  local started; started=$(grep -o 'Started ChartroomApplication in [0-9.]* seconds' "$data.log" | grep -o '[0-9.]*' || echo "?")
  printf '%-28s healthy after %5.2f s (Spring: started in %s s), RSS %s MB\n' "$label" "$(echo "$t1 - $t0" | bc)" "$started" "$rss"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$data" "$data.log"
}

echo "target: healthy in <= 3 s, RSS after start <= 200 MB; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
for i in $(seq 1 "$STARTS"); do
  start "java -jar (plain) #$i" "$JAVA" -jar "$ROOT/target/chartroom.jar"
done
# The first ./chartroom after a build unpacks the jar and records the cache: not timed.
training=$(mktemp -d /tmp/chartroom-start.XXXX)
(cd "$ROOT" && SERVER_PORT=0 CHARTROOM_DATA_DIR=$training timeout 120 ./chartroom --spring.context.exit=onRefresh >/dev/null 2>&1 || true)
rm -rf "$training"
for i in $(seq 1 "$STARTS"); do
  start "./chartroom (AOT cache) #$i" "$ROOT/chartroom"
done
