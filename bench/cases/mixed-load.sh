#!/usr/bin/env bash
# Issue 12.8: 50 concurrent clients for 60 s, each request one of every contract in turn — patient
# upload (a patient CSV, a 200 KB event CSV of shared patients, a note), patient PDF, typed CSV
# (appointments, medications), document by MRN, bulk attachments, and the native read API.
# Prints requests, answers by status, the zero-5xx check (503 with Retry-After is counted apart:
# it is the designed answer past the ingest bound), p50/p99 per contract, and the server's RSS at
# start and end. Runs under bench/run (PostgreSQL, its bench database).
set -euo pipefail
python3 - "$URL" "$KEY" "$CLIENT_ID" "$CLIENT_SECRET" "${SERVER_PID:-0}" "${CLIENTS:-50}" "${SECONDS_TO_RUN:-60}" <<'PY'
import collections, json, os, random, sys, threading, time, uuid
sys.path.insert(0, os.path.join(os.environ["BENCH"], "cases"))
from benchhttp import Client, multipart, pdf as benchhttp_pdf  # noqa: E402

url, key, client_id, client_secret, pid = sys.argv[1:6]
clients, duration = int(sys.argv[6]), float(sys.argv[7])
call = Client(url).call
bearer = {"Authorization": f"Bearer {key}"}
xkey = {"X-API-Key": key}

def rss():
    try:
        return int(dict(l.split(":", 1) for l in open(f"/proc/{pid}/status"))["VmRSS"].split()[0]) // 1024
    except (OSError, KeyError):
        return None

def pdf(tag):
    return benchhttp_pdf(f"Discharge summary {tag}: potassium 4.1 mmol/L")

# Set-up: a group, a patient (by MRN) for the PDF and attachment contracts, routing rules, a clinician.
def post_json(path, body, headers):
    return call("POST", path, json.dumps(body).encode(), dict(headers, **{"Content-Type": "application/json"}))
post_json("/v1/groups", {"id": "mixed", "name": "Mixed load"}, xkey)
post_json("/v1/clinicians", {"firstName": "Linh", "lastName": "Nguyen"}, xkey)
post_json("/v1/routing-rules", {"newConsult": True, "agent": "new"}, xkey)
post_json("/v1/routing-rules", {"newConsult": False, "agent": "follow-up"}, xkey)
body, ctype = multipart({"teamId": "bench", "groupId": "mixed"}, {"file": ("p.csv", b"patient_id,first_name,last_name\nmixed-mrn-1,Jane,Doe\n")})
status, _ = call("POST", "/api/pandora/upload-v2/upload", body, dict(bearer, **{"Content-Type": ctype}))
assert status == 200, status
patient = json.loads(call("GET", "/v1/patients?externalId=mixed-mrn-1", headers=xkey)[1])["data"][0]["id"]

EVENT_HEADER = "patient_id,event_id,event_date,event_type,value,unit\n"
def event_csv(tag):   # about 200 KB; 200 patients shared by every such upload
    return (EVENT_HEADER + "".join(f"mixed-ev-{i % 200:04d},{tag}-{i},2026-02-{1 + i % 28:02d},SpO2,{90 + i % 9},%\n"
                                   for i in range(4500))).encode()

APPOINTMENT_HEADER = ("Office,AppointmentId,PatientRecordId,AppointmentStatus,AppointmentDoctor,Virtual,AppointmentDate,"
                      "EarliestAppointmentTime,PatientFirstName,PatientLastName,DOB,Phone,NewConsult,TestStatus,IntakeCharted\n")

