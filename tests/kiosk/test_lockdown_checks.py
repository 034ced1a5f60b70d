"""Lockdown checks that need no Qt: prohibited programs, the machine, an unclean last exit."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from kiosk.lockdown.environment import remote_session, virtual_machine
from kiosk.lockdown.exit_marker import ExitMarker
from kiosk.lockdown.processes import DEFAULT_PROHIBITED, ProcessWatch
from tests.hall import wait_until


def test_a_running_prohibited_program_is_found_and_its_end_noticed() -> None:
    watch = ProcessWatch(["sleep"])
    program = subprocess.Popen(["sleep", "600"])
    try:
        # Right after exec the kernel may show the name before the command line: wait for both.
        wait_until(
            lambda: any(
                f.pid == program.pid and f.name == "sleep" and f.command == "sleep 600"
                for f in watch.scan()
            ),
            what="the watcher to see the program and its command line",
        )
    finally:
        program.kill()
        program.wait(timeout=10)
    assert all(f.pid != program.pid for f in watch.scan())


def fake_proc(root: Path, processes: dict[int, tuple[str, str]]) -> Path:
    for pid, (comm, cmdline) in processes.items():
        folder = root / str(pid)
        folder.mkdir(parents=True)
        (folder / "comm").write_text(comm + "\n")
        (folder / "cmdline").write_bytes(cmdline.replace(" ", "\0").encode() + b"\0")
    (root / "self").mkdir()
    return root


def test_names_and_program_paths_are_both_matched(tmp_path: Path) -> None:
    proc = fake_proc(
        tmp_path / "proc",
        {
            10: ("firefox-esr", "/usr/lib/firefox-esr/firefox-esr --new-window"),
            11: ("Web Content", "/opt/google/chrome/chrome --type=renderer"),
            12: ("python3", "/usr/bin/python3 -m kiosk"),
            13: ("AnyDesk", "/usr/bin/anydesk --service"),
        },
    )
    found = ProcessWatch(DEFAULT_PROHIBITED, proc).scan()
    assert [(f.pid, f.name) for f in found] == [
        (10, "firefox-esr"),
        (11, "chrome"),
        (13, "anydesk"),
    ]


def test_a_virtual_machine_is_recognised_from_its_firmware(tmp_path: Path) -> None:
    dmi = tmp_path / "dmi"
    dmi.mkdir()
    (dmi / "sys_vendor").write_text("Dell Inc.\n")
    (dmi / "product_name").write_text("OptiPlex 7090\n")
    assert virtual_machine(dmi, use_systemd=False) is None
    (dmi / "product_name").write_text("Standard PC (Q35 + ICH9, 2009)\n")
    (dmi / "sys_vendor").write_text("QEMU\n")
    assert virtual_machine(dmi, use_systemd=False) == "QEMU"


def test_remote_sessions_are_recognised() -> None:
    assert remote_session({"DISPLAY": ":0"}) is None
    assert remote_session({"DISPLAY": ":0", "SSH_CONNECTION": "10.0.0.5 50000 10.0.0.9 22"}) == (
        "SSH_CONNECTION is set"
    )
    assert "another host" in (remote_session({"DISPLAY": "teacher-pc:10.0"}) or "")


def test_a_killed_kiosk_leaves_the_marker_and_a_clean_exit_removes_it(tmp_path: Path) -> None:
    marker = tmp_path / "kiosk" / "running.json"
    code = (
        "import sys, threading\nfrom pathlib import Path\n"
        "from kiosk.lockdown.exit_marker import ExitMarker\n"
        "ExitMarker(Path(sys.argv[1])).begin()\nprint('running', flush=True)\n"
        "threading.Event().wait()\n"
    )
    kiosk = subprocess.Popen(
        [sys.executable, "-c", code, str(marker)], stdout=subprocess.PIPE, text=True
    )
    assert kiosk.stdout is not None and kiosk.stdout.readline().strip() == "running"
    kiosk.send_signal(signal.SIGKILL)
    kiosk.wait(timeout=10)
    kiosk.stdout.close()
    previous = ExitMarker(marker).previous_run()
    assert previous is not None and previous["pid"] == kiosk.pid
    restarted = ExitMarker(marker)
    restarted.begin()
    restarted.clean_exit()
    assert ExitMarker(marker).previous_run() is None
    marker.write_text('{"pid": 4')  # torn by a power cut
    assert ExitMarker(marker).previous_run() == {"pid": None, "started_at": None}
