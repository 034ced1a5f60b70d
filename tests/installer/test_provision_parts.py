"""The parts of provisioning that need no Debian root: the USB policy, the firewall rules, the
certificate, the units, and one-line refusals of wrong arguments."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from installer.provision import firewall, units, usb
from installer.provision.machine import Machine, ProvisionError
from installer.provision.tls import check_pair, self_signed
from tests.commands import Ran, run_main
from tests.installer.usb_devices import (
    CAMERA,
    DETECTOR,
    HUB,
    KEYBOARD,
    MOUSE,
    STICK,
    write_devices,
)  # fmt: skip

ROOT = Path(__file__).resolve().parents[2]


def test_the_usb_policy_allows_input_and_camera_and_refuses_storage(tmp_path: Path) -> None:
    combo = ("1-6", "abcd", "1234", "X", 'Keyboard "with" a stick', "00",
             [("03", "01", "01"), ("08", "06", "50")])  # fmt: skip
    sysfs = write_devices(tmp_path, HUB, KEYBOARD, MOUSE, CAMERA, STICK, combo)
    devices = usb.present_devices(sysfs)
    assert [d.port for d in devices] == ["1-1", "1-2", "1-3", "1-4", "1-6", "usb1"]
    keyboard = devices[0]
    assert keyboard.is_keyboard and keyboard.allowed and not keyboard.is_storage
    assert devices[2].is_camera and devices[2].interfaces == ("0e:01:00", "0e:02:00", "01:01:00")
    policy = usb.policy(devices)
    allowed = [line for line in policy.splitlines() if line.startswith("allow")]
    assert len(allowed) == 4  # keyboard, mouse, camera, root hub
    assert (
        'allow id 046d:0825 serial "9A7C2B1" name "Webcam C270" via-port "1-3" '
        "with-interface { 0e:01:00 0e:02:00 01:01:00 }"
    ) in allowed
    assert "# refused (mass storage): 0781:5567" in policy
    assert "# refused (mass storage): abcd:1234" in policy  # a keyboard that is also a stick
    if shutil.which("usbguard-rule-parser"):
        path = tmp_path / "rules.conf"
        path.write_text(policy)
        parsed = subprocess.run(
            ["usbguard-rule-parser", "-f", str(path)], capture_output=True, text=True
        )
        assert parsed.returncode == 0 and parsed.stdout.count("OUTPUT: allow") == 4


def test_no_usb_bus_is_no_devices(tmp_path: Path) -> None:
    assert usb.present_devices(tmp_path) == []


def test_the_daemon_settings_are_set_and_the_rest_kept() -> None:
    current = (
        "RuleFile=/etc/usbguard/rules.conf\nImplicitPolicyTarget=allow\n"
        "#PresentDevicePolicy=x\nAuditBackend=FileAudit\n"
    )
    fixed = usb.daemon_config(current)
    assert "ImplicitPolicyTarget=block" in fixed and "ImplicitPolicyTarget=allow" not in fixed
    assert "AuditBackend=FileAudit" in fixed and "#PresentDevicePolicy=x" in fixed
    assert "PresentDevicePolicy=apply-policy" in fixed
    assert usb.daemon_config(fixed) == fixed


def test_firewall_rules_are_valid_nftables(tmp_path: Path) -> None:
    kiosk = firewall.kiosk_rules(["10.20.0.1", "fd00::1"], 8443)
    assert "ip daddr { 10.20.0.1 } tcp dport 8443 accept" in kiosk
    assert "ip6 daddr { fd00::1 } tcp dport 8443 accept" in kiosk
    assert kiosk.count("policy drop") == 3
    server = firewall.server_rules(["10.20.0.0/24"], 8443)
    assert "ip saddr { 10.20.0.0/24 } tcp dport 8443 accept" in server
    with pytest.raises(ProvisionError, match=r"--lan: '10\.20\.0\.0/33'"):
        firewall.server_rules(["10.20.0.0/33"], 8443)
    nft = shutil.which("nft")
    if nft:
        for name, text in (("kiosk", kiosk), ("server", server)):
            path = tmp_path / f"{name}.nft"
            path.write_text(text)
            done = subprocess.run([nft, "-c", "-f", str(path)], capture_output=True, text=True)
            assert done.returncode == 0, done.stderr


def test_a_hall_address_is_resolved_or_refused() -> None:
    assert firewall.resolve("https://127.0.0.1:8443") == (["127.0.0.1"], 8443)
    assert firewall.resolve("https://localhost")[1] == 443
    with pytest.raises(ProvisionError, match="expected https://HOST:PORT"):
        firewall.resolve("hall-server:8443")
    with pytest.raises(ProvisionError, match="cannot resolve"):
        firewall.resolve("https://no-such-host.invalid:8443")


def test_the_self_signed_certificate_names_the_hall_and_matches_its_key() -> None:
    from cryptography import x509

    cert, key = self_signed(["hall-7.local", "10.20.0.1"])
    check_pair(cert, key)
    parsed = x509.load_pem_x509_certificate(cert)
    names = parsed.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert [str(n.value) for n in names] == ["hall-7.local", "10.20.0.1"]
    _, other = self_signed(["x"])
    with pytest.raises(ValueError, match="does not belong"):
        check_pair(cert, other)


def test_units_parse_and_the_kiosk_runs_under_cage_on_tty1() -> None:
    def parsed(text: str) -> configparser.ConfigParser:
        unit = configparser.ConfigParser(strict=False, interpolation=None)
        unit.optionxform = str  # type: ignore[assignment,method-assign]
        unit.read_string(text)
        return unit

    kiosk = parsed(units.kiosk_unit())
    assert kiosk["Service"]["ExecStart"].startswith(
        "/usr/bin/cage -d -- /opt/testing-hall/venv/bin/kiosk"
    )
    assert kiosk["Service"]["TTYPath"] == "/dev/tty1" and kiosk["Service"]["Restart"] == "always"
    assert kiosk["Unit"]["StartLimitIntervalSec"] == "0"
    assert kiosk["Unit"]["Conflicts"] == "getty@tty1.service"
    server = parsed(units.room_server_unit())
    assert server["Service"]["User"] == "testing-hall"
    assert server["Service"]["ExecStart"].endswith("serve --config /etc/testing-hall/hall.toml")
    assert "-s" not in kiosk["Service"]["ExecStart"].split()


def test_machine_writes_only_what_differs(tmp_path: Path) -> None:
    said: list[str] = []
    machine = Machine(said.append)
    path = tmp_path / "etc" / "a.conf"
    import getpass

    me = getpass.getuser()
    assert machine.file(path, "x=1\n", 0o640, me)
    assert not machine.file(path, "x=1\n", 0o640, me)
    path.chmod(0o666)
    assert machine.file(path, "x=1\n", 0o640, me)  # a mode changed by hand is put back
    assert path.stat().st_mode & 0o777 == 0o640
    assert machine.changes == 2 and said[1].startswith("ok ")
    assert path in machine.made


def hall_provision(*args: str) -> Ran:
    """`hall-provision args`, in this process (tests/commands.py)."""
    from installer.provision.cli import main

    return run_main(main, list(args))


@pytest.mark.parametrize(
    "args, said",
    [
        (["kiosk", "--code", "123456"], "the following arguments are required: --hall"),
        (["room-server", "--hall-id", "h", "--upstream", "https://c"], "--lan"),
        (["dance"], "invalid choice"),
    ],
)
def test_wrong_arguments_are_one_line(args: list[str], said: str) -> None:
    done = hall_provision(*args)
    assert done.returncode == 2 and said in done.stderr


def test_hall_provision_runs_as_its_own_program() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "installer.provision.cli", "dance"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2 and "invalid choice" in done.stderr
    assert done.stderr.startswith("usage: hall-provision")


def test_a_missing_detector_adapter_is_named_before_anything_changes(tmp_path: Path) -> None:
    from installer.provision.cli import build_parser
    from installer.provision.room_server import check, detector_serials
    from question_banks.keys import generate_authority_key

    sysfs = write_devices(tmp_path / "sys", HUB, KEYBOARD, DETECTOR)
    assert detector_serials(sysfs) == {"A1B2C3": "ttyUSB0"}
    assert detector_serials(tmp_path / "empty") == {}
    generate_authority_key(tmp_path)
    common = ["room-server", "--hall-id", "h", "--upstream", "https://c", "--lan", "10.0.0.0/8",
              "--authority-pub", str(tmp_path / "authority.pub"),
              "--sysfs", str(sysfs)]  # fmt: skip
    said: list[str] = []
    plan = check(
        build_parser().parse_args([*common, "--detector-serial", "A1B2C3"]), Machine(said.append)
    )
    assert plan.port == 8443
    with pytest.raises(
        ProvisionError, match=r"no serial adapter 'Z9' is plugged in \(adapters seen: A1B2C3\)"
    ):
        check(build_parser().parse_args([*common, "--detector-serial", "Z9"]), Machine(said.append))
    with pytest.raises(ProvisionError, match=r"--authority-pub: "):
        check(
            build_parser().parse_args(
                [*common[:-4], "--authority-pub", str(tmp_path / "none.pub")]
            ),
            Machine(said.append),
        )
    assert said == []  # checking changed nothing and said nothing
