"""Mutation probe for questions (issue 11): near-miss questions made in bulk, independent of any writer.

From every dev-half answerable question (paraphrase, context) of the seeds (eval/everyday.jsonl) and of every
eval/freshN up to fresh10 (never a later set, so its figures stay comparable) it makes mutants that change ONE part of the question so that its
article cannot answer it, each unanswerable by construction (the absence is asserted on the real corpus files):

- place: a named place → a real place of the same rank (province, city, county, district, town; from the lists
  below, chosen with a seeded generator) that occurs in no page of that corpus, in full or short form;
- year: a year (2023年, or 今年/去年) → a year no page of that corpus states;
- period: a quarter / half-year / month → another one the article (so also its evidence paragraph) never states;
- part: a part of a "其中…" clause the question names → a sibling part the article never names;
- measure: a measure word the question names → a related measure of the same object the article never names.

Each mutant is asked through ``Assistant.ask`` on its corpus; the report gives per kind n, answered (must be 0),
the share answered, and the answers given.

    PYTHONPATH=$PWD python eval/question_mutations.py [--sets seeds,fresh,...] [--kinds place,year] [--json] [--out DIR]
                                                     [--seed 9] [--limit N] [--show]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from _probe import probe, probed, write_report  # noqa: E402

KINDS = ("place", "year", "period", "part", "measure")

# Real Chinese places by rank (well-known names; a candidate is used only where no page of the corpus names it).
PLACES = {
    "省": "河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 江西省 山东省 河南省 湖北省 湖南省 广东省 海南省"
          " 四川省 贵州省 云南省 陕西省 甘肃省 青海省".split(),
    "市": "石家庄市 唐山市 保定市 邯郸市 大同市 长治市 锦州市 四平市 齐齐哈尔市 牡丹江市 徐州市 扬州市 温州市 绍兴市 芜湖市"
          " 蚌埠市 泉州市 漳州市 赣州市 九江市 潍坊市 临沂市 洛阳市 开封市 宜昌市 襄阳市 岳阳市 衡阳市 汕头市 湛江市 柳州市"
          " 桂林市 绵阳市 南充市 遵义市 曲靖市 宝鸡市 天水市 张掖市 银川市".split(),
    "县": "正定县 安吉县 德清县 桐庐县 婺源县 凤凰县 阳朔县 宾川县 丹寨县 岐山县 平遥县 长兴县 霞浦县 武义县 泾县 歙县 黟县"
          " 大荔县 洛川县 金寨县 兰考县 固始县 泗水县 沂水县 莒县 巫山县 奉节县 盐源县 米易县 镇远县 雷山县".split(),
    "区": "海淀区 朝阳区 浦东新区 徐汇区 天河区 越秀区 福田区 南山区 鼓楼区 玄武区 锦江区 武侯区 江北区 渝中区 雁塔区"
          " 碑林区 历下区 市南区 思明区 西湖区".split(),
    "镇": "周庄镇 西塘镇 同里镇 朱家角镇 南浔镇 甪直镇 黄龙溪镇 洛带镇 千灯镇 锦溪镇 大圩镇 虎门镇 长安镇 石湾镇".split(),
    "乡": "王阜乡 支尔莫乡 加榜乡 花石乡 茅坪乡".split(),
}
# The other parts of a whole that "其中…" names one of (a sibling is used only where the article never names it).
SIBLINGS = [("出口", "进口"), ("城镇", "农村"), ("小学", "初中"), ("初中", "高中"), ("金牌", "银牌"), ("银牌", "铜牌"),
            ("一等奖", "二等奖"), ("二等奖", "三等奖"), ("男性", "女性"), ("公办", "民办"), ("本科", "专科"), ("硕士", "博士"),
            ("一期", "二期"), ("新建", "改建"), ("国有", "民营"), ("水稻", "玉米"), ("小麦", "玉米"), ("猪", "牛"),
            ("外资", "内资"), ("货物", "服务"), ("第一产业", "第三产业"), ("第二产业", "第三产业"), ("城区", "乡镇"),
            ("入境", "出境"), ("国内", "国际"), ("省级", "国家级"), ("市级", "县级"), ("线上", "线下"), ("男子", "女子")]
# A related measure of the same object (used only where the article never names it).
MEASURES = [("产量", "产值"), ("销量", "销售额"), ("营业收入", "利润总额"), ("营收", "净利润"), ("出口额", "进口额"),
            ("存款", "贷款"), ("长度", "宽度"), ("票房", "观影人次"), ("税收", "利润总额"), ("投资额", "营业收入")]
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_RELATIVE_YEAR = re.compile(r"今年|去年|前年")
_CN_MONTH = "一 二 三 四 五 六 七 八 九 十 十一 十二".split()
_QUARTERS = ("一季度", "二季度", "三季度", "四季度", "上半年", "下半年", "前三季度")
_QUARTER_FORMS = {
    "一季度": ("一季度", "1季度", "1-3月", "1—3月", "1至3月", "1~3月"),
    "二季度": ("二季度", "2季度", "4-6月", "4—6月", "4至6月"),
    "三季度": ("三季度", "3季度", "7-9月", "7—9月", "7至9月"),
    "四季度": ("四季度", "4季度", "10-12月", "10—12月", "10至12月"),
    "上半年": ("上半年", "1-6月", "1—6月", "1至6月", "前6个月", "前六个月", "1~6月"),
    "下半年": ("下半年", "7-12月", "7—12月", "7至12月"),
    "前三季度": ("前三季度", "1-9月", "1—9月", "1至9月", "前9个月", "前九个月", "1~9月"),
}
_QUARTER_IN_Q = re.compile(r"前三季度|第?[一二三四1-4]季度|上半年|下半年")
_MONTH_IN_Q = re.compile(r"(?<![\d年\-—至~])(1[0-2]|[1-9])月份?(?!\d*日)")
_PART = re.compile(r"其中([^，,；;。]*)")


@dataclass(frozen=True)
class Mutant:
    mid: str
    question: str
    source_qid: str
    source_question: str
    kind: str
    set: str
    changed: str  # "old → new"


def _sets(names: list[str]) -> list[tuple[str, Path | None, Path]]:
    out = []
    for name in names:
        if not probed(name):
            continue
        if name == "seeds":
            out.append((name, None, ROOT / "eval/everyday.jsonl"))
        else:
            out.append((name, ROOT / "eval" / name, ROOT / f"eval/{name}_questions.jsonl"))
    return out


def answerable_dev(path: Path) -> list[dict]:
    """The dev paraphrase / context questions of a questions file (no follow-ups: they lean on the history)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            if r.get("split") == "dev" and r.get("kind") in ("paraphrase", "context") and not r.get("history"):
                rows.append(r)
    return rows


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def corpus_pages(corpus: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus.rglob("*"))
            if p.is_file() and p.suffix.lower() in (".txt", ".md", ".html", ".htm")}


