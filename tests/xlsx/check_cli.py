#!/usr/bin/env python3
"""End-to-end: `--format xlsx` through the real binary, checked against `--format json`.

Usage: check_cli.py ESTAB SOURCE_DIR

  review       examples/trust.yaml with its first team renamed "=1+1", written with --output:
               the sheets, every cell of Lines, Teams, Services, Professions and Organisation
               against the JSON review (numbers to 1e-12 relative, nulls empty), the number
               formats, bold frozen headers, autofilters, and not one formula anywhere
  pipe         the same workbook written to a pipe (not a terminal) is a readable workbook
  compare      tests/scenarios/base.yaml → scenario.yaml: every record of every level against
               the JSON comparison
  sensitivity  every row against the JSON sensitivity
  uplift, establishment, gaps
               a workbook each: the sheets of their tables, laid out as every sheet is

Workbooks are read with check_xlsx.py beside this script (standard library only). Each problem
is printed; the exit status is 1 when there is any.
"""

import json
import os
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_xlsx  # noqa: E402

TOLERANCE = 1e-12
REVIEW_SHEETS = ["About", "Lines", "Teams", "Services", "Professions", "Organisation",
                 "Establishment", "Gaps", "Skill mix", "Assumption sets", "Actuals",
                 "Warnings"]
FORMATS = {"required_wte": "0.00", "vacancy_rate": "0.0%", "required_cost": "£#,##0",
           "demand_hours_per_week": "0.0", "absence_sickness": "0.0%", "wisn_ratio": "0.00"}

problems = []


def problem(text):
    problems.append(text)


def run(estab, arguments, cwd, expect=0):
    """Runs the binary; a wrong exit status is a problem. Returns the completed process."""
    process = subprocess.run([estab] + arguments, cwd=cwd, capture_output=True)
    if process.returncode != expect:
        problem(f"estab {' '.join(arguments)}: exit {process.returncode}, expected {expect}: "
                f"{process.stderr.decode(errors='replace').strip()}")
    return process


def run_json(estab, arguments, cwd):
    return json.loads(run(estab, arguments + ["--format", "json"], cwd).stdout)


def same_value(cell, value):
    """Whether a read-back cell shows a contract value."""
    if value is None:
        return cell is None
    if cell is None:
        return False
    if isinstance(value, bool):
        return cell["type"] == "boolean" and cell["value"] == value
    if isinstance(value, (int, float)):
        return cell["type"] == "number" and abs(cell["value"] - value) <= TOLERANCE * abs(value)
    return cell["type"] == "string" and cell["value"] == value


# Above the records: a row of labels for a reader, then the row of field names.
HEADER_ROWS = 2
FIELD_ROW = 1


def check_records(label, sheet, records, value_of):
    """Compares each record with its row; returns how many numbers were compared."""
    rows = sheet["rows"]
    headers = [cell["value"] for cell in rows[FIELD_ROW]]
    if len(rows) != len(records) + HEADER_ROWS:
        problem(f"{label}: {len(rows) - HEADER_ROWS} rows for {len(records)} records")
        return 0
    numbers = 0
    for index, record in enumerate(records):
        row = rows[index + HEADER_ROWS]
        for column, header in enumerate(headers):
            value = value_of(record, header)
            cell = row[column] if column < len(row) else None
            if not same_value(cell, value):
                problem(f"{label} record {index} {header}: {cell} for {value!r}")
            if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool)):
                numbers += 1
    return numbers


