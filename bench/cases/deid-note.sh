#!/usr/bin/env bash
# The free-text de-identifier alone on a 100 KB note (no server involved): see DeidNote.java.
set -euo pipefail
"$JAVA" -cp target/classes "$BENCH/cases/DeidNote.java"
