#!/usr/bin/env python3
"""Scores clawfix and detect-secrets on the exported redaction corpus and times both.

Usage: score.py CORPUS_DIR CLAWFIX_BINARY THROUGHPUT_DRIVER

Line granularity (both tools): a positive line is the line where a labelled secret starts;
a predicted line is the line of any finding. Span granularity (clawfix only): a labelled span
is found if a finding overlaps it; a finding is correct if it overlaps a labelled span.

Throughput: the corpus documents, each followed by a newline, are repeated until the file holds
at least REDACTION_BENCH_MB MB (default 10). Both tools get that same file, in-process, on CPU 0:
- clawfix: THROUGHPUT_DRIVER (bench/redaction/throughput.swift) reads the file, builds the
  PastedInput once, and times `Redactor().redact(input)` — median of 5 runs, CPU time of the
  thread. Cleaning the raw bytes (`PastedInput(bytes:)`) is timed on its own and also shown.
- detect-secrets: `SecretsCollection().scan_file(path)` under `default_settings()` in this Python
  process (reading the file, all default plugins and filters) — one run, CPU time of the thread.
Wall-clock figures for both are printed too, and, for scale, the whole `clawfix redact FILE
--format json` command on the same file (process start, reading, cleaning, redacting, JSON).
"""
import json, os, subprocess, sys, tempfile, time

corpus, clawfix, driver = sys.argv[1], sys.argv[2], sys.argv[3]
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

def ds_scan(path):
    with default_settings():
        sc = SecretsCollection()
        sc.scan_file(path)
    return sc

def ds_lines(path):
    sc = ds_scan(path)
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
target = float(os.environ.get("REDACTION_BENCH_MB", "10")) * 1e6
tmp = tempfile.mkdtemp()
big = os.path.join(tmp, "corpus-repeated.txt")
with open(big, "wb") as f:
    f.write(blob * max(1, -(-int(target) // len(blob))))
size = os.path.getsize(big)

# clawfix, in-process (the driver prints `key value` lines).
out = subprocess.run(["taskset", "-c", "0", driver, big, str(size), "5"], check=True,
                     capture_output=True, text=True).stdout
cf = {k: float(v) for k, v in (l.split() for l in out.splitlines())}
assert int(cf["bytes"]) == size, (cf["bytes"], size)

# The whole command, for scale.
t = time.perf_counter()
with open(os.devnull, "wb") as null:
    subprocess.run(["taskset", "-c", "0", clawfix, "redact", big, "--format", "json"], check=True, stdout=null)
cli_mbs = size / (time.perf_counter() - t) / 1e6

# detect-secrets, in-process, same file.
os.sched_setaffinity(0, {0})
wall, cpu = time.perf_counter(), time.thread_time()
sc = ds_scan(big)
cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
ds_mbs, ds_wall_mbs = size / cpu / 1e6, size / wall / 1e6
ds_found = sum(1 for fn in sc.files for _ in sc[fn])

print(f"corpus: {len(labels)} documents, {span[1]} labelled secrets, {len(blob)} bytes")
print(f"{'':34}{'clawfix':>14}{'detect-secrets 1.5.0':>22}")
cr, cp = prf(*line["clawfix"]); dr, dp = prf(*line["detect-secrets"])
print(f"{'recall (line)':34}{cr:>14.4f}{dr:>22.4f}")
print(f"{'precision (line)':34}{cp:>14.4f}{dp:>22.4f}")
print(f"{'  tp/fp/fn (line)':34}{'/'.join(map(str, line['clawfix'])):>14}{'/'.join(map(str, line['detect-secrets'])):>22}")
print(f"{'recall (span)':34}{span[0]/span[1]:>14.4f}{'-':>22}")
print(f"{'precision (span)':34}{(span[2]/span[3] if span[3] else 1):>14.4f}{'-':>22}")
print(f"{'throughput MB/s (1 core, CPU time)':34}{cf['redact_mbs']:>14.1f}{ds_mbs:>22.3f}")
print(f"{'  same, wall clock':34}{cf['redact_wall_mbs']:>14.1f}{ds_wall_mbs:>22.3f}")
print(f"{'  findings on the input':34}{int(cf['findings']):>14}{ds_found:>22}")
print(f"throughput ratio clawfix/detect-secrets (CPU time): {cf['redact_mbs']/ds_mbs:.0f}x")
print(f"input: the corpus repeated {size // len(blob)}x = {size/1e6:.1f} MB, one file, pinned to CPU 0.")
print("timed for clawfix: Redactor().redact(PastedInput) in-process (median of 5, fresh redactor each);"
      f" cleaning PastedInput(bytes:) alone: {cf['clean_mbs']:.1f} MB/s;"
      f" whole `clawfix redact FILE --format json` incl. process start and JSON: {cli_mbs:.1f} MB/s.")
print("timed for detect-secrets: SecretsCollection().scan_file(FILE) in-process under default_settings()"
      " (file read, default plugins and filters; one run).")
