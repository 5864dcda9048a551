from indexer.fusion import rrf


def test_rrf_rewards_agreement_over_one_first_place():
    scores = rrf([[1, 2, 3], [2, 3, 1]])
    assert max(scores, key=scores.get) == 2


def test_rrf_weights_scale_each_ranking():
    scores = rrf([[1], [2]], weights=[1.0, 0.3])
    assert scores[1] > scores[2]


def test_item_cut_from_one_list_counts_as_ranked_past_its_end():
    plain = rrf([[1, 2], [2, 3]])
    fair = rrf([[1, 2], [2, 3]], missing_at_depth=True)
    assert plain[1] == 1 / 61 and fair[1] == 1 / 61 + 1 / 63
    assert fair[2] == plain[2]
