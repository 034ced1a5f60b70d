"""The systemd units and PAM service of the hall's machines."""

from __future__ import annotations

import shlex

from installer.provision.layout import (
    BACKUPS,
    DETECTOR_LINK,
    FIREWALL_RULES,
    HALL_TOML,
    KIOSK_PAM,
    KIOSK_TOML,
    KIOSK_USER,
    SERVER_USER,
    VAR,
    VENV,
)

SERVER_HARDENING = """\
NoNewPrivileges=yes
ProtectSystem=strict
ProtectHome=yes
PrivateTmp=yes
PrivateIPC=yes
ProtectHostname=yes
ProtectClock=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectProc=invisible
ProcSubset=pid
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
LockPersonality=yes
MemoryDenyWriteExecute=yes
RemoveIPC=yes
KeyringMode=private
CapabilityBoundingSet=
AmbientCapabilities=
SystemCallArchitectures=native
SystemCallFilter=@system-service
SystemCallFilter=~@privileged @resources
SystemCallErrorNumber=EPERM
RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6
UMask=0077
"""


def room_server_unit(*, config: str = str(HALL_TOML), user: str = SERVER_USER) -> str:
    command = shlex.join([str(VENV / "bin" / "operator-console"), "serve", "--config", config])
    return f"""[Unit]
Description=Testing hall room server (API, sync worker, detector reader)
Wants=network-online.target
After=network-online.target postgresql.service {FIREWALL_UNIT_NAME}

[Service]
Type=simple
User={user}
Group={user}
# The detector's serial adapter (/dev/{DETECTOR_LINK}, named by the udev rule) is group dialout.
SupplementaryGroups=dialout
ExecStart={command}
Restart=always
RestartSec=2
# Acknowledged data is on disk before it is acknowledged; give requests in flight time to finish.
TimeoutStopSec=30
StateDirectory=testing-hall
StateDirectoryMode=0750
LogsDirectory=testing-hall
Environment=XDG_DATA_HOME=/var/lib XDG_STATE_HOME=/var/log HOME={VAR}
DevicePolicy=closed
DeviceAllow=char-ttyS rw
DeviceAllow=char-ttyUSB rw
DeviceAllow=char-ttyACM rw
{SERVER_HARDENING}
[Install]
WantedBy=multi-user.target
"""


FIREWALL_UNIT_NAME = "testing-hall-firewall.service"


def firewall_unit() -> str:
    return f"""[Unit]
Description=Testing hall firewall (nftables rules of this machine's role)
DefaultDependencies=no
Before=network-pre.target
Wants=network-pre.target
After=local-fs.target

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/sbin/nft -f {FIREWALL_RULES}
ExecStop=/usr/sbin/nft delete table inet testing_hall

[Install]
WantedBy=sysinit.target
"""


def backup_service(*, days: int, user: str = SERVER_USER) -> str:
    command = shlex.join(
        [
            str(VENV / "bin" / "operator-console"),
            "admin",
            "--config",
            str(HALL_TOML),
            "backup",
            "--dir",
            str(BACKUPS),
            "--keep-days",
            str(days),
        ]
    )
    return f"""[Unit]
Description=Testing hall database backup (kept {days} days)
After=postgresql.service

[Service]
Type=oneshot
User={user}
Group={user}
ExecStart={command}
Environment=XDG_DATA_HOME=/var/lib XDG_STATE_HOME=/var/log HOME={VAR}
ReadWritePaths={VAR}
LogsDirectory=testing-hall
Nice=10
IOSchedulingClass=idle
{SERVER_HARDENING}"""


def backup_timer() -> str:
    return """[Unit]
Description=Daily backup of the testing hall's database

[Timer]
OnCalendar=*-*-* 02:30:00
RandomizedDelaySec=15min
Persistent=true

[Install]
WantedBy=timers.target
"""


def kiosk_unit() -> str:
    """cage on tty1 running the kiosk app, after the cage wiki's `cage@tty1.service` recipe."""
    app = shlex.join([str(VENV / "bin" / "kiosk"), "--config", str(KIOSK_TOML)])
    return f"""[Unit]
Description=Testing hall kiosk (the candidate app in cage on tty1)
After=systemd-user-sessions.service plymouth-quit-wait.service
After=network-online.target {FIREWALL_UNIT_NAME}
Wants=network-online.target
Before=graphical.target
ConditionPathExists=/dev/tty1
Conflicts=getty@tty1.service
After=getty@tty1.service
# A kiosk that crashes comes back, however often: the candidate's answers are in its journal.
StartLimitIntervalSec=0

[Service]
Type=simple
User={KIOSK_USER}
PAMName={KIOSK_PAM}
# cage without -s: no switching to another virtual terminal.
ExecStart=/usr/bin/cage -d -- {app}
Environment=QT_QPA_PLATFORM=wayland XDG_SESSION_TYPE=wayland
Restart=always
RestartSec=1
TTYPath=/dev/tty1
TTYReset=yes
TTYVHangup=yes
TTYVTDisallocate=yes
StandardInput=tty-fail
StandardOutput=journal
StandardError=journal
UtmpIdentifier=tty1
UtmpMode=user

[Install]
WantedBy=graphical.target
"""


def kiosk_pam() -> str:
    return """# The kiosk's session on tty1 (testing-hall-kiosk.service): a logind session for cage.
auth     required pam_unix.so nullok
account  required pam_unix.so
session  required pam_unix.so
session  required pam_systemd.so
"""
