"""Responsible units by grammar: sentence roles and complete names."""

from __future__ import annotations

import pytest

from assistant.extract import extract_document
from assistant.orgs import clean_unit
from assistant.roles import sentence_roles
from tests.assistant.test_extract import doc_of


@pytest.mark.parametrize(
    ("sentence", "lead", "support"),
    [
        ("区房屋行政管理部门应当在五日内核定物业管理区域。", ("区房屋行政管理部门",), ()),
        (
            "由县住房城乡建设主管部门责令限期改正，并处二千元以上一万元以下的罚款。",
            ("县住房城乡建设主管部门",),
            (),
        ),
        ("镇人民政府、街道办事处应在5个工作日内完成初核。", ("镇人民政府", "街道办事处"), ()),
        ("市、区民政部门负责本行政区域内志愿服务行政管理工作。", ("市、区民政部门",), ()),
        (
            "县物业主管部门应当会同自然资源和规划部门、街道办事处进行核定。",
            ("县物业主管部门",),
            ("自然资源和规划部门", "街道办事处"),
        ),
        ("第九条托育机构停止服务的，应当提前三十日告知家长。", ("托育机构",), ()),
        ("卫生健康部门在审批时，应当按照每千人口不少于4.5个托位的标准。", ("卫生健康部门",), ()),
        ("通过举办培训班，应当提升能力。", (), ()),
        # a name that ends in a verb (组织), followed by what the body does
        ("县级残疾人组织按照规定开展评估，核发、管理残疾人证。", ("县级残疾人组织",), ()),
        ("志愿服务组织可以依法招募志愿者。", ("志愿服务组织",), ()),
        ("各地要组织开展培训。", (), ()),
        ("提升基层党组织组织力。", (), ()),
    ],
)
def test_sentence_roles_name_complete_units(sentence, lead, support):
    r = sentence_roles(sentence)
    assert r.lead == lead and r.support == support


@pytest.mark.parametrize(
    "fragment",
    [
        "原则上由社区党组织书记",
        "省级有关部门要",
        "有关部门",
        "社区或街道镇与出租方依法签订租房合同",
        "各类社区",
        "（七）",
    ],
)
def test_fragments_are_never_units(fragment):
    assert clean_unit(fragment) == ""


def test_an_elided_subject_comes_from_earlier_in_the_provision():
    doc = doc_of("第九条 街道办事处应当指导成立筹备组。符合条件的，应当在三十日内组建业主大会筹备组。")
    row = next(r for r in extract_document(doc) if r.value == "三十日")
    assert row.lead_units == ("街道办事处",) and row.value_text == "三十日内"


def test_a_range_of_fines_is_one_value():
    doc = doc_of("由县民政部门责令改正，并处一千元以上一万元以下的罚款。")
    [row] = [r for r in extract_document(doc) if r.value]
    assert row.value == "一千元以上一万元以下" and row.lead_units == ("县民政部门",)
