#!/usr/bin/env python3
"""Checks the DOM that a real browser built from the HTML board paper, and its network log.

  check_dom.py dom DOM.html REVIEW.json [--literal TEXT]... [--min-svg N]
      The DOM (from `chromium --dump-dom`) holds the organisation's name and every team id of
      REVIEW.json (`estab review --format json`) as text; it has no <script>, <img>, <iframe>,
      <link>, <object>, <embed> or <base> element, no attribute that loads or links anything
      (src, href, srcset, …) and no event handler (on…); each --literal TEXT appears in the
      page's text exactly as written (so markup in a name was shown, not parsed).

  check_dom.py netlog NETLOG.json
      Chromium's --log-net-log: no request was started by the page. The browser's own
      background requests (initiator "not an origin") are not the page's and are ignored.
"""

import html.parser
import json
import sys

FORBIDDEN_ELEMENTS = {"script", "img", "iframe", "link", "object", "embed", "base", "frame",
                      "audio", "video", "source", "picture", "form"}
LOADING_ATTRIBUTES = {"src", "href", "xlink:href", "srcset", "poster", "data", "action",
                      "formaction", "background", "ping"}


class PageParser(html.parser.HTMLParser):
    """Collects the text, the elements and the attributes of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text_parts = []
        self.elements = {}
        self.problems = []
        self.inside_style = False

    def handle_starttag(self, tag, attrs):
        self.elements[tag] = self.elements.get(tag, 0) + 1
        if tag in FORBIDDEN_ELEMENTS:
            self.problems.append(f"<{tag}> element in the DOM")
        if tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
            self.problems.append("<meta http-equiv> in the DOM")
        for name, value in attrs:
            if name in LOADING_ATTRIBUTES:
                self.problems.append(f"<{tag}> has a {name}= attribute ({value!r})")
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has an event handler {name}=")
            if value and "url(" in value:
                self.problems.append(f"<{tag} {name}> uses url()")
        self.inside_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self.inside_style = False

    def handle_data(self, data):
        if self.inside_style:
            for forbidden in ("url(", "@import", "http:", "https:"):
                if forbidden in data:
                    self.problems.append(f"stylesheet contains {forbidden}")
        else:
            self.text_parts.append(data)


def check_dom(arguments):
    dom_path, json_path = arguments[0], arguments[1]
    literals = []
    min_svg = 1
    rest = arguments[2:]
    while rest:
        if rest[0] == "--literal":
            literals.append(rest[1])
        elif rest[0] == "--min-svg":
            min_svg = int(rest[1])
        else:
            raise SystemExit(f"unknown argument {rest[0]!r}")
        rest = rest[2:]

    with open(dom_path, encoding="utf-8") as handle:
        dom = handle.read()
    with open(json_path, encoding="utf-8") as handle:
        review = json.load(handle)

    parser = PageParser()
    parser.feed(dom)
    parser.close()
    problems = list(parser.problems)
    text = " ".join(" ".join(parser.text_parts).split())

    expected = []
    organisation = review["review"].get("organisation")
    if organisation:
        expected.append(("organisation", organisation))
    for team in review["teams"]:
        expected.append(("team id", team["team"]))
    if not review["teams"]:
        problems.append("the review has no teams to look for")
    for what, value in expected:
        if " ".join(value.split()) not in text:
            problems.append(f"{what} {value!r} is not in the page's text")
    for literal in literals:
        if literal not in text:
            problems.append(f"{literal!r} is not shown literally in the page's text")
    if parser.elements.get("svg", 0) < min_svg:
        problems.append(f"fewer than {min_svg} <svg> charts in the DOM")
    if parser.elements.get("table", 0) < 1:
        problems.append("no <table> in the DOM")

    for problem in problems:
        print(f"FAIL: {dom_path}: {problem}")
    if not problems:
        print(f"{dom_path}: {len(expected)} names found, {parser.elements.get('svg', 0)} charts, "
              f"{parser.elements.get('table', 0)} tables, nothing executable or fetched")
    return 1 if problems else 0


def check_netlog(arguments):
    with open(arguments[0], encoding="utf-8") as handle:
        log = json.load(handle)
    names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    page_requests = []
    for event in log["events"]:
        params = event.get("params") or {}
        if names.get(event.get("type")) != "URL_REQUEST_START_JOB" or "url" not in params:
            continue
        url = params["url"]
        if url.startswith(("file:", "data:", "about:", "chrome:", "chrome-extension:")):
            continue
        if params.get("initiator", "") != "not an origin":
            page_requests.append(f"{url} (initiator {params.get('initiator')})")
    for request in page_requests:
        print(f"FAIL: the page requested {request}")
    if not page_requests:
        print(f"{arguments[0]}: the page made no network request")
    return 1 if page_requests else 0


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "dom":
        return check_dom(sys.argv[2:])
    if len(sys.argv) == 3 and sys.argv[1] == "netlog":
        return check_netlog(sys.argv[2:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
