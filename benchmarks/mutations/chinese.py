"""Generic facts about Chinese names and characters, no text of any document:
common surnames and the near variants a typist slips to, look-alike
characters, common characters grouped by sound (from jieba's dictionary and
pypinyin) and the pinyin syllables, with the helpers that read them.

It stands alone because these are tables and lookups, not mutations: the
name finders draw on them, and they can be checked or extended without
touching any finder.
"""

from __future__ import annotations

import functools
from pathlib import Path

from mutations.common import _HAN

# -- small tables: generic Chinese and English facts, no text of any document --

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
    "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
    "车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
    "丛仲虞敖巩明佘池查麻苑迟邝"
)
SURNAME_VARIANTS = {
    "张": "章",
    "章": "张",
    "王": "汪",
    "汪": "王",
    "李": "黎",
    "黎": "李",
    "陈": "程",
    "程": "陈",
    "刘": "柳",
    "柳": "刘",
    "杨": "阳",
    "吴": "伍",
    "伍": "吴",
    "徐": "许",
    "许": "徐",
    "周": "邹",
    "邹": "周",
    "林": "凌",
    "凌": "林",
    "何": "贺",
    "贺": "何",
    "冯": "封",
    "于": "余",
    "余": "于",
    "俞": "余",
    "江": "姜",
    "姜": "江",
    "肖": "萧",
    "萧": "肖",
    "赵": "肇",
    "孙": "荀",
    "韩": "寒",
    "郑": "曾",
    "曾": "郑",
    "谢": "解",
    "罗": "骆",
    "骆": "罗",
    "钟": "仲",
    "仲": "钟",
    "戴": "代",
    "黄": "王",
    "傅": "付",
    "付": "傅",
    "邓": "滕",
    "石": "史",
    "史": "石",
    "鲁": "卢",
    "卢": "鲁",
}
# Pairs an eye slips between (both directions are used).
LOOKALIKES = [
    "未末",
    "己已",
    "王玉",
    "日曰",
    "人入",
    "土士",
    "天夭",
    "大太",
    "免兔",
    "戊戌",
    "鸟乌",
    "历厉",
    "候侯",
    "治冶",
    "持特",
    "沐沫",
    "辨辩",
    "析折",
    "明朋",
    "季李",
    "陈阵",
    "林材",
    "海梅",
    "涛涝",
    "华毕",
    "军车",
    "兵乒",
    "建健",
    "国围",
    "平乎",
    "玲铃",
    "洪烘",
    "波坡",
    "峰锋",
    "晴睛",
    "清请",
    "红虹",
    "东冻",
    "宏弘",
    "伟韦",
    "俊浚",
    "斌彬",
    "辉晖",
    "莉利",
    "娟绢",
    "婷亭",
    "刚钢",
    "勇甬",
    "涵函",
    "瑞端",
    "鹏朋",
    "霞暇",
    "燕艳",
    "静靖",
    "丽俪",
    "芳方",
    "颖颍",
    "磊垒",
    "欣新",
    "晨辰",
]
_LOOKALIKE = {}
for _pair in LOOKALIKES:
    a, b = _pair[0], _pair[1]
    if a != b:
        _LOOKALIKE.setdefault(a, b)
        _LOOKALIKE.setdefault(b, a)


@functools.lru_cache(maxsize=1)
def _chars_by_sound() -> tuple[dict[str, list[str]], frozenset[str]]:
    """Common characters by toneless pinyin (jieba's dictionary frequencies), and
    every syllable of every character in that dictionary."""
    import jieba
    from pypinyin import Style, lazy_pinyin

    path = Path(jieba.__file__).with_name("dict.txt")
    by_sound: dict[str, list[str]] = {}
    syllables: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) >= 2 and len(parts[0]) == 1 and _HAN.match(parts[0]):
            (sound,) = lazy_pinyin(parts[0], style=Style.NORMAL, errors="ignore") or [""]
            if sound:
                syllables.add(sound)
                if int(parts[1]) >= 2000:
                    by_sound.setdefault(sound, []).append(parts[0])
    for chars in by_sound.values():
        chars.sort()
    return by_sound, frozenset(syllables)


def _common_chars() -> dict[str, list[str]]:
    return _chars_by_sound()[0]


def _syllables() -> frozenset[str]:
    return _chars_by_sound()[1]


def _sound(ch: str) -> str:
    from pypinyin import Style, lazy_pinyin

    out = lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")
    return out[0] if out else ""


def _surname_sounds() -> dict[str, list[str]]:
    sounds: dict[str, list[str]] = {}
    for s in SURNAMES:
        sounds.setdefault(_sound(s).capitalize(), []).append(s)
    return sounds


def _split_syllables(word: str) -> list[str] | None:
    """'xiaohong' -> ['xiao', 'hong'] (longest match first), or None."""
    syl = _syllables()
    word = word.lower().replace("-", "").replace("'", "")
    out, i = [], 0
    while i < len(word):
        for n in (6, 5, 4, 3, 2, 1):
            if word[i : i + n] in syl:
                out.append(word[i : i + n])
                i += n
                break
        else:
            return None
    return out
