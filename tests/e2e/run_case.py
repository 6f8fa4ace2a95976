#!/usr/bin/env python3
"""Runs the estab binary for one end-to-end case and compares stdout, stderr, the exit code and
any output file with the expected files.

A case file (tests/e2e/cases/NAME.case) holds `key: value` lines:
  args:     the arguments, shell-quoted; {tmp} stands for a fresh empty directory
  exit:     the expected exit code
  contract: the schema the JSON output (stdout, or `file`) must match, checked with jsonschema:
            a schema name such as estab-review/2, or review, uplift, compare, sensitivity,
            explain, explain-lines or validate for that command's document (see
            tests/schemas/schema_check.py; the schemas are docs/schemas/*.schema.json)
  prefill:  PATH=TEXT: create PATH with TEXT before the run (PATH may use {tmp})
  file:     PATH: compare this file's content after the run with expected/NAME.file
  env:      NAME=VALUE: set an environment variable for the run
  same_json_as: other arguments, shell-quoted: their JSON output (stdout), parsed, must equal
            this run's JSON output, parsed (the same keys in the same order, the same values)
The command runs from the repository root. Expected output lives in tests/e2e/expected/.
With --update, the expected files are rewritten from the actual output instead.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "schemas"))
import schema_check  # noqa: E402  (found through the path above)


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


def check_contract(contract, content, schemas, failures):
    """Checks the JSON text `content` against the schema named by the case's `contract:`."""
    name = schema_check.schema_name(contract)
    try:
        validator = schema_check.load_validator(name, schemas)
    except schema_check.SchemaError as error:
        failures.append(f"contract {contract}: {error}")
        return
    try:
        document = json.loads(content)
    except ValueError as error:
        failures.append(f"contract {name}: the output is not JSON: {error}")
        return
    found = schema_check.problems(validator, document)
    if found:
        shown = found[:20]
        if len(found) > len(shown):
            shown.append(f"… and {len(found) - len(shown)} more")
        failures.append(f"the output does not match schema {name}:\n" + "\n".join(shown))


def check_same_json(estab, expand, other_args, content, environment, failures):
    """Checks that the JSON text `content` parses to what `estab OTHER_ARGS` writes, parsed."""
    arguments = [expand(word) for word in shlex.split(other_args)]
    other = subprocess.run([estab] + arguments, cwd=ROOT, env=environment, capture_output=True,
                           timeout=60)
    if other.returncode != 0:
        failures.append(f"same_json_as: estab {other_args} exited with {other.returncode}")
        return
    try:
        this_document = json.loads(content, object_pairs_hook=list)
        other_document = json.loads(other.stdout, object_pairs_hook=list)
    except ValueError as error:
        failures.append(f"same_json_as: the output is not JSON: {error}")
        return
    if this_document != other_document:
        failures.append(f"same_json_as: the JSON differs from that of estab {other_args}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--estab", required=True)
    parser.add_argument("--case", required=True)
    parser.add_argument("--schemas", default=schema_check.SCHEMA_DIR,
                        help="the directory of the JSON Schemas (default: docs/schemas)")
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
        json_output = result.stdout
        if "file" in case:
            path = expand(case["file"])
            content = b"(missing)"
            if os.path.exists(path):
                with open(path, "rb") as handle:
                    content = handle.read()
            compare(name, "file", content, options.update, failures)
            json_output = content
            leftovers = [entry for entry in os.listdir(scratch)
                         if os.path.join(scratch, entry) != path]
            if leftovers:
                failures.append(f"files left behind: {leftovers}")
        if "contract" in case and not options.update:
            check_contract(case["contract"], json_output, options.schemas, failures)
        if "same_json_as" in case and not options.update:
            check_same_json(options.estab, expand, case["same_json_as"], json_output,
                            environment, failures)
    if failures:
        print(f"FAIL {name}: estab {case.get('args', '')}")
        for failure in failures:
            print(failure)
        return 1
    print(f"ok {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
