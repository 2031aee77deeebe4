"""Real processes killed at random moments: nothing acknowledged is lost, nothing doubled, files open.

`tomtat serve` and `tomtat cluster --state` run as subprocesses and are killed with SIGKILL
(and once stopped with SIGTERM) while they write; made-up articles of five unrelated topics.
"""
from __future__ import annotations

import http.client
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the service needs fastapi and uvicorn")
pytest.importorskip("uvicorn", reason="the service needs fastapi and uvicorn")

SRC = Path(__file__).resolve().parents[1] / "src"
TOPICS = {
    "lua": ["Giá lúa gạo tại An Giang tăng mạnh sau vụ thu hoạch đông xuân.",
            "Nông dân An Giang phấn khởi vì thương lái thu mua lúa tươi tận ruộng.",
            "Hợp tác xã nông nghiệp Thoại Sơn ký hợp đồng bao tiêu lúa chất lượng cao.",
            "Máy gặt đập liên hợp hoạt động hết công suất trên cánh đồng mẫu lớn.",
            "Sở Nông nghiệp An Giang khuyến cáo xuống giống lúa thơm vụ hè thu đúng lịch."],
    "bong": ["Câu lạc bộ bóng đá Thép Xanh Nam Định giành chiến thắng ba bàn trên sân Thiên Trường.",
             "Tiền đạo ngoại binh lập cú đúp, thủ môn cản phá quả phạt đền phút bù giờ.",
             "Huấn luyện viên trưởng khen ngợi hàng phòng ngự chơi kỷ luật suốt chín mươi phút.",
             "Cổ động viên thành Nam đốt pháo sáng mừng ngôi đầu bảng xếp hạng V-League.",
             "Ban tổ chức giải phạt tiền câu lạc bộ vì khán giả ném vật lạ xuống đường piste."],
    "dong": ["Trận động đất mạnh 4,5 độ richter làm rung chuyển huyện Kon Plông, tỉnh Kon Tum.",
             "Viện Vật lý địa cầu ghi nhận dư chấn liên tiếp quanh lòng hồ thủy điện Thượng Kon Tum.",
             "Nhiều ngôi nhà sàn xuất hiện vết nứt tường, người dân hoảng hốt chạy ra sân.",
             "Chuyên gia địa chấn cho rằng động đất kích thích do tích nước hồ chứa.",
             "Chính quyền huyện kiểm tra các công trình trường học sau chuỗi rung chấn."],
    "chip": ["Tập đoàn công nghệ khởi công nhà máy đóng gói chip bán dẫn tại khu công nghệ cao Hòa Lạc.",
             "Dự án vốn đầu tư hai tỷ đô la sẽ tuyển dụng ba nghìn kỹ sư vi mạch.",
             "Các trường đại học mở thêm chương trình đào tạo thiết kế vi mạch tích hợp.",
             "Dây chuyền kiểm thử tấm wafer dự kiến vận hành thương mại vào quý ba.",
             "Bộ Khoa học và Công nghệ ưu đãi thuế cho doanh nghiệp phần mềm thiết kế chip."],
    "sen": ["Lễ hội hoa sen Đồng Tháp thu hút hàng vạn du khách về đầm sen Tháp Mười.",
            "Nghệ nhân trình diễn ướp trà sen, làm bánh từ hạt sen và ngó sen.",
            "Du khách chèo xuồng ba lá giữa đầm sen hồng nở rộ vào sáng sớm.",
            "Hội thi áo bà ba và đờn ca tài tử diễn ra tại khu di tích Gò Tháp.",
            "Các homestay miệt vườn kín phòng suốt tuần lễ hội văn hóa sen."],
}


def article(topic: str, number: int, rng: random.Random) -> dict:
    sentences = rng.sample(TOPICS[topic], 4) + [f"Bản tin số {number} được cập nhật lúc {number % 24} giờ."]
    return {"id": f"{topic}-{number}", "title": f"{sentences[0][:60]} (tin {number})", "text": " ".join(sentences),
            "date": f"2025-11-0{1 + number % 5}"}


def articles(count: int, start: int, rng: random.Random) -> list[dict]:
    return [article(list(TOPICS)[n % len(TOPICS)], n, rng) for n in range(start, start + count)]


def tomtat(*args: str) -> list[str]:
    return [sys.executable, "-m", "tomtat", *args]


ENV = dict(os.environ, PYTHONPATH=str(SRC))


def stored_count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet, or still being migrated
        return 0


def kill_when_stored(process: subprocess.Popen, db: Path, target: int, seconds: float = 20) -> None:
    """SIGKILL `process` once `target` articles are stored (or it ended, or time is up)."""
    deadline = time.monotonic() + seconds
    while process.poll() is None and stored_count(db) < target and time.monotonic() < deadline:
        time.sleep(0.005)
    process.kill()
    process.wait()


