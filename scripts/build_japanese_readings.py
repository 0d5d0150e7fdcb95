"""Build lintkit/data/japanese-readings.txt from Unihan (kJapaneseOn, kJapaneseKun, kTraditionalVariant).

apt-get download unicode-data && dpkg-deb -x unicode-data_*.deb x
python scripts/build_japanese_readings.py x/usr/share/unicode > lintkit/data/japanese-readings.txt
"""

import bz2
import sys
import collections

src = sys.argv[1]
readings = collections.defaultdict(list)
trad = {}


def rows(name):
    with bz2.open(f"{src}/{name}", "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cp, field, value = line.rstrip("\n").split("\t")
            yield chr(int(cp[2:], 16)), field, value


for ch, field, value in rows("Unihan_Readings.txt.bz2"):
    if field in ("kJapaneseKun", "kJapaneseOn"):
        for r in value.split():
            r = r.lower()
            if r not in readings[ch]:
                readings[ch].append(r)
for ch, field, value in rows("Unihan_Variants.txt.bz2"):
    if field == "kTraditionalVariant":
        trad[ch] = [chr(int(v[2:].split("<")[0], 16)) for v in value.split()]
out = {}
for ch, rs in readings.items():
    if 0x4E00 <= ord(ch) <= 0x9FFF:
        out[ch] = rs
for ch, ts in trad.items():
    if not (0x4E00 <= ord(ch) <= 0x9FFF):
        continue
    rs = list(out.get(ch, ()))
    for t in ts:
        for r in readings.get(t, ()):
            if r not in rs:
                rs.append(r)
    if rs:
        out[ch] = rs
print("""# Japanese readings of Han characters: a character, then its readings (on and kun), lower case, space-separated.
# From the Unicode Han Database (Unihan) 15.0.0, fields kJapaneseOn and kJapaneseKun, as shipped by
# Debian's unicode-data 15.0.0-1 (/usr/share/unicode/Unihan_Readings.txt.bz2); a simplified character
# also takes the readings of its kTraditionalVariant (Unihan_Variants.txt.bz2).
# Modified: extracted and reformatted; only U+4E00..U+9FFF.  Unicode, Inc. licence (LICENSE-unicode beside this file).
# Used by names.organisation-mismatch: is an English romanization a reading of a Japanese name in characters?
# Rebuild with scripts/build_japanese_readings.py; add lines for readings it lacks (a name reading, say).""")
for ch in sorted(out):
    print(ch + "\t" + " ".join(out[ch]))
