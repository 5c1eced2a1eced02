#!/usr/bin/env python3
"""Fit clawfix's ranking weights (KnowledgeBase/ranking.md) on real support cases, with k-fold
cross-validation, and print what the fit is worth.

    python3 scripts/fit-ranking.py [--bin .build/release/clawfix] [--cases ../shared/cases]
                                   [--folds 5] [--write] [--check]

What it does:
1. Builds each case's input exactly as `score.py` does (environment line, user report, paste), and
   the paste-only variant, and runs `clawfix paste --ranking-features` on each: the engine's
   candidates with the parts of their scores (`RankingFeatures`), which do not depend on the weights.
2. Fits the weights that order the candidates (text, text-floor, against, path, unconfirmed-cap,
   version-unknown, refined; `evidence` is the unit) by coordinate search, maximising top-1 with
   top-3 and MRR as tie-breaks, then the confidence weights (other, temperature, the line caps) by
   the Brier score of the top answer, so that a confidence reads as the chance the cause is right.
3. Cross-validates the whole fit: k folds by case, each case scored by weights fitted without it.
   Prints in-sample and cross-validated top-1 / top-3 / MRR, the reliability table (confidence bins
   against accuracy), the expected calibration error and the wrong answers at >= 85 %.
4. With --write, rewrites KnowledgeBase/ranking.md with the weights fitted on all cases and the
   figures. With --check, runs the binary with the written file (`--kb`) and compares its top-1
   with this script's prediction, case by case.

The cases are measurement: the fit sees only the engine's feature vectors and the accepted ids,
never builds a rule from a case. Standard library only (Python 3.9+).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name in ranking.md, default, search grid (None: not searched by the ranking fit)
RANKING = [
    ("text", 4.0, [0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15]),
    ("text-floor", 6.0, [0, 2, 4, 6, 8, 10, 14, 20]),
    ("against", 1.0, [0, 0.25, 0.5, 1, 1.5, 2, 3]),
    ("path", 0.3, [0, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5]),
    ("unconfirmed-cap", 3.0, [0, 1, 2, 3, 4, 5, 6, 8, 100]),
    ("version-unknown", 1.0, [0, 0.5, 1, 1.5, 2, 3]),
    ("refined", 2.0, [0, 1, 2, 3, 4, 6]),
]
FIXED = {"evidence": 1.0, "current": 3.0}
CONFIDENCE = [("other", 2.0), ("temperature", 1.5), ("one-line-cap", 0.8), ("two-line-cap", 0.92)]
MEANING = {
    "text": "points for the best full-text match (relevance is 0…1 per message)",
    "text-floor": "bm25 below which the best match is not a full match",
    "evidence": "points per unit of signal weight for a diagnosis (one witness per input line)",
    "against": "points per unit of signal weight against it",
    "path": "points per branch of its tree the facts take",
    "unconfirmed-cap": "the most a diagnosis can score while its `requires:` is unknown",
    "version-unknown": "points taken while the release is unknown, for a diagnosis limited to some releases",
    "refined": "points taken from a generic cause when a refinement of it is established",
    "current": "points for a cause of the newest message's symptom, after older messages named others",
    "other": "the score of \"something else\"",
    "temperature": "softmax temperature",
    "one-line-cap": "the highest confidence when the answer rests on one input line",
    "two-line-cap": "the highest confidence when it rests on two",
}


def load_cases(cases_dir: Path):
    sys.path.insert(0, str(cases_dir))
    import score  # the harness's own case reader: the inputs are exactly what it scores

    files = sorted(cases_dir.glob("[0-9]*.md"))
    full = [score.load_case(f, True) for f in files]
    bare = [score.load_case(f, False) for f in files]
    return full, bare


def features(binary: str, text: str, kb: str | None):
    command = [binary, "paste", "--ranking-features"] + (["--kb", kb] if kb else [])
    p = subprocess.run(command, input=text.encode(), capture_output=True, timeout=60)
    if p.returncode != 0:
        raise SystemExit(f"clawfix failed: {p.stderr.decode(errors='replace')[-300:]}")
    doc = json.loads(p.stdout)
    return doc.get("ranking", []), [d["id"] for d in doc["diagnoses"]]


def load_transcripts(binary: str):
    """Each golden conversation of Transcripts/ replayed through `clawfix bot --ranking-features`;
    every turn that expects something becomes a constraint: its candidates and its expectations."""
    examples = []
    for path in sorted((ROOT / "Transcripts").glob("*.md")):
        if path.name == "README.md":
            continue
        turns, current, in_message = [], None, False
        for line in path.read_text().split("\n"):
            if line.startswith("## "):
                current = {"message": [], "top": None, "diagnoses": [], "not": []}
                turns.append(current)
                in_message = False
                continue
            if current is None:
                continue
            if line.startswith("user:"):
                in_message = True
                continue
            if in_message and (line.startswith("    ") or not line.strip()):
                current["message"].append(line[4:])
                continue
            in_message = False
            for key in ("top", "diagnoses", "not"):
                if line.startswith(f"expect {key}:"):
                    values = [v.strip().strip("`\"") for v in line.split(":", 1)[1].split(",") if v.strip()]
                    if key == "top":
                        current["top"] = values[0]
                    else:
                        current[key] += values
        lines = "".join(json.dumps({"conversation": path.stem, "text": "\n".join(t["message"]).strip(), "author": "fit"}) + "\n"
                        for t in turns)
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, XDG_CACHE_HOME=home, HOME=home)
            p = subprocess.run([binary, "bot", "--ranking-features", "--sessions", os.path.join(home, "s.sqlite")],
                               input=lines.encode(), capture_output=True, timeout=120, env=env)
        outputs = [json.loads(x) for x in p.stdout.decode().strip().split("\n") if x.strip()]
        for number, (turn, out) in enumerate(zip(turns, outputs), 1):
            if turn["top"] or turn["diagnoses"] or turn["not"]:
                examples.append({"id": f"{path.name}#{number}", "candidates": out.get("ranking", []),
                                 "top": turn["top"], "in3": turn["diagnoses"], "not3": turn["not"]})
    return examples


def reported(example, w):
    """The ids the engine reports, in its order (problem leads first), as the engine filters them."""
    rows = ranked(example, w)
    conf = confidence(rows, w)
    order = list(range(len(rows)))
    by_id = {c["id"]: c for c in example["candidates"]}
    if rows and by_id[rows[0][3]]["explains"]:
        covered, leads = set(by_id[rows[0][3]]["explains"]), [0]
        for i in range(1, len(rows)):
            c = by_id[rows[i][3]]
            if c["evidence"] > 0 and c["lines"] > 0 and c["explains"] and covered.isdisjoint(c["explains"]) and conf[i] >= 0.1:
                covered |= set(c["explains"])
                leads.append(i)
        if len(leads) > 1:
            order = leads + [i for i in order if i not in leads]
    out = []
    for position, i in enumerate(order[:5]):
        c = by_id[rows[i][3]]
        supported = c["evidence"] > 0 or rows[i][1] > 0
        if conf[i] >= 0.02 or (position < 3 and supported):
            out.append(rows[i][3])
    return out


def violations(constraints, w):
    """Broken transcript expectations (as TranscriptReplayTests reads them: `expect not` forbids a
    claim, i.e. first place or 5 % and more among the first three)."""
    bad = 0
    for e in constraints:
        ids = reported(e, w)
        top3 = ids[:3]
        conf = dict(zip([r[3] for r in ranked(e, w)], confidence(ranked(e, w), w)))
        claimed = [i for n, i in enumerate(top3) if n == 0 or conf.get(i, 0) >= 0.05]
        if e["top"] and (not ids or ids[0] != e["top"]):
            bad += 1
        bad += sum(1 for i in e["in3"] if i not in top3)
        bad += sum(1 for i in e["not3"] if i in claimed)
    return bad


def score_of(c, w):
    scale = max(c["bestBM25"], w["text-floor"])
    text = c["bm25"] / scale if scale > 0 else 0.0
    s = w["text"] * text + w["evidence"] * c["evidence"] - w["against"] * c["against"] + w["path"] * c["path"]
    if c["versionUnknown"]:
        s -= w["version-unknown"]
    if c["refined"]:
        s -= w["refined"]
    if c["current"]:
        s += w["current"]
    if c["unconfirmed"]:
        s = min(s, w["unconfirmed-cap"])
    return s


# DiagnosisEngine.refinementTextMargin: how much better the words must fit an unestablished refinement.
REFINEMENT_TEXT_MARGIN = 0.2


def ranked(example, w):
    """(id, score, lines) best first; ties as the engine breaks them (text, evidence, id)."""
    rows = []
    by_id = {c["id"]: c for c in example["candidates"]}
    scores = {c["id"]: score_of(c, w) for c in example["candidates"]}
    # As the engine: a generic cause ranks below its established refinement; then a refinement with
    # no evidence of its own ranks below its generic cause unless its text fits better.
    for c in example["candidates"]:
        if c.get("refinedBy") in scores:
            scores[c["id"]] = min(scores[c["id"]], scores[c["refinedBy"]] - 0.5)
    for c in example["candidates"]:
        parent = by_id.get(c.get("refines"))
        established = parent and not c["unconfirmed"] and c["evidence"] > parent["evidence"]
        if parent and not established and c["text"] <= parent["text"] + REFINEMENT_TEXT_MARGIN:
            scores[c["id"]] = min(scores[c["id"]], scores[parent["id"]] - 0.5)
    for c in example["candidates"]:
        scale = max(c["bestBM25"], w["text-floor"])
        text = c["bm25"] / scale if scale > 0 else 0.0
        rows.append((scores[c["id"]], text, c["evidence"], c["id"], c["lines"]))
    rows.sort(key=lambda r: (-r[0], -r[1], -r[2], r[3]))
    return rows


def confidence(rows, w):
    if not rows:
        return []
    top = max(rows[0][0], w["other"])
    t = w["temperature"]
    ex = [math.exp((r[0] - top) / t) for r in rows]
    total = sum(ex) + math.exp((w["other"] - top) / t)
    out = []
    for r, e in zip(rows, ex):
        cap = w["one-line-cap"] if r[4] <= 1 else w["two-line-cap"] if r[4] == 2 else 1.0
        out.append(min(e / total, cap))
    return out


def rank_of(example, w):
    for i, r in enumerate(ranked(example, w)):
        if r[3] in example["accepted"]:
            return i + 1
    return None


def figures(examples, w):
    n = len(examples) or 1
    ranks = [rank_of(e, w) for e in examples]
    t1 = sum(r == 1 for r in ranks) / n
    t3 = sum(bool(r) and r <= 3 for r in ranks) / n
    mrr = sum(1 / r for r in ranks if r) / n
    return t1, t3, mrr


CONSTRAINTS = []


def objective(examples, w):
    t1, t3, mrr = figures(examples, w)
    # The transcripts are constraints: any violation outweighs every gain on the cases.
    return t1 + 0.3 * t3 + 0.1 * mrr - 10 * violations(CONSTRAINTS, w)


def log_likelihood(examples, w):
    total = 0.0
    for e in examples:
        rows = ranked(e, w)
        conf = confidence(rows, w)
        p = sum(c for r, c in zip(rows, conf) if r[3] in e["accepted"])
        total += math.log(max(min(p, 1 - 1e-6), 1e-6)) if p else math.log(1e-6)
    return total / (len(examples) or 1)


def top_answer_brier(examples, w):
    total = 0.0
    for e in examples:
        rows = ranked(e, w)
        conf = confidence(rows, w)
        right = bool(rows) and rows[0][3] in e["accepted"]
        total += ((conf[0] if rows else 0.0) - right) ** 2
    return total / (len(examples) or 1)


RESTARTS = 5


def coordinate_search(examples, w):
    best = objective(examples, w)
    for _ in range(4):  # until nothing moves
        moved = False
        for name, _, grid in RANKING:
            for value in grid:
                if value == w[name]:
                    continue
                trial = dict(w, **{name: value})
                o = objective(examples, trial)
                if o > best + 1e-9:
                    best, w, moved = o, trial, True
        if not moved:
            break
    return best, w


def fit(examples, start=None):
    w = dict(FIXED)
    for name, default, _ in RANKING:
        w[name] = default
    for name, default in CONFIDENCE:
        w[name] = default
    if start:
        w.update(start)
    # Coordinate search gets stuck on plateaus (top-1 moves in steps of 1/66), so it restarts from a
    # few points drawn from the grids (a fixed seed: the fit is reproducible) and keeps the best.
    rng = random.Random(11)
    starts = [w] + [dict(w, **{name: rng.choice(grid) for name, _, grid in RANKING}) for _ in range(RESTARTS)]
    best, best_w = None, w
    for point in starts:
        o, point = coordinate_search(examples, point)
        if best is None or o > best + 1e-9:
            best, best_w = o, point
    w = best_w
    # One input line never makes a cause near-certain (at most 0.85), two at most 0.95: a bound the
    # product keeps whatever 66 cases say, since a wrong 99 % costs a user more than a right 85 %.
    # Confidence: other, temperature and the caps on a grid, by the Brier score of the top answer
    # (a proper score for the event the percentage claims, "this cause is right": it is best when
    # the confidence is the chance of being right). The log-likelihood of the accepted ids' share
    # of all candidates was used before; it scores the spread over the lower candidates too, and
    # left text-only answers at 16 % when half of them were right (ECE 0.17). Weighing in the binned
    # calibration error was tried: 0.08 in-sample but 0.15 cross-validated, i.e. it fits the bins.
    def calibration_objective(weights):
        return -top_answer_brier(examples, weights)
    best_ll = calibration_objective(w)
    for _ in range(3):
        for name, grid in (("other", [-10, -8, -6, -4, -3, -2, -1, 0, 0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]),
                           ("temperature", [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 5, 6, 8]),
                           ("one-line-cap", [0.5, 0.6, 0.7, 0.75, 0.8, 0.85]),
                           ("two-line-cap", [0.7, 0.8, 0.85, 0.9, 0.92, 0.95])):
            for value in grid:
                trial = dict(w, **{name: value})
                ll = calibration_objective(trial)
                if ll > best_ll + 1e-9:
                    best_ll, w = ll, trial
    return w


def calibration(examples, w):
    """(confidence of the top answer, right?) per example."""
    out = []
    for e in examples:
        rows = ranked(e, w)
        conf = confidence(rows, w)
        if rows:
            out.append((conf[0], rows[0][3] in e["accepted"]))
        else:
            out.append((0.0, False))
    return out


def reliability(pairs):
    bins = [(0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01)]
    lines, ece, n = [], 0.0, len(pairs) or 1
    for lo, hi in bins:
        inside = [(c, r) for c, r in pairs if lo <= c < hi]
        if not inside:
            lines.append(f"| {lo:.2f}–{min(hi, 1):.2f} | 0 | – | – |")
            continue
        mean_c = sum(c for c, _ in inside) / len(inside)
        acc = sum(r for _, r in inside) / len(inside)
        ece += len(inside) / n * abs(mean_c - acc)
        lines.append(f"| {lo:.2f}–{min(hi, 1):.2f} | {len(inside)} | {mean_c:.2f} | {acc:.2f} |")
    confident = [(c, r) for c, r in pairs if c >= 0.85]
    wrong = sum(1 for _, r in confident if not r)
    return lines, ece, wrong, len(confident)


def folds(case_ids, k, seed=7):
    ids = sorted(set(case_ids))
    random.Random(seed).shuffle(ids)
    return [set(ids[i::k]) for i in range(k)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=str(ROOT / ".build/release/clawfix"))
    ap.add_argument("--cases", default=str(ROOT.parent / "shared/cases"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", action="store_true", help="rewrite KnowledgeBase/ranking.md")
    ap.add_argument("--check", action="store_true", help="compare the binary's ranking with the fit's")
    a = ap.parse_args()

    full, bare = load_cases(Path(a.cases))
    CONSTRAINTS.extend(load_transcripts(a.bin))
    inputs = [(c, "full") for c in full] + [(c, "bare") for c in bare]
    # An empty --kb keeps the built-in weights out of the features (they do not depend on them).
    with ThreadPoolExecutor(max_workers=2) as ex:
        results = list(ex.map(lambda cv: features(a.bin, cv[0]["input"], None), inputs))
    examples = []
    for (case, variant), (candidates, _) in zip(inputs, results):
        examples.append({"id": case["id"], "variant": variant, "accepted": case["accepted"], "candidates": candidates})
    full_ex = [e for e in examples if e["variant"] == "full"]
    bare_ex = [e for e in examples if e["variant"] == "bare"]

    # Cross-validation: each fold's cases scored by weights fitted on the other folds (both variants).
    cv_full, cv_bare = [], []
    cv_pairs = []
    for held in folds([e["id"] for e in examples], a.folds):
        w = fit([e for e in examples if e["id"] not in held])
        test_full = [e for e in full_ex if e["id"] in held]
        test_bare = [e for e in bare_ex if e["id"] in held]
        cv_full += [(e, w) for e in test_full]
        cv_bare += [(e, w) for e in test_bare]
        cv_pairs += calibration(test_full, w)

    def cv_figures(pairs):
        n = len(pairs) or 1
        ranks = [rank_of(e, w) for e, w in pairs]
        return (sum(r == 1 for r in ranks) / n, sum(bool(r) and r <= 3 for r in ranks) / n,
                sum(1 / r for r in ranks if r) / n)

    final = fit(examples)
    ins_full, ins_bare = figures(full_ex, final), figures(bare_ex, final)
    cvf, cvb = cv_figures(cv_full), cv_figures(cv_bare)
    rel_lines, ece, wrong, confident = reliability(calibration(full_ex, final))
    cv_rel_lines, cv_ece, cv_wrong, cv_confident = reliability(cv_pairs)
    default = fit.__defaults__  # noqa: F841 (kept for symmetry with the figures below)

    report = []
    report.append(f"Fitted on {len(full_ex)} real cases (report + paste, and paste only), {a.folds}-fold cross-validation by case.")
    report.append("")
    report.append("| input | in-sample top-1 / top-3 / MRR | cross-validated top-1 / top-3 / MRR |")
    report.append("|---|---|---|")
    report.append(f"| report + paste | {ins_full[0]:.2f} / {ins_full[1]:.2f} / {ins_full[2]:.2f} | {cvf[0]:.2f} / {cvf[1]:.2f} / {cvf[2]:.2f} |")
    report.append(f"| paste only | {ins_bare[0]:.2f} / {ins_bare[1]:.2f} / {ins_bare[2]:.2f} | {cvb[0]:.2f} / {cvb[1]:.2f} / {cvb[2]:.2f} |")
    report.append("")
    report.append("Reliability of the top answer's confidence (report + paste; in-sample, then cross-validated):")
    report.append("")
    report.append("| confidence | n | mean confidence | right |")
    report.append("|---|---|---|---|")
    report += rel_lines
    report.append("")
    report.append("| confidence (cross-validated) | n | mean confidence | right |")
    report.append("|---|---|---|---|")
    report += cv_rel_lines
    report.append("")
    report.append(f"Transcript expectations violated by the fitted weights: {violations(CONSTRAINTS, final)} "
                  f"(of {len(CONSTRAINTS)} turns with expectations).")
    report.append(f"Expected calibration error: {ece:.3f} in-sample, {cv_ece:.3f} cross-validated. "
                  f"Wrong answers at ≥ 85 %: {wrong} of {confident} in-sample, {cv_wrong} of {cv_confident} cross-validated.")
    print("\n".join(report))
    print()
    print("weights: " + ", ".join(f"{k}={final[k]:g}" for k in [n for n, _, _ in RANKING] + list(FIXED) + [n for n, _ in CONFIDENCE]))

    if a.write:
        names = ["text", "text-floor", "evidence", "against", "path", "unconfirmed-cap", "version-unknown", "refined",
                 "current", "other", "temperature", "one-line-cap", "two-line-cap"]
        path = ROOT / "KnowledgeBase/ranking.md"
        text = [
            "# Ranking weights", "",
            "How clawfix combines full-text relevance and rule evidence into one ranking and a confidence",
            "(see `Sources/ClawfixDiagnosis/DiagnosisEngine.swift`). These numbers are fitted, not chosen:",
            "`scripts/fit-ranking.py --write` fits them on the real support cases with k-fold cross-validation and",
            "rewrites this file. Edit by hand only to try something; the next fit replaces it.", "",
            "| name | value | meaning |", "|---|---|---|",
        ]
        text += [f"| {n} | {final[n]:g} | {MEANING[n]} |" for n in names]
        text += ["", "## What the fit measured", ""] + report + [
            "", "Not fitted here: the FTS5 column weights of the per-diagnosis documents "
            "(`KnowledgeIndex.diagnosisWeights`) were picked on the same cases from a grid of 64, in-sample, "
            "before these weights were fitted; they are part of what the figures above measure.", ""]
        path.write_text("\n".join(text))
        print(f"wrote {path}")

    for e in CONSTRAINTS:
        if violations([e], final):
            print(f"violated: {e['id']}: top {e['top']}, in3 {e['in3']}, not3 {e['not3']}; got {reported(e, final)}")

    if a.check:
        with tempfile.TemporaryDirectory() as kb:
            (Path(kb) / "ranking.md").write_text((ROOT / "KnowledgeBase/ranking.md").read_text())
            disagree = 0
            for e, (case, _) in zip(full_ex, [(c, v) for c, v in inputs if v == "full"]):
                _, ids = features(a.bin, case["input"], kb)
                rows = ranked(e, final)
                predicted = rows[0][3] if rows else None
                got = ids[0] if ids else None
                if predicted != got:
                    disagree += 1
                    print(f"check: case {e['id']}: fit predicts {predicted}, binary says {got}")
            print(f"check: {disagree} of {len(full_ex)} top-1 answers differ between the fit and the binary")


if __name__ == "__main__":
    main()
