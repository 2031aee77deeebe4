"""`tomtat serve` under load on loopback: concurrent clients mixing adds, story lists and summaries.

    PYTHONPATH=src python bench/service_load.py [--clients 50] [--seconds 60]

Starts a real `tomtat serve` on a fresh file, seeds it with the demo, then runs the clients
(asyncio + httpx) for the given time; prints p50/p99 latency per kind, errors and articles/s.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "tomtat" / "demo"
PLACES = ["Lào Cai", "Yên Bái", "Hà Giang", "Quảng Nam", "Nghệ An", "Huế", "Đà Nẵng", "Cần Thơ"]
EVENTS = ["lũ quét", "sạt lở đất", "mưa lớn", "ngập lụt", "bão số 3", "triều cường"]


def _article(rng: random.Random, number: int) -> dict:
    place, event = rng.choice(PLACES), rng.choice(EVENTS)
    text = " ".join(f"{event.capitalize()} tại {place} khiến {rng.randint(2, 90)} hộ dân phải di dời, "
                    f"thiệt hại ước {rng.randint(1, 40)} tỷ đồng. Lực lượng chức năng đang khắc phục hậu quả "
                    f"tại xã {rng.randint(1, 30)}." for _ in range(rng.randint(3, 8)))
    return {"title": f"{event.capitalize()} ở {place}: {number}", "text": text,
            "date": f"2025-11-{rng.randint(1, 28):02d}"}


async def _client(http: httpx.AsyncClient, seed: int, end: float, latencies: dict[str, list[float]],
                  errors: dict[str, int]) -> None:
    rng = random.Random(seed)
    number = 0
    while time.monotonic() < end:
        kind = rng.choices(["add", "stories", "summary"], [2, 3, 3])[0]
        start = time.perf_counter()
        if kind == "add":
            number += 1
            response = await http.post("/api/articles", json=_article(rng, seed * 100_000 + number))
            ok = response.status_code == 201
        elif kind == "stories":
            response = await http.get("/api/stories", params={"order": "newest", "limit": 10})
            ok = response.status_code == 200
        else:
            stories = (await http.get("/api/stories", params={"limit": 20})).json()
            start = time.perf_counter()  # the summary alone
            response = await http.get(f"/api/stories/{rng.choice(stories)['id']}/summary", params={"budget": "120"})
            ok = response.status_code == 200
        latencies[kind].append(time.perf_counter() - start)
        errors[kind] += not ok


async def _run(base: str, clients: int, seconds: float) -> tuple[dict[str, list[float]], dict[str, int]]:
    latencies: dict[str, list[float]] = {"add": [], "stories": [], "summary": []}
    errors = dict.fromkeys(latencies, 0)
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as http:
        files = [("files", (p.name, p.read_bytes())) for p in sorted(DEMO.iterdir())]
        assert (await http.post("/api/articles/upload", files=files)).status_code == 201
        end = time.monotonic() + seconds
        await asyncio.gather(*(_client(http, seed, end, latencies, errors) for seed in range(clients)))
    return latencies, errors


def _serve(folder: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "tomtat", "serve", "--db", str(folder / "load.db"), "--port",
                                str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/stories", timeout=1).close()
            return process, base
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("tomtat serve did not start") from None
            time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        process, base = _serve(Path(folder))
        try:
            latencies, errors = asyncio.run(_run(base, args.clients, args.seconds))
        finally:
            process.terminate()
            process.wait(timeout=60)
    print(f"{args.clients} clients, {args.seconds:g} s, loopback")
    print("| kind | requests | p50 ms | p99 ms | errors |")
    print("|---|---:|---:|---:|---:|")
    for kind, values in latencies.items():
        ordered = sorted(values) or [0.0]
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        print(f"| {kind} | {len(values)} | {statistics.median(ordered) * 1000:.0f} | {p99 * 1000:.0f} | {errors[kind]} |")
    print(f"articles/s: {(len(latencies['add']) - errors['add']) / args.seconds:.1f}; "
          f"errors: {sum(errors.values())}")


if __name__ == "__main__":
    main()
