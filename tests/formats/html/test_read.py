"""The seed story as a realistic ZN.ua-like page, in UTF-8 and windows-1251, and its Russian sibling."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

import broadsheet
from broadsheet.formats._shared.plain_text import inline_text
from broadsheet.model import Article, Figure, Heading, Paragraph, Publisher, RelatedBox, Relation, Translation

DATA = Path(__file__).resolve().parents[2] / "data" / "html"
UK_URL = (
    "https://zn.ua/ukr/POLITICS/ssha-ne-obhovorjuvatimut-iz-rf-printsip-vidchinenikh-dverej-nato-blinken.html"
)
RU_URL = "https://zn.ua/POLITICS/ssha-ne-budut-obsuzhdat-s-rf-printsip-otkrytykh-dverej-nato-blinken.html"
KYIV_WINTER = dt.timezone(dt.timedelta(hours=2))


def read(name: str, **options: object) -> Article:
    return broadsheet.read(DATA / name, format="html", enrich=False, **options)


def texts(article: Article) -> list[str]:
    out = []
    for block in article.body:
        if isinstance(block, (Paragraph, Heading)):
            out.append(inline_text(block.children, article.language))
    return out


def all_text(article: Article) -> str:
    return json.dumps(json.loads(broadsheet.write(article, "json")), ensure_ascii=False)


def test_ukrainian_page_metadata() -> None:
    article = read("zn_blinken_uk.html")
    assert article.title == "США не обговорюватимуть із РФ принцип «відчинених дверей» НАТО – Блінкен"
    assert article.url == UK_URL
    assert article.language == "uk-UA"  # og:locale uk_UA gives the region of inLanguage "uk"
    assert (
        article.lead
        == "Держсекретар США зазначив, що держави не можуть диктувати іншим країнам їх вибір та їхню політику."
    )
    assert article.published == dt.datetime(2022, 1, 21, 17, 53, tzinfo=KYIV_WINTER)
    assert article.modified == dt.datetime(2022, 1, 21, 18, 10, tzinfo=KYIV_WINTER)
    assert article.section == "Політика"
    assert article.tags == ("США", "Росія", "НАТО", "Блінкен", "Лавров")
    assert article.authors == ()
    assert article.publisher == Publisher(
        name="ZN.ua", url="https://zn.ua/", logo="https://zn.ua/img/logo.png"
    )
    assert article.translations == (Translation(language="ru", url=RU_URL),)


def test_ukrainian_page_body() -> None:
    article = read("zn_blinken_uk.html")
    paragraphs = texts(article)
    assert paragraphs[0].startswith("Держсекретар Сполучених Штатів Ентоні Блінкен після зустрічі")
    assert paragraphs[-1].startswith("Про стратегію адміністрації Джо Байдена")
    joined = "\n".join(paragraphs)
    assert (
        "Женеві, засідання Ради Росія-НАТО" in joined
        or "Женеві,\nзасідання" in joined
        or "Женеві, " in joined
    )
    assert "Женевізасідання" not in joined
    assert "неприйнятнимиМосква" not in joined
    assert "пише «Інтерфакс-Україна»" in joined
    boxes = [b for b in article.body if isinstance(b, RelatedBox)]
    assert len(boxes) == 1
    assert boxes[0].links[0].url is not None and "perelik-svojikh-poboyuvan" in boxes[0].links[0].url
    figures = [b for b in article.body if isinstance(b, Figure)]
    assert figures, "the figure with its caption and credit is part of the body"
    assert (
        figures[0].image.caption is not None
        and "Блінкен і Сергій Лавров у Женеві" in figures[0].image.caption
    )
    assert figures[0].image.credit is not None and "Reuters" in figures[0].image.credit


@pytest.mark.parametrize(
    "chrome",
    [
        "Підтримати",
        "cookie",
        "Найпопулярніше",
        "Стрічка новин",
        "Коментарі",
        "Усі права захищені",
        "Facebook",
        "Головна",
        "Підпишіться",
        "Реклама",
        "Економіка",
        "5 128",
    ],
)
def test_site_chrome_is_not_in_the_body(chrome: str) -> None:
    assert chrome not in "\n".join(texts(read("zn_blinken_uk.html")))


def test_no_script_reaches_the_model() -> None:
    text = all_text(read("zn_blinken_uk.html"))
    for needle in ("gtag", "dataLayer", "addEventListener", "javascript:", "onclick", "initPage", "<script"):
        assert needle not in text


def test_windows_1251_page_gives_the_same_article() -> None:
    assert read("zn_blinken_uk_cp1251.html") == read("zn_blinken_uk.html")


def test_russian_sibling() -> None:
    article = read("zn_blinken_ru.html")
    assert article.title == "США не будут обсуждать с РФ принцип «открытых дверей» НАТО – Блинкен"
    assert article.language == "ru"
    assert article.url == RU_URL
    assert article.section == "Политика"
    assert article.published == dt.datetime(2022, 1, 21, 17, 53, tzinfo=KYIV_WINTER)
    assert article.translations == (Translation(language="uk", url=UK_URL),)
    assert article.authors == ()  # an empty <meta name=author> is no author
    joined = "\n".join(texts(article))
    assert "сообщает «Интерфакс-Украина»" in joined
    assert "Поддержать" not in joined and "Самое читаемое" not in joined


def test_koi8r_page_gives_the_same_article() -> None:
    assert read("zn_blinken_ru_koi8r.html") == read("zn_blinken_ru.html")


def test_the_translation_can_hold_the_sibling() -> None:
    uk, ru = read("zn_blinken_uk.html"), read("zn_blinken_ru.html")
    linked = attrs.evolve(uk, translations=(attrs.evolve(uk.translations[0], article=ru),))
    assert linked.translations[0].article == ru


def test_url_option_selects_the_site_profile_and_none_turns_it_off() -> None:
    generic = read("zn_blinken_uk.html", url=UK_URL, profile="none")
    profiled = read("zn_blinken_uk.html", url=UK_URL)
    assert generic.title == profiled.title
    assert profiled.tags == ("США", "Росія", "НАТО")  # the profile reads the printed tags
    assert texts(generic)[0] == texts(profiled)[0]
    # The lead picture is kept, as a figure or as the lead image.
    pictures = [i.url for i in profiled.images] + [
        b.image.url for b in profiled.body if isinstance(b, Figure)
    ]
    assert pictures and pictures[0].endswith("blinken-lavrov-geneva.jpg")


def test_text_input_and_bytes_input_agree() -> None:
    data = (DATA / "zn_blinken_uk.html").read_bytes()
    from_bytes = broadsheet.read(data, format="html", enrich=False)
    from_text = broadsheet.read(data.decode("utf-8"), format="html", enrich=False)
    assert from_bytes == from_text


def test_format_is_told_from_the_extension_and_converts_to_json(tmp_path: Path) -> None:
    out = tmp_path / "story.json"
    broadsheet.convert(DATA / "zn_blinken_uk.html", out, read_options={"enrich": False})
    assert json.loads(out.read_text(encoding="utf-8"))["article"]["title"].startswith("США")


def test_the_whole_reading_finds_quotes_related_articles_and_the_source() -> None:
    article = broadsheet.read(DATA / "zn_blinken_uk.html", format="html")
    assert article.source is not None and article.source.name == "Інтерфакс-Україна"
    speakers = [q.speaker.name for q in article.quotes if q.speaker]
    assert "Ентоні Блінкен" in speakers
    read_also = [r for r in article.related if r.relation is Relation.READ_ALSO]
    assert [r.title for r in read_also] == [
        'США наступного тижня можуть передати Росії перелік своїх "побоювань та ідей" – Блінкен'
    ]
    mentioned = {
        r.title: [p.name for p in r.authors] for r in article.related if r.relation is Relation.MENTIONED
    }
    assert mentioned == {
        "Ультиматум Путіна і переговори Росія–США: чи здадуть Україну": ["Сергій Корсунський"],
        "Чи відведе Путін війська від України після переговорів зі США?": ["Олексій Іжак"],
        "Як Білий дім відповів Кремлю: навіщо Блінкен приїздив до Києва": ["Олександр Хара"],
    }
    # Metadata is the same with and without the text analysis.
    plain = read("zn_blinken_uk.html")
    assert (article.title, article.published, article.translations) == (
        plain.title,
        plain.published,
        plain.translations,
    )


def test_the_russian_sibling_credits_its_source_and_speaker() -> None:
    article = broadsheet.read(DATA / "zn_blinken_ru.html", format="html")
    assert article.source is not None and article.source.name == "Интерфакс-Украина"
    assert "Энтони Блинкен" in [q.speaker.name for q in article.quotes if q.speaker]
