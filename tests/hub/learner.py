"""A simulated learner: what a browser does when a learner follows the course link on a hub.

Logs in with the shared password, follows the nbgitpuller link (waiting while the hub
starts their server), pulls the course the way nbgitpuller's page does (its event
stream), lands on the notebook, then runs notebooks top to bottom in their own kernels
through Jupyter's REST and websocket APIs, as JupyterLab would. Every wait is bounded.
"""

import asyncio
import html
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlencode, urljoin, urlsplit

import requests
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

PAGE = {"Sec-Fetch-Mode": "navigate", "Sec-Fetch-Site": "same-origin"}
API = {"Sec-Fetch-Mode": "cors", "Sec-Fetch-Site": "same-origin"}
CELL_TIMEOUT = 180  # seconds for one cell
CLOSE_TIMEOUT = 10  # seconds to wait for the server's answer to our close frame


class LearnerError(AssertionError):
    """Something a learner would have seen go wrong."""


@dataclass
class Report:
    name: str
    seconds_to_server: float = None  # login until the hub handed over a running server
    seconds_to_pull: float = None  # then until the course was pulled
    seconds_to_run: dict = field(default_factory=dict)  # notebook: seconds to run it all
    kernels: list = field(default_factory=list)  # kernel ids still running
    helpers_file: dict = field(default_factory=dict)  # notebook: where its kernel found lstm_helpers
    landed: str = None  # the page the link finally opened


