"""Article's derived properties: lead_image."""

from __future__ import annotations

import attrs
from hypothesis import given

from broadsheet import testing
from broadsheet.formats.json import to_data
from broadsheet.model import Article, BulletList, Figure, Image, Paragraph, Text, collect

LEAD = Image(url="https://example.com/lead.jpg", alt="lead")
CHART = Image(url="https://example.com/chart.png", alt="chart")
MAP = Image(url="https://example.com/map.png", alt="map")


def test_no_image_no_lead() -> None:
    assert Article(title="t", body=(Paragraph(children=(Text(text="x"),)),)).lead_image is None


def test_an_image_outside_the_body_leads_even_when_the_body_has_figures() -> None:
    # images stand before the body in reading order (the EPUB and PDF writers print them first).
    article = Article(title="t", images=(LEAD, MAP), body=(Figure(image=CHART),))
    assert article.lead_image == LEAD


def test_without_images_the_first_figure_in_reading_order_leads() -> None:
    body = (
        Paragraph(children=(Text(text="first words"),)),
        BulletList(items=((Figure(image=MAP),),)),
        Figure(image=CHART),
    )
    assert Article(title="t", body=body).lead_image == MAP


def test_it_is_derived_not_stored() -> None:
    article = Article(title="t", images=(LEAD,))
    assert "lead_image" not in attrs.fields_dict(Article)
    assert "lead_image" not in to_data(article)["article"]


@given(testing.articles())
def test_the_lead_is_the_first_of_images_then_figures(article: Article) -> None:
    figures = collect(article.body, lambda node: [node.image] if isinstance(node, Figure) else [])
    ordered = [*article.images, *figures]
    assert article.lead_image == (ordered[0] if ordered else None)
