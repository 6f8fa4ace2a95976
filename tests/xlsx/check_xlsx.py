#!/usr/bin/env python3
"""Reads an XLSX workbook with nothing but the standard library and prints it as JSON.

Usage: check_xlsx.py WORKBOOK.xlsx        the workbook as JSON on standard output
       check_xlsx.py --self-test          checks this reader on a workbook it builds itself

The workbook is checked to be a well-formed package on the way: a valid zip whose content
types, relationships, workbook, styles and every sheet parse as XML, with every sheet the
workbook lists present. Problems go to standard error with exit status 1.

The JSON: {"sheets": [{"name", "pane", "autofilter", "columns", "rows"}]} where
  pane       the frozen pane {"xSplit", "ySplit", "topLeftCell", "state"}, or null
  autofilter the autofilter range ("A1:F24"), or null
  columns    [{"min", "max", "width"}] from <cols>
  rows       one list per spreadsheet row from row 1 (missing rows are empty lists); each cell
             at its 0-based column index, null where the row has no cell, otherwise
             {"ref", "type", "value", "format", "bold", "formula"}:
               type    "number", "string" (shared or inline), "boolean", "formula_string",
                       "error" or "blank"
               value   the number, the text, true/false, or null
               format  the format code of the cell's style ("General", "0.00", "£#,##0", …)
               bold    whether the style's font is bold
               formula true when the cell holds an <f> element
"""

import io
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"m": MAIN, "r": REL, "p": PACKAGE_REL}

# The built-in number formats of the ECMA-376 standard (Part 1, 18.8.30) that a writer may use
# without listing them in <numFmts>.
BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
    11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm",
    17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
    22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss",
    46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}


class BadWorkbook(Exception):
    """The file is not a well-formed workbook."""


def parse(package, name):
    """Parses one part of the package as XML."""
    try:
        return ET.fromstring(package.read(name))
    except KeyError:
        raise BadWorkbook(f"the package has no part {name}")
    except ET.ParseError as error:
        raise BadWorkbook(f"{name} is not well-formed XML: {error}")


def column_index(reference):
    """The 0-based column of a cell reference such as "AB12"."""
    letters = re.match(r"[A-Z]+", reference)
    if letters is None:
        raise BadWorkbook(f"bad cell reference {reference!r}")
    index = 0
    for letter in letters.group(0):
        index = index * 26 + (ord(letter) - ord("A") + 1)
    return index - 1


def row_index(reference):
    """The 0-based row of a cell reference such as "AB12"."""
    digits = re.search(r"[0-9]+$", reference)
    if digits is None:
        raise BadWorkbook(f"bad cell reference {reference!r}")
    return int(digits.group(0)) - 1


def text_of(element):
    """The text of a string item: <t>, or the runs <r><t> of rich text, joined."""
    return "".join(node.text or "" for node in element.iter(f"{{{MAIN}}}t"))


def read_styles(package):
    """Each cell style (xf index) as (format code, bold)."""
    styles = parse(package, "xl/styles.xml")
    formats = dict(BUILTIN_FORMATS)
    for number_format in styles.iterfind("m:numFmts/m:numFmt", NS):
        formats[int(number_format.get("numFmtId"))] = number_format.get("formatCode")
    fonts = []
    for font in styles.iterfind("m:fonts/m:font", NS):
        bold = font.find("m:b", NS)
        fonts.append(bold is not None and bold.get("val", "1") not in ("0", "false"))
    cell_styles = []
    for xf in styles.iterfind("m:cellXfs/m:xf", NS):
        format_id = int(xf.get("numFmtId", "0"))
        if format_id not in formats:
            raise BadWorkbook(f"styles.xml uses number format {format_id} without defining it")
        font_id = int(xf.get("fontId", "0"))
        cell_styles.append((formats[format_id], fonts[font_id] if font_id < len(fonts) else False))
    if not cell_styles:
        raise BadWorkbook("styles.xml has no cell styles")
    return cell_styles


