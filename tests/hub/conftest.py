"""A real JupyterHub on 127.0.0.1 with the course's hub settings, for tests/hub.

The hub loads hub/jupyterhub_config.py (what TLJH loads) and adds only what a test
needs: free ports, a shared password, users' homes in a temporary folder
(SimpleLocalProcessSpawner, the local-process spawner without system users), and a
marker in every process it starts so that teardown can stop them all, even after a
failure. configurable-http-proxy comes from npm (make test installs it into .venv/chp).
"""

import gc
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import pytest

from tests.servers import free_port, wait_until_up

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SHIPPED_CONFIG = ROOT / "hub" / "jupyterhub_config.py"
INSTALL_HINT = "run `make test`, which installs jupyterhub, nbgitpuller and configurable-http-proxy"


def shipped_setting(name):
    """A Spawner setting from hub/jupyterhub_config.py, read as JupyterHub reads the file."""
    from traitlets.config import Config

    config = Config()
    exec(compile(SHIPPED_CONFIG.read_text(), str(SHIPPED_CONFIG), "exec"), {"get_config": lambda: config})  # noqa: S102
    return config.Spawner[name]


def megabytes(size):
    """JupyterHub's sizes ("768M", "1G") in MB."""
    units = {"K": 1 / 1024, "M": 1, "G": 1024, "T": 1024**2}
    return float(size[:-1]) * units[size[-1].upper()] if size[-1].upper() in units else float(size) / 2**20


def _missing(reason):
    if os.environ.get("REQUIRE_HUB") == "1":
        pytest.fail(f"{reason} and REQUIRE_HUB=1: {INSTALL_HINT}", pytrace=False)
    pytest.skip(f"{reason}: hub tests skipped; {INSTALL_HINT}")


def find_proxy():
    for candidate in (os.environ.get("CONFIGPROXY"), ROOT / ".venv" / "chp" / "node_modules" / ".bin" /
                      "configurable-http-proxy", shutil.which("configurable-http-proxy")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    return None


def git(*args, cwd):
    env = dict(os.environ, GIT_AUTHOR_NAME="Instructor", GIT_AUTHOR_EMAIL="instructor@example.org",
               GIT_COMMITTER_NAME="Instructor", GIT_COMMITTER_EMAIL="instructor@example.org")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True,
                          timeout=60).stdout


@pytest.fixture(scope="session")
def course_repo(tmp_path_factory):
    """The instructor's repository: this working tree as it is (ignored files aside), committed on `main`."""
    repo = tmp_path_factory.mktemp("instructor") / "lstm-course.git"
    repo.mkdir()
    tracked = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT).split("\0")
    for name in filter(None, tracked):
        source = ROOT / name
        if source.is_file():
            target = repo / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git("init", "-q", "-b", "main", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "The course as tested", cwd=repo)
    return repo


def marked_processes(marker, kind=None):
    """Live processes whose environment carries this run's marker.

    kind: None for all of them, "learner" for learners' servers and kernels, "hub" for the
    hub and its proxy, "kernel" for learners' kernels, or a learner's name for theirs.
    """
    import psutil

    found = []
    for process in psutil.process_iter():
        try:
            env = process.environ()
            if env.get("LSTM_HUB_TEST") != marker:
                continue
            user = env.get("JUPYTERHUB_USER")
            if (kind is None or kind == user or (kind == "learner" and user) or (kind == "hub" and not user)
                    or (kind == "kernel" and user and "ipykernel_launcher" in " ".join(process.cmdline()))):
                found.append(process)
        except (psutil.Error, OSError):
            pass
    return found


def _stop(processes, grace=10):
    """Terminate, then kill what is still alive after `grace` seconds."""
    import psutil

    for process in processes:
        try:
            process.terminate()
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(processes, timeout=grace)
    for process in alive:
        try:
            process.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(alive, timeout=grace)


def describe(processes):
    """A short line per process, for a failure message (a process may end while we look)."""
    import psutil

    lines = []
    for process in processes:
        try:
            lines.append(f"{process.pid}: {' '.join(process.cmdline())[:160]}")
        except psutil.Error:
            lines.append(f"{process.pid}: (ended)")
    return lines


