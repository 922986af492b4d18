#!/usr/bin/env python3
"""Validate the Chartroom de-identification evaluation set and print counts.

Usage:
    python3 check.py                 # validate tune/ and holdout/, print counts
    python3 check.py --export OUT    # also write OUT/<split>/note-NN.txt (plain text)
                                     # and OUT/<split>/note-NN.json (spans with offsets)

Annotation syntax (see README.md):
    {{KIND|text}}   identifier that must be removed
    <<text>>        clinical term that must survive
Exit status is 1 if any error is found.
"""
import json
import os
import re
import sys
from collections import Counter

KINDS = ["NAME", "LOCATION", "ZIP", "DATE", "AGE", "PHONE", "EMAIL", "SSN",
         "RECORD", "DEVICE", "URL", "IP", "OTHER"]
SPLITS = {"tune": range(1, 33), "holdout": range(33, 49)}
TOKEN = re.compile(r"\{\{|\}\}|<<|>>")
HERE = os.path.dirname(os.path.abspath(__file__))


def parse(text):
    """Return (plain_text, spans, errors). spans: dicts with type/kind/start/end/text."""
    out, spans, errors = [], [], []
    pos, plen = 0, 0
    line = lambda i: text.count("\n", 0, i) + 1
    while True:
        m = TOKEN.search(text, pos)
        if not m:
            out.append(text[pos:])
            break
        tok = m.group()
        out.append(text[pos:m.start()])
        plen += m.start() - pos
        if tok in ("}}", ">>"):
            errors.append(f"line {line(m.start())}: stray '{tok}'")
            out.append(tok)
            plen += 2
            pos = m.end()
            continue
        close = "}}" if tok == "{{" else ">>"
        n = TOKEN.search(text, m.end())
        if not n or n.group() != close:
            what = f"'{n.group()}' at line {line(n.start())}" if n else "end of file"
            errors.append(f"line {line(m.start())}: '{tok}' not closed by '{close}' "
                          f"(found {what}; nesting is not allowed)")
            pos = m.end()
            continue
        body = text[m.end():n.start()]
        if "\n" in body:
            errors.append(f"line {line(m.start())}: annotation spans a line break")
        if tok == "{{":
            if "|" not in body:
                errors.append(f"line {line(m.start())}: '{{{{{body}}}}}' has no '|'")
                pos = n.end()
                continue
            kind, surface = body.split("|", 1)
            if kind not in KINDS:
                errors.append(f"line {line(m.start())}: unknown KIND '{kind}'")
            if "|" in surface:
                errors.append(f"line {line(m.start())}: extra '|' in '{body}'")
            typ = "phi"
        else:
            kind, surface, typ = None, body, "keep"
        if not surface.strip() or surface != surface.strip():
            errors.append(f"line {line(m.start())}: empty or space-padded text in '{body}'")
        spans.append({"type": typ, "kind": kind, "start": plen,
                      "end": plen + len(surface), "text": surface})
        out.append(surface)
        plen += len(surface)
        pos = n.end()
    return "".join(out), spans, errors


def main(argv):
    export = argv[argv.index("--export") + 1] if "--export" in argv else None
    total_errors = 0
    counts = {s: Counter() for s in SPLITS}
    keep = Counter()
    notes = Counter()
    for split, nums in SPLITS.items():
        folder = os.path.join(HERE, split)
        expected = {f"note-{n:02d}.txt" for n in nums}
        present = set(f for f in os.listdir(folder) if f.endswith(".txt"))
        for f in sorted(expected - present):
            print(f"ERROR {split}/{f}: missing"); total_errors += 1
        for f in sorted(present - expected):
            print(f"ERROR {split}/{f}: unexpected file"); total_errors += 1
        for f in sorted(present & expected):
            text = open(os.path.join(folder, f), encoding="utf-8").read()
            plain, spans, errors = parse(text)
            nlines = len(text.splitlines())
            nkeep = sum(1 for s in spans if s["type"] == "keep")
            for e in errors:
                print(f"ERROR {split}/{f}: {e}")
            total_errors += len(errors)
            if not 15 <= nlines <= 60:
                print(f"WARN  {split}/{f}: {nlines} lines (want 15-60)")
            if not 5 <= nkeep <= 15:
                print(f"WARN  {split}/{f}: {nkeep} <<>> terms (want 5-15)")
            for s in spans:
                if s["type"] == "phi":
                    counts[split][s["kind"]] += 1
            keep[split] += nkeep
            notes[split] += 1
            if export:
                d = os.path.join(export, split)
                os.makedirs(d, exist_ok=True)
                open(os.path.join(d, f), "w", encoding="utf-8").write(plain)
                with open(os.path.join(d, f[:-4] + ".json"), "w", encoding="utf-8") as fh:
                    json.dump(spans, fh, indent=1)

    print()
    print(f"{'KIND':<10}{'tune':>7}{'holdout':>9}{'total':>7}")
    for k in KINDS:
        t, h = counts["tune"][k], counts["holdout"][k]
        flag = "" if t + h >= 8 else "   <-- fewer than 8"
        print(f"{k:<10}{t:>7}{h:>9}{t + h:>7}{flag}")
    tt, th = sum(counts["tune"].values()), sum(counts["holdout"].values())
    print(f"{'all {{}}':<10}{tt:>7}{th:>9}{tt + th:>7}")
    print(f"{'<<>> keep':<10}{keep['tune']:>7}{keep['holdout']:>9}"
          f"{keep['tune'] + keep['holdout']:>7}")
    print(f"{'notes':<10}{notes['tune']:>7}{notes['holdout']:>9}"
          f"{notes['tune'] + notes['holdout']:>7}")
    print()
    print("OK" if total_errors == 0 else f"{total_errors} error(s)")
    return 1 if total_errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
