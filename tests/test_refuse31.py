"""Issue 11, helper "refuse31": a question noun naming two-way traffic by a pair of opposite motions (进出港, 进出站,
装卸) is said by a sentence counting its place's 吞吐量, the news word for all that goes in and out of a port, airport or
station (rag.answer.scoring._two_way_said, switch ``two_way_throughput``).

- "机场去年进出港旅客有多少" is answered by "完成旅客吞吐量186.2万人次" (before: refused, 没有谈到“进出港”);
- the reading only makes the noun said: a passage that names no throughput still does not say it, 出入境 (a border
  crossing, the international part of an airport's traffic) and 进出口 (foreign trade) are no two-way traffic of the
  whole, and a near miss on another place or period stays refused.
The sentences are written for this test (no eval row)."""
from __future__ import annotations

from conftest import ask, paragraph_maker, same_meaning

from rag.answer.scoring import _two_way_said

paragraph = paragraph_maker("青川机场客流创新高")

AIRPORT = paragraph("记者从青川机场获悉，2025年青川机场完成旅客吞吐量186.2万人次，同比增长9.4%；完成货邮吞吐量1.2万吨。")
STATION = paragraph("2025年青川机场共开通航线32条，通航城市28个，旅客满意度达到98.6%。")

TWO_WAY = "青川机场2025年进出港旅客有多少？"


def test_two_way_traffic_is_said_by_throughput(monkeypatch):
    answer = ask(TWO_WAY, AIRPORT, similarity=same_meaning)
    assert not answer.refused and answer.short == "186.2万人次", answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "two_way_throughput")
    answer = ask(TWO_WAY, AIRPORT, similarity=same_meaning)
    assert answer.refused and "进出港" in answer.answer, answer.answer


def test_no_throughput_no_two_way_traffic():
    # a passage counting no throughput does not say 进出港
    answer = ask(TWO_WAY, STATION, similarity=same_meaning)
    assert answer.refused, answer.answer
    # one way only (进港, the arrivals) is a part of the throughput, not said by it
    answer = ask("青川机场2025年进港旅客有多少？", AIRPORT, similarity=same_meaning)
    assert answer.refused and "进港" in answer.answer, answer.answer
    # 出入境 is the international part, 进出口 foreign trade: neither is the throughput of the whole
    text = AIRPORT.text
    assert _two_way_said("进出港", text) and _two_way_said("装卸", text) and _two_way_said("进出站", text)
    assert not _two_way_said("出入境", text) and not _two_way_said("进出口", text) and not _two_way_said("进港", text)
    assert not _two_way_said("进出港", STATION.text)


def test_near_misses_stay_refused():
    assert ask("青川机场2024年进出港旅客有多少？", AIRPORT, similarity=same_meaning).refused
    assert ask("白水机场2025年进出港旅客有多少？", AIRPORT, similarity=same_meaning).refused