class Learner:
    """Use as a context manager: leaving it shuts down the learner's kernels and closes their connections."""

    def __init__(self, hub_url, name, password, deadline):
        self.hub_url = hub_url.rstrip("/")
        self.name = name
        self.password = password
        self.deadline = deadline  # time.monotonic() by which everything must be done
        self.http = requests.Session()
        self.report = Report(name)
        self.base = f"{self.hub_url}/user/{name}/"

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        try:
            self.shut_down_kernels()
        finally:
            self.http.close()  # the pooled connections to the hub

    # -- plumbing ---------------------------------------------------------------

    def _left(self, cap):
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise LearnerError(f"{self.name}: ran out of time")
        return min(cap, left)

    def _get(self, url, **kwargs):
        return self.http.get(url, headers=PAGE, timeout=self._left(60), **kwargs)

    def _api_headers(self):
        return dict(API, **{"X-XSRFToken": self.http.cookies.get("_xsrf", path=f"/user/{self.name}/") or ""})

    def _api(self, method, path, **kwargs):
        response = self.http.request(method, urljoin(self.base, path), headers=self._api_headers(),
                                     timeout=self._left(60), **kwargs)
        if response.status_code >= 400:
            raise LearnerError(f"{self.name}: {method} {path} answered {response.status_code}: {response.text[:300]}")
        return response.json() if response.content else None

    # -- the learner's day ------------------------------------------------------

    def log_in_and_follow(self, link):
        """Log in, follow the link until the server runs and nbgitpuller's page shows."""
        start = time.monotonic()
        login_page = self._get(f"{self.hub_url}/hub/login")
        xsrf = re.search(r'name="_xsrf" value="([^"]+)"', login_page.text)
        form = {"username": self.name, "password": self.password}
        if xsrf:
            form["_xsrf"] = html.unescape(xsrf.group(1))
        next_path = link[len(self.hub_url):]
        page = self.http.post(f"{self.hub_url}/hub/login?{urlencode({'next': next_path})}", data=form,
                              headers=PAGE, timeout=self._left(120))
        if "/hub/login" in page.url and page.status_code != 200 or "Invalid username or password" in page.text:
            raise LearnerError(f"{self.name}: could not log in ({page.status_code} at {page.url})")
        # While the hub starts the server it shows a progress page; the learner reloads.
        while "data-repo=" not in page.text:
            if page.status_code >= 500 or "Spawn failed" in page.text:
                raise LearnerError(f"{self.name}: the hub could not start the server: "
                                   f"{page.status_code} {page.url} {_text(page)[:400]}")
            time.sleep(1)
            page = self._get(link)
        self.report.seconds_to_server = time.monotonic() - start
        return page

    def pull(self, status_page):
        """Do what nbgitpuller's page does: stream its pull API until finished, then go on."""
        start = time.monotonic()
        data = {key: requests.utils.unquote(html.unescape(value))
                for key, value in re.findall(r'data-([a-z-]+)="([^"]*)"', status_page.text)}
        params = {"_xsrf": data["xsrf"], "repo": data["repo"], "targetpath": data["targetpath"]}
        if "branch" in data:
            params["branch"] = data["branch"]
        base = urljoin(self.hub_url, data["base-url"])
        api = f"{base}git-pull/api?{urlencode(params)}"
        finished, output = False, []
        with self.http.get(api, headers=API, stream=True, timeout=self._left(120)) as stream:
            if stream.status_code != 200:
                raise LearnerError(f"{self.name}: git-pull API answered {stream.status_code}")
            for line in stream.iter_lines(decode_unicode=True):
                self._left(1)
                if not line or not line.startswith("data:"):
                    continue
                event = json.loads(line[5:])
                output.append(event.get("output") or "")
                if event.get("phase") == "error":
                    raise LearnerError(f"{self.name}: the pull failed: {event.get('message')}\n{''.join(output)}")
                if event.get("phase") == "finished":
                    finished = True
                    break
        if not finished:
            raise LearnerError(f"{self.name}: the pull stream ended without finishing:\n{''.join(output)}")
        self.report.seconds_to_pull = time.monotonic() - start
        landing = self._get(base + data["path"])
        if landing.status_code != 200:
            raise LearnerError(f"{self.name}: the link's page {landing.url} answered {landing.status_code}")
        self.report.landed = urlsplit(landing.url).path
        return "".join(output)

    def read_notebook(self, path):
        return self._api("GET", f"api/contents/{path}")["content"]

    def save_notebook(self, path, notebook):
        self._api("PUT", f"api/contents/{path}", json={"type": "notebook", "format": "json", "content": notebook})

    def rename(self, path, new_path):
        self._api("PATCH", f"api/contents/{path}", json={"path": new_path})

    def run_notebook(self, path):
        """Open the notebook in a new kernel, run every code cell in order, keep the kernel."""
        start = time.monotonic()
        notebook = self.read_notebook(path)
        session = self._api("POST", "api/sessions", json={
            "path": path, "name": path.rsplit("/", 1)[-1], "type": "notebook", "kernel": {"name": "python3"}})
        kernel_id = session["kernel"]["id"]
        self.report.kernels.append(kernel_id)
        cells = ["".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                 for cell in notebook["cells"] if cell["cell_type"] == "code"]
        probe = "import lstm_helpers as _probe\nprint(_probe.__file__)"
        outputs = asyncio.run(self._execute(kernel_id, session["id"], cells + [probe]))
        for number, (source, out) in enumerate(zip(cells, outputs), start=1):
            if out["error"]:
                raise LearnerError(f"{self.name}: {path} code cell {number} raised {out['error']}\n"
                                   f"--- cell ---\n{source}")
            if out["stderr"].strip():
                raise LearnerError(f"{self.name}: {path} code cell {number} wrote to stderr:\n{out['stderr']}")
        probe_out = outputs[-1]
        if probe_out["error"]:
            raise LearnerError(f"{self.name}: importing lstm_helpers failed: {probe_out['error']}")
        self.report.helpers_file[path] = probe_out["stdout"].strip()
        self.report.seconds_to_run[path] = time.monotonic() - start

    def shut_down_kernels(self):
        """Shut down every kernel this learner started (also after the deadline: this is cleanup)."""
        for kernel_id in self.report.kernels:
            try:
                self.http.delete(urljoin(self.base, f"api/kernels/{kernel_id}"), headers=self._api_headers(),
                                 timeout=30)
            except requests.RequestException:
                pass  # the hub's teardown stops whatever is left
        self.report.kernels.clear()

    async def _execute(self, kernel_id, session_id, sources):
        """Execute each source in the kernel in turn; stop at the first error."""
        url = urljoin(self.base, f"api/kernels/{kernel_id}/channels?session_id={session_id}")
        url = "ws" + url[len("http"):]
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(self.hub_url))
        request = HTTPRequest(url, headers={"Cookie": cookies, "Origin": origin, "Sec-Fetch-Mode": "websocket"},
                              connect_timeout=self._left(30), request_timeout=self._left(30))
        socket = await websocket_connect(request)
        results = []
        try:
            for source in sources:
                results.append(await self._run_cell(socket, session_id, source))
                if results[-1]["error"]:
                    break
        finally:
            await _close(socket)
        return results

    async def _run_cell(self, socket, session_id, source):
        msg_id = uuid.uuid4().hex
        socket.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": self.name, "session": session_id, "date": "",
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": source, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True},
        }))
        out = {"stdout": "", "stderr": "", "error": None}
        replied = idle = False
        cell_deadline = time.monotonic() + CELL_TIMEOUT
        while not (replied and idle):
            left = min(cell_deadline, self.deadline) - time.monotonic()
            if left <= 0:
                raise LearnerError(f"{self.name}: a cell did not finish in time:\n{source}")
            raw = await asyncio.wait_for(socket.read_message(), timeout=left)
            if raw is None:
                raise LearnerError(f"{self.name}: the kernel's websocket closed (the kernel died?) in:\n{source}")
            if not isinstance(raw, str):
                continue  # binary frames carry widget buffers
            message = json.loads(raw)
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "stream":
                out[content["name"]] += content["text"]
            elif kind == "error":
                out["error"] = f"{content['ename']}: {content['evalue']}"
            elif kind == "execute_reply":
                replied = True
                if content["status"] != "ok" and not out["error"]:
                    out["error"] = f"{content.get('ename')}: {content.get('evalue')}"
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        return out


async def _close(socket):
    """Close the websocket and wait (at most CLOSE_TIMEOUT) for the server's close frame.

    tornado's close() only sends our close frame; the socket is closed when the server's
    answer arrives on this event loop. asyncio.run closes the loop as soon as we return,
    so without this wait the socket is left for the garbage collector, which warns
    ("unclosed socket") inside whichever later test happens to be running.
    """
    stream = socket.stream
    socket.close()
    try:
        async with asyncio.timeout(CLOSE_TIMEOUT):
            while await socket.read_message() is not None:
                pass  # messages still queued before the close
    except TimeoutError:
        pass
    finally:
        stream.close()  # already closed after a clean handshake; closes it after a timeout


def _text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text))
