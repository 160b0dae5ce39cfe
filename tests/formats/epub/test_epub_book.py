"""What the books contain: metadata, navigation, language, direction, chapters, and ebooklib's fixed defaults."""

from __future__ import annotations

import io
import uuid
import warnings
import zipfile
from pathlib import Path

import pytest
from epub_samples import deeply_nested, edition, empty_body, odd_characters, rtl_arabic, two_authors
from lxml import etree

import broadsheet
from broadsheet.model import Article, Block, BulletList, Paragraph, Text
from seed_story import full_article, seed_article

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def unpack(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return {name: book.read(name) for name in book.namelist()}


def xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


@pytest.fixture(scope="module")
def seed_files() -> dict[str, bytes]:
    return unpack(broadsheet.write(seed_article(), "epub"))


@pytest.fixture(scope="module")
def edition_files() -> dict[str, bytes]:
    return unpack(broadsheet.write(edition(), "epub"))


def test_package_has_language_identifier_and_modified_from_content(seed_files: dict[str, bytes]) -> None:
    opf = xml(seed_files["EPUB/content.opf"])
    assert opf.get(XML_LANG) == "uk"
    assert opf.findtext("opf:metadata/dc:language", namespaces=NS) == "uk"
    expected = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, seed_article().url or '')}"
    assert opf.findtext("opf:metadata/dc:identifier", namespaces=NS) == expected
    ncx = xml(seed_files["EPUB/toc.ncx"])
    assert ncx.find("ncx:head/ncx:meta[@name='dtb:uid']", NS).get("content") == expected
    assert ncx.get(XML_LANG) == "uk"
    modified = opf.findtext("opf:metadata/opf:meta[@property='dcterms:modified']", namespaces=NS)
    assert modified == "2022-01-21T17:45:00Z"  # 19:45 in Kyiv, the newest date in the story


