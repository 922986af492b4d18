#!/usr/bin/env bash
# A 500-row appointments file through the typed CSV contract (the seed quotes 5-15 s for it):
# five files of 500 new appointments each (every row makes a patient and a routed case), then
# five re-uploads of the same rows under new names (change detection finds nothing to redo).
set -euo pipefail
H=(-H "X-API-Key: $KEY")
curl -fsS -X POST "$URL/v1/clinicians" "${H[@]}" -H 'Content-Type: application/json' -d '{"firstName":"Linh","lastName":"Nguyen"}' >/dev/null
curl -fsS -X POST "$URL/v1/routing-rules" "${H[@]}" -H 'Content-Type: application/json' -d '{"newConsult":true,"agent":"new"}' >/dev/null
curl -fsS -X POST "$URL/v1/routing-rules" "${H[@]}" -H 'Content-Type: application/json' -d '{"newConsult":false,"agent":"follow-up"}' >/dev/null
gen() {
  python3 - "$1" "$2" <<'PY'
import sys
run, out = int(sys.argv[1]), sys.argv[2]
rows = ["Office,AppointmentId,PatientRecordId,AppointmentStatus,AppointmentDoctor,Virtual,AppointmentDate,"
        "EarliestAppointmentTime,PatientFirstName,PatientLastName,DOB,Phone,NewConsult,TestStatus,IntakeCharted,PharmacyName"]
statuses = ["Scheduled"] * 8 + ["Cancelled", "Waitlist"]
for i in range(500):
    rows.append(f"Main,A-{run}-{i:04d},R-{run}-{i:04d},{statuses[i % 10]},Nguyen,{'true' if i % 13 else 'false'},"
                f"2026-04-{1 + i % 28:02d},{8 + i % 9:02d}:{(i * 7) % 60:02d},First{i},Last{i},19{50 + i % 50}-0{1 + i % 9}-1{i % 10},"
                f"(416) 555-{i:04d},{'true' if i % 2 else 'false'},Pending,false,Pharmacy {i % 20}")
open(out, "w").write("\n".join(rows) + "\n")
PY
}
new=() same=()
for run in 1 2 3 4 5; do
  gen "$run" "$OUT/appointments_$run.csv"
  t=$(curl -sS -o "$OUT/csv-answer.json" -w '%{time_total}' -X POST "$URL/api/v1/csv" "${H[@]}" \
        -F type=appointments -F "file=@$OUT/appointments_$run.csv;filename=appointments_new_$run.csv")
  grep -q '"success":true' "$OUT/csv-answer.json" || { echo "unexpected answer: $(cat "$OUT/csv-answer.json")"; exit 1; }
  new+=("$t")
done
for run in 1 2 3 4 5; do
  t=$(curl -sS -o "$OUT/csv-answer.json" -w '%{time_total}' -X POST "$URL/api/v1/csv" "${H[@]}" \
        -F type=appointments -F "file=@$OUT/appointments_$run.csv;filename=appointments_again_$run.csv")
  same+=("$t")
done
cases=$(curl -fsS "$URL/v1/cases?limit=1" "${H[@]}" >/dev/null && echo ok)
python3 - "${new[@]}" -- "${same[@]}" <<'PY'
import statistics, sys
args = sys.argv[1:]; cut = args.index("--")
new, same = [float(t) for t in args[:cut]], [float(t) for t in args[cut + 1:]]
print("typed-csv: 500-row appointments file (seed: 5-15 s)")
print(f"  new rows (s):      {' '.join(f'{t:.3f}' for t in new)}   median {statistics.median(new) * 1000:.0f} ms (target <= 100 ms)")
print(f"  unchanged (s):     {' '.join(f'{t:.3f}' for t in same)}   median {statistics.median(same) * 1000:.0f} ms")
PY
