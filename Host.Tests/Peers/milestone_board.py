#!/usr/bin/env python3
"""A stand-in board for posslot diag's tests, on stdin/stdout (socat puts it behind a pty).

It answers machine frames (docs/console.md) for `hello`, `status` and `events [--since ID] [--limit N]`,
the latter in the milestone-history form every helper codes against: `next_id`, `more`, `dropped`,
`events` (45 milestones, ids 101, 104, ...), `routine` (counts since the newest milestone). Anything
else gets error 1. It exists so the client's paging and its routine-count lines are tested without
waiting for a board that has lived long enough.
"""
import json
import sys


def crc16_xmodem(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


MILESTONES = [
    {"id": 101 + 3 * i, "t_ms": 60_000 * (i + 1), "event": "flag_raised" if i % 2 == 0 else "flag_cleared",
     "insertion": 1_000 * (i + 1), "detail": "contact_bounce -> Watch (bounce_time)"}
    for i in range(45)
]
ROUTINE = [
    {"event": "contact_restored", "count": 121, "last_t_ms": 5_381_528, "last_insertion": 62_000},
    {"event": "read_failed", "count": 3, "last_t_ms": 5_300_000, "last_insertion": 61_950},
]


def answer(command: str) -> dict:
    words = command.split()
    if words[:1] == ["hello"]:
        return {"ok": True, "data": {"protocol": "diag/1", "model": "stand-in", "serial": "PS-STANDIN"}}
    if words[:1] == ["status"]:
        return {"ok": True, "data": {"health": "Failed", "fallback": "engaged"}}
    if words[:1] == ["events"]:
        since, limit = 0, 20
        for name, value in zip(words[1::2], words[2::2]):
            if name == "--since":
                since = int(value)
            elif name == "--limit":
                limit = int(value)
        if since < 0 or not 1 <= limit <= 32:
            return {"ok": False, "err": {"code": 2, "msg": "usage: events [--since ID] [--limit N]"}}
        after = [m for m in MILESTONES if m["id"] > since]
        return {"ok": True, "data": {"next_id": MILESTONES[-1]["id"] + 1, "more": len(after) > limit, "dropped": 0,
                                     "events": after[:limit], "routine": ROUTINE}}
    return {"ok": False, "err": {"code": 1, "msg": "unknown command"}}


def main() -> None:
    out = sys.stdout.buffer
    line = b""
    while True:
        chunk = sys.stdin.buffer.read1(1024)
        if not chunk:
            return
        for byte in chunk:
            if byte not in (10, 13):
                line += bytes([byte])
                continue
            if line.startswith(b"$") and b"*" in line:
                inner, crc = line[1:].rsplit(b"*", 1)
                if crc.decode(errors="replace") == "%04X" % crc16_xmodem(inner):
                    seq, _, command = inner.decode().partition(" ")
                    body = json.dumps(answer(command), separators=(",", ":"))
                    reply = ("%s %s" % (seq, body)).encode()
                    out.write(b"$" + reply + b"*" + ("%04X" % crc16_xmodem(reply)).encode() + b"\r\n")
                    out.flush()
            line = b""


if __name__ == "__main__":
    main()
