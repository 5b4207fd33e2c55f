"""The course's JupyterHub settings for a hub whose learners' servers share one machine.

The Littlest JupyterHub (TLJH): copy this file to
/opt/tljh/config/jupyterhub_config.d/lstm_course.py and run `sudo tljh-config reload hub`.
TLJH loads it after its own settings, so the limits below win over `tljh-config set limits`.
Zero to JupyterHub sets the same numbers in z2jh-values.yaml (a test checks they agree).
tests/hub starts a real JupyterHub with this file and plays a workshop with it.

The numbers come from tests/hub's measurements (INSTRUCTORS.md, "Workshops on a JupyterHub").
"""

import os
import pwd

c = get_config()  # noqa: F821 (JupyterHub defines get_config when it loads this file)

# The folder the nbgitpuller link pulls the course into, in each learner's home
# (tools/hub_link.py's targetpath; a test checks the two agree).
COURSE_FOLDER = "lstm-course"

# A room logging in at once makes servers start slowly. tests/hub: 20 learners on 2 cores
# waited up to 41 s from login to a running server. JupyterHub's defaults (60 s to start,
# 30 s to answer) failed 4 of 5 learners in an earlier trial on a busier 2-core machine;
# 5 minutes leaves room for a bigger room or a slower machine.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300

# Per learner, from tests/hub: a server with every notebook's kernel open (00-05 and 07)
# used 879 MB (RSS; 335 MB with 03 and 04), so 1G is promised and 1.5G is the cap,
# leaving room for a notebook more. Starting, pulling and running notebooks 03 and 04
# cost 4.3 CPU-seconds; 0.1 of a core each gets a room started in about a minute, and
# 1 core caps a runaway loop.
c.Spawner.mem_guarantee = "1G"
c.Spawner.mem_limit = "1.5G"
c.Spawner.cpu_guarantee = 0.1
c.Spawner.cpu_limit = 1.0

c.Spawner.default_url = "/lab"


def learner_home(spawner):
    """The learner's home directory, which is where their Jupyter server starts."""
    home = getattr(spawner, "home_dir", None)  # SimpleLocalProcessSpawner (tests/hub)
    if home:
        return home
    # SystemdSpawner (TLJH) runs the server as a system user named by username_template
    # (TLJH sets it to "jupyter-<name>"); LocalProcessSpawner uses the hub name itself.
    template = getattr(spawner, "username_template", "{USERNAME}")
    system_name = template.replace("{USERNAME}", spawner.user.name)
    return pwd.getpwnam(system_name).pw_dir


def course_on_python_path(spawner):
    """Put the learner's pulled copy first on the kernel's path.

    nbgitpuller updates the notebooks in the learner's home; this makes every kernel
    import lstm_helpers from the same pull, so notebook and package never disagree.
    """
    return os.path.join(learner_home(spawner), COURSE_FOLDER)


def short_runtime_folder(spawner):
    """A runtime folder whose socket paths stay under Linux's 107 characters (see ipc below)."""
    return os.path.join(learner_home(spawner), ".jupyter-runtime")


c.Spawner.environment.update({
    "PYTHONPATH": course_on_python_path,
    "JUPYTER_RUNTIME_DIR": short_runtime_folder,
})

# Settings for each learner's Jupyter server.
c.Spawner.args.extend([
    # Kernels talk to their server over Unix sockets, not TCP ports: with every learner's
    # kernels on one machine, TCP ports chosen at the same moment clashed (at 20 learners
    # one kernel died with "Address already in use"). The sockets live in the runtime
    # folder above: under ~/.local/share/jupyter/runtime, a long user name made their
    # paths too long for Linux ("File name too long").
    "--KernelManager.transport=ipc",
    # A kernel whose notebook is closed and idle for 20 minutes is shut down to free its
    # memory; a kernel with its notebook open is never culled.
    "--MappingKernelManager.cull_idle_timeout=1200",
    "--MappingKernelManager.cull_interval=120",
    "--MappingKernelManager.cull_connected=False",
])

# The JupyterLab settings the repository ships in jupyter_config/ (no news pop-up, no update
# check, a read-only extension manager: nothing reaches outside the hub) are files, read by each
# learner's server when it starts, so they belong in the learners' environment, not here:
# TLJH: `sudo cp -r /opt/lstm-course/jupyter_config/. /opt/tljh/user/etc/jupyter/` (INSTRUCTORS.md);
# Zero to JupyterHub: hub/Dockerfile copies them into the image. A copy pulled into a learner's
# home would arrive after the server had started.
