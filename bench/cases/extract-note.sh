#!/usr/bin/env bash
# The built-in clinical extractor alone on a 3 KB and a 1 MB transcription (no server involved):
# see ExtractNote.java.
set -euo pipefail
"$JAVA" -cp target/classes "$BENCH/cases/ExtractNote.java"