def page_of(row: dict, pages: dict[str, str]) -> str | None:
    """The article a question is about: its ``source`` file, or the page holding its evidence."""
    page = pages.get(Path(row.get("source") or "").name)
    if page is not None:
        return page
    evidence = _squash(row.get("evidence") or "")
    return next((p for p in pages.values() if evidence and evidence in _squash(p)), None)


def _paragraph_of(evidence: str, page: str) -> str:
    ev = _squash(evidence)
    return next((p for p in page.split("\n") if ev and ev in _squash(p)), "")


def place_forms(name: str) -> tuple[str, ...]:
    """A place in full and short (青海省 / 青海; 祁连县 / 祁连): every form must be absent from the corpus."""
    short = name[:-1] if name[-1] in "省市县区镇乡" and len(name) >= 3 else name
    short = short[:-1] if short.endswith("新") else short  # 浦东新区 → 浦东
    return (name, short) if short != name else (name,)


def absent_from(forms, texts) -> bool:
    return not any(f in t for f in forms for t in texts)


def _rank(name: str) -> tuple[str, bool] | None:
    """(rank, written with its suffix) of a place name of the question."""
    from rag.places import PROVINCE_NAMES

    core = name[:-1] if name.endswith("省") else name
    if core in PROVINCE_NAMES:
        return "省", name.endswith("省")
    if len(name) >= 3 and name[-1] in "市县区镇乡":
        return name[-1], True
    return None


