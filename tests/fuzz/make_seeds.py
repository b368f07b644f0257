#!/usr/bin/env python3
"""Regenerates the seed corpora in tests/fuzz/corpus/ from corpus/*.txt (short
slices) and the hostile inputs of the bad-input suite. Deterministic; run from
anywhere: python3 tests/fuzz/make_seeds.py"""
import glob, json, os, random, struct

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
out = os.path.join(root, "tests", "fuzz", "corpus")
rng = random.Random(20240115)

def put(target, name, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

articles = [open(p, "rb").read() for p in sorted(glob.glob(os.path.join(root, "corpus", "*.txt")))]
hostile = {
    "empty": b"",
    "spaces": b"   \n\t\n  \r\n",
    "bom": b"\xef\xbb\xbfFrance opposed the plan on Monday.\n",
    "crlf": b"Headline\r\n\r\nFrance opposed the plan.\r\nGermany supported it.\r\n",
    "cr": b"Headline\r\rFrance opposed the plan.\rGermany supported it.\r",
    "nul": b"France\x00 opposed the\x00 plan.\n",
    "badutf8": b"Z\xfcrich: France opposed \xff\xfe the plan. \xc3\x28 \xe2\x82 end\n",
    "overlong": b"Paris \xc0\xaf \xe0\x80\xaf \xf0\x80\x80\xaf \xed\xa0\x80 \xf4\x90\x80\x80 France opposed it.\n",
    "special": ("He said \"hi\" \\ back\\slash <>{}|^` @id <b>&amp;</b> \"@id\": "
                "{\"@context\": 1}\nPresident \"Bob\\\" <X> of Acme{Corp}|^` Inc. criticised "
                "France on July 4, 2023. 'Quote' \u2014 \u201csmart\u201d \U0001F600 digraph { a -> b }\n").encode(),
    "html": b"<html><head><title>T</title></head><body><p>France opposed NATO's plan.</p>"
            b"<script>alert('x')</script></body></html>\n",
    "binary": bytes(rng.randrange(256) for _ in range(300)),
    "longword": b"France " + b"a" * 3000 + b" opposed it.\n",
    "manysent": b"France opposed Japan. " * 60,
}

for i, a in enumerate(articles):
    for j, (start, n) in enumerate([(0, 900), (len(a) // 3, 700), (len(a) - 800, 800)]):
        put("fuzz_pipeline", "article%d_%d" % (i, j), a[max(0, start):max(0, start) + n])
for k, v in hostile.items():
    put("fuzz_pipeline", k, v)

# JSON Lines: the slices as documents, with metadata, and broken lines.
def line(o):
    return json.dumps(o, ensure_ascii=False).encode() + b"\n"
for i, a in enumerate(articles):
    t = a[:700].decode("utf-8", "replace")
    put("fuzz_jsonl", "article%d" % i,
        line({"id": "doc-%d" % i, "title": "Headline %d" % i, "date": "2023-07-13",
              "url": "https://example.org/%d" % i, "source": "Wire", "text": t}) +
        line({"id": i + 100, "text": a[700:1400].decode("utf-8", "replace")}))
jl = {
    "badjson": b'{"id": "a", "text": "France opposed it."}\n{"id": "b", "text": \n',
    "notext": b'{"id": "a"}\n',
    "wrongtypes": b'{"id": [1], "text": 5}\n{"id": 1.5, "text": "x"}\n',
    "dupid": b'{"id": "a", "text": "France opposed it."}\n{"id": "a", "text": "Again."}\n',
    "dupkey": b'{"id": "a", "id": "b", "text": "x"}\n',
    "array": b'[1, 2, 3]\n"text"\nnull\n',
    "blank": b'\n   \n\t\r\n{"text": "France opposed the plan."}\n\n',
    "nul": b'{"id": "n\\u0000l", "text": "France\\u0000 opposed it.", "title": "a\\u0000b"}\n',
    "special": line({"id": "<>{}|^`\"\\ @id", "title": "\"@id\" <b>", "url": "not a url {}",
                     "date": "July 4", "source": "\\\"", "text": hostile["special"].decode()}),
    "surrogate": b'{"id": "x", "text": "bad \\ud800 surrogate France opposed it."}\n',
    "crlf": b'{"id": "a", "text": "France opposed it."}\r\n{"id": "b", "text": "Japan too."}\r\n',
    "intid": b'{"id": -9223372036854775808, "text": "France opposed Japan."}\n{"id": 9223372036854775807, "text": "x"}\n',
    "bigtext": line({"id": "big", "text": "France opposed Japan. " * 200}),
}
for k, v in jl.items():
    put("fuzz_jsonl", k, v)

# fuzz_writers: little programs (see fuzz_writers.c); random bytes are as good as any.
for i in range(24):
    put("fuzz_writers", "random%02d" % i, bytes(rng.randrange(256) for _ in range(64 + 48 * i)))
# a hand-made one: two entities, a document, an event between them
def s(b):
    return bytes([len(b)]) + b
prog = (bytes([0, 8, 0, 1]) + b"\x00" * 8 + bytes([1]) + s(b'He said "hi" \\ <>{}|^`') + bytes([2])
        + bytes([1, 5, 3, 1]) + b"\x01\x02\x03\x04\x05" + bytes([1]) + s(b"Acme\nCorp @id") + bytes([0])
        + bytes([5]) + s(b"doc 1.txt") + bytes([6, 0, 0]) + s(b"A \"headline\"")
        + bytes([7, 0, 0, 1, 0, 0, 9, 5]) + s(b"Sentence \"quoted\" \\ {x}") + s(b"opposed")
        + bytes([1, 1, 3, 7, 9, 1, 0, 200, 1]))
put("fuzz_writers", "handmade", prog)

# fuzz_nquads: shards as `ekg merge` reads them: the sample export (whole and cut short),
# sorted lines, broken lines.
nq = open(os.path.join(root, "out", "graph.nq"), "rb").read()
put("fuzz_nquads", "sample", nq)
lines = nq.splitlines(keepends=True)
put("fuzz_nquads", "sample-head", b"".join(lines[:60]))
put("fuzz_nquads", "sample-sorted", b"".join(sorted(lines)))
put("fuzz_nquads", "empty", b"")
put("fuzz_nquads", "broken", b"<https://w3id.org/ekg/id/france> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> .\n"
    b"_:b0 <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n<a> <b> \"c\\u0000\"@en <g> .\n")
