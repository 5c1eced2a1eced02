#!/usr/bin/env python3
"""Count inputs from which clawfix reads nothing that went wrong: no `symptom` and no `unrecognized`
fact. "Nothing silent" (issue 12) means this count is 0.

    python3 ../shared/cases/score.py --dump-inputs /tmp/inputs      # build the inputs once
    python3 scripts/silent-inputs.py [--bin .build/debug/clawfix] /tmp/inputs

Prints one line per silent input (its file name only: inputs are measurement, never copied) and the
total. Exit 1 when any input is silent. Python 3.9+, standard library only.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=".build/debug/clawfix")
    parser.add_argument("inputs", help="folder of *.txt inputs")
    args = parser.parse_args()
    files = sorted(Path(args.inputs).glob("*.txt"))
    silent = []
    for path in files:
        run = subprocess.run([args.bin, "paste", "--format", "json"], input=path.read_bytes(), capture_output=True, timeout=60)
        facts = json.loads(run.stdout.decode("utf-8", "replace")).get("facts", [])
        names = {fact["name"] for fact in facts}
        if not names & {"symptom", "unrecognized"}:
            silent.append(path.name)
            print(f"silent: {path.name}")
    print(f"{len(silent)} of {len(files)} inputs give no symptom and no unrecognized fact")
    return 1 if silent else 0


if __name__ == "__main__":
    sys.exit(main())
