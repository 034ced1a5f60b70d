"""The `line` protocol parser, pure: fed bytes in any chunks, it returns frames and errors."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from hardware.detector import DetectorEvent, EventKind, ParseError, SequenceGap
from hardware.detector.line import LineProtocol, frame

CONTRACT = (
    b"17 HELLO model=WTMD-6 serial=A1234 fw=2.1\r\n18 PASS\r\n"
    b"19 ALARM zones=2,3 level=72 *48\r\n20 STATUS transits=1843 alarms=211\r\n"
    b'21 FAULT code=E12 text="coil 3 open"\r\n'
)


def events(items: Sequence[object]) -> list[DetectorEvent]:
    return [i for i in items if isinstance(i, DetectorEvent)]


def test_the_contract_examples() -> None:
    got = events(LineProtocol("d").feed(CONTRACT))
    assert [(e.sequence, e.kind) for e in got] == [
        (17, EventKind.HELLO),
        (18, EventKind.PASS),
        (19, EventKind.ALARM),
        (20, EventKind.STATUS),
        (21, EventKind.FAULT),
    ]
    hello, _, alarm, status, fault = got
    assert hello.fields == {"model": "WTMD-6", "serial": "A1234", "fw": "2.1"}
    assert (alarm.zones, alarm.level) == ((2, 3), 72)
    assert status.counters == {"transits": 1843, "alarms": 211}
    assert fault.fields["text"] == "coil 3 open"
    assert alarm.raw == b"19 ALARM zones=2,3 level=72 *48\r\n"


def test_checksum_is_the_xor_of_every_byte_before_the_star() -> None:
    # contracts §5 prints "*5C" for this frame; by its own rule the checksum is 48.
    parsed = LineProtocol("d").feed(b"19 ALARM zones=2,3 level=72 *5C\r\n")
    assert isinstance(parsed[0], ParseError) and "checksum 5C" in parsed[0].reason
    assert frame(19, "ALARM", {"zones": "2,3", "level": "72"}, with_checksum=True).endswith(
        b"*48\r\n"
    )


def test_byte_by_byte_and_cr_lf_split_across_reads() -> None:
    parser = LineProtocol("d")
    out: list[object] = []
    for n in range(len(CONTRACT)):
        out += parser.feed(CONTRACT[n : n + 1])
    assert len(events(out)) == 5
    parser = LineProtocol("d")
    assert parser.feed(b"30 PASS\r") == []
    assert events(parser.feed(b"\n"))[0].sequence == 30


def test_bad_frames_are_skipped_and_reading_goes_on() -> None:
    bad = [
        b"31 PASS *00",
        b"32 BOOM",
        b"x PASS",
        b"33",
        b"34 ALARM zones=a",
        b"0 PASS",
        b"70000 PASS",
        b'35 FAULT text="open',
        b"36 PASS level",
        b"\xff\xfe PASS",
    ]
    parser = LineProtocol("d")
    out = parser.feed(b"\r\n".join(bad) + b"\r\n37 PASS\r\n")
    assert sum(isinstance(i, ParseError) for i in out) == len(bad)
    assert [e.sequence for e in events(out)] == [37]
    assert all(isinstance(i, ParseError) and i.raw.endswith(b"\r\n") for i in out[:-1])


def test_a_line_that_never_ends_is_dropped_at_512_bytes() -> None:
    parser = LineProtocol("d")
    out = parser.feed(b"A" * 600)
    assert isinstance(out[0], ParseError) and "512" in out[0].reason
    assert events(parser.feed(b"\r\n40 PASS\r\n"))[0].sequence == 40


def test_sequence_gap_is_reported_and_wrap_is_not() -> None:
    parser = LineProtocol("d")
    out = parser.feed(b"65534 PASS\r\n65535 PASS\r\n1 PASS\r\n4 PASS\r\n")
    gaps = [i for i in out if isinstance(i, SequenceGap)]
    assert [(g.expected, g.got) for g in gaps] == [(2, 4)]


@settings(max_examples=4, deadline=None)
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=4096))
def test_a_megabyte_of_garbage_never_hides_a_valid_frame(seed: int, chunk: int) -> None:
    rng = random.Random(seed)
    stream, sent, seq = bytearray(), [], 0
    while len(stream) < 1_100_000:
        stream += rng.randbytes(rng.randint(0, 20_000))
        seq += 1
        kind = rng.choice(["PASS", "ALARM", "STATUS", "TAMPER"])
        fields = {"zones": "1,4", "level": "50"} if kind == "ALARM" else {}
        stream += b"\r\n" + frame(seq, kind, fields, with_checksum=rng.random() < 0.5)
        sent.append(seq)
    parser = LineProtocol("d", clock=lambda: datetime(2026, 1, 1, tzinfo=UTC))
    got: list[int] = []
    for start in range(0, len(stream), chunk):
        got += [
            e.sequence
            for e in events(parser.feed(bytes(stream[start : start + chunk])))
            if e.sequence is not None
        ]
    it = iter(got)
    assert all(any(g == s for g in it) for s in sent), "a valid frame was lost in the garbage"
