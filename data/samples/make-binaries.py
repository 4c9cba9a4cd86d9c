#!/usr/bin/env python3
"""Writes the sample host's binary inputs from the pages of grace-2s.retired.csv (run from this folder).

grace-2s-egm0.fwtable.bin  the socket-0 firmware table, dumped as 8 + 8 * count bytes
grace-2s-egm1.fwtable.bin  the socket-1 firmware table, dumped whole (4096 slots, 32776 bytes)
egm1-retired.ioctl.bin     EGM_RETIRED_PAGES_LIST for /dev/egm1 on a 4 KiB-page host:
                           each 64 KiB firmware page as 16 adjacent 4 KiB entries
"""
import struct

EGM0, EGM1, SIZE = 0x20_0000_0000, 0x4020_0000_0000, 384 << 30
fw = []
for line in open("grace-2s.retired.csv"):
    fields = line.strip().split(",")
    if len(fields) == 3 and fields[2] == "fw-table":
        fw.append(int(fields[0], 16))

egm0 = [a for a in fw if EGM0 <= a < EGM0 + SIZE]
egm1 = [a for a in fw if EGM1 <= a < EGM1 + SIZE]

with open("grace-2s-egm0.fwtable.bin", "wb") as f:
    f.write(struct.pack("<Q", len(egm0)) + b"".join(struct.pack("<Q", a) for a in egm0))

with open("grace-2s-egm1.fwtable.bin", "wb") as f:
    f.write(struct.pack("<Q", len(egm1)) + b"".join(struct.pack("<Q", a) for a in egm1))
    f.write(b"\0" * 8 * (4096 - len(egm1)))

entries = [(a - EGM1 + i * 4096, 4096) for a in egm1 for i in range(16)]
with open("egm1-retired.ioctl.bin", "wb") as f:
    f.write(struct.pack("<II", 8 + 16 * len(entries), len(entries)))
    f.write(b"".join(struct.pack("<QQ", o, s) for o, s in entries))
