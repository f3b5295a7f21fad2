#!/usr/bin/env python3
"""Writes a synthetic report draft with N cost rows that is consistent by construction (senshin-lint reports
nothing on it), or, with --errors K, the same draft with K errors injected into evenly spaced rows (an impossible
date, a repeated 整理番号, full-width digits, a case count that no longer adds up, in turn).
Usage: benches/generate.py N [--seed S] [--errors K] > draft.yaml"""
import argparse
import random


def half_up(num, den, scale):
    """num/den rounded half up to `scale` decimals, as a string."""
    m = (2 * num * 10**scale + den) // (2 * den)
    s = str(m).rjust(scale + 1, "0")
    return s if scale == 0 else s[:-scale] + "." + s[-scale:]


def oku(yen, scale):
    return "約" + half_up(yen, 10**8, scale) + "億円"


def part_rows(rng, part, count, in_period):
    rows = []
    for i in range(1, count + 1):
        new = i > count - in_period
        # Dates follow the numbering, as technologies are numbered when approved: 平13 to 平30 for the old ones.
        month = (i - 1) * 18 * 12 // max(count - in_period, 1)
        effective = f"令6.{min(i - (count - in_period), 6)}.1" if new else f"平{13 + month // 12}.{1 + month % 12}.1"
        if i % 7 == 0 or (new and i % 2 == 0):
            rows.append(dict(serial=i, notice=i, name=f"{part}技術{i}", effective=effective, total=None, adv=None,
                             cases=0, fac=None, new=new))
            continue
        cases = rng.randint(1, 500)
        total = rng.randint(100_000, 900_000_000)
        adv = rng.randint(10_000, total)
        fac = rng.randint(1, min(cases, 40))
        rows.append(dict(serial=i, notice=i, name=f"{part}技術{i}", effective=effective, total=total, adv=adv,
                         cases=cases, fac=fac, new=new))
    return rows


def inject(rows, k):
    """Spoils k rows spread over the table; the sums are computed before, so every change shows."""
    for j in range(k):
        r = rows[(2 * j + 1) * len(rows) // (2 * k)]
        kind = j % 4
        if kind == 0:
            r["effective"] = "平20.2.30"
        elif kind == 1:
            r["serial"] -= 1
        elif kind == 2:
            r["cases_text"] = "".join(chr(ord(c) + 0xFEE0) for c in str(r["cases"]))
        else:
            r["cases"] += 1


def main():
    args = argparse.ArgumentParser()
    args.add_argument("rows", type=int)
    args.add_argument("--seed", type=int, default=1)
    args.add_argument("--errors", type=int, default=0)
    a = args.parse_args()
    n = a.rows
    rng = random.Random(a.seed)
    parts = {"A": part_rows(rng, "Ａ", n // 2, 2), "B": part_rows(rng, "Ｂ", n - n // 2, 3)}
    sums = {}
    for p, rows in parts.items():
        sums[p] = dict(total=sum(r["total"] or 0 for r in rows), adv=sum(r["adv"] or 0 for r in rows),
                       cases=sum(r["cases"] for r in rows), fac=sum(r["fac"] or 0 for r in rows),
                       tech=len(rows), approved=sum(r["new"] for r in rows))
    sums["total"] = {k: sums["A"][k] + sums["B"][k] for k in sums["A"]}
    if a.errors:
        inject(parts["A"] + parts["B"], min(a.errors, n))
    out = ["report:", "  title: 先進医療の実績報告について", "  period: 令和5年7月1日～令和6年6月30日", "", "summary:"]
    for col in ("A", "B", "total"):
        s = sums[col]
        fac = max(sums["A"]["fac"], sums["B"]["fac"]) if col == "total" else s["fac"]
        out += [f"  {col}:", f"    technologies: {s['tech']}", f"    facilities: {fac}", f"    patients: {s['cases']}",
                f"    insured_cost: {oku(s['total'] - s['adv'], 1)}", f"    advanced_cost: {oku(s['adv'], 1)}",
                f"    total_cost: {oku(s['total'], 1)}", f"    advanced_ratio: {half_up(s['adv'] * 100, s['total'], 1)}%"]
    out += ["", "changes:"]
    for col in ("A", "B", "total"):
        s = sums[col]
        out.append(f"  {col}: {{previous: {s['tech'] - s['approved']}, approved: {s['approved']}, insured: \"-\", "
                   f"withdrawn: \"-\", deleted: \"-\", current: {s['tech']}, final_reports: \"-\"}}")
    t = sums["total"]
    earlier = "  - {period: R%d.7.1～R%d.6.30, months: 12, technologies: 1, facilities: 1, patients: 1, total_cost: 約2億円, " \
              "insured_cost: 約1億円, advanced_cost: 約1億円, advanced_ratio: 50.0%%}"
    out += ["", "history:"] + [earlier % (y, y + 1) for y in (1, 2, 3)] + [
            "  - {period: R4.7.1～R5.6.30, months: 12, technologies: %d, facilities: 1, patients: 1, total_cost: 約2億円, "
            "insured_cost: 約1億円, advanced_cost: 約1億円, advanced_ratio: 50.0%%}" % (t["tech"] - t["approved"]),
            f"  - period: R5.7.1～R6.6.30", "    months: 12", f"    technologies: {t['tech']}",
            f"    facilities: {max(sums['A']['fac'], sums['B']['fac'])}", f"    patients: {t['cases']}",
            f"    total_cost: {oku(t['total'], 0)}", f"    insured_cost: {oku(t['total'] - t['adv'], 0)}",
            f"    advanced_cost: {oku(t['adv'], 0)}", f"    advanced_ratio: {half_up(t['adv'] * 100, t['total'], 1)}%", "",
            "costs:"]
    for p, rows in parts.items():
        out += [f"  {p}:", "    rows:"]
        for r in rows:
            dash = lambda v: '"-"' if v is None else str(v)
            stay = '"-"' if r["cases"] == 0 else f"{r['serial'] % 30}.{r['serial'] % 10}"
            out += [f"      - serial: {r['serial']}", f"        notice: \"{r['notice']}\"", f"        name: {r['name']}",
                    f"        effective: {r['effective']}", f"        total_yen: {dash(r['total'])}",
                    f"        advanced_yen: {dash(r['adv'])}", f"        avg_stay_days: {stay}",
                    f"        cases: {r.get('cases_text', r['cases'])}", f"        facilities: {dash(r['fac'])}"]
        s = sums[p]
        out += ["    total:", f"      total_yen: {s['total']}", f"      advanced_yen: {s['adv']}",
                f"      cases: {s['cases']}", f"      facilities: {s['fac']}"]
    out += ["", "zero_cases:"]
    for p, rows in parts.items():
        out.append(f"  {p}:")
        for r in rows:
            if r["cases"] == 0:
                prior = '"-"' if r["new"] else "0件"
                out += [f"    - notice: \"{r['notice']}\"", f"      name: {r['name']}", f"      prior_cases: {prior}",
                        "      facilities:", f"        - name: 医療機関{r['notice']}",
                        "          reason: 対象となる患者がいなかったため。", "          plan: 引き続き症例の集積に努める。"]
    print("\n".join(out))


if __name__ == "__main__":
    main()
