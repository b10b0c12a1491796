"""Mutation probe for fact checking (issue 10): a wrong part marked 一致 is the worst error; here is a systematic probe.

From the dev-half **supported** claims of every set (seeds: eval/claims.jsonl, eval/claim_drafts.jsonl; each eval/freshN/:
its claims and drafts; up to fresh10, never a later set) it makes mutants that change ONE part of the claim so that the article no longer
supports it, checks each with ``Assistant.check`` on its corpus and reports, per mutation kind: n, share 一致 (must be 0),
share 不一致, and share of 不一致 whose ``found`` holds the claim's original part where that is computable.

Kinds: value (an exact figure +10..30 % or two digits swapped; 超过/近/约/余/以上 figures doubled), unit (万↔亿, 人→人次 where
the page never says 人次), direction (增长↔下降, 增加↔减少, 提高↔降低, right before a figure), place / org (another name of
the same kind, same last character, named on the page, never in a sentence with the claim's figure), period (一季度↔二季度,
上半年↔全年, a year ±1), date (a day ±3), name (another person named on the page, another quoted programme name).
A mutant is kept only if its changed part, with the claim's figure, is said nowhere on the page.

    PYTHONPATH=$PWD python eval/claim_mutations.py [--sets seeds,fresh,...] [--json] [--out DIR] [--seed 8]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from _probe import probe, probed, write_report  # noqa: E402

KINDS = ("value", "unit", "direction", "place", "org", "period", "date", "name")
_QUALIFIED = re.compile(r"(超过|超|近|约|逾|以上|余|多|左右|接近|突破|不低于|不少于|上下)")
_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])")
_DIRECTIONS = [("增长", "下降"), ("增加", "减少"), ("提高", "降低"), ("上升", "下降"), ("提升", "下降")]
_PERIODS = [("一季度", "二季度"), ("二季度", "三季度"), ("三季度", "四季度"), ("上半年", "全年"), ("前三季度", "上半年")]
_YEAR = re.compile(r"(20[0-4]\d)年")
_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")
_QUOTED = re.compile(r"(?<=[“《])([\u4e00-\u9fff·]{2,12})(?=[”》])")


@dataclass(frozen=True)
class Mutant:
    cid: str
    claim: str
    source_cid: str
    source_claim: str
    kind: str
    set: str
    correct: str | None  # the claim's original part, where a 不一致 should report it


def _sets(names: list[str]) -> list[tuple[str, Path | None, list[Path]]]:
    out = []
    for name in names:
        if not probed(name):
            continue
        if name == "seeds":
            out.append((name, None, [ROOT / "eval/claims.jsonl", ROOT / "eval/claim_drafts.jsonl"]))
        else:
            out.append((name, ROOT / "eval" / name, [ROOT / f"eval/{name}_claims.jsonl", ROOT / f"eval/{name}_drafts.jsonl"]))
    return out


def supported_dev(files: list[Path]) -> list[tuple[str, str, str | None]]:
    """(cid, claim text, evidence) of every supported dev claim of the files."""
    rows = []
    for path in files:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            if record.get("split") != "dev":
                continue
            if "claims" in record:
                for i, c in enumerate(record["claims"]):
                    if c.get("verdict") == "supported":
                        rows.append((f"{record['did']}.{i}", c["text"], c.get("evidence")))
            elif record.get("verdict") == "supported":
                rows.append((record["cid"], record["claim"], record.get("evidence")))
    return rows


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _page_of(evidence: str | None, pages: list[str]) -> str | None:
    if not evidence:
        return None
    ev = _squash(evidence)
    return next((p for p in pages if ev in _squash(p)), None)


def _sentences(page: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。！？!?\n])", page) if s.strip()]


def _number_text(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}" if decimals else str(int(round(value)))


def _mutate_value(claim: str, page: str, rng: random.Random) -> tuple[str, str] | None:
    for match in _NUMBER.finditer(claim):
        written = match.group(1)
        if _YEAR.match(claim, match.start()) or re.match(r"\d+[月日时]", claim[match.start():]):
            continue
        value = float(written)
        if value == 0:
            continue
        decimals = len(written.split(".")[1]) if "." in written else 0
        near = claim[max(0, match.start() - 3):match.end() + 4]
        if _QUALIFIED.search(near):
            new = _number_text(value * 2, decimals)
        elif len(written.replace(".", "")) >= 2 and rng.random() < 0.5 and len(set(written.replace(".", ""))) > 1:
            digits = list(written)
            positions = [i for i, ch in enumerate(digits) if ch.isdigit()]
            for _ in range(10):
                i, j = sorted(rng.sample(positions, 2))
                if digits[i] != digits[j] and not (i == 0 and digits[j] == "0"):
                    digits[i], digits[j] = digits[j], digits[i]
                    break
            new = "".join(digits)
        else:
            new = _number_text(value * (1 + rng.uniform(0.10, 0.30)), decimals)
        if new == written or float(new) == value or new in page:
            continue
        return claim[:match.start()] + new + claim[match.end():], written
    return None


def _mutate_unit(claim: str, page: str, rng: random.Random) -> tuple[str, str] | None:
    m = re.search(r"(\d(?:\.\d+)?)(万|亿)(?=[\u4e00-\u9fff])", claim)
    if m:
        other = "亿" if m.group(2) == "万" else "万"
        return claim[:m.start(2)] + other + claim[m.end(2):], m.group(1) + m.group(2)
    m = re.search(r"(\d(?:\.\d+)?)人(?!次)", claim)
    if m and "人次" not in page:
        return claim[:m.end()] + "次" + claim[m.end():], None
    return None


def _mutate_direction(claim: str, page: str, rng: random.Random) -> tuple[str, str] | None:
    for a, b in _DIRECTIONS:
        for word, other in ((a, b), (b, a)):
            m = re.search(word + r"(?=了?(?:近|超过|约)?\d)", claim)
            if m:
                return claim[:m.start()] + other + claim[m.end():], word
    return None


def _tokens(text: str) -> list[tuple[str, str, int]]:
    import jieba.posseg
    out, at = [], 0
    for w in jieba.posseg.lcut(text):
        out.append((w.word, w.flag, at))
        at += len(w.word)
    return out


def _mutate_named(flag: str, claim: str, page: str, rng: random.Random) -> tuple[str, str] | None:
    """Another name of the same kind (jieba's ``ns`` place / ``nt`` organisation, the same last character) of the page."""
    figures = set(_NUMBER.findall(claim))
    if not figures:
        return None
    names_page = sorted({w for w, f, _ in _tokens(page) if f == flag and len(w) >= 2})
    for name, f, at in _tokens(claim):
        if f != flag or len(name) < 3 or name not in page:
            continue
        # another name of the same kind, not a longer or shorter form of the same one (黔东南州 / 黔东南苗族侗族自治州)
        choices = [n for n in names_page if len(n) >= 3 and n[-1] == name[-1] and n[:2] != name[:2] and n not in claim
                   and not set(n[:-1]) & set(name[:-1])]
        rng.shuffle(choices)
        for other in choices:
            # never where the page says the other with the claim's figure
            if any(other in s and any(x in s for x in figures) for s in _sentences(page)):
                continue
            return claim[:at] + other + claim[at + len(name):], None
    return None


def _mutate_period(claim: str, page: str, rng: random.Random) -> tuple[str, str] | None:
    figures = set(_NUMBER.findall(claim)) - set(_YEAR.findall(claim))
    for a, b in _PERIODS:
        for word, other in ((a, b), (b, a)):
            if word in claim and not (word == "上半年" and "前三季度" in claim):
                if any(other in s and any(f in s for f in figures) for s in _sentences(page)):
                    continue
                return claim.replace(word, other, 1), None
    m = _YEAR.search(claim)
    if m and figures:
        year = str(int(m.group(1)) + rng.choice((-1, 1)))
        if not any(year in s and any(f in s for f in figures) for s in _sentences(page)):
            return claim[:m.start(1)] + year + claim[m.end(1):], None
    return None


def _mutate_date(claim: str, page: str, rng: random.Random) -> tuple[str, str] | None:
    m = _DAY.search(claim)
    if not m:
        return None
    day = int(m.group(2))
    new = day + 3 if day <= 25 else day - 3
    written = f"{m.group(1)}月{new}日"
    if written in page:
        return None
    return claim[:m.start()] + written + claim[m.end():], m.group()


def _person_names(text: str) -> list[str]:
    import jieba.posseg
    return [w.word for w in jieba.posseg.lcut(text) if w.flag == "nr" and len(w.word) == 3]


def _mutate_name(claim: str, page: str, rng: random.Random) -> tuple[str, str] | None:
    ours = [n for n in _person_names(claim) if n in page]
    if ours:
        others = sorted({n for n in _person_names(page) if n not in ours and n not in claim and not any(n in o or o in n for o in ours)})
        rng.shuffle(others)
        if others:
            return claim.replace(ours[0], others[0], 1), ours[0]
    quoted = [m for m in _QUOTED.finditer(claim) if m.group(1) in page]
    if quoted:
        m = quoted[0]
        after = claim[m.end() + 1:m.end() + 3]  # the same kind: the same words after it ("“X”职工驿站" / "“Y”职工驿站")
        others = sorted({q.group(1) for q in _QUOTED.finditer(page) if page[q.end() + 1:q.end() + 3] == after and len(after) == 2
                         and q.group(1) != m.group(1) and q.group(1) not in claim and not set(q.group(1)) & set(m.group(1))})
        rng.shuffle(others)
        if others:
            return claim[:m.start(1)] + others[0] + claim[m.end(1):], m.group(1)
    return None


_MAKERS = {
    "value": _mutate_value, "unit": _mutate_unit, "direction": _mutate_direction,
    "place": lambda c, p, r: _mutate_named("ns", c, p, r), "org": lambda c, p, r: _mutate_named("nt", c, p, r),
    "period": _mutate_period, "date": _mutate_date, "name": _mutate_name,
}


def make_mutants(set_name: str, rows, pages: list[str], seed: int, kinds=KINDS) -> list[Mutant]:
    mutants = []
    for cid, claim, evidence in rows:
        page = _page_of(evidence, pages)
        if page is None:
            continue
        for kind in kinds:
            rng = random.Random(f"{seed}:{set_name}:{cid}:{kind}")
            made = _MAKERS[kind](claim, page, rng)
            if made is None or made[0] == claim:
                continue
            text, correct = made
            mutants.append(Mutant(f"{set_name}:{cid}:{kind}", text, cid, claim, kind, set_name, correct))
    return mutants


def _pages(corpus: Path) -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus.rglob("*")) if p.is_file()
            and p.suffix.lower() in (".txt", ".md", ".html", ".htm")]


