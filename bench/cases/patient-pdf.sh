#!/usr/bin/env bash
# 1 MB patient PDFs (a page of text plus a 1 MB embedded stream, as scans are) sent to
# POST /patients/{id}/pdf by 8 concurrent clients: documents per second, and latency p50/p99.
# Every upload differs in a few bytes, so none is deduplicated by the content-addressed store.
set -euo pipefail
python3 - "$URL" "$KEY" <<'PY'
import concurrent.futures, http.client, json, os, statistics, sys, time, urllib.parse, uuid

url, key = sys.argv[1], sys.argv[2]
host = urllib.parse.urlparse(url)
CLIENTS, WARMUP, UPLOADS = 8, 16, 400

sys.path.insert(0, os.path.join(os.environ["BENCH"], "cases"))
from benchhttp import Client, multipart  # noqa: E402
call = Client(url).call

# One patient to attach the PDFs to.
call("POST", "/v1/groups", json.dumps({"id": "bench-pdf", "name": "Bench PDF"}).encode(),
     {"X-API-Key": key, "Content-Type": "application/json"})
body, ctype = multipart({"teamId": "bench", "groupId": "bench-pdf"},
                        {"file": ("p.csv", b"patient_id,first_name,last_name\nbench-pdf-1,Jane,Doe\n")})
status, _ = call("POST", "/api/pandora/upload-v2/upload", body, {"Authorization": f"Bearer {key}", "Content-Type": ctype})
assert status == 200, status
status, data = call("GET", "/v1/patients?externalId=bench-pdf-1", headers={"X-API-Key": key})
patient = json.loads(data)["data"][0]["id"]

def pdf(size):
    text = "BT /F1 11 Tf 50 760 Td (Discharge summary - bench) Tj ET"
    blob = os.urandom(size)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            f"<< /Length {len(text)} >>\nstream\n{text}\nendstream".encode(),
            f"<< /Length {size} >>\nstream\n".encode() + blob + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"); offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out)); out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs)+1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs)+1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out), offsets[5] + 40

base, marker = pdf(1024 * 1024 - 900)
print(f"patient-pdf: {len(base):,} byte PDFs, {CLIENTS} clients, {UPLOADS} uploads after {WARMUP} warm-up")

def upload(i):
    data = bytearray(base); data[marker:marker + 16] = i.to_bytes(16, "big")   # unique bytes per upload
    body, ctype = multipart({"filename": f"scan-{i}.pdf"}, {"file": (f"scan-{i}.pdf", bytes(data))}, "application/pdf")
    t = time.perf_counter()
    status, answer = call("POST", f"/patients/{patient}/pdf", body, {"X-API-Key": key, "Content-Type": ctype})
    elapsed = time.perf_counter() - t
    if status != 201:
        raise SystemExit(f"upload {i}: {status} {answer[:200]}")
    return elapsed

with concurrent.futures.ThreadPoolExecutor(CLIENTS) as pool:
    list(pool.map(upload, range(WARMUP)))
    start = time.perf_counter()
    times = sorted(pool.map(upload, range(WARMUP, WARMUP + UPLOADS)))
    wall = time.perf_counter() - start

p = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
print(f"  throughput:        {UPLOADS / wall:.1f} documents/s ({UPLOADS * len(base) / wall / 1e6:.1f} MB/s), {wall:.1f} s wall")
print(f"  latency:           p50 {p(0.50):.0f} ms, p99 {p(0.99):.0f} ms, max {times[-1]*1000:.0f} ms")
PY