def assert_opens(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        connection.execute("SELECT COUNT(*) FROM articles").fetchone()


def assert_pure(stories: list[list[str]]) -> None:
    """No story mixes topics; no article is in two stories or twice in one."""
    members = [a for story in stories for a in story]
    assert len(members) == len(set(members))
    for story in stories:
        assert len({a.split("-")[0] for a in story}) == 1, story


# tomtat cluster --state


def test_cluster_killed_while_saving_leaves_a_file_that_a_rerun_completes(tmp_path: Path) -> None:
    rng = random.Random(11)
    data, db = tmp_path / "tin.jsonl", tmp_path / "stories.db"
    items = articles(250, 0, rng)
    data.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in items), encoding="utf-8")
    command = tomtat("cluster", str(data), "--state", str(db))
    counts = []
    for _ in range(3):
        process = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        kill_when_stored(process, db, stored_count(db) + rng.randint(1, 60))
        assert_opens(db)
        counts.append(stored_count(db))
    assert counts == sorted(counts) and 0 < counts[-1] < len(items)
    done = subprocess.run(command, env=ENV, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("is already in the state: skipped") == counts[-1]
    stories = [s["articles"] for s in json.loads(done.stdout)["stories"]]
    assert sorted(a for s in stories for a in s) == sorted(a["id"] for a in items)
    assert_pure(stories)
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone() == (250, 250)


# tomtat serve


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A `tomtat serve` subprocess and requests to it."""

    def __init__(self, db: Path):
        self.port = free_port()
        self.log = db.with_name(f"serve-{self.port}.log")
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(tomtat("serve", "--db", str(db), "--port", str(self.port)), env=ENV,
                                            stdout=subprocess.DEVNULL, stderr=log)
        deadline = time.monotonic() + 60
        while True:
            assert self.process.poll() is None, self.log.read_text()
            try:
                self.request("GET", "/api/stories")
                return
            except OSError:
                assert time.monotonic() < deadline, "tomtat serve did not start"
                time.sleep(0.05)

    def request(self, method: str, path: str, body: object = None) -> tuple[int, object]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            payload = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
            connection.request(method, path, payload, {"Content-Type": "application/json"})
            response = connection.getresponse()
            return response.status, json.loads(response.read() or b"null")
        finally:
            connection.close()

    def stories(self) -> list[list[str]]:
        return [[a["id"] for a in self.request("GET", f"/api/stories/{s['id']}")[1]["articles"]]
                for s in self.request("GET", "/api/stories")[1]]

    def wait_for_jobs(self, jobs: list[str], seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        for job in jobs:
            while (status := self.request("GET", f"/api/jobs/{job}")[1])["status"] == "running":
                assert time.monotonic() < deadline, status
                time.sleep(0.05)
            assert status["status"] == "done" and status["done"] == status["total"], status


def post_until_killed(server: Server, db: Path, rng: random.Random, start: int, acknowledged: set[str],
                      jobs: list[str]) -> int:
    """Post jobs of 120 and single articles while the server is SIGKILLed once some more are stored.

    Only articles the server answered 201 or 202 for count as acknowledged. The next free number.
    """
    target = stored_count(db) + rng.randint(20, 200)
    killer = threading.Thread(target=kill_when_stored, args=(server.process, db, target))
    killer.start()
    try:
        for _ in range(2):
            job_input = articles(120, start, rng)
            start += 120
            status, body = server.request("POST", "/api/articles", job_input)
            assert status == 202
            acknowledged.update(a["id"] for a in job_input)
            jobs.append(body["job"])
            for single in articles(3, start, rng):
                start += 1
                status, body = server.request("POST", "/api/articles", single)
                assert status == 201
                acknowledged.add(single["id"])
    except (OSError, http.client.HTTPException):
        pass  # killed during a request: it was not acknowledged
    killer.join()
    assert_opens(db)
    return start


def running_jobs(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT COUNT(*) FROM jobs WHERE status = 'running'").fetchone()[0]


def test_serve_killed_during_jobs_loses_nothing_it_acknowledged(tmp_path: Path) -> None:
    rng = random.Random(5)
    db = tmp_path / "tomtat.db"
    acknowledged: set[str] = set()
    jobs: list[str] = []
    number = 0
    interrupted = 0
    for _ in range(3):
        number = post_until_killed(Server(db), db, rng, number, acknowledged, jobs)
        interrupted += running_jobs(db)
    assert interrupted > 0  # the kills did stop jobs midway
    server = Server(db)
    status, body = server.request("POST", "/api/articles", articles(150, number, rng))
    assert status == 202
    acknowledged.update(f"{list(TOPICS)[n % 5]}-{n}" for n in range(number, number + 150))
    jobs.append(body["job"])
    deadline = time.monotonic() + 30
    while stored_count(db) < len(acknowledged) - 140 and time.monotonic() < deadline:
        time.sleep(0.005)
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(30) in (0, -signal.SIGTERM)  # uvicorn re-raises the signal once shut down
    assert "Application shutdown complete" in server.log.read_text()
    with sqlite3.connect(db) as connection:
        status = connection.execute("SELECT status, done, total FROM jobs WHERE id = ?", (jobs[-1],)).fetchone()
    assert status[0] == "done" or (status[0] == "running" and status[1] < status[2])
    server = Server(db)
    try:
        server.wait_for_jobs(jobs)
        stories = server.stories()
    finally:
        server.process.terminate()
        server.process.wait(30)
    stored = [a for story in stories for a in story]
    assert acknowledged <= set(stored)
    assert_pure(stories)


def test_a_second_process_on_the_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "tomtat.db"
    server = Server(db)
    try:
        data = tmp_path / "tin.jsonl"
        data.write_text(json.dumps(article("sen", 1, random.Random(1)), ensure_ascii=False) + "\n", encoding="utf-8")
        message = f"{db} is in use by another tomtat process (pid {server.process.pid}): stop it or use another file"
        cluster = subprocess.run(tomtat("cluster", str(data), "--state", str(db)), env=ENV, capture_output=True,
                                 text=True, timeout=60, check=False)
        assert cluster.returncode == 1 and message in cluster.stderr and "Traceback" not in cluster.stderr
        second = subprocess.run(tomtat("serve", "--db", str(db), "--port", str(free_port())), env=ENV,
                                capture_output=True, text=True, timeout=60, check=False)
        assert second.returncode == 1 and message in second.stderr
        assert server.request("GET", "/api/stories")[0] == 200
    finally:
        server.process.kill()
        server.process.wait()
    assert subprocess.run(tomtat("cluster", str(data), "--state", str(db)), env=ENV, capture_output=True,
                          timeout=60, check=False).returncode == 0
