#!/usr/bin/env python3
"""Builds seeds/facts-index.json from the fact sheet (../shared/facts.md), so that `content check` can trace
every entry to the sheet without the sheet itself (issue 12).

    python3 tools/facts_index.py ../shared/facts.md > seeds/facts-index.json

Run it again whenever the sheet changes, then `content check`. Names of sources that it could not turn into an
address are printed on stderr: give them an address in the sheet, or accept that they cannot be cited.

What it reads:
- Items: "### 1.N Title" in Part 1 (id "1.N"). Parts 2 and 3 have no numbered items; their sub-headings (a plain
  line that does not end in ":") become "2.1", "2.2", ... in the order of the sheet.
- Claims: every bullet, numbered step or "(...)" line of an item, with the tags in its brackets: [V], [S], [C],
  [U] (also "[V/S]", "[S/U]", "[V: source; S: source]"). A sub-bullet also carries its parent's C and U.
- Sources: the text after "V:" or "S:" in a tag. A web address (https://..., or host/path like
  "berlin.de/lb/intmig") is kept as it is; a name ("Mitte page", "SGK wiki", "same") is resolved to the one
  address of the same item that contains its first word ("same" = the previous claim's sources). Lines under a
  "Sources" sub-heading only supply addresses for that resolution.

How a claim and an item count (the rule `content check` applies):
- A claim is usable when it carries V, or S without C. A U beside a V or S names an unverified detail of that
  claim ("[V: ...] [U: current hours]"): the claim is usable, the detail is not. A claim with only C, only U, or
  no tag ("[derived]", "[general principle]") is not usable.
- An item is "unverified or conflicting as a whole" when none of its claims is usable; an entry may not rest on it.
- An item's sources are the addresses of its usable claims, each with the best tag it has there (V before S).
"""
import hashlib
import json
import re
import sys
import urllib.parse

TAG = re.compile(r"^\s*\**\s*([VSCU](?:/[VSCU])*)(?![A-Za-z])\s*(.*)$", re.S)
URL = re.compile(r"https?://[^\s\];,)]+")
HOST_PATH = re.compile(r"(?<![\w@./-])((?:[a-z0-9-]+\.)+(?:de|berlin|org|com|io|eu|net))((?:/[^\s\]\";,)]*)?)", re.I)
GENERIC = {"the", "a", "an", "older", "old", "same"}


def main(path):
    raw = open(path, encoding="utf-8").read()
    items, order = parse(raw.splitlines())
    out = {
        "sheet": "facts.md",
        "sha256": hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        "generator": "tools/facts_index.py",
        "rule": "A claim is usable when it carries V, or S without C; an item with no usable claim may not be cited. "
                "An item's sources are the addresses of its usable claims.",
        "items": [finish(items[i]) for i in order],
    }
    text = json.dumps(out, ensure_ascii=False, indent=2)
    sys.stdout.write(text + "\n")


def parse(lines):
    items, order = {}, []
    item = None
    part = 0
    sub = 0
    in_sources = False
    stack = []  # (indent, tags) of open bullets, for inheritance
    for line in lines:
        s = line.rstrip()
        if s.startswith("## "):
            m = re.match(r"## PART (\d+)", s)
            part = int(m.group(1)) if m else 0
            sub = 0
            item = None
            continue
        if s.startswith("### "):
            m = re.match(r"### (\d+\.\d+) (.*)$", s)
            item = new_item(items, order, m.group(1), m.group(2).strip()) if m else None
            in_sources, stack = False, []
            continue
        if not s.strip() or s.startswith("|") or s.startswith("---"):
            continue
        bullet = re.match(r"^(\s*)(?:[-*]|\d+\.)\s+(.*)$", s)
        if bullet is None and not s.startswith("("):
            heading = s.strip()
            if part in (2, 3) and not heading.endswith(":"):
                sub += 1
                item = new_item(items, order, f"{part}.{sub}", heading)
                stack = []
            in_sources = heading == "Sources"
            if item is not None and tags_of(heading)[0]:
                # A heading may itself carry a tag ("Accommodations (... **[U]**)"); it is not a claim.
                item["heading_tags"] = sorted(set(tags_of(heading)[0]))
            continue
        if item is None:
            continue
        indent = len(bullet.group(1)) if bullet else 0
        text = bullet.group(2) if bullet else s.strip()
        if in_sources:
            item["pool"].extend(addresses(text))
            continue
        tags, named = tags_of(text)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        inherited = {t for _, ts in stack for t in ts if t in ("C", "U")}
        all_tags = set(tags) | inherited
        claim = {"raw": text, "text": shorten(text), "tags": sorted(all_tags, key="VSCU".index), "named": named}
        item["claims"].append(claim)
        item["pool"].extend(a for _, n in named for a in addresses(n))
        stack.append((indent, set(tags)))
    return items, order


