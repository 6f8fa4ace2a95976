#!/usr/bin/env python3
"""Checks that the board paper's layout holds in a real browser: nothing is wider than the page.

  check_layout.py long-names IN.yaml OUT.yaml
      Copies an organisation written by bench/generate.py, giving some of its teams and one
      service very long names: one of many words, and some with a long unbroken word, as a
      national file may hold.

  check_layout.py instrument PAGE.html OUT.html
      Writes a copy of the page with a script at the end of its body that measures the laid-out
      page and writes what it found into an element `<pre id="layout-report">`, as JSON: the
      page's width, the document's scroll width, and every element that passes either edge of
      the page's text column (the body's content box, inside its padding). (The page itself holds no script; only this copy does.)

  check_layout.py report DOM.html
      Reads that element from the DOM chromium dumped (`--dump-dom`) and fails when the document
      scrolls sideways or any element passes an edge of the text column.
"""

import html
import json
import re
import sys

LONG_NAMES = [
    "Community learning disability team for the northern, western and coastal localities, "
    "including the outreach service for adults with complex needs and their carers",
    "Intensive support team Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch "
    "and district",
    "Assessmentandtreatmentunitwithalongnamethathasnospacesatallanywhereinitsnameforseventy",
    "Acute liaison (learning disability) \u2013 Royal Infirmary, General Hospital, Community "
    "Hospital and the Children\u2019s Hospital",
]
LONG_SERVICE = ("Inpatient, community and specialist learning disability and autism services "
                "directorate (adults, children and young people)")

MEASURE = """<script>
(function () {
  var outer = document.body.getBoundingClientRect();
  var style = window.getComputedStyle(document.body);
  var body = {left: outer.left + parseFloat(style.paddingLeft),
              right: outer.right - parseFloat(style.paddingRight)};
  var page = document.documentElement;
  var found = [];
  var all = document.body.getElementsByTagName('*');
  for (var index = 0; index < all.length; index++) {
    var element = all[index];
    if (element.closest('svg') && element.tagName.toLowerCase() !== 'svg') continue;
    var box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > body.right + 1 || box.left < body.left - 1) {
      found.push({tag: element.tagName.toLowerCase(), cls: element.getAttribute('class') || '',
                  left: Math.round(box.left), right: Math.round(box.right),
                  text: (element.textContent || '').trim().slice(0, 60)});
    }
  }
  var report = document.createElement('pre');
  report.id = 'layout-report';
  report.textContent = JSON.stringify({
    body_left: Math.round(body.left), body_right: Math.round(body.right),
    viewport: page.clientWidth, scroll_width: page.scrollWidth, overflowing: found});
  document.body.appendChild(report);
})();
</script>
"""


def long_names(source, target):
    with open(source, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    in_teams = False
    in_services = False
    renamed = 0
    service_renamed = False
    for number, line in enumerate(lines):
        if line and not line.startswith(" "):
            in_teams = line.startswith("teams:")
            in_services = line.startswith("services:")
        if in_teams and line.startswith("    name: ") and renamed < len(LONG_NAMES):
            lines[number] = "    name: " + json.dumps(LONG_NAMES[renamed])
            renamed += 1
        if in_services and line.startswith("    name: ") and not service_renamed:
            lines[number] = "    name: " + json.dumps(LONG_SERVICE)
            service_renamed = True
    if renamed < len(LONG_NAMES) or not service_renamed:
        raise SystemExit(f"{source}: found {renamed} team names and "
                         f"{int(service_renamed)} service names to lengthen")
    with open(target, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    return 0


def instrument(source, target):
    with open(source, encoding="utf-8") as handle:
        page = handle.read()
    if page.count("</body>") != 1:
        raise SystemExit(f"{source}: expected one </body>")
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(page.replace("</body>", MEASURE + "</body>"))
    return 0


def report(dom_path):
    with open(dom_path, encoding="utf-8") as handle:
        dom = handle.read()
    match = re.search(r'<pre id="layout-report">(.*?)</pre>', dom, re.S)
    if not match:
        print(f"FAIL: {dom_path}: the layout script wrote no report")
        return 1
    found = json.loads(html.unescape(match.group(1)))
    problems = []
    if found["scroll_width"] > found["viewport"]:
        problems.append(f"the page scrolls sideways: {found['scroll_width']} px wide in a "
                        f"{found['viewport']} px window")
    for element in found["overflowing"][:20]:
        problems.append(f"<{element['tag']} class={element['cls']!r}> spans "
                        f"{element['left']}-{element['right']} px, outside the text column "
                        f"({found['body_left']}-{found['body_right']} px): {element['text']!r}")
    if len(found["overflowing"]) > 20:
        problems.append(f"… and {len(found['overflowing']) - 20} more elements")
    for problem in problems:
        print(f"FAIL: {dom_path}: {problem}")
    if not problems:
        print(f"{dom_path}: every element within the text column "
              f"({found['body_left']}-{found['body_right']} px of {found['viewport']} px)")
    return 1 if problems else 0


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "long-names":
        return long_names(sys.argv[2], sys.argv[3])
    if len(sys.argv) == 4 and sys.argv[1] == "instrument":
        return instrument(sys.argv[2], sys.argv[3])
    if len(sys.argv) == 3 and sys.argv[1] == "report":
        return report(sys.argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
