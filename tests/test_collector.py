"""The collector runs less often inside `rare_collections`, and as before outside it."""
import gc
import threading

from tomtat.collector import rare_collections


def test_threshold_raised_inside_and_put_back() -> None:
    before = gc.get_threshold()
    with rare_collections(50_000):
        assert gc.get_threshold() == (max(before[0], 50_000), *before[1:])
        with rare_collections(50_000):
            assert gc.get_threshold()[0] == max(before[0], 50_000)
        assert gc.get_threshold()[0] == max(before[0], 50_000)  # the outer block still runs
    assert gc.get_threshold() == before


def test_collection_switched_off_stays_off() -> None:
    before = gc.get_threshold()
    gc.set_threshold(0)
    try:
        with rare_collections(50_000):
            assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*before)


def test_threads_leave_the_old_threshold() -> None:
    before = gc.get_threshold()
    inside, release = threading.Barrier(3), threading.Event()

    def work() -> None:
        with rare_collections(50_000):
            inside.wait()
            release.wait()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    inside.wait()
    assert gc.get_threshold()[0] == max(before[0], 50_000)
    release.set()
    for thread in threads:
        thread.join()
    assert gc.get_threshold() == before