def new_item(items, order, id, title):
    items[id] = {"id": id, "title": strip_md(title), "claims": [], "pool": []}
    order.append(id)
    return items[id]


def tags_of(text):
    """Tags and the sources named after V:/S: in every [...] of a line."""
    tags, named = [], []
    for group in re.findall(r"\[([^\[\]]*)\]", text):
        current = None
        for part in re.split(r";", group):
            m = TAG.match(part)
            if m:
                letters = m.group(1).split("/")
                tags.extend(letters)
                rest = m.group(2).lstrip(":–- ").strip()
                current = letters[0] if letters[0] in ("V", "S") and len(letters) == 1 else None
                if current and re.match(r"^(for|that) ", rest):
                    # "[V that it exists: Jugendamt page]", "[V for X's GO: "quote"]": the source is named once.
                    head, _, tail = rest.partition(":")
                    rest = tail if head.startswith("that") else head[4:]
                if current and rest and not rest.startswith("("):
                    named.extend((current, n) for n in split_names(rest))
            elif current:
                named.extend((current, n) for n in split_names(part))
    return tags, named


def split_names(text):
    names = []
    for piece in re.split(r",(?![^\"(]*[\")])|\s\+\s", text):
        piece = piece.strip()
        if piece:
            names.append(piece)
    return names


def addresses(text):
    found = [u.rstrip(".") for u in URL.findall(text)]
    rest = URL.sub(" ", text)
    for host, path in HOST_PATH.findall(rest):
        path = path.rstrip(".")
        if "..." in path or "…" in path:
            path = re.split(r"/?(?:\.\.\.|…)", path)[0]
        if host.lower() == "berlin.de" and path in ("", "/"):
            continue  # "on berlin.de" names the portal of every Berlin office, not a page
        found.append(host.lower() + path)
    return found


def finish(item):
    pool = list(dict.fromkeys(item["pool"]))
    previous = []
    claims, best = [], {}
    for c in item["claims"]:
        sources = []
        for tag, name in c["named"]:
            direct = addresses(name)
            if direct:
                resolved = direct
            elif name.lower().startswith("same"):
                resolved = [a for _, a in previous]
            else:
                resolved = resolve(name, pool)
                if not resolved:
                    print(f"{item['id']}: no address for source '{name}'", file=sys.stderr)
            sources.extend((tag, a) for a in resolved)
        # A full address in the claim itself ("online via https://...") is a source of the claim too.
        best_tag = "V" if "V" in c["tags"] else "S"
        sources.extend((best_tag, u.rstrip(".")) for u in URL.findall(re.sub(r"\[[^\[\]]*\]", " ", c["raw"])))
        sources = list(dict.fromkeys(sources))
        previous = sources or previous
        usable = "V" in c["tags"] or ("S" in c["tags"] and "C" not in c["tags"])
        claims.append({"text": c["text"], "tags": c["tags"], "usable": usable,
                       "sources": list(dict.fromkeys(a for _, a in sources))})
        if usable:
            for tag, a in sources:
                if best.get(a) != "V":
                    best[a] = tag
    tags = sorted({t for c in claims for t in c["tags"]}, key="VSCU".index)
    return {
        "id": item["id"],
        "title": item["title"],
        "tags": tags,
        "usable": any(c["usable"] for c in claims),
        "sources": [{"address": a, "tag": t} for a, t in best.items()],
        "claims": claims,
    }


def resolve(name, pool):
    words = [w for w in re.findall(r"[\wäöüß-]+", name.lower()) if w not in GENERIC]
    if not words:
        return []
    hits = [a for a in pool if words[0] in urllib.parse.unquote(a).lower()]
    return hits if len(hits) == 1 else []


def shorten(text, limit=160):
    text = strip_md(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def strip_md(text):
    return text.replace("**", "").strip()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/facts.md")
