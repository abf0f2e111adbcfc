"""The step-by-step `tracker log` of a returning patient, on a pseudo-terminal.

A patient who logged yesterday (places, symptoms, what made it worse and eased it, nights
woken) logs today: Enter keeps the day, they type today's pain, Enter keeps every other
answer but one (a changed night). Prints the keystrokes typed, the questions asked, the
time the program itself took, and that time plus a generous allowance for a person
(1.5 s to read each familiar question, 0.3 s a keystroke). Target (issue 9): under 30 s.

    python benchmarks/bench_ask.py
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, PYTHONPATH=str(ROOT))
READ_SECONDS, KEY_SECONDS, TARGET_SECONDS = 1.5, 0.3, 30.0
YESTERDAY = [
    "log", "6", "--date", "yesterday", "--where", "lower-back=5", "--where", "left-calf=6",
    "--radiates", "left-calf", "--numb", "left-top-of-foot", "--quality", "burning",
    "--worse-with", "standing,walking", "--better-with", "sitting", "--woke", "2",
]  # fmt: skip
# Today's answers, one per question: Enter keeps the answer in [brackets].
ANSWERS = ["", "7", "", "", "", "", "", "", "", "", "1", "", ""]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp, "diary.sqlite3"))
        base = [sys.executable, "-m", "tracker", "--db", db]
        subprocess.run(base + YESTERDAY, check=True, env=ENV, capture_output=True)
        start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(sys.executable, [*base, "log"], ENV)
        asked, transcript = 0, b""
        for answer in ANSWERS:
            while not transcript.rstrip().endswith(b":"):
                ready, _, _ = select.select([fd], [], [], 30)
                assert ready, transcript.decode(errors="replace")
                transcript += os.read(fd, 4096)
            asked += 1
            os.write(fd, answer.encode() + b"\r")
            transcript = b""
        output = b""
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        os.waitpid(pid, 0)
        machine = time.perf_counter() - start
    assert b"Saved entry 2" in output, output.decode(errors="replace")
    keys = sum(len(answer) + 1 for answer in ANSWERS)
    person = machine + asked * READ_SECONDS + keys * KEY_SECONDS
    print(f"questions asked:      {asked}")
    print(f"keystrokes typed:     {keys} (Enter included)")
    print(f"program time:         {machine:.2f} s")
    print(f"with a person typing: {person:.1f} s (target under {TARGET_SECONDS:.0f} s)")
    print(output.decode(errors="replace").strip().splitlines()[-1])


if __name__ == "__main__":
    main()
