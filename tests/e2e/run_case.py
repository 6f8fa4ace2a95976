#!/usr/bin/env python3
"""Runs the estab binary for one end-to-end case and compares stdout, stderr, the exit code and
any output file with the expected files.

A case file (tests/e2e/cases/NAME.case) holds `key: value` lines:
  args:     the arguments, shell-quoted; {tmp} stands for a fresh empty directory
  exit:     the expected exit code
  contract: review|compare|sensitivity: run check-contract on the JSON (stdout, or `file`)
  prefill:  PATH=TEXT: create PATH with TEXT before the run (PATH may use {tmp})
  file:     PATH: compare this file's content after the run with expected/NAME.file
  env:      NAME=VALUE: set an environment variable for the run
The command runs from the repository root. Expected output lives in tests/e2e/expected/.
With --update, the expected files are rewritten from the actual output instead.
"""
import argparse
import os
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def read_case(path):
    case = {"env": []}
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            key, _, value = line.partition(":")
            key, value = key.strip(), value.strip()
            if key == "env":
                case["env"].append(value)
            else:
                case[key] = value
    return case


def compare(name, kind, actual, update, failures):
    expected_path = os.path.join(ROOT, "tests", "e2e", "expected", f"{name}.{kind}")
    if update:
        if actual or kind != "stderr" or os.path.exists(expected_path):
            with open(expected_path, "wb") as handle:
                handle.write(actual)
        return
    expected = b""
    if os.path.exists(expected_path):
        with open(expected_path, "rb") as handle:
            expected = handle.read()
    if actual != expected:
        failures.append(f"{kind} differs from {os.path.relpath(expected_path, ROOT)}:\n"
                        f"--- expected\n{expected.decode(errors='replace')}\n"
                        f"--- actual\n{actual.decode(errors='replace')}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--estab", required=True)
    parser.add_argument("--case", required=True)
    parser.add_argument("--check-contract")
    parser.add_argument("--update", action="store_true")
    options = parser.parse_args()

    name = os.path.splitext(os.path.basename(options.case))[0]
    case = read_case(options.case)
    failures = []
    with tempfile.TemporaryDirectory(prefix="estab-e2e-") as scratch:
        def expand(text):
            return text.replace("{tmp}", scratch)

        if "prefill" in case:
            target, _, text = case["prefill"].partition("=")
            with open(expand(target), "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
        environment = dict(os.environ)
        environment.pop("NO_COLOR", None)
        for assignment in case["env"]:
            key, _, value = assignment.partition("=")
            environment[key] = value
        arguments = [expand(word) for word in shlex.split(case.get("args", ""))]
        result = subprocess.run([options.estab] + arguments, cwd=ROOT, env=environment,
                                capture_output=True, timeout=60)
        compare(name, "stdout", result.stdout.replace(scratch.encode(), b"{tmp}"),
                options.update, failures)
        compare(name, "stderr", result.stderr.replace(scratch.encode(), b"{tmp}"),
                options.update, failures)
        expected_exit = int(case.get("exit", "0"))
        if result.returncode != expected_exit:
            failures.append(f"exit code {result.returncode}, expected {expected_exit}")
        json_path = None
        if "file" in case:
            path = expand(case["file"])
            content = b"(missing)"
            if os.path.exists(path):
                with open(path, "rb") as handle:
                    content = handle.read()
            compare(name, "file", content, options.update, failures)
            json_path = path
            leftovers = [entry for entry in os.listdir(scratch)
                         if os.path.join(scratch, entry) != path]
            if leftovers:
                failures.append(f"files left behind: {leftovers}")
        if "contract" in case and not options.update:
            if json_path is None:
                json_path = os.path.join(scratch, "stdout.json")
                with open(json_path, "wb") as handle:
                    handle.write(result.stdout)
            checker = options.check_contract
            if not checker or not os.path.exists(checker):
                failures.append(f"check-contract not found at {checker}")
            else:
                check = subprocess.run([sys.executable, checker, case["contract"], json_path],
                                       capture_output=True, text=True)
                if check.returncode != 0:
                    failures.append("check-contract failed:\n" + check.stdout + check.stderr)
    if failures:
        print(f"FAIL {name}: estab {case.get('args', '')}")
        for failure in failures:
            print(failure)
        return 1
    print(f"ok {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
