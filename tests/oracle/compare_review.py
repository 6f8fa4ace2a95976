#!/usr/bin/env python3
"""compare_review.py ORACLE.json ESTAB.json

Compares two estab-review/2 documents field by field at every level: review,
lines (matched by (team, profession)), each line's absence components (matched
by name, including source), teams (by team), services (by service id, null for
the "(none)" roll-up), professions (by profession) and organisation.  Also checks
that records come in the same order.  Numbers agree within 1e-6 relative
(1e-9 absolute near zero); strings, booleans and nulls must be identical.
`warnings` are not compared (their wording is the tool's own).

Prints each mismatch, then "N fields compared, M mismatches"; exit 1 if M > 0.
"""
import json
import sys

REL, ABS = 1e-6, 1e-9


class Cmp:
    def __init__(self):
        self.n = 0
        self.bad = []

    def mismatch(self, where, a, b):
        self.bad.append(f"MISMATCH {where}: oracle={json.dumps(a)} estab={json.dumps(b)}")

    def leaf(self, where, a, b):
        self.n += 1
        isnum = lambda x: isinstance(x, (int, float)) and not isinstance(x, bool)
        if isnum(a) and isnum(b):
            if abs(a - b) <= max(REL * max(abs(a), abs(b)), ABS):
                return
        elif type(a) is type(b) and a == b:
            return
        self.mismatch(where, a, b)

    def obj(self, where, a, b, skip=(), special=None):
        special = special or {}
        if not isinstance(a, dict) or not isinstance(b, dict):
            self.n += 1
            self.mismatch(where + " (object expected)", a, b)
            return
        for k in list(a) + [k for k in b if k not in a]:
            if k in skip:
                continue
            w = f"{where}.{k}" if where else k
            if k not in a:
                self.n += 1
                self.mismatch(w + " (field only in estab)", None, b[k])
            elif k not in b:
                self.n += 1
                self.mismatch(w + " (field missing from estab)", a[k], None)
            elif k in special:
                special[k](w, a[k], b[k])
            else:
                self.leaf(w, a[k], b[k])

    def keyed(self, where, a, b, keyf, label, sub=None):
        """Match two lists of records by key; compare order and each matched pair."""
        if not isinstance(a, list) or not isinstance(b, list):
            self.n += 1
            self.mismatch(where + " (list expected)", a, b)
            return
        ka = [keyf(x) for x in a]
        kb = [keyf(x) for x in b]
        mb = {k: x for k, x in zip(kb, b)}
        ma = {k: x for k, x in zip(ka, a)}
        self.n += 1
        common_a = [k for k in ka if k in mb]
        common_b = [k for k in kb if k in ma]
        if common_a != common_b:
            self.mismatch(f"{where} (order)", [label(k) for k in ka], [label(k) for k in kb])
        for k in ka:
            w = f"{where}[{label(k)}]"
            if k not in mb:
                self.n += 1
                self.mismatch(w + " (record missing from estab)", "present", None)
            else:
                (sub or (lambda w, x, y: self.obj(w, x, y)))(w, ma[k], mb[k])
        for k in kb:
            if k not in ma:
                self.n += 1
                self.mismatch(f"{where}[{label(k)}] (record only in estab)", None, "present")


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    o = json.load(open(argv[1]))
    e = json.load(open(argv[2]))
    c = Cmp()
    c.leaf("schema", o.get("schema"), e.get("schema"))
    c.obj("review", o.get("review"), e.get("review"))

    def absence(w, a, b):
        c.keyed(w, a, b, lambda x: x.get("component"), str)

    def line(w, a, b):
        c.obj(w, a, b, special={"absence": absence})

    c.keyed("lines", o.get("lines"), e.get("lines"),
            lambda x: (x.get("team"), x.get("profession")), lambda k: f"{k[0]}/{k[1]}", line)
    c.keyed("teams", o.get("teams"), e.get("teams"), lambda x: x.get("team"), str)
    c.keyed("services", o.get("services"), e.get("services"), lambda x: x.get("service"),
            lambda k: "null" if k is None else k)
    c.keyed("professions", o.get("professions"), e.get("professions"), lambda x: x.get("profession"), str)
    c.obj("organisation", o.get("organisation"), e.get("organisation"))
    for k in e:
        if k not in o and k != "warnings":
            c.n += 1
            c.mismatch(f"{k} (top-level key only in estab)", None, e[k])
    for k in o:
        if k not in e:
            c.n += 1
            c.mismatch(f"{k} (top-level key missing from estab)", o[k], None)
    for m in c.bad:
        print(m)
    print(f"{c.n} fields compared, {len(c.bad)} mismatches")
    sys.exit(1 if c.bad else 0)


if __name__ == "__main__":
    main(sys.argv)