def _question_places(question: str) -> list[str]:
    import jieba.posseg

    from rag.answer.question import GENERIC_PLACES, analyze_question

    names = [w.word for w in jieba.posseg.lcut(question) if w.flag == "ns" and len(w.word) >= 2]
    names += [e for e in analyze_question(question).entities if e not in names]
    return [n for n in names if n not in GENERIC_PLACES and n in question]


def mutate_place(q: str, page: str, corpus: list[str], rng: random.Random) -> tuple[str, str] | None:
    for name in _question_places(q):
        rank = _rank(name)
        if rank is None or not any(f in page for f in place_forms(name) + (name,)):
            continue
        level, suffixed = rank
        choices = [c for c in PLACES[level] if absent_from(place_forms(c), corpus) and c[0] != name[0]]
        if not choices:
            continue
        other = rng.choice(choices)
        if not suffixed:
            other = place_forms(other)[-1]
        return q.replace(name, other, 1), f"{name} → {other}"
    return None


def _years_stated(corpus: list[str]) -> set[str]:
    return {m for text in corpus for m in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text)}


def mutate_year(q: str, page: str, corpus: list[str], rng: random.Random) -> tuple[str, str] | None:
    stated = _years_stated(corpus)
    choices = [str(y) for y in range(2000, 2031) if str(y) not in stated]
    if not choices:
        return None
    year = rng.choice(choices)
    m = _YEAR.search(q)
    if m:
        return q[:m.start(1)] + year + q[m.end(1):], f"{m.group(1)}年 → {year}年"
    m = _RELATIVE_YEAR.search(q)
    if m:
        return q[:m.start()] + f"{year}年" + q[m.end():], f"{m.group()} → {year}年"
    return None


def _month_forms(month: int) -> tuple[str, ...]:
    return (f"{month}月", f"{_CN_MONTH[month - 1]}月")


def mutate_period(q: str, page: str, corpus: list[str], rng: random.Random) -> tuple[str, str] | None:
    m = _QUARTER_IN_Q.search(q)
    if m:
        asked = m.group().lstrip("第").replace("1季", "一季").replace("2季", "二季").replace("3季", "三季").replace("4季", "四季")
        choices = [t for t in _QUARTERS if t != asked and t not in asked and asked not in t
                   and absent_from(_QUARTER_FORMS[t], [page])]
        if choices:
            other = rng.choice(choices)
            return q[:m.start()] + other + q[m.end():], f"{m.group()} → {other}"
        return None
    m = _MONTH_IN_Q.search(q)
    if m:
        asked = int(m.group(1))
        # the month, and every month whose digits hold it or are held by it (1月 / 11月), never stated in the article
        choices = [n for n in range(1, 13) if n != asked and absent_from(_month_forms(n), [page])]
        if choices:
            other = rng.choice(choices)
            return q[:m.start(1)] + str(other) + q[m.end(1):], f"{asked}月 → {other}月"
    return None


def mutate_word(q: str, page: str, pairs: list[tuple[str, str]], rng: random.Random, said_in: str | None = None
                ) -> tuple[str, str] | None:
    """A word of ``q`` (said in ``said_in``, by default the page) → its partner of ``pairs`` (either way round) that
    the page never names: a sibling part (出口 → 进口) or a related measure (产量 → 产值)."""
    pairs = pairs + [(b, a) for a, b in pairs]
    rng.shuffle(pairs)
    for word, other in pairs:
        if word in q and word in (page if said_in is None else said_in) and other not in q and absent_from((other,), [page]):
            return q.replace(word, other, 1), f"{word} → {other}"
    return None