def check_layout(label, sheet):
    """Bold labels over the field names, both frozen, an autofilter on the field names, no
    formula."""
    rows = sheet["rows"]
    if len(rows) < HEADER_ROWS or not all(
            cell and cell["bold"] and cell["type"] == "string" for cell in rows[0]):
        problem(f"{label}: the label row is not bold text")
    elif not all(cell and not cell["bold"] and cell["type"] == "string"
                 for cell in rows[FIELD_ROW]):
        problem(f"{label}: the field-name row is not plain text")
    pane = sheet["pane"] or {}
    if (pane.get("ySplit"), pane.get("xSplit"), pane.get("state")) != (2.0, 0.0, "frozen"):
        problem(f"{label}: the header rows are not frozen: {pane}")
    if not sheet["autofilter"] or not sheet["autofilter"].startswith("A2"):
        problem(f"{label}: no autofilter from A2: {sheet['autofilter']}")
    for row in rows:
        for cell in row:
            if cell and (cell["formula"] or cell["type"] == "formula_string"):
                problem(f"{label} {cell['ref']}: a formula")


def sheets_by_name(workbook):
    return {sheet["name"]: sheet for sheet in workbook["sheets"]}


def line_value(line, header):
    """A line's field as the Lines sheet shows it: absence components flattened."""
    if header.startswith("absence_") and header not in ("absence_total", "absence_variance"):
        for component in line["absence"]:
            if "absence_" + component["component"] == header:
                return component["fraction"]
        return 0.0
    return field(line, header)


def field(record, header):
    """A record's field; actual_<component> is present only where the record has that actual,
    and its cell is blank elsewhere."""
    if header.startswith("actual_") and header not in record:
        return None
    return record[header]


def check_review(estab, source, scratch):
    with open(os.path.join(source, "examples/trust.yaml"), encoding="utf-8") as handle:
        text = handle.read()
    renamed = text.replace("  - id: cldt-north\n", '  - id: "=1+1"\n', 1)
    if renamed == text:
        problem("review: examples/trust.yaml no longer has the team cldt-north to rename")
    input_file = os.path.join(scratch, "formula.yaml")
    with open(input_file, "w", encoding="utf-8") as handle:
        handle.write(renamed)
    output = os.path.join(scratch, "review.xlsx")
    written = run(estab, ["review", input_file, "--format", "xlsx", "--output", output], source)
    if written.stdout:
        problem("review: --output wrote to standard output too")
    document = run_json(estab, ["review", input_file], source)
    workbook = check_xlsx.read_workbook(output)
    sheets = sheets_by_name(workbook)
    if [sheet["name"] for sheet in workbook["sheets"]] != REVIEW_SHEETS:
        problem(f"review: sheets {list(sheets)}")
        return
    for name in REVIEW_SHEETS:
        check_layout(f"review {name}", sheets[name])
    numbers = check_records("review Lines", sheets["Lines"], document["lines"], line_value)
    by_key = field
    for name, key in [("Teams", "teams"), ("Services", "services"),
                      ("Professions", "professions")]:
        numbers += check_records(f"review {name}", sheets[name], document[key], by_key)
    numbers += check_records("review Organisation", sheets["Organisation"],
                             [document["organisation"]], by_key)
    if numbers < 800:
        problem(f"review: only {numbers} numbers compared")
    lines = sheets["Lines"]["rows"]
    headers = [cell["value"] for cell in lines[FIELD_ROW]]
    for header, wanted in FORMATS.items():
        formats = {row[headers.index(header)]["format"] for row in lines[HEADER_ROWS:]
                   if row[headers.index(header)] and row[headers.index(header)]["type"] == "number"}
        if formats != {wanted}:
            problem(f"review Lines {header}: formats {formats}, expected {wanted}")
    first = lines[HEADER_ROWS][0]
    if (first["type"], first["value"], first["formula"]) != ("string", "=1+1", False):
        problem(f"review: the team =1+1 is stored as {first}")
    with zipfile.ZipFile(output) as package:
        for name in package.namelist():
            if name.startswith("xl/worksheets/") and b"<f" in package.read(name).replace(
                    b"<filter", b""):
                problem(f"review: {name} holds a formula element")

    piped = run(estab, ["review", input_file, "--format", "xlsx"], source).stdout
    piped_path = os.path.join(scratch, "piped.xlsx")
    with open(piped_path, "wb") as handle:
        handle.write(piped)
    try:
        if [sheet["name"] for sheet in check_xlsx.read_workbook(piped_path)["sheets"]] != \
                REVIEW_SHEETS:
            problem("pipe: the workbook written to a pipe has other sheets")
    except check_xlsx.BadWorkbook as error:
        problem(f"pipe: not a workbook: {error}")


