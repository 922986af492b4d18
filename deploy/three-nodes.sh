#!/usr/bin/env bash
# A rehearsal of the README's "Production: several nodes" on one machine: three nodes of the
# packaged jar configured only by the README's environment settings, on one PostgreSQL database
# (127.0.0.1:5432, user postgres) and one S3-compatible store (S3Proxy from the test dependencies,
# on 127.0.0.1:19000 over a scratch folder). Uploads go to each node in turn; each upload's signed
# URL is opened on the next node and the record read on the third. Prints what each answered.
#
#   ./mvnw -q -DskipTests package && deploy/three-nodes.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
JAVA=$(. .mvn/select-jdk.sh && echo "$JAVA_HOME/bin/java")
WORK=$(mktemp -d /tmp/chartroom-three.XXXX)
DB=chartroom_three_$$
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
PIDS=()
stop() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" || true
  rm -rf "$WORK"
}
trap stop EXIT

./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
# S3Proxy ships its own Jetty; keep Spring and Tomcat off its class path, add the servlet API it needs.
S3CP=$(tr ':' '\n' <"$WORK/cp.txt" | grep -v 'spring-\|tomcat-embed' | paste -sd:)
SERVLET=$(ls ~/.m2/repository/jakarta/servlet/jakarta.servlet-api/5.*/jakarta.servlet-api-5.*.jar | head -1)
mkdir -p "$WORK/s3/chartroom"
cat >"$WORK/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:19000
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=local-identity
s3proxy.credential=local-credential
jclouds.provider=filesystem
jclouds.filesystem.basedir=$WORK/s3
CONF
"$JAVA" -cp "$S3CP:$SERVLET" org.gaul.s3proxy.Main --properties "$WORK/s3proxy.conf" >"$WORK/s3proxy.log" 2>&1 &
PIDS+=($!)
"${PSQL[@]}" -d postgres -c "create database $DB"

for n in 1 2 3; do
  mkdir -p "$WORK/data$n"
  SERVER_PORT=1910$n CHARTROOM_DATA_DIR=$WORK/data$n \
  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  CHARTROOM_STORAGE_TYPE=s3 CHARTROOM_STORAGE_S3_ENDPOINT=http://127.0.0.1:19000 CHARTROOM_STORAGE_S3_REGION=us-east-1 \
  CHARTROOM_STORAGE_S3_BUCKET=chartroom CHARTROOM_STORAGE_S3_ACCESS_KEY=local-identity \
  CHARTROOM_STORAGE_S3_SECRET_KEY=local-credential CHARTROOM_STORAGE_S3_PATH_STYLE_ACCESS=true \
  CHARTROOM_PUBLIC_URL=http://127.0.0.1:19101 CHARTROOM_ADMIN_TOKEN=three-nodes-admin-token-0123456789 \
    "$JAVA" -Xmx384m -jar target/chartroom.jar >"$WORK/node$n.log" 2>&1 &
  PIDS+=($!)
  sleep 2 # the first node migrates the database; the others find it done
done
for n in 1 2 3; do
  for _ in $(seq 1 120); do curl -fsS "127.0.0.1:1910$n/actuator/health/readiness" 2>/dev/null | grep -q UP && break; sleep 1; done
  echo "node $n ready: $(curl -s "127.0.0.1:1910$n/actuator/health/readiness")"
done

python3 - "$ROOT/bench/cases" <<'PY'
import http.client, json, sys, time, urllib.parse
sys.path.insert(0, sys.argv[1])
from benchhttp import multipart, pdf
nodes = [19101, 19102, 19103]
def call(port, method, path, body=b"", headers=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse(); d = r.read(); c.close()
    return r.status, d
admin = {"Authorization": "Bearer three-nodes-admin-token-0123456789", "Content-Type": "application/json"}
print("organization made on node 1:", call(19101, "POST", "/admin/v1/organizations", b'{"id":"three","name":"Three"}', admin)[0])
status, issued = call(19102, "POST", "/admin/v1/organizations/three/api-keys", b"{}", admin)
print("key issued on node 2:", status)
key = json.loads(issued)["key"]; xkey = {"X-API-Key": key}
print("group made on node 3:", call(19103, "POST", "/v1/groups", b'{"id":"g","name":"G"}', dict(xkey, **{"Content-Type": "application/json"}))[0])
body, ct = multipart({"teamId": "three", "groupId": "g"}, {"file": ("p.csv", b"patient_id,first_name,last_name\nthree-1,Jane,Doe\n")})
print("patient upload on node 3:", call(19103, "POST", "/api/pandora/upload-v2/upload", body, {"Authorization": f"Bearer {key}", "Content-Type": ct})[0])
status, found = call(19101, "GET", "/v1/patients?externalId=three-1", headers=xkey)
patient = json.loads(found)["data"][0]["id"]
served = 0
for i in range(9):
    up, other, third = nodes[i % 3], nodes[(i + 1) % 3], nodes[(i + 2) % 3]
    body, ct = multipart({"filename": f"s{i}.pdf"}, {"file": (f"s{i}.pdf", pdf(f"Scan {i}"))}, "application/pdf")
    s1, created = call(up, "POST", f"/patients/{patient}/pdf", body, dict(xkey, **{"Content-Type": ct}))
    link = urllib.parse.urlparse(json.loads(created)["url"])
    s2, got = call(other, "GET", link.path + "?" + link.query)
    s3, _ = call(third, "GET", f"/v1/patients/{patient}", headers=xkey)
    served += s1 == 201 and s2 == 200 and got.startswith(b"%PDF") and s3 == 200
    print(f"  pdf {i}: posted to {up} -> {s1}; its signed URL on {other} -> {s2}; the record on {third} -> {s3}")
print(f"{served} of 9 uploads served by the other nodes")
for _ in range(60):
    docs = json.loads(call(19103, "GET", f"/v1/patients/{patient}", headers=xkey)[1]).get("documents", [])
    if sum(1 for d in docs if d.get("thumbnailUrl")) == 9:
        break
    time.sleep(1)
print(f"thumbnails made by the nodes' jobs: {sum(1 for d in docs if d.get('thumbnailUrl'))} of 9")
PY
echo "files in the nodes' data folders: $(find "$WORK"/data? -type f | wc -l); objects in the bucket: $(find "$WORK/s3/chartroom" -type f | wc -l)"
