#!/usr/bin/env bash
# A 3 MB event file (about 70k rows, 1,000 patients) uploaded to the patient upload contract.
# After one warm-up upload, ten files of new patients and events in a row into one organization
# (everything is created; the 10th against the 1st is the growth figure), then the last file five
# more times (everything is upserted unchanged). The floor beside it: PostgreSQL's own COPY of the
# same rows into an unindexed table; each figure prints its ratio to it and the issue-13 target.
set -euo pipefail
gen() {
python3 - "$1" "$2" <<'PY'
import sys
prefix = sys.argv[2]
limit = 3 * 1024 * 1024
out = ["patient_id,event_id,event_date,event_type,value,unit\n"]
size, row = len(out[0]), 0
types = [("heart_rate", "bpm"), ("SpO2", "%"), ("resp_rate", "/min"), ("temp", "C")]
while True:
    patient = row % 1000
    kind, unit = types[row % 4]
    line = f"{prefix}-{patient:05d},e-{row:07d},2026-01-{1 + row % 28:02d},{kind},{60 + row % 50},{unit}\n"
    if size + len(line) > limit:
        break
    out.append(line); size += len(line); row += 1
open(sys.argv[1], "w").write("".join(out))
PY
}
FILE=$OUT/events-3mb.csv
ROWS=0
curl -fsS -X POST "$URL/v1/groups" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d '{"id":"bench","name":"Bench"}' >/dev/null || true
upload() {
  curl -sS -o "$OUT/upload-answer.json" -w '%{time_total}' -X POST "$URL/api/pandora/upload-v2/upload" \
       -H "Authorization: Bearer $KEY" -F "file=@$FILE;type=text/csv" -F teamId=bench -F groupId=bench
  grep -q '"patientCount":1000' "$OUT/upload-answer.json" || { echo "unexpected answer: $(cat "$OUT/upload-answer.json")" >&2; exit 1; }
}
gen "$FILE" warm; upload >/dev/null
created=() upserted=()
for i in $(seq 1 10); do gen "$FILE" "run$i"; created+=("$(upload)"); done
for i in 1 2 3 4 5; do upserted+=("$(upload)"); done
ROWS=$(($(wc -l <"$FILE") - 1))
floor=$(psql -h 127.0.0.1 -U postgres -d "$DB" -q <<SQL | grep -oE 'Time: [0-9.]+' | tail -1 | grep -oE '[0-9.]+'
create table copy_floor (patient_id text, event_id text, event_date text, event_type text, value text, unit text);
\timing on
\copy copy_floor from '$FILE' with (format csv, header)
SQL
)
python3 - "$ROWS" "$floor" "${created[@]}" -- "${upserted[@]}" <<'PY'
import statistics, sys
rows, floor = int(sys.argv[1]), float(sys.argv[2]) / 1000
rest = sys.argv[3:]; cut = rest.index("--")
created, upserted = [float(t) for t in rest[:cut]], [float(t) for t in rest[cut + 1:]]
print(f"patient-upload: 3 MB event file, {rows} rows, 1000 patients, after one warm-up upload")
print(f"  PostgreSQL COPY:   {floor:.3f} s = {rows / floor:,.0f} rows/s (floor: same rows, no index, no upsert)")
for label, times, target in (("new rows", created, 2.0), ("re-upload", upserted, 1.5)):
    m = statistics.median(times)
    print(f"  {label + ' (s):':19}{' '.join(f'{t:.3f}' for t in times)}")
    print(f"  {'':19}median {m:.3f} s = {rows / m:,.0f} rows/s; ratio to COPY {m / floor:.1f} (target <= {target})")
print(f"  growth:            10th new file {created[-1]:.3f} s / 1st {created[0]:.3f} s = "
      f"{created[-1] / created[0]:.2f} (target <= 1.2)")
PY
