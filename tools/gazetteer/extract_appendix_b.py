#!/usr/bin/python3
"""Extracts the entry names of the CIA World Factbook, Appendix B ("International
Organizations and Groups", public domain) from a saved copy of the page, into
data/factbook-appendix-b.tsv (name, acronym). Run once when the copy changes:

    git -C <mirror of dieghernan/Country-Codes-and-International-Organizations> \
        show 3a7203aa5fa6085ef0f472691c41feb309446272:files/FactAppB.html > /tmp/FactAppB.html
    ./extract_appendix_b.py /tmp/FactAppB.html > data/factbook-appendix-b.tsv
"""
import html
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
rows = set()
for raw in re.findall(r"appendix-entry-name category'>\s*(.*?)\s*</div>", text, re.S):
    name = " ".join(html.unescape(re.sub(r"<[^>]+>", "", raw)).split())
    m = re.fullmatch(r"(.*?)\s*\(([^()]*)\)", name)
    full, acro = (m.group(1), m.group(2)) if m else (name, "")
    rows.add((full, acro))
print("# CIA World Factbook, Appendix B: International Organizations and Groups (public domain, US Government work).")
print("# Copy: files/FactAppB.html of github.com/dieghernan/Country-Codes-and-International-Organizations,")
print("# commit 3a7203aa5fa6085ef0f472691c41feb309446272 (2020-12-30). Extracted by extract_appendix_b.py.")
print("name\tacronym")
for full, acro in sorted(rows):
    print(f"{full}\t{acro}")
