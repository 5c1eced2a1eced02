#!/usr/bin/env python3
"""Scores clawfix and detect-secrets on the exported redaction corpus and times both.

Usage: score.py CORPUS_DIR CLAWFIX_BINARY
Line granularity (both tools): a positive line is the line where a labelled secret starts;
a predicted line is the line of any finding. Span granularity (clawfix only): a labelled span
is found if a finding overlaps it; a finding is correct if it overlaps a labelled span.
"""
import json, os, subprocess, sys, tempfile, time

corpus, clawfix = sys.argv[1], sys.argv[2]
labels = json.load(open(os.path.join(corpus, "labels.json")))

def prf(tp, fp, fn):
    r = tp / (tp + fn) if tp + fn else 1.0
    p = tp / (tp + fp) if tp + fp else 1.0
    return r, p

def clawfix_findings(path):
    out = subprocess.run([clawfix, "redact", path, "--format", "json"], check=True,
                         capture_output=True).stdout
    return json.loads(out)["findings"]

from detect_secrets import SecretsCollection
from detect_secrets.settings import default_settings

def ds_lines(path):
    with default_settings():
        sc = SecretsCollection()
        sc.scan_file(path)
    return {s.line_number for fn in sc.files for s in sc[fn]}

line = {"clawfix": [0, 0, 0], "detect-secrets": [0, 0, 0]}
span = [0, 0, 0, 0]  # found spans, total spans, correct findings, total findings
for doc in labels:
    path = os.path.join(corpus, doc["file"])
    truth = {s["line"] for s in doc["spans"]}
    found = clawfix_findings(path)
    for tool, pred in (("clawfix", {f["line"] for f in found}), ("detect-secrets", ds_lines(path))):
        c = line[tool]
        c[0] += len(truth & pred); c[1] += len(pred - truth); c[2] += len(truth - pred)
    ov = lambda a, b: a["start"] < b["end"] and b["start"] < a["end"]
    span[0] += sum(any(ov(s, f) for f in found) for s in doc["spans"]); span[1] += len(doc["spans"])
    span[2] += sum(any(ov(f, s) for s in doc["spans"]) for f in found); span[3] += len(found)

blob = b"".join(open(os.path.join(corpus, d["file"]), "rb").read() + b"\n" for d in labels)
tmp = tempfile.mkdtemp()
big = os.path.join(tmp, "big.txt")
with open(big, "wb") as f:
    f.write(blob * max(1, (20 << 20) // len(blob)))
size = os.path.getsize(big)
t = time.perf_counter()
with open(os.devnull, "wb") as null:
    subprocess.run(["taskset", "-c", "0", clawfix, "redact", big, "--format", "json"], check=True, stdout=null)
cf_mbs = size / (time.perf_counter() - t) / 1e6

dsdir = os.path.join(tmp, "ds"); os.mkdir(dsdir)
dssize = 0; i = 0
while dssize < (2 << 20):
    p = os.path.join(dsdir, f"doc{i}.txt")
    open(p, "wb").write(blob); dssize += len(blob); i += 1
t = time.perf_counter()
with open(os.devnull, "wb") as null:
    subprocess.run(["taskset", "-c", "0", "detect-secrets", "scan", "--all-files", dsdir], check=True, stdout=null)
ds_mbs = dssize / (time.perf_counter() - t) / 1e6

print(f"corpus: {len(labels)} documents, {span[1]} labelled secrets, {len(blob)} bytes")
print(f"{'':28}{'clawfix':>14}{'detect-secrets 1.5.0':>22}")
cr, cp = prf(*line["clawfix"]); dr, dp = prf(*line["detect-secrets"])
print(f"{'recall (line)':28}{cr:>14.4f}{dr:>22.4f}")
print(f"{'precision (line)':28}{cp:>14.4f}{dp:>22.4f}")
print(f"{'  tp/fp/fn (line)':28}{'/'.join(map(str, line['clawfix'])):>14}{'/'.join(map(str, line['detect-secrets'])):>22}")
print(f"{'recall (span)':28}{span[0]/span[1]:>14.4f}{'-':>22}")
print(f"{'precision (span)':28}{(span[2]/span[3] if span[3] else 1):>14.4f}{'-':>22}")
print(f"{'throughput MB/s (1 core)':28}{cf_mbs:>14.1f}{ds_mbs:>22.2f}")
print(f"{'  input size MB':28}{size/1e6:>14.1f}{dssize/1e6:>22.1f}")
print(f"throughput ratio clawfix/detect-secrets: {cf_mbs/ds_mbs:.1f}x")
