#!/usr/bin/env bash
# Issue 12.1: appointments files near the seed's 10 MB limit (about 68,000 rows, each a patient and
# a routed case) through the typed CSV contract, one after another, against a server of its own at
# -Xmx160m on a scratch PostgreSQL database. Prints each answer, whether the server is still up,
# whether it logged an OutOfMemoryError, and its peak resident memory. Before appointments were
# applied in chunks (2026-12-03): 2 of 2 answered 500 after an OutOfMemoryError.
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
NAME=typed . "$(dirname "$0")/small-server.bash"
H=(-H "X-API-Key: $SKEY")
curl -fsS -X POST "$SURL/v1/clinicians" "${H[@]}" -H 'Content-Type: application/json' -d '{"firstName":"Linh","lastName":"Nguyen"}' >/dev/null
curl -fsS -X POST "$SURL/v1/routing-rules" "${H[@]}" -H 'Content-Type: application/json' -d '{"newConsult":true,"agent":"new"}' >/dev/null
curl -fsS -X POST "$SURL/v1/routing-rules" "${H[@]}" -H 'Content-Type: application/json' -d '{"newConsult":false,"agent":"follow-up"}' >/dev/null
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
  answer=$(curl -s -m 600 -o "$OUT/typed-csv-memory-answer.json" -w '%{http_code} in %{time_total} s' -X POST "$SURL/api/v1/csv" "${H[@]}" \
    -F type=appointments -F "file=@$OUT/typed-csv-memory.csv;filename=appointments_$n.csv" || echo "connection failed")
  echo "  file $n:            $answer: $(head -c 120 "$OUT/typed-csv-memory-answer.json")"
done
curl -fsS -m 10 "$SURL/actuator/health" >/dev/null && echo "  server afterwards:  up" || echo "  server afterwards:  DOWN"
echo "  peak RSS:          $(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$SPID/status") MB"
if grep -q OutOfMemoryError "$SLOG"; then echo "  OutOfMemoryError:  yes (see $SLOG)"; else echo "  OutOfMemoryError:  none logged"; fi