def test_source_date_epoch_sets_modified_and_zip_times(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = broadsheet.write(seed_article(), "epub")
    opf = xml(unpack(data)["EPUB/content.opf"])
    assert opf.findtext("opf:metadata/opf:meta[@property='dcterms:modified']", namespaces=NS) == (
        "2023-11-14T22:13:20Z"
    )
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        assert {info.date_time for info in book.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        first = book.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
    assert data[30:38] == b"mimetype"


def test_bad_source_date_epoch_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(broadsheet.WriteError, match="SOURCE_DATE_EPOCH"):
        broadsheet.write(seed_article(), "epub")


def test_accessibility_metadata(seed_files: dict[str, bytes]) -> None:
    opf = xml(seed_files["EPUB/content.opf"])

    def values(prop: str) -> list[str]:
        return [m.text or "" for m in opf.findall(f"opf:metadata/opf:meta[@property='{prop}']", NS)]

    assert "textual" in values("schema:accessMode")
    assert "textual" in values("schema:accessModeSufficient")
    assert {"structuralNavigation", "tableOfContents", "readingOrder"} <= set(
        values("schema:accessibilityFeature")
    )
    assert values("schema:accessibilityHazard") == ["none"]
    assert values("schema:accessibilitySummary")
    assert values("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]


def test_no_conformance_claim_when_an_image_lacks_alternative_text() -> None:
    from epub_samples import DATA

    from broadsheet.model import Figure, Image

    article = Article(title="Undescribed", body=(Figure(image=Image(url=str(DATA / "photo.jpg"))),))
    opf = xml(unpack(broadsheet.write(article, "epub", image_dir=str(DATA)))["EPUB/content.opf"])
    assert opf.find("opf:metadata/opf:meta[@property='dcterms:conformsTo']", NS) is None
    assert "1 of 2 images" in opf.findtext(
        "opf:metadata/opf:meta[@property='schema:accessibilitySummary']", namespaces=NS
    )


def test_navigation_is_localised_without_page_list(seed_files: dict[str, bytes]) -> None:
    nav = xml(seed_files["EPUB/nav.xhtml"])
    assert nav.get(XML_LANG) == "uk"
    assert nav.findtext("x:body/x:nav[@epub:type='toc']/x:h2", namespaces=NS) == "Зміст"
    assert nav.findtext("x:body/x:nav[@epub:type='landmarks']/x:h2", namespaces=NS) == "Орієнтири"
    assert nav.find("x:body/x:nav[@epub:type='page-list']", NS) is None
    assert nav.find("x:head/x:link[@href='broadsheet.css']", NS) is not None


def test_cover_is_our_own_page_first_in_the_spine(seed_files: dict[str, bytes]) -> None:
    opf = xml(seed_files["EPUB/content.opf"])
    spine = [ref.get("idref") for ref in opf.findall("opf:spine/opf:itemref", NS)]
    assert spine[0] == "cover"
    assert all(ref.get("linear") != "no" for ref in opf.findall("opf:spine/opf:itemref", NS))
    assert opf.find("opf:spine", NS).get("toc") == "ncx"
    cover_item = opf.find("opf:manifest/opf:item[@properties='cover-image']", NS)
    assert cover_item is not None
    assert cover_item.get("href") == "cover.svg"
    page = xml(seed_files["EPUB/cover.xhtml"])
    assert page.get(XML_LANG) == "uk"
    assert page.findtext("x:head/x:title", namespaces=NS) == "Обкладинка"
    image = page.find(".//x:img", NS)
    assert image.get("src") == "cover.svg"
    assert seed_article().title in image.get("alt")
    assert seed_article().title.split()[0] in seed_files["EPUB/cover.svg"].decode()


def test_every_page_links_the_stylesheet_and_nothing_scripts(seed_files: dict[str, bytes]) -> None:
    pages = [name for name in seed_files if name.endswith(".xhtml")]
    assert len(pages) == 3
    for name in pages:
        root = xml(seed_files[name])
        assert root.find("x:head/x:link[@href='broadsheet.css']", NS) is not None, name
        assert not root.findall(".//x:script", NS)
        assert not [
            a for el in root.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")
        ]


def test_seed_chapter_carries_every_part_of_the_story(seed_files: dict[str, bytes]) -> None:
    root = xml(seed_files["EPUB/article-001.xhtml"])
    assert root.get(XML_LANG) == "uk" and root.get("lang") == "uk"
    text = "".join(root.itertext())
    story = seed_article()
    assert root.findtext(".//x:h1", namespaces=NS) == story.title
    assert story.lead in text
    assert "Джерело: Інтерфакс-Україна" in text
    assert "«Дуже важливо бути взаємно відвертим" in text  # the inline quote, in Ukrainian marks
    assert "«складними, але професійними»" in text
    aside = root.find(".//x:aside[@class='related']", NS)
    assert aside.findtext("x:p", namespaces=NS) == "Читайте також"
    assert aside.find(".//x:li", NS) is not None
    assert len(root.findall(".//x:span[@class='mention']", NS)) == 3
    assert "«Як Білий дім відповів Кремлю: навіщо Блінкен приїздив до Києва»" in text
    translation = root.find(".//x:aside[@class='translations']//x:a", NS)
    assert translation.get("hreflang") == "ru"
    assert "Русский: США не будут обсуждать" in "".join(translation.itertext())
    assert "21 січня 2022\u00a0р., 19:45" in text


@pytest.mark.filterwarnings("ignore:image .* left out of the EPUB")
def test_full_chapter_carries_block_quotes_and_links() -> None:
    root = xml(unpack(broadsheet.write(full_article(), "epub"))["EPUB/article-001.xhtml"])
    quote = root.find(".//x:figure[@class='quote']", NS)
    assert "Одним із них є принцип «відкритих дверей»." in "".join(quote.find("x:blockquote", NS).itertext())
    assert "".join(quote.find("x:figcaption", NS).itertext()) == "— Ентоні Блінкен, Держсекретар США"
    aside = root.find(".//x:aside[@class='related']", NS)
    assert aside.find(".//x:a", NS).get("href").startswith("https://zn.ua/")


def test_seed_chapter_matches_the_expected_file(seed_files: dict[str, bytes]) -> None:
    from epub_samples import DATA

    expected = DATA / "seed-article-001.xhtml"
    assert seed_files["EPUB/article-001.xhtml"] == expected.read_bytes()


def test_two_authors_get_unique_ids_and_roles() -> None:
    opf = xml(unpack(broadsheet.write(two_authors(), "epub"))["EPUB/content.opf"])
    creators = opf.findall("opf:metadata/dc:creator", NS)
    assert [c.text for c in creators] == ["Jane Doe", "John Roe"]
    assert [c.get("id") for c in creators] == ["creator-1", "creator-2"]
    roles = opf.findall("opf:metadata/opf:meta[@property='role']", NS)
    assert [r.get("refines") for r in roles] == ["#creator-1", "#creator-2"]


def test_relative_links_without_base_keep_their_words() -> None:
    root = xml(unpack(broadsheet.write(two_authors(), "epub"))["EPUB/article-001.xhtml"])
    hrefs = [a.get("href") for a in root.iter("{http://www.w3.org/1999/xhtml}a")]
    assert "/relative/link" not in hrefs
    assert "a relative link with no base" in "".join(root.itertext())
    assert "https://example.com/a%20b?q=%C3%A4#x" in hrefs


def test_rtl_article_sets_direction_everywhere() -> None:
    files = unpack(broadsheet.write(rtl_arabic(), "epub"))
    opf = xml(files["EPUB/content.opf"])
    assert opf.get("dir") == "rtl"
    assert opf.get(XML_LANG) == "ar"
    assert opf.find("opf:spine", NS).get("page-progression-direction") == "rtl"
    chapter = xml(files["EPUB/article-001.xhtml"])
    assert chapter.get("dir") == "rtl" and chapter.get("lang") == "ar"
    nav = xml(files["EPUB/nav.xhtml"])
    assert nav.find("x:body", NS).get("dir") == "rtl"
    assert nav.findtext("x:body/x:nav/x:h2", namespaces=NS) == "المحتويات"


def test_edition_has_two_level_navigation_masthead_and_mixed_directions(
    edition_files: dict[str, bytes],
) -> None:
    nav = xml(edition_files["EPUB/nav.xhtml"])
    sections = nav.findall("x:body/x:nav[@epub:type='toc']/x:ol/x:li", NS)
    assert [s.findtext("x:a", namespaces=NS) for s in sections] == [
        "Політика",
        "Економіка",
        "Світ",
        "Культура",
    ]
    assert sum(len(s.findall("x:ol/x:li", NS)) for s in sections) == 50
    ncx = xml(edition_files["EPUB/toc.ncx"])
    assert len(ncx.findall("ncx:navMap/ncx:navPoint", NS)) == 4
    assert len(ncx.findall("ncx:navMap/ncx:navPoint/ncx:navPoint", NS)) == 50
    masthead = xml(edition_files["EPUB/contents.xhtml"])
    assert masthead.findtext(".//x:h1", namespaces=NS) == "ZN.ua — ранковий випуск"
    assert masthead.findtext(".//x:time", namespaces=NS) == "22 січня 2022\u00a0р."
    assert len(masthead.findall(".//x:ol[@class='contents']/x:li", NS)) == 50
    assert "Короткий виклад новини 2." in "".join(masthead.itertext())
    arabic = [li for li in masthead.iter("{http://www.w3.org/1999/xhtml}li") if li.get("lang") == "ar"]
    assert len(arabic) == 1 and arabic[0].get("dir") == "rtl"
    chapter = xml(edition_files["EPUB/article-007.xhtml"])
    assert chapter.get("lang") == "ar" and chapter.get("dir") == "rtl"
    opf = xml(edition_files["EPUB/content.opf"])
    assert [e.text for e in opf.findall("opf:metadata/dc:language", NS)] == ["uk", "ar"]
    assert opf.find("opf:spine", NS).get("page-progression-direction") is None
    spine = [ref.get("idref") for ref in opf.findall("opf:spine/opf:itemref", NS)]
    assert spine[:3] == ["cover", "contents", "article-001"] and len(spine) == 52


def test_empty_body_still_makes_a_book() -> None:
    files = unpack(broadsheet.write(empty_body(), "epub"))
    assert xml(files["EPUB/article-001.xhtml"]).findtext(".//x:h1", namespaces=NS) == "Only a headline"


def test_whitespace_title_is_refused_by_the_model() -> None:
    with pytest.raises(broadsheet.ModelError):
        Article(title=" \u200b\t ")


def test_failed_write_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "story.epub"
    with pytest.raises(broadsheet.OptionError):
        broadsheet.write_file(seed_article(), target, stylesheet="@import url(http://evil.example/x.css);")
    # The model refuses bodies nested past its bound, inline content or lists alike (no writer
    # ever sees one); a failing write of any kind leaves nothing behind.
    with pytest.raises(broadsheet.ModelError, match="nested more than 64 levels"):
        deeply_nested(400)
    block: Block = Paragraph(children=(Text(text="deep"),))
    for _ in range(400):
        block = BulletList(items=((block,),))
    with pytest.raises(broadsheet.ModelError, match="nests more than 64 levels"):
        Article(title="Deep lists", body=(block,))
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_characters_xml_cannot_hold_never_reach_the_book() -> None:
    from broadsheet.formats.epub.xmltext import xml_safe

    assert xml_safe("a\ud800b\ufffe\x01c\U0001f600") == "ab c\U0001f600".replace(" ", "")
    article = odd_characters()
    files = unpack(broadsheet.write(article, "epub"))  # every part parses as XML below
    assert xml(files["EPUB/article-001.xhtml"]).findtext(".//x:h1", namespaces=NS) == article.title
    assert xml(files["EPUB/content.opf"]).findtext("opf:metadata/dc:title", namespaces=NS) == article.title


def test_write_rejects_what_is_not_a_document() -> None:
    from broadsheet.formats import epub

    with pytest.raises(broadsheet.WriteError):
        epub.write("not an article")  # type: ignore[arg-type]


def test_importing_broadsheet_does_not_import_ebooklib() -> None:
    import subprocess
    import sys

    code = "import sys, broadsheet; print('ebooklib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_images_left_out_warn() -> None:
    from epub_samples import DATA, with_images

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        broadsheet.write(with_images(), "epub", image_dir=str(DATA))
    messages = [str(w.message) for w in caught]
    assert any("remote.jpg" in m and "fetching is off (fetch_images=True" in m for m in messages)
    assert any("unknown.img" in m and "not a JPEG, PNG, GIF, WebP, BMP or SVG image" in m for m in messages)


def test_scripts_and_handlers_from_a_page_never_reach_the_book() -> None:
    from epub_samples import scripted_page

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        files = unpack(broadsheet.write(scripted_page(), "epub"))
    for name, data in files.items():
        text = data.decode("utf-8", "replace").lower()
        for needle in ("<script", "javascript:", "onload", "onclick", "onerror", "onmouseover", "<iframe"):
            assert needle not in text, (name, needle)
    chapter = "".join(xml(files["EPUB/article-001.xhtml"]).itertext())
    assert "Scripts must not survive" in chapter


def test_ebooklib_failures_are_write_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    from ebooklib import epub

    def broken(self: object) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr(epub.EpubWriter, "write", broken)
    with pytest.raises(broadsheet.WriteError, match="disk on fire"):
        broadsheet.write(seed_article(), "epub")


@pytest.mark.filterwarnings("ignore:image .* left out of the EPUB")
def test_translation_held_in_full_becomes_a_chapter_after_its_original() -> None:
    files = unpack(broadsheet.write(full_article(), "epub"))
    opf = xml(files["EPUB/content.opf"])
    spine = [ref.get("idref") for ref in opf.findall("opf:spine/opf:itemref", NS)]
    assert spine == ["cover", "article-001", "article-001-ru"]
    assert [e.text for e in opf.findall("opf:metadata/dc:language", NS)] == ["uk", "ru"]
    original = xml(files["EPUB/article-001.xhtml"])
    link = original.find(".//x:aside[@class='translations']//x:a", NS)
    assert link.get("href") == "article-001-ru.xhtml"
    russian = xml(files["EPUB/article-001-ru.xhtml"])
    assert russian.get("lang") == "ru"
    assert russian.findtext(".//x:h1", namespaces=NS).startswith("США не будут обсуждать")
    nav = xml(files["EPUB/nav.xhtml"])
    nested = nav.findall("x:body/x:nav[@epub:type='toc']/x:ol/x:li/x:ol/x:li/x:a", NS)
    assert [a.get("href") for a in nested] == ["article-001-ru.xhtml"]
    unlinked = unpack(broadsheet.write(full_article(), "epub", translations=False))
    assert "EPUB/article-001-ru.xhtml" not in unlinked
