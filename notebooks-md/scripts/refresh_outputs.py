#!/usr/bin/env python3
"""Re-runs the ```sh blocks of notebooks and rewrites the ```output block after each one.

Usage: notebooks-md/scripts/refresh_outputs.py [--console] [NOTEBOOK.md ...]   (default: every notebook)

With --console the ```console blocks (slow steps the test does not run) are run too and the
```text block after each is rewritten the same way.

Runs exactly as Tests/AttainCLITests/NotebookTests.swift does (bash `set -eo pipefail`, a fresh
temporary folder per notebook with a `datasets` link, the release `attain` first on PATH,
ATTAIN_DATA=datasets, ATTAIN_REPO_ROOT, COLUMNS=80). Only output blocks that already exist are
rewritten; prose quoting numbers must be checked by hand (`git diff`). A failing block stops the
notebook with its stderr and leaves the file untouched.
"""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def normalized(text):
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def refresh(path, console=False):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    bin_dir = os.environ.get("ATTAIN_BIN_DIR", os.path.join(ROOT, ".build", "release"))
    env = {
        "PATH": bin_dir + ":" + os.environ.get("PATH", "/usr/bin:/bin"),
        "ATTAIN_DATA": "datasets",
        "ATTAIN_REPO_ROOT": ROOT,
        "COLUMNS": "80",
    }
    out = []
    changed = 0
    with tempfile.TemporaryDirectory() as work:
        os.symlink(os.path.join(ROOT, "datasets"), os.path.join(work, "datasets"))
        i = 0
        while i < len(lines):
            fence = lines[i].strip()
            out.append(lines[i])
            i += 1
            runnable = ("```sh", "```bash", "```shell") + (("```console",) if console else ())
            result_fence = "```text" if fence == "```console" else "```output"
            if fence not in runnable:
                if fence.startswith("```"):
                    while i < len(lines) and lines[i].strip() != "```":
                        out.append(lines[i])
                        i += 1
                    if i < len(lines):
                        out.append(lines[i])
                        i += 1
                continue
            script = []
            while i < len(lines) and lines[i].strip() != "```":
                script.append(lines[i])
                out.append(lines[i])
                i += 1
            out.append(lines[i])
            i += 1
            run = subprocess.run(["/bin/bash", "-c", "set -eo pipefail\n" + "\n".join(script)],
                                 cwd=work, env=env, capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"{path}: block ending at line {i} exited {run.returncode}:\n{run.stderr}")
            k = i
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k < len(lines) and lines[k].strip() == result_fence:
                out.extend(lines[i:k + 1])
                end = k + 1
                while end < len(lines) and lines[end].strip() != "```":
                    end += 1
                new = normalized(run.stdout)
                if new != normalized("\n".join(lines[k + 1:end])):
                    changed += 1
                out.extend(new)
                out.append(lines[end])
                i = end + 1
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    print(f"{os.path.relpath(path, ROOT)}: {changed} output block(s) changed")


if __name__ == "__main__":
    args = sys.argv[1:]
    console = "--console" in args
    args = [a for a in args if a != "--console"]
    paths = args or sorted(
        os.path.join(ROOT, "notebooks-md", n) for n in os.listdir(os.path.join(ROOT, "notebooks-md"))
        if n.endswith(".md"))
    for p in paths:
        refresh(p, console)
