#!/usr/bin/env python3
"""check_examples.py ESTAB ROOT: runs the real binary on every example file for every command
that writes JSON, and checks each document against its schema in ROOT/docs/schemas/.

The examples are ROOT/examples/*.yaml and ROOT/examples/scenarios/*.yaml. For each one: review,
establishment, gaps, uplift, sensitivity, validate, explain without a line (the lines that can
be explained) and explain of the first of those lines; then compare of examples/trust.yaml with
each scenario, and one validate of every example together with the files of tests/bad/.

A self-test then shows that every schema can fail: starting from a real document of each kind,
it removes each field, gives each value the wrong type and adds an unknown field to each object
(at every place of the document's shape, list items taken alike, null and non-null variants
apart), and breaks a few values that only a schema's constants, enumerations, ranges and
conditions catch. Each broken document must be rejected, with a problem naming the JSON path of
what was broken.
Exit 0 when every document is valid and every broken one rejected; each failure is listed.
"""
import copy
import glob
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import schema_check  # noqa: E402  (found through the path above)

# The schema each command's JSON document follows.
COMMAND_SCHEMAS = {
    "review": "estab-review/2",
    "establishment": "estab-review/2",
    "gaps": "estab-review/2",
    "uplift": "estab-uplift/1",
    "sensitivity": "estab-sensitivity/1",
    "validate": "estab-validate/1",
    "sources": "estab-sources/1",
}
UNKNOWN_FIELD = "unlisted_field"


class Checker:
    def __init__(self, estab, root):
        self.estab = estab
        self.root = root
        self.schema_dir = os.path.join(root, "docs", "schemas")
        self.validators = {}
        self.documents = {}  # schema name -> [(label, document)], in the order run
        self.failures = []

    def validator(self, name):
        if name not in self.validators:
            self.validators[name] = schema_check.load_validator(name, self.schema_dir)
        return self.validators[name]

    def run(self, arguments, schema, expected_exit=0):
        """Runs estab with `arguments` and checks its standard output against `schema`."""
        label = "estab " + " ".join(arguments[:8])
        if len(arguments) > 8:
            label += f" … ({len(arguments) - 8} more arguments)"
        result = subprocess.run([self.estab] + arguments, cwd=self.root, capture_output=True,
                                timeout=120)
        if result.returncode != expected_exit:
            self.failures.append(f"{label}: exit code {result.returncode}, expected "
                                 f"{expected_exit}\n{result.stderr.decode(errors='replace')}")
            return None
        try:
            document = json.loads(result.stdout)
        except ValueError as error:
            self.failures.append(f"{label}: the output is not JSON: {error}")
            return None
        found = schema_check.problems(self.validator(schema), document)
        if found:
            self.failures.append(f"{label}: does not match {schema}:\n  " + "\n  ".join(found))
        else:
            self.documents.setdefault(schema, []).append((label, document))
        return document

    def check_examples(self):
        examples = sorted(glob.glob(os.path.join(self.root, "examples", "*.yaml")))
        scenarios = sorted(glob.glob(os.path.join(self.root, "examples", "scenarios", "*.yaml")))
        if not examples or not scenarios:
            self.failures.append(f"no examples found under {self.root}/examples")
        named = [os.path.relpath(path, self.root) for path in examples + scenarios]
        for example in named:
            for command, schema in COMMAND_SCHEMAS.items():
                self.run([command, example, "--format", "json"], schema)
            listed = self.run(["explain", example, "--format", "json"], "estab-explain-lines/1")
            if listed and listed.get("lines"):
                line = listed["lines"][0]
                self.run(["explain", example, "--team", line["team"], "--profession",
                          line["profession"], "--format", "json"], "estab-explain/1")
            elif listed is not None:
                self.failures.append(f"estab explain {example}: lists no line to explain")
        base = os.path.join("examples", "trust.yaml")
        for scenario in named[len(examples):]:
            self.run(["compare", base, scenario, "--format", "json"], "estab-compare/2")
        bad = sorted(os.path.relpath(path, self.root)
                     for path in glob.glob(os.path.join(self.root, "tests", "bad", "*.yaml")))
        self.run(["validate", "--format", "json"] + named + bad, "estab-validate/1",
                 expected_exit=1 if bad else 0)

    # --- self-test: every schema rejects broken documents --------------------------------

    def self_test(self, schema, label, document):
        """Breaks `document` in every way listed in the module docstring; each broken document
        must be rejected with a problem at the path broken. Returns the number broken."""
        validator = self.validator(schema)
        breaks = []  # (path changed, how, path the problem must name, what was done)
        for parts, value in places(document):
            replacement = wrong_type(value)
            breaks.append((parts, ("set", replacement), parts,
                           f"a {json_type(replacement)} for a {json_type(value)}"))
            # A field named by a pattern (actual_<component>, one per component with an
            # actual) is present only where it applies: removing it leaves a valid document.
            if parts and isinstance(parts[-1], str) and not parts[-1].startswith("actual_"):
                breaks.append((parts, ("remove",), parts, "the field removed"))
            if isinstance(value, dict):
                breaks.append((parts, ("add",), parts + [UNKNOWN_FIELD], "an unknown field"))
        try:
            targeted = targeted_breaks(schema, document)
        except LookupError as error:
            self.failures.append(f"{schema}: {label} cannot be broken as planned: {error}")
            targeted = []
        for parts, bad_value, reported in targeted:
            breaks.append((parts, ("set", bad_value), reported,
                           f"the value {json.dumps(bad_value)}"))
        focused = {}
        for parts, how, reported, what in breaks:
            # Only the records on the way to the break are kept (where the document stays
            # valid without the others), so that each check is quick.
            key = tuple(deepest_item(parts))
            if key not in focused:
                focused[key] = focus(document, list(key), validator.is_valid)
            base, kept = focused[key]
            at, where = remap(parts, kept), schema_check.json_path(remap(reported, kept))
            broken = copy.deepcopy(base)
            if how[0] == "set" and not at:
                broken = how[1]
            elif how[0] == "set":
                value_at(broken, at[:-1])[at[-1]] = how[1]
            elif how[0] == "remove":
                del value_at(broken, at[:-1])[at[-1]]
            else:
                value_at(broken, at)[UNKNOWN_FIELD] = 0
            found = schema_check.problems(validator, broken)
            shown = f"{label}, {what} at {schema_check.json_path(at)}"
            if len(kept):
                shown += " (in the document cut down to the records on the way there)"
            if not found:
                self.failures.append(f"{schema} accepts {shown}")
            elif not any(problem.startswith((where + ":", where + ".", where + "["))
                         for problem in found):
                self.failures.append(f"{schema} rejects {shown}, but names another place than "
                                     f"{where}:\n  " + "\n  ".join(found[:5]))
        return len(breaks)

    def check_rejections(self):
        """Self-tests every schema in docs/schemas/ on a document checked against it; returns
        the number of broken documents."""
        broken = 0
        for path in sorted(glob.glob(os.path.join(self.schema_dir, "*.schema.json"))):
            with open(path, encoding="utf-8") as handle:
                name = json.load(handle).get("properties", {}).get("schema", {}).get("const")
            shown = os.path.relpath(path, self.root)
            if not isinstance(name, str) or schema_check.schema_path(name, self.schema_dir) != path:
                self.failures.append(f"{shown}: its `schema` constant {name!r} does not match "
                                     "its file name")
            elif not self.documents.get(name):
                self.failures.append(f"{shown}: no example document was checked against it")
            else:
                validator = self.validator(name)
                label, document = specimen(self.documents[name], validator.is_valid)
                broken += self.self_test(name, label, document)
        return broken