def read_cell(cell, shared_strings, cell_styles):
    """One <c> element as a dictionary."""
    reference = cell.get("r")
    style = int(cell.get("s", "0"))
    if style >= len(cell_styles):
        raise BadWorkbook(f"cell {reference} uses style {style}, which does not exist")
    cell_type = cell.get("t", "n")
    value_element = cell.find("m:v", NS)
    raw = value_element.text if value_element is not None else None
    if cell_type == "s":
        index = int(raw)
        if index >= len(shared_strings):
            raise BadWorkbook(f"cell {reference} uses shared string {index}, which does not exist")
        kind, value = "string", shared_strings[index]
    elif cell_type == "inlineStr":
        inline = cell.find("m:is", NS)
        kind, value = "string", text_of(inline) if inline is not None else ""
    elif cell_type == "b":
        kind, value = "boolean", raw == "1"
    elif cell_type == "str":
        kind, value = "formula_string", raw
    elif cell_type == "e":
        kind, value = "error", raw
    elif raw is None:
        kind, value = "blank", None
    else:
        kind, value = "number", float(raw)
    format_code, bold = cell_styles[style]
    return {"ref": reference, "type": kind, "value": value, "format": format_code,
            "bold": bold, "formula": cell.find("m:f", NS) is not None}


def read_sheet(package, part, shared_strings, cell_styles):
    """One worksheet part: its pane, autofilter, column widths and cells."""
    sheet = parse(package, part)
    pane_element = sheet.find("m:sheetViews/m:sheetView/m:pane", NS)
    pane = None
    if pane_element is not None:
        pane = {"xSplit": float(pane_element.get("xSplit", "0")),
                "ySplit": float(pane_element.get("ySplit", "0")),
                "topLeftCell": pane_element.get("topLeftCell"),
                "state": pane_element.get("state", "split")}
    autofilter_element = sheet.find("m:autoFilter", NS)
    columns = [{"min": int(col.get("min")), "max": int(col.get("max")),
                "width": float(col.get("width", "0"))}
               for col in sheet.iterfind("m:cols/m:col", NS)]
    rows = []
    for row in sheet.iterfind("m:sheetData/m:row", NS):
        cells = [read_cell(cell, shared_strings, cell_styles) for cell in row.iterfind("m:c", NS)]
        if not cells:
            continue
        index = row_index(cells[0]["ref"])
        while len(rows) <= index:
            rows.append([])
        for cell in cells:
            if row_index(cell["ref"]) != index:
                raise BadWorkbook(f"cell {cell['ref']} is in the wrong row")
            column = column_index(cell["ref"])
            while len(rows[index]) <= column:
                rows[index].append(None)
            rows[index][column] = cell
    return {"pane": pane,
            "autofilter": autofilter_element.get("ref") if autofilter_element is not None else None,
            "columns": columns, "rows": rows}


def read_workbook(source):
    """The whole workbook (a path or a file object) as a dictionary."""
    try:
        package = zipfile.ZipFile(source)
    except zipfile.BadZipFile as error:
        raise BadWorkbook(f"not a zip file: {error}")
    with package:
        damaged = package.testzip()
        if damaged is not None:
            raise BadWorkbook(f"zip member {damaged} is damaged")
        content_types = parse(package, "[Content_Types].xml")
        if not any(override.get("PartName") == "/xl/workbook.xml" for override in content_types):
            raise BadWorkbook("[Content_Types].xml does not declare /xl/workbook.xml")
        root_rels = parse(package, "_rels/.rels")
        if not any(rel.get("Target", "").lstrip("/") == "xl/workbook.xml" for rel in root_rels):
            raise BadWorkbook("_rels/.rels does not point at xl/workbook.xml")
        workbook = parse(package, "xl/workbook.xml")
        workbook_rels = parse(package, "xl/_rels/workbook.xml.rels")
        targets = {rel.get("Id"): rel.get("Target") for rel in workbook_rels}
        shared_strings = []
        if "xl/sharedStrings.xml" in package.namelist():
            shared_strings = [text_of(item) for item in
                              parse(package, "xl/sharedStrings.xml").iterfind("m:si", NS)]
        cell_styles = read_styles(package)
        sheets = []
        for sheet in workbook.iterfind("m:sheets/m:sheet", NS):
            relation = sheet.get(f"{{{REL}}}id")
            if relation not in targets:
                raise BadWorkbook(f"sheet {sheet.get('name')} has no relationship {relation}")
            target = targets[relation].lstrip("/")
            part = target if target.startswith("xl/") else "xl/" + target
            content = read_sheet(package, part, shared_strings, cell_styles)
            sheets.append({"name": sheet.get("name"), **content})
        if not sheets:
            raise BadWorkbook("the workbook has no sheets")
        return {"sheets": sheets}


