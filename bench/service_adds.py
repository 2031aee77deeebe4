"""Adding articles through a real `tomtat serve`: lists of 50, then single adds, from 8 client threads.

The lists fill the database first (`--lists` articles), as the cost of an add may grow with
what is stored; the single adds (`--articles`) follow. Prints articles per second and request
latency (p50, p95) for both, as Markdown. The articles
are ViMs 2017 docs (`--data`, read in place; real vocabulary, so the tracker's document
frequencies grow as they do in use), made-up ones on eight topics when it is absent. Before the one store (every add rewrote the whole
document-frequency blob and re-opened its connections): 14.6 single adds/s with 8 clients,
p50 0.54 s; lists of 50: 654 articles/s.

    PYTHONPATH=src python bench/service_adds.py [--articles 800] [--lists 2000] [--data ../shared/data/vims2017/all.jsonl]
    python bench/service_adds.py --src /path/to/other/checkout/src   # another tomtat, to compare
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "vims2017" / "all.jsonl"
BEFORE = {"single": (14.6, 0.54), "lists of 50": (654.0, None)}
TOPICS = [("Hà Nội", "cháy chung cư mini"), ("Đà Nẵng", "bão số 5 đổ bộ"), ("Cần Thơ", "sạt lở bờ sông Hậu"),
          ("Huế", "lễ hội áo dài"), ("Quảng Ninh", "chìm tàu du lịch"), ("Nghệ An", "dịch sốt xuất huyết"),
          ("Lâm Đồng", "giá cà phê tăng kỷ lục"), ("Hải Phòng", "khánh thành cầu mới")]


def article(number: int, rng: random.Random) -> dict:
    place, event = TOPICS[number % len(TOPICS)]
    sentences = [f"Vụ {event} tại {place} đang được dư luận quan tâm trong tuần này.",
                 f"Chính quyền {place} đã họp khẩn để bàn phương án xử lý {event}.",
                 f"Theo báo cáo nhanh số {number}, lực lượng chức năng {place} đã có mặt tại hiện trường.",
                 f"Người dân {place} được khuyến cáo theo dõi thông tin mới nhất về {event}.",
                 f"Lúc {number % 24} giờ, tình hình {event} ở {place} đã tạm ổn định."]
    rng.shuffle(sentences)
    return {"id": f"b{number}", "title": f"{event.capitalize()} tại {place} (tin {number})",
            "text": " ".join(sentences), "date": f"2025-11-{1 + number % 5:02d}"}


def dataset_articles(path: Path, count: int) -> list[dict]:
    """`count` docs of a `../shared/data` JSONL file (cycled with new ids when it has fewer), shuffled."""
    docs = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        cluster = json.loads(line)
        for doc in cluster["docs"]:
            if doc.get("text", "").strip():
                docs.append({"title": doc.get("title", "")[:1000], "text": doc["text"]})
    random.Random(0).shuffle(docs)
    return [dict(docs[n % len(docs)], id=f"b{n}") for n in range(count)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port: int, server: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"tomtat serve exited with {server.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/api/stories")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("tomtat serve did not start")


def post_all(port: int, bodies: list[list[dict] | dict]) -> list[float]:
    """POST each body on one keep-alive connection; the latency of each request in seconds."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    latencies = []
    for body in bodies:
        start = time.perf_counter()
        connection.request("POST", "/api/articles", json.dumps(body, ensure_ascii=False).encode(),
                           {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        if response.status != 201:
            raise SystemExit(f"POST answered {response.status}")
        latencies.append(time.perf_counter() - start)
    return latencies


def measure(port: int, bodies: list, clients: int, articles: int) -> tuple[float, float, float]:
    """(articles per second, p50, p95) of posting `bodies` from `clients` threads."""
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        latencies = [t for part in pool.map(lambda i: post_all(port, bodies[i::clients]), range(clients)) for t in part]
    elapsed = time.perf_counter() - start
    ordered = sorted(latencies)
    return articles / elapsed, statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=800, help="single adds")
    parser.add_argument("--lists", type=int, default=2000, help="articles added first, in lists of 50")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="a dataset JSONL file of ../shared/data")
    parser.add_argument("--src", type=Path, default=Path(__file__).resolve().parents[1] / "src",
                        help="the tomtat source tree to serve")
    args = parser.parse_args()
    total = args.lists + args.articles
    if args.data.is_file():
        pool = dataset_articles(args.data, total)
    else:
        rng = random.Random(0)
        pool = [article(n, rng) for n in range(total)]
    lists = [pool[start:start + 50] for start in range(0, args.lists, 50)]
    singles = pool[args.lists:]
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, PYTHONPATH=str(args.src))
        server = subprocess.Popen([sys.executable, "-m", "tomtat", "serve", "--db", f"{folder}/bench.db", "--port",
                                   str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(port, server)
            rows = {"lists of 50": measure(port, lists, args.clients, sum(len(b) for b in lists)),
                    "single": measure(port, singles, args.clients, len(singles))}
        finally:
            server.terminate()
            server.wait(60)
    source = args.data.name if args.data.is_file() else "made-up articles"
    print(f"## Service adds ({source}: {args.lists} in lists of 50, then {args.articles} single adds; "
          f"{args.clients} clients)\n")
    print("| requests | articles/s | p50 s | p95 s | before: articles/s | before: p50 s |")
    print("|---|---|---|---|---|---|")
    for name, (rate, p50, p95) in rows.items():
        before_rate, before_p50 = BEFORE[name]
        print(f"| {name} | {rate:.1f} | {p50:.3f} | {p95:.3f} | {before_rate} | {before_p50 or '-'} |")


if __name__ == "__main__":
    main()
