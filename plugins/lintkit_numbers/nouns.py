"""What is counted: English nouns and the Chinese words that translate them.

Generic newsroom vocabulary, used to tell whether an English count ("seven
key areas") and a Chinese one (N大领域) count the same thing before their
values are compared.  Keys are singular lower-case English nouns; values are
Chinese words or classifiers that may follow a Chinese numeral for them.
Extend it in code review, never with words taken from one article.
"""

from __future__ import annotations

__all__ = ["NOUNS", "zh_terms"]

NOUNS: dict[str, tuple[str, ...]] = {
    "dimension": ("维度",),
    "aspect": ("方面", "层面"),
    "level": ("层面", "层次", "级"),
    "area": ("领域", "方面", "区域", "板块"),
    "field": ("领域",),
    "sector": ("领域", "行业", "产业", "板块"),
    "industry": ("产业", "行业"),
    "zone": ("区", "展区", "园区"),
    "park": ("园区", "园"),
    "project": ("项目", "工程"),
    "program": ("项目", "计划"),
    "programme": ("项目", "计划"),
    "country": ("国家", "国"),
    "region": ("地区", "区域"),
    "province": ("省",),
    "city": ("城市", "市"),
    "enterprise": ("企业", "家"),
    "company": ("企业", "公司", "家"),
    "firm": ("企业", "公司", "家"),
    "institution": ("机构", "单位", "院所", "高校"),
    "organization": ("机构", "组织", "单位"),
    "organisation": ("机构", "组织", "单位"),
    "university": ("高校", "大学", "所"),
    "academician": ("院士",),
    "expert": ("专家",),
    "scientist": ("科学家", "科研人员"),
    "researcher": ("科研人员", "研究人员", "研究员"),
    "talent": ("人才",),
    "member": ("会员", "成员"),
    "representative": ("代表",),
    "delegate": ("代表",),
    "guest": ("嘉宾",),
    "participant": ("参会", "与会", "人"),
    "person": ("人", "名", "位"),
    "people": ("人", "名", "位"),
    "student": ("学生", "名"),
    "worker": ("工人", "职工", "员工"),
    "employee": ("员工", "职工"),
    "household": ("户", "家庭"),
    "family": ("户", "家庭"),
    "achievement": ("成果", "成就"),
    "result": ("成果", "结果"),
    "breakthrough": ("突破",),
    "advance": ("进展",),
    "technology": ("技术", "科技"),
    "patent": ("专利",),
    "standard": ("标准",),
    "paper": ("论文", "篇"),
    "article": ("文章", "篇"),
    "award": ("奖",),
    "prize": ("奖",),
    "product": ("产品", "款"),
    "model": ("模型", "型号", "款"),
    "platform": ("平台",),
    "center": ("中心",),
    "centre": ("中心",),
    "base": ("基地",),
    "laboratory": ("实验室",),
    "lab": ("实验室",),
    "cluster": ("集群",),
    "team": ("团队", "支"),
    "function": ("职能", "功能"),
    "task": ("任务",),
    "measure": ("措施", "举措"),
    "initiative": ("举措", "措施", "行动"),
    "action": ("行动",),
    "principle": ("原则",),
    "direction": ("方向",),
    "mechanism": ("机制",),
    "pillar": ("支柱",),
    "advantage": ("优势",),
    "challenge": ("挑战",),
    "shortcoming": ("短板", "不足"),
    "goal": ("目标",),
    "target": ("目标",),
    "capability": ("能力",),
    "step": ("步", "步骤"),
    "phase": ("阶段", "期"),
    "stage": ("阶段",),
    "chain": ("链",),
    "session": ("届", "次", "期"),
    "meeting": ("会议", "会", "次"),
    "conference": ("会议", "大会", "届"),
    "forum": ("论坛",),
    "event": ("活动", "场"),
    "activity": ("活动", "场"),
    "exhibition": ("展", "展会", "届"),
    "agreement": ("协议",),
    "contract": ("合同",),
    "satellite": ("卫星", "颗"),
    "rocket": ("火箭", "枚"),
    "launch": ("发射", "次"),
    "robot": ("机器人", "台"),
    "vehicle": ("车", "辆"),
    "ship": ("船", "艘"),
    "chip": ("芯片", "颗"),
    "unit": ("台", "套", "单位", "机组"),
    "record": ("纪录", "记录"),
    "category": ("类",),
    "type": ("种", "类"),
    "kind": ("种", "类"),
    "item": ("项",),
    "case": ("例", "个案", "案例"),
    "school": ("学校", "所"),
    "hospital": ("医院", "家"),
    "village": ("村",),
    "county": ("县",),
    "district": ("区",),
}


def zh_terms(english: str) -> tuple[str, ...]:
    """Chinese words for the first glossary noun among the words of ``english``."""
    from lintkit.analysis.quantities import _singular  # noqa: PLC0415

    words = [w.strip(".,;:'’\"()") for w in english.replace("-", " ").split()[:4]]
    # the head of "six major exhibition zones" is the plural noun, not the modifier
    for plural_only in (True, False):
        for word in words:
            if plural_only and not word.lower().endswith("s"):
                continue
            terms = NOUNS.get(_singular(word))
            if terms:
                return terms
    return ()
