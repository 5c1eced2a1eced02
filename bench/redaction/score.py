#!/usr/bin/env python3
"""Scores clawfix and detect-secrets on the exported redaction corpus and times both.

Usage: score.py CORPUS_DIR CLAWFIX_BINARY THROUGHPUT_DRIVER

Two sets, scored side by side: the corpus (RedactionCorpus) and the paste shapes of issue 14
(RedactionShapes: webhook URLs, command-line credentials, printed secrets, other assignments,
connection strings, unknown provider prefixes, with their placeholders and look-alikes), told
apart by each label's `set`.

Line granularity (both tools): a positive line is the line where a labelled secret starts;
a predicted line is the line of any finding. Span granularity (clawfix only): a labelled span
is found if a finding overlaps it; a finding is correct if it overlaps a labelled span.

Throughput: each set's documents, each followed by a newline, are repeated until the file holds
at least REDACTION_BENCH_MB MB (default 10); the corpus also at a tenth of that, to show the rate
does not fall with size. Both tools get the corpus file, in-process, on CPU 0 (detect-secrets
the corpus only: at ~0.1 MB/s a second file would cost minutes more):
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

SETS = ("corpus", "shapes")
line = {(tool, st): [0, 0, 0] for tool in ("clawfix", "detect-secrets") for st in SETS}
span = {st: [0, 0, 0, 0] for st in SETS}  # found spans, total spans, correct findings, total findings
for doc in labels:
    st = doc.get("set", "corpus")
    path = os.path.join(corpus, doc["file"])
    truth = {s["line"] for s in doc["spans"]}
    found = clawfix_findings(path)
    for tool, pred in (("clawfix", {f["line"] for f in found}), ("detect-secrets", ds_lines(path))):
        c = line[(tool, st)]
        c[0] += len(truth & pred); c[1] += len(pred - truth); c[2] += len(truth - pred)
    ov = lambda a, b: a["start"] < b["end"] and b["start"] < a["end"]
    sp = span[st]
    sp[0] += sum(any(ov(s, f) for f in found) for s in doc["spans"]); sp[1] += len(doc["spans"])
    sp[2] += sum(any(ov(f, s) for s in doc["spans"]) for f in found); sp[3] += len(found)

target = float(os.environ.get("REDACTION_BENCH_MB", "10")) * 1e6
tmp = tempfile.mkdtemp()
def repeated(st, size):
    blob = b"".join(open(os.path.join(corpus, d["file"]), "rb").read() + b"\n"
                    for d in labels if d.get("set", "corpus") == st)
    path = os.path.join(tmp, f"{st}-{int(size)}.txt")
    with open(path, "wb") as f:
        f.write(blob * max(1, -(-int(size) // len(blob))))
    return path, len(blob)

def clawfix_throughput(path):
    """clawfix in-process (the driver prints `key value` lines)."""
    size = os.path.getsize(path)
    out = subprocess.run(["taskset", "-c", "0", driver, path, str(size), "5"], check=True,
                         capture_output=True, text=True).stdout
    cf = {k: float(v) for k, v in (l.split() for l in out.splitlines())}
    assert int(cf["bytes"]) == size, (cf["bytes"], size)
    return cf

big, blob_len = repeated("corpus", target)
size = os.path.getsize(big)
cf = clawfix_throughput(big)
shapes_big, shapes_blob_len = repeated("shapes", target)
cf_shapes = clawfix_throughput(shapes_big)
# Linear in input: the same corpus at a tenth of the size.
small, _ = repeated("corpus", target / 10)
cf_small = clawfix_throughput(small)

# The whole command, for scale.
t = time.perf_counter()
with open(os.devnull, "wb") as null:
    subprocess.run(["taskset", "-c", "0", clawfix, "redact", big, "--format", "json"], check=True, stdout=null)
cli_mbs = size / (time.perf_counter() - t) / 1e6

# detect-secrets, in-process, same file (the corpus only: at ~0.1 MB/s a second file costs minutes more).
os.sched_setaffinity(0, {0})
wall, cpu = time.perf_counter(), time.thread_time()
sc = ds_scan(big)
cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
ds_mbs, ds_wall_mbs = size / cpu / 1e6, size / wall / 1e6
ds_found = sum(1 for fn in sc.files for _ in sc[fn])

count = lambda st: sum(1 for d in labels if d.get("set", "corpus") == st)
print(f"corpus: {count('corpus')} documents, {span['corpus'][1]} labelled secrets, {blob_len} bytes;"
      f" paste shapes (issue 14): {count('shapes')} documents, {span['shapes'][1]} labelled secrets, {shapes_blob_len} bytes")
w = 16
header = ["clawfix corpus", "clawfix shapes", "d-s corpus", "d-s shapes"]
print(f"{'':34}" + "".join(f"{h:>{w}}" for h in header))
def row(label, cells):
    print(f"{label:34}" + "".join(f"{c:>{w}}" for c in cells))
cols = [("clawfix", "corpus"), ("clawfix", "shapes"), ("detect-secrets", "corpus"), ("detect-secrets", "shapes")]
rp = [prf(*line[c]) for c in cols]
row("recall (line)", [f"{r:.4f}" for r, _ in rp])
row("precision (line)", [f"{p:.4f}" for _, p in rp])
row("  tp/fp/fn (line)", ["/".join(map(str, line[c])) for c in cols])
row("recall (span)", [f"{span[st][0]/span[st][1]:.4f}" for st in SETS] + ["-", "-"])
row("precision (span)", [f"{(span[st][2]/span[st][3] if span[st][3] else 1):.4f}" for st in SETS] + ["-", "-"])
row("throughput MB/s (1 core, CPU time)", [f"{cf['redact_mbs']:.1f}", f"{cf_shapes['redact_mbs']:.1f}", f"{ds_mbs:.3f}", "-"])
row("  same, wall clock", [f"{cf['redact_wall_mbs']:.1f}", f"{cf_shapes['redact_wall_mbs']:.1f}", f"{ds_wall_mbs:.3f}", "-"])
row("  findings on the input", [str(int(cf["findings"])), str(int(cf_shapes["findings"])), str(ds_found), "-"])
print(f"throughput ratio clawfix/detect-secrets (CPU time, corpus): {cf['redact_mbs']/ds_mbs:.0f}x")
print(f"linear in input: the corpus at {os.path.getsize(small)/1e6:.1f} MB runs at {cf_small['redact_mbs']:.1f} MB/s,"
      f" at {size/1e6:.1f} MB at {cf['redact_mbs']:.1f} MB/s (CPU time; equal rates mean linear).")
print(f"input: each set repeated to {size/1e6:.1f} MB (corpus {size // blob_len}x), one file, pinned to CPU 0.")
print("timed for clawfix: Redactor().redact(PastedInput) in-process (median of 5, fresh redactor each);"
      f" cleaning PastedInput(bytes:) alone: {cf['clean_mbs']:.1f} MB/s;"
      f" whole `clawfix redact FILE --format json` incl. process start and JSON: {cli_mbs:.1f} MB/s.")
print("timed for detect-secrets: SecretsCollection().scan_file(FILE) in-process under default_settings()"
      " (file read, default plugins and filters; one run).")
