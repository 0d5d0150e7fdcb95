"""The vocabulary of the fuzz generators: invented Chinese and English words,
names, organisations, punctuation, numeral characters, reference markers and
type codes, the hostile characters (``HOSTILE``) and the alphabets and
fragments property tests draw from (``ALPHABET``, ``FRAGMENTS``).

It stands alone because it is data only: every generator reads it and it
reads nothing.
"""

from __future__ import annotations

# -- vocabulary -------------------------------------------------------------------

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
COMPOUND_SURNAMES = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫"]
GIVEN = "建明华伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛超霞平刚桂志宏海峰晓雯嘉宁一鸣思远文博雨桐立群子轩浩然欣怡"
PINYIN = {
    "王": "Wang", "李": "Li", "张": "Zhang", "刘": "Liu", "陈": "Chen", "杨": "Yang", "赵": "Zhao", "黄": "Huang",
    "周": "Zhou", "吴": "Wu", "徐": "Xu", "孙": "Sun", "林": "Lin", "郭": "Guo", "建": "jian", "明": "ming",
    "华": "hua", "伟": "wei", "芳": "fang", "海": "hai", "峰": "feng", "晓": "xiao", "文": "wen", "博": "bo",
    "一": "yi", "鸣": "ming", "思": "si", "远": "yuan", "强": "qiang", "军": "jun", "志": "zhi", "宏": "hong",
}
ROLES = ["主任", "会长", "局长", "教授", "研究员", "记者", "院长", "总经理", "负责人", "董事长", "副市长", "村支书", "工程师", "发言人"]
VERBS = ["表示", "说", "介绍", "指出", "认为", "强调", "透露", "坦言", "告诉记者"]
ORGS = [
    ("国家统计局", "National Bureau of Statistics", "NBS"),
    ("中国科学院", "Chinese Academy of Sciences", "CAS"),
    ("中国社会科学院", "Chinese Academy of Social Sciences", "CASS"),
    ("教育部", "Ministry of Education", "MOE"),
    ("世界卫生组织", "World Health Organization", "WHO"),
    ("北京大学", "Peking University", "PKU"),
    ("清华大学", "Tsinghua University", "THU"),
    ("市统计局", "municipal statistics bureau", ""),
    ("国际货币基金组织", "International Monetary Fund", "IMF"),
]
TOPICS = ["示范区", "河道治理", "新能源汽车", "数字经济", "乡村振兴", "人工智能", "电池回收", "城市更新", "公共交通",
          "养老服务", "碳排放", "跨境电商", "芯片产业", "文化旅游", "生态修复", "社区治理"]
NOUNS = ["家企业", "名居民", "个社区", "万元", "亿元", "平方米", "公里", "吨", "人次", "个岗位", "所学校", "项专利",
         "辆汽车", "座创新中心", "个项目", "名学生", "户家庭", "亩耕地", "元", "倍", "个百分点", "%", "％"]
CONNECT = ["据统计，", "数据显示，", "研究表明，", "截至目前，", "今年以来，", "据悉，", "据了解，", "据{org}统计，",
           "根据{org}发布的报告，", "有专家认为，", "调查显示，", "预计到{year}年，", "与此同时，", "此外，", ""]
CHANGES = ["同比增长", "环比下降", "增长了", "下降了", "达到", "超过", "约为", "累计", "新增", "减少", "提高了"]
ZH_FILLER = ["的", "了", "在", "和", "是", "我们", "一个", "发展", "建设", "工作", "问题", "进一步", "推进", "已经",
             "开始", "相关", "方面", "全面", "情况", "登陆", "登录", "帐号", "账号", "做为", "作为", "在线", "线上"]
EN_WORDS = ["the", "city", "added", "new", "jobs", "year", "on", "according", "to", "report", "said", "that",
            "project", "residents", "million", "billion", "percent", "percentage", "points", "growth", "about",
            "nearly", "more", "than", "the", "the", "had", "had", "email", "e-mail", "river", "battery", "and"]
