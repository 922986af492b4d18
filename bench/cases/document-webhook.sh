#!/usr/bin/env bash
# The document-by-MRN contract end to end: the time from POST /v1/documents's answer to the
# delivery of its document.uploaded webhook at a receiver on 127.0.0.1 (python http.server),
# for 50 documents sent one after another.
set -euo pipefail
python3 - "$URL" "$KEY" "$CLIENT_ID" "$CLIENT_SECRET" <<'PY'
import http.client, os, http.server, json, statistics, sys, threading, time, urllib.parse, uuid

url, key, client_id, client_secret = sys.argv[1:5]
host = urllib.parse.urlparse(url)
DOCUMENTS = 50
arrived, lock, signal = {}, threading.Lock(), threading.Condition()

class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        at = time.perf_counter()
        event = json.loads(body)
        with signal:
            arrived[(event["type"], event["data"].get("document_id"))] = at
            signal.notify_all()
        self.send_response(200); self.end_headers()
    def log_message(self, *a): pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
threading.Thread(target=server.serve_forever, daemon=True).start()

sys.path.insert(0, os.path.join(os.environ["BENCH"], "cases"))
from benchhttp import Client, multipart, pdf as benchhttp_pdf  # noqa: E402
call = Client(url).call

status, _ = call("POST", "/v1/webhooks", json.dumps({"url": f"http://127.0.0.1:{server.server_port}/hooks",
                 "events": ["document.uploaded", "document.upload_failed"]}).encode(),
                 {"X-API-Key": key, "Content-Type": "application/json"})
assert status == 201, status
call("POST", "/v1/groups", json.dumps({"id": "bench-doc", "name": "Bench documents"}).encode(),
     {"X-API-Key": key, "Content-Type": "application/json"})
body, ctype = multipart({"teamId": "bench", "groupId": "bench-doc"},
                        {"file": ("p.csv", b"patient_id,first_name,last_name\nbench-mrn-1,Jane,Doe\n")})
assert call("POST", "/api/pandora/upload-v2/upload", body, {"Authorization": f"Bearer {key}", "Content-Type": ctype})[0] == 200

def pdf(i):
    return benchhttp_pdf(f"Lab report {i}: potassium 4.1 mmol/L")

headers = {"client_id": client_id, "client_secret": client_secret, "access_token": "bench"}
latencies, answers = [], []
for i in range(DOCUMENTS + 5):
    body, ctype = multipart({"folder_name": "Bench/Labs", "patient_mrn": "bench-mrn-1", "is_high_priority": "true"},
                            {"document": (f"lab-{i}.pdf", pdf(i))})
    t = time.perf_counter()
    status, answer = call("POST", "/v1/documents", body, dict(headers, **{"Content-Type": ctype}))
    answered = time.perf_counter()
    if status != 200:
        raise SystemExit(f"document {i}: {status} {answer[:200]}")
    document = json.loads(answer)["document_id"]
    with signal:
        if not signal.wait_for(lambda: ("document.uploaded", document) in arrived
                               or ("document.upload_failed", document) in arrived, timeout=30):
            raise SystemExit(f"no webhook for document {i} within 30 s")
        if ("document.uploaded", document) not in arrived:
            raise SystemExit(f"document {i} failed")
        delivered = arrived[("document.uploaded", document)]
    if i >= 5:   # the first few warm up the JVM
        latencies.append(delivered - answered); answers.append(answered - t)

latencies.sort(); answers.sort()
p = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))] * 1000
print(f"document-webhook: {DOCUMENTS} documents by MRN, one after another, receiver on 127.0.0.1")
print(f"  answer (POST):     p50 {p(answers, .5):.0f} ms, p99 {p(answers, .99):.0f} ms")
print(f"  answer -> webhook: p50 {p(latencies, .5):.0f} ms, p99 {p(latencies, .99):.0f} ms, max {latencies[-1]*1000:.0f} ms")
PY
