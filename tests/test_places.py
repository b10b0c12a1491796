"""rag.places holds the readings the ingest stage shares with the answer stage (jieba's cut, the province
names, baseline years): ingest imports them from there, so it never loads the answer or check stage."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_ingest_stage_loads_no_answer_or_check_module():
    code = ("import sys, rag.setting, rag.ingest, rag.sources; "
            "print(' '.join(m for m in sys.modules if m.startswith(('rag.answer', 'rag.check'))))")
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == ""


def test_the_answer_stage_reads_with_the_same_shared_functions():
    from rag import places, setting
    from rag.answer import question

    # one tagger and one cache for both stages, not a copy each
    assert question.pos_cut is places.pos_cut and setting.pos_cut is places.pos_cut
    assert question.is_province is places.is_province and question.PROVINCE_NAMES is places.PROVINCE_NAMES
    assert places.is_province("江西") and places.is_province("江西省") and not places.is_province("九江市")
    assert places.without_baselines("与2024年相比增加168万辆") == "增加168万辆"