def run(contract, tag):
    if contract == "patient-upload csv":
        rows = "".join(f"mixed-{tag}-{i},First{i},Last{i},19{50 + i % 50}-03-1{i % 10}\n" for i in range(20))
        body, ctype = multipart({"teamId": "bench", "groupId": "mixed"},
                                {"file": (f"{tag}.csv", ("patient_id,first_name,last_name,birth_date\n" + rows).encode())})
        return call("POST", "/api/pandora/upload-v2/upload", body, dict(bearer, **{"Content-Type": ctype}))
    if contract == "patient-upload events":
        body, ctype = multipart({"teamId": "bench", "groupId": "mixed"}, {"file": (f"{tag}.csv", event_csv(tag))})
        return call("POST", "/api/pandora/upload-v2/upload", body, dict(bearer, **{"Content-Type": ctype}))
    if contract == "patient-upload note":
        note = f"Patient: Jane Roe {tag}\nDOB: 1971-02-03\nMRN: mixed-note-{tag}\nAssessment: stable.\n".encode()
        body, ctype = multipart({"teamId": "bench", "groupId": "mixed"}, {"file": (f"{tag}.txt", note)}, "text/plain")
        return call("POST", "/api/pandora/upload-v2/upload", body, dict(bearer, **{"Content-Type": ctype}))
    if contract == "patient-pdf":
        body, ctype = multipart({"filename": f"{tag}.pdf"}, {"file": (f"{tag}.pdf", pdf(tag))}, "application/pdf")
        return call("POST", f"/patients/{patient}/pdf", body, dict(xkey, **{"Content-Type": ctype}))
    if contract == "typed-csv appointments":
        rows = "".join(f"Main,A-{tag}-{i},R-{tag}-{i},Scheduled,Nguyen,false,2026-04-{1 + i % 28:02d},09:00,First{i},"
                       f"Last{i},1960-01-1{i % 10},(416) 555-{i:04d},{'true' if i % 2 else 'false'},Pending,false\n" for i in range(20))
        body, ctype = multipart({"type": "appointments"}, {"file": (f"appointments_{tag}.csv", (APPOINTMENT_HEADER + rows).encode())}, "text/csv")
        return call("POST", "/api/v1/csv", body, dict(xkey, **{"Content-Type": ctype}))
    if contract == "typed-csv medications":
        rows = "".join(f"mixed-mrn-1,Metformin {tag} {i},500 mg,500 mg,1 tab PO BID,2026-01-0{1 + i % 9},PO\n" for i in range(10))
        body, ctype = multipart({"type": "medications"}, {"file": (f"medications_{tag}.csv",
                                ("PatientRecordId,MedicationName,Dose,Strength,SIG,DateStarted,Route\n" + rows).encode())}, "text/csv")
        return call("POST", "/api/v1/csv", body, dict(xkey, **{"Content-Type": ctype}))
    if contract == "documents":
        body, ctype = multipart({"folder_name": "Mixed/Labs", "patient_mrn": "mixed-mrn-1"},
                                {"document": (f"{tag}.pdf", pdf(tag))}, "application/pdf")
        return call("POST", "/v1/documents", body, {"client_id": client_id, "client_secret": client_secret,
                                                    "access_token": "bench", "Content-Type": ctype})
    if contract == "attachments":
        body, ctype = multipart({"patient_id": str(patient)}, {"attachments": (f"{tag}.pdf", pdf(tag))}, "application/pdf")
        return call("POST", "/attachments/bulk", body, {"API-KEY": key, "TENANT": "bench", "Content-Type": ctype})
    if contract == "native read":
        status, data = call("GET", "/v1/patients?limit=50", headers=xkey)
        return (call("GET", f"/v1/patients/{patient}", headers=xkey) if status == 200 else (status, data))
    raise ValueError(contract)

CONTRACTS = ["patient-upload csv", "patient-upload events", "patient-upload note", "patient-pdf",
             "typed-csv appointments", "typed-csv medications", "documents", "attachments", "native read"]
results = collections.defaultdict(list)       # contract -> [(status, seconds)]
samples = collections.defaultdict(list)       # (contract, status) -> a few bodies
lock = threading.Lock()
start_rss = rss()
deadline = time.perf_counter() + duration

def client(n):
    i = n
    while time.perf_counter() < deadline:
        contract = CONTRACTS[i % len(CONTRACTS)]; i += 1
        tag = f"c{n}-{i}-{uuid.uuid4().hex[:6]}"
        t = time.perf_counter()
        try:
            status, data = run(contract, tag)
        except OSError as e:
            status, data = "failed", str(e).encode()
        elapsed = time.perf_counter() - t
        with lock:
            results[contract].append((status, elapsed))
            if status != 200 and status != 201 and len(samples[(contract, status)]) < 2:
                samples[(contract, status)].append(data[:200].decode("utf-8", "replace"))

t0 = time.perf_counter()
threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
wall = time.perf_counter() - t0
end_rss = rss()

everything = [r for rs in results.values() for r in rs]
by_status = collections.Counter(s for s, _ in everything)
five = sum(c for s, c in by_status.items() if isinstance(s, int) and s >= 500 and s != 503)
print(f"mixed-load: {clients} clients, every contract in turn, {wall:.0f} s")
print(f"  requests:          {len(everything)} ({len(everything) / wall:.1f}/s); by status: "
      + ", ".join(f"{s} x {c}" for s, c in sorted(by_status.items(), key=lambda x: str(x[0]))))
print(f"  zero 5xx:          {'OK' if five == 0 and not by_status.get('failed') else 'FAILED'} "
      f"({five} 5xx other than 503, {by_status.get(503, 0)} x 503 Retry-After, {by_status.get('failed', 0)} connection failures)")
print(f"  {'contract':24}{'n':>6}{'p50 ms':>9}{'p99 ms':>9}  statuses")
for contract in CONTRACTS:
    rs = results[contract]
    if not rs:
        continue
    times = sorted(t for _, t in rs)
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
    statuses = collections.Counter(s for s, _ in rs)
    print(f"  {contract:24}{len(rs):>6}{p(.5):>9.0f}{p(.99):>9.0f}  " + ", ".join(f"{s}x{c}" for s, c in sorted(statuses.items(), key=lambda x: str(x[0]))))
for (contract, status), bodies in sorted(samples.items(), key=lambda x: str(x[0])):
    print(f"    {contract} {status}: {bodies[0]}")
print(f"  server RSS:        {start_rss} MB at start, {end_rss} MB at end")
PY
