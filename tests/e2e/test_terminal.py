"""`make chat`: the terminal chat on the same engine, typing text and a button's number."""
import os
import subprocess
import sys

from bot.settings import ROOT


def test_terminal_chat(rasa_url, tmp_path):
    # The terminal has no browser to log in with: personal actions are tried with the login gate off here,
    # and test_terminal_personal_actions_show_the_login_link checks the default.
    env = {**os.environ, "NLU_URL": rasa_url, "DATABASE_URL": f"sqlite:///{tmp_path / 'chat.db'}",
           "PYTHONPATH": str(ROOT), "LOGIN_REQUIRED": "false"}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    # "2" presses the second menu button ("Mine samtaler"); "99" is no button; free text; an export; end of input.
    proc = subprocess.run([sys.executable, "-m", "bot", "chat"], input="2\n99\ner du en robot\n/show_my_data\n",
                          text=True, capture_output=True, env=env, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    assert "chatbot" in out and "[1] Book en samtale" in out  # greeting with numbered buttons
    assert "ingen bookede samtaler" in out  # button 2 was pressed
    assert "ikke et menneske" in out
    assert "(99 er ikke en af knapperne. Skriv 1, eller skriv med ord.)" in out  # one button: 'Book en samtale'
    saved = ROOT / "var" / "downloads" / "mine-data.json"
    assert f"(fil: mine-data.json → {saved})" in out and saved.exists()
    # Only the conversation on screen: no log records or library warnings (they go to var/log/chat.log).
    assert "INFO" not in out and "Warning" not in out and "INFO" not in proc.stderr


def test_terminal_personal_actions_show_the_login_link(rasa_url, tmp_path):
    env = {**os.environ, "NLU_URL": rasa_url, "DATABASE_URL": f"sqlite:///{tmp_path / 'chat.db'}",
           "PYTHONPATH": str(ROOT), "LOGIN_REQUIRED": "true"}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    proc = subprocess.run([sys.executable, "-m", "bot", "chat"], input="2\n", text=True, capture_output=True,
                          env=env, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "[1] Log ind med MitID: http://" in proc.stdout and "/auth/login?t=" in proc.stdout
    assert "ingen bookede samtaler" not in proc.stdout