def shapes(value, parts=()):
    """The places of `value`'s shape: each path (list items taken alike) with its JSON type."""
    found = {(parts, json_type(value))}
    if isinstance(value, dict):
        for key, item in value.items():
            found |= shapes(item, parts + (key,))
    elif isinstance(value, list):
        for item in value:
            found |= shapes(item, parts + ("*",))
    return found


def places(document):
    """(path, value) for the document and the values in it: the first value at each place of
    its shape, so that every kind of record and every null or non-null variant of a field is
    visited once."""
    seen = set()
    found = []

    def visit(parts, value):
        shape = (tuple("*" if isinstance(part, int) else part for part in parts), json_type(value))
        if shape not in seen:
            seen.add(shape)
            found.append((parts, value))
        if isinstance(value, dict):
            for key, item in value.items():
                visit(parts + [key], item)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                visit(parts + [index], item)

    visit([], document)
    return found


def specimen(documents, is_valid):
    """The (label, document) to break for a schema: the one with the most places to break (then
    the smallest), cut down to the list items that add a place of its shape, wherever the cut
    document is still valid (a list may have to hold certain items). Breaking a whole review
    field by field would take minutes."""
    label, document = min(documents, key=lambda item: (-len(shapes(item[1])),
                                                       len(json.dumps(item[1]))))
    document = copy.deepcopy(document)

    def cut(value):
        if isinstance(value, dict):
            for item in value.values():
                cut(item)
        elif isinstance(value, list):
            whole = list(value)
            kept, covered = [], set()
            for item in whole:
                new = shapes(item) - covered
                if new:
                    kept.append(item)
                    covered |= new
            if len(kept) < len(whole):
                value[:] = kept
                if not is_valid(document):
                    value[:] = whole
            for item in value:
                cut(item)

    cut(document)
    return label, document


