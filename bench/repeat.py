#!/usr/bin/env python3
"""Repeats a JSON Lines corpus with varied names until it reaches a size.

    repeat.py news.jsonl 100 > news-100mb.jsonl

Copy 0 is the corpus as it is; in copy k every id gets "-rK", and about a third of the
capitalised words (a different third in each copy, chosen by a hash) get a suffix, so
that each copy brings new people, organisations and places rather than only more
mentions of the same ones.
"""
import json
import re
import sys
import zlib

WORD = re.compile(r"\b([A-Z][a-z]{3,})\b")


def suffix(k):
    s = ""
    while k:
        k, r = divmod(k - 1, 26)
        s = chr(ord("a") + r) + s
    return s


def vary(text, k):
    sfx = suffix(k)
    return WORD.sub(lambda m: m.group(1) + sfx
                    if zlib.crc32(("%s/%d" % (m.group(1), k)).encode()) % 3 == 0
                    else m.group(1), text)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: repeat.py FILE.jsonl MEGABYTES > OUT.jsonl")
    lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    target = float(sys.argv[2]) * 1e6
    out = sys.stdout
    written, k = 0, 0
    while written < target:
        for line in lines:
            if k:
                o = json.loads(line)
                o["id"] = "%s-r%d" % (o.get("id", ""), k)
                for f in ("title", "text"):
                    if isinstance(o.get(f), str):
                        o[f] = vary(o[f], k)
                line = json.dumps(o, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            if written >= target:
                break
        k += 1


if __name__ == "__main__":
    main()