def mutate_part(q: str, page: str, evidence: str, rng: random.Random) -> tuple[str, str] | None:
    """A part the evidence sentence's "其中…" names → a sibling part."""
    sentence = next((s for s in re.split(r"(?<=[。！？；])", _paragraph_of(evidence, page) or evidence)
                     if _squash(evidence)[:12] in _squash(s)), evidence)
    parts = " ".join(_PART.findall(sentence))
    return mutate_word(q, page, SIBLINGS, rng, parts) if parts else None


def make_mutants(set_name: str, rows: list[dict], pages: dict[str, str], seed: int, kinds=KINDS) -> list[Mutant]:
    corpus = list(pages.values())
    out = []
    for row in rows:
        page = page_of(row, pages)
        if page is None:
            continue
        q = row["question"]
        for kind in kinds:
            rng = random.Random(f"{seed}:{set_name}:{row['qid']}:{kind}")
            if kind == "place":
                made = mutate_place(q, page, corpus, rng)
            elif kind == "year":
                made = mutate_year(q, page, corpus, rng)
            elif kind == "period":
                made = mutate_period(q, page, corpus, rng)
            elif kind == "part":
                made = mutate_part(q, page, row.get("evidence") or "", rng)
            else:
                made = mutate_word(q, page, MEASURES, rng)
            if made is None or made[0] == q:
                continue
            out.append(Mutant(f"{set_name}:{row['qid']}:{kind}", made[0], row["qid"], q, kind, set_name, made[1]))
    return out


def run(sets: list[str], seed: int = 9, kinds=KINDS, limit: int | None = None, progress: bool = True):
    def mutants_of(name, corpus, questions):
        return make_mutants(name, answerable_dev(questions), corpus_pages(corpus), seed, kinds)

    def judge(assistant, m):
        answer = assistant.ask(m.question, k=5, mode="hybrid")
        return {"answered": not answer.refused, "answer": None if answer.refused else (answer.short or answer.answer)[:120]}

    records, seconds = probe(_sets(sets), mutants_of, judge, limit, progress)
    return summarise(records, seconds, kinds), records


def summarise(records: list[dict], seconds: float, kinds=KINDS) -> dict:
    groups = defaultdict(list)
    for r in records:
        groups[r["kind"]].append(r)
    by_kind = {}
    for kind in kinds:
        rs = groups.get(kind, [])
        answered = [r for r in rs if r["answered"]]
        by_kind[kind] = {"n": len(rs), "answered": len(answered),
                         "answered_share": round(len(answered) / len(rs), 4) if rs else None,
                         "answers": [{"mid": r["mid"], "question": r["question"], "changed": r["changed"], "answer": r["answer"]}
                                     for r in answered]}
    by_set = {s: {"n": sum(1 for r in records if r["set"] == s), "answered": sum(1 for r in records if r["set"] == s and r["answered"])}
              for s in sorted({r["set"] for r in records})}
    return {"n": len(records), "answered": sum(1 for r in records if r["answered"]), "by_kind": by_kind, "by_set": by_set,
            "seconds": round(seconds, 1)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="seeds,fresh,fresh2,fresh3,fresh4,fresh5,fresh6")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--limit", type=int, default=None, help="at most N mutants per set")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--show", action="store_true", help="print the answered mutants")
    args = parser.parse_args(argv)
    kinds = tuple(k for k in args.kinds.split(",") if k in KINDS)
    summary, records = run([s for s in args.sets.split(",") if s], args.seed, kinds, args.limit)
    write_report(summary, records, args.out, args.json)
    if not args.json:
        print(f"mutants {summary['n']}, answered {summary['answered']} ({summary['seconds']} s)")
        print("| kind | n | answered | share answered |")
        for kind, s in summary["by_kind"].items():
            print(f"| {kind} | {s['n']} | {s['answered']} | {s['answered_share']} |")
        print("answered by set:", {s: v["answered"] for s, v in summary["by_set"].items()})
    if args.show:
        for s in summary["by_kind"].values():
            for a in s["answers"]:
                print(f"{a['mid']}\t{a['changed']}\t{a['question']}\t→ {a['answer']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
