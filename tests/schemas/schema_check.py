"""Checks estab's JSON documents against the JSON Schemas in docs/schemas/, with the jsonschema
package (Debian: python3-jsonschema, installed by scripts/install-deps.sh).

Each document names its schema in its `schema` field, e.g. "estab-review/2"; the schema for it
is docs/schemas/estab-review-2.schema.json. Every problem is reported as `JSON_PATH: message`,
the path pointing at the offending value ($.lines[3].required_wte), or at the object a field is
missing from or unknown in ($.lines[3].required_wte: missing field).
"""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA_DIR = os.path.join(ROOT, "docs", "schemas")

# The short names an end-to-end case may give for a document instead of its schema name.
KINDS = {
    "review": "estab-review/2",
    "uplift": "estab-uplift/1",
    "compare": "estab-compare/2",
    "sensitivity": "estab-sensitivity/1",
    "explain": "estab-explain/1",
    "explain-lines": "estab-explain-lines/1",
    "validate": "estab-validate/1",
}

# The longest message kept for one problem; a value quoted in full could run to pages.
MESSAGE_LIMIT = 240


class SchemaError(Exception):
    """A schema cannot be found, read or used, or the jsonschema package is missing."""


def schema_name(kind_or_name):
    """The schema name for a short kind ("review") or a schema name ("estab-review/2")."""
    return KINDS.get(kind_or_name, kind_or_name)


def schema_path(name, directory=SCHEMA_DIR):
    """The file of schema `name`: estab-review/2 is estab-review-2.schema.json."""
    return os.path.join(directory, name.replace("/", "-") + ".schema.json")


def load_validator(name, directory=SCHEMA_DIR):
    """A validator for schema `name`, after checking that the schema itself is well formed."""
    try:
        import jsonschema
    except ImportError as error:
        raise SchemaError("the Python package jsonschema is missing; install python3-jsonschema "
                          "(scripts/install-deps.sh does)") from error
    path = schema_path(name, directory)
    if not os.path.exists(path):
        raise SchemaError(f"no schema '{name}': {os.path.relpath(path, ROOT)} does not exist")
    try:
        with open(path, encoding="utf-8") as handle:
            schema = json.load(handle)
    except ValueError as error:
        raise SchemaError(f"{path} is not JSON: {error}") from error
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        raise SchemaError(f"{path} is not a valid JSON Schema: {error.message}") from error
    constant = schema.get("properties", {}).get("schema", {}).get("const")
    if constant != name:
        raise SchemaError(f"{path} describes {constant!r}, not {name!r}")
    return jsonschema.Draft202012Validator(schema)


def json_path(parts):
    """$ followed by .key and [index] for each step of `parts`."""
    text = "$"
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def shortened(message):
    return message if len(message) <= MESSAGE_LIMIT else message[:MESSAGE_LIMIT - 1] + "…"


def describe(error):
    """One `JSON_PATH: message` line for each offending value of a jsonschema error."""
    where = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        return [f"{json_path(where + [key])}: missing field"
                for key in error.validator_value if key not in error.instance]
    if error.validator == "additionalProperties" and error.validator_value is False:
        known = error.schema.get("properties", {})
        return [f"{json_path(where + [key])}: unknown field"
                for key in error.instance if key not in known]
    if error.validator == "contains":
        return [f"{json_path(where)}: no item matches {json.dumps(error.validator_value)}"]
    return [f"{json_path(where)}: {shortened(error.message)}"]


def problems(validator, document):
    """Every problem of `document` against `validator`'s schema, sorted by path; [] if none."""
    found = []
    for error in validator.iter_errors(document):
        found.extend(describe(error))
    return sorted(set(found))
