"""Reads a PDF with pikepdf, independently of Chromium and of our Go code,
and prints as JSON what the accessibility tests check: the catalog's
/Lang, /MarkInfo and /ViewerPreferences, the structure tree's element
types in reading order, the outline, and the link annotations."""
import json
import sys

import pikepdf


def kids(k):
    if isinstance(k, pikepdf.Array):
        return list(k)
    return [k]


def walk(node, out):
    if not isinstance(node, pikepdf.Dictionary):
        return  # a marked-content id: the leaf of the tree
    if "/S" in node:
        out.append(str(node.S)[1:])
    if "/K" in node:
        for k in kids(node.K):
            walk(k, out)


def outline(items, level, out):
    for it in items:
        out.append([level, it.title])
        outline(it.children, level + 1, out)


def links(pdf):
    out = []
    for page in pdf.pages:
        for a in page.obj.get("/Annots", []):
            if a.get("/Subtype") != "/Link":
                continue
            action = a.get("/A")
            uri = str(action.URI) if action is not None and "/URI" in action else ""
            out.append({"internal": "/Dest" in a or (action is not None and action.get("/S") == "/GoTo"), "uri": uri})
    return out


def main(path):
    pdf = pikepdf.open(path)
    root = pdf.Root
    tags = []
    if "/StructTreeRoot" in root:
        walk(root.StructTreeRoot, tags)
    items = []
    with pdf.open_outline() as o:
        outline(o.root, 1, items)
    vp = root.get("/ViewerPreferences", {})
    print(json.dumps({
        "lang": str(root.get("/Lang", "")),
        "marked": bool(root.get("/MarkInfo", {}).get("/Marked", False)),
        "displayDocTitle": bool(vp.get("/DisplayDocTitle", False)),
        "tags": tags,
        "outline": items,
        "links": links(pdf),
    }))


main(sys.argv[1])
