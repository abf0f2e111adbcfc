"""A daily reminder to log, set up with the computer's own scheduler. No network, no daemon.

Linux with systemd: a user timer (~/.config/systemd/user/tracker-reminder.{service,timer}).
Linux without systemd: one line in the user's crontab. macOS: a launchd agent
(~/Library/LaunchAgents/org.tracker.reminder.plist). Each runs
``tracker --db DIARY remind check --notify`` at the time chosen, which shows a
notification only when nothing was logged that day.

Every program this module starts goes through :data:`run` (tests replace it), so nothing
is activated, and nothing outside the user's own folders is written.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import TrackerError, shown

UNIT = "tracker-reminder"
AGENT = "org.tracker.reminder"
CRON_MARK = "# tracker reminder"
MESSAGE = "Nothing logged in your pain diary today: tracker log"


def _run(argv: Sequence[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(argv), input=stdin, capture_output=True, text=True, check=False)


# The one door to other programs (systemctl, crontab, launchctl, notify-send, osascript).
run: Callable[..., subprocess.CompletedProcess[str]] = _run


def parse_time(text: str) -> dt.time:
    """HH:MM on a 24-hour clock ('20:00', '7:30')."""
    match = re.fullmatch(r"\s*(\d{1,2})[:.h](\d{2})\s*", text)
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise TrackerError(
            f"'{shown(text)}' is not a time; use HH:MM on a 24-hour clock, e.g. 20:00"
        )
    return dt.time(int(match.group(1)), int(match.group(2)))


def scheduler() -> str:
    """'launchd' on macOS, 'systemd' where a systemd user session runs, else 'cron'."""
    if sys.platform == "darwin":
        return "launchd"
    if Path("/run/systemd/system").is_dir() and shutil.which("systemctl"):
        return "systemd"
    return "cron"


def check_command(db: str) -> list[str]:
    """What the scheduler runs: this Python, this tracker, this diary."""
    return [sys.executable, "-m", "tracker", "--db", db, "remind", "check", "--notify"]


def _config_home() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def systemd_files() -> tuple[Path, Path]:
    folder = _config_home() / "systemd" / "user"
    return folder / f"{UNIT}.service", folder / f"{UNIT}.timer"


def launchd_file() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{AGENT}.plist"


def systemd_units(at: dt.time, command: list[str]) -> tuple[str, str]:
    """The service (runs the check once) and the timer (every day at `at`)."""
    service = (
        "[Unit]\n"
        "Description=tracker: remind me to log my pain diary\n\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={shlex.join(command)}\n"
    )
    timer = (
        "[Unit]\n"
        "Description=tracker: daily reminder to log\n\n"
        "[Timer]\n"
        f"OnCalendar=*-*-* {at:%H:%M}:00\n"
        "Persistent=false\n\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    return service, timer


def cron_line(at: dt.time, command: list[str]) -> str:
    return f"{at.minute} {at.hour} * * * {shlex.join(command)} {CRON_MARK}"


def launchd_plist(at: dt.time, command: list[str]) -> str:
    arguments = "".join(f"\n    <string>{_xml(part)}</string>" for part in command)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN"'
        ' "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
        '<plist version="1.0">\n<dict>\n'
        f"  <key>Label</key>\n  <string>{AGENT}</string>\n"
        f"  <key>ProgramArguments</key>\n  <array>{arguments}\n  </array>\n"
        "  <key>StartCalendarInterval</key>\n  <dict>\n"
        f"    <key>Hour</key>\n    <integer>{at.hour}</integer>\n"
        f"    <key>Minute</key>\n    <integer>{at.minute}</integer>\n"
        "  </dict>\n</dict>\n</plist>\n"
    )


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class Reminder:
    """A reminder as set up: the scheduler, the time, and the files or line written."""

    scheduler: str
    at: dt.time
    written: tuple[str, ...]  # paths, or the crontab line


# ---------------------------------------------------------------- setting, removing, showing


def set_reminder(at: dt.time, db: str, system: str | None = None) -> Reminder:
    """Write the reminder for this user's scheduler and switch it on (replacing an earlier one)."""
    system = system or scheduler()
    command = check_command(db)
    if system == "systemd":
        service_path, timer_path = systemd_files()
        service, timer = systemd_units(at, command)
        _write(service_path, service)
        _write(timer_path, timer)
        _ok(run(["systemctl", "--user", "daemon-reload"]), "systemctl --user daemon-reload")
        _ok(
            run(["systemctl", "--user", "enable", "--now", f"{UNIT}.timer"]),
            f"systemctl --user enable --now {UNIT}.timer",
        )
        return Reminder(system, at, (str(service_path), str(timer_path)))
    if system == "launchd":
        plist = launchd_file()
        if plist.exists():
            run(["launchctl", "unload", str(plist)])
        _write(plist, launchd_plist(at, command))
        _ok(run(["launchctl", "load", "-w", str(plist)]), f"launchctl load -w {plist}")
        return Reminder(system, at, (str(plist),))
    line = cron_line(at, command)
    kept = [old for old in _crontab() if not old.endswith(CRON_MARK)]
    _ok(run(["crontab", "-"], stdin="\n".join([*kept, line]) + "\n"), "crontab -")
    return Reminder(system, at, (line,))