def self_test():
    """Builds a tiny workbook by hand and checks that the reader sees what was written."""
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Override PartName="/xl/workbook.xml" ContentType="x"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{PACKAGE_REL}"><Relationship Id="rId1" '
        'Type="x" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
        '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PACKAGE_REL}"><Relationship '
        'Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}"><si><t>team</t></si><si><t>=1+1</t></si>'
        '</sst>',
        "xl/styles.xml": f'<styleSheet xmlns="{MAIN}"><numFmts><numFmt numFmtId="164" '
        'formatCode="0.0%"/></numFmts><fonts><font/><font><b/></font></fonts><cellXfs>'
        '<xf numFmtId="0" fontId="0"/><xf numFmtId="0" fontId="1"/><xf numFmtId="164" '
        'fontId="0"/><xf numFmtId="2" fontId="0"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{MAIN}"><sheetViews><sheetView>'
        '<pane ySplit="1" topLeftCell="A2" state="frozen"/></sheetView></sheetViews>'
        '<cols><col min="1" max="1" width="9"/></cols><sheetData>'
        '<row r="1"><c r="A1" t="s" s="1"><v>0</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="C2" s="2"><v>0.125</v></c></row>'
        '<row r="4"><c r="B4" s="3"><f>1+1</f><v>2</v></c><c r="C4" t="b"><v>1</v></c></row>'
        '</sheetData><autoFilter ref="A1:C4"/></worksheet>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in parts.items():
            package.writestr(name, text)
    buffer.seek(0)
    sheet = read_workbook(buffer)["sheets"][0]
    rows = sheet["rows"]
    expected = [
        (sheet["name"], "Data"),
        (sheet["pane"], {"xSplit": 0.0, "ySplit": 1.0, "topLeftCell": "A2", "state": "frozen"}),
        (sheet["autofilter"], "A1:C4"),
        (sheet["columns"], [{"min": 1, "max": 1, "width": 9.0}]),
        (len(rows), 4),
        ((rows[0][0]["type"], rows[0][0]["value"], rows[0][0]["bold"]), ("string", "team", True)),
        ((rows[1][0]["value"], rows[1][0]["formula"], rows[1][1]), ("=1+1", False, None)),
        ((rows[1][2]["type"], rows[1][2]["value"], rows[1][2]["format"]),
         ("number", 0.125, "0.0%")),
        (rows[2], []),
        ((rows[3][1]["formula"], rows[3][1]["format"]), (True, "0.00")),
        ((rows[3][2]["type"], rows[3][2]["value"]), ("boolean", True)),
    ]
    failures = [f"got {got!r}, expected {want!r}" for got, want in expected if got != want]
    for failure in failures:
        print(f"check_xlsx self-test: {failure}", file=sys.stderr)
    broken = io.BytesIO(b"PK\x03\x04 not really a zip")
    try:
        read_workbook(broken)
        print("check_xlsx self-test: a broken zip was accepted", file=sys.stderr)
        failures.append("broken zip")
    except BadWorkbook:
        pass
    return 1 if failures else 0


def main(arguments):
    if arguments == ["--self-test"]:
        return self_test()
    if len(arguments) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        workbook = read_workbook(arguments[0])
    except (BadWorkbook, OSError) as error:
        print(f"check_xlsx: {arguments[0]}: {error}", file=sys.stderr)
        return 1
    json.dump(workbook, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
