#!/usr/bin/env python3
"""An independent diag/1 client, written from docs/console.md alone (not from the C# code).

Usage: diag_peer.py PORT [SECONDS]
Reads `hello` and `status` in machine mode, checks every CRC, then waits up to SECONDS (default 20)
for one seq-0 event. Prints one JSON object with what it read; exits 0 only if all three arrived
intact and well-formed.

Usage: diag_peer.py act PORT KEYFILE COMMAND...
Logs in with the key file (challenge-response), derives the session key, and runs COMMAND three
ways: untagged (as any other client on the line would send it), tagged with the session key, and
tagged again after `auth logout`. Prints one JSON object; exits 0 only if the untagged and the
after-logout attempts were refused and the tagged one ran.
"""
import hashlib
import hmac
import json
import random
import sys
import time

import serial  # pyserial (Debian: python3-serial)


def crc16_xmodem(data: bytes) -> int:
    crc = 0x0000
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


assert crc16_xmodem(b"123456789") == 0x31C3


def frame(seq: int, command: str, session_key: bytes = None) -> bytes:
    inner = f"{seq} {command}".encode("utf-8")
    if session_key is not None:
        # The tag: the first 16 bytes of HMAC-SHA256(session key, "seq command"), 32 uppercase hex digits.
        tag = hmac.new(session_key, inner, hashlib.sha256).digest()[:16]
        inner += b" !" + tag.hex().upper().encode()
    return b"$" + inner + b"*" + f"{crc16_xmodem(inner):04X}".encode() + b"\r\n"


def read_key_file(path: str):
    serial_no, key = None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, _, value = line.partition("=")
            if name.strip() == "serial":
                serial_no = value.strip()
            elif name.strip() == "key":
                key = bytes.fromhex(value.strip())
    return serial_no, key


class Peer:
    def __init__(self, port: str):
        # No DTR/RTS games: leave them as they are (ESP32 boards wire them to reset).
        self.s = serial.Serial()
        self.s.port = port
        self.s.baudrate = 115200
        self.s.timeout = 0.2
        self.s.dsrdtr = False
        self.s.rtscts = False
        self.s.open()
        self.buf = b""
        self.seq = random.randint(1, 900_000_000)
        self.events = []
        self.bad_crc = 0

    def lines(self):
        chunk = self.s.read(4096)
        self.buf += chunk
        while True:
            cut = min([i for i in (self.buf.find(b"\r"), self.buf.find(b"\n")) if i >= 0], default=-1)
            if cut < 0:
                return
            line, self.buf = self.buf[:cut], self.buf[cut + 1:]
            if line:
                yield line

    def parse(self, line: bytes):
        """(seq, body dict) of an intact frame, or None."""
        if not line.startswith(b"$") or len(line) < 7 or line[-5:-4] != b"*":
            return None
        inner, crc_text = line[1:-5], line[-4:]
        if crc_text.upper() != crc_text or f"{crc16_xmodem(inner):04X}".encode() != crc_text:
            self.bad_crc += 1
            return None
        seq_text, _, body = inner.partition(b" ")
        return int(seq_text), json.loads(body.decode("utf-8"))

    def pump(self):
        for line in self.lines():
            parsed = self.parse(line)
            if parsed is None:
                continue
            seq, body = parsed
            if seq == 0:
                self.events.append(body)
            else:
                self.replies[seq] = body

    def request(self, command: str, timeout: float = 3.0, session_key: bytes = None):
        self.replies = getattr(self, "replies", {})
        self.seq += 1
        seq = self.seq
        for _ in range(3):  # a lost reply: same frame again (the board answers from its cache)
            self.s.write(frame(seq, command, session_key))
            deadline = time.time() + timeout
            while time.time() < deadline:
                self.pump()
                if seq in self.replies:
                    return self.replies.pop(seq)
        raise RuntimeError(f"no reply to {command!r}")


def act(port: str, key_file: str, command: str):
    serial_no, key = read_key_file(key_file)
    peer = Peer(port)
    challenge = peer.request("auth challenge")["data"]
    if challenge["serial"] != serial_no:
        raise SystemExit(f"key file for {serial_no}, board {challenge['serial']}")
    nonce = bytes.fromhex(challenge["nonce"])
    response = hmac.new(key, nonce + serial_no.encode("utf-8"), hashlib.sha256).digest()
    login = peer.request("auth respond " + response.hex().upper())
    session_key = hmac.new(key, b"session" + nonce + response, hashlib.sha256).digest()
    untagged = peer.request(command)
    tagged = peer.request(command, session_key=session_key)
    logout = peer.request("auth logout")
    after = peer.request(command, session_key=session_key)
    code = lambda r: r.get("err", {}).get("code")
    ok = (
        login.get("ok") is True
        and code(untagged) == 14
        and tagged.get("ok") is True
        and logout.get("ok") is True
        and code(after) == 7
    )
    print(json.dumps({"login": login, "untagged": untagged, "tagged": tagged, "after_logout": after, "bad_crc": peer.bad_crc, "ok": ok}))
    sys.exit(0 if ok else 1)


def main():
    if sys.argv[1] == "act":
        act(sys.argv[2], sys.argv[3], " ".join(sys.argv[4:]))
        return
    port = sys.argv[1]
    wait = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    peer = Peer(port)
    hello = peer.request("hello")
    status = peer.request("status")
    deadline = time.time() + wait
    while not peer.events and time.time() < deadline:
        peer.pump()
    ok = (
        hello.get("ok") is True
        and hello["data"].get("protocol") == "diag/1"
        and status.get("ok") is True
        and status["data"].get("health") in ("Healthy", "Watch", "Degraded", "Failed")
        and len(peer.events) > 0
        and "event" in peer.events[0]["data"]
    )
    print(json.dumps({"hello": hello, "status": status, "event": peer.events[0] if peer.events else None, "bad_crc": peer.bad_crc, "ok": ok}))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
