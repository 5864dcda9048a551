"""The map of question vectors learned from consultation questions (`indexer/question_map.py`)."""

from __future__ import annotations

import numpy as np

from eval.consult import article_key, distinct_articles, mean, score
from eval.fit_question_map import map_data, map_for
from indexer.dense import DenseIndex
from indexer.question_map import MAP_FILE, QuestionMap, default_question_map, load_question_map


def test_a_map_is_saved_and_loaded_as_fitted(tmp_path):
    rng = np.random.default_rng(0)
    qmap = QuestionMap(
        (rng.normal(size=(8, 8)) * 0.1).astype(np.float32),
        "some-model",
        frozenset({"中华人民共和国著作权法"}),
        clause_matrix=(rng.normal(size=(8, 8)) * 0.1).astype(np.float32),
    )
    path = tmp_path / "map.npz"
    qmap.save(path, {"data_version": "x"})
    back = load_question_map(path)
    assert back is not None and back.embedder == "some-model" and back.titles == qmap.titles
    assert back.clause_matrix is not None and qmap.clause_matrix is not None
    assert np.allclose(back.clause_matrix, qmap.clause_matrix, atol=1e-3)
    v = rng.normal(size=8).astype(np.float32)
    v /= np.linalg.norm(v)
    assert np.allclose(back(v), qmap(v), atol=1e-2) and abs(float(np.linalg.norm(back(v))) - 1) < 1e-5
    assert load_question_map(tmp_path / "missing.npz") is None


def test_the_mapped_scores_are_the_cosines_of_the_mapped_question_and_the_mapped_clauses():
    """Searched as the retriever searches them (a flat index of the clause side, the query side), every
    clause gets the cosine of q + qW and d + dU; a clause still without a vector stays zeros and, left
    out as the retriever leaves out clauses without vectors, is never a result."""
    rng = np.random.default_rng(1)
    qmap = QuestionMap(
        (rng.normal(size=(8, 8)) * 0.2).astype(np.float32),
        "some-model",
        frozenset(),
        clause_matrix=(rng.normal(size=(8, 8)) * 0.2).astype(np.float32),
    )
    clauses = rng.normal(size=(5, 8)).astype(np.float32)
    clauses[3] = 0.0
    q = rng.normal(size=8).astype(np.float32)
    rows = qmap.clause_side(clauses, chunk=2)
    has_vector = np.flatnonzero(clauses.any(axis=1))
    ids, found = DenseIndex.build(rows).search(qmap.query_side(q), 5, has_vector)
    scores = dict(zip(ids.tolist(), found.tolist(), strict=True))
    mq = qmap(q)
    assert qmap.clause_matrix is not None
    for i in (0, 1, 2, 4):
        d = clauses[i] + clauses[i] @ qmap.clause_matrix
        assert abs(scores[i] - float(mq @ d / np.linalg.norm(d))) < 1e-5
    assert 3 not in scores and not rows[3].any()


def test_a_collection_the_map_was_not_fitted_on_never_sees_it(seed_retriever):
    shipped = default_question_map()
    assert shipped is not None and MAP_FILE.exists()  # the consultation laws' map ships
    assert seed_retriever.question_map is None  # the bundled policy documents are none of its laws
    seed_retriever.use_question_map(QuestionMap(shipped.matrix, "another-model", shipped.titles))
    assert seed_retriever.question_map is None


def test_a_map_fitted_on_some_questions_finds_the_articles_of_others_about_the_same_laws(consult_subset):
    """Fitted here on half of the subset's real questions (the real index, the real embedder), the map
    ranks the marked articles of the other half higher than the pipeline without it."""
    assistant, items, gold = consult_subset
    retriever = assistant.retriever
    data = map_data(retriever, items, gold)
    train = np.arange(0, len(data.items), 2)
    test = [data.items[i] for i in range(1, len(data.items), 2)]

    def figures():
        return mean(
            [
                score(
                    distinct_articles(
                        article_key(h.clause)
                        for h in retriever.search(retriever.analyze(it.question), k=40).hits
                    ),
                    gold[it.id],
                )
                for it in test
            ]
        )

    without = figures()
    retriever.use_question_map(map_for(retriever, data, train, 0.01))
    try:
        assert retriever.question_map is not None
        mapped = figures()
    finally:
        retriever.use_question_map(None)
    assert mapped.rr > without.rr and mapped.hit5 >= without.hit5, (without, mapped)
