#!/usr/bin/env python3
"""Converts the CSV news files of ../shared/corpus/news/ to JSON Lines for ekg --jsonl.

    tojsonl.py ag_news_test.csv  > ag_news.jsonl     # no header: class,title,description
    tojsonl.py reuters_2017.csv  > reuters_2017.jsonl # header: title,text,subject,date

Each line: {"id", "title", "text", "date"} ("date" is "" where the file has none).
"""
import csv
import json
import os
import sys
from datetime import datetime


def iso_date(s):
    """'December 31, 2017 ' -> '2017-12-31'; anything else is passed through stripped."""
    s = (s or "").strip()
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d-%b-%y", "%Y-%m-%d"):
        try:
            return datetime.strptime(s, fmt).strftime("%Y-%m-%d")
        except ValueError:
            pass
    return s


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        first = f.readline()
        f.seek(0)
        reader = csv.reader(f)
        if first.lower().startswith("title,"):        # reuters_2017.csv
            header = next(reader)
            col = {name: i for i, name in enumerate(header)}
            for r in reader:
                if len(r) >= len(header):
                    yield r[col["title"]], r[col["text"]], iso_date(r[col["date"]])
        else:                                         # ag_news: class,title,description
            for r in reader:
                if len(r) >= 3:
                    # AG News escapes newlines as backslashes and '$' as ' #36;'
                    text = r[2].replace("\\", " ").replace(" #36;", " $")
                    yield r[1].replace(" #36;", " $"), text, ""


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: tojsonl.py FILE.csv > FILE.jsonl")
    stem = os.path.splitext(os.path.basename(sys.argv[1]))[0]
    out = sys.stdout
    for n, (title, text, date) in enumerate(rows(sys.argv[1]), 1):
        out.write(json.dumps({"id": "%s-%06d" % (stem, n), "title": title, "text": text,
                              "date": date}, ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