EN_NUMBER_WORDS = ["one", "two", "three", "ten", "twelve", "twenty", "hundred", "thousand", "million", "billion",
                   "first", "second", "third", "half", "a quarter", "dozens of"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ZH_PUNCT = "，。！？；：、“”‘’（）《》【】「」『』…—·～"
EN_PUNCT = ",.!?;:\"'()[]-/&*#%@$"
NUMERAL_CHARS = "一二三四五六七八九十百千万亿零两〇壹贰叁肆伍陆柒捌玖拾佰仟"
MARKERS = ["[{n}]", "^[{n}]", "[{n}-{m}]", "[{n},{m}]", "［{n}］", "[{n}–{m}]", "^[{n}, {m}]", "[{n}]^", "[{n}][{m}]",
           "【{n}】", "[0]", "[-1]", "^[]", "[", "]", "^["]
TYPE_CODES = ["J", "M", "D", "C", "N", "R", "EB/OL", "Z", "S", "P", "X", "J/OL", ""]

# Odd characters: (what, characters) — each a way text from the wild breaks naive code.
HOSTILE = {
    "emoji": ["😀", "👍🏽", "👨\u200d👩\u200d👧", "🇨🇳", "❤️", "🧪", "📈"],
    "astral": ["𠀀", "𪚥", "𝐀", "𝟙", "𠮷", "\U0010fffd", "𓀀"],
    "combining": ["e\u0301", "\u0301", "中\u0300", "a\u0308\u0323", "\u20dd", "\u3099", "\u0e31"],
    "rtl": ["مرحبا بالعالم", "שלום", "\u202e", "\u200f", "\u202b", "\u2067", "٣٤٥", "۱۲۳"],
    "control": ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029", "\x1c", "\x1f"],
    "invisible": ["\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u00a0", "\u3000", "\t", "\ufffd"],
    "width": ["ＡＢＣ", "１２３", "２０２３年", "１，２００", "３．５万", "％", "＃ ", "－", "．", "～"],
}
ALPHABET = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
    + NUMERAL_CHARS + "0123456789.,%-+/:" + ZH_PUNCT + EN_PUNCT + "abcxyzABCXYZ #>*`|=_~\n\n\n\t "
    + "".join(c for group in HOSTILE.values() for c in "".join(group))
)


# Ready-made pieces: what the structured generators emit, as literals, for
# strategies that join fragments (and so shrink to a few of them).
FRAGMENTS = [
    "参考文献", "## 参考文献", "References", "[1] 王明. 城市研究[J]. 学报, 2019, 4(2): 1-9.", "[2] 李华. 书名[M]. 北京: 出版社, 2018.",
    "[3] Smith J. A title[J]. Nature, 2020.", "[1]", "^[2]", "[1-3]", "［4］", "[12]", "^[", "[0]",
    "Reading Summary", "Reading Summary: The city added 35,000 jobs, up 12% on the year.", "Abstract:", "摘要：", "关键词：",
    "目录", "CONTENTS", "本报记者 周明", "文 / 林海", "By Zhou Ming", "——副标题",
    "# 标题", "## 二、研究设计", "- 列表项", "1. 第一项", "> 引用", "```", "`code`", "---", "===", "| a | b |",
    "<!-- lintkit-disable -->", "<!-- lintkit-enable -->", "<!-- lintkit-disable-next-line numbers -->",
    "主任王建国表示，", "张伟说：“", "”", "据国家统计局统计，", "数据显示，", "研究表明，", "据悉，", "登陆", "帐号",
    "3.5万", "1,200", "12%", "１２％", "三千五百万", "一亿零二十", "两千余", "近三成", "百分之十二", "3300.67余", "万", "亿", "万亿",
    "2023年3月15日", "2023—2025年", "第三", "35,000", "3.5 million", "12 percent", "percentage points", "thirty",
    "Wang Jianguo", "Zhang Wei", "National Bureau of Statistics", "NBS", "the the", "的的",
    "。", "，", "、", "；", "：", "！", "？", "“", "‘", "’", "（", "）", "《", "》", "【", "】", "…", "——",
    ".", ",", "!", "?", ";", ":", "\"", "'", "(", ")", " ", "　", "\t", "\n", "\n\n",
] + [c for group in HOSTILE.values() for c in group]
