import ast
import json
import subprocess
import sys
from pathlib import Path

from benchmarks.matching import main, pruning_gap, synthetic_population, widest_block
from matching.engine import find_candidates

ENGINE = Path(__file__).resolve().parents[3] / "matching" / "engine"
REPORT_KEYS = {
    "mentees",
    "mentors",
    "candidates_s",
    "solve_s",
    "total_s",
    "peak_mb",
    "score",
    "matched",
    "greedy_score",
    "greedy_matched",
    "optimal",
    "pruning_gap",
}


def test_benchmark_runs_small_and_ends_with_a_json_line(capsys):
    report = main(
        ["--mentees", "2000", "--mentors", "900", "--gap-mentees", "2000", "--gap-mentors", "900"]
    )
    last_line = capsys.readouterr().out.strip().splitlines()[-1]
    assert json.loads(last_line) == report
    assert REPORT_KEYS <= report.keys()
    assert report["optimal"] is True
    assert report["score"] >= report["greedy_score"] > 0
    assert report["matched"] >= report["greedy_matched"] > 0


def test_the_pruned_candidate_graph_loses_under_three_per_mille_of_the_total_score():
    gap = pruning_gap(2000, 900, seed=1)

    assert gap["unpruned_edges"] > 2 * gap["pruned_edges"] > 0
    assert gap["unpruned_score"] >= gap["pruned_score"] > 0
    assert 0 <= gap["pruning_gap"] < 0.003


def test_the_unpruned_graph_keeps_every_pair_the_blocks_screen():
    mentees, mentors, _excluded = synthetic_population(500, 200, seed=2)
    widest = widest_block(mentees, mentors)
    everything = find_candidates(mentees, mentors, k=widest, per_place=None)
    assert len(find_candidates(mentees, mentors, k=widest + 50, per_place=None)) == len(everything)
    assert everything.per_youth().max() <= widest


def test_the_engine_imports_only_numpy_ortools_the_vocabulary_and_the_standard_library():
    # vocabulary is the Django-free module of codes the apps share (see test_vocabulary.py).
    allowed = {"numpy", "ortools", "vocabulary"} | set(sys.stdlib_module_names)
    for module in ENGINE.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Import):
                roots = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                roots = {node.module.split(".")[0]}
            else:
                continue
            assert roots <= allowed, (module.name, roots)


def test_importing_the_engine_loads_no_django():
    code = "import sys, matching.engine; print(any(m.startswith('django') for m in sys.modules))"
    output = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ENGINE.parents[1],
    ).stdout
    assert output.strip() == "False"
