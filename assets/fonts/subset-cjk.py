#!/usr/bin/env python3
"""Writes NotoSansSC-subset.otf: Noto Sans CJK SC cut down to the Chinese the app needs.

Kept: every Han character in the sources (the catalogue's Chinese texts), the 3 755 most common
characters (GB 2312 level 1, so Chinese names typed by a clinic show too), CJK and full-width
punctuation. About 0.8 MB instead of 16 MB. Run it after adding Chinese words with new
characters (the i18n test names any character the font lacks):

    apt-get install fonts-noto-cjk && pip install fonttools
    python3 assets/fonts/subset-cjk.py
"""
import pathlib
import re
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SC = 2  # the collection's Simplified Chinese face

chars = set()
for path in (ROOT / "src").rglob("*.rs"):
    chars.update(re.findall(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", path.read_text(encoding="utf-8")))
for hi in range(0xB0, 0xD8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
text = ROOT / "target" / "cjk-subset-chars.txt"
text.parent.mkdir(exist_ok=True)
text.write_text("".join(sorted(chars)), encoding="utf-8")
subprocess.run(
    [
        "pyftsubset", SOURCE, f"--font-number={SC}", f"--text-file={text}",
        "--unicodes=U+3000-303F,U+FF00-FFEF,U+2018-201F,U+2026,U+00B7",
        "--layout-features=", "--no-hinting", "--name-IDs=*",
        f"--output-file={ROOT / 'assets' / 'fonts' / 'NotoSansSC-subset.otf'}",
    ],
    check=True,
)
