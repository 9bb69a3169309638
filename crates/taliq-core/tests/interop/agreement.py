"""Computes the agreement coefficients Taliq computes, with the established
implementations (pinned in requirements.txt): nltk's AnnotationTask (`kappa()`: Cohen's
κ averaged over coder pairs, Cohen's κ itself for two coders; `pi()`: Scott's π, for
several coders Fleiss' κ; `alpha()`: Krippendorff's α) and the krippendorff package
(`alpha(reliability_data, level_of_measurement="nominal")`).

Usage: python agreement.py CASES.json
CASES: a list of {"name", "tags": [[tag per token] per annotator], "taliq": {"cohen",
"fleiss", "alpha"}} (cohen only for two annotators; null where Taliq says undefined).
Fails when a figure differs by more than 1e-9."""

import json
import math
import sys

import krippendorff
from nltk.metrics.agreement import AnnotationTask


def close(a, b):
    return a is not None and b is not None and math.isclose(a, b, rel_tol=0, abs_tol=1e-9)


def main() -> None:
    cases = json.load(open(sys.argv[1], encoding="utf-8"))
    for case in cases:
        tags = case["tags"]
        coders = len(tags)
        data = [(str(c), str(i), t) for c, row in enumerate(tags) for i, t in enumerate(row)]
        task = AnnotationTask(data=data)
        ours = case["taliq"]
        codes = {t: n for n, t in enumerate(sorted({t for row in tags for t in row}))}
        matrix = [[codes[t] for t in row] for row in tags]
        if len(codes) > 1:
            k_alpha = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
            n_alpha = task.alpha()
            n_pi = task.pi()
            assert close(ours["alpha"], k_alpha), (case["name"], "alpha", ours["alpha"], k_alpha)
            assert close(ours["alpha"], n_alpha), (case["name"], "nltk alpha", ours["alpha"], n_alpha)
            assert close(ours["fleiss"], n_pi), (case["name"], "fleiss/pi", ours["fleiss"], n_pi)
            if coders == 2:
                n_kappa = task.kappa()
                assert close(ours["cohen"], n_kappa), (case["name"], "kappa", ours["cohen"], n_kappa)
            print(f"{case['name']}: {coders} annotators, {len(tags[0])} tokens: "
                  f"alpha {k_alpha:.6f}, pi/Fleiss {n_pi:.6f}"
                  + (f", Cohen {task.kappa():.6f}" if coders == 2 else ""))
        else:
            # one category only: the references divide by zero; Taliq says 1 (total agreement)
            assert ours["alpha"] == 1.0 and ours["fleiss"] == 1.0, case
            print(f"{case['name']}: one category only, Taliq gives 1")


if __name__ == "__main__":
    main()