def open_connections_to(ports):
    """This test process's TCP connections to any of `ports` that are still open."""
    import psutil

    return [c for c in psutil.Process().net_connections(kind="tcp") if c.raddr and c.raddr.port in ports]


@pytest.fixture(scope="session")
def hub(tmp_path_factory):
    """Start JupyterHub; yield its URL, password, homes folder and marker; stop everything."""
    if shutil.which("jupyterhub", path=str(BIN)) is None or shutil.which("jupyterhub-singleuser", path=str(BIN)) is None:
        _missing("jupyterhub is not installed in this Python")
    try:
        import nbgitpuller  # noqa: F401
    except ImportError:
        _missing("nbgitpuller is not installed in this Python")
    proxy = find_proxy()
    if proxy is None:
        _missing("configurable-http-proxy not found")
    if shutil.which("git") is None:
        _missing("git not found")

    work = tmp_path_factory.mktemp("hub")
    # Homes on a short path, like /home/<name>: kernel socket paths must stay under 108 bytes.
    homes = Path(tempfile.mkdtemp(prefix="hub-homes-"))
    marker = secrets.token_hex(8)
    password = secrets.token_urlsafe(12)
    port, hub_port, api_port = free_port(), free_port(), free_port()
    config = work / "jupyterhub_config.py"
    config.write_text(f"""
load_subconfig({str(SHIPPED_CONFIG)!r})  # the course's settings, as TLJH loads them
c = get_config()
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.should_start = True
c.JupyterHub.db_url = "sqlite:///{work / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = {str(work / 'cookie_secret')!r}
c.JupyterHub.pid_file = {str(work / 'jupyterhub.pid')!r}
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = {password!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = {str(homes / '{username}')!r}
c.Spawner.cmd = [{str(BIN / 'jupyterhub-singleuser')!r}]
c.Spawner.environment.update({{"LSTM_HUB_TEST": {marker!r}}})  # teardown finds what it started
if {os.geteuid() == 0}:
    c.Spawner.args.append("--allow-root")  # containers often run as root
""")
    log_path = work / "jupyterhub.log"
    log = open(log_path, "w")
    env = dict(os.environ, LSTM_HUB_TEST=marker)
    env.pop("PYTHONPATH", None)
    hub_process = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(config)], cwd=work, env=env,
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/hub/api", hub_process, "JupyterHub", log_path.read_text)
        yield {"url": url, "password": password, "homes": homes, "marker": marker, "log": log_path,
               "ports": {port, hub_port, api_port}}
    finally:
        # JupyterHub stops the servers and the proxy it started when it is told to stop...
        hub_process.send_signal(signal.SIGTERM)
        try:
            hub_process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            hub_process.kill()
            hub_process.wait(timeout=10)
        # ...and whatever is left (after a failure, say) is stopped by its marker.
        left = describe(marked_processes(marker))
        _stop(marked_processes(marker))
        log.close()
        shutil.rmtree(homes, ignore_errors=True)
        assert not marked_processes(marker), "processes of the hub test survived SIGKILL"
        assert not left, f"JupyterHub left {len(left)} process(es) running after it stopped: {left}"


@pytest.fixture(autouse=True)
def closes_everything_it_opens(hub):
    """After each hub test: no kernel left running, no connection to the hub left open, no socket dropped unclosed.

    A dropped socket is otherwise collected, and warns, inside whichever later test is
    running; in one that turns warnings into errors, that test fails. So every
    ResourceWarning during the test, or from what is still uncollected after it, fails here.
    """
    import psutil

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        yield
        gc.collect()
    _, kernels = psutil.wait_procs(marked_processes(hub["marker"], "kernel"), timeout=30)
    still_open = open_connections_to(hub["ports"])
    dropped = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert not kernels, f"{len(kernels)} kernel(s) still running after the test: {describe(kernels)}"
    assert not still_open, f"connections to the hub left open: {still_open}"
    assert not dropped, f"sockets dropped without being closed: {dropped}"


def pytest_terminal_summary(terminalreporter):
    from .test_workshop import FIGURES

    if FIGURES:
        terminalreporter.section("workshop on a JupyterHub (tests/hub)")
        for line in FIGURES:
            terminalreporter.write_line(line)
