"""What a question asks, read from its words (`indexer/asking.py`)."""

from indexer.asking import read_asked


def test_who_answers_for_a_harm_is_not_who_is_in_charge() -> None:
    assert read_asked("孩子在学校受伤了谁赔？").liability
    assert read_asked("志愿者在服务中受伤了谁负责").liability
    assert not read_asked("犬只的狂犬病防疫谁负责？").liability


def test_whose_a_thing_is_is_not_who_manages_it() -> None:
    whose, manages = read_asked("小区里的广告收入归谁？"), read_asked("小区停车场归谁管？")
    assert whose.whose and whose.owner
    assert manages.owner and not manages.whose


def test_the_asking_words_are_read_where_the_kind_was() -> None:
    """A follow-up's standalone text holds the last question's words; what it asks is read from its own."""
    assert not read_asked("业主委员会有哪些职责？那衡水呢", asks="那衡水呢").members
    assert read_asked("业主委员会有哪些职责？").members


def test_a_sanction_who_sets_and_what_a_word_is() -> None:
    assert read_asked("楼道堆放杂物会被罚款吗").sanction
    assert not read_asked("楼道能不能堆放杂物").sanction
    assert read_asked("停车收费标准谁来定？").who_sets
    assert read_asked("什么是家庭暴力？").what_is and read_asked("什么是家庭暴力？").meaning
    assert not read_asked("家暴了找谁？").what_is


def test_a_theft_is_a_harm_someone_may_answer_for() -> None:
    """The twenty-eighth trial's "电动车被偷了谁负责" asks who answers for a loss, as "…丢失了谁负责" does."""
    assert read_asked("电动车被偷了谁负责？").liability
    assert read_asked("车在小区里被盗了物业要赔吗").liability
    assert not read_asked("防盗门由谁负责安装？").liability


def test_a_thing_damaged_by_something_done_is_a_harm_someone_may_answer_for() -> None:
    """The thirty-sixth trial's "突然停电把家里电器烧坏了谁赔" was led by the fine for cutting power without notice (it asked
    who answers for the harm: "…给用电人造成损失的，依法承担赔偿责任"); a verb and 坏 say what damaged a thing, where 坏了 alone
    asks who repairs it."""
    assert read_asked("突然停电把家里电器烧坏了谁赔？").liability
    assert read_asked("邻居装修把我家水管砸坏了谁负责").liability
    assert not read_asked("家里电表坏了谁负责修？").liability


def test_whether_an_act_is_allowed_is_asked_not_what_it_is_about(seed_retriever) -> None:
    """The twenty-ninth trial's "打麻将赌钱违法吗" was answered with a fine for supplying drug users (违法所得): 违法 was the
    only word of the question the texts hold. It asks whether 打麻将 and 赌钱 are allowed; neither is in the texts."""
    q = seed_retriever.analyze("打麻将赌钱违法吗？")
    assert "违法" in dict(q.words) and "违法" not in q.subject_words
    assert set(q.subject_words) == {"打麻将", "赌钱"}
    assert "违法" in seed_retriever.analyze("违法建筑由谁拆除？").subject_words


def test_what_befalls_the_doer_and_who_pays() -> None:
    """The thirtieth trial's "孩子不去上学家长要负什么责任" asks what befalls whoever does a thing (a sanction or a liability
    answers it), "拆违建的费用谁出" who bears a cost (not who is in charge)."""
    assert read_asked("孩子不去上学家长要负什么责任").consequence
    assert read_asked("虚假诉讼会有什么后果？").consequence
    assert not read_asked("不交物业费会被怎么处罚？").consequence  # a sanction, asked as one
    assert not read_asked("谁负责小区的绿化？").consequence
    assert read_asked("拆违建的费用谁出").pays and read_asked("电梯坏了谁出钱修").pays
    assert read_asked("房屋安全鉴定的费用由谁承担？").pays
    assert not read_asked("小区电梯由谁负责维修？").pays


def test_a_bare_要_asks_whether_a_thing_is_required() -> None:
    """要…吗 asks whether a thing is required, as 需要…吗 does, unless the 要 is another word's (要回, 必要, 只要) or a fee or
    a sanction is what is asked."""
    assert read_asked("家政服务员上岗前要培训吗？").duty
    assert read_asked("农村建房要审批吗").duty
    assert not read_asked("捐出去的东西能要回来吗？").duty
    assert not read_asked("保管人可以请求寄存人支付因保管产生的必要费用吗？").duty
    assert not read_asked("人民调解要收费吗").duty
