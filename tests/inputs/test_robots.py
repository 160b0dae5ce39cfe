"""robots.txt: pages a site disallows are not fetched (one line each in the report), one fetch a site."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

from input_samples import page, rss, sitemap

from broadsheet import Loaded
from broadsheet.errors import SourceError
from broadsheet.inputs import Item, expand
from broadsheet.inputs.feed_pages import gather
from image_server import Server

HTML = "text/html; charset=utf-8"
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def fetched(items: list[Item]) -> list[bool]:
    return [isinstance(item.source, Loaded) for item in items]


def test_a_disallowed_page_is_an_error_and_never_requested(server: Server) -> None:
    server.route("/robots.txt", ROBOTS, content_type="text/plain")
    urls = [
        server.route(f"/{where}/{n}.html", page(f"P{n}"), content_type=HTML)
        for n, where in enumerate(["news", "private", "news", "private"])
    ]
    items = list(expand(urls))
    assert fetched(items) == [True, False, True, False]
    refused = items[1].error
    assert isinstance(refused, SourceError)
    assert "robots.txt disallows it for broadsheet" in str(refused) and "--ignore-robots" in str(refused)
    assert server.requests["/robots.txt"] == 1  # once for the site, whatever the number of pages
    assert server.requests["/private/1.html"] == 0
    assert fetched(list(expand(urls, robots=False))) == [True, True, True, True]
    assert server.requests["/robots.txt"] == 1 and server.requests["/private/1.html"] == 1


def test_rules_for_broadsheet_by_name_and_a_missing_robots_txt(server: Server) -> None:
    url = server.route("/a.html", page("A"), content_type=HTML)
    assert fetched(list(expand([url]))) == [True]  # no robots.txt (404): everything allowed
    server.route("/robots.txt", b"User-agent: broadsheet\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    assert fetched(list(expand([url]))) == [False]


def test_a_robots_txt_that_cannot_be_read_closes_the_site(server: Server) -> None:
    server.route("/robots.txt", b"busy", content_type="text/plain", status=503)
    url = server.route("/a.html", page("A"), content_type=HTML)
    (item,) = expand([url])
    assert item.error is not None and "its robots.txt could not be read" in str(item.error)
    assert "503" in str(item.error) and server.requests["/a.html"] == 0
    server.route("/robots.txt", b"User-agent: *\n" + b"Disallow: /x\n" * 60_000, content_type="text/plain")
    (item,) = expand([url])  # over the size limit: not read, so not fetched
    assert item.error is not None and "could not be read" in str(item.error)


def _gaps(server: Server, prefix: str) -> list[float]:
    times = [when for when, path in server.arrivals if path.startswith(prefix)]
    return [later - earlier for earlier, later in itertools.pairwise(times)]


def test_a_site_s_crawl_delay_spaces_its_requests(server: Server) -> None:
    # Request-rate 4/1 asks 0.25 s between requests; two requests at a time would otherwise start
    # together (per_host=2). Crawl-delay wins over Request-rate, as urllib's parser reads them.
    server.route("/robots.txt", b"User-agent: *\nRequest-rate: 4/1\n", content_type="text/plain")
    urls = [server.route(f"/news/{n}.html", page(f"P{n}"), content_type=HTML) for n in range(4)]
    assert fetched(list(expand(urls))) == [True] * 4
    assert len(_gaps(server, "/news/")) == 3 and min(_gaps(server, "/news/")) >= 0.24
    other = server.url("/").replace("127.0.0.1", "localhost")  # another site: its own robots.txt
    assert other != server.url("/")
    unpaced = [other + f"news/{n}.html" for n in range(4)]
    server.route("/robots.txt", b"User-agent: *\nAllow: /\n", content_type="text/plain")
    server.arrivals.clear()
    assert fetched(list(expand(unpaced))) == [True] * 4
    assert min(_gaps(server, "/news/")) < 0.2  # no delay asked: not paced


def test_a_crawl_delay_is_capped_and_ignored_with_robots(server: Server) -> None:
    from broadsheet.inputs.robots import MAX_CRAWL_DELAY, Robots

    rules = b"User-agent: *\nCrawl-delay: 86400\nRequest-rate: 1/5\n"
    robots = Robots(lambda url: Loaded(data=rules, name=url))
    assert robots.delay("https://example.org/a") == MAX_CRAWL_DELAY  # a day would stall a batch
    robots = Robots(lambda url: Loaded(data=b"User-agent: broadsheet\nCrawl-delay: 2\n", name=url))
    assert robots.delay("https://example.org/a") == 2.0
    assert Robots(lambda url: Loaded(data=b"", name=url)).delay("https://example.org/a") == 0.0
    server.route("/robots.txt", b"User-agent: *\nCrawl-delay: 30\n", content_type="text/plain")
    urls = [server.route(f"/fast/{n}.html", page(f"P{n}"), content_type=HTML) for n in range(3)]
    assert fetched(list(expand(urls, robots=False))) == [True] * 3  # --ignore-robots: no wait
    assert server.requests["/robots.txt"] == 0


def test_feed_and_sitemap_pages_obey_their_site(server: Server) -> None:
    server.route("/robots.txt", ROBOTS, content_type="text/plain")
    pages = [server.route(p, page(p), content_type=HTML) for p in ("/news/1", "/private/2", "/news/3")]
    feed = server.route(
        "/rss", rss("News", [(url, None) for url in pages]), content_type="application/rss+xml"
    )
    assert fetched(list(expand([feed]))) == [True, False, True]
    listed = server.route("/sitemap.xml", sitemap(pages), content_type="application/xml")
    assert fetched(list(expand([listed]))) == [True, False, True]
    (gathered,) = gather([feed])
    assert fetched(list(gathered.pages)) == [True, False, True]
    (ignored,) = gather([feed], robots=False)
    assert fetched(list(ignored.pages)) == [True, True, True]


def test_the_command_reports_a_refused_url_in_one_line(server: Server, tmp_path: Path) -> None:
    server.route("/robots.txt", ROBOTS, content_type="text/plain")
    urls = [server.route(p, page(p.strip("/")), content_type=HTML) for p in ("/news/1", "/private/2")]
    listed = tmp_path / "urls.txt"
    listed.write_text("\n".join(urls) + "\n")
    report, out = tmp_path / "errors.jsonl", tmp_path / "day.jsonl"
    command = [sys.executable, "-m", "broadsheet.cli", "convert", "--input-list", str(listed), "-o", str(out)]
    done = subprocess.run(
        [*command, "--errors", str(report), "-q", "-j", "1"], capture_output=True, timeout=120
    )
    assert done.returncode == 1, done.stderr
    (line,) = report.read_text().splitlines()
    record = json.loads(line)
    assert (
        record["input"] == urls[1] and record["error"] == "SourceError" and "robots.txt" in record["message"]
    )
    assert len(out.read_bytes().splitlines()) == 1
    again = subprocess.run([*command, "--ignore-robots", "-q", "-j", "1"], capture_output=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert len(out.read_bytes().splitlines()) == 2
