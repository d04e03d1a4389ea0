#!/usr/bin/env python3
"""Rewrite templates/plan.json as next year's plan would look: the year moved on,
a 7th task and a new unit. CI runs the tests again on it: the tests are pinned to
tests/fixtures/plan-2024.json, so the live plan must not change their outcome."""
import json
import sys

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    plan = json.load(f)
old, new = str(plan["year"]), str(plan["year"] + 1)
plan["year"] += 1
# Next year's plan is a new document: its number and date are not yet known.
plan["number"] = None
plan["issued"] = None
plan["units"].append({"code": "TTKN", "name": "Trung tâm Kiểm nghiệm",
                      "short_name": "TT Kiểm nghiệm", "aliases": []})
plan["tasks"].append({
    "number": len(plan["tasks"]) + 1,
    "title": f"Tuyên truyền về chuyển đổi số trong hoạt động của Sở năm {new}",
    "short_title": "Chuyển đổi số", "lead_units": ["TTKN"],
    "coordinating_units": [plan["units"][0]["code"]], "coordinating_text": "",
    "timeline": f"Quý III/{new}"})
for t in plan["tasks"]:
    t["timeline"] = t["timeline"].replace(old, new)
plan["deadlines"] = {k: v.replace(old, new) for k, v in plan["deadlines"].items()}
with open(path, "w", encoding="utf-8") as f:
    json.dump(plan, f, ensure_ascii=False, indent=2)
