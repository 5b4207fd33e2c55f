"""What the browser test and the hub test both do with the servers they start on 127.0.0.1."""

import socket
import subprocess
import time
import urllib.request


def free_port():
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, process, what, log_text, seconds=90):
    """Return once `url` answers; raise, with the log's end, if `process` exits or `seconds` pass first."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not start within {seconds} s; its log ends:\n{log_text()[-3000:]}") from None
            time.sleep(0.5)


def stop(server):
    """End a server process started by a test: terminate, then kill if it has not ended in 20 s."""
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
