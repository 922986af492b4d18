# Sourced by the memory cases: starts a Chartroom of its own at -Xmx$HEAP on a scratch PostgreSQL
# database and data folder, makes one organization with a key, and removes all of it on exit.
#
#   NAME=typed . "$(dirname "$0")/small-server.bash"
#   -> SURL (base URL), SKEY (API key), SPID (server pid), SLOG (server log)
# Needs ROOT, OUT, JAR, HEAP and NAME set.
JAVA=$(cd "$ROOT" && . .mvn/select-jdk.sh && echo "$JAVA_HOME/bin/java")
SDB=chartroom_bench_${NAME//-/_}_$$
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -d postgres -c "create database $SDB"
SPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SDATA=$(mktemp -d "/tmp/chartroom-bench-$NAME.XXXX")
SADMIN=bench-$NAME-admin-$$
SURL=http://127.0.0.1:$SPORT
SLOG=$OUT/$NAME-server.log

stop_small_server() {
  if [[ -n ${SPID:-} ]]; then kill "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null || true; fi
  "${PSQL[@]}" -d postgres -c "drop database if exists $SDB with (force)" || true
  rm -rf "$SDATA"
}
trap stop_small_server EXIT

SERVER_PORT=$SPORT SERVER_ADDRESS=127.0.0.1 CHARTROOM_DATA_DIR=$SDATA CHARTROOM_ADMIN_TOKEN=$SADMIN \
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$SDB SPRING_DATASOURCE_USERNAME=postgres \
  "$JAVA" -Xmx"$HEAP" -jar "$JAR" >"$SLOG" 2>&1 &
SPID=$!
for _ in $(seq 1 240); do curl -fsS "$SURL/actuator/health" 2>/dev/null | grep -q UP && break; sleep 0.5; done
curl -fsS "$SURL/actuator/health" >/dev/null || { echo "server did not start; see $SLOG"; exit 1; }
curl -fsS -X POST "$SURL/admin/v1/organizations" -H "Authorization: Bearer $SADMIN" \
  -H 'Content-Type: application/json' -d "{\"id\":\"$NAME\",\"name\":\"Bench $NAME clinic\"}" >/dev/null
SKEY=$(curl -fsS -X POST "$SURL/admin/v1/organizations/$NAME/api-keys" -H "Authorization: Bearer $SADMIN" \
  -H 'Content-Type: application/json' -d '{}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
