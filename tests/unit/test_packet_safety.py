"""What `toolkit packet` rests on, without a kit: a failed write keeps the old PDF, and clock
times never wrap past midnight silently. The command itself: tests/build/test_packet_safety.py."""

from __future__ import annotations

import pytest

from generators.schedule import clock, past_midnight


def test_a_failed_write_keeps_the_old_pdf_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    from generators import atomic_write

    old = tmp_path / "packet.pdf"
    old.write_bytes(b"%PDF-1.7 last week's packet")

    def interrupted(source, target):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic_write.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write.write_atomically(old, b"%PDF-1.7 this week's packet")
    assert old.read_bytes() == b"%PDF-1.7 last week's packet"
    assert [p.name for p in tmp_path.iterdir()] == ["packet.pdf"]


# --- Clock times ---------------------------------------------------------------------------

def test_clock_times_never_wrap_silently():
    assert clock("23:00", 60) == "00:00"
    assert past_midnight("23:00", 60) is None
    assert past_midnight("23:00", 61) == ("starts at 23:00 and takes 61 minutes, so it would end at 00:01 "
                                          "the next day, after midnight")
    with pytest.raises(ValueError):
        clock("23:00", 61)
    assert past_midnight("09:00", 3000).startswith("starts at 09:00 and takes 3000 minutes, so it would end "
                                                   "at 11:00 2 days later")