def focus(document, parts, is_valid):
    """A copy of `document` with each list on the way along `parts` cut down to the item on
    the way, and every other list emptied, wherever the copy stays valid; and the lists cut,
    {path: index of the item kept}, for remap."""
    document = copy.deepcopy(document)
    kept = {}

    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + [key])
            return
        if not isinstance(value, list) or not value:
            return
        whole = list(value)
        on_the_way = len(path) < len(parts) and parts[:len(path)] == path
        value[:] = [whole[parts[len(path)]]] if on_the_way else []
        if is_valid(document):
            if on_the_way:
                kept[tuple(path)] = parts[len(path)]
                walk(value[0], path + [parts[len(path)]])
            return
        value[:] = whole
        for index, item in enumerate(value):
            walk(item, path + [index])

    walk(document, [])
    return document, kept


def deepest_item(parts):
    """The path to the last list item on the way along `parts` ([] when there is none)."""
    indexes = [index for index, part in enumerate(parts) if isinstance(part, int)]
    return parts[:indexes[-1] + 1] if indexes else []


def remap(parts, kept):
    """`parts` in a document cut down by focus: the index of each list cut becomes 0."""
    return [0 if isinstance(part, int) and tuple(parts[:index]) in kept else part
            for index, part in enumerate(parts)]


def value_at(document, parts):
    for part in parts:
        document = document[part]
    return document


def json_type(value):
    """The JSON name of `value`'s type."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {str: "string", type(None): "null", list: "array", dict: "object"}[type(value)]


def wrong_type(value):
    """A value of another JSON type than `value`, which no schema field accepts in its place."""
    if isinstance(value, bool):
        return "true"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return 0
    if value is None or isinstance(value, list):
        return {}
    return []


def targeted_breaks(schema, document):
    """(path, value, reported) for values that only a schema's constants, enumerations, ranges
    and conditions reject; `reported` is the path the problem must be reported at: the path
    itself, or the list when no item of a list matches what the list must contain."""
    breaks = []

    def expect(parts, value, reported=None):
        breaks.append((parts, value, parts if reported is None else reported))

    def index_of(key, test):
        for index, item in enumerate(document[key]):
            if test(item):
                return index
        raise LookupError(f"no item of {key} fits")

    expect(["schema"], document["schema"] + "0")
    if schema == "estab-review/2":
        expect(["lines", 0, "gap_rag"], "none")
        expect(["teams", 0, "skill_mix_rag"], "purple")
        expect(["review", "uplift_method"], "multiplicative")
        expect(["lines", 0, "absence", 0, "component"], "bank_holidays")
        expect(["lines", 0, "absence", 0, "source"], "ward")
    elif schema == "estab-uplift/1":
        expect(["assumption_sets", 0, "id"], 0)
        expect(["assumption_sets", 0, "components", 1, "component"], "sickness")
        expect(["assumption_sets", 0, "lines"], [])
    elif schema == "estab-sensitivity/1":
        demand = index_of("components", lambda item: item["component"] == "demand")
        expect(["components", demand, "component"], "demand_hours", ["components"])
        expect(["change"], 1.5)
        expect(["components", 0, "swing_wte"], -1.0)
    elif schema == "estab-compare/2":
        expect(["lines", 0, "status"], "moved")
        expect(["organisation", "status"], "added")
        in_both = index_of("lines", lambda record: record["status"] in ("same", "changed"))
        expect(["lines", in_both, "required_wte", "delta"], None)
        for key in ("lines", "teams", "services"):
            for index, record in enumerate(document[key]):
                if record["status"] == "added":
                    expect([key, index, "required_wte", "base"], 0.0)
                    expect([key, index, "required_wte", "delta"], 0.0)
                if record["status"] == "removed":
                    expect([key, index, "required_wte", "scenario"], 0.0)
    elif schema == "estab-validate/1":
        expect(["files", index_of("files", lambda entry: entry["valid"]), "teams"], None)
        expect(["files", index_of("files", lambda entry: not entry["valid"]), "lines"], 1)
    elif schema == "estab-explain/1":
        rated = index_of("steps", lambda step: step["unit"] == "rating")
        expect(["steps", rated, "value"], 0.5)
        expect(["steps", 0, "section"], "elsewhere")
        expect(["steps", 0, "unit"], "furlongs")
        expect(["inputs", index_of("inputs", lambda item: item["source"] == "default"), "line"], 3)
        expect(["result", "gap_rag"], "none")
    elif schema == "estab-explain-lines/1":
        expect(["lines", 0, "required_wte"], None)
    return breaks


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    checker = Checker(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]))
    try:
        checker.check_examples()
        broken = checker.check_rejections()
    except schema_check.SchemaError as error:
        sys.exit(f"FAIL: {error}")
    for failure in checker.failures:
        print(f"FAIL {failure}")
    valid = sum(len(documents) for documents in checker.documents.values())
    kinds = ", ".join(f"{len(documents)} {name}"
                      for name, documents in sorted(checker.documents.items()))
    print(f"{valid} documents match their schemas ({kinds}); "
          f"{broken} broken documents checked for rejection")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
