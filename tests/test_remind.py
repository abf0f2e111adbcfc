"""Issue 12, remembering to log: what `tracker remind` writes, and when `check` speaks.

Nothing is activated here: every program tracker would start (systemctl, crontab,
launchctl, notify-send) goes through tracker.remind.run, which these tests replace; files
go to the temporary HOME and XDG folders the suite gives every test.
"""

from __future__ import annotations

import datetime as dt
import shlex
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from tracker import remind


@pytest.fixture
def programs(monkeypatch):
    """Record every program tracker would start; a fake crontab keeps what it is given."""
    calls: list[list[str]] = []
    crontab = {"text": "MAILTO=me\n15 3 * * * backup.sh\n"}

    def fake(argv, stdin=None):
        calls.append(list(argv))
        out = ""
        if argv[:2] == ["crontab", "-l"]:
            out = crontab["text"]
        elif argv[:2] == ["crontab", "-"]:
            crontab["text"] = stdin
        return subprocess.CompletedProcess(argv, 0, out, "")

    monkeypatch.setattr(remind, "run", fake)
    return calls, crontab


def test_systemd_timer_is_written_and_switched_on(run, diary, programs, monkeypatch):
    calls, _ = programs
    monkeypatch.setattr(remind, "scheduler", lambda: "systemd")
    result = run("remind", "--at", "20:00")
    assert result.exit_code == 0, result.output
    service, timer = remind.systemd_files()
    assert service == Path.home() / ".config" / "systemd" / "user" / "tracker-reminder.service"
    assert timer.read_text() == (
        "[Unit]\nDescription=tracker: daily reminder to log\n\n[Timer]\n"
        "OnCalendar=*-*-* 20:00:00\nPersistent=false\n\n[Install]\nWantedBy=timers.target\n"
    )
    assert (
        f"ExecStart={sys.executable} -m tracker --db {shlex.quote(diary.target)} remind check"
        " --notify\n" in service.read_text()
    )
    assert calls == [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "--now", "tracker-reminder.timer"],
    ]
    assert result.output.startswith(
        "Reminder set for 20:00 every day, only when nothing is logged that day"
        " (a systemd user timer):"
    )
    assert run("remind").output.startswith("Reminder set for 20:00 every day")
    off = run("remind", "--off")
    assert off.output == "Reminder switched off.\n"
    assert not service.exists() and not timer.exists()
    assert ["systemctl", "--user", "disable", "--now", "tracker-reminder.timer"] in calls
    assert run("remind").output.startswith("No reminder is set.")


def test_a_crontab_line_where_systemd_is_absent_keeps_the_other_lines(
    run, diary, programs, monkeypatch
):
    calls, crontab = programs
    monkeypatch.setattr(remind, "scheduler", lambda: "cron")
    assert run("remind", "--at", "7:30").exit_code == 0
    assert crontab["text"] == (
        "MAILTO=me\n15 3 * * * backup.sh\n"
        f"30 7 * * * {sys.executable} -m tracker --db {shlex.quote(diary.target)} remind check"
        " --notify"
        " # tracker reminder\n"
    )
    assert run("remind", "--at", "21:05").exit_code == 0  # moved, not added twice
    assert crontab["text"].count("# tracker reminder") == 1
    assert "5 21 * * * " in crontab["text"]
    assert run("remind").output.startswith("Reminder set for 21:05")
    assert run("remind", "--off").exit_code == 0
    assert crontab["text"] == "MAILTO=me\n15 3 * * * backup.sh\n"
    assert all(call[0] == "crontab" for call in calls)


def test_a_launchd_agent_on_macos(run, diary, programs, monkeypatch):
    calls, _ = programs
    monkeypatch.setattr(remind, "scheduler", lambda: "launchd")
    assert run("remind", "--at", "20:00").exit_code == 0
    plist = Path.home() / "Library" / "LaunchAgents" / "org.tracker.reminder.plist"
    text = plist.read_text()
    assert "<key>Hour</key>\n    <integer>20</integer>" in text
    assert "<key>Minute</key>\n    <integer>0</integer>" in text
    assert f"<string>{escape(diary.target)}</string>" in text and "<string>check</string>" in text
    assert calls == [["launchctl", "load", "-w", str(plist)]]
    assert run("remind", "--off").exit_code == 0 and not plist.exists()


@pytest.mark.parametrize("typed", ["25:00", "20", "8pm", "20:60"])
def test_a_time_that_is_not_one_is_refused(run, programs, typed):
    result = run("remind", "--at", typed)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: --at: '{typed}' is not a time; use HH:MM on a 24-hour clock, e.g. 20:00\n"
    )
    assert programs[0] == []


def test_check_is_silent_when_today_is_logged_and_speaks_otherwise(run, diary, programs):
    calls, _ = programs
    nothing = run("remind", "check", "--notify")
    assert nothing.exit_code == 0
    assert nothing.output == "Nothing logged in your pain diary today: tracker log\n"
    assert not diary.exists()  # checking creates no diary
    run("log", "4", "--date", "yesterday")
    assert run("remind", "check").output == remind.MESSAGE + "\n"
    run("log", "5")
    calls.clear()
    logged = run("remind", "check", "--notify")
    assert logged.exit_code == 0 and logged.output == ""
    assert calls == []


def test_the_time_is_read_on_a_24_hour_clock():
    assert remind.parse_time("7:30") == dt.time(7, 30)
    assert remind.parse_time("20.15") == dt.time(20, 15)