def change_value(record, header):
    """A compared record's column: identity and status, or FIELD_base/_scenario/_delta."""
    for side in ("base", "scenario", "delta"):
        if header.endswith("_" + side) and header[: -len(side) - 1] in record:
            return record[header[: -len(side) - 1]][side]
    return record[header]


def check_compare(estab, source, scratch):
    arguments = ["compare", "tests/scenarios/base.yaml", "tests/scenarios/scenario.yaml"]
    output = os.path.join(scratch, "compare.xlsx")
    run(estab, arguments + ["--format", "xlsx", "--output", output], source)
    document = run_json(estab, arguments, source)
    sheets = sheets_by_name(check_xlsx.read_workbook(output))
    if list(sheets) != ["Lines", "Teams", "Services", "Organisation"]:
        problem(f"compare: sheets {list(sheets)}")
        return
    numbers = 0
    for name, key in [("Lines", "lines"), ("Teams", "teams"), ("Services", "services"),
                      ("Organisation", "organisation")]:
        records = document[key] if isinstance(document[key], list) else [document[key]]
        check_layout(f"compare {name}", sheets[name])
        numbers += check_records(f"compare {name}", sheets[name], records, change_value)
    if numbers < 400:
        problem(f"compare: only {numbers} numbers compared")


def check_sensitivity(estab, source, scratch):
    arguments = ["sensitivity", "examples/trust.yaml"]
    output = os.path.join(scratch, "sensitivity.xlsx")
    run(estab, arguments + ["--format", "xlsx", "--output", output], source)
    document = run_json(estab, arguments, source)
    sheets = sheets_by_name(check_xlsx.read_workbook(output))
    if list(sheets) != ["Sensitivity"]:
        problem(f"sensitivity: sheets {list(sheets)}")
        return
    check_layout("sensitivity", sheets["Sensitivity"])
    numbers = check_records("sensitivity", sheets["Sensitivity"], document["components"],
                            lambda record, header: record[header])
    if numbers != 5 * len(document["components"]) or numbers == 0:
        problem(f"sensitivity: {numbers} numbers compared")


def check_views(estab, source, scratch):
    """uplift, establishment and gaps each write a workbook of their tables."""
    wanted = {"uplift": ["About", "Assumption sets", "Uplift", "Organisation", "Warnings"],
              "establishment": ["About", "Establishment", "Warnings"],
              "gaps": ["About", "Gaps", "Skill mix", "Warnings"]}
    for command, sheets in wanted.items():
        output = os.path.join(scratch, command + ".xlsx")
        run(estab, [command, "examples/trust.yaml", "--format", "xlsx", "--output", output], source)
        workbook = check_xlsx.read_workbook(output)
        names = [sheet["name"] for sheet in workbook["sheets"]]
        if names != sheets:
            problem(f"{command}: sheets {names}, expected {sheets}")
        for sheet in workbook["sheets"]:
            check_layout(f"{command} {sheet['name']}", sheet)


def main(arguments):
    if len(arguments) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    estab, source = os.path.abspath(arguments[0]), os.path.abspath(arguments[1])
    with tempfile.TemporaryDirectory(prefix="estab-xlsx-cli-") as scratch:
        for check in (check_review, check_compare, check_sensitivity, check_views):
            try:
                check(estab, source, scratch)
            except (check_xlsx.BadWorkbook, OSError, ValueError, KeyError) as error:
                problem(f"{check.__name__}: {type(error).__name__}: {error}")
    for text in problems:
        print(f"check_cli: {text}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