def run(sets: list[str], seed: int = 8, kinds=KINDS, limit: int | None = None, progress: bool = True):
    from rag.check.evaluate import _decisive, found_holds

    def mutants_of(name, corpus, files):
        return make_mutants(name, supported_dev(files), _pages(corpus), seed, kinds)

    def judge(assistant, m):
        verdict, chosen = _decisive(assistant.check(m.claim).claims)
        found = chosen.found if chosen is not None and verdict == "contradicted" else None
        return {"verdict": verdict, "found": found,
                "found_correct": found_holds(found, m.correct) if verdict == "contradicted" and m.correct else None}

    records, seconds = probe(_sets(sets), mutants_of, judge, limit, progress)
    return summarise(records, seconds), records


def summarise(records, seconds: float) -> dict:
    by_kind: dict[str, dict] = {}
    groups = defaultdict(list)
    for r in records:
        groups[r["kind"]].append(r)
    for kind in KINDS:
        rs = groups.get(kind, [])
        counts = Counter(r["verdict"] for r in rs)
        fc = [r["found_correct"] for r in rs if r["found_correct"] is not None]
        by_kind[kind] = {"n": len(rs), "supported": counts["supported"],
                         "supported_share": round(counts["supported"] / len(rs), 4) if rs else None,
                         "contradicted_share": round(counts["contradicted"] / len(rs), 4) if rs else None,
                         "found_correct": round(sum(fc) / len(fc), 4) if fc else None}
    by_set = {s: sum(1 for r in records if r["set"] == s and r["verdict"] == "supported")
              for s in sorted({r["set"] for r in records})}
    return {"n": len(records), "supported": sum(1 for r in records if r["verdict"] == "supported"),
            "by_kind": by_kind, "supported_by_set": by_set, "seconds": round(seconds, 1)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="seeds,fresh,fresh2,fresh3,fresh4,fresh5,fresh6")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--show", action="store_true", help="print the mutants marked 一致")
    args = parser.parse_args(argv)
    summary, records = run([s for s in args.sets.split(",") if s], args.seed)
    write_report(summary, records, args.out, args.json)
    if not args.json:
        print(f"mutants {summary['n']}, marked 一致 {summary['supported']} ({summary['seconds']} s)")
        print("| kind | n | 一致 | share 一致 | share 不一致 | found correct |")
        for kind, s in summary["by_kind"].items():
            print(f"| {kind} | {s['n']} | {s['supported']} | {s['supported_share']} | {s['contradicted_share']} | {s['found_correct']} |")
        print("一致 by set:", summary["supported_by_set"])
    if args.show:
        for r in records:
            if r["verdict"] == "supported":
                print(f"{r['kind']}\t{r['source_claim']}\t→\t{r['claim']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
