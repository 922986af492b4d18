#!/usr/bin/env bash
# Issue 12.1, still open: appointments files near the seed's 10 MB limit (about 68,000 rows, each a
# patient and a routed case) through the typed CSV contract, one after another, against a server
# of its own at -Xmx160m on a scratch PostgreSQL database. Prints each answer, whether the server
# is still up and whether it logged an OutOfMemoryError. On 2026-12-03 (PostgreSQL and H2): 2 of 2
# answered 500 after an OutOfMemoryError in the request; the server stayed up.
#
#   bench/run typed-csv-memory          # as one of the cases
#   FILES=1 bench/cases/typed-csv-memory.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-$ROOT/bench/out}
mkdir -p "$OUT"
JAR=${JAR:-$ROOT/target/chartroom.jar}
HEAP=${HEAP:-160m}
FILES=${FILES:-2}
JAVA=$(cd "$ROOT" && . .mvn/select-jdk.sh && echo "$JAVA_HOME/bin/java")
TDB=chartroom_bench_typed_$$
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -d postgres -c "create database $TDB"
TPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
TDATA=$(mktemp -d /tmp/chartroom-bench-typed.XXXX)
TADMIN=bench-typed-admin-$$
TURL=http://127.0.0.1:$TPORT
LOG=$OUT/typed-csv-memory-server.log
stop() {
  if [[ -n ${TPID:-} ]]; then kill "$TPID" 2>/dev/null; wait "$TPID" 2>/dev/null || true; fi
  "${PSQL[@]}" -d postgres -c "drop database if exists $TDB with (force)" || true
  rm -rf "$TDATA"
}
trap stop EXIT
SERVER_PORT=$TPORT SERVER_ADDRESS=127.0.0.1 CHARTROOM_DATA_DIR=$TDATA CHARTROOM_ADMIN_TOKEN=$TADMIN \
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$TDB SPRING_DATASOURCE_USERNAME=postgres \
  "$JAVA" -Xmx"$HEAP" -jar "$JAR" >"$LOG" 2>&1 &
TPID=$!
for _ in $(seq 1 240); do curl -fsS "$TURL/actuator/health" 2>/dev/null | grep -q UP && break; sleep 0.5; done
curl -fsS -X POST "$TURL/admin/v1/organizations" -H "Authorization: Bearer $TADMIN" \
  -H 'Content-Type: application/json' -d '{"id":"typed","name":"Typed clinic"}' >/dev/null
TKEY=$(curl -fsS -X POST "$TURL/admin/v1/organizations/typed/api-keys" -H "Authorization: Bearer $TADMIN" \
  -H 'Content-Type: application/json' -d '{}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
H=(-H "X-API-Key: $TKEY")
curl -fsS -X POST "$TURL/v1/clinicians" "${H[@]}" -H 'Content-Type: application/json' -d '{"firstName":"Linh","lastName":"Nguyen"}' >/dev/null
curl -fsS -X POST "$TURL/v1/routing-rules" "${H[@]}" -H 'Content-Type: application/json' -d '{"newConsult":true,"agent":"new"}' >/dev/null
curl -fsS -X POST "$TURL/v1/routing-rules" "${H[@]}" -H 'Content-Type: application/json' -d '{"newConsult":false,"agent":"follow-up"}' >/dev/null
python3 - "$OUT/typed-csv-memory.csv" <<'PY'
import sys
rows = ["Office,AppointmentId,PatientRecordId,AppointmentStatus,AppointmentDoctor,Virtual,AppointmentDate,"
        "EarliestAppointmentTime,PatientFirstName,PatientLastName,DOB,Phone,NewConsult,TestStatus,IntakeCharted,PharmacyName"]
i, size = 0, len(rows[0])
while size < 9_500_000:
    r = (f"Main,A-{i:06d},R-{i % 20000:06d},Scheduled,Nguyen,true,2026-04-{1 + i % 28:02d},{8 + i % 9:02d}:{(i * 7) % 60:02d},"
         f"First{i},Last{i},19{50 + i % 50}-0{1 + i % 9}-1{i % 10},(416) 555-{i % 10000:04d},{'true' if i % 2 else 'false'},Pending,false,Pharmacy {i % 20}")
    rows.append(r); size += len(r) + 1; i += 1
open(sys.argv[1], "w").write("\n".join(rows) + "\n")
PY
echo "typed-csv-memory: $FILES appointments files of $(($(wc -c <"$OUT/typed-csv-memory.csv") / 1000000)) MB ($(($(wc -l <"$OUT/typed-csv-memory.csv") - 1)) rows), one after another, -Xmx$HEAP"
for n in $(seq 1 "$FILES"); do
  answer=$(curl -s -m 600 -o "$OUT/typed-csv-memory-answer.json" -w '%{http_code} in %{time_total} s' -X POST "$TURL/api/v1/csv" "${H[@]}" \
    -F type=appointments -F "file=@$OUT/typed-csv-memory.csv;filename=appointments_$n.csv" || echo "connection failed")
  echo "  file $n:            $answer: $(head -c 120 "$OUT/typed-csv-memory-answer.json")"
done
curl -fsS -m 10 "$TURL/actuator/health" >/dev/null && echo "  server afterwards:  up" || echo "  server afterwards:  DOWN"
if grep -q OutOfMemoryError "$LOG"; then echo "  OutOfMemoryError:  yes (see $LOG)"; else echo "  OutOfMemoryError:  none logged"; fi
