"""The static site of an edition: files, relative links, a valid Atom feed, atomic replacement."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

import broadsheet
from broadsheet.cli import main
from broadsheet.formats.html_page import WriteOptions, write_site
from broadsheet.model import Edition, Section

SEED = Path(__file__).resolve().parents[3] / "examples" / "zn-blinken.json"
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def _edition() -> Edition:
    seed = broadsheet.read(SEED)
    other = broadsheet.read(SEED).__class__(title="Друга стаття", language="uk", id="tag:zn.ua,2022:2")
    return Edition(
        title="Ранковий випуск",
        language="uk",
        sections=[Section(title="Політика", articles=[seed]), Section(title="Світ", articles=[other])],
    )


def test_the_site_has_an_index_a_page_per_article_and_a_feed(tmp_path: Path) -> None:
    target = tmp_path / "site"
    write_site(_edition(), target)
    names = sorted(p.name for p in target.iterdir())
    assert names == [
        "feed.xml",
        "index.html",
        "ssha-ne-obhovorjuvatimut-iz-rf-printsip-vidchinenikh-dverej.html",
        "tag-zn-ua-2022-2.html",
    ]
    index = (target / "index.html").read_text("utf-8")
    links = re.findall(r'href="([^"]+)"', index)
    assert set(links) == {"feed.xml", *[n for n in names if n.endswith(".html") and n != "index.html"]}
    for name in names:
        if name.endswith(".html") and name != "index.html":
            page = (target / name).read_text("utf-8")
            assert 'href="index.html"' in page
    feed = etree.parse(str(target / "feed.xml")).getroot()
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.findtext("a:id", namespaces=ATOM) and feed.findtext("a:updated", namespaces=ATOM)
    entries = feed.findall("a:entry", ATOM)
    assert [e.find("a:link", ATOM).get("href") for e in entries] == [n for n in links if n != "feed.xml"]
    ids = [e.findtext("a:id", namespaces=ATOM) for e in entries]
    assert len(set(ids)) == len(ids) and all(e.findtext("a:updated", namespaces=ATOM) for e in entries)
    assert entries[0].findtext("a:summary", namespaces=ATOM)


def test_the_site_is_the_same_bytes_every_time(tmp_path: Path) -> None:
    write_site(_edition(), tmp_path / "a")
    write_site(_edition(), tmp_path / "b")
    for path in (tmp_path / "a").iterdir():
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()


def test_a_failed_build_leaves_the_old_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old")

    written: list[Path] = []
    real = Path.write_bytes

    def fail_second(self: Path, data: bytes) -> int:
        written.append(self)
        if len(written) == 2:  # half-way through the build
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", fail_second)
    with pytest.raises(broadsheet.OutputError, match="No space left"):
        write_site(_edition(), target, WriteOptions())
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    assert [p.name for p in target.iterdir()] == ["old.html"]


def test_the_cli_writes_a_site_for_an_output_ending_in_a_slash(tmp_path: Path) -> None:
    out = f"{tmp_path}/site/"
    assert main(["edition", "--section", f"Політика:{SEED}", "--title", "Випуск", "-o", out]) == 0
    assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "site" / "feed.xml").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_an_edition_to_one_html_file_says_to_write_a_folder() -> None:
    with pytest.raises(broadsheet.OptionError, match="folder"):
        broadsheet.write(_edition(), "html")
