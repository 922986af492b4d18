#!/usr/bin/env bash
# Issue 12.1: 16 concurrent 3 MB event uploads (the same 1,000 patients, events of their own)
# against a server of its own started at -Xmx160m on a scratch PostgreSQL database. Prints the
# answers (successes, 503s, other 5xx, failed connections), whether the server is still up, whether
# it logged an OutOfMemoryError, and its resident memory.
#
#   bench/run ingest-memory                       # as one of the cases
#   bench/cases/ingest-memory.sh                  # alone, with the jar already built
#   JAR=/tmp/base-main/target/chartroom.jar bench/cases/ingest-memory.sh   # another build
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=${BENCH:-$ROOT/bench}
OUT=${OUT:-$BENCH/out}
mkdir -p "$OUT"
JAR=${JAR:-$ROOT/target/chartroom.jar}
HEAP=${HEAP:-160m}
UPLOADS=${UPLOADS:-16}
NAME=memory . "$(dirname "$0")/small-server.bash"

python3 - "$SURL" "$SKEY" "$SPID" "$UPLOADS" "$HEAP" "$JAR" <<'PY'
import concurrent.futures, http.client, json, os, sys, time, urllib.parse
url, key, pid, uploads, heap, jar = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
host = urllib.parse.urlparse(url)

def call(method, path, body=b"", headers=None, timeout=300):
    c = http.client.HTTPConnection(host.hostname, host.port, timeout=timeout)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse(); data = r.read(); status = r.status; c.close()
    return status, data

def rss():
    try:
        fields = dict(l.split(":", 1) for l in open(f"/proc/{pid}/status"))
        return int(fields["VmRSS"].split()[0]) // 1024, int(fields["VmHWM"].split()[0]) // 1024
    except (OSError, KeyError):
        return None, None

def multipart(fields, name, data):
    b = "benchmemoryboundary"
    out = bytearray()
    for k, v in fields.items():
        out += f'--{b}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
    out += f'--{b}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
    out += data + f"\r\n--{b}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={b}"

def events(n):
    limit = 3 * 1024 * 1024 - 64
    out, size, row = ["patient_id,event_id,event_date,event_type,value,unit\n"], 0, 0
    size = len(out[0])
    kinds = [("heart_rate", "bpm"), ("SpO2", "%"), ("resp_rate", "/min"), ("temp", "C")]
    while True:
        kind, unit = kinds[row % 4]
        line = f"mem-{row % 1000:05d},u{n:02d}-{row:07d},2026-01-{1 + row % 28:02d},{kind},{60 + row % 50},{unit}\n"
        if size + len(line) > limit:
            return "".join(out).encode(), row
        out.append(line); size += len(line); row += 1

status, _ = call("POST", "/v1/groups", json.dumps({"id": "memory", "name": "Memory"}).encode(),
                 {"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
files = [events(n) for n in range(uploads)]
bodies = [multipart({"teamId": "memory", "groupId": "memory"}, f"vitals-{n}.csv", data) for n, (data, _) in enumerate(files)]
start_rss, _ = rss()

def upload(n):
    body, ctype = bodies[n]
    t = time.perf_counter()
    try:
        status, data = call("POST", "/api/pandora/upload-v2/upload", body,
                            {"Authorization": f"Bearer {key}", "Content-Type": ctype})
    except (OSError, http.client.HTTPException) as e:
        return "failed", time.perf_counter() - t, type(e).__name__
    return status, time.perf_counter() - t, data[:160].decode("utf-8", "replace")

t0 = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(uploads) as pool:
    answers = list(pool.map(upload, range(uploads)))
wall = time.perf_counter() - t0
end_rss, peak_rss = rss()
try:
    up = call("GET", "/actuator/health", timeout=10)[0] == 200
except OSError:
    up = False
ok = [a for a in answers if a[0] == 200]
busy = [a for a in answers if a[0] == 503]
other5xx = [a for a in answers if isinstance(a[0], int) and a[0] >= 500 and a[0] != 503]
failed = [a for a in answers if a[0] == "failed"]
rest = [a for a in answers if a not in ok + busy + other5xx + failed]
stored = None
if up:
    status, data = call("GET", "/v1/uploads?limit=100", headers={"X-API-Key": key})
    if status == 200:
        stored = len(json.loads(data).get("data", []))
rows = files[0][1]
print(f"ingest-memory: {uploads} concurrent {len(files[0][0]) / 1e6:.1f} MB event uploads ({rows} rows, 1000 shared patients each), -Xmx{heap}")
print(f"  jar:               {jar}")
print(f"  answers:           {len(ok)} x 200, {len(busy)} x 503, {len(other5xx)} other 5xx, {len(failed)} connection failures, {len(rest)} other")
for a in other5xx[:3] + failed[:3] + rest[:3]:
    print(f"    e.g. {a[0]}: {a[2]}")
if busy:
    print(f"  503 answered in:   {min(a[1] for a in busy):.1f}-{max(a[1] for a in busy):.1f} s")
if ok:
    print(f"  200 answered in:   {min(a[1] for a in ok):.1f}-{max(a[1] for a in ok):.1f} s, all in {wall:.1f} s wall")
print(f"  server afterwards: {'up' if up else 'DOWN'}; uploads recorded: {stored if stored is not None else 'n/a'}")
print(f"  RSS:               {start_rss} MB before, {end_rss} MB after, peak {peak_rss} MB" if end_rss else
      f"  RSS:               {start_rss} MB before; the process is gone")
PY
if grep -q OutOfMemoryError "$SLOG"; then echo "  OutOfMemoryError:  yes (see $SLOG)"; else echo "  OutOfMemoryError:  none logged"; fi