def remove_reminder(system: str | None = None) -> bool:
    """Switch the reminder off and remove what set_reminder wrote; False if there was none."""
    system = system or scheduler()
    if system == "systemd":
        paths = [p for p in systemd_files() if p.exists()]
        if paths:
            run(["systemctl", "--user", "disable", "--now", f"{UNIT}.timer"])
            for path in paths:
                path.unlink()
            run(["systemctl", "--user", "daemon-reload"])
        return bool(paths)
    if system == "launchd":
        plist = launchd_file()
        if not plist.exists():
            return False
        run(["launchctl", "unload", "-w", str(plist)])
        plist.unlink()
        return True
    lines = _crontab()
    kept = [line for line in lines if not line.endswith(CRON_MARK)]
    if len(kept) == len(lines):
        return False
    _ok(run(["crontab", "-"], stdin="\n".join(kept) + "\n" if kept else ""), "crontab -")
    return True


def current_reminder(system: str | None = None) -> Reminder | None:
    """The reminder set up now, read back from what was written; None if there is none."""
    system = system or scheduler()
    if system == "systemd":
        service_path, timer_path = systemd_files()
        if not timer_path.exists():
            return None
        found = re.search(r"OnCalendar=\*-\*-\* (\d\d):(\d\d)", timer_path.read_text("utf-8"))
        at = dt.time(int(found.group(1)), int(found.group(2))) if found else dt.time(0)
        return Reminder(system, at, (str(service_path), str(timer_path)))
    if system == "launchd":
        plist = launchd_file()
        if not plist.exists():
            return None
        text = plist.read_text("utf-8")
        hour = re.search(r"<key>Hour</key>\s*<integer>(\d+)", text)
        minute = re.search(r"<key>Minute</key>\s*<integer>(\d+)", text)
        at = dt.time(int(hour.group(1)) if hour else 0, int(minute.group(1)) if minute else 0)
        return Reminder(system, at, (str(plist),))
    for line in _crontab():
        if line.endswith(CRON_MARK):
            minute_text, hour_text = line.split()[:2]
            return Reminder(system, dt.time(int(hour_text), int(minute_text)), (line,))
    return None


def notify(message: str = MESSAGE) -> None:
    """A desktop notification, where the computer has a way to show one."""
    if sys.platform == "darwin":
        run(["osascript", "-e", f'display notification "{message}" with title "tracker"'])
    elif shutil.which("notify-send"):
        run(["notify-send", "tracker", message])


def _crontab() -> list[str]:
    if not shutil.which("crontab") and run is _run:
        raise TrackerError(
            "neither systemd nor cron is available here to run a daily reminder; "
            "add 'tracker remind check' to whatever runs your daily tasks"
        )
    listed = run(["crontab", "-l"])
    return listed.stdout.splitlines() if listed.returncode == 0 else []


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def _ok(done: subprocess.CompletedProcess[str], what: str) -> None:
    if done.returncode != 0:
        reason = (done.stderr or done.stdout or "").strip().splitlines()
        raise TrackerError(
            f"'{what}' failed ({reason[0] if reason else f'exit code {done.returncode}'});"
            " the reminder is written but not switched on"
        )
